"""annotator init | import | stats | project overlap."""

from __future__ import annotations

import argparse
import sys

from annotator.app.project import Project
from annotator.cli.common import open_project, print_json, progress_bar
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Direction, OverlapPolicy, Status


def register(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser("init", help="create a project")
    init.add_argument("project", help="project file (created) or database URL")
    init.add_argument("--lang", default="ar", help="language code for the tokenizer (default ar)")
    init.add_argument("--labels", default="PERS,LOC,ORG,MISC", help="comma-separated labels")
    init.add_argument("--name", help="project name (default: the file name)")
    init.add_argument("--direction", choices=[d.value for d in Direction], default="auto")
    init.add_argument("--overlap", choices=[p.value for p in OverlapPolicy], default="refuse",
                      help="what a new overlapping span does (default: refuse)")
    init.add_argument("--guidelines", help="a text file with the annotation guidelines")
    init.set_defaults(run=run_init)

    imp = subparsers.add_parser("import", help="import documents (and their annotations)")
    imp.add_argument("project")
    imp.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR")
    imp.add_argument("--format", default="auto", help="auto (by extension and content) or a format name")
    imp.add_argument("--split", default="file", choices=["file", "line", "paragraph", "sentence"],
                     help="plain text: one document per file, line or blank-line paragraph; CoNLL: per file (or -DOCSTART-) or per sentence")
    imp.add_argument("--text-field", default="text", help="JSONL key or CSV column with the text")
    imp.add_argument("--annotator", help="owner of imported annotations")
    imp.add_argument("--status", default="done",
                     help="status of imported annotations (done, in-progress, new)")
    imp.add_argument("--scheme", choices=["iob1", "iob2", "bilou"], help="CoNLL tagging scheme (detected if not given)")
    imp.add_argument("--create-labels", action="store_true",
                     help="add labels the input uses that the project lacks (default: refuse)")
    imp.add_argument("--json", action="store_true", help="print the import report as JSON")
    imp.set_defaults(run=run_import)

    stats = subparsers.add_parser("stats", help="documents, characters, spans per label, annotator and status")
    stats.add_argument("project")
    stats.add_argument("--json", action="store_true", help="stable JSON (see README)")
    stats.set_defaults(run=run_stats)

    settings = subparsers.add_parser("project", help="the project's settings")
    commands = settings.add_subparsers(dest="project_command", metavar="PROJECT_COMMAND",
                                       required=True)
    overlap = commands.add_parser(
        "overlap", help="show or change what a new overlapping span does",
        description="Without POLICY: the policy and the spans that overlap today. With it: "
        "change the policy; moving to refuse or replace while spans overlap is refused "
        "(nothing is ever deleted).")
    overlap.add_argument("project")
    overlap.add_argument("policy", nargs="?", choices=[p.value for p in OverlapPolicy],
                         help="allow (nested and overlapping spans), replace, or refuse")
    overlap.add_argument("--list", action="store_true", help="list every overlapping span")
    overlap.add_argument("--json", action="store_true")
    overlap.set_defaults(run=run_overlap)


def run_init(args: argparse.Namespace) -> int:
    labels = [x.strip() for x in args.labels.split(",") if x.strip()]
    guidelines = ""
    if args.guidelines:
        from pathlib import Path

        from annotator.text.decoding import read_text

        guidelines = read_text(Path(args.guidelines))[1]
    project = Project.create(args.project, name=args.name, language=args.lang, labels=labels,
                             direction=Direction(args.direction),
                             overlap_policy=OverlapPolicy(args.overlap), guidelines=guidelines)
    project.close()
    print(f"Created project {args.project} ({args.lang}; labels: {', '.join(labels)})")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from annotator.app.importing import IngestOptions, ReadOptions, import_paths

    try:
        status = Status.parse(args.status)
    except ValueError as err:
        raise AnnotatorError(E.E116, value=args.status, what="--status",
                             reason="use done, in-progress or new") from err
    project = open_project(args.project)
    update, close = progress_bar("Importing")
    try:
        report = import_paths(
            project, args.inputs, args.format,
            ReadOptions(split=args.split, text_field=args.text_field, scheme=args.scheme),
            IngestOptions(annotator=args.annotator, status=status,
                          create_labels=args.create_labels),
            progress=update,
        )
    finally:
        close()
        project.close()
    if args.json:
        print_json(report.to_dict())
        return 0
    r = report.ingest
    encodings = sorted(set(report.notes.encodings.values()))
    print(f"Imported {r.added} document(s), {r.characters:,} characters, from "
          f"{len(report.files)} file(s); {r.duplicates} duplicate(s) skipped"
          + (f"; encoding: {', '.join(encodings)}" if encodings else ""))
    if r.spans_added or r.spans_merged or r.spans_not_kept:
        print(f"Spans: {r.spans_added} added, {r.spans_merged} identical merged, "
              f"{len(r.spans_not_kept)} not kept")
    for what, count in sorted(report.notes.counts.items()):
        print(f"  {what}: {count}")
    for line in r.spans_not_kept + report.notes.messages:
        print(f"  {line}", file=sys.stderr)
    if report.labels_created:
        print(f"Labels created: {', '.join(report.labels_created)}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from annotator.app.annotation_time import time_report

    with open_project(args.project) as project:
        stats = project.stats()
        info = project.info()
        times = time_report(project).to_dict()
    stats = {"project": info.name, "language": info.language, **stats, "times": times}
    if args.json:
        print_json(stats)
        return 0
    print(f"Project {info.name} ({info.language})")
    print(f"  documents   {stats['documents']:>10,}")
    print(f"  characters  {stats['characters']:>10,}")
    print(f"  spans       {stats['spans']:>10,}")
    per_label = stats["spans_per_label"]
    assert isinstance(per_label, dict)
    for label, counts in per_label.items():
        print(f"    {label:<12} {counts['accepted']:>8,} accepted {counts['suggested']:>8,} suggested")
    statuses = stats["annotations_per_status"]
    assert isinstance(statuses, dict)
    print("  annotations " + ", ".join(f"{k} {v}" for k, v in statuses.items()))
    annotators = stats["annotators"]
    assert isinstance(annotators, dict)
    for name, entry in annotators.items():
        docs = ", ".join(f"{k} {v}" for k, v in entry["documents"].items() if v)
        print(f"    {name:<12} {entry['spans']:>8,} spans; {docs}")
    overall = times["overall"]
    assert isinstance(overall, dict)
    if overall["all"]["active_seconds"]:
        figures = overall["all"]
        print(f"  annotation time {figures['active_seconds'] / 3600:.2f} h active, "
              f"{figures['entities_per_hour']} entities/h (details: annotator times)")
    return 0


def run_overlap(args: argparse.Namespace) -> int:
    from annotator.app.overlaps import overlapping_spans, policy_text, set_overlap_policy

    with open_project(args.project) as project:
        if args.policy is not None:
            report = set_overlap_policy(project, OverlapPolicy(args.policy))
            if not args.json:
                print(f"Overlap policy: {report.after} ({policy_text(report.after)})"
                      + (f", was {report.before}" if report.changed else ", unchanged"))
        policy = project.info().overlap_policy
        census = overlapping_spans(project, None if args.list else 5)
    if args.json:
        print_json({"policy": str(policy), "overlapping_spans": census.count,
                    "annotations": census.annotations,
                    "spans": [{"document": e.doc_id, "annotator": e.annotator,
                               "start": e.span[0], "end": e.span[1], "label": e.span[2],
                               "overlaps": {"start": e.other[0], "end": e.other[1],
                                            "label": e.other[2]}} for e in census.examples]})
        return 0
    if args.policy is None:
        print(f"Overlap policy: {policy} ({policy_text(policy)})")
    print(f"{census.count} span(s) in {census.annotations} annotation(s) overlap another span")
    for example in census.examples:
        print(f"  {example.describe()}")
    if census.count > len(census.examples):
        print(f"  ... and {census.count - len(census.examples)} more (--list shows them all)")
    return 0
