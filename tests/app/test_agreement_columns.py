"""Agreement read as columns with kept tokens (`agreement_columns`, migration 0013) gives the
very report the document-by-document path gives, and does a fixed amount of work."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from annotator.app.agreement import (
    agreement_columns,
    agreement_documents,
    project_agreement,
    project_tokenize,
)
from annotator.app.project import Project
from annotator.core.model import (
    GOLD_ANNOTATOR,
    OverlapPolicy,
    SourceDocument,
    Span,
    SpanState,
    Status,
)
from annotator.core.operations import AddSpan, Batch, SetStatus
from annotator.store import schema
from annotator.store.database import sqlite_path
from annotator.store.ingest import IngestOptions, ingest
from annotator.text.tokenizer import ProjectTokenizer

LABELS = ["PERS", "LOC", "ORG"]
WORDS = ["زار", "لافروف", "بيونغ", "يانغ", "والقاهرة", "أمس.", "KCTV", "2024.", "«الجزيرة»",
         "😀", "👩‍💻", "كيم", "جونغ", "أون", "وبيونج", "e\u0301", "\u200f", "د."]
GAPS = [" ", " ", " ", "\r\n", "  ", "\n", "\u200b"]
NAMES = ("amal", "badr", "carim", "dina")  # carim finishes everything and marks nothing


def generated_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for i in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 40))]
        text = words[0] + "".join(rng.choice(GAPS) + w for w in words[1:])
        texts.append(text + ("\r\n" if i % 3 == 0 else ""))
    return texts


def random_spans(rng: random.Random, text: str, tokens: list[tuple[int, int]]) -> list[Span]:
    spans: list[Span] = []
    for _ in range(rng.randint(0, 6)):
        first = rng.randrange(len(tokens))
        last = min(len(tokens) - 1, first + rng.randint(0, 3))
        start, end = tokens[first][0], tokens[last][1]
        if rng.random() < 0.2 and tokens[first][1] - start > 1:  # not on a token boundary
            start += 1
        spans.append(Span(start, end, rng.choice(LABELS)))
        if last > first and rng.random() < 0.3:  # an inner span inside this one (nested)
            spans.append(Span(tokens[last][0], end, "LOC"))
    return sorted(set(spans))


def annotate(project: Project, doc_id: int, name: str, spans: list[Span],
             status: Status = Status.DONE) -> None:
    annotation = project.annotation_id(doc_id, name)
    ops = [AddSpan(annotation, s.start, s.end, s.label) for s in spans]
    project.apply(Batch((*ops, SetStatus(annotation, status)), "test"))


def generated_project(location: str | Path, documents: int = 24, seed: int = 7) -> Project:
    """Several annotators over CRLF, emoji and invisible marks, nested and misaligned spans,
    unfinished work, suggestions, a gold set and an annotator with no spans at all."""
    project = Project.create(location, labels=LABELS, overlap_policy=OverlapPolicy.ALLOW)
    texts = generated_texts(documents, seed)
    with project.store.write() as c:
        ingest(c, [SourceDocument(t) for t in texts], project.info().overlap_policy,
               IngestOptions())
    rng = random.Random(seed)
    tokenizer = ProjectTokenizer("ar")
    for doc_id, text in zip(project.document_ids(), texts, strict=True):
        tokens = tokenizer.token_offsets(text)
        amal = random_spans(rng, text, tokens)
        annotate(project, doc_id, "amal", amal)
        badr = [s for s in amal if rng.random() < 0.7] + random_spans(rng, text, tokens)[:2]
        annotate(project, doc_id, "badr", sorted(set(badr)),
                 Status.IN_PROGRESS if rng.random() < 0.2 else Status.DONE)
        annotate(project, doc_id, "carim", [])
        if rng.random() < 0.5:
            annotate(project, doc_id, "dina", random_spans(rng, text, tokens),
                     Status.DONE if rng.random() < 0.7 else Status.SKIPPED)
        if rng.random() < 0.3:
            annotation = project.annotation_id(doc_id, "amal")
            project.apply(AddSpan(annotation, tokens[0][0], tokens[0][1], "ORG",
                                  state=SpanState.SUGGESTED))
        if rng.random() < 0.2:
            annotate(project, doc_id, GOLD_ANNOTATOR, amal)
    return project


def old_path(project: Project, **options: object) -> dict[str, object]:
    """The report as the document-by-document path makes it (tokenizing every text)."""
    tokenize = project_tokenize(project.info().language)
    return project_agreement(project, tokenize=tokenize, **options).to_dict()  # type: ignore[arg-type]


def new_path(project: Project, **options: object) -> dict[str, object]:
    return project_agreement(project, **options).to_dict()  # type: ignore[arg-type]


OPTIONS = [
    {"gamma": None},
    {"bootstrap": 50, "seed": 3},  # gamma on, as the command line's default
    {"gamma": None, "annotators": ["dina", "amal"]},
    {"gamma": None, "annotators": ["carim", "badr"], "labels": ["LOC", "PERS"]},
    {"gamma": None, "weights": "linear"},
]


def test_columns_and_kept_tokens_give_the_same_report_as_documents(fresh_project_url) -> None:
    project = generated_project(fresh_project_url)
    try:
        expected = [old_path(project, **options) for options in OPTIONS]
        cold = [new_path(project, **options) for options in OPTIONS]
        warm = [new_path(project, **options) for options in OPTIONS]
        assert cold == expected
        assert warm == expected
        assert expected[0]["corpus"]["documents"] == 24  # type: ignore[index]
        summaries = expected[0]["annotator_summaries"]  # the cases are there to be compared
        assert summaries["carim"]["documents"] == 24 and summaries["carim"]["spans"] == 0  # type: ignore[index]
        assert all(summaries[n]["overlapping_spans"] > 0 for n in ("amal", "badr", "dina"))  # type: ignore[index]
        assert all(summaries[n]["misaligned_spans"] > 0 for n in ("amal", "badr", "dina"))  # type: ignore[index]
    finally:
        project.close()


def test_the_columns_hold_what_the_documents_hold(tmp_path) -> None:
    project = generated_project(tmp_path / "p.db", documents=12)
    try:
        documents = list(agreement_documents(project))
        columns, _ = agreement_columns(project)
        assert columns.doc_ids.tolist() == [d.doc_id for d in documents]
        assert columns.doc_lengths.tolist() == [d.length for d in documents]
        assert columns.tokens.tolist() == [list(t) for d in documents for t in d.tokens]
        assert columns.annotators == ("amal", "badr", "carim", "dina")
        for a, name in enumerate(columns.annotators):
            assert columns.present[a].tolist() == [name in d.annotations for d in documents]
            mine = columns.span_annotator == a
            found = sorted((int(d), int(s), int(e), columns.label_names[int(k)]) for d, s, e, k in zip(
                columns.span_doc[mine], columns.span_start[mine], columns.span_end[mine],
                columns.span_label[mine], strict=True))
            assert found == sorted((i, s.start, s.end, s.label) for i, d in enumerate(documents)
                                   for s in d.annotations.get(name) or [])
    finally:
        project.close()


class CountingTokenizer:
    """Counts the texts the project tokenizer is asked to tokenize."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts = 0
        original = ProjectTokenizer.token_offsets

        def counted(tokenizer: ProjectTokenizer, text: str, boundaries=()):  # type: ignore[no-untyped-def]
            self.texts += 1
            return original(tokenizer, text, boundaries)

        monkeypatch.setattr(ProjectTokenizer, "token_offsets", counted)


def statements_of(project: Project, run) -> list[str]:  # type: ignore[no-untyped-def]
    """The SQL statements SQLite ran (every connection of the project's engine) during RUN."""
    seen: list[str] = []
    project.store.engine.dispose()  # new connections, each traced
    from sqlalchemy import event

    def trace(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.set_trace_callback(seen.append)

    event.listen(project.store.engine, "connect", trace)
    try:
        run()
    finally:
        event.remove(project.store.engine, "connect", trace)
        project.store.engine.dispose()
    return seen


@pytest.mark.parametrize("documents", [3, 30])
def test_a_warm_run_tokenizes_nothing_and_reads_in_a_fixed_number_of_statements(tmp_path, monkeypatch,
                                                                      documents) -> None:
    project = generated_project(tmp_path / "p.db", documents=documents)
    try:
        counter = CountingTokenizer(monkeypatch)
        _, cold = agreement_columns(project)
        finished = len(project.document_ids())
        assert counter.texts == cold.tokenized == cold.kept == finished
        assert cold.statements == 3 + 1  # one batch of texts
        counter.texts = 0
        ran = statements_of(project, lambda: agreement_columns(project))
        assert counter.texts == 0
        reads = [s for s in ran if s.lstrip().upper().startswith("SELECT")]
        assert len(reads) == 4  # the project's language, then done annotations, documents
        assert reads[0].startswith("SELECT project.")  # with their tokens, accepted spans
        assert not any("text" in s.split("FROM")[0] for s in reads)  # no text read
        assert not any(s.upper().startswith(("INSERT", "UPDATE", "DELETE")) for s in ran)
    finally:
        project.close()


def test_tokens_made_by_another_tokenizer_are_made_again(tmp_path, monkeypatch) -> None:
    project = generated_project(tmp_path / "p.db", documents=5)
    try:
        agreement_columns(project)
        with sqlite3.connect(sqlite_path(project.url)) as raw:
            raw.execute("UPDATE token_cache SET tokenizer = 'ar/an older tokenizer'")
        counter = CountingTokenizer(monkeypatch)
        _, counts = agreement_columns(project)
        assert counter.texts == counts.tokenized == counts.kept == 5
        with sqlite3.connect(sqlite_path(project.url)) as raw:
            keys = {k for (k,) in raw.execute("SELECT tokenizer FROM token_cache")}
        assert keys == {counts_key(project)}
    finally:
        project.close()


def counts_key(project: Project) -> str:
    from annotator.text.token_key import tokenizer_key

    return tokenizer_key(ProjectTokenizer(project.info().language))


def test_a_text_changed_after_its_tokens_were_kept_is_tokenized_again(tmp_path) -> None:
    project = generated_project(tmp_path / "p.db", documents=6)
    try:
        new_path(project, gamma=None)  # tokens kept
        doc_id = project.document_ids()[0]
        text = project.document_text(doc_id)
        changed = text.replace(" ", "  ", 3) + " 😀 زار"  # longer: every span still inside
        with sqlite3.connect(sqlite_path(project.url)) as raw:  # the app never does this; SQL may
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("UPDATE document SET text = ?, length = ? WHERE id = ?",
                        (changed, len(changed), doc_id))
            assert raw.execute("SELECT count(*) FROM token_cache WHERE document_id = ?",
                               (doc_id,)).fetchone() == (0,)  # the trigger dropped the row
        project.store.engine.dispose()
        _, counts = agreement_columns(project)
        assert counts.tokenized == 1
        assert new_path(project, gamma=None) == old_path(project, gamma=None)
    finally:
        project.close()


def test_a_deleted_document_takes_its_tokens_with_it(tmp_path) -> None:
    project = generated_project(tmp_path / "p.db", documents=4)
    try:
        agreement_columns(project)
        doc_id = project.document_ids()[0]
        with sqlite3.connect(sqlite_path(project.url)) as raw:
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("DELETE FROM document WHERE id = ?", (doc_id,))
            assert raw.execute("SELECT count(*) FROM token_cache").fetchone() == (3,)
    finally:
        project.close()


def test_a_busy_project_keeps_no_tokens_and_still_reports(tmp_path) -> None:
    project = generated_project(tmp_path / "p.db", documents=5)
    try:
        expected = old_path(project, gamma=None)
        blocker = sqlite3.connect(sqlite_path(project.url), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        try:
            _, counts = agreement_columns(project)
            assert counts.tokenized == 5 and counts.kept == 0
            assert new_path(project, gamma=None) == expected
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        _, counts = agreement_columns(project)
        assert counts.kept == 5
    finally:
        project.close()


def test_a_project_at_0012_upgrades_and_its_agreement_stays_the_same(tmp_path) -> None:
    from alembic import command

    path = tmp_path / "p.db"
    project = generated_project(path, documents=8)
    expected = old_path(project, gamma=None)
    with project.store.engine.begin() as c:
        command.downgrade(schema._alembic_config(c), "0012")
    project.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0012",)
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'token_cache'"
                           ).fetchone() == (0,)
        spans_before = raw.execute("SELECT count(*) FROM span").fetchone()
    project = Project.open(path)
    try:
        assert schema.current_revision(project.store.engine) == schema.HEAD
        assert new_path(project, gamma=None) == expected
        with sqlite3.connect(path) as raw:
            assert raw.execute("SELECT count(*) FROM token_cache").fetchone() == (8,)
            assert raw.execute("SELECT count(*) FROM span").fetchone() == spans_before
    finally:
        project.close()
