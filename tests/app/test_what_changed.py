"""What changed, as every view learns it: the Change of an edit carries the status move the
store made and the documents it touched; each bulk use-case's report says what it changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.app.adjudication import premerge
from annotator.app.assignment import assign
from annotator.app.gazetteer import import_name_files
from annotator.app.importing import ReadOptions, import_paths
from annotator.app.pretagging import clear_suggestions, compose_pretagger, pretag_documents
from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.model import Name, Status
from annotator.core.operations import AddSpan, Batch, DeleteSpan, SetStatus
from annotator.store.gazetteer import add_names

TEXTS = ["زار لافروف القاهرة أمس", "وصل الوفد إلى القاهرة", "لم يحدث شيء هنا"]


@pytest.fixture
def lines(tmp_path: Path) -> Iterator[Project]:
    """Three one-line documents, imported as a user would."""
    source = tmp_path / "docs.txt"
    source.write_text("\n".join(TEXTS) + "\n", encoding="utf-8")
    opened = Project.create(tmp_path / "lines.db", labels=["PERS", "LOC", "ORG"])
    report = import_paths(opened, [source], "txt", ReadOptions(split="line"))
    assert report.changes.document_set and report.changes.labels is False
    yield opened
    opened.close()


@pytest.mark.parametrize("batched", [False, True], ids=["everyday path", "general path"])
def test_the_first_edit_of_a_new_annotation_reports_the_move_to_in_progress(lines, batched):
    doc = lines.document_ids()[0]
    annotation = lines.annotation_id(doc, "amal")
    lines.spans(annotation)  # the view the editor holds
    add = AddSpan(annotation, 4, 10, "PERS")
    change = lines.apply(Batch((add,)) if batched else add)
    assert change.status == (Status.NEW, Status.IN_PROGRESS)
    assert change.statuses == {annotation: Status.IN_PROGRESS}
    assert change.document_ids == {doc}
    again = lines.apply(DeleteSpan(change.added[0].id))
    assert again.status is None and again.statuses == {annotation: Status.IN_PROGRESS}
    done = lines.apply(SetStatus(annotation, Status.DONE))
    assert done.status == (Status.IN_PROGRESS, Status.DONE)
    changes = ProjectChanges.of_edit(done)
    assert changes.edited(annotation) == [done] and changes.documents == {doc}
    assert changes.statuses == {annotation: Status.DONE} and not changes.annotations


def test_bulk_use_cases_say_what_they_changed(lines):
    first, second, third = lines.document_ids()
    add_names(lines.store, [Name("القاهرة", "LOC")])
    amal = [lines.annotation_id(d, "amal") for d in (first, second, third)]
    report = pretag_documents(lines, compose_pretagger(lines, gazetteer="project"))
    assert report.changes.annotations == {amal[0], amal[1]}  # the third has no name in it
    assert report.changes.documents == {first, second}
    assert not report.changes.document_set
    removed, cleared = clear_suggestions(lines)
    assert removed == 2 and set(amal) <= cleared.annotations

    assigned = assign(lines, ["amal", "badr"], per_document=1)
    assert assigned.changes.assignments and assigned.changes.project

    imported = import_name_files(lines, [], starter=True)  # for the project's language
    assert imported.added > 500 and imported.changes.gazetteer
    assert not import_name_files(lines, [], starter=True).changes.anything  # nothing new


def test_premerge_names_the_gold_annotations_it_wrote(lines):
    first = lines.document_ids()[0]
    for name in ("amal", "badr"):
        annotation = lines.annotation_id(first, name)
        lines.apply(Batch((AddSpan(annotation, 4, 10, "PERS"),
                           SetStatus(annotation, Status.DONE))))
    report = premerge(lines)
    gold = lines.annotation_id(first, "gold")
    assert report.changes.annotations == {gold} and report.changes.documents == {first}
