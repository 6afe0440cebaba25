"""A child process for durability tests: applies a deterministic stream of edits to PROJECT and
prints `done N` after each edit's apply() returned (i.e. after its commit), flushing at once.

usage: python edit_stream_child.py PROJECT ANNOTATOR COUNT
"""

from __future__ import annotations

import sys


def planned_operations(annotation_id: int, count: int, first_span_id: int = 0):
    """The i-th planned edit as ('add', start, end, label) / ('relabel', i_of_add, label) /
    ('delete', i_of_add); spans are 3 characters apart and 2 long, so they never overlap."""
    plan = []
    adds = 0
    for i in range(count):
        if i % 5 == 4 and adds > 1:
            plan.append(("delete", adds - 2))
        elif i % 3 == 2 and adds:
            plan.append(("relabel", adds - 1, "ORG"))
        else:
            plan.append(("add", adds * 3, adds * 3 + 2, "LOC"))
            adds += 1
    return plan


def expected_spans(plan) -> dict[int, tuple[int, int, str]]:
    """What the annotation holds after PLAN: add index -> (start, end, label)."""
    spans: dict[int, tuple[int, int, str]] = {}
    adds = 0
    for step in plan:
        if step[0] == "add":
            spans[adds] = (step[1], step[2], step[3])
            adds += 1
        elif step[0] == "relabel" and step[1] in spans:
            start, end, _ = spans[step[1]]
            spans[step[1]] = (start, end, step[2])
        elif step[0] == "delete":
            spans.pop(step[1], None)
    return spans


def main() -> None:
    from annotator.core.operations import AddSpan, DeleteSpan, RelabelSpan
    from annotator.store import ProjectStore

    project, annotator, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = ProjectStore.open(project)
    annotation = store.annotation_id(store.document_ids()[0], annotator)
    ids: list[int] = []
    for number, step in enumerate(planned_operations(annotation, count)):
        if step[0] == "add":
            ids.append(store.apply(AddSpan(annotation, step[1], step[2], step[3])).added[0].id)
        elif step[0] == "relabel":
            store.apply(RelabelSpan(ids[step[1]], step[2]))
        else:
            store.apply(DeleteSpan(ids[step[1]]))
        sys.stdout.write(f"done {number}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
