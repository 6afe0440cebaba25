"""Find a phrase in the document ignoring Arabic diacritics, tatweel and letter variants.

Matching runs on the normalised text from `annotator.core.arabic` when it is installed, mapped
back to offsets in the text as stored; offsets shown and highlighted always index the stored text.
"""

from __future__ import annotations

import re

_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"  # harakat, Quranic marks, tatweel
_VARIANTS = {
    "ا": "اأإآٱ", "أ": "اأإآٱ", "إ": "اأإآٱ", "آ": "اأإآٱ", "ٱ": "اأإآٱ",
    "ي": "يىئ", "ى": "يىئ", "ئ": "يىئ",
    "ه": "هة", "ة": "هة",
    "و": "وؤ", "ؤ": "وؤ",
}
_STRIP = re.compile(f"[{_MARKS}]")


def _pattern(query: str) -> re.Pattern[str] | None:
    """A regex that matches QUERY with marks allowed between letters and variants folded."""
    letters = [ch for ch in _STRIP.sub("", query.strip())]
    if not letters:
        return None
    parts = []
    for ch in letters:
        if ch.isspace():
            parts.append(r"\s+")
            continue
        variants = _VARIANTS.get(ch)
        parts.append(f"[{re.escape(variants)}]" if variants else re.escape(ch))
    between = f"[{_MARKS}]*"
    own_marks = f"[{_MARKS.replace(chr(0x640), '')}]*"  # the last letter's harakat, not tatweel
    return re.compile(between.join(parts) + own_marks, re.IGNORECASE)


def find_all(text: str, query: str, limit: int = 100_000) -> list[tuple[int, int]]:
    """(start, end) of every match of QUERY in TEXT, in order, as offsets into TEXT."""
    pattern = _pattern(query)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        found.append(match.span())
        if len(found) >= limit:
            break
    return found
