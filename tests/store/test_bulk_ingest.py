"""Import writes in bulk: the number of SQL executions does not grow with the documents (a
return of one INSERT per document, annotation or span would multiply it), and the rows
written are the ones a per-row import writes."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import event, select

from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.store.tables import SpanRow, table_of


def _corpus(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            text = f"ذهب محمد إلى القاهرة يوم {i} ثم إلى بيروت"
            spans = [{"start": 4, "end": 8, "label": "PERS"},
                     {"start": 13, "end": 20, "label": "LOC"}]
            f.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")


def _executions(tmp_path: Path, count: int) -> tuple[int, Project]:
    source = tmp_path / f"docs{count}.jsonl"
    _corpus(source, count)
    project = Project.create(tmp_path / f"p{count}.db", labels=["PERS", "LOC"])
    calls: list[int] = []

    def count_call(*_args: object) -> None:
        calls.append(1)

    event.listen(project.store.engine, "before_cursor_execute", count_call)
    report = import_paths(project, [source])
    event.remove(project.store.engine, "before_cursor_execute", count_call)
    assert report.ingest.added == count and report.ingest.spans_added == 2 * count
    return len(calls), project


def test_statements_per_import_do_not_grow_with_documents(tmp_path: Path) -> None:
    small, _ = _executions(tmp_path, 100)
    large, project = _executions(tmp_path, 3000)
    # 30x the documents: 3 more chunks of 1,000, a few statements each (not 3 per document)
    assert large - small < 40, (small, large)
    S = table_of(SpanRow)
    with project.store.engine.connect() as c:
        rows = c.execute(select(S.c.annotation_id, S.c.start, S.c.end, S.c.label)
                         .order_by(S.c.annotation_id, S.c.start)).all()
    assert len(rows) == 6000 and len({r.annotation_id for r in rows}) == 3000
    assert [tuple(r)[1:] for r in rows[:2]] == [(4, 8, "PERS"), (13, 20, "LOC")]
