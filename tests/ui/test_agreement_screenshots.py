"""tools/make_agreement_screenshots.py runs (it once passed a ProjectStore where the views
expect a Project) and saves the three team views at their documented sizes, English and
Arabic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]


def test_the_screenshot_tool_saves_every_view_in_both_languages(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(REPO / "tools" / "make_agreement_screenshots.py"),
                           "--out", str(tmp_path), "--lang", "en,ar"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    for suffix in ("", "-ar"):
        for name, width in (("agreement", 1300), ("disagreements", 1300), ("adjudication", 1500)):
            image = QImage(str(tmp_path / f"screenshot-{name}{suffix}.png"))
            assert not image.isNull() and image.width() == width, (name, suffix)
