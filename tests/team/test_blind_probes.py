"""Issue 16: the probes a determined annotator runs with her own login and a psycopg client on a
blind project. Each probe compares what she sees when a colleague's hidden span exists with what
she sees when it does not; the owner confirms the hidden rows are really there,
so each probe is known to be able to tell.
Run with --runxfail to see each leak's figures (e.g. Rows Removed by Filter 17 vs 0).

Probes row-level security cannot stop are marked xfail(strict=True): they reproduce the leak
today and turn into failures ("XPASS") the day the access path closes them (docs/TEAM.md §9).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from annotator.core.model import Role, SourceDocument
from annotator.core.operations import AddSpan
from annotator.store import ProjectStore, team
from annotator.store.ingest import IngestOptions, ingest

pytestmark = pytest.mark.postgres
PASSWORD = "s3cret-Pa55"
LEAK = "issue 16: row-level security cannot hide this; the function-only access path is not built"
BADR_SPANS = ((0, 4, "LOC"), (12, 18, "ORG"), (20, 26, "ORG"))


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


def raw(url: str) -> psycopg.Connection:
    parsed = make_url(url)
    return psycopg.connect(host=parsed.query["host"], port=int(parsed.query["port"]),
                           user=parsed.username, password=parsed.password,
                           dbname=parsed.database, autocommit=True)


@pytest.fixture
def probed(pg_url: str, seed_text: str) -> Iterator[tuple[str, int]]:
    """A blind project where badr has three spans and amal none; yields (url, badr's annotation)."""
    store = ProjectStore.create(pg_url, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.write() as c:
        ingest(c, [SourceDocument(seed_text, source="seed")], store.project().overlap_policy,
               IngestOptions())
    for name in ("amal", "badr"):
        team.add_member(store, name, Role.ANNOTATOR, password=PASSWORD)
    team.set_blind(store, True)
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


def totals(conn: psycopg.Connection) -> tuple[object, ...]:
    """Everything the statistics views say about the number of spans."""
    stat = conn.execute("SELECT n_tup_ins, n_live_tup FROM pg_stat_user_tables"
                        " WHERE relname = 'span'").fetchall()
    tuples = conn.execute("SELECT reltuples FROM pg_class WHERE relname = 'span'").fetchall()
    seq = conn.execute("SELECT last_value FROM pg_sequences"
                       " WHERE sequencename LIKE 'span%'").fetchall()
    return tuple(stat), tuple(tuples), tuple(seq)


@pytest.mark.xfail(strict=True, reason=LEAK)
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


@pytest.mark.xfail(strict=True, reason=LEAK)
def test_explain_analyze_without_a_where_does_not_count_hidden_rows(probed):
    url, _ = probed
    with raw(as_role(url, "amal")) as amal:
        plan = explain_analyze_rows(amal)
    assert "Rows Removed by Filter" not in plan, plan


@pytest.mark.xfail(strict=True, reason=LEAK)
def test_planner_estimates_after_analyze_do_not_give_the_label_mix(probed):
    url, _ = probed
    with raw(url) as owner:
        owner.execute("ANALYZE span")
    with raw(as_role(url, "amal")) as amal:
        assert estimate(amal, "label = 'ORG'") == estimate(amal, "label = 'PERS'")
        assert amal.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'span'"
                            ).fetchone() == (0,)


@pytest.mark.xfail(strict=True, reason=LEAK)
def test_statistics_views_do_not_give_the_totals(probed):
    url, annotation = probed
    with raw(as_role(url, "amal")) as amal:
        before = totals(amal)
    with ProjectStore.open(as_role(url, "badr")) as badr:
        badr.apply(AddSpan(annotation, 30, 34, "MISC"))
    with raw(as_role(url, "amal")) as amal:
        assert totals(amal) == before


@pytest.mark.xfail(strict=True, reason=LEAK)
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
