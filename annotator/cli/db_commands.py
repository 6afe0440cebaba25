"""annotator db copy | upgrade: move a project between databases, bring its schema up to date."""

from __future__ import annotations

import argparse
import sys

from annotator.cli.common import print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="copy a project between SQLite and PostgreSQL; upgrade")
    commands = db.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)

    copy = commands.add_parser(
        "copy", help="copy a whole project into an empty database or a new file",
        description="Copy everything (documents, labels, annotators, annotations, spans, "
        "statuses, timestamps, ids) from SOURCE to TARGET, then read it back and compare "
        "digests of every table before committing. TARGET must be empty; a missing PostgreSQL "
        "database is created when the role may (CREATEDB).")
    copy.add_argument("source", help="project file or database URL")
    copy.add_argument("target", help="new project file or postgresql+psycopg://... URL")
    copy.add_argument("--json", action="store_true", help="print the report as JSON")
    copy.set_defaults(run=run_copy)

    upgrade = commands.add_parser(
        "upgrade", help="bring the project's schema to this version (run as the owner)")
    upgrade.add_argument("project")
    upgrade.set_defaults(run=run_upgrade)


def run_copy(args: argparse.Namespace) -> int:
    from annotator.app.copying import copy_project
    from annotator.cli.common import progress_bar

    update, close = progress_bar("Copying", unit="row")
    done: dict[str, int] = {}

    def progress(table: str, count: int) -> None:
        done[table] = count
        update(sum(done.values()))

    try:
        report = copy_project(args.source, args.target, progress)
    finally:
        close()
    if args.json:
        print_json(report.to_dict())
        return 0
    rows = report.rows
    print(f"Copied {report.source} to {report.target} in {report.seconds:.1f} s: "
          f"{rows.get('document', 0):,} documents, {rows.get('span', 0):,} spans, "
          f"{rows.get('annotation', 0):,} annotations, {rows.get('annotator', 0):,} annotators")
    print(f"Every table read back and matched its source (sha256 {report.digest[:16]}…)")
    if report.target.startswith("postgresql"):
        print("Run `annotator team sync TARGET` to give the team its access (docs/TEAM.md).",
              file=sys.stderr)
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    from annotator.app.project import upgrade_project

    before, after = upgrade_project(args.project)
    print(f"Schema {before or '(none)'} -> {after}"
          + (" (already current)" if before == after else ""))
    return 0
