"""Only managers give roles (migration 0003): a curator's SQL client cannot make anyone a
manager or a curator, nor map a login; the curator's own app paths (the gold annotator, the
names work is assigned to) still add plain annotators."""

from __future__ import annotations

import psycopg
import pytest
from team_roles import PASSWORD, as_role, raw, team_store

from annotator.core.model import GOLD_ANNOTATOR, Role, SourceDocument
from annotator.store import ProjectStore, team

pytestmark = pytest.mark.postgres
INSERT = ("INSERT INTO annotator (name, role, created_at, db_role) "
          "VALUES (%s, %s, now(), %s)")


@pytest.fixture
def team_project(pg_url):
    store = team_store(pg_url, ["PERS", "LOC"], [SourceDocument("نص قصير عن موسكو")],
                       [("amal", Role.ANNOTATOR), ("cora", Role.CURATOR), ("mona", Role.MANAGER)])
    yield store
    store.close()


def roles(store: ProjectStore) -> dict[str, tuple[str, str | None]]:
    return {m.name: (m.role.value, m.db_role) for m in team.members(store)}


def test_a_curator_cannot_make_anyone_manager_or_curator_or_map_a_login(pg_url, team_project):
    before = roles(team_project)
    with raw(as_role(pg_url, "cora")) as conn:
        for values in (("boss", "manager", None), ("boss", "manager", "cora2"),
                       ("peer", "curator", None), ("plain", "annotator", "amal2")):
            with pytest.raises(psycopg.errors.InsufficientPrivilege,
                               match="only a manager"):
                conn.execute(INSERT, values)
        for statement in ("UPDATE annotator SET role = 'manager' WHERE name = 'cora'",
                          "DELETE FROM annotator WHERE name = 'mona'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        conn.execute(INSERT, ("helper", "annotator", None))  # a plain name to assign work to
    after = roles(team_project)
    assert after.pop("helper") == ("annotator", None)
    assert after == before


def test_an_annotator_cannot_raise_any_role(pg_url, team_project):
    before = roles(team_project)
    with raw(as_role(pg_url, "amal")) as conn:
        for statement, values in ((INSERT, ("boss", "manager", None)),
                                  ("UPDATE annotator SET role = %s WHERE name = 'amal'",
                                   ("curator",))):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, values)
    assert roles(team_project) == before


def test_a_manager_changes_roles_and_the_owner_too(pg_url, team_project):
    with raw(as_role(pg_url, "mona")) as conn:
        conn.execute("UPDATE annotator SET role = 'curator' WHERE name = 'amal'")
    assert roles(team_project)["amal"] == ("curator", "amal")
    team.add_member(team_project, "amal", Role.ANNOTATOR)  # the owner, through the app
    assert roles(team_project)["amal"] == ("annotator", "amal")


def test_a_curator_still_adds_the_gold_annotator_and_assigned_names(pg_url, team_project):
    with ProjectStore.open(as_role(pg_url, "cora")) as curator:
        doc = curator.document_ids()[0]
        curator.annotation_id(doc, GOLD_ANNOTATOR)
        curator.annotation_id(doc, "newcomer")
    found = roles(team_project)
    assert found[GOLD_ANNOTATOR] == ("annotator", None)
    assert found["newcomer"] == ("annotator", None)


# ----------------------------------------------------------------------------- ids
SPAN_COLUMNS = ('(id, annotation_id, start, "end", label, state, origin, created_at, '
                'updated_at) VALUES (%s, %s, 0, 2, \'LOC\', \'accepted\', \'manual\', now(), now())')


def last_span_id(store: ProjectStore) -> int:
    with store.engine.connect() as c:
        return int(c.exec_driver_sql("SELECT max(id) FROM span").scalar() or 0)


def test_an_annotator_cannot_take_the_next_ids_and_block_a_colleague(pg_url, team_project):
    from annotator.core.operations import AddSpan, DeleteSpan

    team.add_member(team_project, "badr", Role.ANNOTATOR, password=PASSWORD)
    doc = team_project.document_ids()[0]
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        own = amal.annotation_id(doc, "amal")
        first = amal.apply(AddSpan(own, 0, 2, "PERS")).added[0]
    with raw(as_role(pg_url, "amal")) as conn:
        for offset in (1, 2, 3, 1000):  # the ids a colleague's next edits would get
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="come from the database"):
                conn.execute("INSERT INTO span " + SPAN_COLUMNS, (first.id + offset, own))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="come from the database"):
            conn.execute("UPDATE span SET id = %s WHERE id = %s", (first.id + 5, first.id))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="come from the database"):
            conn.execute("INSERT INTO annotation (id, document_id, annotator_id, status, version,"
                         " created_at, updated_at) SELECT 999, %s, id, 'new', 1, now(), now()"
                         " FROM annotator WHERE name = 'amal'", (doc,))
    with ProjectStore.open(as_role(pg_url, "badr")) as badr:  # her next edits all go through
        theirs = badr.annotation_id(doc, "badr")
        added = [badr.apply(AddSpan(theirs, i, i + 1, "LOC")).added[0].id for i in (0, 1, 3)]
    assert added == [first.id + 1, first.id + 2, first.id + 3]
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:  # undo keeps restoring old ids
        amal.apply(DeleteSpan(first.id))
        restored = amal.apply(AddSpan(own, 0, 2, "PERS", span_id=first.id)).added[0]
    assert restored.id == first.id
    assert last_span_id(team_project) == first.id + 3
