"""The disagreement view: one document's text once per annotator, stacked, each with that
annotator's spans painted as in the editor; spans not made identically by every annotator shown
have their tags ringed in red. Right to left with shaped Arabic, like the editor (it is the
editor's view).

Who is shown follows blind mode (`app.team.visible_annotations`): in a blind project an
annotator sees only their own annotation; curators and managers see everyone's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QSplitter, QVBoxLayout, QWidget

from annotator.app.disagreements import compared_annotations, differing_spans
from annotator.app.project import Project
from annotator.app.team import sees_everyone
from annotator.core.model import Direction
from annotator.text.plain import detect_direction, title_of
from annotator.ui.bidi import in_interface_direction
from annotator.ui.document_list_model import status_name
from annotator.ui.editor.span_style import SpanStyle
from annotator.ui.editor.text_view import AnnotationTextView
from annotator.ui.span_index import SpanIndex
from annotator.ui.tokens import TokenBoundaries


class DifferenceTextView(AnnotationTextView):
    """A read-only annotation view whose spans in `differences` have their tags ringed in
    red (in the label band, so nothing covers the text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.differences = SpanIndex()

    def set_differences(self, differences: SpanIndex) -> None:
        self.differences = differences
        if self.painter is not None:
            self.painter.state.flagged = frozenset(s.id for s in differences)
        self.viewport().update()


class DisagreementDialog(QDialog):
    def __init__(self, project: Project, doc_id: int, viewer: str, font: QFont,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.doc_id = doc_id
        self.setObjectName("DisagreementDialog")
        text = project.document_text(doc_id)
        self.setWindowTitle(self.tr("Disagreements — %1").replace("%1", title_of(text[:80])))
        self.resize(1100, 820)
        info = project.info()
        direction = info.direction if info.direction is not Direction.AUTO else (
            detect_direction(text, default=Direction.LTR))
        self.annotations = compared_annotations(project, doc_id, viewer)
        self.differences = differing_spans(self.annotations)
        self.span_style = SpanStyle(project.labels(), font)
        tokens = TokenBoundaries(text, info.language)
        layout = QVBoxLayout(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        if not sees_everyone(project, viewer):
            self.notice.setText(self.tr(
                "Blind project: only your own annotation is shown; colleagues' spans are hidden."))
        elif len(self.annotations) < 2:
            self.notice.setText(self.tr("Fewer than two annotators finished this document."))
        else:
            self.notice.setText(self.tr("Ringed in red: spans not shared by every annotator shown."))
        layout.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.views: dict[str, DifferenceTextView] = {}
        self.headers: dict[str, QLabel] = {}
        for annotation in self.annotations:
            name = annotation.annotator
            panel = QWidget(split)
            column = QVBoxLayout(panel)
            column.setContentsMargins(0, 4, 0, 0)
            column.setSpacing(2)
            differing = self.differences[name]
            header = QLabel(in_interface_direction(self.tr("%1 — %2 spans, %3 not shared by all (%4)")).replace(
                "%1", name).replace("%2", str(len(annotation.accepted()))).replace(
                "%3", str(len(differing))).replace("%4", status_name(annotation.status)), panel)
            header.setStyleSheet("font-weight: bold")
            view = DifferenceTextView(panel)
            view.setFont(font)
            view.document().setDefaultFont(font)
            view.set_content(text, direction is Direction.RTL,
                             SpanIndex(annotation.accepted()), self.span_style, tokens)
            view.set_differences(SpanIndex(differing))
            column.addWidget(header)
            column.addWidget(view, 1)
            split.addWidget(panel)
            self.views[name] = view
            self.headers[name] = header
        layout.addWidget(split, 1)
        for view in self.views.values():
            view.verticalScrollBar().valueChanged.connect(self._sync_scroll)

    def _sync_scroll(self, value: int) -> None:
        """Scroll every view together (same text: the same lines, give or take a tag gap)."""
        for view in self.views.values():
            bar = view.verticalScrollBar()
            if bar.value() != value:
                bar.blockSignals(True)
                bar.setValue(value)
                bar.blockSignals(False)
                view.viewport().update()
