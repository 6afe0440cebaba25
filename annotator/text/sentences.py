"""Rule-based sentence boundaries over the project's tokens (no model, no spaCy).

A sentence ends after a token made only of terminal punctuation (. ! ? ؟ … ۔ and runs of
them such as "..."), together with the closing quotes, brackets and further terminal marks
glued to it ("؟!", ".»"), and at every line break. Numbers (30،000, 2.5) and abbreviations the tokenizer keeps whole (د. for
doctor, U.S.) are single tokens, so their dots never end a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.text.plain import LINE_BREAKS

TERMINAL_CHARS = frozenset(".!?\u061f\u2026\u06d4\u203c\u2047\u2048\u2049\u3002\uff01\uff1f")
CLOSING_CHARS = frozenset("\"'\u201d\u2019\u00bb\u203a)]}\u300d\u300f\uff09\u3015\u3011\u300b\u3009")


def _made_of(token: str, chars: frozenset[str]) -> bool:
    return all(char in chars for char in token)


def sentence_offsets(text: str, tokens: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) of each sentence: from its first token's start to its last token's end.

    Every token falls in exactly one sentence; sentence edges are token edges.
    """
    sentences: list[tuple[int, int]] = []
    sentence_start = -1
    previous_end = 0
    terminated = False
    for start, end in tokens:
        if sentence_start >= 0:
            if start == previous_end + 1 and text[previous_end] == " ":  # the common case
                line_break = glued = False
            else:
                gap = text[previous_end:start]
                line_break = any(char in LINE_BREAKS for char in gap)
                glued = not gap and _made_of(text[start:end], CLOSING_CHARS | TERMINAL_CHARS)
            if line_break or (terminated and not glued):
                sentences.append((sentence_start, previous_end))
                sentence_start = -1
        if sentence_start < 0:
            sentence_start = start
            terminated = False
        if text[start] in TERMINAL_CHARS and _made_of(text[start:end], TERMINAL_CHARS):
            terminated = True
        previous_end = end
    if sentence_start >= 0:
        sentences.append((sentence_start, previous_end))
    return sentences
