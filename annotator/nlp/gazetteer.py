"""The project gazetteer: names the rule pre-tagger finds, matched on normalised Arabic.

Matching (`GazetteerMatcher`) works on the project tokenizer's tokens of the text exactly as
stored. Every token and every name is compared in its matching form (text.arabic: harakat,
tatweel and bidi marks removed; أ إ آ ٱ -> ا, ى -> ي, ة -> ه; Latin casefolded), so
`القاهرة`, `القاهره` and `القاهـرة` are one name. A name matches a run of whole tokens; the
first token may carry proclitics (و ف ب ل ك, their clusters, and with the article: وال بال لل
...), read by `text.arabic.proclitic_splits`, so `وبالقاهرة` finds `القاهرة`. The suggested span
starts where the name starts (after و/ب/...); when the gazetteer spells a name without the
article and the text has it (`الكويت` for the entry `كويت`), the article is part of the span,
as ANERcorp annotates names. Longer names win, then earlier ones; matches never overlap,
unless `find(text, nested=True)` (projects that allow overlapping spans): then every entry that
matches is found, so `القاهرة` inside `جامعة القاهرة` when both are entries.

Entries live in the project (`store/gazetteer.py`: text exactly as the annotator selected it,
label); annotators grow it from the editor (`app.gazetteer.add_to_gazetteer`). A starter list
for Arabic is in `resources/gazetteer_ar.jsonl` (`annotator.paths.starter_gazetteer_path`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Name
from annotator.text.arabic import PROCLITIC_CLUSTERS, normalise_for_matching, proclitic_splits
from annotator.text.decoding import iter_json_objects
from annotator.text.tokenizer import ProjectTokenizer

__all__ = ["GazetteerMatcher", "Name", "NameMatch", "matcher_for", "read_name_file"]
_PROCLITIC_STARTS = frozenset("وفبلكا")  # matching forms a proclitic reading can start with
LAM_CLUSTERS = frozenset(c for c in PROCLITIC_CLUSTERS if c.endswith("\u0644"))  # ل ول فل


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    label: str
    name: str  # the gazetteer entry that matched


# ------------------------------------------------------------------ matching
class GazetteerMatcher:
    """Find gazetteer names in texts; offsets are code points into the text as given."""

    def __init__(self, names: Iterable[Name], tokenizer: ProjectTokenizer) -> None:
        self.tokenizer = tokenizer
        self._index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self.size = 0
        seen: set[tuple[str, ...]] = set()
        for name in names:
            forms = self._forms(name.text)
            if not forms or forms in seen:  # the first label given for a name wins
                continue
            seen.add(forms)
            self._index.setdefault(forms[0], []).append((forms, name.label, name.text))
            self.size += 1
        for candidates in self._index.values():
            candidates.sort(key=lambda entry: -len(entry[0]))

    def _forms(self, text: str) -> tuple[str, ...]:
        offsets = self.tokenizer.token_offsets(text)
        forms = tuple(normalise_for_matching(text[s:e]) for s, e in offsets)
        return tuple(form for form in forms if form)

    def labels(self) -> list[str]:
        return sorted({label for entries in self._index.values() for _f, label, _t in entries})

    def find(self, text: str, nested: bool = False) -> list[NameMatch]:
        tokens = self.tokenizer.token_offsets(text)
        forms = [normalise_for_matching(text[s:e]) for s, e in tokens]
        if nested:
            return self._every_match(text, tokens, forms)
        matches: list[NameMatch] = []
        index = self._index
        i = 0
        while i < len(tokens):
            best: tuple[int, int, str, str] | None = None  # (tokens used, start, label, name)
            for start, first in self._readings(text, tokens, forms, i):
                for entry_forms, label, name in index.get(first, ()):
                    size = len(entry_forms)
                    if best is not None and size <= best[0]:
                        break
                    if tuple(forms[i + 1:i + size]) == entry_forms[1:]:
                        best = (size, start, label, name)
                        break
            if best is None:
                i += 1
                continue
            size, start, label, name = best
            matches.append(NameMatch(start, tokens[i + size - 1][1], label, name))
            i += size
        return matches

    def _every_match(self, text: str, tokens: Sequence[tuple[int, int]],
                     forms: Sequence[str]) -> list[NameMatch]:
        """Every entry matching at every token (any reading), nested and overlapping ones
        too, each extent and label once; by start, longest first."""
        found: dict[tuple[int, int, str], NameMatch] = {}
        for i in range(len(tokens)):
            for start, first in self._readings(text, tokens, forms, i):
                for entry_forms, label, name in self._index.get(first, ()):
                    size = len(entry_forms)
                    if tuple(forms[i + 1:i + size]) == entry_forms[1:]:
                        end = tokens[i + size - 1][1]
                        found.setdefault((start, end, label), NameMatch(start, end, label, name))
        return sorted(found.values(), key=lambda m: (m.start, -m.end, m.label))

    def _readings(self, text: str, tokens: Sequence[tuple[int, int]], forms: Sequence[str],
                  i: int) -> list[tuple[int, str]]:
        """(span start, matching form of the name's first word) for token I as it is and
        for each proclitic reading of it (the article, when split off, stays in the span)."""
        token, form = tokens[i], forms[i]
        readings = [(token[0], form)]
        if not form or form[0] not in _PROCLITIC_STARTS:
            return readings
        if form[0] == "\u0644" and i and tokens[i - 1][1] == token[0] \
                and forms[i - 1] in LAM_CLUSTERS:  # ل|لأمم, split by the tokenizer: ل + الأمم
            readings.append((token[0], "\u0627" + form))
        word = text[token[0]:token[1]]
        splits = proclitic_splits(word)
        cuts = {split.proclitics: split.cut for split in splits}
        for split in splits:
            start = token[0] + split.cut
            if split.splits_article:  # a name spelled without the article: the span keeps it
                head = split.proclitics[:-1]
                start = token[0] + (cuts.get(head, 0) if head else 0)
            readings.extend((start, lookup) for lookup in split.lookups)
        return readings


# ------------------------------------------------------------------ files
def read_name_file(path: Path) -> tuple[list[Name], int]:
    """Names from a JSONL file: {"label": L, "pattern": "text"} (spaCy's phrase patterns) or
    {"text": ..., "label": ...}; token patterns (lists) are counted and left to the
    EntityRuler. Returns (names, token patterns skipped)."""
    names: list[Name] = []
    skipped = 0
    for number, record in read_jsonl(path):
        label = record.get("label")
        value = record.get("pattern", record.get("text"))
        if isinstance(value, list):
            skipped += 1
            continue
        if not isinstance(label, str) or not isinstance(value, str) or not value.strip():
            raise AnnotatorError(E.E404, file=path, line=number,
                                 reason="it needs a string 'label' and a 'pattern' (or 'text')")
        names.append(Name(value, label))
    return names, skipped


def read_jsonl(path: Path) -> list[tuple[int, dict[str, object]]]:
    """(line number, object) of every non-blank line of a JSONL file, read the way imports
    read one (encoding found, binary, empty or undecodable files refused with the file named)."""
    if not path.is_file():
        raise AnnotatorError(E.E201, file=path)
    return list(iter_json_objects(path)[1])


def matcher_for(names: Sequence[Name], language: str,
                extra_lexicon: Iterable[str] = ()) -> GazetteerMatcher:
    """A matcher over NAMES with the project tokenizer for LANGUAGE, its proclitic lexicon
    made of the names (and EXTRA_LEXICON, e.g. the project's span texts)."""
    tokenizer = ProjectTokenizer(language, [*(n.text for n in names), *extra_lexicon])
    return GazetteerMatcher(names, tokenizer)
