"""Blind mode's access path and the size of an annotator's own work: one annotator's edit latency
when she already has N spans, through `annotator_api`'s views (blind on) and through the tables
under row-level security (blind off), alternately on the same project and server.

The views' functions return all of her own rows and the planner cannot push a WHERE into them,
so a statement on the view `span` reads her N spans; this measures what her edits cost. Each round
times EDITS edits (add a span, delete it) per mode, the modes alternating from round to round;
medians of the rounds. Saved to bench/results/blind_scaling.json.
Her spans either spread over documents (--layouts 100: 100 per document, edits on one of
them) or all in one long document (10000; `one`: all N of them, whatever N). The store tells
the views which annotation an edit is about (store/blind_scope.py), and since migration 0011
reads and writes spans by id or place through parameterised functions on the span indexes
(store/span_statements.py), so neither layout should cost more than the tables.
usage: python bench/bench_blind_scaling.py [--sizes 100,2000,10000] [--layouts 100,10000,one]
       [--edits 60] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from common import median, save  # noqa: E402
from pg_server import find_postgres_bin, start_server  # noqa: E402

PASSWORD = "scale-Pa55word"
WORD = "كلمة "  # five code points: word k spans [5k, 5k + 4)


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


def project(server, size: int, per_document: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """A project where annotator amal has SIZE spans, PER_DOCUMENT on each of its documents
    (and badr as many); returns the URL and amal's annotation of the first document."""
    from annotator.core.model import Role, SourceDocument
    from annotator.store import ProjectStore, team
    from annotator.store.ingest import IngestOptions, ingest

    documents = max(1, size // per_document)
    url = server.owner_url(server.create_database())
    with ProjectStore.create(url, labels=["PERS", "LOC"]) as store:
        with store.write() as c:
            ingest(c, [SourceDocument(WORD * (per_document + 200) + f"رقم{d}", source=f"doc{d}")
                       for d in range(documents)], store.project().overlap_policy,
                   IngestOptions())
        for name in ("amal", "badr"):
            team.add_member(store, name, Role.ANNOTATOR, password=PASSWORD)
        first = None
        with store.write() as c:
            for name in ("amal", "badr"):
                for doc in store.document_ids():
                    annotation = store.annotation_id(doc, name)
                    first = first if first is not None or name != "amal" else annotation
                    c.exec_driver_sql(
                        'INSERT INTO span (annotation_id, start, "end", label, state, origin,'
                        " created_at, updated_at) SELECT %(a)s, 5 * k, 5 * k + 4, 'PERS',"
                        " 'accepted', 'manual', now(), now() FROM generate_series(0, %(n)s - 1) k",
                        {"a": annotation, "n": per_document})
            c.exec_driver_sql("ANALYZE span")
    assert first is not None
    return url, first


def timed_edits(url: str, annotation: int, per_document: int, edits: int) -> list[float]:
    from annotator.core.operations import AddSpan, DeleteSpan
    from annotator.store import ProjectStore

    times = []
    with ProjectStore.open(as_role(url, "amal")) as amal:
        amal.spans(annotation)
        for i in range(edits):
            start = 5 * (per_document + i % 150)
            began = time.perf_counter()
            span = amal.apply(AddSpan(annotation, start, start + 4, "LOC")).added[0]
            middle = time.perf_counter()
            amal.apply(DeleteSpan(span.id))
            times += [(middle - began) * 1000, (time.perf_counter() - middle) * 1000]
    return times


def main() -> None:
    from annotator.store import ProjectStore, team

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,2000,10000")
    parser.add_argument("--layouts", default="100,10000",
                        help="spans per document: her spans spread over documents, or in one"
                             " ('one': all of them in one document)")
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if find_postgres_bin() is None:
        print("postgresql: initdb/pg_ctl not found; nothing to measure")
        return
    server = start_server()
    figures: dict[str, object] = {"edits_per_round": args.edits * 2, "rounds": args.rounds,
                                  "load_average_before": os.getloadavg()}
    try:
        for layout in args.layouts.split(","):
            for size in (int(s) for s in args.sizes.split(",")):
                per_document = size if layout == "one" else int(layout)
                if size < per_document:
                    continue
                url, annotation = project(server, size, per_document)
                medians: dict[str, list[float]] = {"views": [], "tables": []}
                for round_ in range(args.rounds):
                    order = ("views", "tables") if round_ % 2 == 0 else ("tables", "views")
                    for mode in order:
                        with ProjectStore.open(url) as owner:
                            team.set_blind(owner, mode == "views")
                        medians[mode].append(
                            median(timed_edits(url, annotation, per_document, args.edits)))
                views, tables = median(medians["views"]), median(medians["tables"])
                figures[f"own_spans_{size}_per_document_{per_document}"] = {
                    "views_ms_p50_median": round(views, 2),
                    "tables_ms_p50_median": round(tables, 2),
                    "ratio_views_to_tables": round(views / tables, 3), "rounds_ms": medians}
                print(f"{size:>6} own spans, {per_document:>5} per document: views {views:.2f} ms,"
                      f" tables {tables:.2f} ms per edit (p50), ratio {views / tables:.2f}")
    finally:
        server.stop("fast")
        shutil.rmtree(server.base, ignore_errors=True)
    figures["load_average_after"] = os.getloadavg()
    save("blind_scaling", figures)


if __name__ == "__main__":
    main()
