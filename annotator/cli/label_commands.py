"""`annotator labels PROJECT list|add|rename|recolor|hotkey|describe|reorder|remove|merge`: the
project's label set after `init`. Each change is one domain operation (`core.operations`) in
one transaction, reported in one line."""

from __future__ import annotations

import argparse

from annotator.cli.common import open_project, print_json
from annotator.core.model import LabelSpec, default_label_specs
from annotator.core.operations import (
    Change,
    LabelOperation,
    LabelReport,
    MergeLabels,
    RecolorLabel,
    RemoveLabel,
    RenameLabel,
    ReorderLabels,
    SetLabelDescription,
    SetLabelHotkey,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    labels = subparsers.add_parser("labels", help="list and change the project's labels")
    labels.add_argument("project")
    actions = labels.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the labels in order, with colour, hotkey, description")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)
    add = actions.add_parser("add", help="a new label at the end of the set")
    add.add_argument("name")
    add.add_argument("--color", default="", help="#RRGGBB (default: the next palette colour)")
    add.add_argument("--hotkey", default=None, help="one letter or digit, unique (default: "
                     "the next free digit; '' for none)")
    add.add_argument("--description", default="", help="shown as the label's tooltip")
    add.set_defaults(run=run_add)
    rename = actions.add_parser("rename", help="rename a label; every span keeps it")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(run=run_rename)
    recolor = actions.add_parser("recolor", help="a label's colour")
    recolor.add_argument("name")
    recolor.add_argument("color", help="#RRGGBB")
    recolor.set_defaults(run=run_recolor)
    hotkey = actions.add_parser("hotkey", help="a label's hotkey (unique)")
    hotkey.add_argument("name")
    hotkey.add_argument("hotkey", help="one letter or digit; '' for none")
    hotkey.set_defaults(run=run_hotkey)
    describe = actions.add_parser("describe", help="a label's description (its tooltip)")
    describe.add_argument("name")
    describe.add_argument("description", help="'' to clear it")
    describe.set_defaults(run=run_describe)
    reorder = actions.add_parser("reorder", help="put the labels named first, in that order")
    reorder.add_argument("names", nargs="+", metavar="NAME")
    reorder.set_defaults(run=run_reorder)
    remove = actions.add_parser("remove", help="remove a label (one in use: say what becomes "
                                "of its spans)")
    remove.add_argument("name")
    remove.add_argument("--spans-to", metavar="OTHER", default=None,
                        help="relabel its spans (and gazetteer names) to OTHER")
    remove.add_argument("--delete-spans", action="store_true",
                        help="delete its spans (and gazetteer names, time records)")
    remove.set_defaults(run=run_remove)
    merge = actions.add_parser("merge", help="every span of SOURCE becomes TARGET; SOURCE "
                               "is removed")
    merge.add_argument("source")
    merge.add_argument("target")
    merge.set_defaults(run=run_merge)


def run_list(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        labels = project.labels()
    if args.json:
        print_json([{"name": x.name, "color": x.color, "hotkey": x.hotkey,
                     "description": x.description} for x in labels])
        return 0
    for label in labels:
        key = f"[{label.hotkey}]" if label.hotkey else "[ ]"
        print(f"{key} {label.name:<12} {label.color:<8} {label.description}".rstrip())
    return 0


def run_add(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        labels = project.labels()
        default = default_label_specs([""] * len(labels) + [args.name])[-1]
        taken = {label.hotkey for label in labels}
        hotkey = args.hotkey if args.hotkey is not None else (
            "" if default.hotkey in taken else default.hotkey)
        spec = project.add_label(LabelSpec(args.name, args.color or default.color, hotkey,
                                           args.description))
    print(f"Added label {spec.name}" + (f", hotkey {spec.hotkey}" if spec.hotkey else "")
          + f", colour {spec.color}")
    return 0


def _apply(project_path: str, operation: LabelOperation) -> Change:
    with open_project(project_path) as project:
        return project.apply(operation)


def run_rename(args: argparse.Namespace) -> int:
    change = _apply(args.project, RenameLabel(args.name, args.new_name))
    new_name = change.inverse.name if isinstance(change.inverse, RenameLabel) else args.new_name
    print(f"Renamed {args.name} to {new_name}{_uses(change.label_report, 'keep it')}")
    return 0


def run_recolor(args: argparse.Namespace) -> int:
    _apply(args.project, RecolorLabel(args.name, args.color))
    print(f"{args.name}'s colour is now {args.color}")
    return 0


def run_hotkey(args: argparse.Namespace) -> int:
    _apply(args.project, SetLabelHotkey(args.name, args.hotkey))
    print(f"{args.name}'s hotkey is now {args.hotkey}" if args.hotkey
          else f"{args.name} has no hotkey now")
    return 0


def run_describe(args: argparse.Namespace) -> int:
    _apply(args.project, SetLabelDescription(args.name, args.description))
    print(f"{args.name}'s description is set" if args.description
          else f"{args.name}'s description is cleared")
    return 0


def run_reorder(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        rest = [x.name for x in project.labels() if x.name not in args.names]
        project.apply(ReorderLabels((*args.names, *rest)))
        order = [x.name for x in project.labels()]
    print("Labels in order: " + ", ".join(order))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    change = _apply(args.project, RemoveLabel(args.name, args.spans_to, args.delete_spans))
    report = change.label_report or LabelReport()
    if args.spans_to is not None:
        print(f"Removed {args.name}{_uses(report, f'now {args.spans_to}')}{_duplicates(report)}")
    elif report.spans_deleted or report.gazetteer_deleted or report.time_records_deleted:
        print(f"Removed {args.name} and deleted {_counted(report.spans_deleted, 'span')}, "
              f"{_counted(report.gazetteer_deleted, 'gazetteer name')}, "
              f"{_counted(report.time_records_deleted, 'time record')}")
    else:
        print(f"Removed {args.name} (it was not in use)")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    change = _apply(args.project, MergeLabels(args.source, args.target))
    print(f"Merged {args.source} into {args.target}"
          f"{_uses(change.label_report, f'now {args.target}')}{_duplicates(change.label_report)}"
          f"; {args.source} removed")
    return 0


def _counted(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def _uses(report: LabelReport | None, verb: str) -> str:
    """': 12 spans, 1 gazetteer name and 3 time records VERB' (nothing when none)."""
    if report is None:
        return ""
    parts = [_counted(n, what) for n, what in (
        (report.spans_relabelled, "span"), (report.gazetteer_relabelled, "gazetteer name"),
        (report.time_records_relabelled, "time record")) if n]
    return f": {', '.join(parts)} {verb}" if parts else ""


def _duplicates(report: LabelReport | None) -> str:
    if report is None or not report.duplicates:
        return ""
    kept, _dropped = report.duplicates[0]
    return (f"; {_counted(len(report.duplicates), 'span')} on the same offsets as one already "
            f"there kept once (first: annotation {kept.annotation_id} [{kept.start}, {kept.end}) "
            f"{kept.label}, {kept.state})")
