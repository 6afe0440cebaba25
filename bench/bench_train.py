"""Training the project's own model on ANERcorp: per-label scores and training time.

The ANERcorp sample (../shared/data/arabic/anercorp_sample.conll, 709 sentences) is imported
into a fresh project through the CLI (`annotator init`, `annotator import --split sentence
--status done`: one document per sentence, marked done), then trained exactly as
`annotator train PROJECT --out DIR --holdout 0.2 --epochs N --json` does (the CLI is called
in-process and its JSON read back): 20% of the documents held out for the final evaluation,
10% of the rest to pick the best checkpoint, spaCy's efficiency NER config with the project
tokenizer, CPU.

Training time depends on the machine's load (2 shared cores here): the load average is
recorded next to it. Default: 1 run of at most 20 epochs (the CLI default; about 3 minutes
here); --runs 3 gives medians.

    .venv/bin/python bench/bench_train.py [--epochs 20] [--runs 1]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.cli import main as cli  # noqa: E402
from bench.common import ANERCORP, median, peak_rss_mb, save  # noqa: E402


def run_cli(*args: str) -> dict[str, object]:
    """`annotator ARGS --json` in-process; its JSON output."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli([*args, "--json"])
    if code:
        raise SystemExit(f"annotator {' '.join(args)} failed ({code}): {out.getvalue()[-500:]}")
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def train_once(work: Path, epochs: int, seed: int) -> tuple[dict[str, object], float]:
    project = work / "anercorp.db"
    for path in (project, work / "model"):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    with contextlib.redirect_stdout(io.StringIO()):
        cli(["init", str(project), "--lang", "ar", "--labels", "PERS,LOC,ORG,MISC"])
    imported = run_cli("import", str(project), str(ANERCORP), "--format", "conll",
                       "--split", "sentence", "--status", "done", "--annotator", "gold-import")
    started = time.perf_counter()
    report = run_cli("train", str(project), "--out", str(work / "model"), "--holdout", "0.2",
                     "--epochs", str(epochs), "--seed", str(seed))
    wall = time.perf_counter() - started
    report["imported"] = {k: imported[k] for k in ("documents_added", "duplicates_skipped", "characters", "spans_added")}
    return report, wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not ANERCORP.exists():
        sys.exit(f"needs {ANERCORP} (see ../shared/data/README.md)")
    work = Path(tempfile.mkdtemp(prefix="bench-train-"))
    try:
        load_before = os.getloadavg()[0]
        reports, walls = [], []
        for run in range(args.runs):
            report, wall = train_once(work, args.epochs, args.seed)
            reports.append(report)
            walls.append(wall)
            print(f"run {run + 1}: {wall:.1f} s, overall F1 "
                  f"{report['overall']['f1']:.3f}", flush=True)  # type: ignore[index]
        last = reports[-1]
        scores: dict[str, dict[str, float]] = last["scores"]  # type: ignore[assignment]
        overall: dict[str, float] = last["overall"]  # type: ignore[assignment]
        figures: dict[str, object] = {
            "data": "ANERcorp sample (anercorp_sample.conll), one document per sentence",
            "imported": last["imported"], "documents": last["documents"], "spans": last["spans"],
            "misaligned_skipped": last["misaligned_skipped"],
            "max_epochs": args.epochs, "epochs_run": int(last["epochs"]) + 1,  # type: ignore[call-overload]
            "steps": last["steps"], "runs": args.runs, "seed": args.seed,
            "train_seconds_median": round(median(walls), 1),
            "train_seconds_each": [round(w, 1) for w in walls],
            "best_dev_f1": round(float(last["best_dev_f1"]), 4),  # type: ignore[arg-type]
            "heldout_per_label": {label: {k: round(v, 4) if isinstance(v, float) else v
                                          for k, v in s.items()} for label, s in scores.items()},
            "heldout_overall": {k: round(v, 4) if isinstance(v, float) else v
                                for k, v in overall.items()},
            "heldout_overall_f1_each_run": [round(float(r["overall"]["f1"]), 4)  # type: ignore[index]
                                            for r in reports],
            "cpu_count": os.cpu_count(), "load_average_before": load_before,
            "load_average_after": os.getloadavg()[0], "peak_rss_mb": round(peak_rss_mb(), 1),
        }
        print(f"trained {args.epochs} epoch(s) max on {last['documents']} in "
              f"{median(walls):.1f} s (median of {args.runs})")
        print(f"  {'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'spans':>6}")
        for label, s in [*scores.items(), ("overall", overall)]:
            print(f"  {label:<8} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                  f"{s['support']:>6}")
        save("train", figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
