"""Placeholder, replaced in the next commit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog


class AgreementDialog(QDialog):
    document_chosen = Signal(int)
    disagreements_requested = Signal(int)

    def __init__(self, *args: Any) -> None:
        super().__init__(args[-1])
