"""annotator times: how long annotation took, per annotator and label, with and without
pre-tags (recorded by the app; see `app.annotation_time`)."""

from __future__ import annotations

import argparse

from annotator.app.annotation_time import SPLITS, time_report
from annotator.cli.common import open_project, print_json

SPLIT_NAMES = {"all": "all documents", "with_pretags": "with pre-tags",
               "without_pretags": "without pre-tags"}


def register(subparsers: argparse._SubParsersAction) -> None:
    times = subparsers.add_parser(
        "times", help="annotation time: documents and entities per hour, with and without pre-tags")
    times.add_argument("project")
    times.add_argument("--json", action="store_true",
                       help="the figures as JSON (the `times` section of stats --json)")
    times.set_defaults(run=run_times)


def run_times(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        report = time_report(project)
    data = report.to_dict()
    if args.json:
        print_json(data)
        return 0
    if report.empty:
        print("No annotation time recorded yet: the app records it while annotators work")
        return 0
    annotators = data["annotators"]
    assert isinstance(annotators, dict)
    for name, entry in [*annotators.items(), ("everyone", data["overall"])]:
        print(f"{name}")
        print(f"  {'':<18}{'active':>10}{'docs':>7}{'done':>6}{'docs/h':>8}{'entities':>10}"
              f"{'ents/h':>8}{'s/entity':>10}")
        for split in SPLITS:
            f = entry[split]
            print(f"  {SPLIT_NAMES[split]:<18}{_duration(f['active_seconds']):>10}"
                  f"{f['documents']:>7}{f['documents_done']:>6}{_num(f['documents_per_hour']):>8}"
                  f"{f['entities']:>10}{_num(f['entities_per_hour']):>8}"
                  f"{_num(f['seconds_per_entity']):>10}")
        if entry["speed_up"] is not None:
            print(f"  entities per hour with pre-tags: {entry['speed_up']}x those without")
        for label, splits in entry["per_label"].items():
            f = splits["all"]
            print(f"    {label:<16}{f['entities']:>6} entities, {_num(f['entities_per_hour'])}/h, "
                  f"{_num(f['seconds_per_entity'])} s each")
    return 0


def _num(value: object) -> str:
    return "-" if value is None else f"{value:.1f}"


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
