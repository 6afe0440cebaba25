"""Round trips to PostgreSQL per everyday edit (add, relabel, delete, set status), counted in the
client's protocol trace (libpq: each Query or Sync the client sends waits for the server once),
for ProjectStore.apply and, beside it, the general path every edit took before (see
bench_edit_latency.apply_general). Needs the PostgreSQL server programs (tests/pg_server.py
starts a throwaway cluster). Saved to bench/results/edit_round_trips.json.
usage: python bench/bench_edit_round_trips.py
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from bench_edit_latency import apply_general  # noqa: E402
from common import save  # noqa: E402
from pg_server import scratch_database, start_server  # noqa: E402
from sqlalchemy import event  # noqa: E402

from annotator.core.model import SourceDocument, Status  # noqa: E402
from annotator.core.operations import (  # noqa: E402
    AddSpan,
    Change,
    DeleteSpan,
    Operation,
    RelabelSpan,
    SetStatus,
)
from annotator.store import ProjectStore  # noqa: E402
from annotator.store.ingest import IngestOptions, ingest  # noqa: E402


class Trace:
    """The libpq protocol trace of every new connection, read back as round trips."""

    def __init__(self, store: ProjectStore, folder: Path) -> None:
        self.file = open(folder / "trace.txt", "w+")  # noqa: SIM115 (closed in close())
        event.listen(store.engine, "connect",
                     lambda dbapi, _record: dbapi.pgconn.trace(self.file.fileno()))
        store.engine.dispose()  # connections from now on are traced

    def round_trips(self) -> int:
        self.file.flush()
        self.file.seek(0)
        lines = self.file.read().splitlines()
        self.file.seek(0)
        self.file.truncate()
        return sum(1 for line in lines
                   if "\tF\t" in line and ("\tSync" in line or "\tQuery\t" in line))

    def close(self) -> None:
        self.file.close()


def count(url: str, folder: Path) -> dict[str, dict[str, int]]:
    store = ProjectStore.create(url, labels=["PERS", "LOC"])
    with store.write() as c:
        ingest(c, [SourceDocument("كتب أحمد رسالة إلى سارة في موسكو. " * 8, "doc")],
               store.project().overlap_policy, IngestOptions())
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    store.spans(annotation)
    store.apply(AddSpan(annotation, 0, 3, "PERS"))  # policy and span-length bound cached
    trace = Trace(store, folder)
    paths: dict[str, Callable[[ProjectStore, Operation], Change]] = {
        "everyday": ProjectStore.apply, "general": apply_general}
    figures: dict[str, dict[str, int]] = {}
    for path, apply in paths.items():
        store.spans(annotation)  # a view (as the editor has), so the stale check runs
        trace.round_trips()
        span_id = apply(store, AddSpan(annotation, 4, 8, "LOC")).added[0].id
        trips = {"add": trace.round_trips()}
        apply(store, RelabelSpan(span_id, "PERS"))
        trips["relabel"] = trace.round_trips()
        apply(store, DeleteSpan(span_id))
        trips["delete"] = trace.round_trips()
        apply(store, SetStatus(annotation, Status.DONE if path == "everyday" else Status.SKIPPED))
        trips["status"] = trace.round_trips()
        figures[path] = trips
        print(f"{path:9} round trips per edit: " + "  ".join(f"{k} {v}" for k, v in trips.items()))
    trace.close()
    store.close()
    return figures


def main() -> None:
    server = start_server(durable=False)
    try:
        with tempfile.TemporaryDirectory() as tmp, scratch_database(server) as url:
            figures = count(url, Path(tmp))
    finally:
        server.stop("immediate")
    save("edit_round_trips", {"backend": "postgresql", "round_trips_per_edit": figures,
                              "note": "includes the pool's pre-ping, BEGIN and COMMIT"})


if __name__ == "__main__":
    main()
