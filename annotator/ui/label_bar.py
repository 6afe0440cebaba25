"""The label bar: one button per label, in the label's colour, with its hotkey; the buttons
wrap onto more rows when the window is narrow, so no label set widens the window."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from annotator.core.model import LabelSpec
from annotator.ui.editor.span_style import SpanStyle, readable_on
from annotator.ui.flow_layout import FlowLayout


class LabelBar(QWidget):
    label_clicked = Signal(str)

    def __init__(self, labels: list[LabelSpec], style: SpanStyle,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(QLabel(self.tr("Labels:"), self))
        self.buttons: dict[str, QPushButton] = {}
        for spec in labels:
            color = style.color(spec.name)
            text = f"{spec.name}  [{spec.hotkey}]" if spec.hotkey else spec.name
            button = QPushButton(text, self)
            button.setToolTip(spec.description or spec.name)
            button.setStyleSheet(
                f"QPushButton {{ background: {color.name()}; color: {readable_on(color).name()};"
                " border-radius: 4px; padding: 3px 10px; font-weight: bold; }")
            button.setFocusPolicy(button.focusPolicy().NoFocus)
            button.clicked.connect(lambda _c=False, name=spec.name: self.label_clicked.emit(name))
            layout.addWidget(button)
            self.buttons[spec.name] = button
