"""Tokens for export: the project tokenizer, or the tokens a document was imported with.

The project tokenizer (`annotator.nlp.tokenizer.ProjectTokenizer`, with its Arabic proclitic
handling) is the one used for training, so exported tokens come from it. A document imported
from a tokenized corpus (CoNLL, DocBin) records its tokens in its meta under `tokenization`;
those are used instead, so a CoNLL file imported and exported gives back the same tokens.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

TOKENIZATION_KEY = "tokenization"  # meta: {"tokens": "whitespace" | [s0, e0, s1, e1, ...],
#                                          "sentences": "lines" | [start, ...]}


class TokenizerLike(Protocol):
    vocab: Any

    def make_doc(self, text: str, boundaries: Iterable[int] = ...) -> Any: ...

    def sentence_offsets(self, text: str) -> list[tuple[int, int]]: ...

    def nlp(self) -> Any: ...


def project_tokenizer(language: str, lexicon: Iterable[str] = ()) -> TokenizerLike:
    """The project tokenizer for LANGUAGE, its proclitic lexicon made of LEXICON (the project's
    span texts and gazetteer names), as training and the editor use it."""
    from annotator.nlp.tokenizer import ProjectTokenizer

    return ProjectTokenizer(language, lexicon)


def doc_from_offsets(vocab: Any, text: str, offsets: Sequence[tuple[int, int]]) -> Any:
    from annotator.nlp.tokenizer import doc_from_offsets as make

    return make(vocab, text, offsets)


def split_offsets(offsets: Sequence[tuple[int, int]], cuts: Sequence[int]) -> list[tuple[int, int]]:
    from annotator.nlp.tokenizer import split_at

    return split_at(offsets, cuts)


def recorded_offsets(text: str, meta: dict[str, object]) -> list[tuple[int, int]] | None:
    """The token offsets a document was imported with, if it records them."""
    recorded = meta.get(TOKENIZATION_KEY)
    if not isinstance(recorded, dict):
        return None
    tokens = recorded.get("tokens")
    if tokens == "whitespace":
        offsets = []
        position = 0
        for piece in text.split():
            start = text.index(piece, position)
            position = start + len(piece)
            offsets.append((start, position))
        return offsets
    if isinstance(tokens, list) and len(tokens) % 2 == 0:
        return list(zip(tokens[0::2], tokens[1::2], strict=True))
    return None


def recorded_sentence_starts(text: str, meta: dict[str, object]) -> list[int] | None:
    recorded = meta.get(TOKENIZATION_KEY)
    if not isinstance(recorded, dict):
        return None
    sentences = recorded.get("sentences")
    if sentences == "lines":
        return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    if isinstance(sentences, list):
        return [int(x) for x in sentences]
    return None
