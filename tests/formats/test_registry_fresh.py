"""The registry alone, in a fresh interpreter, knows every format: no format may depend on a
test (or anything else) having imported its module first."""

from __future__ import annotations

import json
import subprocess
import sys

EXPECTED_WRITERS = {"brat", "conll", "doccano", "jsonl", "labelstudio", "prodigy", "spacy"}
EXPECTED_READERS = EXPECTED_WRITERS | {"csv", "tsv", "txt"}


def test_a_fresh_interpreter_registers_every_reader_and_writer() -> None:
    code = ("import json; from annotator.formats.registry import readable_formats, "
            "writable_formats; print(json.dumps([readable_formats(), writable_formats()]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    readers, writers = json.loads(out)
    assert EXPECTED_READERS <= set(readers)
    assert EXPECTED_WRITERS <= set(writers)
