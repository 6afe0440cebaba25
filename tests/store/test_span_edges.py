"""A span never starts or ends on whitespace or an invisible mark: the store refuses it (E170)
before storing anything, whatever path the edit came by; undo may bring back an older one."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.history import History
from annotator.core.model import SourceDocument
from annotator.core.operations import AddSpan, Batch, DeleteSpan, ResizeSpan
from annotator.store import ProjectStore
from annotator.store.ingest import IngestOptions, ingest

TEXT = "زار لافروف كوريا \u200fالشمالية أمس"  # a right-to-left mark before الشمالية
KOREA = (TEXT.index("كوريا"), TEXT.index("كوريا") + len("كوريا"))


@pytest.fixture
def project(tmp_path):
    store = ProjectStore.create(str(tmp_path / "p.db"), labels=["PERS", "LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument(TEXT, source="doc")], store.project().overlap_policy,
               IngestOptions())
    yield store, store.annotation_id(store.document_ids()[0], "amal")
    store.close()


@pytest.mark.parametrize("start,end", [
    (KOREA[0], KOREA[1] + 1),  # 'كوريا ': the trailing space an Alt+drag could catch
    (KOREA[0] - 1, KOREA[1]),  # ' كوريا'
    (KOREA[1] + 1, KOREA[1] + 3),  # starts on the right-to-left mark
])
def test_a_span_on_a_separator_is_refused_and_nothing_changes(project, start, end):
    store, annotation = project
    with pytest.raises(AnnotatorError, match="E170") as refused:
        store.apply(AddSpan(annotation, start, end, "LOC"))
    assert store.spans(annotation) == []
    assert "whitespace or an invisible mark" in str(refused.value)


def test_the_message_names_the_word_to_select(project):
    store, annotation = project
    with pytest.raises(AnnotatorError, match=rf"Select the word itself: \[{KOREA[0]}, {KOREA[1]}\)"):
        store.apply(AddSpan(annotation, KOREA[0], KOREA[1] + 1, "LOC"))


def test_resize_and_batch_are_refused_too(project):
    store, annotation = project
    span = store.apply(AddSpan(annotation, *KOREA, "LOC")).added[0]
    with pytest.raises(AnnotatorError, match="E170"):
        store.apply(ResizeSpan(span.id, KOREA[0], KOREA[1] + 1))
    with pytest.raises(AnnotatorError, match="E170"):
        store.apply(Batch((DeleteSpan(span.id), AddSpan(annotation, 0, 4, "PERS"))))
    assert [(s.start, s.end) for s in store.spans(annotation)] == [KOREA]


def test_undo_restores_an_older_span_as_it_was(project):
    """A project made before this rule may hold such a span: deleting it and undoing the
    delete brings the very span back rather than refusing."""
    store, annotation = project
    with store.write() as c:
        c.exec_driver_sql(
            "INSERT INTO span (annotation_id, start, \"end\", label, state, origin, created_at,"
            " updated_at) VALUES (?, ?, ?, 'LOC', 'accepted', 'manual', '2026-01-01',"
            " '2026-01-01')", (annotation, KOREA[0], KOREA[1] + 1))
    old = store.spans(annotation)[0]
    history = History(store.apply)
    history.do(DeleteSpan(old.id))
    history.undo()
    assert [(s.id, s.start, s.end) for s in store.spans(annotation)] == [
        (old.id, KOREA[0], KOREA[1] + 1)]
