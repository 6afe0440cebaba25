"""One tokenizer for selection snapping, training data, the trained pipeline (pre-tagging) and
export: a name behind a proclitic (كوريا in لكوريا) is the same token in all four, so it is
annotatable, trainable, pre-taggable and exported with its boundaries intact."""

from __future__ import annotations

import spacy
from pretag_support import make_project
from spacy.tokens import DocBin

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.training import _export
from annotator.core.model import Span
from annotator.nlp.pretaggers import load_spacy_pipeline
from annotator.nlp.train import TrainOptions, TrainReport, initialise
from annotator.store.export_source import project_lexicon
from annotator.text.tokenizer import ProjectTokenizer, snap_to_tokens

TEXTS = [
    "سافر الوزير لكوريا الشمالية أمس",
    "وصل الوفد إلى بيونج يانج ثم عاد لكوريا",
    "قال لافروف إن روسيا تدعم كوريا",
    "وكوريا الشمالية ترحب بالزيارة",
    "زار الرئيس بكوريا مصنعا",
    "أعلنت وكالة الأنباء في كوريا النبأ",
]
NAME = "كوريا"


def _project(tmp_path):  # type: ignore[no-untyped-def]
    documents = []
    for text in TEXTS:
        start = text.index(NAME)
        documents.append((text, [Span(start, start + len(NAME), "LOC")]))
    return make_project(tmp_path / "p.db", documents, labels=["LOC"])


def _tokens(docs) -> dict[str, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
    return {doc.text: [(t.idx, t.idx + len(t.text)) for t in doc] for doc in docs}


def _docbins(folder) -> dict[str, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
    vocab = spacy.blank("xx").vocab
    found: dict[str, list[tuple[int, int]]] = {}
    for path in sorted(folder.glob("*.spacy")):
        found.update(_tokens(DocBin().from_disk(path).get_docs(vocab)))
    return found


def test_a_name_behind_a_proclitic_is_the_same_token_everywhere(tmp_path):
    store = _project(tmp_path)
    with store.store.engine.connect() as c:
        lexicon = project_lexicon(c)
    assert NAME in lexicon
    snapping = {text: ProjectTokenizer("ar", lexicon).token_offsets(text) for text in TEXTS}

    # selection snapping: a click inside كوريا of لكوريا selects exactly كوريا
    for text, offsets in snapping.items():
        start = text.index(NAME)
        assert snap_to_tokens(offsets, start + 1, start + 2) == (start, start + len(NAME))

    # training data (what `annotator train` feeds spaCy) and export (`annotator export`)
    report = TrainReport(out_dir=str(tmp_path / "model"))
    _export(store, tmp_path / "train-data", TrainOptions(), report)
    training = _docbins(tmp_path / "train-data")
    (tmp_path / "export").mkdir()
    written = export_project(store, tmp_path / "export" / "all.spacy", ExportOptions(format="spacy"))
    assert written.files and written.tokens == sum(map(len, training.values()))
    exported = _docbins(tmp_path / "export")
    assert training == exported == {text: list(offsets) for text, offsets in snapping.items()}
    assert report.misaligned_skipped == 0 and sum(report.spans.values()) == len(TEXTS)

    # the pipeline training builds, saved and loaded as the spaCy pre-tagger loads it
    nlp = initialise("ar", "p", lexicon, tmp_path / "train-data",
                     TrainOptions(width=16, depth=1, embed_rows=(100, 50, 50, 50)))
    nlp.to_disk(tmp_path / "pipeline")
    pretagging = load_spacy_pipeline(str(tmp_path / "pipeline"))
    assert _tokens(pretagging.tokenizer.pipe(TEXTS)) == training
    assert _tokens(nlp.tokenizer.pipe(TEXTS)) == training
    assert all(NAME in [t.text for t in pretagging.make_doc(text)] for text in TEXTS)
