"""Plain value types of the domain, shared by the store, formats, nlp, agreement and ui.

Offsets are always Unicode code points into the document text exactly as stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """Where one annotator stands with one document."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"

    @classmethod
    def parse(cls, value: str) -> Status:
        return cls(value.strip().lower().replace("-", "_").replace(" ", "_"))


class SpanState(StrEnum):
    SUGGESTED = "suggested"  # from a pre-tagger, not yet confirmed
    ACCEPTED = "accepted"  # made or confirmed by a person (or imported as finished work)


class Direction(StrEnum):
    RTL = "rtl"
    LTR = "ltr"
    AUTO = "auto"


class OverlapPolicy(StrEnum):
    REFUSE = "refuse"  # a new span that overlaps another is refused (spaCy NER default)
    REPLACE = "replace"  # a new span replaces the spans it overlaps
    ALLOW = "allow"  # overlapping spans are kept (span categorisation corpora)


class Role(StrEnum):
    ANNOTATOR = "annotator"
    CURATOR = "curator"
    MANAGER = "manager"


ORIGIN_MANUAL = "manual"
ORIGIN_IMPORTED = "imported"
ORIGIN_ADJUDICATED = "adjudicated"
GOLD_ANNOTATOR = "gold"  # the adjudicated annotation set is stored under this annotator


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """An entity mention: [start, end) in code points, with its label."""

    start: int
    end: int
    label: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class StoredSpan:
    """A span as the store holds it: identity, state and provenance besides the offsets."""

    id: int
    annotation_id: int
    start: int
    end: int
    label: str
    state: SpanState = SpanState.ACCEPTED
    origin: str = ORIGIN_MANUAL
    score: float | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.label)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class ProjectInfo:
    """The project row: what every view shows of the project itself."""

    name: str
    language: str
    direction: Direction
    guidelines: str
    overlap_policy: OverlapPolicy
    blind: bool
    settings: dict[str, object]


@dataclass(frozen=True)
class DocumentSummary:
    """One row of a document list, for one annotator."""

    id: int
    position: int
    source: str
    title: str
    length: int
    status: Status  # for the annotator asked about (NEW if none yet)
    span_count: int
    suggestion_count: int


@dataclass(frozen=True, slots=True, order=True)
class Name:
    """A gazetteer entry: a name exactly as written, and its label."""

    text: str
    label: str


@dataclass(frozen=True, slots=True)
class LabelSpec:
    name: str
    color: str = ""
    hotkey: str = ""
    description: str = ""


# A pleasant, distinguishable palette (colour-blind friendly Okabe-Ito plus extras),
# used when labels are created without a colour.
DEFAULT_COLORS = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    "#999999", "#8DD3C7", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462", "#B3DE69",
)


def default_label_specs(names: Iterable[str]) -> list[LabelSpec]:
    """Labels with distinct colours and hotkeys 1..9, 0 for the first ten."""
    specs = []
    for i, name in enumerate(names):
        hotkey = str((i + 1) % 10) if i < 10 else ""
        specs.append(LabelSpec(name, DEFAULT_COLORS[i % len(DEFAULT_COLORS)], hotkey))
    return specs


def next_label_spec(labels: Iterable[LabelSpec], name: str) -> LabelSpec:
    """A label NAME to add after LABELS: the first palette colour none has, and the first
    digit key (1..9, 0) none has (none when all are taken)."""
    labels = list(labels)
    colors = {x.color.upper() for x in labels}
    keys = {x.hotkey for x in labels}
    color = next((c for c in DEFAULT_COLORS if c.upper() not in colors),
                 DEFAULT_COLORS[len(labels) % len(DEFAULT_COLORS)])
    hotkey = next((k for k in "1234567890" if k not in keys), "")
    return LabelSpec(name, color, hotkey)


@dataclass(slots=True)
class SourceDocument:
    """A document on its way into a project: text exactly as decoded, and where it came from."""

    text: str
    source: str = ""
    meta: dict[str, object] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)  # annotations carried in from another tool
    annotator: str | None = None  # who made `spans`, when the file names them
    annotated: bool = False  # the source is an annotation: keep it even when `spans` is empty
    # further annotators' spans on the same text (doccano `user`, Label Studio `completed_by`)
    more: dict[str, list[Span]] = field(default_factory=dict)

    def annotation_sets(self, override: str | None, default: str) -> dict[str, list[Span]]:
        """Annotator name -> spans. OVERRIDE (--annotator) takes every span; DEFAULT names
        spans whose annotator the file does not say. Empty when the document carries none."""
        sets: dict[str, list[Span]] = {}
        if self.spans or self.annotated or self.annotator:
            sets[self.annotator or default] = list(self.spans)
        for name, spans in self.more.items():
            sets.setdefault(name, []).extend(spans)
        if override and sets:
            return {override: [span for spans in sets.values() for span in spans]}
        return sets
