"""Blind mode's per-edit span calls (migration 0011): on the views' path the store reads and
writes spans by id or place through parameterised SECURITY DEFINER functions that use the span
indexes, with the same rules as on the tables. What they tell about a colleague's spans (nothing)
is probed in tests/team/test_blind_probes.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

import psycopg
import pytest
from team_roles import as_role, raw, team_store

from annotator.core.errors import AnnotatorError
from annotator.core.model import OverlapPolicy, Role, SourceDocument
from annotator.core.operations import AddSpan, DeleteSpan, RelabelSpan, ResizeSpan
from annotator.store import ProjectStore, team
from annotator.store.overlaps import set_overlap_policy
from annotator.store.span_statements import FUNCTIONS, TABLES, span_statements

pytestmark = pytest.mark.postgres
WORD = "كلمة "  # word k spans [5k, 5k + 4)


@pytest.fixture
def long_document(pg_url: str) -> Iterator[tuple[ProjectStore, int, int]]:
    """A blind project with one long document where amal has 3,000 spans (word k: [5k, 5k+4),
    PERS) and badr none; yields (the owner's store, amal's annotation, badr's annotation)."""
    store = team_store(pg_url, ["PERS", "LOC", "ORG"],
                       [SourceDocument(WORD * 3200 + "نهاية", source="long")],
                       [("amal", Role.ANNOTATOR), ("badr", Role.ANNOTATOR)])
    doc = store.document_ids()[0]
    ids = {}
    for name in ("amal", "badr"):
        with ProjectStore.open(as_role(pg_url, name)) as member:
            ids[name] = member.annotation_id(doc, name)
    with store.write() as c:
        c.exec_driver_sql(
            'INSERT INTO span (annotation_id, start, "end", label, state, origin, created_at,'
            " updated_at) SELECT %(a)s, 5 * k, 5 * k + 4, 'PERS', 'accepted', 'manual', now(),"
            " now() FROM generate_series(0, 2999) k", {"a": ids["amal"]})
        c.exec_driver_sql("ANALYZE span")
    yield store, ids["amal"], ids["badr"]
    store.close()


def test_the_calls_answer_her_own_spans(pg_url, long_document):
    _, own, _ = long_document
    with raw(pg_url) as owner:
        word_7 = owner.execute("SELECT id FROM span WHERE annotation_id = %s AND start = 35",
                               (own,)).fetchone()
    assert word_7 is not None
    with raw(as_role(pg_url, "amal")) as amal:
        def one(call: str) -> object:
            return amal.execute(call).fetchall()

        assert [r[2:4] for r in one(f"SELECT * FROM annotator_api.spans_overlapping({own},"
                                    " 33, 41)")] == [(30, 34), (35, 39), (40, 44)]
        assert [r[2] for r in one(f"SELECT * FROM annotator_api.spans_overlapping({own},"
                                  " 33, 41, 31)")] == [35, 40]  # starting at 31 or after
        assert one(f"SELECT annotator_api.span_duplicate({own}, 35, 39, 'PERS')") == [word_7]
        assert one(f"SELECT annotator_api.span_duplicate({own}, 35, 39, 'LOC')") == [(None,)]
        assert one(f"SELECT annotator_api.longest_span({own})") == [(4,)]
        assert [r[:4] for r in one(f"SELECT * FROM annotator_api.span_by_id({word_7[0]})")] == [
            (word_7[0], own, 35, 39)]
        assert one(f"SELECT annotator_api.span_annotation({word_7[0]})") == [(own,)]
        assert one(f"SELECT annotator_api.update_span({word_7[0]}, 35, 38, 'LOC', 'suggested',"
                   " now())") == [(True,)]
        assert [r[2:6] for r in one(f"SELECT * FROM annotator_api.delete_spans("
                                    f"ARRAY[{word_7[0]}])")] == [(35, 38, "LOC", "suggested")]
    with raw(pg_url) as owner:  # gone, and remembered for undo under its id
        assert owner.execute("SELECT count(*) FROM span WHERE id = %s", word_7).fetchone() == (0,)
        assert owner.execute("SELECT annotation_id FROM annotator_api.deleted_span WHERE id = %s",
                             word_7).fetchone() == (own,)


def test_the_store_edits_through_the_calls_by_the_same_rules(pg_url, long_document):
    store, own, _ = long_document
    with store.engine.connect() as c:
        assert span_statements(c) is TABLES
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        with amal.engine.connect() as c:
            assert span_statements(c) is FUNCTIONS
        amal.spans(own)
        with pytest.raises(AnnotatorError, match="E107"):  # refuse: overlaps word 10
            amal.apply(AddSpan(own, 52, 56, "LOC"))
        with pytest.raises(AnnotatorError, match="E107"):
            amal.apply(ResizeSpan(amal.spans(own)[10].id, 50, 56))
        added = amal.apply(AddSpan(own, 15000, 15004, "LOC")).added[0]
        amal.apply(RelabelSpan(added.id, "ORG"))
        amal.apply(ResizeSpan(added.id, 15000, 15009))
        deleted = amal.apply(DeleteSpan(added.id))
        assert [s.id for s in amal.apply(deleted.inverse).added] == [added.id]
    set_overlap_policy(store, OverlapPolicy.REPLACE, "long")
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        replaced = amal.apply(AddSpan(own, 52, 61, "LOC"))  # words 10, 11 and 12 give way
        assert sorted((s.start, s.end) for s in replaced.removed) == [(50, 54), (55, 59),
                                                                      (60, 64)]
        undone = amal.apply(replaced.inverse)
        assert sorted(s.id for s in undone.added) == sorted(s.id for s in replaced.removed)
    set_overlap_policy(store, OverlapPolicy.ALLOW, "long")
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        with pytest.raises(AnnotatorError, match="E108"):
            amal.apply(AddSpan(own, 50, 54, "PERS"))
        assert amal.apply(AddSpan(own, 50, 54, "LOC")).added
        spans = amal.spans(own)
    assert len(spans) == 3000 + 2  # the span at 15000 and the LOC at 50
    assert sorted((s.start, s.end, s.label) for s in spans)[10:12] == [
        (50, 54, "LOC"), (50, 54, "PERS")]


def shared_hits(conn: psycopg.Connection, query: str) -> int:
    """The buffers QUERY touched (the second run: the plan cached), inside functions too."""
    for _ in range(2):
        plan = "\n".join(r[0] for r in conn.execute(
            f"EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF) {query}"))
    top = re.search(r"Buffers: shared hit=(\d+)(?: read=(\d+))?", plan)
    assert top is not None, plan
    return int(top.group(1)) + int(top.group(2) or 0)


def test_an_overlap_call_reads_a_few_index_entries_not_all_her_spans(pg_url, long_document):
    _, own, _ = long_document
    with raw(pg_url) as owner:  # the owner's plan of the calls' query: the span index
        plan = "\n".join(r[0] for r in owner.execute(
            'EXPLAIN SELECT x.* FROM span x WHERE x.annotation_id = %s AND x.start >= 7000'
            ' AND x.start < 7009 AND x."end" > 7004', (own,)))
        assert "ix_span_annotation_start" in plan, plan
        last = owner.execute("SELECT max(id) FROM span").fetchone()
    assert last is not None
    with raw(as_role(pg_url, "amal")) as amal:
        amal.execute("SELECT set_config('annotator.scope_annotation', %s, false)", (str(own),))
        through_view = shared_hits(amal, f'SELECT * FROM span WHERE annotation_id = {own}'
                                         ' AND start < 7009 AND "end" > 7004')
        through_call = shared_hits(amal, "SELECT * FROM annotator_api.spans_overlapping("
                                         f"{own}, 7004, 7009, 7000)")
        by_id = shared_hits(amal, f"SELECT * FROM annotator_api.span_by_id({last[0]})")
    # 3,000 spans are about 25 heap pages and their index entries; a call reads a few of them
    assert through_call * 4 < through_view, (through_call, through_view)
    assert by_id * 4 < through_view, (by_id, through_view)


def test_the_calls_go_with_a_downgrade_and_come_back_with_the_upgrade(pg_url, long_document):
    from alembic import command

    from annotator.store.database import writer
    from annotator.store.schema import _alembic_config, upgrade

    store, own, _ = long_document
    with writer(store.engine).begin() as c:
        command.downgrade(_alembic_config(c), "0010")
    with raw(as_role(pg_url, "amal")) as amal, pytest.raises(psycopg.errors.UndefinedFunction):
        amal.execute(f"SELECT annotator_api.longest_span({own})")
    team.set_blind(store, False)  # 0008's apply_blind is back under its name
    team.set_blind(store, True)
    upgrade(store.engine)
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        assert amal.apply(AddSpan(own, 15000, 15004, "LOC")).added
    with raw(as_role(pg_url, "badr")) as badr:  # granted again, to every annotator
        assert badr.execute(f"SELECT annotator_api.longest_span({own})").fetchone() == (0,)


def statements_of(store: ProjectStore, edits) -> list[str]:  # type: ignore[no-untyped-def]
    """The SQL STORE sends for each of EDITS (callables of the previous change)."""
    from sqlalchemy import event

    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, many):  # type: ignore[no-untyped-def]
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        change = None
        for edit in edits:
            change = store.apply(edit(change))
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return sent


def test_a_keystroke_edit_sends_as_many_statements_as_on_the_tables(pg_url, long_document):
    store, own, _ = long_document
    edits = (lambda _: AddSpan(own, 15000, 15004, "LOC"),
             lambda added: RelabelSpan(added.added[0].id, "ORG"),
             lambda relabelled: DeleteSpan(relabelled.updated[0][0].id))
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        amal.spans(own)
        on_views = statements_of(amal, edits)
    team.set_blind(store, False)
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        amal.spans(own)
        on_tables = statements_of(amal, edits)
    assert not [s for s in on_views if "set_config" in s]  # no scope hint needed
    assert not [s for s in on_views if re.search(r"\b(FROM|UPDATE|JOIN) (span|annotation)\b", s)]
    assert len(on_views) == len(on_tables), (on_views, on_tables)
