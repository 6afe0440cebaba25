"""Tokenizer throughput on about 1 MB of Arabic: spaCy blank("ar") against ProjectTokenizer.

The text is the ANERcorp sample (sentences on lines) and the seed article, repeated to
1,000,000 code points (about 1.8 MB of UTF-8). Figures are medians of --runs runs:
- spaCy: nlp.tokenizer(text) on a warm tokenizer (its cache filled by a first call), and
  cold (a fresh spacy.blank("ar") each run, its construction not counted);
- ProjectTokenizer.token_offsets: warm, and cold (a new tokenizer each run: rules loaded from
  the snapshot, empty cache); with the lexicon of ANERcorp's entity texts;
- token_offsets with 20,000 forced boundaries, make_doc, sentence_offsets, selection_offsets;
- start-up in a fresh process: importing annotator.text.tokenizer (spaCy not loaded) and the
  first token_offsets of the seed, against `import spacy` + spacy.blank("ar").

usage: python bench/bench_tokenizer.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ANERCORP, REPO, SEED, median, save  # noqa: E402

from annotator.text.tokenizer import ProjectTokenizer  # noqa: E402

SIZE = 1_000_000

STARTUP_CHILD = """
import json, sys, time
seed = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[2] == "project":
    t0 = time.perf_counter()
    from annotator.text.tokenizer import ProjectTokenizer
    t1 = time.perf_counter()
    ProjectTokenizer("ar").token_offsets(seed)
    t2 = time.perf_counter()
    print(json.dumps({"import_s": t1 - t0, "first_call_s": t2 - t1,
                      "spacy_loaded": "spacy" in sys.modules}))
else:
    t0 = time.perf_counter()
    import spacy
    nlp = spacy.blank("ar")
    t1 = time.perf_counter()
    nlp.tokenizer(seed)
    t2 = time.perf_counter()
    print(json.dumps({"import_s": t1 - t0, "first_call_s": t2 - t1, "spacy_loaded": True}))
"""


def anercorp_lines() -> tuple[list[str], list[str]]:
    """Sentences as lines, and the texts of the entities (for the lexicon)."""
    lines: list[str] = []
    entities: list[str] = []
    words: list[str] = []
    entity: list[str] = []
    for line in ANERCORP.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) == 2 and parts[0] != "-DOCSTART-":
            words.append(parts[0])
            if parts[1].startswith("I-") and entity:
                entity.append(parts[0])
                continue
            if entity:
                entities.append(" ".join(entity))
            entity = [parts[0]] if parts[1] != "O" else []
        elif not parts and words:
            lines.append(" ".join(words))
            words = []
    return lines, entities


def startup(kind: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_CHILD, str(SEED), kind],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    return dict(json.loads(result.stdout))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    if not ANERCORP.exists():
        sys.exit(f"ANERcorp sample not found at {ANERCORP}")
    lines, entities = anercorp_lines()
    base = "\n".join(lines) + "\n\n" + SEED.read_text(encoding="utf-8") + "\n\n"
    text = (base * (SIZE // len(base) + 1))[:SIZE]
    import spacy

    nlp = spacy.blank("ar")
    spacy_tokens = sum(1 for token in nlp.tokenizer(text) if not token.is_space)
    project = ProjectTokenizer("ar", entities)
    tokens = project.token_offsets(text)
    boundaries = [start for start, _ in tokens[::9]][:20_000]

    def spacy_cold() -> Callable[[], object]:
        fresh = spacy.blank("ar")  # built outside the timed call
        return lambda: fresh.tokenizer(text)

    measured: dict[str, Callable[[], Callable[[], object]]] = {
        "spacy_blank_ar_warm": lambda: lambda: nlp.tokenizer(text),
        "spacy_blank_ar_cold": spacy_cold,
        "project_token_offsets_warm": lambda: lambda: project.token_offsets(text),
        "project_token_offsets_cold": lambda: lambda: ProjectTokenizer(
            "ar", entities
        ).token_offsets(text),
        "project_token_offsets_20k_boundaries": lambda: lambda: project.token_offsets(
            text, boundaries
        ),
        "project_make_doc": lambda: lambda: project.make_doc(text),
        "project_sentence_offsets": lambda: lambda: project.sentence_offsets(text),
        "project_selection_offsets": lambda: lambda: project.selection_offsets(text),
    }
    timings: dict[str, list[float]] = {name: [] for name in measured}
    for _ in range(runs):  # round robin, so that noise from other processes hits all alike
        for name, prepare in measured.items():
            call = prepare()
            start = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - start)
    figures: dict[str, object] = {
        "text_code_points": len(text),
        "text_utf8_bytes": len(text.encode("utf-8")),
        "runs": runs,
        "spacy_tokens": spacy_tokens,
        "project_tokens": len(tokens),
        "project_sentences": len(project.sentence_offsets(text)),
    }
    print(f"{len(text):,} code points, {len(text.encode()):,} bytes; "
          f"spaCy {spacy_tokens:,} tokens, project {len(tokens):,} tokens")
    for name, values in timings.items():
        seconds = median(values)
        count = spacy_tokens if name.startswith("spacy") else len(tokens)
        figures[name] = {"median_s": round(seconds, 4), "tokens_per_s": round(count / seconds)}
        print(f"{name:40} {seconds * 1000:8.1f} ms  {count / seconds:12,.0f} tokens/s")
    warm_ratio = median(timings["spacy_blank_ar_warm"]) / median(timings["project_token_offsets_warm"])
    figures["speedup_warm_project_over_spacy"] = round(warm_ratio, 2)
    print(f"warm: project token_offsets is {warm_ratio:.1f}x spaCy's tokenizer")
    for kind in ("project", "spacy"):
        figures[f"startup_{kind}"] = startup(kind)
        print(f"start-up {kind}: {figures[f'startup_{kind}']}")
    save("tokenizer", figures)


if __name__ == "__main__":
    main()
