"""How spans look: fill colours, the label tag font and the label band's metrics.

Labels live in a band reserved above each line that holds spans (brat and INCEpTION do the
same), never in the text: one row per nesting level, the innermost span nearest the text. The
text itself carries only background fills, drawn behind the glyphs, so no label, tag or bracket
can cover a letter at any width, font size or zoom, and the text wraps exactly as plain text.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCharFormat

from annotator.core.model import DEFAULT_COLORS, LabelSpec

TAG_PADDING = 3.0  # inside a tag, each side of its text
TAG_MARGIN = 3.0  # between two tags of one row
SEARCH_COLOR = QColor("#FFF59D")
CURRENT_SEARCH_COLOR = QColor("#FFB300")
CURRENT_COLOR = QColor("#202020")
ACCEPTED_FILL = 0.40  # the colour's strength over white, for an accepted span at depth 0
DEPTH_FILL = 0.22  # added per accepted span it sits inside
SUGGESTED_FILL = 0.16
MAX_FILL = 0.85


def blend(color: QColor, alpha: float) -> QColor:
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
    """Colours, tag geometry and band metrics for the project's labels at the text font."""

    def __init__(self, labels: list[LabelSpec], text_font: QFont) -> None:
        self._fills: dict[tuple[str, int, bool], QTextCharFormat] = {}
        self._widths: dict[str, float] = {}
        self.set_labels(labels)
        self.set_font(text_font)

    def set_labels(self, labels: list[LabelSpec]) -> None:
        """The label set changed (renamed, recoloured ...): new colours, fresh caches."""
        self.labels = {spec.name: spec for spec in labels}
        self.colors: dict[str, QColor] = {}
        for i, spec in enumerate(labels):
            self.colors[spec.name] = QColor(spec.color or DEFAULT_COLORS[i % len(DEFAULT_COLORS)])
        self._fills = {}
        self._widths = {}

    def set_font(self, text_font: QFont) -> None:
        self.tag_font = QFont(text_font)
        self.tag_font.setPointSizeF(max(6.0, text_font.pointSizeF() * 0.6))
        self.tag_font.setBold(True)
        self.tag_metrics = QFontMetricsF(self.tag_font)
        text_metrics = QFontMetricsF(text_font)
        self.tag_height = self.tag_metrics.height() + 2
        self.row_height = self.tag_height + 3  # one nesting level of the band
        # between the band and the glyphs above and below it: marks may reach past the
        # font's ascent and descent, so the band keeps clear of them by a share of the line
        self.band_gap = max(3.0, round(text_metrics.height() * 0.18))
        self._fills = {}
        self._widths = {}

    def color(self, label: str) -> QColor:
        return self.colors.get(label, QColor("#999999"))

    def tag_width(self, label: str) -> float:
        width = self._widths.get(label)
        if width is None:
            width = self._widths[label] = self.tag_metrics.horizontalAdvance(label) + 2 * TAG_PADDING
        return width

    def band_height(self, rows: int) -> float:
        """The room reserved above a line whose spans need ROWS rows (0: none)."""
        return rows * self.row_height + 2 * self.band_gap if rows else 0.0

    def fill_format(self, label: str, depth: int, suggested: bool) -> QTextCharFormat:
        """Background of a span's characters: stronger the deeper it is nested, pale for a
        suggestion."""
        key = (label, depth, suggested)
        fmt = self._fills.get(key)
        if fmt is None:
            alpha = SUGGESTED_FILL if suggested else min(MAX_FILL, ACCEPTED_FILL + depth * DEPTH_FILL)
            fmt = QTextCharFormat()
            fmt.setBackground(blend(self.color(label), alpha))
            self._fills[key] = fmt
        return fmt

    @staticmethod
    def search_format(current: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(CURRENT_SEARCH_COLOR if current else SEARCH_COLOR)
        return fmt
