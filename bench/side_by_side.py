"""Run one benchmark on two checkouts, alternately, and compare: "did this change slow it down?"

    python bench/side_by_side.py --baseline /path/to/old/checkout --script bench_editor.py \
        --result editor.json --keys open_ms,label_p95_ms --rounds 3 --name refactor_editor \
        -- --runs 3 --keys 200

Each round runs the script once in the baseline checkout and once in this one (the order
alternates from round to round, so a machine that gets busier does not favour either side),
each with its own code on PYTHONPATH, and reads the KEYS (dotted paths into the JSON) from the
result file that run saved in its own `bench/results/`. The medians per side, the ratio
candidate / baseline of the medians and every run's value are saved to
`bench/results/side_by_side_NAME.json` with both commits and the load average. On a shared,
noisy machine the ratio of interleaved medians is the figure to read, not the times.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]


def dig(data: Any, key: str) -> float:
    for part in key.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return float(data)


def commit_of(tree: Path) -> str:
    found = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
                           capture_output=True, text=True)
    return found.stdout.strip() or "?"


def run_once(tree: Path, script: str, result: str, extra: list[str], keys: list[str]
             ) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(tree / "bench" / script), *extra], cwd=tree, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    data = json.loads((tree / "bench" / "results" / result).read_text(encoding="utf-8"))
    return {key: dig(data, key) for key in keys}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the other checkout")
    parser.add_argument("--candidate", type=Path, default=HERE, help="default: this checkout")
    parser.add_argument("--script", required=True, help="a script in bench/ of both checkouts")
    parser.add_argument("--result", required=True, help="the file it saves in bench/results/")
    parser.add_argument("--keys", required=True, help="comma-separated dotted keys to compare")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--name", required=True)
    parser.add_argument("extra", nargs="*", help="arguments for the script (after --)")
    args = parser.parse_args()
    keys = [k.strip() for k in args.keys.split(",") if k.strip()]
    sides = {"baseline": args.baseline.resolve(), "candidate": args.candidate.resolve()}
    values: dict[str, dict[str, list[float]]] = {s: {k: [] for k in keys} for s in sides}
    load_before = os.getloadavg()[0]
    started = time.time()
    for round_ in range(args.rounds):
        order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
        for side in order:
            found = run_once(sides[side], args.script, args.result, args.extra, keys)
            for key, value in found.items():
                values[side][key].append(value)
            print(f"round {round_ + 1} {side}: " + ", ".join(f"{k}={v:g}" for k, v in found.items()),
                  flush=True)
    medians = {s: {k: statistics.median(v) for k, v in values[s].items()} for s in sides}
    ratios = {k: round(medians["candidate"][k] / medians["baseline"][k], 3)
              if medians["baseline"][k] else None for k in keys}
    report = {
        "benchmark": f"side_by_side_{args.name}", "script": args.script, "arguments": args.extra,
        "rounds": args.rounds, "when": time.strftime("%Y-%m-%d %H:%M", time.localtime(started)),
        "baseline_commit": commit_of(sides["baseline"]),
        "candidate_commit": commit_of(sides["candidate"]),
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "median": {s: {k: round(v, 4) for k, v in m.items()} for s, m in medians.items()},
        "ratio_candidate_to_baseline": ratios,
        "runs": values,
    }
    out = HERE / "bench" / "results" / f"side_by_side_{args.name}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    width = max(len(k) for k in keys)
    print(f"{'':{width}}  baseline  candidate  ratio")
    for key in keys:
        print(f"{key:{width}}  {medians['baseline'][key]:8.3f}  {medians['candidate'][key]:9.3f}"
              f"  {ratios[key]}")
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
