"""Text in the report's SVG charts: estimated widths, explicit direction and anchors, truncation.

A chart cannot ask the browser how wide a name will be, so the layout estimates it from the
characters (per-class advance widths, on the wide side of common sans-serif fonts at the
font size; `tools/make_report_screenshots.py --check` compares them with Chromium's own
measurements). Every `<text>` says its `direction` (that of its first strong character, so
Arabic runs right to left whatever the page's direction) and the `text-anchor` that puts it
where the layout wants it physically: `align` is "left", "right" or "center" on the page,
never start/end, which flip with the direction (the old charts inherited dir="rtl" from the
Arabic page and their names slid under the bars). A name wider than its room is cut with
"…" and keeps its full text as a tooltip (`<title>`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

ELLIPSIS = "…"
ASCENT, DESCENT = 0.8, 0.3  # of the font size, above and below the baseline (Arabic descends)
_NARROW = set(" .,:;'!|()[]{}ijlIft/-")
_WIDE = set("mwMW@%")
_ARABIC_WIDE = set("سشصض")  # their teeth and bowls make these the widest letters
_ARABIC_NARROW = set("اأإآءلدذرزوؤة،")
_RTL_CLASSES = {"R", "AL"}
_LTR_CLASSES = {"L"}


def char_width(ch: str) -> float:
    """Advance of CH in em, on the wide side."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if ch in _NARROW:
        return 0.42
    if ch in _WIDE:
        return 1.0
    if ch.isdigit() and ch.isascii():
        return 0.66
    if ch.isascii():
        return 0.8 if ch.isupper() else 0.66
    if ch in _ARABIC_WIDE:
        return 1.0
    if ch in _ARABIC_NARROW:
        return 0.45
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
        return 0.68
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.8


def text_width(text: str, size: float) -> float:
    """Estimated width of TEXT in px at font SIZE px."""
    return sum(char_width(ch) for ch in text) * size


def direction_of(text: str, default: str = "ltr") -> str:
    """"rtl" or "ltr": the direction of TEXT's first strong character (DEFAULT if none), as
    the browser's dir="auto" decides it."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL_CLASSES:
            return "rtl"
        if kind in _LTR_CLASSES:
            return "ltr"
    return default


def anchor_for(align: str, direction: str) -> str:
    """The text-anchor that puts a DIRECTION text's ALIGN side (left/right/center) at x."""
    if align == "center":
        return "middle"
    if align not in ("left", "right"):
        raise ValueError(align)
    return "start" if (align == "left") == (direction == "ltr") else "end"


def fit(text: str, size: float, room: float | None) -> str:
    """TEXT, or as much of it as fits ROOM px followed by "…" (at least one character)."""
    if room is None or text_width(text, size) <= room:
        return text
    cut = len(text)
    while cut > 1 and text_width(text[:cut].rstrip() + ELLIPSIS, size) > room:
        cut -= 1
    return text[:cut].rstrip() + ELLIPSIS


@dataclass(frozen=True)
class Placed:
    """A text as laid out: its markup and its horizontal extent (before any rotation)."""

    markup: str
    left: float
    right: float


def svg_text(x: float, y: float, text: str, *, align: str, size: float = 12,
             room: float | None = None, role: str = "", fill: str = "",
             rotate: float = 0.0, direction: str = "") -> Placed:
    """A `<text>` whose ALIGN side is at X (baseline Y), cut to ROOM px with a tooltip, with
    explicit text-anchor and DIRECTION (default: that of its first strong character, right
    for corpus text; the report's own words pass the page's); ROLE becomes its class
    ("name", "value", ...)."""
    shown = fit(text, size, room)
    direction = direction or direction_of(shown)
    width = text_width(shown, size)
    left = x - width if align == "right" else x - width / 2 if align == "center" else x
    attrs = [f'x="{x:.1f}"', f'y="{y:.1f}"', f'font-size="{size:g}"',
             f'direction="{direction}"', f'text-anchor="{anchor_for(align, direction)}"',
             'unicode-bidi="embed"']
    if role:
        attrs.append(f'class="{role}"')
    if fill:
        attrs.append(f'fill="{fill}"')
    if rotate:
        attrs.append(f'transform="rotate({rotate:g} {x:.1f} {y:.1f})"')
    markup = f"<text {' '.join(attrs)}>{escape(shown)}</text>"
    if shown != text:
        markup = f"<g><title>{escape(text)}</title>{markup}</g>"
    return Placed(markup, left, left + width)
