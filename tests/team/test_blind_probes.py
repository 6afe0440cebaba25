"""Issue 16: the probes a determined annotator runs with her own login and a psycopg client on a
blind project. Each probe compares what she sees when a colleague's hidden span exists with what
she sees when it does not; the owner confirms the hidden rows are really there,
so each probe is known to be able to tell.

Row-level security alone let each of these through (Rows Removed by Filter 17 vs 0, label
estimates 2 vs 1, totals and last_value rising, duplicate key on a taken id); the function-only
access path of migration 0008 closes them (docs/TEAM.md § 9). The cumulative statistics and
`pg_class.reltuples` only a superuser can revoke (`annotator team sync` run by one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url
from team_roles import PASSWORD, as_role, raw, team_store

from annotator.core.model import Role, SourceDocument
from annotator.core.operations import AddSpan
from annotator.store import ProjectStore, team

pytestmark = pytest.mark.postgres
BADR_SPANS = ((0, 4, "LOC"), (12, 18, "ORG"), (20, 26, "ORG"))


@pytest.fixture
def probed(pg_url: str, seed_text: str) -> Iterator[tuple[str, int]]:
    """A blind project where badr has three spans and amal none; yields (url, badr's annotation)."""
    store = team_store(pg_url, ["PERS", "LOC", "ORG", "MISC"],
                       [SourceDocument(seed_text, source="seed")],
                       [("amal", Role.ANNOTATOR), ("badr", Role.ANNOTATOR)])
    doc = store.document_ids()[0]
    with ProjectStore.open(as_role(pg_url, "badr")) as badr:
        annotation = badr.annotation_id(doc, "badr")
        for start, end, label in BADR_SPANS:
            badr.apply(AddSpan(annotation, start, end, label))
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        amal.annotation_id(doc, "amal")
    store.close()
    yield pg_url, annotation


def removed_by_filter(conn: psycopg.Connection, where: str) -> int:
    conn.execute("SET enable_seqscan = off")
    plan = "\n".join(r[0] for r in conn.execute(
        f"EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT 1 FROM span WHERE {where}"))
    return sum(int(n) for n in re.findall(r"Rows Removed by Filter: (\d+)", plan))


def explain_analyze_rows(conn: psycopg.Connection) -> str:
    return "\n".join(r[0] for r in conn.execute(
        "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, COSTS OFF) SELECT * FROM span"))


def estimate(conn: psycopg.Connection, where: str) -> int:
    plan = conn.execute(f"EXPLAIN SELECT 1 FROM span WHERE {where}").fetchone()
    assert plan is not None
    found = re.search(r"rows=(\d+)", plan[0])
    assert found is not None
    return int(found.group(1))


def answer(conn: psycopg.Connection, query: str) -> object:
    """What QUERY tells this login: its rows, or that it was refused."""
    try:
        return tuple(conn.execute(query).fetchall())
    except psycopg.errors.InsufficientPrivilege:
        return "refused"


SEQUENCES = "SELECT last_value FROM pg_sequences WHERE sequencename LIKE 'span%'"
STATISTICS = ("SELECT n_tup_ins, n_live_tup FROM pg_stat_user_tables WHERE relname = 'span'",
              "SELECT pg_stat_get_tuples_inserted('public.span'::regclass)",
              "SELECT tup_inserted FROM pg_stat_database WHERE datname = current_database()",
              "SELECT reltuples FROM pg_class WHERE relname = 'span'",
              "SELECT pg_relation_size('public.span')")


def totals(conn: psycopg.Connection, queries: tuple[str, ...]) -> tuple[object, ...]:
    """Everything QUERIES say about the number of spans."""
    return tuple(answer(conn, query) for query in queries)


def test_explain_analyze_with_a_where_does_not_tell_hidden_offsets(probed):
    url, annotation = probed
    hit = f'annotation_id = {annotation} AND start = 12 AND "end" = 18'
    miss = f'annotation_id = {annotation} AND start = 13 AND "end" = 18'
    with raw(url) as owner:  # the hit is a real hidden span, the miss is not
        assert owner.execute(f"SELECT count(*) FROM span WHERE {hit}").fetchone() == (1,)
    with raw(as_role(url, "amal")) as amal:
        assert removed_by_filter(amal, hit) == removed_by_filter(amal, miss)
        assert (removed_by_filter(amal, "label = 'ORG'")
                == removed_by_filter(amal, "label = 'PERS'"))


def test_explain_analyze_without_a_where_does_not_count_hidden_rows(probed):
    url, _ = probed
    with raw(as_role(url, "amal")) as amal:
        plan = explain_analyze_rows(amal)
    assert "Rows Removed by Filter" not in plan, plan


def test_planner_estimates_after_analyze_do_not_give_the_label_mix(probed):
    url, _ = probed
    with raw(url) as owner:
        owner.execute("ANALYZE span")
    with raw(as_role(url, "amal")) as amal:
        assert estimate(amal, "label = 'ORG'") == estimate(amal, "label = 'PERS'")
        assert amal.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'span'"
                            ).fetchone() == (0,)


def test_the_sequences_do_not_give_the_totals(probed):
    url, annotation = probed
    with raw(as_role(url, "amal")) as amal:
        before = totals(amal, (SEQUENCES,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            amal.execute("SELECT nextval(pg_get_serial_sequence('public.span', 'id'))")
    with ProjectStore.open(as_role(url, "badr")) as badr:
        badr.apply(AddSpan(annotation, 31, 34, "MISC"))
    with raw(as_role(url, "amal")) as amal:
        assert totals(amal, (SEQUENCES,)) == before == (((None,), (None,)),)
    with raw(url) as owner:  # the owner sees the span sequence's value (4 spans given)
        assert owner.execute("SELECT last_value FROM pg_sequences"
                             " WHERE sequencename = 'span_id_seq'").fetchone() == (4,)


def test_statistics_views_do_not_give_the_totals_once_a_superuser_ran_sync(
        postgres_server, probed):
    url, annotation = probed
    database = make_url(url).database
    with raw(as_role(url, "amal")) as amal:
        open_before = totals(amal, STATISTICS)
    assert "refused" not in open_before  # what only a superuser can take away
    with ProjectStore.open(postgres_server.url(database)) as superuser:
        team.sync(superuser)
    with raw(as_role(url, "amal")) as amal:
        before = totals(amal, STATISTICS)
    with ProjectStore.open(as_role(url, "badr")) as badr:
        badr.apply(AddSpan(annotation, 31, 34, "MISC"))
        badr.apply(AddSpan(annotation, 37, 40, "MISC"))
    with raw(url) as owner:
        owner.execute("ANALYZE span")
    with raw(as_role(url, "amal")) as amal:
        assert totals(amal, STATISTICS) == before == ("refused",) * len(STATISTICS)
        # the catalogue itself still answers what clients need
        assert amal.execute("SELECT relname FROM pg_class WHERE relname = 'span'"
                            ).fetchall() == [("span",), ("span",)]  # the table, her view
    with ProjectStore.open(as_role(url, "badr")) as badr:  # the app works on for everyone
        assert len(badr.spans(annotation)) == 5


def test_an_explicit_taken_id_is_no_existence_oracle(probed):
    url, annotation = probed
    with raw(url) as owner:
        hidden = owner.execute("SELECT min(id) FROM span WHERE annotation_id = %s",
                               (annotation,)).fetchone()
        own = owner.execute("SELECT n.id FROM annotation n JOIN annotator a"
                            " ON a.id = n.annotator_id WHERE a.name = 'amal'").fetchone()
    assert hidden is not None and own is not None
    insert = ('INSERT INTO span (id, annotation_id, start, "end", label, state, origin,'
              " created_at, updated_at) VALUES (%s, %s, 40, 44, 'LOC', 'accepted', 'manual',"
              " now(), now())")
    with raw(as_role(url, "amal")) as amal:
        with pytest.raises(psycopg.Error) as taken:
            amal.execute(insert, (hidden[0], own[0]))
        assert not isinstance(taken.value, psycopg.errors.UniqueViolation)


def test_the_next_ids_cannot_be_taken_to_block_a_colleague(probed):
    """Closed by migration 0003 (id_from_sequence_guard): nothing written, badr's edits go on."""
    url, annotation = probed
    with raw(url) as owner:
        last = owner.execute("SELECT last_value FROM pg_sequences"
                             " WHERE sequencename LIKE 'span%'").fetchone()
        own = owner.execute("SELECT n.id FROM annotation n JOIN annotator a"
                            " ON a.id = n.annotator_id WHERE a.name = 'amal'").fetchone()
    assert last is not None and own is not None
    with raw(as_role(url, "amal")) as amal:
        for offset in (1, 2, 3):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                amal.execute('INSERT INTO span (id, annotation_id, start, "end", label, state,'
                             " origin, created_at, updated_at) VALUES (%s, %s, 40, 44, 'LOC',"
                             " 'accepted', 'manual', now(), now())", (last[0] + offset, own[0]))
    with ProjectStore.open(as_role(url, "badr")) as badr:
        for start in (31, 37, 45):
            assert badr.apply(AddSpan(annotation, start, start + 3, "MISC")).added


# migration 0011's calls, as her SQL client would make them: {a} an annotation, {span} a span id
SPAN_CALLS = ("SELECT * FROM annotator_api.spans_overlapping({a}, {start}, {end})",
              "SELECT * FROM annotator_api.spans_overlapping({a}, {start}, {end}, 0)",
              "SELECT annotator_api.span_duplicate({a}, {start}, {end}, 'ORG')",
              "SELECT annotator_api.longest_span({a})",
              "SELECT * FROM annotator_api.span_by_id({span})",
              "SELECT annotator_api.span_annotation({span})",
              "SELECT * FROM annotator_api.delete_spans(ARRAY[{span}])",
              "SELECT annotator_api.update_span({span}, 40, 44, 'PERS', 'accepted', now())",
              "SELECT * FROM annotator_api.claim_annotation({a}, now())")
NOTHING = ("refused", (), ((None,),), ((0,),), ((False,),))
PLAN = "EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF, COSTS OFF) "


def test_the_span_calls_tell_nothing_of_a_colleagues_spans_under_each_role(probed):
    url, annotation = probed
    with ProjectStore.open(url) as store:
        team.add_member(store, "cora", Role.CURATOR, password=PASSWORD)
        team.add_member(store, "mona", Role.MANAGER, password=PASSWORD)
    with raw(url) as owner:
        hidden = owner.execute("SELECT id FROM span WHERE annotation_id = %s AND start = 12",
                               (annotation,)).fetchone()
        rows_before = [owner.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                       for t in ("span", "annotation")]
    assert hidden is not None
    hit = {"a": annotation, "start": 12, "end": 18, "span": hidden[0]}  # badr's ORG span
    misses = ({"a": annotation, "start": 13, "end": 17, "span": hidden[0] + 1000},
              {"a": annotation + 1000, "start": 12, "end": 18, "span": hidden[0] + 1000})
    for name in ("amal", "cora", "mona"):
        with raw(as_role(url, name)) as member:
            for call in SPAN_CALLS:
                told = [answer(member, call.format(**where)) for where in (*misses, hit)]
                assert told[0] == told[1] == told[2] and told[0] in NOTHING, (name, call, told)
                if "{a}" in call and told[0] != "refused":  # nor the plan, rows and buffers
                    plans = [answer(member, PLAN + call.format(**where))
                             for where in (misses[0], hit)]
                    assert plans[0] == plans[1], (name, call, plans)
    with raw(url) as owner:  # nothing was deleted nor changed, no version moved
        assert [owner.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("span", "annotation")] == rows_before
