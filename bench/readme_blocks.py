"""Generated blocks of README.md: templates filled from the saved benchmark results.

A block is the stretch of README.md between two markers,

    <!-- bench:NAME begin: FILE, ... -->  ...  <!-- bench:NAME end -->

where FILE, ... are the result files in bench/results it is written from (written by the
generator too). A `Table` is a markdown table of `Row`s; a `Passage` is words inside a paragraph
of prose (its markers sit inside a line, never at its start, so the paragraph stays one).

A template is text with fields in braces: `{path}` or `{path:spec}`. `path` is a dotted path
into the result (list items by index: `load_average_1min.0`; keys may hold hyphens:
`export-spacy.seconds`), optionally scaled by a constant (`{median_s*1000:.0f}`,
`{tokens/1e6:.1f}`); `spec` is Python's format spec (`,` thousands, `.2f`, `.1%`, `.0e`).
`at=` scopes every path of an entry to one key of its result; a name in `derive=` is a value
computed from the (scoped) result, for what one key does not hold (sums, ranges, shares).
The blocks themselves are declared in bench/readme_figures.py.
"""

from __future__ import annotations

import difflib
import json
import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"

Derive = Callable[[Any], object]
BLOCK = re.compile(r"<!-- bench:(?P<name>[\w-]+) begin(?P<note>[^>]*)-->(?P<body>.*?)"
                   r"<!-- bench:(?P=name) end -->", re.DOTALL)
SCALED = re.compile(r"^(?P<path>[^*/]+?)\s*(?:(?P<op>[*/])\s*(?P<factor>[0-9.eE+-]+))?$")


class FigureError(Exception):
    """A result file or value a README block needs is missing, or the README's markers are off."""


class Results:
    """The saved result files, each read once."""

    def __init__(self, folder: Path = RESULTS) -> None:
        self.folder = folder
        self._read: dict[str, Any] = {}

    def path(self, source: str) -> Path:
        return self.folder / source

    def get(self, source: str, needed_by: str) -> Any:
        if source not in self._read:
            path = self.path(source)
            if not path.is_file():
                raise FigureError(f"{_shown(path)} is missing: README block {needed_by} is written "
                                  f"from it (run the benchmark that saves it)")
            try:
                self._read[source] = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise FigureError(f"{_shown(path)} is not valid JSON: {error}") from error
        return self._read[source]


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def lookup(value: Any, path: str) -> Any:
    """The value at dotted PATH inside a result (digits index lists); LookupError if none."""
    for part in path.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise LookupError(f"no {path!r} (no {part!r} there)")
    return value


def share(part: str, *whole: str) -> Derive:
    """For derive=: the value at PART over the sum of the values at the WHOLE paths."""
    return lambda result: lookup(result, part) / sum(lookup(result, p) for p in whole)


def value_range(values: Iterable[float]) -> str:
    """For derive=: '2-3' for several values, '2' when they are all the same."""
    ordered = sorted(set(values))
    return f"{ordered[0]:g}" if len(ordered) == 1 else f"{ordered[0]:g}-{ordered[-1]:g}"


class _Fields(string.Formatter):
    """str.format whose fields are paths into one result, or derived values."""

    def __init__(self, result: Any, source: str, derive: Mapping[str, Derive]) -> None:
        super().__init__()
        self.result, self.source, self.derive = result, source, derive

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]
                  ) -> tuple[Any, str]:
        match = SCALED.match(field_name)
        if match is None:
            raise self.error(field_name, "not a path, or a path and a factor")
        path = match["path"]
        try:
            value: Any = (self.derive[path](self.result) if path in self.derive
                          else lookup(self.result, path))
            if match["op"]:
                factor = float(match["factor"])
                value = value * factor if match["op"] == "*" else value / factor
        except (LookupError, TypeError, ValueError, ZeroDivisionError) as error:
            raise self.error(field_name, str(error)) from error
        return value, field_name

    def format_field(self, value: Any, format_spec: str) -> str:
        try:
            return format(value, format_spec)
        except (TypeError, ValueError) as error:
            raise self.error(f"{value!r}:{format_spec}", str(error)) from error

    def error(self, field_name: str, why: str) -> FigureError:
        return FigureError(f"bench/results/{self.source}, field {{{field_name}}}: {why}")


def fill(template: str, result: Any, source: str, at: str = "",
         derive: Mapping[str, Derive] | None = None) -> str:
    """TEMPLATE with its fields filled from RESULT (scoped to its key AT when given)."""
    if at:
        try:
            result = lookup(result, at)
        except LookupError as error:
            raise FigureError(f"bench/results/{source}, at={at!r}: {error}") from error
    return _Fields(result, source, derive or {}).format(template)


@dataclass(frozen=True)
class Row:
    """One line of the Benchmarks table: `| what | figure |`, both templates over SOURCE."""

    source: str
    what: str
    figure: str
    at: str = ""
    derive: Mapping[str, Derive] = field(default_factory=dict)

    def render(self, results: Results, block: str) -> str:
        result = results.get(self.source, f"{block!r} (row {self.what[:40]!r}...)")
        cells = (fill(t, result, self.source, self.at, self.derive)
                 for t in (self.what, self.figure))
        return "| " + " | ".join(cells) + " |"


@dataclass(frozen=True)
class Table:
    """A markdown table of Rows, set apart from its markers by blank lines."""

    name: str
    rows: Sequence[Row]
    header: str = "| what | figure |\n|---|---|"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.source for row in self.rows))

    def render(self, results: Results) -> str:
        lines = [row.render(results, self.name) for row in self.rows]
        return "\n\n" + "\n".join([self.header, *lines]) + "\n\n"


@dataclass(frozen=True)
class Passage:
    """Words inside a paragraph of prose, filled from one result file."""

    name: str
    source: str
    text: str
    at: str = ""
    derive: Mapping[str, Derive] = field(default_factory=dict)

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source,)

    def render(self, results: Results) -> str:
        result = results.get(self.source, repr(self.name))
        return fill(self.text, result, self.source, self.at, self.derive)


Block = Table | Passage


def begin_marker(block: Block) -> str:
    return f"<!-- bench:{block.name} begin: {', '.join(block.sources)} -->"


def end_marker(block: Block) -> str:
    return f"<!-- bench:{block.name} end -->"


def readme_blocks(text: str) -> dict[str, list[str]]:
    """Each generated block of a README text, by name: the result files its begin marker names."""
    found: dict[str, list[str]] = {}
    for match in BLOCK.finditer(text):
        if match["name"] in found:
            raise FigureError(f"README.md has two blocks named {match['name']!r}")
        note = match["note"].strip().removeprefix(":")
        found[match["name"]] = [name.strip() for name in note.split(",") if name.strip()]
    return found


def render_readme(text: str, results: Results, blocks: Sequence[Block]) -> str:
    """TEXT with every generated block written afresh from RESULTS."""
    known = {block.name: block for block in blocks}
    present = readme_blocks(text)
    if unknown := sorted(set(present) - set(known)):
        raise FigureError(f"README.md has blocks bench/readme_figures.py does not know: {unknown}")
    if absent := sorted(set(known) - set(present)):
        raise FigureError(f"README.md lacks the markers of blocks {absent}: put "
                          f"'<!-- bench:NAME begin -->' and '<!-- bench:NAME end -->' where "
                          f"their figures go")

    def written(match: re.Match[str]) -> str:
        block = known[match["name"]]
        return begin_marker(block) + block.render(results) + end_marker(block)

    return BLOCK.sub(written, text)


def readme_diff(text: str, results: Results, blocks: Sequence[Block]) -> str:
    """The unified diff from a README text to what RESULTS say; '' when they agree."""
    fresh = render_readme(text, results, blocks)
    return "".join(difflib.unified_diff(text.splitlines(keepends=True),
                                        fresh.splitlines(keepends=True),
                                        "README.md", "README.md (from bench/results)"))
