"""The README's usage examples run as written, in order, on the files the repository ships
(a newcomer's first steps after the two commands)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"<!-- readme-examples: begin -->\s*```sh\n(.*?)```", re.S)
TOOL = ".venv/bin/annotator"


def example_commands() -> list[list[str]]:
    block = BLOCK.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert block, "README.md has no readme-examples block"
    commands = []
    for line in block.group(1).splitlines():
        words = shlex.split(line, comments=True)
        if words:
            assert words[0] == TOOL, f"an example that is not {TOOL}: {line}"
            commands.append(words[1:])
    return commands


def test_the_readme_examples_run_in_order_on_shipped_files(tmp_path: Path) -> None:
    # what a fresh clone holds that the examples read
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "tests" / "formats" / "examples", tmp_path / "tests/formats/examples")
    commands = example_commands()
    assert len(commands) >= 6
    for arguments in commands:
        done = subprocess.run([sys.executable, "-m", "annotator", *arguments], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"annotator {shlex.join(arguments)}: {done.stderr}"
        assert "Traceback" not in done.stderr
    assert (tmp_path / "out" / "news.spacy").stat().st_size > 0
    assert "B-" in (tmp_path / "out" / "amal.conll").read_text(encoding="utf-8")
