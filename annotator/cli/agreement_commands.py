"""annotator agreement | adjudicate | assign | annotators: several annotators, one corpus."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from annotator.cli.common import open_project, print_json, progress_bar
from annotator.core.errors import AnnotatorError, E


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = list(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    if not names:
        raise AnnotatorError(E.E116, value=value, what="a comma-separated list",
                             reason="name at least one")
    return names


def register(subparsers: argparse._SubParsersAction) -> None:
    agr = subparsers.add_parser(
        "agreement", help="inter-annotator agreement: kappa, alpha, alpha_u, span F1, gamma",
        description="Agreement between the annotators of a project, on the documents they "
        "marked done (a document an annotator did not finish is missing data, not 'no "
        "entity'). Prints a table, or the JSON described in annotator/agreement/SCHEMA.md.")
    agr.add_argument("project")
    agr.add_argument("--annotators", help="comma-separated names (default: all but gold)")
    agr.add_argument("--labels", help="comma-separated labels (default: every label used)")
    agr.add_argument("--json", action="store_true", help="print the report as JSON (stable schema)")
    agr.add_argument("--csv", metavar="FILE", help="also write one figure per row to FILE")
    agr.add_argument("--html", metavar="FILE",
                     help="also write a self-contained HTML page with the figures")
    agr.add_argument("--lang", default="en", choices=["en", "ar"],
                     help="language of the HTML page (ar: right-to-left)")
    agr.add_argument("--shape", action="store_true",
                     help="shape Arabic for terminals that do not (arabic-reshaper, python-bidi)")
    agr.add_argument("--worst", type=int, default=10, metavar="N",
                     help="list the N documents with the least agreement (default 10)")
    agr.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                     help="95%% confidence intervals from N resamples of the documents "
                     "(default 1000; 0: none)")
    agr.add_argument("--seed", type=int, default=0,
                     help="seed of the bootstrap resamples (default 0: the same intervals "
                     "every run)")
    agr.add_argument("--gamma-samples", type=int, default=30, metavar="N",
                     help="random continua for gamma's expected disorder (default 30)")
    agr.add_argument("--gamma-seed", type=int, default=0, metavar="S",
                     help="seed of gamma's sampling (default 0)")
    agr.add_argument("--no-gamma", action="store_true", help="leave gamma out (faster)")
    agr.add_argument("--weights", metavar="W",
                     help="add Gwet's AC2 with weights identity, linear, quadratic or ordinal: "
                     "the labels, in the project's order, are an ordered scale after O "
                     "(default: the project's choice, see --keep-weights; none: no AC2)")
    agr.add_argument("--keep-weights", action="store_true",
                     help="with --weights: make it the project's choice (the app's too)")
    agr.set_defaults(run=run_agreement)

    adj = subparsers.add_parser("adjudicate", help="pre-merge agreed spans into the gold set",
                                description="Adjudication progress; with --auto, add the spans "
                                "every annotator of a document agrees on to its gold annotation.")
    adj.add_argument("project")
    adj.add_argument("--auto", action="store_true", help="pre-merge what all annotators agree on")
    adj.add_argument("--finish", action="store_true",
                     help="with --auto: mark documents without any conflict as adjudicated (done)")
    adj.add_argument("--accept-above", type=float, metavar="THRESHOLD",
                     help="accept into the gold set (done) every document whose agreement is at "
                     "or above THRESHOLD, as its annotators agreed; list the rest for review")
    adj.add_argument("--measure", help="with --accept-above: the per-document measure: span_f1 "
                     "(default), span_f1_lenient, alpha, alpha_u, observed_agreement")
    adj.add_argument("--agreed", help="with --accept-above: the spans taken with more than two "
                     "annotators: unanimous (default: made by all) or majority (by more than half)")
    adj.add_argument("--dry-run", action="store_true",
                     help="with --accept-above: list what would be accepted; write nothing")
    adj.add_argument("--json", action="store_true", help="print the result as JSON")
    adj.set_defaults(run=run_adjudicate)

    asg = subparsers.add_parser("assign", help="assign documents to annotators, with overlap")
    asg.add_argument("project")
    asg.add_argument("--annotators", required=True, help="comma-separated names")
    asg.add_argument("--per-document", type=int, default=2,
                     help="annotators per document (default 2)")
    asg.add_argument("--shared", type=int, default=0,
                     help="documents every annotator gets, for agreement (default 0)")
    asg.add_argument("--seed", type=int, default=0, help="seed of the plan (default 0)")
    asg.add_argument("--only-unassigned", action="store_true",
                     help="assign only documents nobody has yet; keep the rest")
    asg.add_argument("--json", action="store_true", help="print the result as JSON")
    asg.set_defaults(run=run_assign)

    who = subparsers.add_parser("annotators", help="list annotators, roles and progress")
    who.add_argument("project")
    who.add_argument("--json", action="store_true", help="print the list as JSON")
    who.set_defaults(run=run_annotators)


def run_agreement(args: argparse.Namespace) -> int:
    from annotator.app.agreement import (
        GammaOptions,
        document_titles,
        format_report,
        project_agreement,
    )

    if args.bootstrap < 0:
        raise AnnotatorError(E.E527, value=args.bootstrap)
    if args.seed < 0:
        raise AnnotatorError(E.E528, value=args.seed)
    gamma = None if args.no_gamma else GammaOptions(samples=args.gamma_samples,
                                                    seed=args.gamma_seed)
    if args.keep_weights and args.weights is None:
        raise AnnotatorError(E.E529, option="--keep-weights", needs="--weights W")
    with open_project(args.project) as project:
        weights = _weights(project, args.weights, args.keep_weights)
        report = project_agreement(project, _names(args.annotators), _names(args.labels),
                                   bootstrap=args.bootstrap, seed=args.seed, gamma=gamma,
                                   weights=weights)
        titles = document_titles(project, [d.doc_id for d in report.per_document])
        project_name = project.info().name
    if args.csv:
        _write(Path(args.csv), lambda f: _write_csv(f, report.to_csv_rows()))
    if args.html:
        from annotator.app.agreement import render_html

        page = render_html(report, titles=titles, lang=args.lang, title=project_name)
        _write(Path(args.html), lambda f: f.write(page))
    if args.json:
        print_json(report.to_dict())
    else:
        print(format_report(report, shape=args.shape, titles=titles, worst=args.worst))
    return 0


def _weights(project: Any, asked: str | None, keep: bool) -> str | None:
    """AC2's weights for this run: --weights (none: no AC2), else the project's choice."""
    from annotator.app.agreement import agreement_weights, set_agreement_weights

    weights = None if asked == "none" else asked
    if keep:
        set_agreement_weights(project, weights)
    return agreement_weights(project) if asked is None else weights


def _write_csv(f: TextIO, rows: Iterable[Mapping[str, object]]) -> None:
    from annotator.app.agreement import CSV_COLUMNS

    writer = csv.DictWriter(f, fieldnames=list(CSV_COLUMNS))
    writer.writeheader()
    writer.writerows(rows)


def _write(path: Path, write: Callable[[TextIO], object]) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="") as f:
            write(f)
    except OSError as err:
        raise AnnotatorError(E.E302, path=path, reason=err.strerror or str(err)) from err


def run_adjudicate(args: argparse.Namespace) -> int:
    from annotator.app.adjudication import adjudication_progress, eligible_documents, premerge

    if args.finish and not args.auto:
        raise AnnotatorError(E.E116, value="--finish", what="adjudicate",
                             reason="--finish goes with --auto")
    if args.accept_above is not None or args.measure or args.agreed or args.dry_run:
        return _run_bulk_accept(args)
    with open_project(args.project) as project:
        result = None
        if args.auto:
            update, close = progress_bar("Pre-merging", total=len(eligible_documents(project)))
            try:
                result = premerge(project, finish_agreed=args.finish, progress=update)
            finally:
                close()
        progress = adjudication_progress(project)
    if args.json:
        print_json({"premerge": None if result is None else result.to_dict(),
                    "progress": progress.to_dict()})
        return 0
    if result is not None:
        print(f"Pre-merged {result.spans_added:,} agreed span(s) into the gold set of "
              f"{result.documents:,} document(s); {result.spans_already:,} were already there")
        if result.documents_done_skipped:
            print(f"  {result.documents_done_skipped:,} document(s) already adjudicated, "
                  "left as they are")
        if result.documents_finished:
            print(f"  {result.documents_finished:,} document(s) without conflicts marked done")
        for line in result.spans_blocked:
            print(f"  left out (overlaps a curator's gold span): {line}")
    print(f"Adjudication: {progress.done:,} of {progress.documents:,} document(s) done "
          f"({progress.share_done:.0%}), {progress.in_progress:,} in progress, "
          f"{progress.not_started:,} not started")
    return 0


REASONS = {"below_threshold": "below the threshold", "gold_done": "already adjudicated",
           "no_value": "the measure has no value here (e.g. no spans at all; see --auto --finish)",
           "curator_spans": "its gold set has spans of a curator's own",
           "agreed_overlap": "agreed spans overlap and the project refuses overlapping spans"}


def _run_bulk_accept(args: argparse.Namespace) -> int:
    from annotator.app.adjudication import adjudication_progress
    from annotator.app.curation import bulk_accept

    if args.accept_above is None:
        option = "--measure" if args.measure else "--agreed" if args.agreed else "--dry-run"
        raise AnnotatorError(E.E525, option=option)
    if args.auto:
        raise AnnotatorError(E.E526)
    with open_project(args.project) as project:
        result = bulk_accept(project, args.measure or "span_f1", args.accept_above,
                             args.agreed or "unanimous", dry_run=args.dry_run)
        progress = adjudication_progress(project)
    if args.json:
        print_json({"bulk": result.to_dict(), "progress": progress.to_dict()})
        return 0
    verb = "Would accept" if args.dry_run else "Accepted"
    print(f"{verb} {len(result.accepted):,} document(s) into the gold set "
          f"({result.measure} >= {result.threshold:g}; agreed spans: {result.rule}), "
          f"{sum(len(d.add) for d in result.accepted):,} span(s) added")
    for d in result.accepted:
        print(f"  document {d.doc_id:>6}  {_shown(d.value)}  {len(d.agreed):,} agreed span(s)  "
              f"{d.title}")
    print(f"Left for review: {len(result.left):,} document(s)")
    for d in result.left:
        print(f"  document {d.doc_id:>6}  {_shown(d.value)}  {REASONS[str(d.reason)]}  {d.title}")
    print(f"Adjudication: {progress.done:,} of {progress.documents:,} document(s) done "
          f"({progress.share_done:.0%})")
    return 0


def _shown(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.3f}"


def run_assign(args: argparse.Namespace) -> int:
    from annotator.app.assignment import assign

    with open_project(args.project) as project:
        report = assign(project, _names(args.annotators) or [], args.per_document, args.shared,
                        args.seed, only_unassigned=args.only_unassigned)
    if args.json:
        print_json(report.to_dict())
        return 0
    print(f"Assigned {report.documents:,} document(s) to {len(report.annotators)} annotator(s), "
          f"{report.per_document} per document; {len(report.shared)} shared by all")
    for name, count in report.per_annotator.items():
        print(f"  {name:<16} {count:>8,} document(s)")
    for (first, second), count in report.pair_overlap.items():
        print(f"  {first} & {second}: {count:,} document(s) in common")
    return 0


def run_annotators(args: argparse.Namespace) -> int:
    from annotator.app.assignment import assigned_document_ids

    with open_project(args.project) as project:
        stats = project.stats()["annotators"]
        assert isinstance(stats, dict)
        people: list[dict[str, Any]] = []
        for _, name, role in project.annotators():
            entry = stats.get(name, {"spans": 0, "documents": {}})
            assigned = assigned_document_ids(project, name)
            people.append({"name": name, "role": str(role), "spans": entry["spans"],
                           "documents": dict(entry["documents"]),
                           "assigned": None if assigned is None else len(assigned)})
    if args.json:
        print_json(people)
        return 0
    for p in people:
        docs = ", ".join(f"{k} {v:,}" for k, v in p["documents"].items() if v) or "no documents"
        shown = "" if p["assigned"] is None else f"; {p['assigned']:,} assigned"
        print(f"{p['name']:<16} {p['role']:<10} {p['spans']:>8,} spans; {docs}{shown}")
    return 0
