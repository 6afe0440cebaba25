"""Shared helpers for the pre-tagging, gazetteer and training tests (not a conftest, so the
tokenizer's tests keep their own): projects from ANERcorp sentences and a tiny trained model,
built once per test session."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from annotator.app.project import Project
from annotator.app.training import TrainOptions, TrainReport, train_model
from annotator.core.model import SourceDocument, Span, Status
from annotator.nlp.pretaggers import Suggestion
from annotator.store.ingest import IngestOptions, ingest

ANERCORP = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "arabic" / "anercorp_sample.conll"
LABELS = ["PERS", "LOC", "ORG", "MISC"]
TINY = TrainOptions(max_epochs=12, width=32, depth=2, embed_rows=(2000, 500, 500, 500),
                    eval_frequency=50, seed=1)


def anercorp_sentences(limit: int) -> list[tuple[str, list[Span]]]:
    """The first LIMIT sentences: text (tokens joined by spaces) and IOB2 entities."""
    if not ANERCORP.exists():
        pytest.skip(f"ANERcorp sample not found at {ANERCORP} (../shared/data is absent)")
    sentences: list[tuple[str, list[Span]]] = []
    words: list[tuple[str, str]] = []
    for line in ANERCORP.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if words:
                sentences.append(_sentence(words))
                words = []
                if len(sentences) == limit:
                    break
            continue
        token, tag = line.split()[0], line.split()[-1]
        words.append((token, tag))
    return sentences


def _sentence(words: list[tuple[str, str]]) -> tuple[str, list[Span]]:
    text, spans, position = "", [], 0
    current: list[int | str] | None = None
    for token, tag in words:
        text += ("" if not text else " ") + token
        start = len(text) - len(token)
        position = len(text)
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
            if current:
                spans.append(Span(int(current[0]), int(current[1]), str(current[2])))
            current = [start, position, tag[2:]]
        elif tag.startswith("I-") and current is not None:
            current[1] = position
        else:
            if current:
                spans.append(Span(int(current[0]), int(current[1]), str(current[2])))
            current = None
    if current:
        spans.append(Span(int(current[0]), int(current[1]), str(current[2])))
    return text, spans


def make_project(path: Path, documents: Iterable[tuple[str, list[Span]]], annotator: str = "amal",
                 status: Status = Status.DONE, labels: list[str] = LABELS,
                 **create: object) -> Project:
    store = Project.create(path, labels=labels, **create)  # type: ignore[arg-type]
    with store.store.write() as c:
        ingest(c, [SourceDocument(text, source=f"doc{i}", spans=list(spans), annotated=True)
                   for i, (text, spans) in enumerate(documents)],
               store.info().overlap_policy, IngestOptions(annotator=annotator, status=status))
    return store


def add_plain_documents(store: Project, texts: Iterable[str]) -> None:
    with store.store.write() as c:
        ingest(c, [SourceDocument(t, source=f"plain{i}") for i, t in enumerate(texts)],
               store.info().overlap_policy, IngestOptions())


@functools.cache
def _trained(folder: str) -> tuple[Path, TrainReport]:
    base = Path(folder)
    store = make_project(base / "train.db", anercorp_sentences(200))
    try:
        report = train_model(store, base / "model", TINY)
    finally:
        store.close()
    return base / "model", report


def trained_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, TrainReport]:
    """A tiny NER pipeline trained on 200 ANERcorp sentences (a few seconds), once a session."""
    folder = tmp_path_factory.getbasetemp() / "tiny-ner"
    folder.mkdir(exist_ok=True)
    return _trained(str(folder))


class ListPretagger:
    """A pre-tagger that returns fixed suggestions per text (keyed by the text)."""

    def __init__(self, by_text: dict[str, list[tuple[int, int, str]]], origin: str = "test/fixed:1",
                 fail_after: int | None = None, score: float | None = None) -> None:
        self.by_text = by_text
        self.origin = origin
        self.fail_after = fail_after
        self.score = score
        self.seen = 0

    def labels(self) -> list[str]:
        return sorted({label for spans in self.by_text.values() for _s, _e, label in spans})

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        for text in texts:
            if self.fail_after is not None and self.seen >= self.fail_after:
                raise RuntimeError("the pre-tagger crashed")
            self.seen += 1
            yield [Suggestion(s, e, label, self.score, self.origin)
                   for s, e, label in self.by_text.get(text, [])]


def evaluation_tags(path: Path) -> tuple[list[list[str]], list[list[str]]]:
    """The gold and the predicted tags, sentence by sentence, of the CoNLL file `evaluate_model`
    writes (token, gold tag, predicted tag a line; a blank line ends a sentence)."""
    gold, predicted, g, p = [], [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if g:
                gold.append(g)
                predicted.append(p)
            g, p = [], []
            continue
        _token, gold_tag, predicted_tag = line.split(" ")
        g.append(gold_tag)
        p.append(predicted_tag)
    return gold, predicted
