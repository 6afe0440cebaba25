"""Text that reads the right way round in either interface direction.

`isolated` keeps a left-to-right piece (keys, a colour code, a negative figure) whole inside a
right-to-left line; `in_interface_direction` starts a line made at run time (an annotator's
name first) with a mark of the interface's direction, since a label takes its paragraph's
direction, and its side, from the first strong letter: "amal · أُنجز 0 من 2" ran left to right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate, pop directional isolate
RLM, LRM = "\u200f", "\u200e"


def isolated(text: str) -> str:
    """TEXT ("Ctrl++", "#E69F00", "-0.785") kept left to right inside any paragraph."""
    return text if text.startswith(LRI) else f"{LRI}{text}{PDI}"


def in_interface_direction(text: str) -> str:
    """TEXT as a paragraph of the interface's direction, whatever letter it starts with."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return (RLM if rtl else LRM) + text
