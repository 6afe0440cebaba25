"""The project tokenizer: spaCy-identical base tokens, proclitics, boundaries, Docs, pipelines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.text.plain import INVISIBLE_SEPARATORS
from annotator.text.tokenizer import EXTRA_SUFFIXES, ProjectTokenizer

spacy = pytest.importorskip("spacy")

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def blank_ar():  # type: ignore[no-untyped-def]
    """spaCy's blank("ar") with the project's one extra suffix rule (a final full stop)."""
    nlp = spacy.blank("ar")
    suffixes = nlp.tokenizer.suffix_search.__self__.pattern
    nlp.tokenizer.suffix_search = re.compile("|".join((suffixes, *EXTRA_SUFFIXES["ar"]))).search
    return nlp


def spacy_offsets(nlp, text: str) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """spaCy's non-whitespace tokens, with invisible separators turned into spaces first
    (the project treats them as whitespace; everything else must be identical)."""
    spaced = text.translate({ord(char): " " for char in INVISIBLE_SEPARATORS})
    return [(t.idx, t.idx + len(t.text)) for t in nlp(spaced) if not t.is_space]


def texts(tokenizer: ProjectTokenizer, text: str, boundaries: tuple[int, ...] = ()) -> list[str]:
    return [text[start:end] for start, end in tokenizer.token_offsets(text, boundaries)]


@pytest.fixture(scope="module")
def anercorp_text(request: pytest.FixtureRequest) -> str:
    data = REPO.parent / "shared" / "data" / "arabic" / "anercorp_sample.conll"
    if not data.exists():
        pytest.skip(f"third-party data {data} is not present beside the project")
    lines, words = [], []
    for line in data.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) == 2 and parts[0] != "-DOCSTART-":
            words.append(parts[0])
        elif not parts and words:
            lines.append(" ".join(words))
            words = []
    return "\n".join(lines)


# --- the base tokenization is spaCy's (plus the final full stop rule) ---------------------------


def test_same_tokens_as_spacy_on_anercorp(blank_ar, anercorp_text: str) -> None:  # type: ignore[no-untyped-def]
    tokenizer = ProjectTokenizer("ar", split_proclitics=False)
    offsets = tokenizer.token_offsets(anercorp_text)
    assert len(offsets) > 19_000
    assert offsets == spacy_offsets(blank_ar, anercorp_text)
    glued = anercorp_text.replace(" ", "")  # every affix rule at work inside long chunks
    assert tokenizer.token_offsets(glued) == spacy_offsets(blank_ar, glued)


def test_same_tokens_as_spacy_on_the_seed(blank_ar, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    tokenizer = ProjectTokenizer("ar", split_proclitics=False)
    assert tokenizer.token_offsets(seed_text) == spacy_offsets(blank_ar, seed_text)


CHUNK_PIECES = [
    *"ابتجحدرسعفقكلمنهويءأإآةىـ", "\u064b", "\u064e", "\u0651", *"abcXYZ0123456789٠٣",
    *".,،؛؟!?:;'\"()[]{}“”«»-–—/\\&%$€+*#@=<>_~^|`", "😀", "👍🏽", "\u200c", "\u200d",
    "ق.م", "د.", "أ.د", ":)", ":-)", "<3", "http://", "www.", ".com", "a@b.c", "...", "…",
    "U.S.", "km", "2.5", "30،000", "^_^", "=)", "o.O", "C++", "e.g.",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(CHUNK_PIECES), min_size=1, max_size=8), min_size=1, max_size=6))
def test_chunks_split_exactly_like_spacy(blank_ar, chunks: list[list[str]]) -> None:  # type: ignore[no-untyped-def]
    """Prefixes, suffixes, infixes, exceptions, URLs, emoticon merges: per chunk, identical."""
    tokenizer = ProjectTokenizer("ar", split_proclitics=False)
    text = " ".join("".join(pieces) for pieces in chunks)
    expected: list[tuple[int, int]] = []
    position = 0
    for chunk in ("".join(pieces) for pieces in chunks):
        expected += [(position + s, position + e) for s, e in spacy_offsets(blank_ar, chunk)]
        position += len(chunk) + 1
    assert tokenizer.token_offsets(text) == expected


def test_known_difference_exceptions_with_a_space_are_not_kept_whole() -> None:
    text = "ولد عام 570 ب. م"
    assert [t.text for t in spacy.blank("ar")(text)][-1] == "ب. م"
    assert texts(ProjectTokenizer("ar"), text)[-2:] == ["ب.", "م"]


def test_the_extra_suffix_rule_splits_a_final_full_stop() -> None:
    plain = spacy.blank("ar")
    tokenizer = ProjectTokenizer("ar")
    for text, expected in [
        ("عام 2024.", ["عام", "2024", "."]),
        ("في Wonsan.", ["في", "Wonsan", "."]),
        ("قناة «الجزيرة».", ["قناة", "«", "الجزيرة", "»", "."]),
        ("للغاية”.", ["للغاية", "”", "."]),
        ("التقى د. أحمد", ["التقى", "د.", "أحمد"]),  # exceptions still win
    ]:
        assert texts(tokenizer, text) == expected
        assert [t.text for t in plain(text)] != expected or text.startswith("التقى")


def test_snapshot_of_arabic_rules_matches_the_installed_spacy() -> None:
    from annotator.text.tokenizer_rules import load_rules, rules_from_spacy

    live = rules_from_spacy("ar")
    assert live is not None
    assert load_rules("ar").to_json() == live.to_json()  # type: ignore[union-attr]


def test_importing_and_tokenizing_arabic_does_not_import_spacy(seed_text: str) -> None:
    code = (
        "import sys\n"
        "from annotator.text.tokenizer import ProjectTokenizer\n"
        f"offsets = ProjectTokenizer('ar', ['كوريا']).token_offsets({seed_text!r})\n"
        "tokenizer = ProjectTokenizer('ar')\n"
        "tokenizer.sentence_offsets('a. b')\n"
        "assert len(offsets) > 300, len(offsets)\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_other_languages_use_spacys_rules() -> None:
    english = spacy.blank("en")
    text = "Don't stop: the U.S. isn't (really) here, e-mail me@x.org!"
    assert ProjectTokenizer("en").token_offsets(text) == spacy_offsets(english, text)


def test_languages_with_their_own_tokenizer_are_delegated() -> None:
    text = "我爱北京 \u200f天安门"
    assert texts(ProjectTokenizer("zh"), text) == ["我", "爱", "北", "京", "天", "安", "门"]


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(AnnotatorError, match="E116"):
        ProjectTokenizer("no-such-language").token_offsets("x")
