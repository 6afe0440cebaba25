"""annotator queue: an annotator's documents in the order they are offered, with scores."""

from __future__ import annotations

import argparse

from annotator.cli.common import open_project, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "queue", help="an annotator's documents in order: the project's, or most uncertain first")
    command.add_argument("project")
    command.add_argument("--annotator", required=True)
    command.add_argument("--order", default="project", choices=["project", "uncertainty"],
                         help="uncertainty: the model's least sure unfinished documents first "
                              "(without --model, the project's order: cold start)")
    command.add_argument("--model", help="a spaCy pipeline folder or package that scores")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=run_queue)


def run_queue(args: argparse.Namespace) -> int:
    from annotator.app.queue_order import ordered_queue

    project = open_project(args.project)
    try:
        entries = ordered_queue(project, args.annotator, args.order, args.model)
    finally:
        project.close()
    if args.json:
        print_json({"order": args.order, "model": args.model,
                    "documents": [e.to_dict() for e in entries]})
        return 0
    if args.order == "uncertainty" and not args.model:
        print("No model given: the project's order (cold start)")
    for n, entry in enumerate(entries, 1):
        score = "" if entry.uncertainty is None else f"  uncertainty {entry.uncertainty:.3f}"
        print(f"{n:4}. #{entry.document.id} {entry.document.title[:50]}  "
              f"[{entry.document.status.value}]{score}")
    return 0
