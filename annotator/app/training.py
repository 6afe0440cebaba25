"""Train the project's own NER pipeline from finished work (what `annotator train` and the
app's train dialog call).

1. The accepted spans of done documents (one annotator, the gold set, or a merge: the same
   choice as export) are exported as DocBin files (`app.exporting`, tokens from the project
   tokenizer, token splits at span edges, misaligned spans skipped and listed), split by
   document: `holdout` for the final evaluation, `dev_share` of the rest to pick the best
   checkpoint, the rest to train on. The held-out share is never seen in training.
2. spaCy trains and evaluates (`nlp.train`).
3. The model is moved into OUT_DIR and recorded in the project settings, where the
   `project-model` pre-tagger finds it (`recorded_models`).

A cancelled or failed run leaves OUT_DIR as it was: the model is built in a temporary folder
beside it (`.OUT.training-*`), noted (meta.json) there, and renamed into place at the end.

The app trains in a separate OS process (`start_training_process`: spaCy's loop holds the
interpreter lock, and on a thread it starves the window). The child runs `train_in_child`,
which opens the project by its location and calls `train_model`; the parent made the
temporary folder and removes it after the child has ended, however it ended (cancelled,
killed or failed), so a killed child leaves nothing behind.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from annotator.app.child_process import ChildProcess
from annotator.app.exporting import ExportOptions, export_project
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.nlp.train import (
    TrainOptions,
    TrainProgress,
    TrainReport,
    evaluate,
    initialise,
    span_counts,
    train,
)
from annotator.store.export_source import project_lexicon

__all__ = ["MIN_DOCUMENTS", "TrainOptions", "TrainProgress", "TrainReport", "recorded_models",
           "start_training_process", "train_in_child", "train_model"]
MODELS_SETTING = "trained_models"
MIN_DOCUMENTS = 5


def recorded_models(project: Project) -> list[dict[str, object]]:
    """Models `train_model` saved for this project, oldest first (path, when, scores)."""
    models = project.info().settings.get(MODELS_SETTING, [])
    return [m for m in models if isinstance(m, dict)] if isinstance(models, list) else []


def checked_out_dir(out_dir: str | Path, options: TrainOptions) -> Path:
    """OUT_DIR resolved, once it is known the model may go there (E306) and OPTIONS hold (E116)."""
    out = Path(out_dir).expanduser().resolve()
    if out.exists() and (out.is_file() or any(out.iterdir())) and not options.overwrite:
        raise AnnotatorError(E.E306, path=out)
    if not 0 < options.holdout < 1:
        raise AnnotatorError(E.E116, value=options.holdout, what="holdout",
                             reason="a share between 0 and 1, e.g. 0.2")
    return out


def _work_folder(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.training-", dir=out.parent))


def train_model(project: Project, out_dir: str | Path, options: TrainOptions | None = None,
                progress: Callable[[TrainProgress], None] | None = None,
                should_stop: Callable[[], bool] | None = None,
                work_dir: Path | None = None) -> TrainReport:
    """Train, evaluate, save to OUT_DIR and record it; in WORK_DIR (an empty folder beside
    OUT_DIR) when given, else in a new temporary one; either is removed at the end."""
    options = options or TrainOptions()
    out = checked_out_dir(out_dir, options)
    stop = should_stop or (lambda: False)
    tell = progress or (lambda _p: None)
    started = time.perf_counter()
    report = TrainReport(out_dir=str(out))
    work = work_dir if work_dir is not None else _work_folder(out)
    try:
        tell(TrainProgress("exporting"))
        _export(project, work / "data", options, report)
        if stop():
            report.cancelled = True
            return report
        tell(TrainProgress("initialising"))
        with project.store.engine.connect() as c:
            lexicon = project_lexicon(c)
        info = project.info()
        nlp = initialise(info.language, info.name, lexicon, work / "data", options,
                         report.pipeline)
        report.labels = sorted(nlp.get_pipe(report.pipeline).labels)
        best = train(nlp, work, options, report, tell, stop)
        if report.cancelled or best is None:
            report.cancelled = True
            return report
        tell(TrainProgress("evaluating", report.epochs, report.steps))
        evaluate(best, work / "data" / "test.spacy", report)
        tell(TrainProgress("saving", report.epochs, report.steps))
        _note_in_meta(best, options, report)  # complete before it is moved into place
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        best.rename(out)
        report.seconds = time.perf_counter() - started
        _record(project, report)
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)
        report.seconds = time.perf_counter() - started


def train_in_child(location: str, out_dir: str, options: TrainOptions, work_dir: str,
                   progress: Callable[[TrainProgress], None],
                   should_stop: Callable[[], bool]) -> TrainReport:
    """What the training process runs: `train_model` on the project at LOCATION."""
    project = Project.open(location)
    try:
        return train_model(project, out_dir, options, progress, should_stop, Path(work_dir))
    finally:
        project.close()


def start_training_process(project: Project, out_dir: str | Path,
                           options: TrainOptions | None = None) -> ChildProcess:
    """`train_model` in a separate process (started): E306, E116, E425 (the folder cannot be
    made) and E426 (no process could be started) are raised here, at once;
    everything else arrives from the child (see `app.child_process`). The temporary folder is
    made here and removed when the child has ended."""
    options = options or TrainOptions()
    out = checked_out_dir(out_dir, options)
    try:
        work = _work_folder(out)
    except OSError as err:
        raise AnnotatorError(E.E425, path=out.parent, reason=err.strerror or str(err)) from err
    child = ChildProcess(train_in_child, (project.url, str(out), options, str(work)),
                         cleanup=lambda: shutil.rmtree(work, ignore_errors=True),
                         finishing=lambda step: isinstance(step, TrainProgress)
                         and step.stage == "saving")
    try:
        child.start()
    except OSError as err:
        shutil.rmtree(work, ignore_errors=True)
        raise AnnotatorError(E.E426, reason=err.strerror or str(err)) from err
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return child


def _export(project: Project, data: Path, options: TrainOptions, report: TrainReport) -> None:
    rest = 1 - options.holdout
    splits = {"train": rest * (1 - options.dev_share), "dev": rest * options.dev_share,
              "test": options.holdout}
    try:
        exported = export_project(project, data, ExportOptions(
            format="spacy", annotator=options.annotator, gold=options.gold, merge=options.merge,
            splits=splits, seed=options.seed, skip_misaligned=True, retokenize=True))
    except AnnotatorError as err:
        if err.code is E.E303:
            raise AnnotatorError(E.E403, reason=str(err)) from err
        raise
    report.source = exported.source
    report.documents = dict(exported.documents)
    if exported.sentences_per_doc:  # split over sentences: the pieces held out, not documents
        report.held_out_pieces = sorted(exported.split_pieces.get("test", []))
    else:
        report.held_out_documents = sorted(exported.split_documents.get("test", []))
    report.misaligned_skipped = len(exported.misaligned)
    report.misaligned = [str(problem) for problem in exported.misaligned]
    total = sum(report.documents.values())
    if total < MIN_DOCUMENTS or not report.documents.get("train") or not report.documents.get("test"):
        counted = ("sentence piece(s) of done documents (too few documents to split them)"
                   if exported.sentences_per_doc else "done document(s)")
        raise AnnotatorError(E.E403, reason=f"{total} {counted} ({report.source}); at least "
                                            f"{MIN_DOCUMENTS}, and enough for train and held-out shares")
    if not report.documents.get("dev"):  # a tiny project: pick checkpoints on training data
        shutil.copy(data / "train.spacy", data / "dev.spacy")
    if exported.ents_left_out:  # nested or overlapping spans: doc.ents cannot hold them all
        report.pipeline = "spancat"
    report.spans = span_counts(data, report.span_key if report.pipeline == "spancat" else None)
    if not report.spans.get("train"):
        raise AnnotatorError(E.E403, reason="the training share has no accepted spans")


HELD_OUT_KEY = "annotator_held_out_documents"
HELD_OUT_PIECES_KEY = "annotator_held_out_sentences"  # [[document id, start, end], ...]
SOURCE_KEY = "annotator_training_source"


def _note_in_meta(model: Path, options: TrainOptions, report: TrainReport) -> None:
    """Which documents were held out, and whose annotations the model learnt from: with the
    model, so `annotator evaluate` scores it on exactly what it never saw."""
    path = model / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta[HELD_OUT_KEY] = report.held_out_documents
    if report.held_out_pieces:
        meta[HELD_OUT_PIECES_KEY] = report.held_out_pieces
    meta[SOURCE_KEY] = {"annotator": options.annotator, "gold": options.gold,
                        "merge": options.merge, "description": report.source}
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")


def _record(project: Project, report: TrainReport) -> None:
    models = [m for m in recorded_models(project) if m.get("path") != report.out_dir]
    overall = report.overall
    models.append({
        "path": report.out_dir, "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": report.source, "documents": report.documents, "labels": report.labels,
        "f1": round(overall.f1, 4) if overall else None,
        "scores": {k: asdict(v) for k, v in report.scores.items()},
    })
    project.update_settings(**{MODELS_SETTING: models})
