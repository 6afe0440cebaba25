"""Hugging Face `datasets` export for token classification: one row per sentence with `tokens`
and `ner_tags` as integer ids (IOB2 over the project's labels), in JSONL and Parquet, with a
`dataset_info.json` that names the tags in id order as a `features` description.

Output is a folder: `data.jsonl`, `data.parquet`, `dataset_info.json` (with --split, one such
folder per split). `datasets.load_dataset("json" | "parquet", data_files=...)` reads either
file; the Parquet file carries the features in its schema metadata (as `datasets` writes it),
so `ner_tags` loads as a `Sequence(ClassLabel)` with the names. Nested or overlapping spans go
to more tag columns, one per layer, outermost first (`ner_tags`, `ner_tags_layer2`, ... as
`formats.conll_writer.stack_layers` layers them); `export --flatten outermost|innermost`
writes one layer instead and lists the spans it leaves out.

Rows are spooled to a temporary file as they come, so the number of layers and labels seen are
known when the final files are written; memory stays bounded by one batch of rows.
"""

from __future__ import annotations

import json
import tempfile
from bisect import bisect_left
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, E
from annotator.formats.conll_writer import stack_layers, word_chunks
from annotator.formats.registry import writer
from annotator.formats.schemes import encode
from annotator.formats.writing import ExportDocument, WriteOptions

DATA_JSONL = "data.jsonl"
DATA_PARQUET = "data.parquet"
INFO = "dataset_info.json"
ROW_GROUP = 2000  # rows per Parquet row group (memory bound while writing)


def tag_names(labels: list[str]) -> list[str]:
    """The IOB2 tag names in id order: O, then B- and I- of each label in the project's order."""
    return ["O", *(f"{prefix}-{label}" for label in labels for prefix in ("B", "I"))]


def layer_column(n: int) -> str:
    return "ner_tags" if n == 0 else f"ner_tags_layer{n + 1}"


def features(names: list[str], layers: int) -> dict[str, Any]:
    """The `datasets` features of the rows, as `Features.to_dict()` writes them."""
    tags = {"feature": {"names": names, "_type": "ClassLabel"}, "_type": "Sequence"}
    described: dict[str, Any] = {
        "id": {"dtype": "string", "_type": "Value"},
        "document_id": {"dtype": "int64", "_type": "Value"},
        "tokens": {"feature": {"dtype": "string", "_type": "Value"}, "_type": "Sequence"},
    }
    for n in range(max(layers, 1)):
        described[layer_column(n)] = tags
    return described


class HuggingFaceWriter:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.path = path
        self.labels = list(options.labels)
        path.mkdir(parents=True, exist_ok=True)
        self.handle = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.rows = 0
        self.deepest = 0
        self.sentence_joins = 0
        self.notes: list[str] = []

    def write(self, document: ExportDocument) -> None:
        starts, words, chunks = word_chunks(document)
        if not words:
            return
        for chunk in chunks:
            if chunk.label not in self.labels:
                self.labels.append(chunk.label)
        layers = stack_layers(chunks) or [[]]
        self.deepest = max(self.deepest, len(layers))
        inside = [False] * len(words)
        for layer in layers:
            for chunk in layer:
                for i in range(chunk.start + 1, chunk.end):
                    inside[i] = True
        cuts = [0]
        for n in sorted({bisect_left(starts, start) for start in document.sentence_starts()}):
            if 0 < n < len(words):
                if inside[n]:
                    self.sentence_joins += 1
                else:
                    cuts.append(n)
        cuts.append(len(words))
        layer_tags = [encode(layer, len(words), "iob2") for layer in layers]
        for begin, end in zip(cuts, cuts[1:], strict=False):
            row = {"id": str(self.rows), "document_id": document.id,
                   "tokens": words[begin:end], "tags": [tags[begin:end] for tags in layer_tags]}
            self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.rows += 1

    def close(self) -> list[Path]:
        names = tag_names(self.labels)
        ids = {name: i for i, name in enumerate(names)}
        layers = max(self.deepest, 1)
        described = features(names, layers)
        parquet = _ParquetRows(self.path / DATA_PARQUET, described)
        self.handle.seek(0)
        with (self.path / DATA_JSONL).open("w", encoding="utf-8", newline="\n") as out:
            batch: list[dict[str, Any]] = []
            for line in self.handle:
                spooled = json.loads(line)
                row: dict[str, Any] = {"id": spooled["id"], "document_id": spooled["document_id"],
                                       "tokens": spooled["tokens"]}
                empty = [0] * len(spooled["tokens"])
                for n in range(layers):
                    tags = spooled["tags"][n] if n < len(spooled["tags"]) else None
                    row[layer_column(n)] = [ids[t] for t in tags] if tags else empty
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                batch.append(row)
                if len(batch) >= ROW_GROUP:
                    parquet.write(batch)
                    batch = []
            parquet.write(batch)
        parquet.close()
        self.handle.close()
        info = {"description": "token classification (NER) exported by annotator; ner_tags are "
                               "IOB2 ids into label_names",
                "features": described, "label_names": names, "splits_rows": self.rows}
        (self.path / INFO).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
        where = "" if self.path.name.startswith(".") else f"{self.path.name}: "  # split folder
        if layers > 1:
            self.notes.append(f"{where}nested or overlapping entities written as "
                              f"{layers} tag columns (ner_tags, ner_tags_layer2 ...), outermost "
                              "first")
        if self.sentence_joins:
            self.notes.append(f"{where}{self.sentence_joins} sentence end(s) inside "
                              "an entity not cut (the row holds both sentences)")
        return [self.path / DATA_JSONL, self.path / DATA_PARQUET, self.path / INFO]


class _ParquetRows:
    """Rows to a Parquet file in row groups, the `datasets` features in its schema metadata."""

    def __init__(self, path: Path, described: dict[str, Any]) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as err:
            raise AnnotatorError(E.E422, path=path) from err
        fields = [pa.field("id", pa.string()), pa.field("document_id", pa.int64()),
                  pa.field("tokens", pa.list_(pa.string()))]
        fields += [pa.field(name, pa.list_(pa.int64())) for name in list(described)[3:]]
        metadata = {b"huggingface": json.dumps({"info": {"features": described}}).encode()}
        self.pa = pa
        self.schema = pa.schema(fields, metadata=metadata)
        self.writer = pq.ParquetWriter(str(path), self.schema)

    def write(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.writer.write_table(self.pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


@writer("hf", "Hugging Face datasets (token classification): data.jsonl and data.parquet with "
        "tokens and ner_tags ids (IOB2), label names in dataset_info.json; nested entities as "
        "more tag columns or --flatten", suffix="", writes_folders=True, needs_tokens=True,
        carries_overlaps=True)
def write_huggingface(path: Path, options: WriteOptions) -> HuggingFaceWriter:
    return HuggingFaceWriter(path, options)
