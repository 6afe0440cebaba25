"""Shared builders for the agreement tests: Arabic documents tokenized like the project does."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from annotator.agreement import AgreementDocument
from annotator.core.model import Span

ANERCORP = Path(__file__).parents[2] / ".." / "shared" / "data" / "arabic" / "anercorp_sample.conll"

TokenizeFn = Callable[[str], list[tuple[int, int]]]


@pytest.fixture(scope="session")
def tokenize() -> TokenizeFn:
    """Token offsets of spaCy's blank Arabic tokenizer (the project tokenizer builds on it)."""
    import spacy

    tokenizer = spacy.blank("ar").tokenizer

    def offsets(text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t)) for t in tokenizer(text) if not t.is_space]

    return offsets


def span_of(text: str, mention: str, label: str, *, trim_start: int = 0, trim_end: int = 0,
            occurrence: int = 0) -> Span:
    """The span of `mention` in `text` (its n-th occurrence), optionally trimmed."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return Span(start + trim_start, start + len(mention) - trim_end, label)


@pytest.fixture(scope="session")
def make_document(tokenize: TokenizeFn) -> Callable[..., AgreementDocument]:
    def build(doc_id: int, text: str,
              annotations: Mapping[str, Sequence[Span] | None]) -> AgreementDocument:
        return AgreementDocument(doc_id, len(text), tokenize(text), dict(annotations))

    return build


def read_anercorp(limit_sentences: int | None = None) -> list[tuple[str, list[Span]]]:
    """ANERcorp sentences as (text, gold spans): tokens joined by single spaces, IOB2 -> spans."""
    if not ANERCORP.exists():
        pytest.skip(f"third-party data not found: {ANERCORP}")
    sentences: list[tuple[str, list[Span]]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append(_sentence(words, tags))
            words.clear()
            tags.clear()

    for line in ANERCORP.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            flush()
            if limit_sentences is not None and len(sentences) >= limit_sentences:
                break
            continue
        word, _, tag = line.rpartition(" ")
        words.append(word)
        tags.append(tag)
    flush()
    return sentences


def _sentence(words: list[str], tags: list[str]) -> tuple[str, list[Span]]:
    spans: list[Span] = []
    position = 0
    current: list[int | str] | None = None
    for word, tag in zip(words, tags, strict=True):
        start, end = position, position + len(word)
        if tag.startswith("I-") and current is not None and current[2] == tag[2:]:
            current[1] = end
        else:
            if current is not None:
                spans.append(Span(int(current[0]), int(current[1]), str(current[2])))
            current = [start, end, tag[2:]] if tag != "O" else None
        position = end + 1
    if current is not None:
        spans.append(Span(int(current[0]), int(current[1]), str(current[2])))
    return " ".join(words), spans


@pytest.fixture(scope="session")
def anercorp() -> list[tuple[str, list[Span]]]:
    """All ANERcorp sample sentences (skips when the shared data is absent)."""
    return read_anercorp()


@pytest.fixture(scope="session")
def find_span() -> Callable[..., Span]:
    return span_of
