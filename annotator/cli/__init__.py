"""The command line: a thin layer over the same functions the desktop app calls.

Each command group lives in its own module with a `register(subparsers)` function; add new
modules to COMMAND_MODULES. User errors print one line (with the error code) to stderr and
exit with status 2; nothing prints a traceback for them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.core.errors import AnnotatorError, E

COMMAND_MODULES = (
    "annotator.cli.project_commands",
    "annotator.cli.gui_command",
    "annotator.cli.export_command",
    "annotator.cli.nlp_commands",
    "annotator.cli.evaluate_command",
    "annotator.cli.team_commands",
    "annotator.cli.db_commands",
    "annotator.cli.agreement_commands",
    "annotator.cli.queue_command",
    "annotator.cli.label_commands",
    "annotator.cli.time_commands",
)

EXIT_USER_ERROR = 2


LAUNCH_MODULES = ("annotator.cli.gui_command",)  # `annotator` alone, or `annotator gui ...`


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Build named-entity training corpora. Without a command, opens the app "
        "on the sample project (corpus/sample.db).",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # opening the app reads no other command's module (they import the use-cases they run)
    parser = build_parser(LAUNCH_MODULES if not argv or argv[0] == "gui" else COMMAND_MODULES)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui"])
    try:
        return int(args.run(args) or 0)
    except AnnotatorError as err:
        print(f"annotator: error: {err}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        _silence_stdout()
        return 0
    except OSError as err:  # the file system said no: a missing folder, permissions, a full disk
        where = err.filename if err.filename is not None else "?"
        problem = AnnotatorError(E.E901, path=where, reason=err.strerror or str(err))
        print(f"annotator: error: {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing half-done was kept", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush has nowhere to fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
