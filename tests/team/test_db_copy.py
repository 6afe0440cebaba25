"""`annotator db copy`: a project moves from SQLite to PostgreSQL and back without losing anything
(text, spans, statuses, timestamps, annotators), or the target is left untouched."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from annotator.app import copying as copy
from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.model import LabelSpec, Role, SourceDocument, SpanState, Status
from annotator.core.operations import AddSpan, DeleteSpan, RecordTime, SetStatus
from annotator.core.timing import Decision, DocumentTime, SpanTime
from annotator.store import ProjectStore, schema, team
from annotator.store import copy as store_copy
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.tables import (
    Annotation,
    Annotator,
    Assignment,
    Document,
    GazetteerEntry,
    SpanRow,
    table_of,
)

pytestmark = pytest.mark.postgres

TEXTS = [
    # right-to-left marks, an astral emoji with a skin-tone modifier, CRLF, ZWJ, tanween
    "قال محمد\u200f: «مرحبا» 👋🏽 في القاهرة\r\nسطر ثانٍ\u200d ﷺ",
    "Mixed ltr العربية ١٢٣ 123\ttab and trailing spaces   ",
    "\u202bembedded\u202c \u0640\u0640 كشيدة\rold mac line end",
]
MOMENT = datetime(2026, 3, 29, 1, 30, 0, 123456, tzinfo=UTC)  # microseconds, a DST night


def rich_project(path: Path, seed_text: str) -> ProjectStore:
    """A SQLite project exercising every table and awkward values."""
    store = ProjectStore.create(path, labels=[LabelSpec("PERS", "#E69F00", "1", "أشخاص"), "LOC",
                                              "ORG"], guidelines="قواعد التوسيم\n- الأسماء")
    with store.write() as c:
        ingest(c, [SourceDocument(t, source=f"d{i}.txt", meta={"مصدر": i})
                   for i, t in enumerate([seed_text, *TEXTS])],
               store.project().overlap_policy, IngestOptions())
    docs = store.document_ids()
    store.update_project(blind=True, settings={"font": "Amiri", "الحجم": 14})
    amal = store.annotation_id(docs[0], "amal")
    store.apply(AddSpan(amal, 5, 11, "PERS"))
    store.apply(AddSpan(amal, 20, 26, "LOC", SpanState.SUGGESTED, "model", 0.1 + 0.2))
    store.apply(SetStatus(amal, Status.DONE))
    badr = store.annotation_id(docs[1], "بدر")
    emoji = TEXTS[0].index("👋")
    store.apply(AddSpan(badr, emoji, emoji + 2, "ORG"))
    gone = store.apply(AddSpan(amal, 31, 35, "ORG")).added[0]
    store.apply(DeleteSpan(gone.id))  # the highest span id ever used is no longer in the table
    store.apply(SetStatus(badr, Status.SKIPPED))
    store.annotation_id(docs[2], "بدر")  # new, no spans
    team.add_member(store, "gold", Role.CURATOR)
    with store.write() as c:
        c.execute(update(table_of(Annotation)).where(table_of(Annotation).c.id == amal)
                  .values(updated_at=MOMENT))
        c.execute(update(table_of(Annotator)).where(table_of(Annotator).c.name == "amal")
                  .values(db_role="amal"))
        c.execute(table_of(Assignment).insert().values(document_id=docs[1], annotator_id=1))
        c.execute(table_of(GazetteerEntry).insert().values(text="القاهرة", label="LOC",
                                                           created_at=MOMENT))
    store.record_time(RecordTime((  # annotation time: floats that do not round-trip as text
        DocumentTime("amal", docs[0], 0.1 + 0.2, True),
        SpanTime("amal", docs[0], "PERS", Decision.CORRECTED, 1 / 3, True, None, 5, 11),
        SpanTime("بدر", docs[1], "ORG", Decision.REJECTED, 12.5))))
    return store


@pytest.fixture
def source(tmp_path, seed_text) -> str:
    store = rich_project(tmp_path / "source.db", seed_text)
    store.close()
    return str(tmp_path / "source.db")


def test_round_trip_sqlite_postgresql_sqlite_keeps_everything(source, pg_url, tmp_path):
    original = copy.project_digest(source)
    to_pg = copy.copy_project(source, pg_url)
    assert copy.project_digest(pg_url) == original
    back = tmp_path / "back.db"
    to_sqlite = copy.copy_project(pg_url, back)
    assert copy.project_digest(back) == original
    assert to_pg.digest == to_sqlite.digest
    assert to_pg.rows == to_sqlite.rows
    assert to_pg.rows["document"] == 4 and to_pg.rows["span"] == 3
    assert to_pg.rows["document_time"] == 1 and to_pg.rows["span_time"] == 2
    for url in (pg_url, str(back)):  # spot checks through the store, beside the digests
        with ProjectStore.open(url) as store, ProjectStore.open(source) as first:
            assert [store.document_text(d) for d in store.document_ids()] == \
                   [first.document_text(d) for d in first.document_ids()]
            assert store.project() == first.project()
            assert store.labels() == first.labels()
            assert store.stats() == first.stats()
            assert store.annotators() == first.annotators()
            with store.engine.connect() as c:
                when = c.execute(select(table_of(Annotation).c.updated_at)
                                 .where(table_of(Annotation).c.id == 1)).scalar_one()
            assert (when.replace(tzinfo=UTC) if when.tzinfo is None else when) == MOMENT


def test_ids_stay_and_the_copy_never_reuses_a_span_id(source, pg_url, tmp_path):
    copy.copy_project(source, pg_url)
    copy.copy_project(pg_url, tmp_path / "again.db")
    for url in (pg_url, str(tmp_path / "again.db")):
        with ProjectStore.open(url) as store:
            annotation = store.annotation_id(store.document_ids()[0], "amal")
            assert annotation == 1
            new = store.apply(AddSpan(annotation, 100, 104, "LOC")).added[0]
            assert new.id == 5  # 4 was used and deleted in the source: not reused


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_non_empty_target_is_refused_and_left_alone(source, pg_url, tmp_path, kind):
    target = pg_url if kind == "postgresql" else str(tmp_path / "taken.db")
    ProjectStore.create(target, labels=["X"]).close()
    before = copy.project_digest(target)
    with pytest.raises(AnnotatorError, match="E150") as refused:
        copy.copy_project(source, target)
    assert copy.project_digest(target) == before
    password = make_url(target).password if kind == "postgresql" else None
    assert password is None or str(password) not in str(refused.value)  # never in a message


def test_a_failed_check_leaves_the_target_empty(source, pg_url, tmp_path, monkeypatch):
    real = store_copy._verify

    def corrupt(dst, table, expected, shown):  # a row read back differently
        real(dst, table, "0" * 64 if table.name == "span" else expected, shown)

    monkeypatch.setattr(store_copy, "_verify", corrupt)
    for target in (pg_url, str(tmp_path / "new.db")):
        with pytest.raises(AnnotatorError, match="E151.*span"):
            copy.copy_project(source, target)
    assert not (tmp_path / "new.db").exists()
    monkeypatch.undo()
    copy.copy_project(source, pg_url)  # still empty, so the copy can be made now


def test_a_nul_character_is_refused_before_postgresql_sees_it(tmp_path, pg_url):
    """SQLite can hold a NUL in a name (imports refuse it in texts now, and SQLite's length()
    check keeps it out of documents); PostgreSQL cannot hold one anywhere."""
    store = ProjectStore.create(tmp_path / "nul.db", labels=["LOC"])
    store.annotator_id("amal")
    with store.write() as c:
        c.execute(update(table_of(Annotator)).values(name="am\x00al"))
    store.close()
    with pytest.raises(AnnotatorError, match="E151.*NUL"):
        copy.copy_project(tmp_path / "nul.db", pg_url)
    with ProjectStore.create(pg_url, labels=["LOC"]):  # nothing was left behind
        pass


def test_an_annotator_of_a_blind_project_cannot_copy_it(source, pg_url, tmp_path):
    copy.copy_project(source, pg_url)
    with ProjectStore.open(pg_url) as store:
        team.sync(store)
        team.add_member(store, "amal", Role.ANNOTATOR, password="pw-amal-1")
    head, rest = pg_url.split("://", 1)
    as_amal = f"{head}://amal:pw-amal-1@{rest.split('@', 1)[1]}"
    with pytest.raises(AnnotatorError, match="E156"):
        copy.copy_project(as_amal, tmp_path / "leak.db")
    assert not (tmp_path / "leak.db").exists()


def test_a_missing_database_is_created_or_explained(postgres_server, source):
    superuser = postgres_server.url("copied_by_superuser")
    assert copy.copy_project(source, superuser).rows["document"] == 4
    with pytest.raises(AnnotatorError, match="E158.*createdb"):
        copy.copy_project(source, postgres_server.owner_url("owner_may_not_create"))


def test_cli_db_copy_and_upgrade(source, pg_url, capsys):
    assert main(["db", "copy", source, pg_url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows"]["span"] == 3 and len(report["sha256"]) == 64
    assert "password" not in json.dumps(report) and ":***@" in report["target"]
    assert main(["db", "copy", source, pg_url]) == 2
    assert "E150" in capsys.readouterr().err
    assert main(["db", "upgrade", pg_url]) == 0
    assert schema.HEAD in capsys.readouterr().out


def test_a_real_corpus_survives_the_round_trip(shared_data, tmp_path, pg_url):
    from annotator.app.importing import import_paths
    from annotator.app.project import Project

    conll = shared_data / "arabic" / "anercorp_sample.conll"
    store = Project.create(tmp_path / "aner.db", labels=["PERS", "LOC", "ORG", "MISC"])
    import_paths(store, [conll], ingest_options=IngestOptions(annotator="anercorp"))
    stats = store.stats()
    store.close()
    assert stats["spans"] > 1000
    copy.copy_project(tmp_path / "aner.db", pg_url)
    copy.copy_project(pg_url, tmp_path / "back.db")
    assert copy.project_digest(tmp_path / "back.db") == copy.project_digest(tmp_path / "aner.db")
    with ProjectStore.open(pg_url) as copied:
        assert copied.stats() == stats
    with ProjectStore.open(tmp_path / "back.db") as back, \
            ProjectStore.open(tmp_path / "aner.db") as first:
        doc = first.document_ids()[-1]
        text = first.document_text(doc)
        assert back.document_text(doc) == text
        ann = first.annotation_id(doc, "anercorp")
        assert [(text[s.start:s.end], s.label) for s in back.spans(ann)] == \
               [(text[s.start:s.end], s.label) for s in first.spans(ann)]


def test_document_rows_keep_their_column_values(source, pg_url):
    copy.copy_project(source, pg_url)
    columns = table_of(Document).c
    query = select(columns.id, columns.content_hash, columns.meta, columns.position,
                   columns.length).order_by(columns.id)
    with ProjectStore.open(source) as a, ProjectStore.open(pg_url) as b:
        with a.engine.connect() as ca, b.engine.connect() as cb:
            assert ca.execute(query).all() == cb.execute(query).all()
            spans = select(table_of(SpanRow)).order_by(table_of(SpanRow).c.id)
            left, right = ca.execute(spans).mappings().all(), cb.execute(spans).mappings().all()
    assert [dict(r, created_at=None, updated_at=None) for r in left] == \
           [dict(r, created_at=None, updated_at=None) for r in right]
    assert right[1]["score"] == 0.1 + 0.2
