"""The tallies SQLite keeps for `stats` (migration 0010) and the document list's counters
(migration 0014) equal counts over the tables after every kind of change: imports in bulk,
random edits and their undos, labels merged and removed with their spans, a label renamed (an
ON UPDATE CASCADE), documents moved, an annotator and a document removed (ON DELETE CASCADE),
and an upgrade of a project made before they existed."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from sqlalchemy import text

from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import SpanState, Status
from annotator.core.operations import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    AddSpan,
    DeleteSpan,
    MergeLabels,
    RejectSuggestion,
    RelabelSpan,
    RemoveLabel,
    SetStatus,
)
from annotator.store import schema
from annotator.store.queries import counted_stats

LABELS = ["LOC", "PER", "ORG"]
TEXTS = [f"ذهب محمد {i} إلى القاهرة ثم بيروت مع سارة" for i in range(12)]


COUNTERS = ("SELECT annotation_id, annotator_id, document_id, position, status, spans, "
            "suggestions FROM annotation_counts ORDER BY annotation_id",
            "SELECT annotator_id, spans, suggestions FROM counted_tally "
            "WHERE spans != 0 OR suggestions != 0 ORDER BY annotator_id")
RECOUNTED = ("SELECT n.id, n.annotator_id, n.document_id, d.position, n.status, "
             "(SELECT count(*) FROM span s WHERE s.annotation_id = n.id), "
             "(SELECT count(*) FROM span s WHERE s.annotation_id = n.id AND s.state = 'suggested') "
             "FROM annotation n JOIN document d ON d.id = n.document_id ORDER BY n.id",
             "SELECT annotator_id, sum(spans > 0), sum(suggestions > 0) FROM (" +
             COUNTERS[0] + ") GROUP BY annotator_id HAVING sum(spans > 0) + sum(suggestions > 0) "
             "> 0 ORDER BY annotator_id")


def counters(project: Project, queries: tuple[str, str] = COUNTERS) -> list[list[tuple]]:
    with project.store.engine.connect() as c:
        return [[tuple(row) for row in c.execute(text(q)).all()] for q in queries]


def tallied(project: Project) -> dict[str, object]:
    return {**project.store.stats(), "counters": counters(project)}


def counted(project: Project) -> dict[str, object]:
    with project.store.engine.connect() as c:
        recounted = counters(project, (RECOUNTED[0], COUNTERS[0]))
        tally = [tuple(row) for row in c.execute(text(RECOUNTED[1])).all()]
        assert recounted[0] == recounted[1]  # the counters themselves (the tally's below)
        return {**counted_stats(c), "counters": [recounted[0], tally]}


def _import(project: Project, path: Path, texts: list[str]) -> None:
    lines = []
    for i, t in enumerate(texts):
        words = [m.span() for m in re.finditer(r"\S+", t)]
        spans = [{"start": s, "end": e, "label": LABELS[(i + k) % 3]}
                 for k, (s, e) in enumerate(words[::3])]
        lines.append(json.dumps({"text": t, "spans": spans}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_paths(project, [path])


def test_tallies_equal_counts_after_random_edits_and_cascades(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "t.db", labels=LABELS)
    _import(project, tmp_path / "a.jsonl", TEXTS)
    assert tallied(project) == counted(project) and tallied(project)["spans"]
    rng = random.Random(13)
    ids = project.store.document_ids()
    undo: list[object] = []
    for step in range(300):
        doc = rng.choice(ids)
        who = rng.choice(["ali", "mona", "imported"])
        annotation = project.annotation_id(doc, who)
        spans = project.spans(annotation)
        words = [m.span() for m in re.finditer(r"\S+", project.store.document_text(doc))]
        kind = rng.randrange(9)
        try:
            if kind <= 2 or not spans:
                start, end = rng.choice(words)
                state = rng.choice([SpanState.ACCEPTED, SpanState.SUGGESTED])
                change = project.apply(AddSpan(annotation, start, end, rng.choice(LABELS), state))
            elif kind == 3:
                change = project.apply(DeleteSpan(rng.choice(spans).id))
            elif kind == 4:
                change = project.apply(RelabelSpan(rng.choice(spans).id, rng.choice(LABELS)))
            elif kind == 5:
                suggested = [s for s in spans if s.state is SpanState.SUGGESTED]
                operation = (AcceptSuggestion if rng.random() < 0.5 else RejectSuggestion)(
                    rng.choice(suggested).id) if suggested else AcceptAllSuggestions(annotation)
                change = project.apply(operation)
            elif kind == 6:
                change = project.apply(SetStatus(annotation, rng.choice(list(Status))))
            elif kind == 7 and step % 50 == 7:  # labels merged and removed (with undo)
                merged = project.apply(MergeLabels("PER", "ORG"))
                assert tallied(project) == counted(project)
                project.apply(merged.inverse)  # type: ignore[arg-type]
                assert tallied(project) == counted(project)
                change = project.apply(RemoveLabel("ORG", delete_spans=True))
            elif kind == 7:
                continue
            else:
                if not undo:
                    continue
                change = project.apply(undo.pop())  # type: ignore[arg-type]
                undo.append(change.inverse)
                continue
        except AnnotatorError:  # refused (overlap, a span already there): nothing changed
            assert tallied(project) == counted(project)
            continue
        undo.append(change.inverse)
        assert tallied(project) == counted(project), f"step {step}: {change.operation}"
    with project.store.write() as c:  # what no domain operation does yet, straight in SQL
        c.execute(text("UPDATE label SET name = 'LOCATION' WHERE name = 'LOC'"))
    assert tallied(project) == counted(project)
    with project.store.write() as c:
        c.execute(text("UPDATE document SET position = 1000 - position"))
    assert tallied(project) == counted(project)
    assert any(n[1] for n in tallied(project)["counters"][1])  # annotations with spans
    with project.store.write() as c:
        c.execute(text("DELETE FROM annotator WHERE name = 'mona'"))
    assert tallied(project) == counted(project)
    with project.store.write() as c:
        c.execute(text("DELETE FROM document WHERE id = :d"), {"d": ids[0]})
    assert tallied(project) == counted(project)
    assert tallied(project)["documents"] == len(TEXTS) - 1
    project.close()


def test_an_upgrade_tallies_what_the_project_held(tmp_path: Path) -> None:
    location = tmp_path / "old.db"
    project = Project.create(location, labels=LABELS)
    _import(project, tmp_path / "a.jsonl", TEXTS)
    project.apply(SetStatus(project.annotation_id(project.store.document_ids()[1], "ali"),
                            Status.DONE))
    expected = counted(project)
    engine = project.store.engine
    with engine.begin() as c:  # back one revision, before the tallies, data kept
        _downgrade(c)
    project.close()
    reopened = Project.open(location)
    assert tallied(reopened) == expected == counted(reopened)
    reopened.close()


def _downgrade(connection) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    command.downgrade(schema._alembic_config(connection), "0009")  # before tallies and counters


def test_an_upgrade_from_0012_fills_the_list_counters(tmp_path: Path) -> None:
    location = tmp_path / "at_0012.db"
    project = Project.create(location, labels=LABELS)
    _import(project, tmp_path / "a.jsonl", TEXTS)
    ids = project.store.document_ids()
    mine = project.annotation_id(ids[2], "ali")
    project.apply(AddSpan(mine, 0, 3, "LOC", SpanState.SUGGESTED))
    project.apply(SetStatus(mine, Status.SKIPPED))
    expected = counted(project)
    with project.store.engine.begin() as c:
        from alembic import command

        command.downgrade(schema._alembic_config(c), "0012")
        assert not c.execute(text("SELECT count(*) FROM sqlite_master "
                                  "WHERE name = 'annotation_counts'")).scalar()
    project.close()
    reopened = Project.open(location)
    assert tallied(reopened) == expected == counted(reopened)
    rows = tallied(reopened)["counters"]
    assert len(rows[0]) == len(TEXTS) + 1 and (reopened.annotation_id(ids[2], "ali"), 1) in [
        (r[0], r[6]) for r in rows[0]]  # the suggestion counted
    reopened.close()


def test_db_copy_leaves_the_counters_to_the_targets_triggers(tmp_path: Path) -> None:
    from annotator.store.copy import copy_database

    project = Project.create(tmp_path / "from.db", labels=LABELS)
    _import(project, tmp_path / "a.jsonl", TEXTS)
    mine = project.annotation_id(project.store.document_ids()[0], "ali")
    project.apply(AddSpan(mine, 0, 3, "LOC", SpanState.SUGGESTED))
    expected = tallied(project)
    project.close()
    copy_database(tmp_path / "from.db", tmp_path / "to.db")
    copied = Project.open(tmp_path / "to.db")
    assert tallied(copied) == expected == counted(copied)
    copied.close()
