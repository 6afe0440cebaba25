"""Arabic text for matching: normalised copies with an offset map back, and proclitics.

Rule of the house: a document is stored exactly as decoded. `normalise_with_offsets` builds a
*copy* for matching (gazetteers, lexicon look-ups, search) together with a map, so that a match
found in the copy becomes exact code-point offsets in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

TATWEEL = "\u0640"

# Harakat, tanween, shadda, sukun, superscript alef and the Quranic annotation marks.
_MARK_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08D3, 0x08E1),
    (0x08E3, 0x08FF),
)
_QURANIC_SIGNS = "\u06dd\u06de\u06e9"  # end of ayah, start of rub el hizb, place of sajdah
_ALEF_VARIANTS = "\u0623\u0625\u0622\u0671\u0672\u0673\u0675"  # أ إ آ ٱ ٲ ٳ ٵ
_LETTER_MAP = {
    **{variant: "\u0627" for variant in _ALEF_VARIANTS},
    "\u0649": "\u064a",  # ى alef maqsura -> ي
    "\u06cc": "\u064a",  # ی farsi yeh -> ي
    "\u0629": "\u0647",  # ة ta marbuta -> ه
    "\u06c3": "\u0647",  # ۃ ta marbuta goal -> ه
    "\u06a9": "\u0643",  # ک keheh -> ك
}
_HAMZA_SEATS = {"\u0624": "\u0648", "\u0626": "\u064a"}  # ؤ -> و, ئ -> ي
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC))

ARABIC_LETTERS = (
    "\u0621-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\ufb50-\ufdff\ufe70-\ufefc\u200c\u200d"
)  # letters, harakat, tatweel and joiners; no Arabic punctuation or digits
_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}]+")


def _is_removed_mark(code: int) -> bool:
    return any(low <= code <= high for low, high in _MARK_RANGES) or chr(code) == TATWEEL


# Unicode's format characters (category Cf) are all in the BMP, plane 1 and plane 14 (the tag
# characters); planes 2-3 are CJK ideographs and 15-16 private use. Scanning those three planes
# (196,608 code points, not 1,114,112) makes the table about 5x faster to build;
# tests/text/test_arabic_format_characters.py checks the scan against every code point.
FORMAT_CHARACTER_PLANES = (range(0x0000, 0x20000), range(0xE0000, 0xF0000))


@lru_cache(maxsize=1)
def format_characters() -> tuple[int, ...]:
    return tuple(code for plane in FORMAT_CHARACTER_PLANES for code in plane
                 if unicodedata.category(chr(code)) == "Cf")


@lru_cache(maxsize=8)
def _translation(hamza_seats: bool, digits: bool) -> dict[int, str | None]:
    """Code point -> replacement ('' never appears: deletions map to None) for str.translate."""
    table: dict[int, str | None] = {}
    for low, high in _MARK_RANGES:
        for code in range(low, high + 1):
            table[code] = None
    table[ord(TATWEEL)] = None
    for char in _QURANIC_SIGNS:
        table[ord(char)] = None
    letters = dict(_LETTER_MAP, **(_HAMZA_SEATS if hamza_seats else {}))
    for char, replacement in letters.items():
        table[ord(char)] = replacement
    if digits:
        for offset in range(10):
            table[0x0660 + offset] = str(offset)
            table[0x06F0 + offset] = str(offset)
    for code in format_characters():  # bidi marks, joiners, soft hyphen, tags
        table[code] = None
    for low, high in _PRESENTATION_RANGES:
        for code in range(low, high + 1):
            compat = unicodedata.normalize("NFKC", chr(code))
            if compat == chr(code):
                continue
            folded = compat.translate(table).strip()
            table[code] = folded or None
    return table


def normalise_for_matching(
    text: str, *, hamza_seats: bool = False, casefold: bool = True, digits: bool = True
) -> str:
    """A copy of `text` for matching only (never store it).

    Removes harakat, tatweel, Quranic marks and format characters (bidi marks, ZWNJ, ZWJ);
    unifies alef variants (أ إ آ ٱ -> ا), ى and ی -> ي, ة -> ه, ک -> ك; folds Arabic
    presentation forms and Arabic-Indic digits; optionally hamza seats (ؤ -> و, ئ -> ي);
    casefolds other scripts. Same result as `normalise_with_offsets(...).text`, faster.
    """
    folded = text.translate(_translation(hamza_seats, digits))
    return folded.casefold() if casefold else folded


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised copy and its map back to the original text.

    Normalised character i came from original[starts[i]:ends[i]]. Removed harakat and tatweel
    count as part of the letter before them (a match ending on a letter keeps its marks);
    removed format characters (bidi marks, joiners) belong to no character, so a match never
    starts or ends on one.
    """

    original: str
    text: str
    starts: array[int]
    ends: array[int]
    hamza_seats: bool = False
    casefold: bool = True
    digits: bool = True

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Code-point [start, end) in the original text for normalised [start, end)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"[{start}, {end}) is outside the normalised text ({len(self.text)})")
        if start == end:
            position = self.starts[start] if start < len(self.text) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]

    def find_all(self, needle: str, *, whole_words: bool = False) -> list[tuple[int, int]]:
        """Original-text offsets of every match of `needle` (normalised the same way)."""
        pattern = normalise_for_matching(
            needle, hamza_seats=self.hamza_seats, casefold=self.casefold, digits=self.digits
        )
        found: list[tuple[int, int]] = []
        if not pattern:
            return found
        position = self.text.find(pattern)
        while position != -1:
            end = position + len(pattern)
            if not whole_words or self._is_whole_word(position, end):
                found.append(self.to_original(position, end))
            position = self.text.find(pattern, position + 1)
        return found

    def _is_whole_word(self, start: int, end: int) -> bool:
        before = self.text[start - 1] if start > 0 else " "
        after = self.text[end] if end < len(self.text) else " "
        return not before.isalnum() and not after.isalnum()


def normalise_with_offsets(
    text: str, *, hamza_seats: bool = False, casefold: bool = True, digits: bool = True
) -> NormalisedText:
    """`normalise_for_matching` plus the offset map (see `NormalisedText`)."""
    table = _translation(hamza_seats, digits)
    replacements: dict[str, str] = {}
    pieces: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    group_start = -1  # index in the output of the first character of the last kept letter
    for index, char in enumerate(text):
        replacement = replacements.get(char)
        if replacement is None:
            replacement = char.translate(table)
            if casefold:
                replacement = replacement.casefold()
            replacements[char] = replacement
        if replacement:
            group_start = len(starts)
            pieces.append(replacement)
            for _ in replacement:
                starts.append(index)
                ends.append(index + 1)
        elif group_start >= 0 and _is_removed_mark(ord(char)):
            for position in range(group_start, len(ends)):  # the mark joins the letter before
                ends[position] = index + 1
    return NormalisedText(text, "".join(pieces), starts, ends, hamza_seats, casefold, digits)


def lexicon_forms(entries: Iterable[str]) -> frozenset[str]:
    """Normalised single words of `entries` (names, gazetteer lines, annotated span texts),
    trimmed of surrounding punctuation; words shorter than two characters are left out."""
    forms: set[str] = set()
    for entry in entries:
        for word in entry.split():
            form = normalise_for_matching(_strip_non_letters(word))
            if len(form) >= 2:
                forms.add(form)
    return frozenset(forms)


def _strip_non_letters(word: str) -> str:
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start])[0] not in "LMN":
        start += 1
    while end > start and unicodedata.category(word[end - 1])[0] not in "LMN":
        end -= 1
    return word[start:end]


# --- proclitics -------------------------------------------------------------------------------

CONJUNCTIONS = ("\u0648", "\u0641")  # و ف
PREPOSITIONS = ("\u0628", "\u0644", "\u0643")  # ب ل ك
ARTICLE = "\u0627\u0644"  # ال
PROCLITIC_LETTERS = frozenset(CONJUNCTIONS + PREPOSITIONS)
# Conjunction and/or preposition, without the article: و ف ب ل ك وب ول وك فب فل فك
PROCLITIC_CLUSTERS = frozenset(
    conj + prep for conj in ("", *CONJUNCTIONS) for prep in ("", *PREPOSITIONS) if conj + prep
)


@dataclass(frozen=True, slots=True)
class ProcliticSplit:
    """One way to read `word` as proclitics + remainder.

    `cut` is the code-point offset in the word where the remainder starts (harakat on the last
    proclitic stay with it). `proclitics` are the normalised morphemes, e.g. ("و", "ب") or
    ("ل", "ال") for لل. `lookups` are normalised dictionary forms of the remainder: للعراق
    split after ل gives "لعراق" and, restoring the article's dropped alef, "العراق".
    """

    cut: int
    proclitics: tuple[str, ...]
    remainder: str
    lookups: tuple[str, ...]

    @property
    def splits_article(self) -> bool:
        return self.proclitics[-1] == ARTICLE


def proclitic_splits(word: str, min_remainder: int = 2) -> list[ProcliticSplit]:
    """Every grammatical proclitic reading of `word`: [و|ف] [ب|ل|ك] [ال] remainder.

    Covers و ف ب ل ك, ال and their combinations (وال بال فال كال لل وب ول فب وبال ولل ...).
    The remainder keeps at least `min_remainder` letters. Sorted by cut, shortest first.
    """
    normalised = normalise_with_offsets(word, casefold=False)
    letters = normalised.text
    found: dict[int, ProcliticSplit] = {}

    def add(cut: int, proclitics: tuple[str, ...], *lookups: str) -> None:
        if len(letters) - cut < min_remainder or cut in found:
            return
        original_cut = normalised.starts[cut]
        found[cut] = ProcliticSplit(original_cut, proclitics, word[original_cut:], lookups)

    for conj in ("", *CONJUNCTIONS):
        if not letters.startswith(conj):
            continue
        for prep in ("", *PREPOSITIONS):
            head = conj + prep
            if not letters.startswith(head):
                continue
            rest = letters[len(head) :]
            morphemes = tuple(part for part in (conj, prep) if part)
            if prep == "\u0644" and rest.startswith("\u0644"):  # لل: ل + article without alef
                add(len(head), morphemes, rest, "\u0627" + rest)
                add(len(head) + 1, (*morphemes, ARTICLE), rest[1:])
                continue
            if head:
                add(len(head), morphemes, rest)
            if rest.startswith(ARTICLE):
                add(len(head) + 2, (*morphemes, ARTICLE), rest[2:])
    return [found[cut] for cut in sorted(found)]


def proclitic_cut(
    word: str,
    lexicon: Container[str],
    keep_whole: Container[str] = frozenset(),
    min_remainder: int = 3,
) -> int:
    """Where the tokenizer splits `word`: the length of its proclitic head, or 0.

    Two rules, both conservative:
    - script change: an Arabic proclitic cluster glued to Latin letters or digits (وDell, ب500)
      is always split off;
    - lexicon: an all-Arabic word is split at the shortest proclitic head whose remainder (at
      least `min_remainder` letters) is in `lexicon` (normalised forms, see `lexicon_forms`),
      unless the whole word is in `lexicon` or in `keep_whole` (normalised function words such
      as كان, لدى). The article stays with the remainder (والعراق -> و + العراق).
    """
    if len(word) < 2 or word[0] not in PROCLITIC_LETTERS:
        return 0
    arabic_head = _ARABIC_WORD.match(word)
    if arabic_head is None:
        return 0
    head_end = arabic_head.end()
    if head_end < len(word):
        if word[head_end].isalnum() and normalise_for_matching(word[:head_end]) in PROCLITIC_CLUSTERS:
            return head_end
        return 0
    if len(word) <= min_remainder:
        return 0
    whole = normalise_for_matching(word)
    if whole in lexicon or whole in keep_whole:
        return 0
    for split in proclitic_splits(word, min_remainder):
        if split.splits_article:
            continue
        if any(form in lexicon for form in split.lookups):
            return split.cut
    return 0
