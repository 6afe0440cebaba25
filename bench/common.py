"""Shared helpers for benchmarks: Arabic text generation, timing, peak memory, saving results.

Benchmarks print figures and save them as JSON in bench/results/; they never pass or fail on
time. Machines here are shared and noisy: report medians, and ratios measured side by side.
"""

from __future__ import annotations

import json
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
SEED = REPO / "seeds" / "lavrov_north_korea_ar.txt"
ANERCORP = REPO.parent / "shared" / "data" / "arabic" / "anercorp_sample.conll"


def arabic_sentences() -> list[str]:
    """Sentences from the seed article and (when present) the ANERcorp sample."""
    text = SEED.read_text(encoding="utf-8")
    sentences = [s.strip() for s in text.replace("\n", " ").split(".") if s.strip()]
    if ANERCORP.exists():
        words: list[str] = []
        for line in ANERCORP.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    sentences.append(" ".join(words))
                words = []
            elif not line.startswith("-DOCSTART-"):
                words.append(line.split()[0])
    return sentences


def arabic_documents(count: int, chars: int, seed: int = 7) -> Iterator[str]:
    """COUNT distinct Arabic documents of about CHARS characters each."""
    rng = random.Random(seed)
    sentences = arabic_sentences()
    for i in range(count):
        parts: list[str] = []
        size = 0
        while size < chars:
            sentence = rng.choice(sentences)
            parts.append(sentence)
            size += len(sentence) + 2
        yield f"{'. '.join(parts)}. ({i})"


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def save(name: str, figures: dict[str, object]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    figures = {"benchmark": name, "when": time.strftime("%Y-%m-%d %H:%M:%S"),
               "python": sys.version.split()[0], "machine": platform.machine(), **figures}
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"saved {path.relative_to(REPO)}")
    return path
