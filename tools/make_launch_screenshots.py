"""Screenshots of the app as a user first sees it: `annotator` (the README's first command) on the
sample project, in a real X11 window (Xvfb, Qt's xcb platform), at two window widths.

Each shot starts from a fresh copy of the checkout and a fresh HOME, so the app builds the sample
project and asks "Who is annotating?" (xdotool presses Return: the suggested name); the window is
then resized by xdotool, and the X server's screen is grabbed by a second Qt process and cut to
the window's frame. Saved as docs/screenshot-launch-WIDTH.png.

Run: .venv/bin/python tools/make_launch_screenshots.py [--widths 900,1400] [--height 860]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from bench_launch import Launch, copy_checkout, start_xvfb  # noqa: E402

GRAB = """\
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
x, y, w, h = (int(v) for v in sys.argv[1:5])
image = app.primaryScreen().grabWindow(0, x, y, w, h)
sys.exit(0 if image.save(sys.argv[5]) else 1)
"""


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display),
                          capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


def geometry(display: str, window: str) -> tuple[int, int, int, int]:
    values = dict(line.split("=") for line in xdotool(
        display, "getwindowgeometry", "--shell", window).split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def shoot(display: str, width: int, height: int, out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        checkout = copy_checkout(REPO, Path(folder) / "checkout")
        launch = Launch(checkout, Path(folder) / "home", display, probe="stay")
        try:
            launch.wait_for("identity")
            launch.key_to("Who is annotating", "Return")
            launch.wait_for("window")
            window = launch.visible_window("— annotator")
            xdotool(display, "windowmove", "--sync", window, "0", "0")
            xdotool(display, "windowsize", "--sync", window, str(width), str(height))
            time.sleep(1.5)  # the resize repaints; the tokenizer's worker finishes
            x, y, w, h = geometry(display, window)
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            subprocess.run([sys.executable, "-c", GRAB, str(x), str(y), str(w), str(h), str(out)],
                           env=env, check=True, timeout=60)
        finally:
            launch.process.terminate()
            launch.process.wait()
    print(f"saved {out.relative_to(REPO)} ({width}x{height})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--widths", default="900,1400")
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args()
    server, display = start_xvfb()
    try:
        for width in (int(w) for w in args.widths.split(",")):
            shoot(display, width, args.height, REPO / "docs" / f"screenshot-launch-{width}.png")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
