"""The exported DocBin works with spaCy's own tools: `spacy debug data` with a config from
`spacy init config` finds no alignment problems, and `spacy train` runs on it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from test_export import seed_spans

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.formats.registry import ReadOptions


def spacy_cli(*args: str, cwd) -> str:
    done = subprocess.run([sys.executable, "-m", "spacy", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)


@pytest.fixture
def corpus(tmp_path, shared_data, seed_text):
    from format_helpers import make_project

    store = make_project(tmp_path / "p.db", [(seed_text, seed_spans(seed_text))], annotator="gold")
    import_paths(store, [shared_data / "arabic" / "anercorp_sample.conll"], "conll",
                 ReadOptions(split="sentence"))
    with store.store.engine.begin() as c:  # make the ANERcorp annotations gold as well
        c.exec_driver_sql("UPDATE annotation SET annotator_id = (SELECT id FROM annotator "
                          "WHERE name = 'gold')")
    report = export_project(store, tmp_path / "corpus", ExportOptions(
        format="spacy", gold=True, splits={"train": 0.8, "dev": 0.2}, seed=1))
    assert report.misaligned == [] and sum(report.documents.values()) > 700
    spacy_cli("init", "config", str(tmp_path / "config.cfg"), "--lang", "ar", "--pipeline", "ner",
              cwd=tmp_path)
    return tmp_path


def test_spacy_debug_data_finds_no_alignment_problem(corpus):
    out = spacy_cli("debug", "data", "config.cfg", "--paths.train", "corpus/train.spacy",
                    "--paths.dev", "corpus/dev.spacy", cwd=corpus)
    assert "✘" not in out
    assert "0 missing value(s)" in out
    assert "No entities consisting of or starting/ending with whitespace" in out
    assert "No entities crossing sentence boundaries" in out
    assert "Corpus is loadable" in out


@pytest.mark.slow
def test_spacy_train_runs_on_the_export(corpus):
    out = spacy_cli("train", "config.cfg", "--paths.train", "corpus/train.spacy",
                    "--paths.dev", "corpus/dev.spacy", "--training.max_steps", "30",
                    "--training.eval_frequency", "15", "--output", "model", cwd=corpus)
    assert "Saved pipeline to output directory" in out
    assert (corpus / "model" / "model-last" / "ner").is_dir()
