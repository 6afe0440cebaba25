"""Every shell example of the README runs as written, in order, from a fresh clone, on files the
repository ships (issue 12): a newcomer's steps after the two commands.

A block that cannot run here (it sets up the venv, needs root, opens a window or a PostgreSQL
server) says so just before its fence, `<!-- not run: REASON -->`; there are few of them and
each gives its reason. The blocks run one by one in a subprocess (`bash -euo pipefail`) in one
temporary copy of the files git would clone, where `.venv/bin/annotator` runs this checkout's
code with the test's interpreter.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```", re.S | re.M)
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>[^>]*?) -->\s*\Z")
SHELL = {"sh", "bash", "shell", "console"}
USER_FACING_END = "\n## Design notes"  # the README's sections for users end here
UNIX_TOOLS = {"cmp", "head", "ls"}
MAX_NOT_RUN = 4  # in the README: the two commands, the system packages, the app's window


@dataclass(frozen=True)
class Block:
    source: str
    line: int
    text: str
    not_run: str | None  # the reason, when marked

    def __str__(self) -> str:
        return f"{self.source}:{self.line}"


def shell_blocks(path: Path, end: str | None = None) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    if end is not None and end in text:
        text = text[:text.index(end)]
    blocks = []
    for fence in FENCE.finditer(text):
        if fence["lang"] not in SHELL:
            continue
        marker = NOT_RUN.search(text[:fence.start()][-300:])
        blocks.append(Block(str(path.relative_to(ROOT)), text.count("\n", 0, fence.start()) + 1,
                            fence["body"], marker["reason"].strip() if marker else None))
    return blocks


def readme_blocks() -> list[Block]:
    return shell_blocks(ROOT / "README.md", USER_FACING_END)


def test_every_readme_block_is_sh_and_few_are_left_out_each_with_a_reason() -> None:
    blocks = readme_blocks()
    assert len(blocks) >= 10, [str(b) for b in blocks]
    left_out = [b for b in blocks if b.not_run is not None]
    assert len(left_out) <= MAX_NOT_RUN, [f"{b}: {b.not_run}" for b in left_out]
    assert all(len(b.not_run or "x" * 10) >= 10 for b in left_out), [str(b) for b in left_out]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "```bash" not in readme and "```shell" not in readme, "write shell blocks as ```sh"


def test_the_team_guide_marks_its_server_blocks() -> None:
    blocks = shell_blocks(ROOT / "docs" / "TEAM.md")
    assert blocks
    unmarked = [str(b) for b in blocks if not b.not_run]
    assert not unmarked, f"docs/TEAM.md blocks without <!-- not run: REASON -->: {unmarked}"


def test_the_examples_name_the_venv_tool() -> None:
    """Each command of a block that runs is `.venv/bin/annotator` (command 1 left it there), or
    a plain Unix tool that shows what it made."""
    for block in readme_blocks():
        if block.not_run:
            continue
        for line in _commands(block.text):
            words = shlex.split(line, comments=True)
            assert words[0] in {".venv/bin/annotator", *UNIX_TOOLS}, f"{block}: {line}"


def _commands(text: str) -> list[str]:
    joined = text.replace("\\\n", " ")
    return [line for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _fresh_clone(target: Path) -> Path:
    """The files a clone of this checkout would hold once its changes are committed."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    tool = target / ".venv" / "bin" / "annotator"
    tool.parent.mkdir(parents=True)
    tool.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m annotator "$@"\n')
    tool.chmod(0o755)
    return target


@pytest.mark.slow  # about 40 commands, each a new interpreter: 60-90 s on a quiet machine
@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("git") is None,
                    reason="needs bash and git")
def test_the_readme_examples_run_in_order_from_a_fresh_clone(tmp_path: Path) -> None:
    clone = _fresh_clone(tmp_path / "clone")
    environment = {**os.environ, "PYTHONPATH": str(clone), "QT_QPA_PLATFORM": "offscreen",
                   "HOME": str(tmp_path / "home")}
    ran = 0
    for block in readme_blocks():
        if block.not_run:
            continue
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", block.text], cwd=clone,
                              env=environment, capture_output=True, text=True, timeout=240)
        shown = f"README block at {block} failed (exit {done.returncode}):\n{block.text}\n" \
                f"--- stdout (end)\n{done.stdout[-1500:]}\n--- stderr (end)\n{done.stderr[-3000:]}"
        assert done.returncode == 0, shown
        assert "Traceback" not in done.stderr, shown
        ran += 1
    assert ran >= 7
    # what the examples say they make
    assert (clone / "out" / "news.spacy").stat().st_size > 0
    assert "B-PERS" in (clone / "out" / "amal.conll").read_text(encoding="utf-8")
    assert (clone / "corpus" / "models" / "news" / "meta.json").is_file()
    assert (clone / "out" / "gold.spacy").stat().st_size > 0
    assert "<svg" in (clone / "out" / "report.html").read_text(encoding="utf-8")
