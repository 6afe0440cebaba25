"""`annotator labels PROJECT list|add`: the project's label set after `init`."""

from __future__ import annotations

import argparse

from annotator.cli.common import open_project, print_json
from annotator.core.model import LabelSpec, default_label_specs


def register(subparsers: argparse._SubParsersAction) -> None:
    labels = subparsers.add_parser("labels", help="list or add the project's labels")
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
