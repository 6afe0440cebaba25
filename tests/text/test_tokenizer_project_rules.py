"""Project rules on top of spaCy's: proclitics, invisible separators, forced boundaries,
snapping, Docs, sentences, and pipelines that save and load with the tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.text.plain import is_separator, is_separator_text
from annotator.text.tokenizer import (
    TOKENIZER_NAME,
    ProjectTokenizer,
    load_pipeline,
    snap_to_tokens,
    split_at,
)


def texts(tokenizer: ProjectTokenizer, text: str, boundaries: tuple[int, ...] = ()) -> list[str]:
    return [text[start:end] for start, end in tokenizer.token_offsets(text, boundaries)]


def aligned(offsets: list[tuple[int, int]], start: int, end: int) -> bool:
    return start in {s for s, _ in offsets} and end in {e for _, e in offsets}


# --- proclitics -------------------------------------------------------------------------------


def test_names_inside_proclitic_words_become_tokens_with_a_lexicon() -> None:
    tokenizer = ProjectTokenizer("ar", lexicon=["بيونج يانغ", "كوريا الشمالية"])
    assert texts(tokenizer, "وقعت موسكو وبيونج يانغ شراكة") == [
        "وقعت", "موسكو", "و", "بيونج", "يانغ", "شراكة",
    ]
    assert texts(tokenizer, "الغذاء لكوريا الشمالية.") == ["الغذاء", "ل", "كوريا", "الشمالية", "."]


def test_without_a_lexicon_proclitic_words_stay_whole_like_spacy() -> None:
    tokenizer = ProjectTokenizer("ar")
    assert texts(tokenizer, "وبيونج لكوريا بغداد") == ["وبيونج", "لكوريا", "بغداد"]
    assert texts(tokenizer, "عام و2006 وDell") == ["عام", "و", "2006", "و", "Dell"]


def test_seed_spans_align_with_the_lexicon_or_with_boundaries(seed_text: str) -> None:
    spans = []
    for name in ("بيونج يانغ", "كوريا"):
        position = seed_text.find(name)
        while position != -1:
            spans.append((position, position + len(name)))
            position = seed_text.find(name, position + 1)
    assert len(spans) > 10
    plain = ProjectTokenizer("ar").token_offsets(seed_text)
    assert not all(aligned(plain, s, e) for s, e in spans)  # وبيونج and لكوريا are one token
    with_lexicon = ProjectTokenizer("ar", ["بيونج يانغ", "كوريا"]).token_offsets(seed_text)
    assert all(aligned(with_lexicon, s, e) for s, e in spans)
    edges = [edge for span in spans for edge in span]
    with_boundaries = ProjectTokenizer("ar").token_offsets(seed_text, edges)
    assert all(aligned(with_boundaries, s, e) for s, e in spans)


def test_words_that_merely_start_with_a_proclitic_letter_stay_whole() -> None:
    # the whole word is a known name (لبنان, not ل + بنان) or a function word (وكان)
    tokenizer = ProjectTokenizer("ar", ["لبنان", "كندا", "ندا", "بنان", "كان", "بغداد", "غداد"])
    assert texts(tokenizer, "لبنان كندا بغداد وكان لكندا") == [
        "لبنان", "كندا", "بغداد", "وكان", "ل", "كندا",
    ]


def test_lexicon_can_be_replaced() -> None:
    tokenizer = ProjectTokenizer("ar")
    assert texts(tokenizer, "لكوريا") == ["لكوريا"]
    tokenizer.set_lexicon(["كوريا"])
    assert tokenizer.lexicon == {"كوريا"}
    assert texts(tokenizer, "لكوريا") == ["ل", "كوريا"]
    tokenizer.split_proclitics = False
    assert texts(tokenizer, "لكوريا") == ["لكوريا"]


# --- punctuation, separators and exact offsets ------------------------------------------------


def test_full_stops_and_commas_split_off() -> None:
    tokenizer = ProjectTokenizer("ar")
    assert texts(tokenizer, "موسكو.") == ["موسكو", "."]
    assert texts(tokenizer, "السبت ، خلال") == ["السبت", "،", "خلال"]
    assert texts(tokenizer, "لافروف، بوتين؛ تاس؟") == ["لافروف", "،", "بوتين", "؛", "تاس", "؟"]
    assert texts(tokenizer, "30،000 جندي و2.5 مليون") == ["30،000", "جندي", "و", "2.5", "مليون"]
    assert texts(tokenizer, "“دعم بيونج يانغ”") == ["“", "دعم", "بيونج", "يانغ", "”"]


def test_offsets_are_exact_around_emoji_crlf_tabs_and_joiners() -> None:
    tokenizer = ProjectTokenizer("ar")
    text = "مرحبا 😀 بك\r\nسطر\tثان 👨\u200d👩\u200d👧 می\u200cخواهم 👍🏽."
    offsets = tokenizer.token_offsets(text)
    assert [text[s:e] for s, e in offsets] == [  # emoji are split as spaCy splits them
        "مرحبا", "😀", "بك", "سطر", "ثان", "👨", "\u200d", "👩", "\u200d", "👧", "می\u200cخواهم",
        "👍", "🏽.",
    ]
    assert offsets[1] == (6, 7)  # one code point, not two UTF-16 units
    assert offsets[3] == (12, 15)  # after "\r\n"
    assert offsets[-1] == (len(text) - 2, len(text))


def test_bidi_marks_separate_tokens_and_belong_to_none() -> None:
    tokenizer = ProjectTokenizer("ar", ["مصر"])
    text = "\u200fلمصر\u200f حلوان\u200f \u2067KCTV\u2069 \ufeffتاس"
    assert texts(tokenizer, text) == ["ل", "مصر", "حلوان", "KCTV", "تاس"]
    assert tokenizer.token_offsets(text)[:2] == [(1, 2), (2, 5)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("وبلكاسمرن .،\n\r\t\u200f\u200c\u00a0😀a1")))
def test_tokens_are_ordered_disjoint_and_never_contain_separators(text: str) -> None:
    offsets = ProjectTokenizer("ar", ["مسر", "سام"]).token_offsets(text)
    previous_end = 0
    for start, end in offsets:
        assert previous_end <= start < end <= len(text)
        assert not any(is_separator(char) for char in text[start:end])
        assert all(is_separator(char) for char in text[previous_end:start]) or previous_end == start
        previous_end = end
    assert all(is_separator(char) for char in text[previous_end:])


# --- boundaries and snapping ------------------------------------------------------------------


def test_boundaries_split_tokens_and_ignore_gaps_and_edges() -> None:
    tokenizer = ProjectTokenizer("ar")
    text = "وبيونج يانغ"
    assert texts(tokenizer, text, (1,)) == ["و", "بيونج", "يانغ"]
    assert texts(tokenizer, text, (0, 6, 7, 11, 99, -1)) == ["وبيونج", "يانغ"]
    assert texts(tokenizer, text, (2, 1, 2, 9)) == ["و", "ب", "يونج", "يا", "نغ"]


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=12).map(
        lambda pairs: sorted({(s, s + n) for s, n in pairs})
    ),
    st.lists(st.integers(-5, 70), max_size=10),
)
def test_split_at_cuts_exactly_the_tokens_that_contain_a_cut(
    tokens: list[tuple[int, int]], cuts: list[int]
) -> None:
    disjoint: list[tuple[int, int]] = []
    for start, end in tokens:
        if not disjoint or start >= disjoint[-1][1]:
            disjoint.append((start, end))
    result = split_at(disjoint, sorted(set(cuts)))
    assert {s for s, _ in result} == {s for s, _ in disjoint} | {
        c for c in cuts if any(s < c < e for s, e in disjoint)
    }
    assert {e for _, e in result} >= {e for _, e in disjoint}
    assert sum(e - s for s, e in result) == sum(e - s for s, e in disjoint)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (2, 4, (0, 6)),  # inside one token: the whole token
        (3, 9, (0, 11)),  # across two tokens
        (6, 7, (6, 6)),  # only the space: nothing to annotate
        (7, 7, (7, 11)),  # a caret at a token start
        (9, 9, (7, 11)),  # a caret inside a token
        (6, 6, (6, 6)),  # a caret in a gap
        (11, 11, (11, 11)),
        (9, 3, (0, 11)),  # a backwards selection
        (0, 100, (0, 11)),
    ],
)
def test_snap_widens_a_selection_to_whole_tokens(
    start: int, end: int, expected: tuple[int, int]
) -> None:
    offsets = ProjectTokenizer("ar").token_offsets("وبيونج يانغ")  # (0, 6), (7, 11)
    assert snap_to_tokens(offsets, start, end) == expected


def test_selection_units_allow_a_name_after_unknown_proclitics() -> None:
    tokenizer = ProjectTokenizer("ar")  # an empty lexicon: وبيونج is one token
    text = "وبيونج يانغ لكوريا بغداد."
    units = tokenizer.selection_offsets(text)
    assert [text[s:e] for s, e in units] == [
        "و", "ب", "يونج", "يانغ", "ل", "كوريا", "ب", "غداد", ".",
    ]
    assert snap_to_tokens(units, 1, 9) == (1, 11)  # بيونج يانغ without the و
    assert snap_to_tokens(units, 19, 22) == (19, 24)  # the whole of بغداد, dragged from its start
    assert ProjectTokenizer("en").selection_offsets("and Pyongyang") == [(0, 3), (4, 13)]


def test_snap_with_no_tokens() -> None:
    assert snap_to_tokens([], 0, 3) == (0, 0)


# --- Docs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وقعت موسكو وبيونج يانغ شراكة.",
        "  بداية بمسافتين\r\n\r\nونهاية  ",
        "\u200fلمصر\u200f 😀\tKCTV\u200c 30،000",
        "",
        " ",
    ],
)
def test_make_doc_keeps_the_text_and_the_tokens(text: str) -> None:
    tokenizer = ProjectTokenizer("ar", ["مصر", "بيونج"])
    boundaries = (2, 13)
    doc = tokenizer.make_doc(text, boundaries)
    assert doc.text == text
    content = [(t.idx, t.idx + len(t.text)) for t in doc if not is_separator_text(t.text)]
    assert content == tokenizer.token_offsets(text, boundaries)
    assert all(is_separator_text(t.text) for t in doc if (t.idx, t.idx + len(t.text)) not in content)


def test_make_doc_gives_spans_the_editor_made(seed_text: str) -> None:
    tokenizer = ProjectTokenizer("ar")
    start = seed_text.find("بيونج يانغ", seed_text.find("وبيونج"))
    end = start + len("بيونج يانغ")
    doc = tokenizer.make_doc(seed_text, [start, end])
    span = doc.char_span(start, end, label="LOC")
    assert span is not None and span.text == "بيونج يانغ"


# --- sentences --------------------------------------------------------------------------------


def test_sentences_of_the_seed(seed_text: str) -> None:
    tokenizer = ProjectTokenizer("ar")
    sentences = [seed_text[s:e] for s, e in tokenizer.sentence_offsets(seed_text)]
    assert sentences[0] == "يمتد لافروف الروسية “دعم بيونج يانغ” الذي لا لبس فيه “على أوكرانيا"
    assert sentences[1].endswith("الشراكة الاستراتيجية للبلدين.")
    assert sentences[2].endswith("في المستقبل القريب للغاية”.")  # the quote before the stop
    assert "وقعت موسكو وبيونج يانغ شراكة استراتيجية في عام 2024 خلال زيارة بوتين إلى كوريا الشمالية." in sentences
    assert any("30،000 جندي" in sentence for sentence in sentences)  # not cut in the number
    assert len(sentences) == 17
    assert all("\n" not in sentence for sentence in sentences)
    tokens = tokenizer.token_offsets(seed_text)
    edges = {edge for token in tokens for edge in token}
    assert all(s in edges and e in edges for s, e in tokenizer.sentence_offsets(seed_text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال: «نعم». ثم ذهب! هل عاد؟ لا", ["قال: «نعم».", "ثم ذهب!", "هل عاد؟", "لا"]),
        ("بلغ 2.5 مليون. انتهى", ["بلغ 2.5 مليون.", "انتهى"]),
        ("التقى د. أحمد بالوزير", ["التقى د. أحمد بالوزير"]),  # د. is an abbreviation
        ("سطر أول\nسطر ثان\r\n\r\nفقرة", ["سطر أول", "سطر ثان", "فقرة"]),
        ("انتظر... ثم قرر؟!", ["انتظر...", "ثم قرر؟!"]),
        ("", []),
    ],
)
def test_sentence_rules(text: str, expected: list[str]) -> None:
    tokenizer = ProjectTokenizer("ar")
    assert [text[s:e] for s, e in tokenizer.sentence_offsets(text)] == expected


# --- spaCy pipelines --------------------------------------------------------------------------


def test_the_pipeline_saves_and_loads_with_the_tokenizer_and_its_lexicon(
    tmp_path: Path, seed_text: str
) -> None:
    tokenizer = ProjectTokenizer("ar", ["بيونج يانغ", "كوريا"])
    nlp = tokenizer.nlp()
    assert isinstance(nlp.tokenizer, ProjectTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME
    ner = nlp.add_pipe("ner")
    for label in ("PERS", "LOC"):
        ner.add_label(label)  # type: ignore[attr-defined]
    nlp.initialize()
    nlp.to_disk(tmp_path / "model")
    loaded = load_pipeline(tmp_path / "model")
    assert isinstance(loaded.tokenizer, ProjectTokenizer)
    assert loaded.tokenizer.lexicon == tokenizer.lexicon
    expected = [(t.idx, len(t.text)) for t in tokenizer.make_doc(seed_text)]
    assert [(t.idx, len(t.text)) for t in loaded(seed_text)] == expected
    assert [t.text for t in loaded("لكوريا")] == ["ل", "كوريا"]


def test_tokenizer_bytes_round_trip() -> None:
    tokenizer = ProjectTokenizer("ar", ["كوريا"], split_proclitics=False)
    copy = ProjectTokenizer("ar").from_bytes(tokenizer.to_bytes())
    assert copy.lexicon == {"كوريا"} and copy.split_proclitics is False
    with pytest.raises(ValueError):
        copy.from_bytes(b'{"format": "something else"}')
