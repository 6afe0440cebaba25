"""The text font: the user's choice, else the best Arabic-capable font installed.

Qt shapes Arabic itself (HarfBuzz); it only needs a font with Arabic glyphs. Debian's
fonts-noto-core gives Noto Naskh Arabic (preferred: a book face made for running text);
fonts-dejavu-core, present nearly everywhere, gives DejaVu Sans, which also has Arabic.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_FAMILIES = ("Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New",
                      "DejaVu Sans")


def default_family() -> str:
    installed = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    return QFont().family()


def text_font(family: str, size: float) -> QFont:
    font = QFont(family or default_family())
    font.setPointSizeF(size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
