"""Blind projects on PostgreSQL: an annotator's role reads and writes only its own work, even
from a plain SQL client; curators and managers see everyone's."""

from __future__ import annotations

import psycopg
import pytest
from team_roles import as_role, raw, team_store

from annotator.core.errors import AnnotatorError
from annotator.core.model import Role, SourceDocument
from annotator.core.operations import AddSpan
from annotator.store import ProjectStore, team

pytestmark = pytest.mark.postgres


@pytest.fixture
def blind_team(pg_url, seed_text):
    """A blind project with annotators amal and badr, curator cora, each with spans of their own
    (amal and badr: one each; the owner has made none)."""
    store = team_store(pg_url, ["PERS", "LOC", "ORG", "MISC"],
                       [SourceDocument(seed_text, source="seed"), SourceDocument("نص ثان قصير")],
                       [("amal", Role.ANNOTATOR), ("badr", Role.ANNOTATOR), ("cora", Role.CURATOR)])
    doc = store.document_ids()[0]
    spans = {}
    for name, (start, end, label) in (("amal", (5, 11, "PERS")), ("badr", (0, 4, "LOC"))):
        with ProjectStore.open(as_role(pg_url, name)) as mine:
            annotation = mine.annotation_id(doc, name)
            spans[name] = mine.apply(AddSpan(annotation, start, end, label)).added[0]
    yield store, spans
    store.close()


def test_an_annotator_cannot_select_a_colleagues_spans_with_a_sql_client(pg_url, blind_team):
    store, spans = blind_team
    with raw(as_role(pg_url, "amal")) as conn:
        rows = conn.execute('SELECT id, start, "end", label FROM span').fetchall()
        assert rows == [(spans["amal"].id, 5, 11, "PERS")]
        badr = spans["badr"]
        assert conn.execute("SELECT * FROM span WHERE id = %s", (badr.id,)).fetchall() == []
        assert conn.execute("SELECT * FROM span WHERE annotation_id = %s",
                            (badr.annotation_id,)).fetchall() == []
        names = conn.execute("SELECT a.name FROM annotation n JOIN annotator a "
                             "ON a.id = n.annotator_id").fetchall()
        assert names == [("amal",)]
        # nor change them blind: updates and deletes find nothing, inserts are refused
        assert conn.execute("UPDATE span SET label = 'ORG' WHERE id = %s", (badr.id,)).rowcount == 0
        assert conn.execute("DELETE FROM span WHERE id = %s", (badr.id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO span (annotation_id, start, \"end\", label, state, origin,"
                         " created_at, updated_at) VALUES (%s, 20, 25, 'LOC', 'accepted',"
                         " 'manual', now(), now())", (badr.annotation_id,))
    with store.engine.connect() as c:  # the owner sees badr's span untouched
        label = c.exec_driver_sql(f"SELECT label FROM span WHERE id = {badr.id}").scalar()
    assert label == "LOC"


def test_a_curator_and_the_owner_see_every_span(pg_url, blind_team):
    store, spans = blind_team
    everyone = sorted(s.id for s in spans.values())
    with raw(as_role(pg_url, "cora")) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM span")) == everyone
    with ProjectStore.open(as_role(pg_url, "cora")) as curator:
        assert curator.stats()["spans"] == 2
        assert set(curator.stats()["annotators"]) == {"amal", "badr"}  # type: ignore[arg-type]
    assert store.stats()["spans"] == 2


def test_the_annotator_sees_only_itself_through_the_store(pg_url, blind_team):
    _, spans = blind_team
    with ProjectStore.open(as_role(pg_url, "amal")) as mine:
        assert mine.stats()["spans"] == 1
        assert mine.spans(spans["badr"].annotation_id) == []
        assert team.current_member(mine) == team.TeamMember("amal", Role.ANNOTATOR, "amal")
        assert not mine.documents("badr")[0].span_count
        with mine.engine.connect() as c:
            assert not team.sees_everything(c)


def test_an_annotator_cannot_lift_blind_mode_or_pose_as_a_curator(pg_url, blind_team):
    with raw(as_role(pg_url, "amal")) as conn:
        for statement in ("UPDATE project SET blind = false",
                          "UPDATE annotator SET role = 'curator' WHERE name = 'amal'",
                          "INSERT INTO annotator (name, role, created_at, db_role)"
                          " VALUES ('x', 'curator', now(), 'amal2')",
                          "CREATE TEMP TABLE annotator (id int, role text, db_role text)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with ProjectStore.open(as_role(pg_url, "amal")) as mine, pytest.raises(AnnotatorError,
                                                                              match="E155"):
        team.set_blind(mine, False)


def test_without_blind_mode_colleagues_read_but_do_not_write(pg_url, blind_team):
    store, spans = blind_team
    team.set_blind(store, False)
    with raw(as_role(pg_url, "amal")) as conn:
        assert len(conn.execute("SELECT id FROM span").fetchall()) == 2
        assert conn.execute("DELETE FROM span WHERE id = %s",
                            (spans["badr"].id,)).rowcount == 0


def test_roles_outside_the_team_cannot_connect(postgres_server, pg_url, blind_team):
    postgres_server.admin(f"CREATE ROLE stranger_{id(blind_team) % 10**6} LOGIN PASSWORD 'x'")
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        raw(as_role(pg_url, f"stranger_{id(blind_team) % 10**6}", "x"))


def test_a_removed_member_loses_access_but_keeps_their_work(pg_url, blind_team):
    store, spans = blind_team
    assert team.remove_member(store, "badr").db_role == "badr"
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        raw(as_role(pg_url, "badr"))
    assert store.stats()["annotators"]["badr"]["spans"] == 1  # type: ignore[index]
    assert [m.name for m in team.members(store) if m.db_role] == ["amal", "cora"]
