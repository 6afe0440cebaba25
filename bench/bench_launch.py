"""Launch to a usable window in a real X11 window: `annotator` (the README's command) started as
a process under Xvfb with Qt's xcb platform, timed from the moment it is started to the editor's
first paint of the opened document (issue 15).

The app prints start-up marks when ANNOTATOR_STARTUP_PROBE is set (`annotator/ui/startup_probe.py`):
the wall-clock moment the identity dialog and the editor with its document have painted and
handed the frame to the X server. The bench reads them from the child's stderr; `xdotool search
--sync --onlyvisible` confirms that the window is mapped on the X server.

- warm: the sample project exists and the annotator is remembered (settings in a temporary
  HOME): one run not counted, then the median of RUNS runs; the app quits right after the mark;
- first run: a fresh HOME and XDG folders and no corpus/sample.db, so the app builds the sample
  project and asks "Who is annotating?": the time to that dialog painted, then (after xdotool
  presses Return in it) the time from that key to the window painted with its document;
  medians of FIRST runs. Python's bytecode is compiled before (as `pip install` does).

Each checkout runs from a temporary copy of its `annotator/`, `seeds/` and `resources/` (the
sample project is built in the copy's `corpus/`, as from a clone). `--before PATH` times another
checkout the same way, interleaved run by run with this one, and saves the ratios.

Run: .venv/bin/python bench/bench_launch.py [--runs 7] [--first 3] [--before /path/to/checkout]
     [--save-as launch]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, median, save  # noqa: E402

PROBE_PREFIX = "annotator-startup"
TIMEOUT_S = 60.0


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb server on a free display number."""
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        raise SystemExit("bench_launch needs Xvfb and xdotool (apt-get install xvfb xdotool)")
    for number in range(70, 100):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            display = f":{number}"
            server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24",
                                       "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    return server, display
                time.sleep(0.05)
            server.kill()
    raise SystemExit("no free X display for Xvfb")


def copy_checkout(source: Path, into: Path) -> Path:
    """The parts of a checkout the app runs from, compiled to bytecode."""
    into.mkdir(parents=True)
    for part in ("annotator", "seeds", "resources"):
        shutil.copytree(source / part, into / part,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (into / "corpus").mkdir()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(into / "annotator")], check=True)
    return into


def annotator_command() -> list[str]:
    """The `annotator` console script of this interpreter's environment (the README's command)."""
    script = Path(sys.executable).parent / "annotator"
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "annotator"]


class Launch:
    """One `annotator` process on the Xvfb display, with its marks read from stderr."""

    def __init__(self, checkout: Path, home: Path, display: str, probe: str = "exit") -> None:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("QT_", "XDG_"))}
        env.update(PYTHONPATH=str(checkout), QT_QPA_PLATFORM="xcb", DISPLAY=display,
                   HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                   XDG_DATA_HOME=str(home / ".local" / "share"),
                   XDG_RUNTIME_DIR=str(home / "run"), ANNOTATOR_STARTUP_PROBE=probe)
        (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
        self.display = display
        self.started = time.time()
        self.process = subprocess.Popen(annotator_command(), env=env, cwd=checkout,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        text=True)
        self.other_lines: list[str] = []

    def wait_for(self, what: str) -> float:
        """Seconds from the process's start to the mark WHAT."""
        assert self.process.stderr is not None
        for line in self.process.stderr:
            parts = line.split()
            if len(parts) == 3 and parts[0] == PROBE_PREFIX and parts[1] == what:
                return float(parts[2]) - self.started
            self.other_lines.append(line)
        raise RuntimeError(f"the app ended before '{what}':\n{''.join(self.other_lines[-20:])}")

    def visible_window(self, name: str) -> str:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", name],
                               env=dict(os.environ, DISPLAY=self.display), capture_output=True,
                               text=True, timeout=TIMEOUT_S, check=True)
        return found.stdout.split()[0]

    def key(self, window: str, key: str) -> float:
        """Send KEY to WINDOW; the moment it was sent. xdotool may fail after sending when the
        key closed the window (BadWindow as it restores focus): that is not checked here, the
        caller waits for what the key does."""
        subprocess.run(["xdotool", "key", "--window", window, key], capture_output=True,
                       env=dict(os.environ, DISPLAY=self.display))
        return time.time()

    def key_to(self, name: str, key: str) -> float:
        return self.key(self.visible_window(name), key)

    def finish(self) -> float:
        """Wait for the process to end; its CPU seconds (user + system)."""
        assert self.process.stderr is not None
        self.other_lines += self.process.stderr.readlines()
        _pid, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        if self.process.returncode != 0:
            raise RuntimeError(f"the app exited {self.process.returncode}:\n"
                               f"{''.join(self.other_lines[-20:])}")
        return usage.ru_utime + usage.ru_stime


def warm_run(checkout: Path, home: Path, display: str) -> tuple[float, float]:
    launch = Launch(checkout, home, display)
    seconds = launch.wait_for("window")
    return seconds, launch.finish()


def first_run(source: Path, folder: Path, display: str) -> dict[str, float]:
    """A fresh copy (no sample project) and a fresh HOME: to the identity dialog, then on."""
    checkout = copy_checkout(source, folder / "checkout")
    launch = Launch(checkout, folder / "home", display)
    identity = launch.wait_for("identity")
    pressed = launch.key_to("Who is annotating", "Return")
    window = launch.wait_for("window")
    cpu = launch.finish()
    return {"identity_s": identity, "window_after_identity_s": window - (pressed - launch.started),
            "cpu_s": cpu}


def mapped_check(checkout: Path, home: Path, display: str) -> str:
    """A launch that stays open until xdotool finds its window mapped; then ended."""
    launch = Launch(checkout, home, display, probe="stay")
    launch.wait_for("window")
    try:
        return launch.visible_window("— annotator")
    finally:
        launch.process.terminate()
        launch.process.wait()


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def figures_of(warm: list[float], cpu: list[float], first: list[dict[str, float]]) -> dict[str, object]:
    return {
        "warm_window_s": round(median(warm), 3),
        "warm_window_runs_s": [round(s, 3) for s in warm],
        "warm_cpu_s": round(median(cpu), 3),
        "first_identity_s": round(median([f["identity_s"] for f in first]), 3),
        "first_identity_runs_s": [round(f["identity_s"], 3) for f in first],
        "first_window_after_identity_s": round(median([f["window_after_identity_s"] for f in first]), 3),
        "first_cpu_s": round(median([f["cpu_s"] for f in first]), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--first", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout, timed side by side")
    parser.add_argument("--save-as", default="launch")
    args = parser.parse_args()
    checkouts = {"this": REPO}
    if args.before is not None:
        checkouts["before"] = args.before.resolve()
    server, display = start_xvfb()
    loads = [load_average()]
    try:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            warm = {name: copy_checkout(path, root / name / "checkout") for name, path in checkouts.items()}
            homes = {name: root / name / "home" for name in checkouts}
            first: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
            for round_ in range(args.first):
                for name, path in checkouts.items():
                    first[name].append(first_run(path, root / name / f"first{round_}", display))
            for name in checkouts:  # the warm copies' first start: sample built, name given
                launch = Launch(warm[name], homes[name], display)
                launch.wait_for("identity")
                launch.key_to("Who is annotating", "Return")
                launch.wait_for("window")
                launch.finish()
                warm_run(warm[name], homes[name], display)  # one more, not counted
            times: dict[str, list[float]] = {name: [] for name in checkouts}
            cpus: dict[str, list[float]] = {name: [] for name in checkouts}
            for _ in range(args.runs):
                for name in checkouts:
                    seconds, cpu = warm_run(warm[name], homes[name], display)
                    times[name].append(seconds)
                    cpus[name].append(cpu)
            mapped = {name: mapped_check(warm[name], homes[name], display) for name in checkouts}
    finally:
        server.terminate()
        server.wait()
    loads.append(load_average())
    result: dict[str, object] = {
        "platform": "xcb (Xvfb 1920x1080x24, no window manager)",
        "command": "annotator (the console script), PYTHONPATH at a copy of the checkout",
        "runs": args.runs, "first_runs": args.first, "load_average_1min": loads,
        **figures_of(times["this"], cpus["this"], first["this"]),
        "window_mapped_on_x_server": bool(mapped["this"]),
    }
    if "before" in checkouts:
        before = figures_of(times["before"], cpus["before"], first["before"])
        result["before"] = {"checkout": str(checkouts["before"]), **before}
        result["ratio_warm_window"] = round(median(times["this"]) / median(times["before"]), 3)
        result["ratio_warm_cpu"] = round(median(cpus["this"]) / median(cpus["before"]), 3)
        result["ratio_first_identity"] = round(
            float(result["first_identity_s"]) / float(before["first_identity_s"]), 3)  # type: ignore[arg-type]
    for key, value in result.items():
        print(f"{key}: {value}")
    save(args.save_as, result)


if __name__ == "__main__":
    main()
