"""The HTML report's two charts as inline SVG, laid out for the page's direction.

Right to left (the Arabic page) the charts are mirrored, not merely flipped text: the
heatmap's row names stand on the right of the grid and its first annotator's column is the
rightmost, column names rise to the upper left; the per-label chart has its label column on
the right, its bars grow leftwards from an axis on their right, values sit at the bars' left
ends, the legend and the axis ticks run from the right. Every position comes from estimated
text widths (`svg_text`): margins grow with the longest name (up to NAME_ROOM px, beyond
which a name is cut with "…" and keeps a tooltip), so nothing is clipped by the SVG's box or
drawn over a cell, a bar or another text. Every element carries a class the tests look at:
"name" (annotator or label), "value", "legend", "tick".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from annotator.agreement.presentation import fmt
from annotator.agreement.svg_text import svg_text, text_width

NAME_SIZE, VALUE_SIZE, PAD = 12, 10, 8
NAME_ROOM = 300.0  # px: a longer name is cut with "…" and a tooltip
_SIN45 = math.sin(math.pi / 4)


def _colour(value: float | None) -> str:
    """White (0 or less) to deep blue (1); grey for no value."""
    if value is None:
        return "#dddddd"
    v = max(0.0, min(1.0, value))
    r, g, b = (round(255 + (c - 255) * v) for c in (0x08, 0x45, 0x94))
    return f"#{r:02x}{g:02x}{b:02x}"


def _open(kind: str, width: float, height: float, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{kind}" width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img">'
            f"<title>{escape(title)}</title>")


def _name_width(name: str) -> float:
    return min(text_width(name, NAME_SIZE), NAME_ROOM)


def heatmap_svg(names: Sequence[str], grid: Sequence[Sequence[float | None]], caption: str,
                *, rtl: bool = False) -> str:
    """A square heatmap of an annotator x annotator matrix, values written in the cells;
    RTL mirrors it (first annotator at the top right)."""
    cell, n = 46, len(names)
    widths = [_name_width(name) for name in names]
    rows_room = max(widths, default=0.0)
    rise = [w * _SIN45 + NAME_SIZE for w in widths]  # a rotated name's height and run
    top = PAD + max(rise, default=0.0)
    columns = [n - 1 - i if rtl else i for i in range(n)]  # grid column of annotator i
    if rtl:  # names rise to the upper left from their column: room on the left for them
        gx = PAD + max([rise[i] - cell * columns[i] - cell / 2 for i in range(n)] + [0.0])
        width = gx + cell * n + 6 + rows_room + PAD
    else:
        gx = PAD + rows_room + 6
        width = max([gx + cell * n] + [gx + cell * c + cell / 2 + rise[i]
                                       for i, c in enumerate(columns)]) + PAD
    height = top + cell * n + PAD
    parts = [_open("heatmap", width, height, caption)]
    for i, name in enumerate(names):
        y = top + cell * i + cell / 2 + NAME_SIZE * 0.35
        row_x = gx + cell * n + 6 if rtl else gx - 6
        parts.append(svg_text(row_x, y, name, align="left" if rtl else "right",
                              room=NAME_ROOM, role="name").markup)
        cx = gx + cell * columns[i] + cell / 2
        parts.append(svg_text(cx, top - 6, name, align="right" if rtl else "left",
                              room=NAME_ROOM, role="name", rotate=45 if rtl else -45).markup)
        for j, value in enumerate(grid[i]):
            x, y0 = gx + cell * columns[j], top + cell * i
            parts.append(f'<rect x="{x:.1f}" y="{y0:.1f}" width="{cell}" height="{cell}" '
                         f'fill="{_colour(value)}" stroke="#fff"/>')
            if i != j:
                ink = "#fff" if value is not None and value > 0.6 else "#222"
                parts.append(svg_text(x + cell / 2, y0 + cell / 2 + 4, fmt(value, 2),
                                      align="center", size=11, role="value", fill=ink,
                                      direction="ltr").markup)
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Series:
    """One measure of the per-label chart: its legend name, colour and a value per label."""

    name: str
    colour: str
    values: Sequence[float | None]


def label_bars_svg(labels: Sequence[str], series: Sequence[Series], title: str, *,
                   rtl: bool = False) -> str:
    """Grouped horizontal bars per label (values 0..1, less drawn as 0), a legend above and
    an axis with ticks below. RTL: label column on the right, bars growing leftwards."""
    pitch, bar, gap, scale, value_room = 14, 10, 12, 320, 44
    rows_room = max([_name_width(label) for label in labels], default=0.0)
    width = PAD + rows_room + 8 + scale + 4 + value_room + PAD
    axis = PAD + value_room + 4 + scale if rtl else PAD + rows_room + 8
    toward = -1 if rtl else 1  # the direction bars grow in
    parts: list[str] = []
    # legend: swatch then name in reading order, wrapping to a new line when the row is full
    line, cursor, legend_y = 0, 0.0, PAD + 10
    for s in series:
        item = 10 + 4 + text_width(s.name, NAME_SIZE) + 16
        if cursor and cursor + item > width - 2 * PAD:
            line, cursor = line + 1, 0.0
        y = legend_y + 18 * line
        edge = width - PAD - cursor if rtl else PAD + cursor
        swatch = edge - 10 if rtl else edge
        parts.append(f'<rect class="legend" x="{swatch:.1f}" y="{y - 9:.1f}" width="10" '
                     f'height="10" fill="{s.colour}"/>')
        parts.append(svg_text(edge + 14 * toward, y, s.name, align="right" if rtl else "left",
                              role="legend", direction="rtl" if rtl else "ltr").markup)
        cursor += item
    top = legend_y + 18 * line + 14
    group = pitch * len(series) + gap
    bottom = top + group * len(labels)
    for i, label in enumerate(labels):
        y0 = top + group * i
        name_x = axis + 8 if rtl else axis - 8
        parts.append(svg_text(name_x, y0 + pitch * len(series) / 2 + NAME_SIZE * 0.35, label,
                              align="left" if rtl else "right", room=NAME_ROOM,
                              role="name").markup)
        for k, s in enumerate(series):
            value = s.values[i]
            length = scale * max(0.0, min(1.0, value or 0.0))
            y = y0 + pitch * k
            x = axis - length if rtl else axis
            parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{length:.1f}" '
                         f'height="{bar}" fill="{s.colour}"/>')
            parts.append(svg_text(axis + (length + 4) * toward, y + bar - 1, fmt(value),
                                  align="right" if rtl else "left", size=VALUE_SIZE,
                                  role="value", fill="#222", direction="ltr").markup)
    parts.append(f'<line x1="{axis:.1f}" y1="{top - 4:.1f}" x2="{axis:.1f}" y2="{bottom:.1f}" '
                 f'stroke="#555"/>')
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = axis + scale * tick * toward
        parts.append(f'<line x1="{x:.1f}" y1="{bottom:.1f}" x2="{x:.1f}" y2="{bottom + 4:.1f}" '
                     f'stroke="#555"/>')
        parts.append(svg_text(x, bottom + 6 + VALUE_SIZE, f"{tick:g}", align="center",
                              size=VALUE_SIZE, role="tick", direction="ltr").markup)
    height = bottom + 10 + VALUE_SIZE + PAD
    return _open("bars", width, height, title) + "".join(parts) + "</svg>"
