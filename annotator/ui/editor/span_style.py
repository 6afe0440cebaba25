"""How spans look: fill colours, the label tag font and the label band's metrics.

Labels live in a band reserved above each line that holds spans (brat and INCEpTION do the
same), never in the text: one row per nesting level, the innermost span nearest the text. The
text itself carries only background fills, drawn behind the glyphs, so no label, tag or bracket
can cover a letter at any width, font size or zoom, and the text wraps exactly as plain text.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPalette, QTextCharFormat

from annotator.core.model import DEFAULT_COLORS, LabelSpec
from annotator.ui.editor.contrast import background_for, mix, readable_on, text_for

__all__ = ["SpanStyle", "blend", "readable_on"]  # readable_on: where it was first

TAG_PADDING = 3.0  # inside a tag, each side of its text
TAG_MARGIN = 3.0  # between two tags of one row
SEARCH_COLOR = QColor("#FFF59D")  # a match on a light page: pale yellow
DARK_SEARCH_COLOR = QColor("#6B5400")  # on a dark page: a dark amber
CURRENT_SEARCH_COLOR = QColor("#FFB300")
CURRENT_COLOR = QColor("#202020")
DARK_CURRENT_COLOR = QColor("#F2F2F2")
ACCEPTED_FILL = 0.40  # the colour's strength over the page, for an accepted span at depth 0
DEPTH_FILL = 0.22  # added per accepted span it sits inside
SUGGESTED_FILL = 0.16
DARK_SUGGESTED_FILL = 0.24  # a pale tint barely shows on a dark page
MAX_FILL = 0.85


def blend(color: QColor, alpha: float) -> QColor:
    """COLOR laid over white at ALPHA, as an opaque colour (text on it stays crisp)."""
    return mix(color, QColor("#FFFFFF"), alpha)


class SpanStyle:
    """Colours, tag geometry and band metrics for the project's labels at the text font."""

    def __init__(self, labels: list[LabelSpec], text_font: QFont) -> None:
        self._fills: dict[tuple[str, int, bool], QTextCharFormat] = {}
        self._widths: dict[str, float] = {}
        self.set_palette(QGuiApplication.palette())
        self.set_labels(labels)
        self.set_font(text_font)

    def set_palette(self, palette: QPalette) -> bool:
        """The text view's colours: the page (Base) the fills sit on and the text on them.
        True if they changed (the fills are computed again)."""
        page, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        if (page, text) == (getattr(self, "page", None), getattr(self, "text", None)):
            return False
        self.page, self.text = QColor(page), QColor(text)
        self.dark = page.lightness() < 128
        self.current_color = DARK_CURRENT_COLOR if self.dark else CURRENT_COLOR
        self._fills = {}
        self._search: QColor | None = None
        return True

    def set_labels(self, labels: list[LabelSpec]) -> None:
        """The label set changed (renamed, recoloured ...): new colours, fresh caches."""
        self.labels = {spec.name: spec for spec in labels}
        self.colors: dict[str, QColor] = {}
        for i, spec in enumerate(labels):
            self.colors[spec.name] = QColor(spec.color or DEFAULT_COLORS[i % len(DEFAULT_COLORS)])
        self._fills = {}
        self._widths = {}
        self._search = None

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

    def fill_color(self, label: str, depth: int, suggested: bool) -> QColor:
        """Behind a span's characters: the label's colour over the page, stronger the deeper
        it is nested, pale for a suggestion, and never so strong that the text on it reads
        below 4.5:1 (on a dark page the fills are dark shades of the label colours)."""
        if suggested:
            alpha = DARK_SUGGESTED_FILL if self.dark else SUGGESTED_FILL
        else:
            alpha = min(MAX_FILL, ACCEPTED_FILL + depth * DEPTH_FILL)
        return background_for(mix(self.color(label), self.page, alpha), self.text, self.page)

    def fill_format(self, label: str, depth: int, suggested: bool) -> QTextCharFormat:
        key = (label, depth, suggested)
        fmt = self._fills.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(self.fill_color(label, depth, suggested))
            self._fills[key] = fmt
        return fmt

    def bar_color(self, label: str) -> QColor:
        """A span's bracket in the band: the label's colour, a shade darker on a light page."""
        color = self.color(label)
        return color if self.dark else color.darker(125)

    def tag_colors(self, label: str, suggested: bool) -> tuple[QColor, QColor, QColor]:
        """A tag's fill, outline and text: an accepted span's tag is solid in the label's
        colour with black or white text; a suggestion's is hollow (the page) with a dashed
        outline and text in a shade of the colour that reads on the page."""
        color = self.color(label)
        if not suggested:
            return color, color, readable_on(color)
        shade = color.lighter(130) if self.dark else color.darker(170)
        outline = color if self.dark else color.darker(130)
        return QColor(self.page), outline, text_for(shade, self.page, self.text)

    # ------------------------------------------------------------------ search matches
    def search_highlight(self) -> QColor:
        """Behind a search match's characters (the painter draws them again on it, over any
        span fill): the scheme's highlight, or the nearest mix of it towards the page on which
        the text reads at 4.5:1."""
        if self._search is None:
            base = DARK_SEARCH_COLOR if self.dark else SEARCH_COLOR
            self._search = background_for(base, self.text, self.page)
        return self._search

    @staticmethod
    def search_format(current: bool) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(CURRENT_SEARCH_COLOR if current else SEARCH_COLOR)
        return fmt
