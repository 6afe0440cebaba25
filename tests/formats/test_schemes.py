"""Tagging schemes: encode/decode round trips, conlleval's reading of invalid tags, detection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.formats.schemes import (
    Chunk,
    DecodeNotes,
    SchemeEvidence,
    decode,
    encode,
    normalise_scheme,
)


@st.composite
def chunkings(draw) -> tuple[int, list[Chunk]]:
    length = draw(st.integers(0, 30))
    chunks, position = [], 0
    while position < length:
        position += draw(st.integers(0, 3))
        size = draw(st.integers(1, 4))
        if position + size > length:
            break
        chunks.append(Chunk(position, position + size, draw(st.sampled_from(["PER", "LOC"]))))
        position += size
    return length, chunks


@given(chunkings(), st.sampled_from(["iob1", "iob2", "bilou"]))
def test_encode_then_decode_gives_the_chunks_back(case, scheme):
    length, chunks = case
    notes = DecodeNotes()
    tags = encode(chunks, length, scheme)
    assert decode(tags, scheme, notes) == chunks
    assert notes == DecodeNotes()  # nothing to repair in what we write


@given(chunkings())
def test_schemes_convert_into_each_other(case):
    length, chunks = case
    for source in ("iob1", "iob2", "bilou"):
        for target in ("iob1", "iob2", "bilou"):
            back = decode(encode(decode(encode(chunks, length, source), source), length, target),
                          target)
            assert back == chunks


def test_adjacent_entities_of_one_type():
    chunks = [Chunk(0, 2, "LOC"), Chunk(2, 3, "LOC")]
    assert encode(chunks, 3, "iob1") == ["I-LOC", "I-LOC", "B-LOC"]
    assert encode(chunks, 3, "iob2") == ["B-LOC", "I-LOC", "B-LOC"]
    assert encode(chunks, 3, "bilou") == ["B-LOC", "L-LOC", "U-LOC"]


@pytest.mark.parametrize("tags,expected,repairs", [
    (["O", "I-PER", "I-PER"], [Chunk(1, 3, "PER")], 1),  # I- after O starts a chunk
    (["B-PER", "I-LOC"], [Chunk(0, 1, "PER"), Chunk(1, 2, "LOC")], 1),  # after another type
    (["I-PER"], [Chunk(0, 1, "PER")], 1),  # at the start of a sentence
    (["B-PER", "I-PER", "O"], [Chunk(0, 2, "PER")], 0),
])
def test_invalid_iob2_is_read_like_conlleval_and_counted(tags, expected, repairs):
    notes = DecodeNotes()
    assert decode(tags, "iob2", notes) == expected
    assert notes.invalid_starts == repairs


def test_bilou_repairs_and_bioes_letters():
    notes = DecodeNotes()
    assert decode(["B-X", "I-X", "O", "S-Y", "B-Z", "E-Z"], "bilou", notes) == [
        Chunk(0, 2, "X"), Chunk(3, 4, "Y"), Chunk(4, 6, "Z")]
    assert notes.unclosed == 1
    assert normalise_scheme("BIOES") == "bilou"
    with pytest.raises(ValueError):
        normalise_scheme("xml")


def test_unprefixed_tags_read_as_inside():
    notes = DecodeNotes()
    assert decode(["PER", "PER", "O", "LOC"], "iob1", notes) == [Chunk(0, 2, "PER"), Chunk(3, 4, "LOC")]
    assert notes.unprefixed == 3


@pytest.mark.parametrize("sentences,scheme", [
    ([["B-PER", "I-PER", "O", "B-LOC"]], "iob2"),
    ([["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]], "iob1"),
    ([["U-PER", "O", "B-LOC", "L-LOC"]], "bilou"),
    ([["S-PER", "O", "B-LOC", "E-LOC"]], "bilou"),
    ([["O", "I-PER"], ["B-LOC"]], "iob2"),  # B- opens chunks: IOB2 with an invalid I-
    ([["O", "O"]], "iob2"),
])
def test_scheme_detection(sentences, scheme):
    evidence = SchemeEvidence()
    for tags in sentences:
        evidence.add(tags)
    assert evidence.scheme() == scheme
