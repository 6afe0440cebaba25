"""A use-case in a separate process: its progress, result and errors arrive; Cancel stops it,
or terminates it when it does not listen; the process is joined and cleanup runs every time."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from annotator.app.child_process import ChildProcess, Ended
from annotator.core.errors import AnnotatorError, E


def counts(n: int, progress: Callable[[object], None], should_stop: Callable[[], bool]) -> int:
    for i in range(n):
        progress(("step", i))
    return os.getpid()


def refuses(progress: Callable[[object], None], should_stop: Callable[[], bool]) -> None:
    raise AnnotatorError(E.E403, reason="2 done document(s); at least 5")


def breaks(progress: Callable[[object], None], should_stop: Callable[[], bool]) -> None:
    raise ValueError("a library failing")


def dies(progress: Callable[[object], None], should_stop: Callable[[], bool]) -> None:
    os._exit(3)


def listens(progress: Callable[[object], None], should_stop: Callable[[], bool]) -> str:
    progress("started")
    while not should_stop():
        time.sleep(0.01)
    return "stopped"


def deaf(stage: str, progress: Callable[[object], None], should_stop: Callable[[], bool]) -> None:
    progress(stage)
    time.sleep(120)


def run(child: ChildProcess, timeout: float = 60.0) -> list[object]:
    child.start()
    events = child.wait(timeout)
    assert not child.running(), events
    return events


def alive(pid: int) -> bool:
    """Whether PID is still a process (a zombie counts: it was not joined)."""
    return Path(f"/proc/{pid}").exists()


def test_progress_and_result_arrive_in_order_and_cleanup_runs():
    cleaned: list[bool] = []
    child = ChildProcess(counts, (3,), cleanup=lambda: cleaned.append(True))
    events = run(child)
    assert events[:3] == [("progress", ("step", i)) for i in range(3)]
    assert events[3] == ("done", child.pid) and child.pid != os.getpid()
    assert events[4] == Ended(0, cancelled=False) and len(events) == 5
    assert cleaned == [True] and not alive(child.pid)
    assert child.poll() == []  # ended once


def test_an_annotator_error_arrives_as_its_line_with_its_code():
    events = run(ChildProcess(refuses))
    assert events[0] == ("failed", str(AnnotatorError(E.E403, reason="2 done document(s); at least 5")))
    assert events[0][1].startswith("[E403]")


def test_an_unexpected_exception_arrives_as_a_short_message():
    events = run(ChildProcess(breaks))
    assert events[0] == ("unexpected", "ValueError: a library failing")


def test_a_child_that_dies_ends_without_a_result():
    cleaned: list[bool] = []
    events = run(ChildProcess(dies, cleanup=lambda: cleaned.append(True)))
    assert events == [Ended(3, cancelled=False)] and cleaned == [True]


def test_cancel_stops_a_child_that_listens():
    child = ChildProcess(listens)
    child.start()
    while not child.poll():
        time.sleep(0.02)  # "started"
    child.cancel(grace=30)
    events = child.wait(30)
    assert events[0] == ("done", "stopped") and events[-1] == Ended(0, cancelled=True)
    assert not alive(child.pid)


def test_cancel_terminates_a_child_that_does_not_listen():
    cleaned: list[bool] = []
    child = ChildProcess(deaf, ("training",), cleanup=lambda: cleaned.append(True))
    child.start()
    while not child.poll():
        time.sleep(0.02)
    started = time.monotonic()
    child.cancel(grace=0.2)
    events = child.wait(20)
    assert events and isinstance(events[-1], Ended) and events[-1].exit_code is not None
    assert events[-1].exit_code < 0 and events[-1].cancelled  # ended by a signal
    assert time.monotonic() - started < 10
    assert cleaned == [True] and not alive(child.pid)


def test_a_child_finishing_its_result_is_not_killed():
    child = ChildProcess(deaf, ("saving",), finishing=lambda stage: stage == "saving")
    child.start()
    while not child.poll():
        time.sleep(0.02)
    child.cancel(grace=0.1)
    assert child.wait(1.0) == [] and child.running()  # left to finish
    child._protected = False  # test only: let the escalation happen
    events = child.wait(20)
    assert isinstance(events[-1], Ended) and not alive(child.pid)


def test_training_refused_at_once_starts_no_process_and_leaves_nothing(tmp_path):
    from annotator.app.project import Project
    from annotator.app.training import TrainOptions, start_training_process

    out = tmp_path / "model"
    out.mkdir()
    (out / "keep.txt").write_text("someone's file", encoding="utf-8")
    project = Project.create(tmp_path / "p.db", labels=["LOC"])
    try:
        for options, code in ((TrainOptions(), "[E306]"), (TrainOptions(overwrite=True, holdout=1.5),
                                                          "[E116]")):
            try:
                start_training_process(project, out, options)
            except AnnotatorError as err:
                assert str(err).startswith(code)
            else:
                raise AssertionError(f"{code} expected")
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        try:
            start_training_process(project, tmp_path / "a-file" / "model")
        except AnnotatorError as err:
            assert str(err).startswith("[E425]") and "a-file" in str(err)
        else:
            raise AssertionError("E425 expected")
    finally:
        project.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "model", "p.db"]
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
