"""annotator evaluate: score a model against the project's gold spans, as conlleval would."""

from __future__ import annotations

import argparse

from annotator.cli.common import open_project, print_json
from annotator.cli.nlp_commands import parse_ids


def register(subparsers: argparse._SubParsersAction) -> None:
    evaluate = subparsers.add_parser(
        "evaluate", help="score a model against the gold spans (precision, recall, F1)")
    evaluate.add_argument("project")
    evaluate.add_argument("--model", required=True, help="a pipeline folder or package")
    source = evaluate.add_mutually_exclusive_group()
    source.add_argument("--annotator", help="whose done annotations are the gold")
    source.add_argument("--gold", action="store_true", help="the adjudicated annotations")
    source.add_argument("--merge", choices=["union", "intersection", "majority"])
    evaluate.add_argument("--documents", help="document ids, e.g. 1,2,10-20 (default: the "
                          "documents held out when the model was trained)")
    evaluate.add_argument("--conll", metavar="FILE",
                          help="also write `token gold predicted` lines for conlleval")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    from annotator.app.evaluation import conlleval_line, evaluate_model

    with open_project(args.project) as project:
        report = evaluate_model(project, args.model, annotator=args.annotator, gold=args.gold,
                                merge=args.merge, documents=parse_ids(args.documents),
                                conll=args.conll)
    if args.json:
        print_json(report.to_dict())
        return 0
    which = "held out when it was trained" if report.held_out else "chosen"
    print(f"{report.model} on {len(report.documents)} document(s) {which}, against {report.source}")
    print(f"processed {report.tokens} tokens with {report.overall.support} phrases; found: "
          f"{report.overall.predicted} phrases; correct: {report.overall.correct}.")
    print(f"accuracy: {100 * report.token_accuracy:6.2f}%; {conlleval_line(report.overall)}")
    for label, score in report.per_label.items():
        print(f"{label:>17}: {conlleval_line(score)}  {score.predicted}")
    if report.errors:
        print("errors: " + ", ".join(f"{kind} {n}" for kind, n in report.errors.items()))
    if report.gold_widened:
        print(f"{report.gold_widened} gold span(s) widened to the model's tokens to be compared")
    if report.conll:
        print(f"wrote {report.conll} (token gold predicted)")
    return 0
