"""The tallies SQLite keeps for `stats` (migration 0010) equal counts over the tables after
every kind of change: imports in bulk, random edits and their undos, a label renamed (an ON
UPDATE CASCADE), an annotator and a document removed (ON DELETE CASCADE), and an upgrade of a
project made before the tallies existed."""

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
    RejectSuggestion,
    RelabelSpan,
    SetStatus,
)
from annotator.store import schema
from annotator.store.queries import counted_stats

LABELS = ["LOC", "PER", "ORG"]
TEXTS = [f"ذهب محمد {i} إلى القاهرة ثم بيروت مع سارة" for i in range(12)]


def tallied(project: Project) -> dict[str, object]:
    return project.store.stats()


def counted(project: Project) -> dict[str, object]:
    with project.store.engine.connect() as c:
        return counted_stats(c)


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
        kind = rng.randrange(8)
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

    command.downgrade(schema._alembic_config(connection), "0009")  # the revision before the tallies
