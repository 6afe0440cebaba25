"""annotator gui [PROJECT]: the desktop app (Qt is imported only here, when asked for)."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    gui = subparsers.add_parser("gui", help="open the desktop app (default: the sample project)")
    gui.add_argument("project", nargs="?", help="project file or database URL")
    gui.add_argument("--annotator", help="work as this annotator (default: remembered, or your login name)")
    gui.add_argument("--document", type=int, help="open this document (1-based position)")
    gui.add_argument("--screenshot", type=Path, help="render offscreen, save a PNG, exit")
    gui.add_argument("--size", default="1400x860", metavar="WxH",
                     help="the window's size for --screenshot (default 1400x860)")
    gui.set_defaults(run=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    """Open the app. The cyclic garbage collector is paused from here to the window's first
    paint (or the identity dialog): what the start-up imports and builds lives as long as the
    app, and the collector used to scan it again and again while it grew."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from annotator.app.sample import ensure_sample_project

        project = args.project or str(ensure_sample_project())
        from annotator.ui.app import run_app

        try:
            width, height = (int(part) for part in args.size.lower().split("x"))
        except ValueError as err:
            from annotator.core.errors import AnnotatorError, E

            raise AnnotatorError(E.E116, value=args.size, what="--size",
                                 reason="use WIDTHxHEIGHT, e.g. 1320x860") from err
        return run_app(project, annotator=args.annotator, document=args.document,
                       screenshot=args.screenshot, screenshot_size=(width, height),
                       resume_collector=collecting)
    finally:
        if collecting:
            gc.enable()
