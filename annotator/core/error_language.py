"""An error message in Arabic, for the Arabic interface: from an `AnnotatorError`, or from the
one line "[E201] ..." that workers, child processes and status bars hand on as text.

`arabic_message(code, details)` fills the code's Arabic template (`errors_ar.ARABIC`) with the
same details as the English one, each value set in a first-strong isolate (U+2068 .. U+2069) so
that a path or a label name keeps its own direction in a right-to-left line.

`arabic_line(text)` reads a line `str(AnnotatorError(...))` made: it finds the code, matches the
rest against the code's English template to get back each value as it was written there, and
puts those into the Arabic template. None when the line is not such a line (then the English
stays): an E-line whose details did not fit its template, or any other text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from string import Formatter

from annotator.core.errors import AnnotatorError, E
from annotator.core.errors_ar import ARABIC

FSI, LRI, PDI, RLM = "\u2068", "\u2066", "\u2069", "\u200f"
CODED_LINE = re.compile(r"\[(E\d{3})\] (.*)", re.DOTALL)
_FORMATTER = Formatter()


def template_fields(template: str) -> frozenset[str]:
    """The placeholder names of TEMPLATE ("{file}, line {line}" -> {"file", "line"})."""
    return frozenset(name for _text, name, _spec, _conversion in _FORMATTER.parse(template)
                     if name is not None)


def _fill(template: str, value_of: Mapping[str, str]) -> str:
    parts = []
    for text, name, _spec, _conversion in _FORMATTER.parse(template):
        parts.append(text)
        if name is not None:
            parts.append(f"{FSI}{value_of[name]}{PDI}")
    return "".join(parts)


def _rendered(template: str, details: Mapping[str, object]) -> dict[str, str]:
    """Each placeholder's value as TEMPLATE writes it (its conversion and format applied)."""
    values = {}
    for _text, name, spec, conversion in _FORMATTER.parse(template):
        if name is not None and name not in values:
            value = _FORMATTER.convert_field(details[name], conversion)
            values[name] = _FORMATTER.format_field(value, spec or "")
    return values


def arabic_message(code: E, details: Mapping[str, object]) -> str:
    """CODE's message in Arabic (without the code) filled with DETAILS; KeyError when a
    placeholder has no value in DETAILS."""
    template = ARABIC[code.name]
    return _fill(template, _rendered(template, details))


def arabic_error(error: AnnotatorError) -> str | None:
    """ERROR's Arabic line (see `coded`), or None when its details do not fill its template."""
    try:
        return coded(error.code, arabic_message(error.code, error.details))
    except (KeyError, IndexError, ValueError):
        return None


def coded(code: E, message: str) -> str:
    """"[E201] MESSAGE" for a right-to-left line: a right-to-left mark first (the paragraph
    runs right to left), the code in a left-to-right isolate at the line's start."""
    return f"{RLM}{LRI}[{code.name}]{PDI} {message}"


@cache
def _english_pattern(code: E) -> re.Pattern[str]:
    """A regular expression matching what CODE's English template writes, one group a value."""
    pattern, seen = [], set()
    for text, name, _spec, _conversion in _FORMATTER.parse(code.value):
        pattern.append(re.escape(text))
        if name is None:
            continue
        pattern.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
    return re.compile("".join(pattern) + r"\Z", re.DOTALL)


def english_values(code: E, message: str) -> dict[str, str] | None:
    """The values in MESSAGE (CODE's English template filled in) as they are written there."""
    found = _english_pattern(code).match(message)
    return None if found is None else found.groupdict()


def arabic_line(text: str) -> str | None:
    """The Arabic of a line "[E201] ..." (an AnnotatorError's text), or None when TEXT is not
    one or its message does not match its code's template."""
    found = CODED_LINE.fullmatch(text.strip())
    if found is None or found.group(1) not in E.__members__:
        return None
    code = E[found.group(1)]
    values = english_values(code, found.group(2))
    if values is None:
        return None
    return coded(code, _fill(ARABIC[code.name], values))
