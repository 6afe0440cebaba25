"""Export 1 million Arabic tokens (2,000 documents) to DocBin and to CoNLL; time and peak memory,
side by side with building the same DocBin directly with spaCy from the same texts and spans.

Each measurement runs in a fresh process (peak RSS is per process), modes interleaved, and the
figures are medians of --runs runs (wall-clock and CPU time: on a shared, loaded machine the CPU
time ratio is the steadier one); the load average before and after is saved with them:
- export-spacy: `export_project(..., format="spacy")` (store -> project lexicon -> project
  tokenizer -> alignment -> streamed DocBin -> file), everything an export does;
- export-conll: `export_project(..., format="conll")` in IOB2;
- direct-blank: spaCy alone, spacy.blank("ar").make_doc + doc.char_span + DocBin.to_disk, the
  texts and spans read from a JSONL file into memory first (the issue's reference);
- direct-project: the same with the project tokenizer's make_doc (without the project lexicon,
  which the export builds from the spans and gazetteer first; here the spans align either way).

With --double, the DocBin export and the direct build also run once on twice the documents:
streaming keeps the export's peak memory flat while the direct build's doubles.

usage: python bench/bench_export.py [--runs 3] [--docs 2000] [--tokens 500] [--double]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import REPO, arabic_documents, median, peak_rss_mb, save  # noqa: E402

MODES = ("export-spacy", "export-conll", "direct-blank", "direct-project")


def build(folder: Path, docs: int, tokens: int) -> tuple[Path, Path, int]:
    """A project of DOCS documents of about TOKENS tokens, one entity per ~8 words; the same
    texts and spans as JSONL for the direct baselines."""
    from annotator.app.project import Project
    from annotator.core.model import SourceDocument, Span, Status
    from annotator.store.ingest import IngestOptions, ingest
    from annotator.text.tokenizer import ProjectTokenizer

    rng = random.Random(11)
    tokenizer = ProjectTokenizer("ar")
    records = []
    total_tokens = 0
    for text in arabic_documents(docs, tokens * 8):
        offsets = tokenizer.token_offsets(text)
        cut = next((i for i, (s, _e) in enumerate(offsets) if i >= tokens), len(offsets))
        text = text[: offsets[cut - 1][1]]
        offsets = offsets[:cut]
        total_tokens += len(offsets)
        spans, i = [], rng.randint(0, 7)
        while i < len(offsets):
            width = rng.choice((1, 1, 2, 3))
            last = min(i + width, len(offsets)) - 1
            if all(text[a:b].isalpha() for a, b in offsets[i:last + 1]):
                spans.append((offsets[i][0], offsets[last][1], rng.choice(("PERS", "LOC", "ORG"))))
            i = last + 1 + rng.randint(4, 12)
        records.append({"text": text, "spans": spans})
    project = folder / "bench.db"
    store = Project.create(project, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.store.engine.begin() as c:
        ingest(c, (SourceDocument(r["text"], source=f"doc{i}", spans=[Span(*s) for s in r["spans"]],
                                  annotated=True) for i, r in enumerate(records)),
               store.info().overlap_policy, IngestOptions(annotator="bench", status=Status.DONE))
    store.close()
    data = folder / "data.jsonl"
    with data.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return project, data, total_tokens


def child(mode: str, project: Path, data: Path, out: Path) -> dict[str, float]:
    start, cpu_start = time.perf_counter(), time.process_time()
    if mode.startswith("export"):
        from annotator.app.exporting import ExportOptions, export_project
        from annotator.app.project import Project

        store = Project.open(project)
        report = export_project(store, out, ExportOptions(format=mode.split("-")[1]))
        count = report.spans
    else:
        import spacy
        from spacy.tokens import DocBin

        if mode == "direct-blank":
            make_doc = spacy.blank("ar").make_doc
        else:
            from annotator.text.tokenizer import ProjectTokenizer

            make_doc = ProjectTokenizer("ar").make_doc
        records = [json.loads(line) for line in data.open(encoding="utf-8")]
        docbin = DocBin()
        count = 0
        for record in records:
            doc = make_doc(record["text"])
            ents = [doc.char_span(s, e, label=label) for s, e, label in record["spans"]]
            doc.ents = [x for x in ents if x is not None]  # spaCy drops what does not align
            count += len(doc.ents)
            docbin.add(doc)
        docbin.to_disk(out)
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu_start,
            "peak_mb": peak_rss_mb(), "spans": count}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--tokens", type=int, default=500)
    parser.add_argument("--double", action="store_true")
    parser.add_argument("--child", choices=MODES)
    parser.add_argument("--project", type=Path)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.project, args.data, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        project, data, tokens = build(folder, args.docs, args.tokens)
        print(f"built {args.docs} documents, {tokens:,} tokens in {time.perf_counter() - started:.1f} s")
        results: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
        load_before = os.getloadavg()[0]
        for run in range(args.runs):
            for mode in MODES:
                out = folder / f"{mode}-{run}.out"
                done = subprocess.run(
                    [sys.executable, __file__, "--child", mode, "--project", str(project),
                     "--data", str(data), "--out", str(out)],
                    capture_output=True, text=True, check=True, cwd=REPO)
                results[mode].append(json.loads(done.stdout.strip().splitlines()[-1]))
                out.unlink() if out.is_file() else None
        figures: dict[str, object] = {
            "documents": args.docs, "tokens": tokens, "runs": args.runs, "cpus": os.cpu_count(),
            "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)]}
        for mode in MODES:
            seconds = median([r["seconds"] for r in results[mode]])
            cpu = median([r["cpu_seconds"] for r in results[mode]])
            peak = median([r["peak_mb"] for r in results[mode]])
            figures[mode] = {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
                             "peak_mb": round(peak),
                             "spans": results[mode][0]["spans"],
                             "every_run_seconds": [round(r["seconds"], 2) for r in results[mode]]}
            print(f"{mode:<15} {seconds:6.2f} s (CPU {cpu:6.2f} s)  peak {peak:6.0f} MB  "
                  f"spans {results[mode][0]['spans']:,}")
        ours = figures["export-spacy"]["seconds"]  # type: ignore[index]
        for baseline in ("direct-blank", "direct-project"):
            ratio = ours / figures[baseline]["seconds"]  # type: ignore[index]
            memory = figures["export-spacy"]["peak_mb"] / figures[baseline]["peak_mb"]  # type: ignore[index]
            cpu_ratio = figures["export-spacy"]["cpu_seconds"] / figures[baseline]["cpu_seconds"]  # type: ignore[index]
            figures[f"ratio_time_docbin_vs_{baseline}"] = round(ratio, 2)
            figures[f"ratio_cpu_time_docbin_vs_{baseline}"] = round(cpu_ratio, 2)
            figures[f"ratio_peak_docbin_vs_{baseline}"] = round(memory, 2)
            print(f"DocBin export / {baseline}: time {ratio:.2f}x (CPU time {cpu_ratio:.2f}x), "
                  f"peak memory {memory:.2f}x")
        if args.double:
            bigger = folder / "double"
            bigger.mkdir()
            project, data, tokens = build(bigger, 2 * args.docs, args.tokens)
            double: dict[str, object] = {"documents": 2 * args.docs, "tokens": tokens}
            for mode in ("export-spacy", "direct-blank"):
                done = subprocess.run(
                    [sys.executable, __file__, "--child", mode, "--project", str(project),
                     "--data", str(data), "--out", str(bigger / f"{mode}.out")],
                    capture_output=True, text=True, check=True, cwd=REPO)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                double[mode] = {"seconds": round(result["seconds"], 2), "peak_mb": round(result["peak_mb"])}
                print(f"{2 * args.docs} documents: {mode:<13} {result['seconds']:6.2f} s  "
                      f"peak {result['peak_mb']:6.0f} MB (one run)")
            figures["double"] = double
        save("export", figures)


if __name__ == "__main__":
    main()
