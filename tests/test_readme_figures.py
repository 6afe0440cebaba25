"""README.md's benchmark figures are the saved results' (bench/readme_figures.py writes them)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
RESULTS = REPO / "bench" / "results"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


figures = _load("readme_figures")
blocks = sys.modules["readme_blocks"]
FIX = "python bench/readme_figures.py"


def test_the_readme_shows_the_figures_the_saved_results_hold() -> None:
    diff = figures.check(README, RESULTS)
    assert diff == "", f"README.md and bench/results disagree; run `{FIX}`:\n{diff}"


def test_every_readme_figure_block_names_only_result_files_that_exist() -> None:
    found = blocks.readme_blocks(README.read_text(encoding="utf-8"))
    declared = {block.name: list(block.sources) for block in figures.BLOCKS}
    assert found == declared  # every block is in the README, naming what it is written from
    missing = sorted({source for sources in found.values() for source in sources
                      if not (RESULTS / source).is_file()})
    assert missing == [], f"README blocks are written from files bench/results lacks: {missing}"


def _first_number_in_block(text: str, name: str) -> re.Match[str]:
    block = re.search(rf"<!-- bench:{name} begin[^>]*-->(.*?)<!-- bench:{name} end -->", text,
                      re.DOTALL)
    assert block is not None
    number = re.compile(r"\d+\.\d+").search(text, block.start(1), block.end(1))
    assert number is not None
    return number


@pytest.mark.parametrize("name", ["table", "team-load"])
def test_a_figure_edited_by_hand_is_caught(tmp_path: Path, name: str) -> None:
    text = README.read_text(encoding="utf-8")
    number = _first_number_in_block(text, name)
    edited = text[:number.start()] + number[0] + "1" + text[number.end():]
    (tmp_path / "README.md").write_text(edited, encoding="utf-8")
    diff = figures.check(tmp_path / "README.md", RESULTS)
    line = edited[edited.rfind("\n", 0, number.start()) + 1:edited.find("\n", number.start())]
    assert f"\n-{line}\n" in diff  # the hand-edited line is what the check reports
    figures.write(tmp_path / "README.md", RESULTS)
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == text


def test_a_changed_result_changes_the_readme(tmp_path: Path) -> None:
    results = tmp_path / "results"
    shutil.copytree(RESULTS, results)
    saved = json.loads((results / "import.json").read_text(encoding="utf-8"))
    saved["jsonl_10k_docs"]["seconds_median"] = 123.456
    (results / "import.json").write_text(json.dumps(saved), encoding="utf-8")
    diff = figures.check(README, results)
    assert "+| import 10,000 Arabic documents" in diff and "123.46 s" in diff


def test_a_missing_result_file_is_an_error_that_names_it(tmp_path: Path) -> None:
    results = tmp_path / "results"
    shutil.copytree(RESULTS, results)
    (results / "team_load.json").unlink()
    with pytest.raises(blocks.FigureError, match=r"team_load\.json is missing.*'team-load'"):
        figures.check(README, results)


def test_a_missing_key_is_an_error_that_names_the_file_and_the_key(tmp_path: Path) -> None:
    results = tmp_path / "results"
    shutil.copytree(RESULTS, results)
    saved = json.loads((results / "export.json").read_text(encoding="utf-8"))
    del saved["export-conll"]
    (results / "export.json").write_text(json.dumps(saved), encoding="utf-8")
    with pytest.raises(blocks.FigureError, match=r"export\.json.*'export-conll"):
        figures.check(README, results)


def test_a_block_the_generator_does_not_know_is_an_error(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(README.read_text(encoding="utf-8")
                      + "\n<!-- bench:scale begin -->1 s<!-- bench:scale end -->\n",
                      encoding="utf-8")
    with pytest.raises(blocks.FigureError, match="does not know.*scale"):
        figures.check(readme, RESULTS)


def test_templates_read_paths_scale_them_and_format_them() -> None:
    result = {"a": {"b-c": [0.25, 1234.5]}, "n": 3}
    filled = blocks.fill("{a.b-c.0*1000:.0f} ms, {a.b-c.1:,.0f}, {n}x, {half:.0%}", result,
                         "x.json", derive={"half": lambda r: r["n"] / 6})
    assert filled == "250 ms, 1,234, 3x, 50%"
    with pytest.raises(blocks.FigureError, match=r"x\.json.*'a\.nope'"):
        blocks.fill("{a.nope}", result, "x.json")
