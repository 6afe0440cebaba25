"""The Spans panel's filters: by label, by state and by the span's text, and the bar that sets
them.

The text filter matches a substring of the span's text, both normalised for matching only
(`text.arabic.normalise_for_matching`: alef forms, tatweel, harakat; other scripts casefolded);
the stored text is never changed. The normalised text of each span is kept by extent, so a
filter change over 40,000 spans normalises only what it has not seen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from annotator.core.model import LabelSpec, SpanState, StoredSpan
from annotator.text.arabic import normalise_for_matching

FILTER_DELAY_MS = 200  # typing in the text filter waits for a pause


@dataclass(frozen=True)
class SpanFilter:
    """Which spans the panel lists: None (and "") for any."""

    label: str | None = None
    state: SpanState | None = None
    words: str = ""  # already normalised for matching

    @staticmethod
    def of(label: str | None, state: str | None, typed: str) -> SpanFilter:
        return SpanFilter(label, SpanState(state) if state else None,
                          normalise_for_matching(typed.strip()))

    @property
    def everything(self) -> bool:
        return self.label is None and self.state is None and not self.words


class SpanMatcher:
    """Applies a SpanFilter to spans of one text, keeping each extent's normalised text."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.filter = SpanFilter()
        self._folded: dict[tuple[int, int], str] = {}

    def set_text(self, text: str) -> None:
        self.text = text
        self._folded.clear()

    def folded(self, span: StoredSpan) -> str:
        extent = (span.start, span.end)
        found = self._folded.get(extent)
        if found is None:
            found = self._folded[extent] = normalise_for_matching(self.text[span.start:span.end])
        return found

    def accepts(self, span: StoredSpan) -> bool:
        wanted = self.filter
        return ((wanted.label is None or span.label == wanted.label)
                and (wanted.state is None or span.state is wanted.state)
                and (not wanted.words or wanted.words in self.folded(span)))

    def shown(self, spans: list[StoredSpan]) -> list[StoredSpan]:
        """The spans of SPANS the filter lets through, in their order."""
        wanted = self.filter
        if wanted.everything:
            return list(spans)
        found = spans
        if wanted.label is not None:
            found = [s for s in found if s.label == wanted.label]
        if wanted.state is not None:
            found = [s for s in found if s.state is wanted.state]
        if wanted.words:
            words, folded = wanted.words, self.folded
            found = [s for s in found if words in folded(s)]
        return found


class SpanFilterBar(QWidget):
    """Label and state boxes and a text box above the span list."""

    changed = Signal(object)  # SpanFilter

    def __init__(self, labels: list[LabelSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QComboBox(self)
        self.label.setObjectName("span_filter_label")
        self.label.setToolTip(self.tr("Show the spans of one label"))
        self.state = QComboBox(self)
        self.state.setObjectName("span_filter_state")
        self.state.setToolTip(self.tr("Show accepted spans, suggestions, or both"))
        for text, value in ((self.tr("Accepted and suggested"), None),
                            (self.tr("Accepted"), str(SpanState.ACCEPTED)),
                            (self.tr("Suggested"), str(SpanState.SUGGESTED))):
            self.state.addItem(text, value)
        self.words = QLineEdit(self)
        self.words.setObjectName("span_filter_text")
        self.words.setPlaceholderText(self.tr("Filter by text"))
        self.words.setClearButtonEnabled(True)
        self._typed = QTimer(self)
        self._typed.setSingleShot(True)
        self._typed.setInterval(FILTER_DELAY_MS)
        self._typed.timeout.connect(self.apply)
        for box in (self.label, self.state):  # a narrow dock: the boxes give way, not the text
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(4)
        self.set_labels(labels)
        boxes = QHBoxLayout()
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self.label, 1)
        boxes.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(boxes)
        layout.addWidget(self.words)
        self.label.currentIndexChanged.connect(lambda _i: self.apply())
        self.state.currentIndexChanged.connect(lambda _i: self.apply())
        self.words.textChanged.connect(lambda _t: self._typed.start())
        self.words.returnPressed.connect(self.apply)

    def set_labels(self, labels: list[LabelSpec]) -> None:
        """The label box lists LABELS (after "All labels"), keeping the label chosen if it is
        still there."""
        chosen = self.label.currentData()
        held = self.label.blockSignals(True)
        self.label.clear()
        self.label.addItem(self.tr("All labels"), None)
        for spec in labels:
            self.label.addItem(spec.name, spec.name)
        at = self.label.findData(chosen) if chosen is not None else 0
        self.label.setCurrentIndex(max(at, 0))
        self.label.blockSignals(held)
        if chosen is not None and at < 0:
            self.apply()  # the label chosen is gone: every label again

    def current(self) -> SpanFilter:
        return SpanFilter.of(self.label.currentData(), self.state.currentData(), self.words.text())

    def apply(self) -> None:
        """Filter now by the boxes and the text typed (typing waits for a pause)."""
        self._typed.stop()
        self.changed.emit(self.current())
