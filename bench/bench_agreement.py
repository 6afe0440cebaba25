"""Benchmark: every agreement measure on 3 annotators x ~1 million tokens, tokenizing included.

Prints the figures and saves them to bench/results/agreement.json. Never a pass/fail on time.

Corpus: real Arabic sentences (ANERcorp sample from ../shared/data, reshuffled into documents
of ten sentences until the corpus holds the target number of tokens; a synthetic Arabic-like
corpus when the data is absent). Annotator "gold" has the corpus' own entities; "x" and "y"
are noisy copies (missed entities, a clitic left out of the span, relabelling, boundary
shifts) and each leave some documents unfinished.

Timed, median of --runs runs: tokenizing every document (the project tokenizer when
`annotator.text.tokenizer.ProjectTokenizer` is importable, else spaCy's blank Arabic
tokenizer), building the `AgreementDocument`s and `compute_agreement` (every measure, with the
per-document and per-label breakdowns). Then each measure alone, side by side with the reference
libraries on the same token codes (krippendorff, statsmodels, scikit-learn), and their values
compared to 1e-9.

    .venv/bin/python bench/bench_agreement.py [--tokens 1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.agreement import AgreementDocument, compute_agreement  # noqa: E402
from annotator.agreement.coding import (  # noqa: E402
    cohen_kappa_from_confusion,
    confusion_matrix,
    fleiss_kappa,
    krippendorff_alpha_nominal,
)
from annotator.agreement.compute import _Computation  # noqa: E402
from annotator.agreement.spans import match_pair  # noqa: E402
from annotator.agreement.tokens import label_all_tokens  # noqa: E402
from annotator.agreement.units import prepare_corpus  # noqa: E402
from annotator.core.model import Span  # noqa: E402

ANERCORP = ROOT / ".." / "shared" / "data" / "arabic" / "anercorp_sample.conll"
RESULTS = ROOT / "bench" / "results" / "agreement.json"
Sentence = tuple[str, list[Span]]


def read_sentences() -> tuple[list[Sentence], str]:
    if not ANERCORP.exists():
        return synthetic_sentences(), "synthetic Arabic-like text"
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in [*ANERCORP.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip() and not line.startswith("-DOCSTART-"):
            word, _, tag = line.rpartition(" ")
            words.append(word)
            tags.append(tag)
            continue
        if words:
            sentences.append(to_sentence(words, tags))
            words, tags = [], []
    return sentences, "ANERcorp sample (../shared/data/arabic), reshuffled"


def to_sentence(words: list[str], tags: list[str]) -> Sentence:
    spans: list[Span] = []
    position = 0
    open_span: tuple[int, str] | None = None
    end = 0
    for word, tag in zip(words, tags, strict=True):
        start = position
        if open_span and not (tag.startswith("I-") and tag[2:] == open_span[1]):
            spans.append(Span(open_span[0], end, open_span[1]))
            open_span = None
        if tag != "O" and open_span is None:
            open_span = (start, tag[2:])
        end = start + len(word)
        position = end + 1
    if open_span:
        spans.append(Span(open_span[0], end, open_span[1]))
    return " ".join(words), spans


def synthetic_sentences(count: int = 800, seed: int = 1) -> list[Sentence]:
    rng = np.random.default_rng(seed)
    letters = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
    vocabulary = ["".join(rng.choice(letters, rng.integers(2, 8))) for _ in range(6000)]
    sentences = []
    for _ in range(count):
        words = [str(w) for w in rng.choice(vocabulary, rng.integers(10, 40))] + ["."]
        tags = ["O"] * len(words)
        for k in range(0, len(words) - 3, 9):
            tags[k] = "B-" + str(rng.choice(["PERS", "LOC", "ORG", "MISC"]))
            if rng.random() < 0.4:
                tags[k + 1] = "I-" + tags[k][2:]
        sentences.append(to_sentence(words, tags))
    return sentences


def noisy(spans: list[Span], rng: np.random.Generator) -> list[Span]:
    out = []
    for s in spans:
        roll = rng.random()
        if roll < 0.08:
            continue  # missed
        if roll < 0.14 and s.end - s.start > 3:
            s = Span(s.start + 1, s.end, s.label)  # a proclitic left out
        elif roll < 0.18:
            s = Span(s.start, s.end, "MISC" if s.label != "MISC" else "ORG")
        elif roll < 0.20 and s.end - s.start > 3:
            s = Span(s.start, s.end - 1, s.label)
        out.append(s)
    return out


def build_corpus(target_tokens: int, seed: int = 7) -> tuple[list[str], list[dict[str, Any]], str]:
    """Texts and their annotations (no tokens yet), about `target_tokens` whitespace words."""
    sentences, source = read_sentences()
    rng = np.random.default_rng(seed)
    texts: list[str] = []
    annotations: list[dict[str, Any]] = []
    words = 0
    while words < target_tokens:
        for chunk in np.array_split(rng.permutation(len(sentences)), len(sentences) // 10):
            chosen = [sentences[k] for k in chunk]
            offsets = np.cumsum([0] + [len(t) + 1 for t, _ in chosen])
            gold = [Span(s.start + int(o), s.end + int(o), s.label)
                    for (_, spans), o in zip(chosen, offsets, strict=False) for s in spans]
            texts.append(" ".join(t for t, _ in chosen))
            annotations.append({
                "gold": gold,
                "x": noisy(gold, rng) if rng.random() > 0.03 else None,
                "y": noisy(gold, rng) if rng.random() > 0.05 else None,
            })
            words += sum(len(t.split()) for t, _ in chosen)
            if words >= target_tokens:
                break
    return texts, annotations, source


def make_tokenizer() -> tuple[Callable[[list[str]], list[Any]], str]:
    try:
        from annotator.text.tokenizer import ProjectTokenizer
    except ImportError:
        ProjectTokenizer = None  # noqa: N806
    if ProjectTokenizer is not None:
        project = ProjectTokenizer("ar")
        return (lambda texts: [project.token_offsets(t) for t in texts]), "ProjectTokenizer('ar')"
    return spacy_tokenizer(), "spacy.blank('ar').tokenizer"


def spacy_tokenizer() -> Callable[[list[str]], list[Any]]:
    import spacy
    from spacy.attrs import IDX, LENGTH

    tokenizer = spacy.blank("ar").tokenizer

    def run(texts: list[str]) -> list[Any]:
        out = []
        for doc in tokenizer.pipe(texts):
            array = doc.to_array([IDX, LENGTH]).astype(np.int64)
            array[:, 1] += array[:, 0]
            out.append(array)
        return out

    return run


RUN_TIMES: dict[str, list[float]] = {}


def median_time(fn: Callable[[], Any], runs: int, name: str = "") -> tuple[float, Any]:
    """Median wall time of `runs` calls (each one kept under RUN_TIMES[name] when named)."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    if name:
        RUN_TIMES[name] = times
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--library-runs", type=int, default=3)
    args = parser.parse_args()

    load_before = os.getloadavg()
    texts, annotations, source = build_corpus(args.tokens)
    tokenize, tokenizer_name = make_tokenizer()

    def end_to_end() -> Any:
        token_lists = tokenize(texts)
        docs = [AgreementDocument(i, len(t), tok, ann)
                for i, (t, tok, ann) in enumerate(zip(texts, token_lists, annotations, strict=True))]
        return docs, compute_agreement(docs)

    compute_agreement([AgreementDocument(0, 3, [(0, 3)], {"a": [], "b": []})])  # warm imports
    total, (docs, report) = median_time(end_to_end, args.runs, "end_to_end")
    tokenize_time, token_lists = median_time(lambda: tokenize(texts), args.runs, "tokenize")
    spacy_tokenize = spacy_tokenizer()
    spacy_time, _ = median_time(lambda: spacy_tokenize(texts), args.runs)
    measures_time, _ = median_time(lambda: compute_agreement(docs), args.runs, "compute_agreement")
    n_tokens = report.corpus["tokens"]
    tracemalloc.start()
    compute_agreement(docs)
    peak_bytes = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss_before_libraries = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    corpus = prepare_corpus(docs)
    codes, _ = label_all_tokens(corpus)
    size = len(corpus.labels) + 1
    computation = _Computation(corpus)
    complete = corpus.present.all(axis=0)
    ours = {
        "prepare_corpus": lambda: prepare_corpus(docs),
        "token_labels": lambda: label_all_tokens(corpus),
        "krippendorff_alpha": lambda: krippendorff_alpha_nominal(codes, size)[0],
        "fleiss_kappa": lambda: fleiss_kappa(codes, size)[0],
        "cohen_kappa_pairs": lambda: [cohen_kappa_from_confusion(confusion_matrix(codes[i], codes[j], size))
                                      for i, j in combinations(range(3), 2)],
        "alpha_u": lambda: computation._unitizing_study().terms(np.where(complete, 0, -1), 1).alpha(0),
        "span_f1_pairs": lambda: [
            match_pair(corpus.spans[i], corpus.spans[j], corpus.present[i], corpus.present[j],
                       size, corpus.total_length + 1)
            for i, j in combinations(range(3), 2)],
        "per_document": lambda: computation._documents(),
        "report_to_dict": lambda: report.to_dict(),
    }
    ours_times = {name: median_time(fn, args.runs)[0] for name, fn in ours.items()}

    missing_as_nan = np.where(codes < 0, np.nan, codes.astype(float))
    complete_tokens = (codes >= 0).all(axis=0)

    def library_alpha() -> float:
        import krippendorff

        return float(krippendorff.alpha(reliability_data=missing_as_nan, level_of_measurement="nominal",
                                        value_domain=list(range(size))))

    def library_fleiss() -> float:
        from statsmodels.stats.inter_rater import aggregate_raters
        from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

        return float(sm_fleiss(aggregate_raters(codes[:, complete_tokens].T, n_cat=size)[0]))

    def library_cohen() -> list[float]:
        from sklearn.metrics import cohen_kappa_score

        out = []
        for i, j in combinations(range(3), 2):
            both = (codes[i] >= 0) & (codes[j] >= 0)
            out.append(float(cohen_kappa_score(codes[i][both], codes[j][both])))
        return out

    libraries = {
        "krippendorff_alpha": ("krippendorff.alpha", library_alpha, ours["krippendorff_alpha"]),
        "fleiss_kappa": ("statsmodels fleiss_kappa + aggregate_raters", library_fleiss, ours["fleiss_kappa"]),
        "cohen_kappa_pairs": ("sklearn cohen_kappa_score (3 pairs)", library_cohen, ours["cohen_kappa_pairs"]),
    }
    side_by_side = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, (library, fn, mine) in libraries.items():
            their_time, theirs = median_time(fn, args.library_runs)
            our_time, value = median_time(mine, args.library_runs)
            diff = float(np.max(np.abs(np.subtract(theirs, value))))
            side_by_side[name] = {
                "library": library, "library_s": their_time, "ours_s": our_time,
                "speedup": their_time / our_time, "ours": value, "theirs": theirs,
                "max_abs_difference": diff, "agree_to_1e-9": diff <= 1e-9,
            }

    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)]},
        "corpus": {"source": source, "documents": len(docs), "tokens": n_tokens,
                   "characters": report.corpus["characters"], "annotators": 3,
                   "documents_by_coders": report.corpus["documents_by_coders"],
                   "spans": {n: s.spans for n, s in report.annotator_summaries.items()}},
        "runs": args.runs, "tokenizer": tokenizer_name,
        "end_to_end_s": total,
        "tokenize_s": tokenize_time,
        "spacy_blank_ar_tokenize_s": spacy_time,
        "compute_agreement_s": measures_time,
        "compute_agreement_tokens_per_s": n_tokens / measures_time,
        "compute_agreement_peak_allocated_mb": peak_bytes / 2**20,
        "process_peak_rss_mb_before_libraries": rss_before_libraries / 2**20,
        "every_run_s": RUN_TIMES,
        "measures_alone_s": ours_times,
        "side_by_side": side_by_side,
        "values": {name: figure.value for name, figure in report.overall.items()},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_results(results)


def print_results(r: dict[str, Any]) -> None:
    c = r["corpus"]
    print(f"corpus: {c['documents']} documents, {c['tokens']:,} tokens, {c['characters']:,} code points, "
          f"3 annotators ({c['source']})")
    print(f"median of {r['runs']} runs; tokenizer: {r['tokenizer']}; "
          f"load average before/after: {r['machine']['load_average_before_after']} on {r['machine']['cpus']} CPUs")
    first = r["every_run_s"]["end_to_end"][0]
    print(f"  end to end (tokenize + documents + every measure): {r['end_to_end_s']:.3f} s "
          f"(first run, tokenizer cache cold: {first:.3f} s)")
    print(f"  tokenize alone: {r['tokenize_s']:.3f} s   (spaCy blank 'ar': {r['spacy_blank_ar_tokenize_s']:.3f} s)")
    print(f"  compute_agreement alone: {r['compute_agreement_s']:.3f} s "
          f"({r['compute_agreement_tokens_per_s']:,.0f} tokens/s)")
    print(f"  peak memory allocated by compute_agreement: {r['compute_agreement_peak_allocated_mb']:.0f} MB "
          f"(process peak RSS before the libraries ran: {r['process_peak_rss_mb_before_libraries']:.0f} MB)")
    for name, seconds in r["measures_alone_s"].items():
        print(f"    {name:<20} {seconds * 1000:8.1f} ms")
    print("side by side with the reference libraries (same token codes):")
    for name, s in r["side_by_side"].items():
        print(f"  {name:<20} ours {s['ours_s'] * 1000:8.1f} ms   {s['library']}: {s['library_s'] * 1000:9.1f} ms"
              f"   x{s['speedup']:.0f}   max |diff| {s['max_abs_difference']:.2e}")
    print("values:", {k: None if v is None else round(v, 4) for k, v in r["values"].items()})
    print(f"saved to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
