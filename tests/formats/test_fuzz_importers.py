"""Fuzz every importer with mutated real files: each either imports or stops with one coded
error (never a traceback, never E253, the catch-all that means a reader missed a check), and a
failed import leaves the project exactly as it was.

Bounded: FUZZ_EXAMPLES per seed (default 40; `ANNOTATOR_FUZZ_EXAMPLES=2000` for a long local
run), derandomised when CI is set. Inputs that once crashed an importer live in
`fuzz_crashes/` (named `<format>--<what>.<ext>`) and are replayed on every run; a new crash is
saved under the temp folder named in the failure message, to be added there.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from fuzzing import SEEDS, SHARED_SEEDS, mutate_bytes, mutate_json, seed_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.formats.registry import ReadOptions

CRASHES = Path(__file__).parent / "fuzz_crashes"
FUZZ_EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "40"))
LABELS = ["PERS", "LOC", "ORG", "MISC", "GPE", "OCC", "PER"]
ALL_SEEDS = SEEDS + [seed for seed in SHARED_SEEDS if seed[1].exists()]
SAVED = Path(tempfile.gettempdir()) / "annotator-fuzz-crashes"


class Target:
    """A project to import into, and its fingerprint: counts of everything a project holds."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.project = Project.create(folder / "p.db", labels=LABELS)

    def fingerprint(self) -> object:
        store = self.project.store
        return store.stats(), store.document_count(), [label.name for label in store.labels()]


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory):
    made = Target(tmp_path_factory.mktemp("fuzz"))
    yield made
    made.project.close()


def place(folder: Path, fmt: str, seed: Path, member: str, data: bytes) -> Path:
    """Write DATA where the importer will read it: a file named like the seed, or, for brat,
    a copy of the seed folder with MEMBER replaced."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    if member:
        copy = folder / seed.name
        shutil.copytree(seed, copy)
        (copy / member).write_bytes(data)
        return copy
    path = folder / seed.name
    path.write_bytes(data)
    return path


def check_import(target: Target, fmt: str, path: Path, data: bytes, label: str) -> None:
    for chosen in (fmt, "auto"):
        before = target.fingerprint()
        try:
            import_paths(target.project, [path], chosen, ReadOptions())
        except AnnotatorError as err:
            after = target.fingerprint()
            if err.code is E.E253 or after != before:
                _fail(fmt, chosen, data, label, f"{err} (changed: {after != before})")
        except Exception as err:  # noqa: BLE001 - what the test is looking for
            _fail(fmt, chosen, data, label, f"{type(err).__name__}: {err}")


def _fail(fmt: str, chosen: str, data: bytes, label: str, what: str) -> None:
    SAVED.mkdir(exist_ok=True)
    saved = SAVED / f"{fmt}--{label}-{abs(hash(data)) % 10 ** 8}"
    saved.write_bytes(data)
    pytest.fail(f"import as {chosen} of a mutated {fmt} file ({label}) gave {what}; "
                f"input saved at {saved}")


@pytest.mark.parametrize("fmt,seed,member", ALL_SEEDS,
                         ids=[f"{f}-{s.name}-{m}" for f, s, m in ALL_SEEDS])
def test_mutated_real_files_import_or_give_one_coded_error(target: Target, fmt: str, seed: Path,
                                                           member: str) -> None:
    original = seed_bytes(seed, member)
    folder = target.folder / "input"

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
              suppress_health_check=list(HealthCheck), database=None)
    @given(st.integers(0, 2 ** 32 - 1), st.integers(1, 6), st.booleans())
    def fuzz(rng_seed: int, rounds: int, structural: bool) -> None:
        rng = random.Random(rng_seed)
        data = mutate_json(original, rng, rounds) if structural else None
        data = data if data is not None else mutate_bytes(original, rng, rounds)
        path = place(folder, fmt, seed, member, data)
        check_import(target, fmt, path, data, seed.name)

    fuzz()


CRASH_FILES = sorted(CRASHES.glob("*--*")) if CRASHES.exists() else []


@pytest.mark.parametrize("crash", CRASH_FILES, ids=[p.name for p in CRASH_FILES])
def test_past_crash_inputs_give_one_coded_error(target: Target, crash: Path) -> None:
    fmt = crash.name.split("--")[0]
    seed, member = next((s, m) for f, s, m in SEEDS if f == fmt)
    data = crash.read_bytes()
    check_import(target, fmt, place(target.folder / "crash", fmt, seed, member, data), data,
                 crash.name)


def test_the_crash_corpus_is_there() -> None:
    # The replay above must not pass by finding nothing to replay.
    assert len(CRASH_FILES) >= 5
