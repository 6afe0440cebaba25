"""Plain-text utilities shared by the editor, the importers and the tokenizer.

Everything here works on the text exactly as stored: offsets are Unicode code points and no
function returns a reshaped, normalised or reordered copy of a document.
"""

from __future__ import annotations

import re
import unicodedata

from annotator.core.model import Direction

# Invisible format characters that the project treats like whitespace: they never belong to a
# token and never start or end a span. Bidi marks and embeddings often cling to Arabic words in
# web and news text (ANERcorp has 149 right-to-left marks), and a token "\u200fمصر" could not be
# matched, counted or exported as "مصر". Joiners (ZWNJ U+200C, ZWJ U+200D), the soft hyphen
# and variation selectors are NOT here: they sit inside words and emoji sequences.
INVISIBLE_SEPARATORS = frozenset(
    "\u200b"  # zero width space
    "\u200e\u200f"  # left-to-right mark, right-to-left mark
    "\u061c"  # arabic letter mark
    "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
    "\u2066\u2067\u2068\u2069"  # LRI RLI FSI PDI
    "\u2060"  # word joiner
    "\ufeff"  # zero width no-break space (byte order mark)
)

# One character class for regular expressions: Unicode whitespace (exactly str.isspace, which
# is what spaCy splits on) plus the invisible separators above.
SEPARATOR_CLASS = r"\s" + "".join(sorted(INVISIBLE_SEPARATORS))
_SEPARATOR_RUN = re.compile(f"[{SEPARATOR_CLASS}]+")
_WORD_RUN = re.compile(f"[^{SEPARATOR_CLASS}]+")

LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

_ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI
_ISOLATE_CLOSER = "\u2069"  # PDI


def is_separator(char: str) -> bool:
    """True for whitespace and for the invisible format characters tokens never contain."""
    return char.isspace() or char in INVISIBLE_SEPARATORS


def is_separator_text(text: str) -> bool:
    """True when `text` is non-empty and made only of separators (a whitespace-like token)."""
    return bool(text) and _SEPARATOR_RUN.fullmatch(text) is not None


def detect_direction(text: str, default: Direction = Direction.AUTO) -> Direction:
    """The direction of `text` from its first strong character (Unicode bidi rules P2-P3).

    Bidi class L gives LTR; R and AL give RTL. Characters inside isolates (LRI/RLI/FSI ... PDI)
    are skipped, as P2 says. Text without any strong character (digits, punctuation, empty)
    gives `default`.
    """
    isolate_depth = 0
    for char in text:
        if char in _ISOLATE_OPENERS:
            isolate_depth += 1
            continue
        if char == _ISOLATE_CLOSER:
            isolate_depth = max(0, isolate_depth - 1)
            continue
        if isolate_depth:
            continue
        bidi_class = unicodedata.bidirectional(char)
        if bidi_class == "L":
            return Direction.LTR
        if bidi_class in ("R", "AL"):
            return Direction.RTL
    return default


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Move `start` forward and `end` back past separators, so a span never begins or ends in
    whitespace or an invisible mark. Offsets are clamped to the text (and put in order); a
    range of separators only collapses to (start, start)."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    first, last = start, end
    while first < last and is_separator(text[first]):
        first += 1
    while last > first and is_separator(text[last - 1]):
        last -= 1
    return (first, last) if first < last else (start, start)


def words_with_offsets(text: str) -> list[tuple[int, int]]:
    """[start, end) of every separator-delimited run (a word with its punctuation attached)."""
    return [match.span() for match in _WORD_RUN.finditer(text)]


def title_from_text(text: str, max_words: int = 8, max_chars: int = 60) -> str:
    """A short title for a document: the first words of its first non-empty line.

    Invisible marks are dropped and whitespace collapsed; an ellipsis marks a cut. The title is
    for display only; it is never used to compute offsets.
    """
    for line in text.splitlines():
        words = _WORD_RUN.findall(line)
        if not words:
            continue
        title = " ".join(words[:max_words])
        cut = len(words) > max_words
        if len(title) > max_chars:
            head = title[:max_chars]
            title = head.rsplit(" ", 1)[0] if " " in head else head
            cut = True
        return title + "…" if cut else title
    return ""


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of code-point `offset` (for messages such as E211).

    Lines end at "\\n", "\\r\\n" or a lone "\\r"; the column counts code points."""
    offset = max(0, min(offset, len(text)))
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    last_break = max(before.rfind("\n"), before.rfind("\r"))
    return line, offset - last_break


def title_of(head: str) -> str:
    """The first line's first words, for lists (the text itself is never changed)."""
    for line in head.splitlines():
        words = line.split()
        if words:
            title = " ".join(words)
            return title if len(title) <= 60 else title[:60].rsplit(" ", 1)[0] + " …"
    return "(blank)"
