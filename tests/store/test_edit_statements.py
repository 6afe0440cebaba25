"""How many SQL statements one everyday edit costs (a ceiling: adding statements back fails),
and that the one-UPDATE lock of those edits still refuses cleanly and rolls back its bump."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event, select

from annotator.core.errors import AnnotatorError
from annotator.core.model import SpanState, Status
from annotator.core.operations import (
    AddSpan,
    DeleteSpan,
    Operation,
    RejectSuggestion,
    RelabelSpan,
    SetStatus,
)
from annotator.store import ProjectStore
from annotator.store.tables import Annotation, table_of

N = table_of(Annotation)
TEXT = "كتب أحمد رسالة إلى سارة في موسكو ثم سافر إلى القاهرة. " * 4

# statements per edit besides BEGIN and COMMIT; the general path took 7-8 of them
CEILING = {"add": 3, "relabel": 3, "delete": 2, "status": 2}


@pytest.fixture
def edited(fresh_project_url: str) -> Iterator[tuple[ProjectStore, int]]:
    from annotator.core.model import SourceDocument
    from annotator.store.ingest import IngestOptions, ingest

    store = ProjectStore.create(fresh_project_url, labels=["PERS", "LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument(TEXT, "doc")], store.project().overlap_policy, IngestOptions())
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    store.spans(annotation)  # a view, so the stale check runs
    store.apply(AddSpan(annotation, 4, 8, "PERS"))  # the span-length bound is now known
    yield store, annotation
    store.close()


class Statements:
    """The statements (and commits) the engine sends while counting."""

    def __init__(self, store: ProjectStore) -> None:
        self.sent: list[str] = []
        self.commits = 0
        event.listen(store.engine, "before_cursor_execute", self._statement)
        event.listen(store.engine, "commit", self._commit)

    def _statement(self, _conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if not statement.startswith("BEGIN"):
            self.sent.append(statement)

    def _commit(self, _conn) -> None:  # type: ignore[no-untyped-def]
        self.commits += 1

    def of(self, store: ProjectStore, op: Operation):  # type: ignore[no-untyped-def]
        self.sent.clear()
        self.commits = 0
        change = store.apply(op)
        return change, len(self.sent), self.commits


def test_each_everyday_edit_stays_within_its_statement_ceiling(edited) -> None:
    store, annotation = edited
    count = Statements(store)
    change, add, commits = count.of(store, AddSpan(annotation, 9, 13, "LOC"))
    assert add <= CEILING["add"] and commits == 1, count.sent
    span_id = change.added[0].id
    _, relabel, commits = count.of(store, RelabelSpan(span_id, "PERS"))
    assert relabel <= CEILING["relabel"] and commits == 1, count.sent
    _, delete, commits = count.of(store, DeleteSpan(span_id))
    assert delete <= CEILING["delete"] and commits == 1, count.sent
    _, status, commits = count.of(store, SetStatus(annotation, Status.DONE))
    assert status <= CEILING["status"] and commits == 1, count.sent
    _, add, commits = count.of(store, AddSpan(annotation, 15, 18, "LOC"))  # bound kept on
    assert add <= CEILING["add"] and commits == 1, count.sent
    assert [(s.start, s.end, s.label) for s in store.spans(annotation)] == [
        (4, 8, "PERS"), (15, 18, "LOC")]
    assert store.annotation_status(annotation) is Status.DONE  # an add leaves it so


def _version(store: ProjectStore, annotation: int) -> int:
    with store.engine.connect() as c:
        return int(c.execute(select(N.c.version).where(N.c.id == annotation)).scalar_one())


@pytest.mark.parametrize("refused,code", [
    (lambda a, s: AddSpan(a, 4, 8, "PERS"), "E108"),
    (lambda a, s: AddSpan(a, 5, 7, "LOC"), "E107"),
    (lambda a, s: AddSpan(a, 9, 13, "NOPE"), "E104"),
    (lambda a, s: AddSpan(a, 8, 14, "LOC"), "E170"),  # ' رسالة': starts on a space
    (lambda a, s: AddSpan(a, 9, 15, "LOC"), "E170"),  # 'رسالة ': ends on one
    (lambda a, s: AddSpan(a, 9, 10**6, "LOC"), "E105"),
    (lambda a, s: AddSpan(10**6, 9, 13, "LOC"), "E117"),
    (lambda a, s: RelabelSpan(s, "NOPE"), "E104"),
    (lambda a, s: RelabelSpan(10**6, "LOC"), "E109"),
    (lambda a, s: DeleteSpan(10**6), "E109"),
    (lambda a, s: RejectSuggestion(s), "E112"),
    (lambda a, s: SetStatus(10**6, Status.DONE), "E117"),
])
def test_a_refused_edit_rolls_back_its_version_bump(edited, refused, code) -> None:
    store, annotation = edited
    span = store.spans(annotation)[0]
    assert span.state is SpanState.ACCEPTED
    before = _version(store, annotation)
    with pytest.raises(AnnotatorError, match=code):
        store.apply(refused(annotation, span.id))
    assert _version(store, annotation) == before
    assert store.spans(annotation) == [span]
    store.apply(RelabelSpan(span.id, "LOC"))  # the view is still current: edits go on
    assert _version(store, annotation) == before + 1


@pytest.mark.postgres
def test_a_colleagues_annotation_is_refused_e159_by_every_everyday_edit(pg_url: str) -> None:
    """Not blind: an annotator reads a colleague's annotation but may not change it (RLS): the
    one-UPDATE lock finds no row it may move and says whose it is not, not 'no such span'."""
    from annotator.core.model import Role, SourceDocument
    from annotator.store import team
    from annotator.store.ingest import IngestOptions, ingest

    owner = ProjectStore.create(pg_url, labels=["PERS", "LOC"])
    with owner.write() as c:
        ingest(c, [SourceDocument(TEXT, "doc")], owner.project().overlap_policy, IngestOptions())
    for name in ("amal", "badr"):
        team.add_member(owner, name, Role.ANNOTATOR, password="s3cret-Pa55")
    doc = owner.document_ids()[0]
    head, rest = pg_url.split("://", 1)
    urls = {name: f"{head}://{name}:s3cret-Pa55@{rest.split('@', 1)[1]}" for name in ("amal", "badr")}
    with ProjectStore.open(urls["badr"]) as badr:
        theirs = badr.annotation_id(doc, "badr")
        span = badr.apply(AddSpan(theirs, 4, 8, "PERS")).added[0]
    before = _version(owner, theirs)
    with ProjectStore.open(urls["amal"]) as amal:
        assert amal.spans(theirs) == [span]
        for op in (AddSpan(theirs, 9, 13, "LOC"), RelabelSpan(span.id, "LOC"),
                   DeleteSpan(span.id), SetStatus(theirs, Status.DONE)):
            with pytest.raises(AnnotatorError, match="E159"):
                amal.apply(op)
    assert _version(owner, theirs) == before
    assert owner.spans(theirs) == [span]
    owner.close()
