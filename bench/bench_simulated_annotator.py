"""An annotator simulated on the ANERcorp sample: what pre-tags save, in keystrokes and edits
per entity, in three arms (issue 14).

The ANERcorp sample (../shared/data/arabic/anercorp_sample.conll, 709 sentences, IOB2
PERS/LOC/ORG/MISC) is cut into documents of --sentences sentences (tokens joined by spaces),
imported as new documents into a fresh project (overlaps refused, as `annotator init`), and a
simulated annotator `sim` works through them in order, making every gold entity (the corpus's
spans) exist as an accepted span through the real edit path (`Project.apply`), then marking
the document done. Arms:

- `none`: no pre-tags; every entity is added by hand.
- `gazetteer`: the starter gazetteer (`gazetteer import --starter`) pre-tags every document
  first (`pretag --gazetteer`, the real pre-tagger).
- `model`: no pre-tags for the first --every documents; after every --every done documents
  the project's model is trained from `sim`'s done documents so far (`train_model`, the app's
  training: spaCy's efficiency NER config with the project tokenizer, tok2vec width --width,
  depth 2, at most --epochs epochs, 20% of the done documents held out for its scores, CPU)
  and pre-tags the next --every documents (`pretag --model project`).

The annotator's cost model, per suggestion and per entity (keys as the editor's shortcuts):
a correct suggestion (same offsets and label) is accepted, 1 key (Enter), 1 edit; one with the
right offsets and a wrong label is given the right label, 1 key (the label's hotkey on the
chosen suggestion relabels and accepts it, one edit, as the editor does); any other suggestion
is rejected, 1 key (Backspace), 1 edit; a gold entity no suggestion gave is added, 2 keys
(select, label), 1 edit (a drag counts as one). Moving from one suggestion to the next (Tab or
a click) is not counted; Ctrl+Enter (done) is one key per document, counted apart.
Keys and edits per entity are over the gold entities of all documents.

    .venv/bin/python bench/bench_simulated_annotator.py [--sentences 10] [--every 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_train_stutter import anercorp_documents  # noqa: E402
from bench.common import ANERCORP, save  # noqa: E402

ANNOTATOR = "sim"
LABELS = ["PERS", "LOC", "ORG", "MISC"]


@dataclass
class Tally:
    entities: int = 0
    accepted: int = 0
    relabelled: int = 0
    rejected: int = 0
    added: int = 0
    documents: int = 0
    suggestions: int = 0
    trainings: list[dict[str, object]] = field(default_factory=list)

    @property
    def keys(self) -> int:
        return self.accepted + self.relabelled + self.rejected + 2 * self.added

    @property
    def edits(self) -> int:
        return self.accepted + self.relabelled + self.rejected + self.added

    def figures(self) -> dict[str, object]:
        per = max(1, self.entities)
        return {"entities": self.entities, "documents": self.documents,
                "suggestions": self.suggestions, "accepted": self.accepted,
                "relabelled": self.relabelled, "rejected": self.rejected, "added": self.added,
                "keys": self.keys, "edits": self.edits,
                "keys_per_entity": round(self.keys / per, 3),
                "edits_per_entity": round(self.edits / per, 3),
                "done_keys": self.documents,
                "entities_from_suggestions": round((self.accepted + self.relabelled) / per, 3),
                "trainings": self.trainings}


def corpus(sentences_per_document: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """ANERcorp sentences grouped into documents, spans shifted into each document's text."""
    documents = []
    sentences = anercorp_documents(10_000)
    for first in range(0, len(sentences), sentences_per_document):
        text, spans = "", []
        for sentence, found in sentences[first:first + sentences_per_document]:
            offset = len(text) + (1 if text else 0)
            text = f"{text}\n{sentence}" if text else sentence
            spans += [(s + offset, e + offset, label) for s, e, label in found]
        documents.append((text, [trimmed(text, *span) for span in spans]))
    return documents


def trimmed(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """A gold span without the invisible marks some ANERcorp tokens carry (U+200F at a token's
    end): the editor trims them off a selection too (E170)."""
    while end > start and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "Cf"):
        end -= 1
    while start < end and (text[start].isspace() or unicodedata.category(text[start]) == "Cf"):
        start += 1
    return start, end, label


def new_project(path: Path, documents):  # type: ignore[no-untyped-def]
    from annotator.app.project import Project
    from annotator.core.model import SourceDocument
    from annotator.store.ingest import IngestOptions, ingest

    project = Project.create(path, labels=LABELS)
    with project.store.write() as c:
        ingest(c, [SourceDocument(text, source=f"anercorp-{i}") for i, (text, _g) in
                   enumerate(documents)], project.info().overlap_policy, IngestOptions())
    return project


def annotate(project, doc_id: int, gold: list[tuple[int, int, str]], tally: Tally) -> None:  # type: ignore[no-untyped-def]
    """Make the document's spans the gold ones, as the cost model says, then mark it done."""
    from annotator.core.model import SpanState, Status
    from annotator.core.operations import (
        AcceptSuggestion,
        AddSpan,
        Batch,
        RejectSuggestion,
        RelabelSpan,
        SetStatus,
    )

    annotation = project.annotation_id(doc_id, ANNOTATOR)
    wanted = {(s, e): label for s, e, label in gold}
    given: set[tuple[int, int]] = set()
    for span in project.spans(annotation):
        if span.state is not SpanState.SUGGESTED:
            continue
        tally.suggestions += 1
        key = (span.start, span.end)
        if key in wanted and key not in given:
            given.add(key)
            if wanted[key] == span.label:
                project.apply(AcceptSuggestion(span.id))
                tally.accepted += 1
            else:
                project.apply(Batch((RelabelSpan(span.id, wanted[key]),
                                     AcceptSuggestion(span.id)), "label suggestion"))
                tally.relabelled += 1
        else:
            project.apply(RejectSuggestion(span.id))
            tally.rejected += 1
    for (start, end), label in wanted.items():
        if (start, end) not in given:
            project.apply(AddSpan(annotation, start, end, label))
            tally.added += 1
    final = sorted((s.start, s.end, s.label) for s in project.spans(annotation))
    assert final == sorted(gold), f"document {doc_id}: the spans are not the gold ones"
    project.apply(SetStatus(annotation, Status.DONE))
    tally.entities += len(gold)
    tally.documents += 1


def pretag(project, pretagger, doc_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    from annotator.app.pretagging import pretag_documents

    pretag_documents(project, pretagger, doc_ids, ANNOTATOR)


def run_arm(arm: str, documents, folder: Path, args: argparse.Namespace) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from annotator.app.gazetteer import import_name_files
    from annotator.app.pretagging import compose_pretagger
    from annotator.app.training import TrainOptions, train_model

    started = time.perf_counter()
    project = new_project(folder / f"{arm}.db", documents)
    tally = Tally()
    try:
        ids = project.document_ids()
        if arm == "gazetteer":
            import_name_files(project, [], starter=True)
            pretag(project, compose_pretagger(project, gazetteer="project"), ids)
        for position, (doc_id, (_text, gold)) in enumerate(zip(ids, documents, strict=True)):
            if arm == "model" and position and position % args.every == 0:
                t0 = time.perf_counter()
                report = train_model(project, folder / "models" / f"after-{position}", TrainOptions(
                    annotator=ANNOTATOR, max_epochs=args.epochs, width=args.width, depth=2,
                    eval_frequency=50, seed=1))
                batch = ids[position:position + args.every]
                pretag(project, compose_pretagger(project, model="project"), batch)
                tally.trainings.append({
                    "after_documents": position, "seconds": round(time.perf_counter() - t0, 1),
                    "held_out_f1": round(report.overall.f1, 3) if report.overall else None})
                print(f"  model after {position} documents: held-out F1 "
                      f"{tally.trainings[-1]['held_out_f1']}", flush=True)
            annotate(project, doc_id, gold, tally)
    finally:
        project.close()
    figures = tally.figures()
    figures["seconds"] = round(time.perf_counter() - started, 1)
    print(f"{arm:10} keys/entity {figures['keys_per_entity']}, edits/entity "
          f"{figures['edits_per_entity']}, from suggestions {figures['entities_from_suggestions']}",
          flush=True)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=10, help="sentences per document")
    parser.add_argument("--every", type=int, default=10, help="retrain after this many documents")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--arms", default="none,gazetteer,model")
    args = parser.parse_args()
    if not ANERCORP.exists():
        raise SystemExit(f"the ANERcorp sample is not at {ANERCORP}")
    documents = corpus(args.sentences)
    load_before = os.getloadavg()[0]
    figures: dict[str, object] = {
        "corpus": "ANERcorp sample", "documents": len(documents),
        "sentences_per_document": args.sentences,
        "gold_entities": sum(len(gold) for _t, gold in documents),
        "retrain_every": args.every, "epochs": args.epochs, "width": args.width,
        "model_description": f"spaCy efficiency ner, project tokenizer, tok2vec width {args.width} depth 2, "
                 f"at most {args.epochs} epochs, 20% of done documents held out, CPU",
        "cost_model": "accept 1 key, relabel+accept 1 key, reject 1 key, add 2 keys; 1 edit "
                      "each; navigation not counted; Ctrl+Enter per document apart",
    }
    with tempfile.TemporaryDirectory() as folder:
        for arm in args.arms.split(","):
            figures[arm] = run_arm(arm, documents, Path(folder), args)
    figures["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    save("simulated_annotator", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
