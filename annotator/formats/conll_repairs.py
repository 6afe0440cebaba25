"""CoNLL files as their publishers ship them: the documented rules for lines that are not
clean `token TAG` lines, each one applied and reported with its line numbers, never a
refusal of the whole corpus and never a silent change.

ANERcorp (Benajiba 2007), as published, is the model case: 150,277 token lines with no blank
line between sentences, five lines whose token is empty (` O`) and one with a stray third
field that holds only U+200F RIGHT-TO-LEFT MARK.

The rules:
- A field made only of invisible format characters (Unicode category Cf: U+200F, U+200E,
  U+200B, ...) after the token is a stray field: dropped, the line reported.
- A line whose token is empty (only whitespace before the tag) has no text to carry: it is
  skipped, its line and tag reported. An entity it was inside goes on over the next token.
- A byte-order mark inside the file (U+FEFF anywhere but the file's first character, which
  the decoder removes) is removed from the token it sits in, the line reported.
- Tags written with an underscore (`B_LOC`) are read as `B-LOC`, and counted.
- Suffix-style tags (`LOC-B`, `NP-I`, as in the CoNLL-2000 data) are read as prefix style
  when the file has no prefix-style tag at all; the report says so.
- A file with no blank line between any two token lines is split into sentences after each
  sentence-final token (one made only of `.` `!` `?` `؟` `…`), and the report says how many.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SENTENCE_FINAL = frozenset(".!?؟…")
_SUFFIX_TAG = re.compile(r"^(?P<label>.+?)[-_](?P<prefix>[BILUES])$")
_PREFIX_TAG = re.compile(r"^[BILUES][-_].+$")
_LISTED = 8  # line numbers listed in a report line before "..."


def is_invisible(value: str) -> bool:
    """A non-empty field made only of format characters (category Cf), such as U+200F."""
    return bool(value) and all(unicodedata.category(ch) == "Cf" for ch in value)


def is_sentence_final(token: str) -> bool:
    """`.`, `؟`, `?!`, and the same with invisible marks (ANERcorp writes `.` U+200F)."""
    visible = "".join(ch for ch in token if unicodedata.category(ch) != "Cf")
    return bool(visible) and all(ch in SENTENCE_FINAL for ch in visible)


def suffix_to_prefix(tag: str) -> str:
    """`LOC-B` -> `B-LOC`; any other value unchanged."""
    match = _SUFFIX_TAG.match(tag)
    if match is None or _PREFIX_TAG.match(tag):
        return tag
    return f"{match['prefix']}-{match['label']}"


@dataclass
class Survey:
    """What one pass over a file's lines tells the reader before it reads them."""

    sentence_breaks: bool = False  # a blank line between two token lines somewhere
    suffix_style: bool = False  # tags like LOC-B, and none like B-LOC


def survey(lines: Iterable[tuple[int, str]]) -> Survey:
    result = Survey()
    prefix = suffix = 0
    token_line_seen = blank_after_token = False
    for _number, raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            blank_after_token = token_line_seen
            continue
        columns = line.split()
        if columns[0].startswith("-DOCSTART-"):
            token_line_seen = blank_after_token = False
            continue
        if blank_after_token:
            result.sentence_breaks = True
        token_line_seen, blank_after_token = True, False
        tag = columns[-1]
        if _PREFIX_TAG.match(tag):
            prefix += 1
        elif _SUFFIX_TAG.match(tag):
            suffix += 1
    result.suffix_style = suffix > 0 and prefix == 0
    return result


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:_LISTED]))
    return shown + (f", ... ({len(numbers)} in all)" if len(numbers) > _LISTED else "")


@dataclass
class Repairs:
    """Every rule applied while reading one file, with the lines it was applied to."""

    empty_tokens: list[tuple[int, str]] = field(default_factory=list)  # (line, its tags)
    stray_fields: list[int] = field(default_factory=list)
    boms: list[int] = field(default_factory=list)
    underscore_tags: int = 0
    suffix_tags: int = 0
    splitting: bool = False  # the file has no sentence breaks: split at sentence-final tokens
    split_sentences: int = 0  # the sentences that splitting made

    def clean(self, number: int, columns: list[str]) -> list[str]:
        """COLUMNS without stray invisible fields and byte-order marks."""
        kept = [columns[0]] + [c for c in columns[1:] if not is_invisible(c)]
        if len(kept) != len(columns):
            self.stray_fields.append(number)
        if any("\ufeff" in c for c in kept):
            self.boms.append(number)
            kept = [c.replace("\ufeff", "") for c in kept]
        return kept

    def tags(self, values: list[str], suffix_style: bool) -> list[str]:
        """Tag values as the reader understands them: `LOC-B` and `B_LOC` become `B-LOC`."""
        out = []
        for value in values:
            if suffix_style:
                turned = suffix_to_prefix(value)
                self.suffix_tags += turned != value
                value = turned
            if len(value) > 2 and value[1] == "_" and value[0] in "BILUES":
                self.underscore_tags += 1
                value = f"{value[0]}-{value[2:]}"
            out.append(value)
        return out

    def messages(self, path: Path) -> list[str]:
        out = []
        if self.empty_tokens:
            tags = sorted({t for _, t in self.empty_tokens})
            out.append(f"{path}: {len(self.empty_tokens)} line(s) with an empty token skipped "
                       f"(tags {', '.join(tags)}), lines "
                       + _lines([n for n, _ in self.empty_tokens]))
        if self.stray_fields:
            out.append(f"{path}: a stray field of invisible characters (such as U+200F) "
                       f"dropped on {len(self.stray_fields)} line(s): "
                       + _lines(self.stray_fields))
        if self.boms:
            out.append(f"{path}: a byte-order mark (U+FEFF) inside the file removed from the "
                       f"token on {len(self.boms)} line(s): " + _lines(self.boms))
        if self.suffix_tags:
            out.append(f"{path}: suffix-style tags (LOC-B) read as prefix style (B-LOC): "
                       f"{self.suffix_tags} tag(s); export writes prefix style")
        if self.underscore_tags:
            out.append(f"{path}: {self.underscore_tags} tag(s) written with '_' (B_LOC) read "
                       "as '-' (B-LOC); export writes '-'")
        if self.split_sentences:
            out.append(f"{path}: no blank line between sentences: split into "
                       f"{self.split_sentences} sentence(s) after sentence-final tokens "
                       "(. ! ? ؟ …)")
        return out
