"""Direction detection, separators, span trimming and titles (annotator.text.plain)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Direction
from annotator.text.plain import (
    INVISIBLE_SEPARATORS,
    SEPARATOR_CLASS,
    detect_direction,
    is_separator,
    is_separator_text,
    line_and_column,
    title_from_text,
    trim_span,
    words_with_offsets,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مرحبا بالعالم", Direction.RTL),
        ("Hello world", Direction.LTR),
        ("שלום", Direction.RTL),  # Hebrew: bidi class R
        ("2024 ، «موسكو»", Direction.RTL),  # digits and punctuation are weak or neutral
        ("2024 - Wonsan وونسان", Direction.LTR),
        ("   \n\t", Direction.AUTO),
        ("", Direction.AUTO),
        ("12,000.5 %", Direction.AUTO),
        ("\u2066abc\u2069 مرحبا", Direction.RTL),  # text inside an isolate does not count (P2)
        ("\u2067مرحبا\u2069 hello", Direction.LTR),
        ("\u202bhello", Direction.LTR),  # an embedding's own text does count
        ("\u200fhello", Direction.RTL),  # RLM is a strong R character: that is its purpose
        ("\u200ehello مرحبا", Direction.LTR),
    ],
)
def test_direction_comes_from_the_first_strong_character(text: str, expected: Direction) -> None:
    assert detect_direction(text) == expected


def test_direction_default_when_nothing_is_strong() -> None:
    assert detect_direction("123", default=Direction.RTL) == Direction.RTL


def test_seed_document_is_right_to_left(seed_text: str) -> None:
    assert detect_direction(seed_text) == Direction.RTL


def test_separator_class_is_exactly_isspace_plus_invisible_marks() -> None:
    pattern = re.compile(f"[{SEPARATOR_CLASS}]")
    for code in range(0x110000):
        char = chr(code)
        expected = char.isspace() or char in INVISIBLE_SEPARATORS
        assert (pattern.match(char) is not None) == expected, hex(code)


@pytest.mark.parametrize(
    ("char", "separates"),
    [
        (" ", True), ("\t", True), ("\r", True), ("\u00a0", True), ("\u3000", True),
        ("\u200f", True), ("\u200e", True), ("\u061c", True), ("\ufeff", True), ("\u2067", True),
        ("\u200c", False), ("\u200d", False), ("\u00ad", False), ("\ufe0f", False), ("ـ", False),
        ("a", False), ("،", False),
    ],
)
def test_which_characters_separate_tokens(char: str, separates: bool) -> None:
    assert is_separator(char) is separates


def test_separator_text() -> None:
    assert is_separator_text(" \u200f\n")
    assert not is_separator_text("")
    assert not is_separator_text(" a ")


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        (" مصر ", 0, 5, (1, 4)),
        ("\u200fمصر\u200f", 0, 5, (1, 4)),
        ("a  ", 1, 3, (1, 1)),
        ("abc", -3, 99, (0, 3)),
        ("ab", 1, 1, (1, 1)),
    ],
)
def test_trim_span(text: str, start: int, end: int, expected: tuple[int, int]) -> None:
    assert trim_span(text, start, end) == expected


@given(st.text(alphabet=st.sampled_from("اب \u200f\n\u200cx")), st.integers(0, 12), st.integers(0, 12))
def test_trimmed_spans_never_start_or_end_on_a_separator(text: str, start: int, end: int) -> None:
    trimmed_start, trimmed_end = trim_span(text, start, end)
    assert 0 <= trimmed_start <= trimmed_end <= len(text)
    if trimmed_start < trimmed_end:
        assert not is_separator(text[trimmed_start])
        assert not is_separator(text[trimmed_end - 1])


def test_words_with_offsets_split_at_separators_only() -> None:
    text = "لافروف،\u200f موسكو\r\n👍🏽 a\u200cb"
    words = [text[start:end] for start, end in words_with_offsets(text)]
    assert words == ["لافروف،", "موسكو", "👍🏽", "a\u200cb"]


def test_title_uses_the_first_words_of_the_first_line(seed_text: str) -> None:
    title = title_from_text(seed_text, max_words=4)
    assert title == "يمتد لافروف الروسية “دعم…"
    assert title_from_text("\n\n  \u200fقصير  جدا \n") == "قصير جدا"
    assert title_from_text("") == ""
    long_word = "ا" * 100
    assert title_from_text(long_word, max_chars=10) == "ا" * 10 + "…"


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("ab\ncd", 4, (2, 2)),
        ("ab\r\ncd", 5, (2, 2)),
        ("ab\rcd", 3, (2, 1)),
        ("ab", 0, (1, 1)),
        ("😀x\ny", 1, (1, 2)),  # columns count code points, not UTF-16 units
    ],
)
def test_line_and_column(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert line_and_column(text, offset) == expected
