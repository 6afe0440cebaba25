"""Pre-tagging throughput: the tool against plain `nlp.pipe`, side by side, same pipeline.

A small NER pipeline (spaCy's efficiency config with the project tokenizer) is trained for a
couple of epochs on the ANERcorp sample (speed does not depend on accuracy), then N Arabic
documents of about 500 characters are pre-tagged:

- `nlp.pipe`: the texts already in memory, entities read from each Doc (the floor);
- `tool (bulk)`: `pretag_documents` as the CLI runs it: texts streamed from the project,
  suggestions mapped and written in per-group transactions with store/suggestions.py;
- `tool (domain ops)`: the same run writing through `Project.apply(Batch(AddSpan...))`,
  one transaction per document (the path the lead asked to compare);
- the gazetteer pre-tagger against its bare matcher;
- `n_process=2` for the model, both ways.

Every tool run starts from a fresh copy of the same project (no suggestions yet). Figures are
medians of --runs runs, alternated (the domain-ops variant, five times slower, only in the first
--domain-runs); ratios are raw/tool time from the same runs, in wall time (throughput) and in
CPU time of this process (steadier when other work shares the cores: the load average is
recorded).

    .venv/bin/python bench/bench_pretag.py [--docs 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.app.pretagging import pretag_documents  # noqa: E402
from annotator.app.project import Project  # noqa: E402
from annotator.core.model import SourceDocument, SpanState  # noqa: E402
from annotator.core.operations import AddSpan, Batch  # noqa: E402
from annotator.nlp.pretaggers import GazetteerPretagger, SpacyPretagger  # noqa: E402
from annotator.store.ingest import IngestOptions, ingest  # noqa: E402
from bench.common import ANERCORP, arabic_documents, median, peak_rss_mb, save  # noqa: E402

LABELS = ["PERS", "LOC", "ORG", "MISC"]


def train_small_model(work: Path) -> Path:
    from annotator.app.importing import import_paths
    from annotator.app.training import TrainOptions, train_model
    from annotator.formats.registry import ReadOptions

    store = Project.create(work / "train.db", labels=LABELS)
    import_paths(store, [ANERCORP], "conll", ReadOptions(split="sentence"),
                 IngestOptions(annotator="gold-import"))
    report = train_model(store, work / "model", TrainOptions(max_epochs=2))
    store.close()
    print(f"trained a small pipeline in {report.seconds:.1f} s (F1 {report.overall.f1 if report.overall else 0:.3f})")
    return work / "model"


def make_project(path: Path, texts: list[str]) -> None:
    store = Project.create(path, labels=LABELS)
    with store.store.write() as c:
        ingest(c, [SourceDocument(t, source=f"d{i}") for i, t in enumerate(texts)],
               store.info().overlap_policy, IngestOptions())
    store.close()


def fresh(template: Path, work: Path, name: str) -> Project:
    target = work / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    return Project.open(target)


def run_raw(nlp, texts: list[str], n_process: int = 1) -> int:  # type: ignore[no-untyped-def]
    found = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=n_process):
        found += len([(e.start_char, e.end_char, e.label_) for e in doc.ents])
    return found


def run_domain(store: Project, pretagger: SpacyPretagger, annotator: str) -> int:
    """Pre-tag through the domain: one Batch of AddSpan per document, one transaction each."""
    texts = [text for _id, _source, text in store.iter_documents()]
    ids = store.document_ids()
    added = 0
    for doc_id, found in zip(ids, pretagger.suggest(texts), strict=True):
        annotation = store.annotation_id(doc_id, annotator)
        operations = tuple(AddSpan(annotation, s.start, s.end, s.label, SpanState.SUGGESTED,
                                   s.origin, s.score) for s in found if s.label in LABELS)
        if operations:
            store.apply(Batch(operations, "pre-tag"))
            added += len(operations)
    return added


def timed(function: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def documents(count: int, chars: int) -> list[str]:
    """COUNT distinct Arabic documents of at most CHARS characters, cut at a space (about
    CHARS); each starts with its number, so none is skipped as a duplicate at import."""
    texts = []
    for i, text in enumerate(arabic_documents(count, chars)):
        text = f"({i}) {text}"
        texts.append(text if len(text) <= chars else text[:chars].rsplit(" ", 1)[0])
    return texts


def run_tool(template: Path, work: Path, name: str, pretagger: object) -> tuple[float, float, int]:
    """Pre-tag a fresh copy of the project, as `annotator pretag --annotator a` does."""
    store = fresh(template, work, name)
    try:
        wall, cpu, report = timed(partial(pretag_documents, store, pretagger,  # type: ignore[arg-type]
                                          annotator="a"))
    finally:
        store.close()
    if report.documents_tagged != report.documents_selected:  # type: ignore[attr-defined]
        raise SystemExit(f"{name}: only {report.documents_tagged} documents tagged")  # type: ignore[attr-defined]
    return wall, cpu, report.suggestions.added  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--domain-runs", type=int, default=1,
                        help="runs of the (slow) one-transaction-per-document variant")
    parser.add_argument("--model", help="an existing pipeline folder (default: train one)")
    args = parser.parse_args()
    if not ANERCORP.exists() and not args.model:
        sys.exit(f"needs {ANERCORP} or --model")
    from annotator.nlp.gazetteer import read_name_file
    from annotator.nlp.pretaggers import load_spacy_pipeline
    from annotator.paths import starter_gazetteer_path

    work = Path(tempfile.mkdtemp(prefix="bench-pretag-"))
    try:
        model = Path(args.model) if args.model else train_small_model(work)
        nlp = load_spacy_pipeline(str(model))
        texts = documents(args.docs, args.chars)
        characters = sum(map(len, texts))
        template = work / "template.db"
        make_project(template, texts)
        with Project.open(template) as check:
            if len(check.document_ids()) != len(texts):
                sys.exit("the generated documents are not all distinct")
        pretagger = SpacyPretagger(nlp, "bench")
        names, _ = read_name_file(starter_gazetteer_path("ar"))
        gazetteer = GazetteerPretagger(names, "ar", "starter")
        run_raw(nlp, texts[:50])  # warm up
        runs: dict[str, Callable[[], tuple[float, float, object]]] = {
            "tokenizer_only": lambda: timed(lambda: [nlp.make_doc(t) for t in texts]),
            "raw": lambda: timed(partial(run_raw, nlp, texts)),
            "tool": partial(run_tool, template, work, "tool", pretagger),
            "domain": lambda: _domain(template, work),
            "gazetteer_raw": lambda: timed(lambda: [gazetteer.matcher.find(t) for t in texts]),
            "gazetteer_tool": partial(run_tool, template, work, "gaz", gazetteer),
        }

        def _domain(template: Path, work: Path) -> tuple[float, float, object]:
            store = fresh(template, work, "domain")
            try:
                return timed(partial(run_domain, store, pretagger, "a"))
            finally:
                store.close()

        wall: dict[str, list[float]] = {k: [] for k in runs}
        cpu: dict[str, list[float]] = {k: [] for k in runs}
        counts: dict[str, object] = {}
        for run in range(args.runs):  # alternated, so load changes hit every variant alike
            for key, function in runs.items():
                if key == "domain" and run >= args.domain_runs:
                    continue  # five times slower than the rest: measured fewer times
                seconds, cpu_seconds, result = function()
                wall[key].append(seconds)
                cpu[key].append(cpu_seconds)
                if key in ("raw", "tool", "domain"):
                    counts[f"{key}_entities"] = result
            print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in wall.items()
                                                 if v), flush=True)
        figures: dict[str, object] = {
            "documents": args.docs, "characters": characters, "runs": args.runs,
            "domain_runs": min(args.domain_runs, args.runs),
            "model": "spaCy efficiency NER (tok2vec width 96, depth 4) with the project "
                     "tokenizer, 2 epochs on the ANERcorp sample" if not args.model else args.model,
            "load_average_before": os.getloadavg()[0], **counts}
        for key in runs:
            figures[f"{key}_seconds_median"] = round(median(wall[key]), 3)
            figures[f"{key}_chars_per_second"] = round(characters / median(wall[key]))
            figures[f"{key}_cpu_seconds_median"] = round(median(cpu[key]), 3)
        for name, (floor, tool) in {"tool_vs_nlp_pipe": ("raw", "tool"),
                                    "domain_vs_nlp_pipe": ("raw", "domain"),
                                    "gazetteer_tool_vs_matcher": ("gazetteer_raw",
                                                                  "gazetteer_tool")}.items():
            figures[f"{name}_throughput_ratio_median"] = round(median(
                [r / t for r, t in zip(wall[floor], wall[tool], strict=False)]), 3)
            figures[f"{name}_cpu_ratio_median"] = round(median(
                [r / t for r, t in zip(cpu[floor], cpu[tool], strict=False)]), 3)
        # two processes (process start-up is part of what they cost), alternated as well
        two: dict[str, list[float]] = {"raw": [], "tool": [], "tokenizer_only": []}
        pretagger2 = SpacyPretagger(nlp, "bench", n_process=2)
        for _run in range(args.runs):
            two["raw"].append(timed(lambda: run_raw(nlp, texts, n_process=2))[0])
            two["tool"].append(run_tool(template, work, "tool2", pretagger2)[0])
            two["tokenizer_only"].append(timed(lambda: list(nlp.pipe(
                texts, batch_size=64, n_process=2, disable=nlp.pipe_names)))[0])
        for key, values in two.items():
            figures[f"{key}_2_processes_chars_per_second"] = round(characters / median(values))
        figures.update(
            tool_vs_nlp_pipe_2_processes_ratio_median=round(median(
                [r / t for r, t in zip(two["raw"], two["tool"], strict=True)]), 3),
            load_average_after=os.getloadavg()[0], peak_rss_mb=round(peak_rss_mb(), 1))
        for key, value in figures.items():
            print(f"{key:<50} {value}")
        save("pretag", figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
