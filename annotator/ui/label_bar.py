"""The label bar: one button per label, in the label's colour, with its hotkey; the buttons
wrap onto more rows when the window is narrow, so no label set widens the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from annotator.core.model import LabelSpec
from annotator.ui.editor.span_style import SpanStyle, readable_on
from annotator.ui.flow_layout import FlowLayout


class LabelBar(QWidget):
    label_clicked = Signal(str)
    edit_requested = Signal()  # right-click › Edit labels…

    def __init__(self, labels: list[LabelSpec], style: SpanStyle,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span_style = style
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(6, 4, 6, 4)
        self.flow.addWidget(QLabel(self.tr("Labels:"), self))
        self.buttons: dict[str, QPushButton] = {}
        self.edit_action = QAction(self.tr("Edit labels…"), self)
        self.edit_action.triggered.connect(self.edit_requested)
        self.addAction(self.edit_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.set_labels(labels)

    def set_labels(self, labels: list[LabelSpec]) -> None:
        """One button per label of LABELS, in order (the label set changed)."""
        for button in self.buttons.values():
            self.flow.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for spec in labels:
            color = self.span_style.color(spec.name)
            text = f"{spec.name}  [{spec.hotkey}]" if spec.hotkey else spec.name
            button = QPushButton(text, self)
            button.setToolTip(spec.description or spec.name)
            button.setStyleSheet(
                f"QPushButton {{ background: {color.name()}; color: {readable_on(color).name()};"
                " border-radius: 4px; padding: 3px 10px; font-weight: bold; }")
            button.setFocusPolicy(button.focusPolicy().NoFocus)
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # the bar's menu
            button.clicked.connect(lambda _c=False, name=spec.name: self.label_clicked.emit(name))
            self.flow.addWidget(button)
            button.show()
            self.buttons[spec.name] = button
        self.flow.invalidate()
        self.updateGeometry()
