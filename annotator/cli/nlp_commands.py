"""annotator pretag | train | pretaggers | gazetteer add/list/import/remove."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from typing import IO

from annotator.cli.common import open_project, print_json, progress_bar
from annotator.core.errors import AnnotatorError, E


def register(subparsers: argparse._SubParsersAction) -> None:
    pretag = subparsers.add_parser(
        "pretag", help="store suggestions from a spaCy pipeline, pattern rules or the gazetteer")
    pretag.add_argument("project")
    pretag.add_argument("--model", help="installed spaCy pipeline (package name or folder), or "
                        "'project' for the latest model trained on this project")
    pretag.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="EntityRuler patterns (JSONL); may be repeated")
    pretag.add_argument("--gazetteer", nargs="?", const="project", metavar="FILE",
                        help="the project gazetteer, or a names file (JSONL)")
    pretag.add_argument("--map", action="append", default=[], metavar="FROM=TO",
                        help="label mapping, e.g. --map GPE=LOC --map PERSON=PERS (TO '-' drops); "
                        "KIND:FROM=TO maps one pre-tagger only (KIND: spacy, rules, gazetteer)")
    pretag.add_argument("--new-labels", choices=["drop", "add"], default="drop",
                        help="labels the project lacks after mapping: drop (default) or add them")
    pretag.add_argument("--annotator", help="pre-tag this annotator's annotations (created when "
                        "missing); default: every open annotation")
    pretag.add_argument("--untouched", action="store_true",
                        help="only annotations nobody has started (status new)")
    pretag.add_argument("--documents", help="document ids, e.g. 1,2,10-20 (default: all)")
    pretag.add_argument("--processes", type=int, default=1,
                        help="spaCy processes (more pays only for heavy pipelines)")
    pretag.add_argument("--batch-size", type=int, default=64)
    runs = pretag.add_mutually_exclusive_group()
    runs.add_argument("--resume", dest="resume", action="store_true", default=True,
                      help="join the unfinished run of the same pre-tagger, target and options "
                      "(default): an interrupted run goes on where it stopped, and several "
                      "commands on one PostgreSQL project share its batches")
    runs.add_argument("--new-run", dest="resume", action="store_false",
                      help="start a new run even if an unfinished one exists")
    runs.add_argument("--run", dest="join_run", type=int, metavar="ID",
                      help="join run ID (named in the report), e.g. from another machine")
    pretag.add_argument("--workers", type=int, default=1, metavar="N",
                        help="N worker processes on this machine share the run (this one and "
                        "N-1 more, each loading the pre-tagger); default 1")
    pretag.add_argument("--batch-documents", type=int, default=256, metavar="N",
                        help="documents per claimed batch, when a run is created (default 256)")
    pretag.add_argument("--lease", type=float, default=300.0, metavar="SECONDS",
                        help="a batch whose worker sent no heartbeat for this long is claimed "
                        "again by another (default 300)")
    pretag.add_argument("--clear", action="store_true",
                        help="instead: remove the suggestions (never accepted spans) of the "
                        "selected annotations")
    pretag.add_argument("--json", action="store_true")
    pretag.set_defaults(run=run_pretag)

    train = subparsers.add_parser("train", help="train a spaCy NER pipeline on done documents")
    train.add_argument("project")
    train.add_argument("--out", required=True, help="folder for the trained pipeline")
    train.add_argument("--annotator", help="whose annotations (default: as export chooses)")
    train.add_argument("--gold", action="store_true", help="the adjudicated annotations")
    train.add_argument("--merge", choices=["union", "intersection", "majority"])
    train.add_argument("--holdout", type=float, default=0.2,
                       help="share of documents held out for evaluation (default 0.2)")
    train.add_argument("--epochs", type=int, default=20)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--overwrite", action="store_true")
    train.add_argument("--json", action="store_true")
    train.set_defaults(run=run_train)

    listing = subparsers.add_parser("pretaggers", help="list the pre-taggers this project can use")
    listing.add_argument("project")
    listing.set_defaults(run=run_list)

    gazetteer = subparsers.add_parser("gazetteer", help="the project gazetteer")
    actions = gazetteer.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a name")
    add.add_argument("project")
    add.add_argument("text")
    add.add_argument("label")
    add.set_defaults(run=run_gazetteer_add)
    remove = actions.add_parser("remove", help="remove a name")
    remove.add_argument("project")
    remove.add_argument("text")
    remove.add_argument("label")
    remove.set_defaults(run=run_gazetteer_remove)
    show = actions.add_parser("list", help="print the names (TSV: text, label)")
    show.add_argument("project")
    show.set_defaults(run=run_gazetteer_list)
    load = actions.add_parser("import", help="add names from JSONL files, or the starter list")
    load.add_argument("project")
    load.add_argument("files", nargs="*", metavar="FILE")
    load.add_argument("--starter", action="store_true",
                      help="the starter gazetteer for the project language (resources/)")
    load.add_argument("--map", action="append", default=[], metavar="FROM=TO")
    load.set_defaults(run=run_gazetteer_import)


def parse_ids(value: str | None) -> list[int] | None:
    if not value:
        return None
    ids: list[int] = []
    try:
        for part in value.split(","):
            first, _, last = part.strip().partition("-")
            ids += list(range(int(first), int(last or first) + 1))
    except ValueError as err:
        raise AnnotatorError(E.E116, value=value, what="--documents",
                             reason="ids and ranges, e.g. 1,2,10-20") from err
    return ids


def run_pretag(args: argparse.Namespace) -> int:
    from annotator.app.pretag_runs import pretag_in_batches
    from annotator.app.pretagging import (
        clear_suggestions,
        compose_pretagger,
        plan_labels,
        split_label_maps,
    )

    label_map, own_maps = split_label_maps(args.map, ("spacy", "rules", "gazetteer"))
    with open_project(args.project) as project:
        if args.clear:
            removed, _changes = clear_suggestions(project, parse_ids(args.documents),
                                                  args.annotator, args.untouched)
            print_json({"suggestions_removed": removed}) if args.json else \
                print(f"Removed {removed} suggestion(s)")
            return 0
        pretagger = compose_pretagger(project, model=args.model, rules=args.rules,
                                      gazetteer=args.gazetteer, own_maps=own_maps,
                                      n_process=args.processes)
        _kept, dropped = plan_labels(project, pretagger, label_map)
        if dropped and args.new_labels == "drop" and not args.json:
            print(f"Labels without a project label (dropped; map them with --map or add them "
                  f"with --new-labels add): {', '.join(dropped)}", file=sys.stderr)
        if args.workers < 1:
            raise AnnotatorError(E.E116, value=args.workers, what="--workers",
                                 reason="1 or more")
        helpers: list[tuple[subprocess.Popen[bytes], IO[str]]] = []
        update, close = progress_bar("Pre-tagging")
        try:
            report = pretag_in_batches(
                project, pretagger, parse_ids(args.documents), args.annotator,
                label_map=label_map, new_labels=args.new_labels, untouched_only=args.untouched,
                batch_size=args.batch_size, batch_documents=args.batch_documents,
                lease=args.lease, resume=args.resume, run=args.join_run,
                opened=lambda run: helpers.extend(_start_workers(args, run)),
                progress=lambda done, _total: update(done))
        finally:
            close()
    failed = _wait_for_workers(helpers)
    if args.json:
        print_json(report.to_dict())
        return 1 if failed else 0
    s = report.suggestions
    rate = report.characters / report.seconds if report.seconds else 0.0
    run = "joined unfinished run" if report.joined else "run"
    print(f"Pre-tagged {report.documents_tagged} of {report.documents_to_tag} document(s) "
          f"with {report.origin} ({rate:,.0f} characters/s): {s.added} suggestion(s) added, "
          f"{s.identical} already there, {s.overlapping_accepted} overlapping accepted spans and "
          f"{s.overlapping_suggested} overlapping suggestions dropped")
    print(f"  {run} {report.run_id}: {report.batches} batch(es), {report.batches_done_here} done "
          f"by this process, {report.batches_done_by_others} by others, {report.batches_left} "
          "left" + (" (run the same command again to go on)" if report.batches_left else ""))
    if report.unmapped:
        print("  unmapped labels dropped: " + ", ".join(
            f"{label} {count}" for label, count in report.unmapped.most_common()))
    if report.labels_added:
        print(f"  labels added: {', '.join(report.labels_added)}")
    if helpers:
        print(f"  {len(helpers)} more local worker process(es) shared the run"
              + (f", {failed} of them failed" if failed else ""))
    for count, what in ((report.finished_skipped, "done or skipped by the annotator"),
                        (report.started_skipped, "already started (--untouched)"),
                        (report.without_open_annotation,
                         "without an open annotation (pass --annotator NAME to include them)")):
        if count:
            print(f"  {count} document(s) left alone: {what}")
    return 1 if failed else 0


def _start_workers(args: argparse.Namespace, run: int
                   ) -> list[tuple[subprocess.Popen[bytes], IO[str]]]:
    """--workers N: N-1 more `annotator pretag` processes joining RUN with the same choices."""
    argv = [args.project, "--run", str(run), "--json", "--new-labels", args.new_labels,
            "--batch-size", str(args.batch_size), "--processes", str(args.processes),
            "--lease", str(args.lease)]
    for option, values in (("--model", [args.model]), ("--rules", args.rules),
                           ("--gazetteer", [args.gazetteer]), ("--map", args.map),
                           ("--annotator", [args.annotator]), ("--documents", [args.documents])):
        for value in values:
            if value:
                argv += [option, value]
    if args.untouched:
        argv.append("--untouched")
    command = [sys.executable, "-m", "annotator", "pretag", *argv]
    helpers: list[tuple[subprocess.Popen[bytes], IO[str]]] = []
    for _ in range(args.workers - 1):
        errors: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # never a full pipe
        helpers.append((subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors),
                        errors))
    return helpers


def _wait_for_workers(helpers: list[tuple[subprocess.Popen[bytes], IO[str]]]) -> int:
    """Wait for the helper processes; print the last line of each that failed. How many."""
    failed = 0
    for helper, errors in helpers:
        helper.wait()
        errors.seek(0)
        said = errors.read().strip().splitlines()
        errors.close()
        if helper.returncode != 0:
            failed += 1
            print(f"a worker process failed: {said[-1] if said else helper.returncode}",
                  file=sys.stderr)
    return failed


def run_train(args: argparse.Namespace) -> int:
    from annotator.app.training import TrainOptions, TrainProgress, train_model

    options = TrainOptions(annotator=args.annotator, gold=args.gold, merge=args.merge,
                           holdout=args.holdout, max_epochs=args.epochs, seed=args.seed,
                           overwrite=args.overwrite)

    def show(p: TrainProgress) -> None:
        if not args.json and sys.stderr.isatty():
            score = f", dev F1 {p.dev_f1:.3f}" if p.dev_f1 is not None else ""
            print(f"\r{p.stage}: epoch {p.epoch}, step {p.step}{score}   ", end="", file=sys.stderr)

    with open_project(args.project) as project:
        report = train_model(project, args.out, options, progress=show)
    if sys.stderr.isatty() and not args.json:
        print(file=sys.stderr)
    if args.json:
        print_json(report.to_dict())
        return 0
    docs = report.documents
    unit = "sentence(s)" if report.held_out_pieces else "document(s)"  # too few documents to split
    print(f"Trained a {report.pipeline} pipeline"
          + (f" (nested spans: doc.spans[{report.span_key!r}])" if report.pipeline == "spancat"
             else "") + f" on {docs.get('train', 0)} {unit} ({report.source}), checkpoints chosen "
          f"on {docs.get('dev', 0)}, evaluated on {docs.get('test', 0)} held out; "
          f"{report.epochs + 1} epoch(s), {report.seconds:.1f} s")
    print(f"  {'label':<10} {'precision':>9} {'recall':>9} {'F1':>9} {'spans':>7}")
    rows = list(report.scores.items()) + ([("overall", report.overall)] if report.overall else [])
    for label, s in rows:
        print(f"  {label:<10} {s.precision:>9.3f} {s.recall:>9.3f} {s.f1:>9.3f} {s.support:>7}")
    if report.misaligned_skipped:
        print(f"  {report.misaligned_skipped} span(s) that do not align to tokens were left out:",
              file=sys.stderr)
        for problem in report.misaligned:
            print(f"    {problem}", file=sys.stderr)
    print(f"Saved to {report.out_dir}; pre-tag with: annotator pretag {args.project} --model project")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from annotator.app.pretagging import no_pipeline_help, pretagger_kinds, pretaggers_of

    with open_project(args.project) as project:
        choices = pretaggers_of(project)
    kinds = pretagger_kinds()
    for name, found in choices.items():
        print(f"{name}: {kinds[name]}")
        for choice in found:
            print(f"    {choice}")
    help_text = no_pipeline_help(choices)
    if help_text:
        print(f"\n{help_text}")
    return 0


def run_gazetteer_add(args: argparse.Namespace) -> int:
    from annotator.app.gazetteer import add_to_gazetteer

    with open_project(args.project) as project:
        added = add_to_gazetteer(project, args.text, args.label)
    print("Added" if added else "Already in the gazetteer")
    return 0


def run_gazetteer_remove(args: argparse.Namespace) -> int:
    from annotator.app.gazetteer import remove_from_gazetteer

    with open_project(args.project) as project:
        removed = remove_from_gazetteer(project, args.text, args.label)
    print("Removed" if removed else "Not in the gazetteer")
    return 0


def run_gazetteer_list(args: argparse.Namespace) -> int:
    from annotator.app.gazetteer import gazetteer_entries

    with open_project(args.project) as project:
        for name in gazetteer_entries(project):
            print(f"{name.text}\t{name.label}")
    return 0


def run_gazetteer_import(args: argparse.Namespace) -> int:
    from annotator.app.gazetteer import import_name_files
    from annotator.app.pretagging import parse_label_map

    with open_project(args.project) as project:
        imported = import_name_files(project, args.files, args.starter, parse_label_map(args.map))
    skipped = imported.token_patterns_skipped
    print(f"Added {imported.added} name(s) of {imported.read}"
          + (f"; {skipped} token pattern(s) left for --rules" if skipped else ""))
    return 0
