"""Tokens for export: the project tokenizer, or the tokens a document was imported with.

The project tokenizer (`annotator.text.tokenizer.ProjectTokenizer`, with its Arabic proclitic
handling) is the one used for training, so exported tokens come from it. A document imported
from a tokenized corpus (CoNLL, DocBin) records its tokens in its meta under `tokenization`;
those are used instead, so a CoNLL file imported and exported gives back the same tokens.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

TOKENIZATION_KEY = "tokenization"  # meta: {"tokens": "whitespace" | [s0, e0, s1, e1, ...],
#                                          "sentences": "lines" | [start, ...]}


class TokenizerLike(Protocol):
    vocab: Any

    def token_offsets(self, text: str, boundaries: Iterable[int] = ...) -> list[tuple[int, int]]: ...

    def make_doc(self, text: str, boundaries: Iterable[int] = ...) -> Any: ...

    def sentence_offsets(self, text: str) -> list[tuple[int, int]]: ...

    def nlp(self) -> Any: ...


def project_tokenizer(language: str, lexicon: Iterable[str] = ()) -> TokenizerLike:
    """The project tokenizer for LANGUAGE, its proclitic lexicon made of LEXICON (the project's
    span texts and gazetteer names), as training and the editor use it."""
    from annotator.text.tokenizer import ProjectTokenizer

    return ProjectTokenizer(language, lexicon)


def doc_from_offsets(vocab: Any, text: str, offsets: Sequence[tuple[int, int]]) -> Any:
    from annotator.text.tokenizer import doc_from_offsets as make

    return make(vocab, text, offsets)


def split_offsets(offsets: Sequence[tuple[int, int]], cuts: Sequence[int]) -> list[tuple[int, int]]:
    from annotator.text.tokenizer import split_at

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


@dataclass
class ExportTokens:
    """The tokens of a text as a spaCy Doc made from them would hold them, without making one.

    Word tokens are the tokenizer's (or the recorded) offsets; the text between two words that
    is not one plain space (a run of spaces, a line break, an invisible mark) is a gap token,
    as spaCy makes whitespace tokens; one space is the previous token's trailing space.
    `entities` are token ranges [first, last + 1) with their labels, as `doc.ents` would be.
    """

    text: str
    starts: list[int]
    ends: list[int]
    spaces: list[bool]  # the token is followed by one space that belongs to it (whitespace_)
    gaps: frozenset[int]  # indices of gap tokens (no word: whitespace, invisible marks)
    # a spaCy Vocab, or the tokenizer whose `.vocab` is one: read only when a Doc or DocBin is
    # written, so exports to other formats never import spaCy
    vocab_source: Any = None
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    # every aligned span, overlapping ones included (doc.spans), when the format carries them
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def vocab(self) -> Any:
        source = self.vocab_source
        return source.vocab if hasattr(type(source), "token_offsets") else source  # a tokenizer

    def words(self) -> list[str]:
        """The text of every token, gaps included."""
        text = self.text
        return [text[start:end] for start, end in zip(self.starts, self.ends, strict=True)]

    def word_indices(self) -> list[int]:
        """Indices of the word tokens (every token but the gaps), in order."""
        if not self.gaps:
            return list(range(len(self.starts)))
        return [i for i in range(len(self.starts)) if i not in self.gaps]

    def to_doc(self) -> Any:
        """The spaCy Doc of these tokens with the entities as `doc.ents`."""
        from spacy.tokens import Doc

        tags = ["O"] * len(self.starts)
        for first, last, label in self.entities:
            tags[first:last] = [f"B-{label}"] + [f"I-{label}"] * (last - first - 1)
        return Doc(self.vocab, words=self.words(), spaces=self.spaces, ents=tags)


def tokens_from_offsets(text: str, offsets: Sequence[tuple[int, int]], vocab: Any = None) -> ExportTokens:
    """ExportTokens of TEXT whose words are OFFSETS (sorted, disjoint, non-empty): the same
    tokens as `annotator.text.tokenizer.doc_from_offsets` gives a Doc (tested). Made a list at a
    time: only the few gaps other than one space are handled one by one."""
    starts = [start for start, _end in offsets]
    ends = [end for _start, end in offsets]
    following = [*starts[1:], len(text)] if starts else []  # where the next token starts
    spaces = [end < after and text[end] == " " for end, after in zip(ends, following, strict=True)]
    odd = [i for i, (end, after, space) in enumerate(zip(ends, following, spaces, strict=True))
           if after != end + space]
    lead = starts[0] if starts else len(text)  # text before the first word
    if not odd and not lead:
        return ExportTokens(text, starts, ends, spaces, frozenset(), vocab)
    out_starts: list[int] = []
    out_ends: list[int] = []
    out_spaces: list[bool] = []
    gaps: list[int] = []
    if lead:
        gaps.append(0)
        out_starts.append(0)
        out_ends.append(lead)
        out_spaces.append(False)
    done = 0
    for i in odd:
        out_starts += starts[done:i + 1]
        out_ends += ends[done:i + 1]
        out_spaces += spaces[done:i + 1]
        gaps.append(len(out_starts))
        out_starts.append(ends[i] + spaces[i])
        out_ends.append(following[i])
        out_spaces.append(False)
        done = i + 1
    out_starts += starts[done:]
    out_ends += ends[done:]
    out_spaces += spaces[done:]
    return ExportTokens(text, out_starts, out_ends, out_spaces, frozenset(gaps), vocab)
