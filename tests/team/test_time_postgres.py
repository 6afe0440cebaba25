"""Annotation time on a team server: each member records and reads only their own time rows;
curators see everyone's (the time report of a curator covers the team)."""

from __future__ import annotations

import psycopg
import pytest

from annotator.app.annotation_time import record_times, time_report
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import Role, SourceDocument
from annotator.core.timing import Decision, DocumentTime, SpanTime
from annotator.store import ProjectStore, team
from annotator.store.ingest import IngestOptions, ingest

pytestmark = pytest.mark.postgres
PASSWORD = "s3cret-Pa55"


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


def test_members_record_their_own_time_and_curators_read_everyones(pg_url, seed_text) -> None:
    store = ProjectStore.create(pg_url, labels=["PERS", "LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument(seed_text, source="seed")], store.project().overlap_policy,
               IngestOptions())
    for name, role in (("amal", Role.ANNOTATOR), ("badr", Role.ANNOTATOR),
                       ("cora", Role.CURATOR)):
        team.add_member(store, name, role, password=PASSWORD)
    doc = store.document_ids()[0]
    for name, seconds in (("amal", 120.0), ("badr", 60.0)):
        with Project.open(as_role(pg_url, name)) as mine:
            mine.annotation_id(doc, name)
            assert record_times(mine, [DocumentTime(name, doc, seconds, True),
                                       SpanTime(name, doc, "LOC", Decision.ACCEPTED, 9.0, True,
                                                None, 0, 4)]) == 2
    with Project.open(as_role(pg_url, "amal")) as amal:
        assert set(time_report(amal).annotators) == {"amal"}
        with pytest.raises(AnnotatorError, match=r"\[E183\].*row-level security"):
            record_times(amal, [DocumentTime("badr", doc, 5.0)])  # in a colleague's name
    with Project.open(as_role(pg_url, "cora")) as cora:
        report = time_report(cora).to_dict()
    assert set(report["annotators"]) == {"amal", "badr"}
    assert report["overall"]["with_pretags"]["active_seconds"] == 180.0
    store.close()


def test_a_shared_project_from_before_the_time_tables_grants_them_on_upgrade(pg_url) -> None:
    store = ProjectStore.create(pg_url, labels=["LOC"])
    team.add_member(store, "amal", Role.ANNOTATOR, password=PASSWORD)
    with store.write() as c:  # as if the project were at 0003 with its groups made then
        c.exec_driver_sql("DROP TABLE span_time, document_time, pretag_batch, pretag_run")
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
    store.close()
    ProjectStore.open(pg_url).close()  # the owner upgrades it
    with psycopg.connect(conninfo="", **_params(as_role(pg_url, "amal"))) as conn:
        assert conn.execute("SELECT count(*) FROM document_time").fetchone() == (0,)


def _params(url: str) -> dict[str, object]:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return {"host": parsed.query["host"], "port": int(str(parsed.query["port"])),
            "user": parsed.username, "password": parsed.password, "dbname": parsed.database}


def test_a_member_cannot_take_the_next_time_row_ids(pg_url) -> None:
    store = ProjectStore.create(pg_url, labels=["LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument("نص في القاهرة")], store.project().overlap_policy,
               IngestOptions())
    team.add_member(store, "amal", Role.ANNOTATOR, password=PASSWORD)
    doc = store.document_ids()[0]
    with Project.open(as_role(pg_url, "amal")) as amal:
        amal.annotation_id(doc, "amal")
        record_times(amal, [DocumentTime("amal", doc, 3.0)])
    with psycopg.connect(conninfo="", autocommit=True, **_params(as_role(pg_url, "amal"))) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="come from the database"):
            conn.execute("INSERT INTO document_time (id, document_id, annotator_id, "
                         "active_seconds, pretagged, recorded_at) SELECT 50, %s, id, 1, false, "
                         "now() FROM annotator WHERE name = 'amal'", (doc,))
    store.close()
