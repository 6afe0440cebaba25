"""Colour arithmetic for readable text: WCAG 2 relative luminance and contrast ratio, and the
two adjustments the span colours use (a background moved towards the page until the text on
it reads, a text colour moved towards the palette's text until it reads on its background).

WCAG 2.x asks 4.5:1 for body text (success criterion 1.4.3); every span fill, label button and
tag is held to it in the light and the dark appearance (tests/ui/test_appearance.py).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

MIN_CONTRAST = 4.5
BLACK, WHITE = QColor("#000000"), QColor("#FFFFFF")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    return (0.2126 * _channel(color.red()) + 0.7152 * _channel(color.green())
            + 0.0722 * _channel(color.blue()))


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def mix(color: QColor, under: QColor, alpha: float) -> QColor:
    """COLOR laid over UNDER at ALPHA, as an opaque colour (text on it stays crisp)."""
    return QColor(round(under.red() + (color.red() - under.red()) * alpha),
                  round(under.green() + (color.green() - under.green()) * alpha),
                  round(under.blue() + (color.blue() - under.blue()) * alpha))


def readable_on(color: QColor) -> QColor:
    """Black or white, whichever reads better on COLOR (one of them always reaches 4.5:1)."""
    return BLACK if contrast(BLACK, color) >= contrast(WHITE, color) else WHITE


def background_for(fill: QColor, text: QColor, page: QColor,
                   minimum: float = MIN_CONTRAST) -> QColor:
    """FILL, or the nearest mix of it towards PAGE under which TEXT reaches MINIMUM (PAGE
    itself is the last resort: the palette's text reads on its own page)."""
    for step in range(21):
        candidate = mix(page, fill, step / 20)
        if contrast(candidate, text) >= minimum:
            return candidate
    return QColor(page)


def text_for(color: QColor, background: QColor, text: QColor,
             minimum: float = MIN_CONTRAST) -> QColor:
    """COLOR, or the nearest mix of it towards TEXT (the palette's) that reaches MINIMUM on
    BACKGROUND."""
    for step in range(21):
        candidate = mix(text, color, step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return QColor(text)
