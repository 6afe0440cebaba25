"""Sorted document ids and "which row is document N" for the document list.

A list of up to `SMALL` ids is sorted with Python's own sort into stdlib arrays; a longer one
with numpy, imported only then, so opening a project of ordinary size never loads numpy (it cost
some 0.15 s of CPU at every start, issue 15). Lookups are a binary search over either kind.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

IdArray = Union[array, "npt.NDArray[np.int64]"]  # noqa: UP007 (a string member)
SMALL = 50_000  # ids sorted in Python up to here (about 10 ms); numpy above


def empty() -> IdArray:
    return array("q")


def sorted_ids(ids: Iterable[int]) -> IdArray:
    values = sorted(ids)
    if len(values) <= SMALL:
        return array("q", values)
    import numpy as np

    return np.asarray(values, dtype=np.int64)


def sorted_with_rows(ids: array[int]) -> tuple[IdArray, IdArray]:
    """(IDS sorted, the row in IDS of each sorted id), ties kept in list order."""
    if len(ids) <= SMALL:
        rows = sorted(range(len(ids)), key=ids.__getitem__)
        return array("q", [ids[row] for row in rows]), array("q", rows)
    import numpy as np

    listed = np.frombuffer(ids, dtype=np.int64)
    order = np.argsort(listed, kind="stable")
    return listed[order], order


def position(ordered: IdArray, doc_id: int) -> int | None:
    """Where DOC_ID is in ORDERED (sorted), or None."""
    at = bisect_left(ordered, doc_id)
    return at if at < len(ordered) and int(ordered[at]) == doc_id else None
