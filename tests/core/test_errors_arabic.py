"""The Arabic of every error code: a template for each, with exactly the English placeholders,
that formats with sample values, and an English line read back into Arabic."""

from __future__ import annotations

import unicodedata

import pytest

from annotator.core.error_language import (
    FSI,
    PDI,
    arabic_error,
    arabic_line,
    arabic_message,
    english_values,
    template_fields,
)
from annotator.core.errors import AnnotatorError, E
from annotator.core.errors_ar import ARABIC

# a sample value per placeholder, of the kind the domain gives (paths, labels, numbers, reasons)
SAMPLES: dict[str, object] = {
    "path": "/home/amal/corpus/news.db", "file": "أخبار/تقرير.jsonl", "project": "sample.db",
    "label": "PERS", "start": 10, "end": 16, "length": 240, "line": 7, "count": 3,
}


def sample(name: str) -> object:
    return SAMPLES.get(name, f"value-of-{name}")


def has_arabic_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(c) == "AL" for c in text)


def test_every_code_has_an_arabic_template_and_no_other_key() -> None:
    assert set(ARABIC) == set(E.__members__), sorted(set(E.__members__) ^ set(ARABIC))


@pytest.mark.parametrize("code", list(E), ids=lambda c: c.name)
def test_the_arabic_template_has_the_english_placeholders(code: E) -> None:
    assert template_fields(ARABIC[code.name]) == template_fields(code.value)
    if code is not E.E900:  # "{message}": the unexpected, said as it came
        assert has_arabic_letters(ARABIC[code.name]), code.name


@pytest.mark.parametrize("code", list(E), ids=lambda c: c.name)
def test_each_formats_with_sample_values_and_isolates_them(code: E) -> None:
    details = {name: sample(name) for name in template_fields(code.value)}
    message = arabic_message(code, details)
    assert has_arabic_letters(message)
    for name in details:
        shown = repr(details[name]) if f"{{{name}!r}}" in code.value else str(details[name])
        assert f"{FSI}{shown}{PDI}" in message, (code.name, name, message)
    # the isolates pair up: every one opened is closed, never more closed than opened
    depth = 0
    for c in message:
        depth += c in "\u2066\u2067\u2068"
        depth -= c == PDI
        assert depth >= 0, message
    assert depth == 0, message


@pytest.mark.parametrize("code", list(E), ids=lambda c: c.name)
def test_the_english_line_reads_back_into_the_same_arabic(code: E) -> None:
    details = {name: sample(name) for name in template_fields(code.value)}
    error = AnnotatorError(code, **details)
    assert arabic_line(str(error)) == arabic_error(error)
    assert arabic_line(str(error)).startswith(f"\u200f\u2066[{code.name}]\u2069 ")


def test_values_with_the_templates_own_words_in_them_still_read_back() -> None:
    error = AnnotatorError(E.E211, file="a, line 3: b.conll", line=9, reason="line 4: bad, line 5")
    assert english_values(E.E211, str(error).split("] ", 1)[1]) is not None
    assert "9" in arabic_line(str(error))
    repeated = AnnotatorError(E.E101, path="new.db")  # {path} twice
    assert arabic_line(str(repeated)).count(f"{FSI}new.db{PDI}") == 2


def test_what_is_no_error_line_stays_as_it_is() -> None:
    assert arabic_line("Choose a model folder first.") is None
    assert arabic_line("[E999] no such code") is None
    assert arabic_line("[E201] text that is not E201's template") is None
    # details that did not fit the template: AnnotatorError wrote the template and the dict
    broken = AnnotatorError(E.E201)
    assert arabic_error(broken) is None and arabic_line(str(broken)) is None


def test_commands_and_options_stay_in_left_to_right_isolates() -> None:
    message = arabic_message(E.E101, {"path": "p.db"})
    assert "\u2066annotator init " in message and "--labels PERS,LOC\u2069" in message
    assert "\u2066--format\u2069" in ARABIC["E210"]
