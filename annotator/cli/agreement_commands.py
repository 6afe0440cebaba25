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
    agr.add_argument("--gamma-samples", type=int, default=30, metavar="N",
                     help="random continua for gamma's expected disorder (default 30)")
    agr.add_argument("--gamma-seed", type=int, default=0, metavar="S",
                     help="seed of gamma's sampling (default 0)")
    agr.add_argument("--no-gamma", action="store_true", help="leave gamma out (faster)")
    agr.set_defaults(run=run_agreement)

    adj = subparsers.add_parser("adjudicate", help="pre-merge agreed spans into the gold set",
                                description="Adjudication progress; with --auto, add the spans "
                                "every annotator of a document agrees on to its gold annotation.")
    adj.add_argument("project")
    adj.add_argument("--auto", action="store_true", help="pre-merge what all annotators agree on")
    adj.add_argument("--finish", action="store_true",
                     help="with --auto: mark documents without any conflict as adjudicated (done)")
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

    gamma = None if args.no_gamma else GammaOptions(samples=args.gamma_samples,
                                                    seed=args.gamma_seed)
    with open_project(args.project) as project:
        report = project_agreement(project, _names(args.annotators), _names(args.labels),
                                   gamma=gamma)
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
