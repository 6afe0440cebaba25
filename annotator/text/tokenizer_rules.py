"""spaCy's rule-based tokenization of one chunk, in pure Python, without importing spaCy.

spaCy's `Tokenizer` (spacy/tokenizer.pyx, 3.8) cuts text at whitespace into chunks, peels
prefixes and suffixes off each chunk, applies special cases (tokenizer exceptions), URL
matching and infixes, then merges special cases that came out as several affix tokens.
`AffixTokenizer.split` ports that algorithm, branch for branch, for one chunk.

The rules (prefix/suffix/infix patterns, exceptions) come from a snapshot shipped next to this
module for Arabic (`tokenizer_rules_ar.json`, written by `python -m
annotator.text.tokenizer_rules ar`), so the editor tokenizes Arabic without loading spaCy, or
from spaCy itself for any other language. tests/nlp/test_tokenizer.py checks the snapshot
against the installed spaCy and the output against spaCy's tokenizer on ANERcorp and the seed.

Known difference: special cases whose text contains a space (Arabic "ب. م", "م. س", "م. ن")
are left out, because the project's tokens never contain whitespace.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

SNAPSHOT_DIR = Path(__file__).parent
SNAPSHOT_LANGS = ("ar",)
_ORTH = 65  # spacy.symbols.ORTH


def snapshot_path(lang: str) -> Path:
    return SNAPSHOT_DIR / f"tokenizer_rules_{lang}.json"


@dataclass(frozen=True)
class AffixRules:
    """The data of a spaCy `Tokenizer`: patterns as (source, flags) and exceptions."""

    lang: str
    prefix: tuple[str, int] | None
    suffix: tuple[str, int] | None
    infix: tuple[str, int] | None
    token_match: tuple[str, int] | None
    url_match: tuple[str, int] | None
    specials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    faster_heuristics: bool = True
    stop_words: frozenset[str] = frozenset()
    spacy_version: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "spacy_version": self.spacy_version,
            "faster_heuristics": self.faster_heuristics,
            "patterns": {
                name: None if value is None else {"pattern": value[0], "flags": value[1]}
                for name, value in self.patterns().items()
            },
            "specials": {key: list(pieces) for key, pieces in sorted(self.specials.items())},
            "stop_words": sorted(self.stop_words),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AffixRules:
        def pattern(name: str) -> tuple[str, int] | None:
            value = data["patterns"].get(name)
            return None if value is None else (value["pattern"], int(value["flags"]))

        return cls(
            lang=data["lang"],
            prefix=pattern("prefix"),
            suffix=pattern("suffix"),
            infix=pattern("infix"),
            token_match=pattern("token_match"),
            url_match=pattern("url_match"),
            specials={key: tuple(pieces) for key, pieces in data["specials"].items()},
            faster_heuristics=bool(data.get("faster_heuristics", True)),
            stop_words=frozenset(data.get("stop_words", ())),
            spacy_version=data.get("spacy_version", ""),
        )

    def with_extra_suffixes(self, extra: tuple[str, ...]) -> AffixRules:
        """These rules with `extra` suffix patterns tried after spaCy's own."""
        if not extra:
            return self
        source, flags = self.suffix if self.suffix is not None else ("", 0)
        combined = "|".join(part for part in (source, *extra) if part)
        return replace(self, suffix=(combined, flags))

    def patterns(self) -> dict[str, tuple[str, int] | None]:
        return {
            "prefix": self.prefix,
            "suffix": self.suffix,
            "infix": self.infix,
            "token_match": self.token_match,
            "url_match": self.url_match,
        }


def rules_from_spacy(lang: str) -> AffixRules | None:
    """Read the rules of `spacy.blank(lang)`'s tokenizer; None when the language has its own
    tokenizer (Chinese, Japanese, Korean, Thai, ...) or non-regex callbacks."""
    import spacy
    from spacy.tokenizer import Tokenizer

    blank = spacy.blank(lang)
    tokenizer = blank.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return None
    patterns: dict[str, tuple[str, int] | None] = {}
    for name, callback in (
        ("prefix", tokenizer.prefix_search),
        ("suffix", tokenizer.suffix_search),
        ("infix", tokenizer.infix_finditer),
        ("token_match", tokenizer.token_match),
        ("url_match", tokenizer.url_match),
    ):
        compiled = getattr(callback, "__self__", None)
        if callback is None:
            patterns[name] = None
        elif isinstance(compiled, re.Pattern):
            patterns[name] = (compiled.pattern, compiled.flags)
        else:
            return None
    specials: dict[str, tuple[str, ...]] = {}
    for key, substrings in (tokenizer.rules or {}).items():
        if any(char.isspace() for char in key):
            continue  # the project's tokens never contain whitespace
        specials[key] = tuple(spec.get(_ORTH, spec.get("ORTH", "")) for spec in substrings)
    return AffixRules(
        lang=lang,
        specials=specials,
        faster_heuristics=tokenizer.faster_heuristics,
        stop_words=frozenset(blank.Defaults.stop_words),
        spacy_version=str(getattr(spacy, "__version__", "")),
        **patterns,
    )


def load_rules(lang: str) -> AffixRules | None:
    """The snapshot for `lang` when one ships with the package, otherwise spaCy's rules."""
    path = snapshot_path(lang)
    if lang in SNAPSHOT_LANGS and path.exists():
        return AffixRules.from_json(json.loads(path.read_text(encoding="utf-8")))
    return rules_from_spacy(lang)


def _compile(value: tuple[str, int] | None) -> re.Pattern[str] | None:
    return None if value is None else re.compile(value[0], value[1])


class AffixTokenizer:
    """spaCy's chunk tokenization with the given rules. `split(chunk)` returns token texts
    that concatenate to `chunk`; `chunk` must not contain whitespace."""

    def __init__(self, rules: AffixRules) -> None:
        self.rules = rules
        self._prefix = _compile(rules.prefix)
        self._suffix = _compile(rules.suffix)
        self._infix = _compile(rules.infix)
        self._token_match = _compile(rules.token_match)
        self._url_match = _compile(rules.url_match)
        self._specials = rules.specials
        # spaCy's special-case matcher: exceptions that the affix rules would cut into pieces
        # (":)" -> ":" ")") are found as token sequences and merged back.
        self._merges: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(self._specials):
            if rules.faster_heuristics and not self._has_affix(key):
                continue
            pattern = tuple(self._tokenize(key, with_specials=False))
            self._merges.setdefault(pattern[0], []).append(pattern)

    def split(self, chunk: str) -> list[str]:
        tokens = self._tokenize(chunk, with_specials=True)
        if len(tokens) > 1 and self._merges:
            tokens = self._merge_specials(tokens)
        return tokens

    def _has_affix(self, text: str) -> bool:
        return bool(
            self._find_prefix(text)
            or self._find_suffix(text)
            or (self._infix is not None and self._infix.search(text))
        )

    def _find_prefix(self, text: str) -> int:
        match = self._prefix.search(text) if self._prefix is not None else None
        return match.end() - match.start() if match is not None else 0

    def _find_suffix(self, text: str) -> int:
        match = self._suffix.search(text) if self._suffix is not None else None
        return match.end() - match.start() if match is not None else 0

    def _matches_whole(self, text: str) -> bool:
        return bool(
            (self._token_match is not None and self._token_match.match(text))
            or (self._url_match is not None and self._url_match.match(text))
        )

    def _tokenize(self, chunk: str, with_specials: bool) -> list[str]:
        specials = self._specials if with_specials else {}
        if chunk in specials:
            return list(specials[chunk])
        prefixes: list[str] = []
        suffixes: list[str] = []
        string = chunk
        last_size = -1
        while string and len(string) != last_size:  # spaCy's _split_affixes
            if self._token_match is not None and self._token_match.match(string):
                break
            if string in specials:
                break
            last_size = len(string)
            pre_len = self._find_prefix(string)
            if pre_len:
                minus_pre = string[pre_len:]
                if minus_pre and minus_pre in specials:
                    prefixes.append(string[:pre_len])
                    string = minus_pre
                    break
            suf_len = self._find_suffix(string[pre_len:])
            if suf_len:
                minus_suf = string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    suffixes.append(string[-suf_len:])
                    string = minus_suf
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                prefixes.append(string[:pre_len])
                suffixes.append(string[-suf_len:])
                string = string[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(string[:pre_len])
                string = string[pre_len:]
            elif suf_len:
                suffixes.append(string[-suf_len:])
                string = string[:-suf_len]
        tokens = prefixes  # spaCy's _attach_tokens
        if string:
            if string in specials:
                tokens.extend(specials[string])
            elif self._matches_whole(string):
                tokens.append(string)
            else:
                tokens.extend(self._split_infixes(string))
        tokens.extend(reversed(suffixes))
        return tokens

    def _split_infixes(self, string: str) -> list[str]:
        matches = list(self._infix.finditer(string)) if self._infix is not None else []
        if not matches:
            return [string]
        pieces: list[str] = []
        start = 0
        for match in matches:
            infix_start, infix_end = match.span()
            if infix_start == 0:
                continue
            if infix_start != start:
                pieces.append(string[start:infix_start])
            if infix_start != infix_end:
                pieces.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            pieces.append(string[start:])
        return pieces

    def _merge_specials(self, tokens: list[str]) -> list[str]:
        """spaCy's _apply_special_cases: find the matcher's spans, keep the longest (then
        leftmost) of overlapping ones, replace those whose text is an exception."""
        found: list[tuple[int, int]] = []
        for start, token in enumerate(tokens):
            for pattern in self._merges.get(token, ()):
                end = start + len(pattern)
                if tuple(tokens[start:end]) == pattern:
                    found.append((start, end))
        if not found:
            return tokens
        found.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
        seen: set[int] = set()
        kept: list[tuple[int, int]] = []
        for start, end in found:
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        merged: list[str] = []
        position = 0
        for start, end in sorted(kept):
            text = "".join(tokens[start:end])
            merged.extend(tokens[position:start])
            merged.extend(self._specials.get(text, tokens[start:end]))
            position = end
        merged.extend(tokens[position:])
        return merged


def write_snapshot(lang: str) -> Path:
    """Regenerate the shipped snapshot for `lang` from the installed spaCy."""
    rules = rules_from_spacy(lang)
    if rules is None:
        raise ValueError(f"spaCy's tokenizer for {lang!r} is not rule-based")
    path = snapshot_path(lang)
    path.write_text(json.dumps(rules.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return path


if __name__ == "__main__":  # python -m annotator.text.tokenizer_rules ar
    for language in sys.argv[1:] or list(SNAPSHOT_LANGS):
        print(write_snapshot(language))
