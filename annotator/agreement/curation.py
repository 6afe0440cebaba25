"""Bulk curation: which documents go into the gold set as their annotators agreed, and why not.

Pure domain code (no Qt, no SQL). For one document up for adjudication, given its agreement
value on the measure the curator chose, the threshold, the spans each annotator made and the
gold set as it stands, `decide` says whether the document is ACCEPTED (its gold set becomes
the agreed spans and is marked done) or LEFT for review, with the reason.

AGREED spans (same start, end and label) by rule:

* unanimous: made by every annotator who finished the document (what pre-merge uses);
* majority: made by more than half of them (with two annotators: both, as unanimous).

A document is accepted when its value is at or above the threshold, its gold set is not done,
holds no span outside the agreed ones (nothing of a curator's own is overwritten or dropped)
and the agreed spans can all go in (unless the project allows overlapping spans, agreed spans
that overlap one another leave the document for review).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from annotator.agreement.report import DocumentAgreement
from annotator.core.model import Span


class CurationMeasure(StrEnum):
    """The per-document agreement measures bulk curation can threshold on."""

    SPAN_F1 = "span_f1"  # exact span F1, mean over annotator pairs
    SPAN_F1_LENIENT = "span_f1_lenient"  # overlapping spans of the same label match
    ALPHA = "alpha"  # Krippendorff's alpha (nominal) on the document's tokens
    ALPHA_U = "alpha_u"  # unitizing alpha on the document's characters
    OBSERVED = "observed_agreement"  # share of tokens coded alike, mean over pairs


class AgreedRule(StrEnum):
    UNANIMOUS = "unanimous"
    MAJORITY = "majority"


class LeftReason(StrEnum):
    BELOW_THRESHOLD = "below_threshold"
    NO_VALUE = "no_value"  # the measure is undefined on the document (e.g. no spans at all)
    GOLD_DONE = "gold_done"  # already adjudicated: left as it is
    CURATOR_SPANS = "curator_spans"  # the gold set has spans outside the agreed ones
    AGREED_OVERLAP = "agreed_overlap"  # agreed spans overlap; the project refuses overlaps


# the values each measure can take (a threshold outside them is refused)
MEASURE_RANGE: Mapping[CurationMeasure, tuple[float, float]] = {
    CurationMeasure.SPAN_F1: (0.0, 1.0), CurationMeasure.SPAN_F1_LENIENT: (0.0, 1.0),
    CurationMeasure.ALPHA: (-1.0, 1.0), CurationMeasure.ALPHA_U: (-1.0, 1.0),
    CurationMeasure.OBSERVED: (0.0, 1.0)}


def measure_value(document: DocumentAgreement, measure: CurationMeasure) -> float | None:
    """DOCUMENT's value on MEASURE (None where undefined)."""
    return {CurationMeasure.SPAN_F1: document.exact_f1,
            CurationMeasure.SPAN_F1_LENIENT: document.lenient_f1,
            CurationMeasure.ALPHA: document.krippendorff_alpha,
            CurationMeasure.ALPHA_U: document.alpha_u,
            CurationMeasure.OBSERVED: document.observed_agreement}[measure]


def agreed_spans(annotations: Mapping[str, Sequence[Span]], rule: AgreedRule) -> tuple[Span, ...]:
    """The spans (sorted) the annotators of one document agree on, by RULE."""
    if not annotations:
        return ()
    counts = Counter(span for spans in annotations.values() for span in set(spans))
    needed = len(annotations) if rule is AgreedRule.UNANIMOUS else len(annotations) // 2 + 1
    return tuple(sorted(span for span, count in counts.items() if count >= needed))


def overlapping(spans: Sequence[Span]) -> bool:
    """Whether any two of SPANS (sorted by start) overlap."""
    reach = -1
    for span in spans:
        if span.start < reach:
            return True
        reach = max(reach, span.end)
    return False


@dataclass(frozen=True)
class Decision:
    accepted: bool
    reason: LeftReason | None  # why the document is left (None when accepted)
    add: tuple[Span, ...] = ()  # the agreed spans the gold set lacks (when accepted)


def decide(value: float | None, threshold: float, agreed: Sequence[Span],
           gold: Sequence[Span], gold_done: bool, allow_overlap: bool) -> Decision:
    """Accept one document into the gold set, or leave it for review with the reason."""
    if gold_done:
        return Decision(False, LeftReason.GOLD_DONE)
    if value is None:
        return Decision(False, LeftReason.NO_VALUE)
    if value < threshold:
        return Decision(False, LeftReason.BELOW_THRESHOLD)
    wanted = set(agreed)
    if any(span not in wanted for span in gold):
        return Decision(False, LeftReason.CURATOR_SPANS)
    if not allow_overlap and overlapping(sorted(wanted)):
        return Decision(False, LeftReason.AGREED_OVERLAP)
    present = set(gold)
    return Decision(True, None, tuple(sorted(wanted - present)))
