"""Table models for the team views: plain rows of values, and the pairwise heatmap.

Widgets never own data (napari's adapters): each table is a model over values the domain
computed. Numbers are shown with three decimals; a missing value shows "—" and its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.core.model import Direction
from annotator.text.plain import detect_direction
from annotator.ui.bidi import isolated
from annotator.ui.editor.span_style import readable_on

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's key (a document id)
MISSING = "—"
Value = str | int | float | None

# diverging scale: no agreement (<= 0) red, 0.5 yellow, 1 green (ColorBrewer RdYlGn)
SCALE = ((0.0, QColor("#D73027")), (0.5, QColor("#FEE08B")), (1.0, QColor("#1A9850")))


def format_value(value: Value) -> str:
    """How a figure is shown in every team view: 3 decimals, counts as integers, None as —;
    a negative one left to right (in a right-to-left cell "-0.785" read "0.785-")."""
    if value is None:
        return MISSING
    if isinstance(value, float):  # a minus sign kept before its number in Arabic too
        return isolated(f"{value:.3f}") if value < 0 else f"{value:.3f}"
    return str(value)


def left_to_right(text: str) -> str:
    """TEXT embedded left to right (LRE ... PDF): an interval "[0.83, 1.00]" keeps its order in
    a right-to-left interface, where the bidi algorithm would otherwise put 1.00 first."""
    return f"\u202a{text}\u202c"


def scale_color(value: float, alpha: float = 1.0) -> QColor:
    """VALUE (an agreement coefficient, 1 = perfect) on the red-yellow-green scale, laid over
    white at ALPHA."""
    v = max(0.0, min(1.0, value))
    for (x0, c0), (x1, c1) in zip(SCALE, SCALE[1:], strict=False):
        if v <= x1:
            t = (v - x0) / (x1 - x0)
            rgb = [a + (b - a) * t for a, b in zip(_rgb(c0), _rgb(c1), strict=True)]
            break
    rgb = [1 - (1 - c) * alpha for c in rgb]
    return QColor.fromRgbF(*rgb)


def _rgb(color: QColor) -> tuple[float, float, float]:
    return color.redF(), color.greenF(), color.blueF()


@dataclass(frozen=True)
class Column:
    title: str
    tinted: bool = False  # an agreement coefficient: background on the colour scale


class RowsModel(QAbstractTableModel):
    """Rows of values under COLUMNS; sortable on the raw values (missing values sort last)."""

    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[list[Value]] = []
        self.keys: list[object] = []
        self.tooltips: list[list[str | None]] = []
        self.notes: list[list[str | None]] = []

    def set_rows(self, rows: Sequence[Sequence[Value]], keys: Sequence[object] | None = None,
                 tooltips: Sequence[Sequence[str | None]] | None = None,
                 notes: Sequence[Sequence[str | None]] | None = None) -> None:
        """NOTES: a second line under a cell's value (e.g. its confidence interval)."""
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.keys = list(keys) if keys is not None else [None] * len(self.rows)
        def cells(given: Sequence[Sequence[str | None]] | None) -> list[list[str | None]]:
            if given is None:
                return [[None] * len(self.columns) for _ in self.rows]
            return [list(row) for row in given]

        self.tooltips, self.notes = cells(tooltips), cells(notes)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            note = self.notes[index.row()][index.column()]
            return format_value(value) if not note else f"{format_value(value)}\n{note}"
        if role == SORT_ROLE:
            if value is None:
                return float("inf")
            return value
        if role == KEY_ROLE:
            return self.keys[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if not isinstance(value, str):
                return int(Qt.AlignmentFlag.AlignCenter)
            if detect_direction(value, default=Direction.LTR) is Direction.RTL:  # Arabic titles
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column.tinted and isinstance(value, float):
            return scale_color(value, 0.45)
        return None


class HeatmapModel(QAbstractTableModel):
    """Annotator x annotator values of one pairwise measure, each cell in its scale colour."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.grid: list[list[float | None]] = []
        self.tooltips: dict[tuple[int, int], str] = {}

    def set_matrix(self, names: Sequence[str], grid: Sequence[Sequence[float | None]],
                   tooltips: dict[tuple[int, int], str] | None = None) -> None:
        self.beginResetModel()
        self.names = list(names)
        self.grid = [list(r) for r in grid]
        self.tooltips = tooltips or {}
        self.endResetModel()

    def value(self, row: int, column: int) -> float | None:
        return self.grid[row][column]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.names)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.names):
            return self.names[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.grid[index.row()][index.column()]
        diagonal = index.row() == index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if diagonal else format_value(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if diagonal or value is None:
                return QColor("#E0E0E0")
            return scale_color(value)
        if role == Qt.ItemDataRole.ForegroundRole and value is not None and not diagonal:
            return readable_on(scale_color(value))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips.get((index.row(), index.column()))
        return None
