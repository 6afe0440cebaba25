"""Blind mode's access path (migration 0008): an annotator's login holds no privilege on the
tables of the team's work and reaches her own rows through `annotator_api`'s views and
SECURITY DEFINER functions; the store's edits, undo included, go through unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from team_roles import as_role, raw, team_store

from annotator.core.errors import AnnotatorError
from annotator.core.model import Role, SourceDocument, Status
from annotator.core.operations import (
    AddSpan,
    Batch,
    DeleteSpan,
    RelabelSpan,
    ResizeSpan,
    SetStatus,
)
from annotator.store import ProjectStore, team

pytestmark = pytest.mark.postgres
HIDDEN = ("annotation", "span", "document_time", "span_time")
REFUSED_ID = "come from the database"
SPAN_INSERT = ('INSERT INTO span (id, annotation_id, start, "end", label, state, origin,'
               " created_at, updated_at) VALUES (%s, %s, 40, 44, 'LOC', 'accepted', 'manual',"
               " now(), now())")


@pytest.fixture
def blind(pg_url: str, seed_text: str) -> Iterator[tuple[ProjectStore, int, dict[str, int]]]:
    """A blind project: annotators amal and badr (badr with two spans), curator cora, manager
    mona; yields (the owner's store, the document, each annotator's annotation)."""
    store = team_store(pg_url, ["PERS", "LOC", "ORG", "MISC"],
                       [SourceDocument(seed_text, source="seed")],
                       [("amal", Role.ANNOTATOR), ("badr", Role.ANNOTATOR),
                        ("cora", Role.CURATOR), ("mona", Role.MANAGER)])
    doc = store.document_ids()[0]
    annotations = {}
    for name in ("amal", "badr"):
        with ProjectStore.open(as_role(pg_url, name)) as member:
            annotations[name] = member.annotation_id(doc, name)
    with ProjectStore.open(as_role(pg_url, "badr")) as badr:
        for start, end, label in ((0, 4, "LOC"), (12, 19, "ORG")):
            badr.apply(AddSpan(annotations["badr"], start, end, label))
    yield store, doc, annotations
    store.close()


def test_the_tables_and_sequences_are_out_of_an_annotators_reach(pg_url, blind):
    with raw(as_role(pg_url, "amal")) as amal:
        assert amal.execute("SHOW search_path").fetchone() == ("annotator_api, public",)
        for table in HIDDEN:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                amal.execute(f"SELECT count(*) FROM public.{table}")
            for call in ("nextval(%s)", "currval(%s)", "setval(%s, 1000)"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    amal.execute(f"SELECT {call % repr(f'public.{table}_id_seq')}")
        for hidden in ("SELECT * FROM annotator_api.deleted_span",
                       "SELECT annotator_api.apply_blind(true)",
                       "SELECT annotator_api.me()",
                       "UPDATE project SET blind = false"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                amal.execute(hidden)


def test_an_explicit_id_is_refused_alike_whether_taken_or_not(pg_url, blind):
    store, doc, annotations = blind
    with store.engine.connect() as c:
        taken = c.exec_driver_sql("SELECT min(id), max(id) FROM span").one()
    answers = set()
    with raw(as_role(pg_url, "amal")) as amal:
        for span_id in (taken[0], taken[1], taken[1] + 1, taken[1] + 1000):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match=REFUSED_ID) as err:
                amal.execute(SPAN_INSERT, (span_id, annotations["amal"]))
            answers.add(str(err.value).splitlines()[0])
        for statement in (
                "INSERT INTO annotation (id, document_id, annotator_id, status, version,"
                " created_at, updated_at) SELECT 999, %s, id, 'new', 0, now(), now()"
                " FROM annotator WHERE name = 'amal'",
                "INSERT INTO document_time (id, document_id, annotator_id, active_seconds,"
                " pretagged, recorded_at) SELECT 999, %s, id, 1, false, now()"
                " FROM annotator WHERE name = 'amal'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match=REFUSED_ID):
                amal.execute(statement, (doc,))
        # nor into a colleague's annotation, with or without an id
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="own"):
            amal.execute(SPAN_INSERT.replace("(id, ", "(").replace("(%s, ", "("),
                         (annotations["badr"],))
    assert len(answers) == 1, answers  # one answer for every id: no existence oracle
    with store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM span").scalar() == 2


def test_an_annotators_whole_edit_path_and_undo_under_old_ids(pg_url, blind):
    store, doc, annotations = blind
    own = annotations["amal"]
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        first = amal.apply(AddSpan(own, 5, 11, "PERS")).added[0]
        second = amal.apply(AddSpan(own, 20, 24, "LOC")).added[0]
        amal.apply(RelabelSpan(first.id, "ORG"))
        amal.apply(ResizeSpan(second.id, 20, 30))
        amal.apply(Batch((AddSpan(own, 31, 36, "MISC"), SetStatus(own, Status.DONE))))
        deleted = amal.apply(DeleteSpan(first.id))
        restored = amal.apply(deleted.inverse)  # undo: the span is back under its own id
        assert [s.id for s in restored.added] == [first.id]
        again = amal.apply(restored.inverse)  # redo the delete, undo it once more
        assert [s.id for s in amal.apply(again.inverse).added] == [first.id]
        spans = sorted((s.start, s.end, s.label) for s in amal.spans(own))
        assert spans == [(5, 11, "ORG"), (20, 30, "LOC"), (31, 36, "MISC")]
        assert amal.spans(annotations["badr"]) == []
        assert amal.documents("amal")[0].status is Status.DONE
    with raw(as_role(pg_url, "badr")) as badr:  # amal's deleted id is no id of badr's
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match=REFUSED_ID):
            badr.execute(SPAN_INSERT, (first.id, annotations["badr"]))
    with store.engine.connect() as c:  # the owner sees it all
        rows = c.exec_driver_sql("SELECT annotation_id, count(*) FROM span GROUP BY 1").all()
    assert dict(rows) == {own: 3, annotations["badr"]: 2}


def test_the_owner_curators_and_managers_see_it_all(pg_url, blind):
    store, _, _ = blind
    assert store.stats()["spans"] == 2
    for name in ("cora", "mona"):
        with raw(as_role(pg_url, name)) as conn:
            assert conn.execute("SHOW search_path").fetchone() != ("annotator_api, public",)
            assert conn.execute("SELECT count(*) FROM span").fetchone() == (2,)
        with ProjectStore.open(as_role(pg_url, name)) as seer:
            assert seer.stats()["spans"] == 2


def test_blind_mode_off_and_on_again_moves_the_access_path(pg_url, blind):
    store, _, annotations = blind
    team.set_blind(store, False)
    with raw(as_role(pg_url, "amal")) as amal:
        assert amal.execute("SHOW search_path").fetchone() != ("annotator_api, public",)
        assert amal.execute("SELECT count(*) FROM public.span").fetchone() == (2,)
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        assert len(amal.spans(annotations["badr"])) == 2
        amal.apply(AddSpan(annotations["amal"], 5, 11, "PERS"))
    with ProjectStore.open(as_role(pg_url, "mona")) as manager:  # a manager switches it back
        team.set_blind(manager, True)
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        assert amal.spans(annotations["badr"]) == []
        assert [s.label for s in amal.spans(annotations["amal"])] == ["PERS"]
        amal.apply(AddSpan(annotations["amal"], 20, 24, "LOC"))
    with raw(as_role(pg_url, "amal")) as amal, pytest.raises(psycopg.errors.InsufficientPrivilege):
        amal.execute("SELECT count(*) FROM public.span")
    assert store.stats()["spans"] == 4


def test_a_curator_cannot_make_anyone_manager_nor_an_annotator_anything(pg_url, blind):
    store, _, _ = blind
    for name, statement in (
            ("cora", "UPDATE annotator SET role = 'manager' WHERE name = 'amal'"),
            ("cora", "INSERT INTO annotator (name, role, created_at) VALUES ('x', 'manager', now())"),
            ("amal", "UPDATE annotator SET role = 'curator' WHERE name = 'amal'"),
            ("amal", "INSERT INTO annotator (name, role, created_at) VALUES ('y', 'annotator', now())")):
        with raw(as_role(pg_url, name)) as conn, pytest.raises(
                psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    with raw(as_role(pg_url, "mona")) as manager:  # only managers change roles
        manager.execute("UPDATE annotator SET role = 'curator' WHERE name = 'badr'")
    roles = {m.name: m.role for m in team.members(store)}
    assert roles == {"amal": Role.ANNOTATOR, "badr": Role.CURATOR, "cora": Role.CURATOR,
                     "mona": Role.MANAGER}


def test_a_store_open_while_blind_mode_switches_goes_on(pg_url, blind):
    store, _, annotations = blind
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        assert amal.spans(annotations["badr"]) == []
        team.set_blind(store, False)  # her connection still reads the views: they show all now
        assert len(amal.spans(annotations["badr"])) == 2
        amal.apply(AddSpan(annotations["amal"], 5, 11, "PERS"))
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:  # on the tables
        assert len(amal.spans(annotations["badr"])) == 2
        team.set_blind(store, True)  # the tables are gone from under her connection
        with pytest.raises(AnnotatorError, match="E160"):
            amal.spans(annotations["badr"])
        assert amal.spans(annotations["badr"]) == []  # a new connection: the views
        assert len(amal.apply(AddSpan(annotations["amal"], 20, 24, "LOC")).added) == 1


def test_undo_of_a_delete_from_before_blind_mode_is_refused_in_one_line(pg_url, blind):
    store, _, annotations = blind
    team.set_blind(store, False)
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        deleted = amal.apply(DeleteSpan(amal.apply(
            AddSpan(annotations["amal"], 5, 11, "PERS")).added[0].id))
    team.set_blind(store, True)
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:
        with pytest.raises(AnnotatorError, match=r"E161.*come from the database"):
            amal.apply(deleted.inverse)
        assert amal.spans(annotations["amal"]) == []


def test_a_downgrade_past_0008_gives_the_tables_back_and_an_upgrade_takes_them(pg_url, blind):
    from alembic import command

    from annotator.store.database import writer
    from annotator.store.schema import _alembic_config, upgrade

    store, _, annotations = blind
    with writer(store.engine).begin() as c:
        command.downgrade(_alembic_config(c), "0005")
    with raw(as_role(pg_url, "amal")) as amal:  # row-level security alone, as before 0008
        assert amal.execute("SHOW search_path").fetchone() != ("annotator_api, public",)
        assert amal.execute("SELECT count(*) FROM span").fetchone() == (0,)
    upgrade(store.engine)
    with raw(as_role(pg_url, "amal")) as amal:
        assert amal.execute("SHOW search_path").fetchone() == ("annotator_api, public",)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            amal.execute("SELECT count(*) FROM public.span")
    with ProjectStore.open(as_role(pg_url, "badr")) as badr:
        assert len(badr.spans(annotations["badr"])) == 2


def test_the_stores_scope_hint_narrows_and_never_widens(pg_url, blind):
    store, _, annotations = blind
    with store.engine.connect() as c:
        badr_span = c.exec_driver_sql("SELECT min(id) FROM span").scalar()
    with raw(as_role(pg_url, "amal")) as amal:
        for setting, value in (("annotator.scope_annotation", annotations["badr"]),
                               ("annotator.scope_span", badr_span)):
            amal.execute("SELECT set_config(%s, %s, false)", (setting, str(value)))
            assert amal.execute("SELECT count(*) FROM span").fetchone() == (0,)
            assert amal.execute("SELECT count(*) FROM annotation").fetchone() == (0,)
            amal.execute("SELECT set_config(%s, '', false)", (setting,))
    with ProjectStore.open(as_role(pg_url, "amal")) as amal:  # scoped edits on her own
        own = annotations["amal"]
        span = amal.apply(AddSpan(own, 5, 11, "PERS")).added[0]
        amal.apply(RelabelSpan(span.id, "ORG"))
        assert [s.label for s in amal.spans(own)] == ["ORG"]
        assert amal.stats()["spans"] == 1  # unscoped reads see all of hers
