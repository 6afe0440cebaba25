"""Normalisation for matching with its offset map, and proclitics (annotator.text.arabic)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.text.arabic import (
    lexicon_forms,
    normalise_for_matching,
    normalise_with_offsets,
    proclitic_cut,
    proclitic_splits,
)


@pytest.mark.parametrize(
    ("original", "normalised"),
    [
        ("مُحَمَّدٌ", "محمد"),  # harakat, shadda, tanween
        ("كــوريا", "كوريا"),  # tatweel
        ("أإآٱا", "ااااا"),  # alef variants
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("الرَّحْمٰنِ", "الرحمن"),  # superscript alef U+0670
        ("ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ", "ذلك الكتب لا ريب  فيه "),  # Quranic marks; U+0670 is dropped
        ("ﻛﻮﺭﻳﺎ", "كوريا"),  # presentation forms (text copied from PDFs)
        ("ی ک", "ي ك"),  # Persian yeh and keheh
        ("٢٠٢٤ ۱۲", "2024 12"),  # Arabic-Indic digits
        ("KCTV Straße", "kctv strasse"),  # casefold
        ("\u200fمصر\u200c\u200d", "مصر"),  # format characters
        ("مسؤول رئيس", "مسؤول رئيس"),  # hamza seats kept by default
    ],
)
def test_normalisation(original: str, normalised: str) -> None:
    assert normalise_for_matching(original) == normalised
    assert normalise_with_offsets(original).text == normalised


def test_optional_hamza_seats_and_no_casefold() -> None:
    assert normalise_for_matching("مسؤول رئيس", hamza_seats=True) == "مسوول رييس"
    assert normalise_for_matching("KCTV", casefold=False) == "KCTV"
    assert normalise_for_matching("٢", digits=False) == "٢"


ARABIC_ALPHABET = (
    "ابتكلمنويىةأإآٱؤئء"  # letters and variants
    "\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # harakat, superscript alef, tatweel
    "\u200f\u200c\u200d"  # format characters
    " ،.0٣"
)


@given(st.text(alphabet=st.sampled_from(ARABIC_ALPHABET), max_size=40))
def test_fast_and_mapped_normalisation_agree(text: str) -> None:
    assert normalise_with_offsets(text).text == normalise_for_matching(text)


@given(st.text(alphabet=st.sampled_from(ARABIC_ALPHABET + "aBß"), max_size=40), st.data())
def test_every_normalised_range_maps_back_to_text_that_normalises_to_it(
    text: str, data: st.DataObject
) -> None:
    normalised = normalise_with_offsets(text)
    size = len(normalised.text)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    original_start, original_end = normalised.to_original(start, end)
    assert 0 <= original_start <= original_end <= len(text)
    if "ß" not in text:  # one letter -> two ("ss"): a range may cut through it
        assert normalise_for_matching(text[original_start:original_end]) == normalised.text[start:end]
    if start < end:  # a match never starts or ends on an invisible mark
        assert text[original_start] not in "\u200f\u200c\u200d"
        assert text[original_end - 1] not in "\u200f\u200c\u200d"


def test_matches_map_back_exactly_when_characters_were_removed() -> None:
    text = "وقعت مُوسْكُو وَبِيُونْج يانغ شراكة مع كــوريا\u200f، وأوكرانيا."
    normalised = normalise_with_offsets(text)
    assert [text[s:e] for s, e in normalised.find_all("بيونج يانغ")] == ["بِيُونْج يانغ"]
    assert [text[s:e] for s, e in normalised.find_all("موسكو")] == ["مُوسْكُو"]
    assert [text[s:e] for s, e in normalised.find_all("كوريا")] == ["كــوريا"]  # no RLM
    assert [text[s:e] for s, e in normalised.find_all("اوكرانيا")] == ["أوكرانيا"]


def test_trailing_harakat_belong_to_the_match_and_leading_marks_do_not() -> None:
    text = "\u064eمصرَ"  # a stray fatha, then مصر with a fatha
    normalised = normalise_with_offsets(text)
    assert normalised.find_all("مصر") == [(1, 5)]


def test_casefold_expansion_maps_to_the_whole_letter() -> None:
    text = "Die Straße"
    normalised = normalise_with_offsets(text)
    assert [text[s:e] for s, e in normalised.find_all("STRASSE")] == ["Straße"]
    assert [text[s:e] for s, e in normalised.find_all("ss")] == ["ß"]


def test_find_all_whole_words_and_empty_ranges() -> None:
    text = "كوريا والكوريتين وكوريا"
    normalised = normalise_with_offsets(text)
    assert len(normalised.find_all("كوري")) == 3
    assert normalised.find_all("كوري", whole_words=True) == []
    assert normalised.find_all("كوريا", whole_words=True) == [(0, 5)]
    assert normalised.find_all("") == []
    assert normalised.to_original(0, 0) == (0, 0)
    assert normalised.to_original(len(normalised.text), len(normalised.text)) == (len(text),) * 2
    with pytest.raises(ValueError):
        normalised.to_original(3, 2)


def test_offset_map_on_astral_characters() -> None:
    text = "😀 مَصر 𝐀"
    normalised = normalise_with_offsets(text)
    assert normalised.find_all("مصر") == [(2, 6)]
    assert [text[s:e] for s, e in normalised.find_all("𝐀")] == ["𝐀"]


# --- proclitics -------------------------------------------------------------------------------


def _readings(word: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(word[: s.cut], s.proclitics, s.lookups) for s in proclitic_splits(word)]


def test_proclitic_splits_cover_conjunctions_prepositions_and_the_article() -> None:
    assert _readings("وبيونج") == [("و", ("و",), ("بيونج",)), ("وب", ("و", "ب"), ("يونج",))]
    assert _readings("والعراق") == [("و", ("و",), ("العراق",)), ("وال", ("و", "ال"), ("عراق",))]
    assert _readings("فبالصين") == [
        ("ف", ("ف",), ("بالصين",)),
        ("فب", ("ف", "ب"), ("الصين",)),
        ("فبال", ("ف", "ب", "ال"), ("صين",)),
    ]
    assert _readings("كالحرب")[-1] == ("كال", ("ك", "ال"), ("حرب",))


def test_lam_lam_restores_the_article_alef() -> None:
    # للعراق = ل + (ا)لعراق; للبنان = ل + لبنان: both readings are offered
    assert _readings("للعراق") == [
        ("ل", ("ل",), ("لعراق", "العراق")),
        ("لل", ("ل", "ال"), ("عراق",)),
    ]
    assert _readings("وللناس")[1] == ("ول", ("و", "ل"), ("لناس", "الناس"))


def test_harakat_on_a_proclitic_stay_with_it() -> None:
    word = "وَبِيُونْج"
    first = proclitic_splits(word)[0]
    assert word[: first.cut] == "وَ"
    assert first.remainder == "بِيُونْج"
    assert first.lookups == ("بيونج",)


def test_no_split_leaves_too_little() -> None:
    assert proclitic_splits("بل") == []
    assert [s.cut for s in proclitic_splits("بيت", min_remainder=3)] == []


LEXICON = lexicon_forms(["بيونج يانغ", "كوريا الشمالية", "العراق", "لبنان", "سيناء", "قم"])


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("وبيونج", "و"),
        ("لكوريا", "ل"),
        ("للعراق", "ل"),  # the article stays: ل + لعراق, looked up as العراق
        ("وللعراق", "ول"),
        ("والعراق", "و"),
        ("للبنان", "ل"),
        ("وبسيناء", "وب"),
        ("وDell", "و"),  # script change: always split
        ("ب500", "ب"),
        ("لبنان", ""),  # the whole word is known
        ("كوريا", ""),
        ("وزير", ""),  # remainder unknown
        ("بالعراق", "ب"),
        ("Dell", ""),
        ("وقم", ""),  # قم is known, but a remainder needs three letters
    ],
)
def test_proclitic_cut_is_guarded_by_the_lexicon(word: str, head: str) -> None:
    assert word[: proclitic_cut(word, LEXICON)] == head


def test_function_words_are_kept_whole() -> None:
    lexicon = lexicon_forms(["وان", "كان"])
    assert proclitic_cut("لكان", lexicon) == 1
    assert proclitic_cut("لكان", lexicon, keep_whole={"لكان"}) == 0


def test_lexicon_forms_are_normalised_words_without_punctuation() -> None:
    forms = lexicon_forms(["«كوريا الشمالية»،", "أوكرانيا.", "و", "  "])
    assert forms == {"كوريا", "الشماليه", "اوكرانيا"}
