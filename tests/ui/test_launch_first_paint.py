"""Launch: what is loaded before the window's first paint, and that the window takes a
keystroke right after it (issue 15). Work is counted (modules imported), never seconds."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import ANNOTATOR, REPO, make_project, occurrence
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator.ui.settings import AppSettings

# nothing the first screen needs: spaCy and numpy (pre-tagging, agreement, long lists), the ORM
# and Alembic (only for a migration), multiprocessing (training's child process), the gazetteer
# and the tokenizer (a worker thread tokenizes after the paint), the team use-cases (a server)
NOT_BEFORE_THE_PAINT = (
    "alembic", "spacy", "numpy", "sqlmodel", "pydantic", "sqlalchemy.orm", "multiprocessing",
    "annotator.nlp", "annotator.text.tokenizer", "annotator.app.gazetteer",
    "annotator.app.child_process", "annotator.app.team", "annotator.app.pretagging",
    "annotator.app.training", "annotator.formats",
)

# a fresh interpreter runs `annotator gui P` as the console script does, and writes the names in
# sys.modules and the garbage collections run since `main` at the moment the editor's first paint
# is marked
LAUNCH = """
import gc, json, sys
import annotator.ui.startup_probe as probe
collections = []
gc.callbacks.append(lambda phase, info: collections.append(info["generation"])
                    if phase == "start" else None)
mark = probe.mark
def dump(what):
    if what == "window":
        with open(sys.argv[1], "w") as out:
            json.dump({"modules": sorted(sys.modules), "collections": collections,
                       "collecting": [gc.isenabled()]}, out)
    mark(what)
probe.mark = dump
from annotator.cli import main
collections.clear()
sys.exit(main(["gui", sys.argv[2], "--annotator", "amal"]))
"""


def _at_first_paint(tmp_path: Path, settings: Path) -> dict[str, list[Any]]:
    project = tmp_path / "p.db"
    make_project(project, ["لافروف في كوريا.", "A short English text."]).close()
    names = tmp_path / "modules.json"
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(settings), HOME=str(settings),
               ANNOTATOR_STARTUP_PROBE="exit")
    result = subprocess.run([sys.executable, "-c", LAUNCH, str(names), str(project)],
                            capture_output=True, text=True, timeout=120, env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "annotator-startup window" in result.stderr
    found: dict[str, list[Any]] = json.loads(names.read_text(encoding="utf-8"))
    return found


def test_the_first_paint_loads_nothing_the_first_screen_does_not_need(tmp_path, private_settings):
    loaded = _at_first_paint(tmp_path, private_settings)["modules"]
    assert "annotator.ui.main_window" in loaded and "sqlalchemy" in loaded  # it did launch
    early = [name for name in loaded
             if any(name == top or name.startswith(top + ".") for top in NOT_BEFORE_THE_PAINT)]
    assert early == []


def test_the_garbage_collector_waits_for_the_first_paint(tmp_path, private_settings):
    """What the start-up imports and builds lives as long as the app: the collector, paused by
    `annotator gui`, no longer runs over and over before the first paint; at most a few times
    between the paint and its mark (when it runs again)."""
    found = _at_first_paint(tmp_path, private_settings)
    assert len(found["collections"]) <= 5, found["collections"]
    assert found["collecting"] == [True]  # running again once the screen is painted
    assert gc.isenabled()  # this process's collector, untouched


def test_a_keystroke_right_after_the_first_paint_labels_a_span(qtbot, store, seed):
    """The window as `annotator` starts it: the first key, sent on the event loop's next turn
    after the first paint (before the tokenizer's worker has run), labels the selected word."""
    from annotator.ui.app import AppController

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    controller = AppController(app, store, ANNOTATOR, AppSettings(), remember=False)
    controller.start(1)
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    pressed: list[bool] = []

    def press() -> None:
        view = window.editor.view
        view.setFocus()
        start, end = occurrence(seed, "لافروف")
        view.select_range(start, end)
        pressed.append(window.editor.tokens is not None and window.editor.tokens.ready)
        qtbot.keyClick(view, "1")  # PERS

    window.editor.view.first_painted.connect(lambda: QTimer.singleShot(0, press))
    try:
        qtbot.waitUntil(lambda: bool(pressed), timeout=10_000)
        session = window.session
        assert session is not None
        start, end = occurrence(seed, "لافروف")
        assert [(s.start, s.end, s.label) for s in session.index] == [(start, end, "PERS")]
        assert window.span_model.rowCount() == 1
    finally:
        window.remember_layout = False
        window.close()
