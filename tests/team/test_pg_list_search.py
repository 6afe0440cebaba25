"""The list's search on PostgreSQL (migration 0015): trigram GIN indexes on the title expression
and the source serve its ILIKE when pg_trgm can be had (a trusted extension: the database's
owner creates it), words keep their substring meaning at every length, an annotator of a
blind project searches with their own role, and without the extension the search still works
(reading every title)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import event, text

from annotator.app.project import DocumentQuery
from annotator.core.model import Role, SourceDocument
from annotator.store import ProjectStore, document_listing, schema, team
from annotator.store.database import writer
from annotator.store.ingest import IngestOptions, ingest

pytestmark = pytest.mark.postgres
PASSWORD = "s3cret-Pa55"
BASES = ["في المدينة القديمة", "وفي البيت ماء", "Élan vital", "نص آخر"]
TEXTS = [f"{BASES[i % 4]} {i}" for i in range(20)]
TRGM = {"ix_document_title_trgm", "ix_document_source_trgm"}


def _project(url: str) -> ProjectStore:
    store = ProjectStore.create(url, labels=["LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument(t, source=f"file{i}.txt") for i, t in enumerate(TEXTS)],
               store.project().overlap_policy, IngestOptions())
    return store


def _indexes(store: ProjectStore) -> set[str]:
    with store.engine.connect() as c:
        return set(c.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = "
                                  "'document'")).scalars())


def _titles(store: ProjectStore, words: str) -> list[str]:
    query = DocumentQuery(None, words=words)
    ids = list(document_listing.listed_ids(store, query))
    assert document_listing.count_listed(store, query) == len(ids)
    return [s.title.rsplit(" ", 1)[0] for s in document_listing.summaries_of(store, None, ids)]


def test_the_trigram_indexes_serve_the_search_and_short_words_stay_substrings(pg_url):
    store = _project(pg_url)
    assert TRGM <= _indexes(store)
    assert _titles(store, "في") == ["في المدينة القديمة", "وفي البيت ماء"] * 5  # وفي too
    assert _titles(store, "élan") == ["Élan vital"] * 5
    assert len(_titles(store, "file1")) == 11  # file1, file10-file19: the source too
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    document_listing.count_listed(store, DocumentQuery(None, words="المدينة"))
    event.remove(store.engine, "before_cursor_execute", record)
    statement, parameters = sent[-1]
    with store.engine.connect() as c:
        c.exec_driver_sql("SET enable_seqscan = off")  # 20 rows: else a scan is cheaper
        plan = "\n".join(r[0] for r in c.exec_driver_sql("EXPLAIN " + statement, parameters))
    assert "ix_document_title_trgm" in plan and "ix_document_source_trgm" in plan, plan
    store.close()


def test_an_annotator_of_a_blind_project_searches_with_their_role(pg_url):
    store = _project(pg_url)
    team.add_member(store, "amal", Role.ANNOTATOR, password=PASSWORD)
    team.set_blind(store, True)
    head, rest = pg_url.split("://", 1)
    with ProjectStore.open(f"{head}://amal:{PASSWORD}@{rest.split('@', 1)[1]}") as mine:
        query = DocumentQuery("amal", words="في")
        assert document_listing.count_listed(mine, query) == 10
        assert len(document_listing.listed_page(mine, query, 0, 256)) == 10
    store.close()


def test_without_pg_trgm_the_search_reads_every_title(pg_url, caplog):
    """A project upgraded to 0015 by a role that may not create the extension: a warning, no
    trigram index, the same search."""
    from alembic import command
    from sqlalchemy.engine import make_url

    store = _project(pg_url)
    with writer(store.engine).begin() as c:
        command.downgrade(schema._alembic_config(c), "0012")
        c.exec_driver_sql("DROP EXTENSION pg_trgm")
    store.close()
    parsed = make_url(pg_url)
    with psycopg.connect(host=parsed.query["host"], port=int(parsed.query["port"]),
                         user=parsed.username, password=parsed.password,
                         dbname=parsed.database, autocommit=True) as conn:
        conn.execute(f'REVOKE CREATE ON DATABASE "{parsed.database}" FROM PUBLIC, '
                     f'"{parsed.username}"')  # then CREATE EXTENSION is refused
    with caplog.at_level("WARNING"):
        store = ProjectStore.open(pg_url)  # upgrades to 0015
    assert schema.current_revision(store.engine) == schema.HEAD
    assert "pg_trgm is not available" in caplog.text
    assert not TRGM & _indexes(store)
    assert _titles(store, "في") == ["في المدينة القديمة", "وفي البيت ماء"] * 5
    store.close()
