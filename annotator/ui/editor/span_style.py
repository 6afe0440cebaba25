"""How spans look: fill colours, the label tag font, and where a tag sits in the text.

A span's label tag is drawn inline, displaCy-style, in a gap made after the span: the first
whitespace after it (at most a few punctuation marks away) is widened with word spacing. Only a
space is widened, never a letter, so Arabic joining is untouched and offsets never change.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCharFormat

from annotator.core.model import DEFAULT_COLORS, LabelSpec

MAX_PUNCTUATION_BEFORE_GAP = 3
TAG_PADDING = 3.0
TAG_MARGIN = 3.0
SEARCH_COLOR = QColor("#FFF59D")
CURRENT_SEARCH_COLOR = QColor("#FFB300")


def tag_gap_position(text: str, span_end: int, block_end: int) -> int | None:
    """Where the tag of a span ending at SPAN_END goes: a whitespace offset, or None."""
    limit = min(block_end, span_end + MAX_PUNCTUATION_BEFORE_GAP + 1)
    for position in range(span_end, limit):
        ch = text[position]
        if ch.isspace():
            return position if ch != "\n" and ch != "\u2029" else None
        if ch.isalnum():
            return None
    return None


def _blend(color: QColor, alpha: float) -> QColor:
    """COLOR laid over white at ALPHA, as an opaque colour (text on it stays crisp)."""
    return QColor(
        round(255 - (255 - color.red()) * alpha),
        round(255 - (255 - color.green()) * alpha),
        round(255 - (255 - color.blue()) * alpha),
    )


def readable_on(color: QColor) -> QColor:
    luminance = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return QColor("#000000") if luminance > 150 else QColor("#FFFFFF")


class SpanStyle:
    """Colours and tag geometry for the project's labels at the current text font."""

    def __init__(self, labels: list[LabelSpec], text_font: QFont) -> None:
        self.labels = {spec.name: spec for spec in labels}
        self.colors: dict[str, QColor] = {}
        for i, spec in enumerate(labels):
            self.colors[spec.name] = QColor(spec.color or DEFAULT_COLORS[i % len(DEFAULT_COLORS)])
        self.set_font(text_font)

    def set_font(self, text_font: QFont) -> None:
        self.tag_font = QFont(text_font)
        self.tag_font.setPointSizeF(max(6.0, text_font.pointSizeF() * 0.62))
        self.tag_font.setBold(True)
        self.tag_metrics = QFontMetricsF(self.tag_font)
        self._fills: dict[str, QTextCharFormat] = {}
        self._gaps: dict[str, QTextCharFormat] = {}

    def color(self, label: str) -> QColor:
        return self.colors.get(label, QColor("#999999"))

    def tag_width(self, label: str) -> float:
        return self.tag_metrics.horizontalAdvance(label) + 2 * TAG_PADDING

    def fill_format(self, label: str) -> QTextCharFormat:
        """Background of an accepted span."""
        fmt = self._fills.get(label)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(_blend(self.color(label), 0.45))
            self._fills[label] = fmt
        return fmt

    def gap_format(self, label: str) -> QTextCharFormat:
        """Word spacing that widens the whitespace after a span to hold its tag."""
        fmt = self._gaps.get(label)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setFontWordSpacing(self.tag_width(label) + 2 * TAG_MARGIN)
            self._gaps[label] = fmt
        return fmt

    @staticmethod
    def search_format(current: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(CURRENT_SEARCH_COLOR if current else SEARCH_COLOR)
        return fmt
