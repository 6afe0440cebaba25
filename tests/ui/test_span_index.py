"""The span index answers like a scan of all spans would, after any sequence of changes."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import SpanState, StoredSpan
from annotator.core.operations import Change, DeleteSpan
from annotator.ui.span_index import SpanIndex

TEXT_LENGTH = 60


def span_strategy(span_id: int) -> st.SearchStrategy[StoredSpan]:
    return st.tuples(st.integers(0, TEXT_LENGTH - 1), st.integers(1, 8),
                     st.sampled_from(list(SpanState))).map(
        lambda t: StoredSpan(span_id, 1, t[0], min(TEXT_LENGTH, t[0] + t[1]), "LOC", t[2]))


@st.composite
def spans_and_changes(draw):  # type: ignore[no-untyped-def]
    spans = [draw(span_strategy(i)) for i in range(draw(st.integers(0, 12)))]
    live = {s.id: s for s in spans}
    changes = []
    next_id = len(spans)
    for _ in range(draw(st.integers(0, 8))):
        change = Change(DeleteSpan(0), DeleteSpan(0))
        kind = draw(st.sampled_from(["add", "remove", "update"]))
        if kind == "add" or not live:
            added = draw(span_strategy(next_id))
            next_id += 1
            change.added.append(added)
            live[added.id] = added
        elif kind == "remove":
            gone = live.pop(draw(st.sampled_from(sorted(live))))
            change.removed.append(gone)
        else:
            before = live[draw(st.sampled_from(sorted(live)))]
            after = replace(before, start=max(0, before.start - 1),
                            state=draw(st.sampled_from(list(SpanState))))
            change.updated.append((before, after))
            live[after.id] = after
        changes.append(change)
    return spans, changes, list(live.values())


@settings(max_examples=150, deadline=None)
@given(spans_and_changes(), st.integers(0, TEXT_LENGTH), st.integers(0, 10))
def test_queries_match_a_scan_after_changes(case, start, width):  # type: ignore[no-untyped-def]
    spans, changes, live = case
    index = SpanIndex(spans)
    for change in changes:
        index.apply(change)
    ordered = sorted(live, key=lambda s: (s.start, s.end, s.id))
    assert list(index) == ordered
    end = start + width
    assert index.overlapping(start, end) == [s for s in ordered if s.start < end and s.end > start]
    assert index.suggestion_count == sum(s.state is SpanState.SUGGESTED for s in ordered)
    assert index.after(start) == next((s for s in ordered if s.start > start), None)
    assert index.before(start) == next((s for s in reversed(ordered) if s.start < start), None)
    for span in ordered:
        assert index.get(span.id) == span
