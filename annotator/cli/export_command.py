"""annotator export: write a project's annotations as a training corpus."""

from __future__ import annotations

import argparse
import sys

from annotator.cli.common import open_project, print_json, progress_bar
from annotator.core.errors import AnnotatorError, E

SHOWN = 20  # token splits printed (the --json report lists all)


def register(subparsers: argparse._SubParsersAction) -> None:
    exp = subparsers.add_parser(
        "export", help="export annotations: spaCy DocBin, JSONL, CoNLL, doccano, brat ...",
        description="Export documents and their annotations. Spans that do not align to tokens "
        "stop the export unless --skip-misaligned is given (then each is listed).")
    exp.add_argument("project")
    exp.add_argument("out", help="output file, or folder (brat, or with --split)")
    exp.add_argument("--format", default=None,
                     help="spacy, jsonl, conll, doccano, brat, prodigy or labelstudio (default: "
                          "from OUT's extension, .spacy .jsonl .conll .json .ann; spacy without one)")
    exp.add_argument("--scheme", default="iob2", choices=["iob1", "iob2", "bilou", "bioes"],
                     help="CoNLL tagging scheme (default iob2)")
    source = exp.add_mutually_exclusive_group()
    source.add_argument("--annotator", help="export this annotator's annotations")
    source.add_argument("--gold", action="store_true", help="export the adjudicated gold set")
    source.add_argument("--merge", choices=["union", "intersection", "majority"],
                        help="merge every annotator's spans by this rule")
    exp.add_argument("--all", action="store_true", dest="all_documents",
                     help="documents in any status, not only done ones")
    exp.add_argument("--suggestions", action="store_true",
                     help="export suggested (not yet accepted) spans too")
    exp.add_argument("--split", help="train/dev/test by document, e.g. train=0.8,dev=0.2")
    exp.add_argument("--seed", type=int, default=0, help="seed of the split (default 0)")
    exp.add_argument("--sentences-per-doc", type=int, default=0, metavar="N",
                     help="cut documents into pieces of N sentences (as spacy convert -n), each "
                          "a document of the output and a unit of --split; with --split and "
                          "fewer documents than it needs, pieces of 1 sentence")
    exp.add_argument("--skip-misaligned", action="store_true",
                     help="export without spans that cannot be aligned to tokens (each is listed)")
    exp.add_argument("--no-split-at-spans", action="store_true",
                     help="do not split tokens at span edges; such spans are then misaligned")
    exp.add_argument("--retokenize", action="store_true",
                     help="use the project tokenizer even for documents imported with tokens")
    exp.add_argument("--docstart", action="store_true", help="CoNLL: -DOCSTART- before each document")
    exp.add_argument("--columns", default="",
                     help="CoNLL extra columns, comma-separated: start,end,space "
                          "(space keeps the exact text)")
    exp.add_argument("--tab", action="store_true", help="CoNLL: tab-separated columns")
    exp.add_argument("--offsets", choices=["utf16", "codepoints"],
                     help="doccano: offset units (default utf16, as doccano counts)")
    exp.add_argument("--span-key", default="sc",
                     help="spaCy DocBin: the doc.spans key holding every span, nested ones "
                          "included (default sc, spancat's); doc.ents holds the outermost layer")
    exp.add_argument("--flatten", choices=["outermost", "innermost"],
                     help="write one layer of non-overlapping spans (the outermost or the "
                          "innermost); every span left out is listed")
    exp.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    exp.add_argument("--json", action="store_true", help="print the export report as JSON")
    exp.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from annotator.app.exporting import (
        ExportOptions,
        WriteOptions,
        export_format,
        export_project,
        format_for_output,
        parse_split,
    )

    if args.format is None:
        args.format = format_for_output(args.out)
    export_format(args.format)
    options = ExportOptions(
        format=args.format, annotator=args.annotator, gold=args.gold, merge=args.merge,
        all_documents=args.all_documents, suggestions=args.suggestions,
        skip_misaligned=args.skip_misaligned, split_at_spans=not args.no_split_at_spans,
        retokenize=args.retokenize, splits=parse_split(args.split) if args.split else None,
        seed=args.seed, overwrite=args.overwrite, sentences_per_doc=max(0, args.sentences_per_doc),
        flatten=args.flatten,
        write=WriteOptions(scheme=args.scheme, docstart=args.docstart,
                           columns=tuple(c.strip() for c in args.columns.split(",") if c.strip()),
                           separator="\t" if args.tab else " ", offsets=args.offsets,
                           span_key=args.span_key))
    project = open_project(args.project)
    update, close = progress_bar("Exporting")
    try:
        report = export_project(project, args.out, options, progress=lambda done, _total: update(done))
    except AnnotatorError as err:
        close()
        problems = err.details.get("problems")
        if err.code is E.E301 and isinstance(problems, list):
            for problem in problems:
                print(f"  misaligned: {problem}", file=sys.stderr)
        raise
    finally:
        close()
        project.close()
    if args.json:
        print_json(report.to_dict())
        return 0
    documents = sum(report.documents.values())
    per_split = ", ".join(f"{k} {v}" for k, v in report.documents.items()) if args.split else ""
    print(f"Exported {documents} document(s), {report.spans:,} span(s)"
          + (f", {report.tokens:,} token(s)" if report.tokens else "")
          + f" as {report.format} ({report.source})" + (f"; {per_split}" if per_split else ""))
    if report.sentences_per_doc:
        print(f"  split over sentences: pieces of {report.sentences_per_doc} sentence(s), "
              "each written as a document")
    if report.documents_left_out:
        print(f"  {report.documents_left_out} document(s) not done, left out (--all exports them)")
    for path in report.files if len(report.files) <= 5 else []:
        print(f"  wrote {path}")
    if len(report.files) > 5:
        print(f"  wrote {len(report.files)} files under {args.out}")
    if report.token_splits:
        print(f"  {len(report.token_splits)} token(s) split at span edges:")
        for split in report.token_splits[:SHOWN]:
            print(f"    {split}")
        if len(report.token_splits) > SHOWN:
            print(f"    ... and {len(report.token_splits) - SHOWN} more (--json lists every one)")
    if report.trimmed:
        print(f"  {len(report.trimmed)} span(s) started or ended on whitespace (trimmed):",
              file=sys.stderr)
        for problem in report.trimmed[:SHOWN]:
            print(f"    {problem}", file=sys.stderr)
        if len(report.trimmed) > SHOWN:
            print(f"    ... and {len(report.trimmed) - SHOWN} more (--json lists every one)",
                  file=sys.stderr)
    if report.misaligned:
        print(f"  {len(report.misaligned)} misaligned span(s) skipped:", file=sys.stderr)
        for problem in report.misaligned:
            print(f"    {problem}", file=sys.stderr)
    if report.ents_left_out:
        print(f"  {len(report.ents_left_out)} nested/overlapping span(s) in doc.spans but not "
              "in doc.ents (outermost layer kept):", file=sys.stderr)
        for problem in report.ents_left_out[:SHOWN]:
            print(f"    {problem}", file=sys.stderr)
        if len(report.ents_left_out) > SHOWN:
            print(f"    ... and {len(report.ents_left_out) - SHOWN} more (--json lists every one)",
                  file=sys.stderr)
    if report.flattened_out:
        print(f"  {len(report.flattened_out)} span(s) left out by --flatten {report.flatten}:",
              file=sys.stderr)
        for problem in report.flattened_out:
            print(f"    {problem}", file=sys.stderr)
    for note in report.notes:
        print(f"  note: {note}")
    if report.sentence_joins:
        print(f"  {report.sentence_joins} sentence boundary(ies) inside an entity not written")
    return 0
