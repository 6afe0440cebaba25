"""The geometry of the report's SVG charts read back from the markup: each text's box from its
own attributes (x, y, font-size, text-anchor, direction, rotation) and the layout's width
estimate, each rect's box, and the overlaps between them. Used by test_html_report.py."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from annotator.agreement.svg_text import ASCENT, DESCENT, text_width

SVG = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]


@dataclass(frozen=True)
class Text:
    content: str
    role: str
    anchor: str | None
    direction: str | None
    corners: tuple[Point, ...]
    rotated: bool
    tooltip: str | None  # the <title> of its group, when cut


@dataclass(frozen=True)
class Chart:
    kind: str  # "heatmap" or "bars"
    width: float
    height: float
    texts: list[Text]
    rects: list[tuple[str, float, float, float, float]]  # class, left, top, right, bottom
    lines: list[tuple[float, float, float, float]]


def charts(page: str) -> list[Chart]:
    return [chart(m.group(0)) for m in re.finditer(r"<svg .*?</svg>", page, re.S)]


def _rotate(p: Point, angle: float, centre: Point) -> Point:
    a = math.radians(angle)
    dx, dy = p[0] - centre[0], p[1] - centre[1]
    return (centre[0] + dx * math.cos(a) - dy * math.sin(a),
            centre[1] + dx * math.sin(a) + dy * math.cos(a))


def text_box(element: ET.Element, tooltip: str | None) -> Text:
    content = element.text or ""
    x, y = float(element.get("x", 0)), float(element.get("y", 0))
    size = float(element.get("font-size", 16))
    anchor, direction = element.get("text-anchor"), element.get("direction")
    width = text_width(content, size)
    if anchor == "middle":
        left = x - width / 2
    elif (anchor, direction) in (("start", "ltr"), ("end", "rtl")):
        left = x
    else:
        left = x - width
    corners: tuple[Point, ...] = ((left, y - ASCENT * size), (left + width, y - ASCENT * size),
                                  (left + width, y + DESCENT * size), (left, y + DESCENT * size))
    rotation = re.fullmatch(r"rotate\(([-\d.]+) ([-\d.]+) ([-\d.]+)\)", element.get("transform", ""))
    if rotation:
        angle, cx, cy = (float(v) for v in rotation.groups())
        corners = tuple(_rotate(p, angle, (cx, cy)) for p in corners)
    return Text(content, element.get("class", ""), anchor, direction, corners,
                rotation is not None, tooltip)


def chart(markup: str) -> Chart:
    root = ET.fromstring(markup)
    texts, rects, lines = [], [], []
    for group in root.iter():
        for child in group:
            if child.tag == SVG + "text":
                title = group.find(SVG + "title") if group.tag == SVG + "g" else None
                texts.append(text_box(child, None if title is None else title.text))
    for r in root.iter(SVG + "rect"):
        x, y = float(r.get("x", 0)), float(r.get("y", 0))
        w, h = float(r.get("width", 0)), float(r.get("height", 0))
        if w > 0 and h > 0:
            rects.append((r.get("class", "cell"), x, y, x + w, y + h))
    for line in root.iter(SVG + "line"):
        lines.append(tuple(float(line.get(k, 0)) for k in ("x1", "y1", "x2", "y2")))
    return Chart(root.get("class", ""), float(root.get("width", 0)), float(root.get("height", 0)),
                 texts, rects, lines)  # type: ignore[arg-type]


def _rect_corners(r: tuple[str, float, float, float, float]) -> tuple[Point, ...]:
    _, x0, y0, x1, y1 = r
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def overlap(a: tuple[Point, ...], b: tuple[Point, ...], slack: float = 0.5) -> bool:
    """Whether two convex quadrilaterals overlap by more than SLACK px (separating axes)."""
    for poly in (a, b):
        for i in range(len(poly)):
            (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % len(poly)]
            nx, ny = y1 - y0, x0 - x1
            norm = math.hypot(nx, ny) or 1.0
            pa = [(px * nx + py * ny) / norm for px, py in a]
            pb = [(px * nx + py * ny) / norm for px, py in b]
            if max(pa) <= min(pb) + slack or max(pb) <= min(pa) + slack:
                return False
    return True


def inside(points: tuple[Point, ...], box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return all(x0 - 0.5 <= x <= x1 + 0.5 and y0 - 0.5 <= y <= y1 + 0.5 for x, y in points)


def problems(c: Chart) -> list[str]:
    """Texts outside the SVG, over a rect they are not the value of, or over another text."""
    found = []
    for i, t in enumerate(c.texts):
        if not inside(t.corners, (0, 0, c.width, c.height)):
            found.append(f"outside the {c.kind} chart: {t.content!r}")
        for r in c.rects:
            cell = r[1:]
            if overlap(t.corners, _rect_corners(r)) and not (
                    t.role == "value" and inside(t.corners, cell)):  # type: ignore[arg-type]
                found.append(f"{t.content!r} over a {r[0]} at {cell}")
        found += [f"{t.content!r} over {u.content!r}" for u in c.texts[i + 1:]
                  if overlap(t.corners, u.corners)]
    return found


def left(t: Text) -> float:
    return min(x for x, _ in t.corners)


def right(t: Text) -> float:
    return max(x for x, _ in t.corners)
