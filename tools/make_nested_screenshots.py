"""Screenshots of nested and flat spans at several window widths (issue 11's proof):
docs/screenshot-nested-<width>.png, the Wojood sample's first sentences imported into a project
that allows overlaps, the editor at 900, 1320 and 1800 px.

    .venv/bin/python tools/make_nested_screenshots.py [--widths 900,1320,1800] [--platform xcb]

`--platform xcb` renders in a real X11 window (run it under `xvfb-run -a`); the default is
offscreen. The Wojood sample is read from ../shared/data/arabic/wojood_sample_train.txt.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WOJOOD = REPO.parent / "shared" / "data" / "arabic" / "wojood_sample_train.txt"
SENTENCES = 40  # enough text to fill the widest window


def first_sentences(source: Path, count: int, out: Path) -> None:
    kept, seen = [], 0
    for line in source.read_text(encoding="utf-8").splitlines():
        kept.append(line)
        if not line.strip():
            seen += 1
            if seen == count:
                break
    out.write_text("\n".join(kept) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--widths", default="900,1320,1800")
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--platform", default="offscreen", choices=("offscreen", "xcb"))
    parser.add_argument("--out-dir", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "wojood.conll"
        first_sentences(WOJOOD, SENTENCES, sample)
        project = Path(folder) / "nested.db"
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, XDG_CONFIG_HOME=folder)
        run = [sys.executable, "-m", "annotator"]
        subprocess.run([*run, "init", str(project), "--overlap", "allow", "--lang", "ar",
                        "--labels", "PERS,ORG,GPE,LOC,OCC,NORP,DATE"], check=True, env=env,
                       cwd=REPO, stdout=subprocess.DEVNULL)
        subprocess.run([*run, "import", str(project), str(sample), "--create-labels",
                        "--annotator", "amal"], check=True, env=env, cwd=REPO,
                       stdout=subprocess.DEVNULL)
        for width in (int(w) for w in args.widths.split(",")):
            out = (args.out_dir / f"screenshot-nested-{width}.png").resolve()
            subprocess.run([*run, "gui", str(project), "--annotator", "amal", "--document",
                            "1", "--screenshot", str(out), "--size",
                            f"{width}x{args.height}"], check=True, cwd=REPO, env=env)
            print(f"saved {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
