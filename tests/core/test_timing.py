"""The annotation-time recorder on a fake clock: idle gaps, focus, several documents, spans."""

from __future__ import annotations

import pytest

from annotator.core.timing import Decision, DocumentTime, SpanTime, TimeRecorder


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_active_time_counts_gaps_under_the_threshold(clock: FakeClock) -> None:
    rec = TimeRecorder(clock, idle_threshold=30)
    rec.document_opened("amal", 1)
    for _ in range(4):
        clock.advance(10)
        rec.activity()
    rec.document_closed()
    assert rec.drain() == [DocumentTime("amal", 1, 40.0)]


def test_an_idle_gap_over_the_threshold_counts_nothing(clock: FakeClock) -> None:
    rec = TimeRecorder(clock, idle_threshold=30)
    rec.document_opened("amal", 1)
    clock.advance(5)
    rec.activity()
    clock.advance(600)  # coffee
    rec.activity()
    clock.advance(7)
    rec.activity()
    rec.document_closed()
    assert rec.drain() == [DocumentTime("amal", 1, 12.0)]


def test_a_gap_exactly_at_the_threshold_counts(clock: FakeClock) -> None:
    rec = TimeRecorder(clock, idle_threshold=30)
    rec.document_opened("amal", 1)
    clock.advance(30)
    rec.activity()
    clock.advance(30.001)
    rec.document_closed()
    assert rec.drain() == [DocumentTime("amal", 1, 30.0)]


def test_unfocused_time_is_not_counted(clock: FakeClock) -> None:
    rec = TimeRecorder(clock, idle_threshold=60)
    rec.document_opened("amal", 1)
    clock.advance(8)
    rec.focus_out()
    clock.advance(20)  # another window, under the threshold but unfocused
    rec.activity()     # stray event while unfocused still counts nothing
    clock.advance(20)
    rec.focus_in()
    clock.advance(4)
    rec.activity()
    rec.document_closed()
    assert rec.drain() == [DocumentTime("amal", 1, 12.0)]


def test_several_documents_each_get_their_own_time(clock: FakeClock) -> None:
    rec = TimeRecorder(clock, idle_threshold=60)
    rec.document_opened("amal", 1)
    clock.advance(10)
    rec.activity()
    rec.document_opened("amal", 2)  # opening another closes the first
    clock.advance(3)
    rec.activity()
    clock.advance(100)  # idle, then closed
    rec.document_closed()
    rec.document_opened("amal", 3)
    rec.document_closed()  # nothing done: no record
    assert rec.drain() == [DocumentTime("amal", 1, 10.0), DocumentTime("amal", 2, 3.0)]
    assert rec.drain() == []


def test_time_to_each_span_decision(clock: FakeClock) -> None:
    rec = TimeRecorder(clock, idle_threshold=60)
    rec.document_opened("amal", 1)
    clock.advance(4)
    rec.span_decided(Decision.ACCEPTED, "PERS")
    clock.advance(6)
    rec.activity()
    clock.advance(5)
    rec.span_decided(Decision.CORRECTED, "LOC")
    clock.advance(120)  # idle before the next one
    rec.activity()
    clock.advance(2)
    rec.span_decided(Decision.REJECTED, "ORG")
    rec.document_closed()
    assert rec.drain() == [
        SpanTime("amal", 1, "PERS", Decision.ACCEPTED, 4.0),
        SpanTime("amal", 1, "LOC", Decision.CORRECTED, 11.0),
        SpanTime("amal", 1, "ORG", Decision.REJECTED, 2.0),
        DocumentTime("amal", 1, 17.0),
    ]


def test_span_time_restarts_in_a_new_document(clock: FakeClock) -> None:
    rec = TimeRecorder(clock, idle_threshold=60)
    rec.document_opened("amal", 1)
    clock.advance(9)
    rec.activity()
    rec.document_opened("amal", 2)
    clock.advance(3)
    rec.span_decided(Decision.ACCEPTED, "PERS")
    spans = [r for r in rec.drain() if isinstance(r, SpanTime)]
    assert spans == [SpanTime("amal", 2, "PERS", Decision.ACCEPTED, 3.0)]


def test_events_without_an_open_document_record_nothing(clock: FakeClock) -> None:
    rec = TimeRecorder(clock)
    rec.activity()
    clock.advance(5)
    rec.span_decided(Decision.ACCEPTED, "PERS")
    rec.focus_out()
    rec.focus_in()
    rec.document_closed()
    assert rec.drain() == []


def test_a_clock_going_backwards_counts_nothing(clock: FakeClock) -> None:
    rec = TimeRecorder(clock)
    rec.document_opened("amal", 1)
    clock.advance(-50)
    rec.activity()
    clock.advance(5)
    rec.document_closed()
    assert rec.drain() == [DocumentTime("amal", 1, 5.0)]


def test_flush_hands_over_time_so_far_and_keeps_counting(clock: FakeClock) -> None:
    rec = TimeRecorder(clock)
    rec.document_opened("amal", 1)
    clock.advance(10)
    rec.flush_open_document()
    assert rec.drain() == [DocumentTime("amal", 1, 10.0)]
    clock.advance(5)
    rec.document_closed()
    assert rec.drain() == [DocumentTime("amal", 1, 5.0)]


def test_the_threshold_must_be_positive(clock: FakeClock) -> None:
    with pytest.raises(ValueError):
        TimeRecorder(clock, idle_threshold=0)


def test_records_carry_the_pretag_flag_and_the_span_decided(clock: FakeClock) -> None:
    rec = TimeRecorder(clock)
    rec.document_opened("amal", 1, pretagged=True)
    clock.advance(4)
    rec.span_decided(Decision.CREATED, "LOC", 17, 3, 9)
    rec.document_opened("amal", 2)  # without pre-tags: the flag goes with the document
    clock.advance(2)
    rec.span_decided(Decision.REJECTED, "PERS")
    rec.document_closed()
    assert rec.drain() == [
        SpanTime("amal", 1, "LOC", Decision.CREATED, 4.0, True, 17, 3, 9),
        DocumentTime("amal", 1, 4.0, True),
        SpanTime("amal", 2, "PERS", Decision.REJECTED, 2.0, False),
        DocumentTime("amal", 2, 2.0, False),
    ]
