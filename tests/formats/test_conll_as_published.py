"""CoNLL corpora as their publishers ship them (issue 12): empty tokens, stray invisible
fields, no blank lines, suffix-style and underscore tags, a byte-order mark inside the file.
Each rule of annotator/formats/conll_repairs.py is applied and reported with line numbers;
nothing is refused as a whole and nothing changes silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_helpers import contents

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.formats.conll_repairs import is_sentence_final, suffix_to_prefix
from annotator.store.ingest import IngestOptions


def imported(tmp_path: Path, text: str, name: str = "c.txt", fmt: str = "auto",
             ) -> tuple[Project, list[str]]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    project = Project.create(tmp_path / "p.db", labels=["PERS", "LOC", "ORG", "MISC"])
    report = import_paths(project, [source], fmt,
                          ingest_options=IngestOptions(create_labels=True))
    return project, report.notes.messages


def token_tags(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = [c for c in line.split() if c != "\u200f"]
        if len(columns) >= 2 and not columns[0].startswith("-DOCSTART-"):
            rows.append((columns[0], columns[-1]))
    return rows


# The shape of ANERcorp as published: no blank lines, ` O` lines, a stray U+200F field.
ANERCORP_LIKE = (
    "فرانكفورت B-LOC\n(د O\nب O\nا) O\n أعلن O\n O\nالاتحاد B-ORG\n"
    "الأوروبي I-ORG\n. O\nوقال O\nجورج B-PERS\nبوش I-PERS \u200f\n.\u200f O\n"
    "في O\nبغداد B-LOC\n؟ O\n"
)


def test_a_corpus_shaped_like_anercorp_imports_with_every_repair_reported(tmp_path):
    project, messages = imported(tmp_path, ANERCORP_LIKE)
    text = contents(project)[0][0]
    assert text.split("\n") == ["فرانكفورت (د ب ا) أعلن الاتحاد الأوروبي .",
                                "وقال جورج بوش .\u200f", "في بغداد ؟"]
    labels = [(text[s.start:s.end], s.label) for s in contents(project)[0][1]]
    assert labels == [("فرانكفورت", "LOC"), ("الاتحاد الأوروبي", "ORG"),
                      ("جورج بوش", "PERS"), ("بغداد", "LOC")]
    joined = "\n".join(messages)
    assert "read as conll, detected from its content, although .txt files are usually txt" \
        in joined
    assert "1 line(s) with an empty token skipped (tags O), lines 6" in joined
    assert "dropped on 1 line(s): 12" in joined
    assert "no blank line between sentences: split into 3 sentence(s)" in joined
    # " أعلن" has a token: leading whitespace alone does not make an empty token
    assert "أعلن" in text
    project.close()


def test_an_empty_token_inside_an_entity_leaves_the_entity_whole(tmp_path):
    project, messages = imported(tmp_path, "جامعة B-ORG\n I-ORG\nنابلس I-ORG\nفي O\n")
    assert contents(project) == [("جامعة نابلس في", [Span(0, 11, "ORG")])]
    assert any("empty token skipped (tags I-ORG), lines 2" in m for m in messages)
    project.close()


def test_suffix_style_tags_are_read_as_prefix_style_and_reported(tmp_path):
    project, messages = imported(tmp_path, "He NP-B\nreckons VP-B\nthe NP-B\ndeficit NP-I\n"
                                           "\nIt NP-B\n")
    assert contents(project)[0][1] == [Span(0, 2, "NP"), Span(3, 10, "VP"),
                                       Span(11, 22, "NP"), Span(23, 25, "NP")]
    assert any("suffix-style tags (LOC-B) read as prefix style (B-LOC): 5 tag(s)" in m
               for m in messages)
    project.close()


def test_suffix_rule_needs_a_file_without_prefix_tags():
    assert suffix_to_prefix("LOC-B") == "B-LOC"
    assert suffix_to_prefix("B-LOC") == "B-LOC"
    assert suffix_to_prefix("O") == "O"
    assert suffix_to_prefix("NNP") == "NNP"


def test_a_mixed_file_keeps_prefix_reading(tmp_path):
    # A label that ends in -B (ORG-B) in a prefix-style file stays a label.
    project, messages = imported(tmp_path, "a B-ORG-B\nb O\nc B-LOC\n")
    assert [s.label for s in contents(project)[0][1]] == ["ORG-B", "LOC"]
    assert not any("suffix-style" in m for m in messages)
    project.close()


def test_underscore_tags_are_reported(tmp_path):
    project, messages = imported(tmp_path, "Paris B_LOC\nis O\nbig O\n", "u.conll")
    assert contents(project)[0][1] == [Span(0, 5, "LOC")]
    assert any("1 tag(s) written with '_' (B_LOC) read as '-' (B-LOC)" in m for m in messages)
    project.close()


def test_a_byte_order_mark_inside_the_file_is_removed_and_reported(tmp_path):
    project, messages = imported(tmp_path, "\ufeffParis B-LOC\n\ufeffis O\nbig O\n", "b.conll")
    assert contents(project)[0][0] == "Paris is big"
    assert any("byte-order mark (U+FEFF) inside the file removed from the token on 1 line(s): 2"
               in m for m in messages)
    project.close()


def test_sentence_final_tokens():
    assert all(map(is_sentence_final, [".", "؟", "?!", "…", ".\u200f"]))
    assert not any(map(is_sentence_final, ["", "\u200f", "ق.م.", "1.3", "a."]))


def test_a_file_with_blank_lines_is_not_split_at_full_stops(tmp_path):
    project, messages = imported(tmp_path, "a O\n. O\nb O\n\nc O\n", "s.conll")
    assert contents(project)[0][0] == "a . b\nc"
    assert not any("split into" in m for m in messages)
    project.close()


def test_nul_and_binary_errors_name_the_line(tmp_path):
    source = tmp_path / "n.conll"
    source.write_bytes(b"a O\nb O\nc\x00 O\n")
    project = Project.create(tmp_path / "p.db", labels=["LOC"])
    with pytest.raises(AnnotatorError, match=r"E202.*NUL byte at line 3, byte 9"):
        import_paths(project, [source])
    late = tmp_path / "late.conll"
    late.write_bytes(b"a O\n" * 400_000 + b"c\x00 O\n")  # past the first MiB sampled
    with pytest.raises(AnnotatorError, match=r"E202.*NUL character at line 400001"):
        import_paths(project, [late])
    assert project.document_ids() == []
    project.close()


def test_anercorp_sample_as_published_gives_back_every_entity_token_and_tag(
        tmp_path, shared_data):
    """The sample rebuilt the way the full corpus is published (no DOCSTART, no blank lines,
    five ` O` lines, a stray U+200F field): every entity arrives, export gives back the
    tokens and tags."""
    lines = [line for line in (shared_data / "arabic" / "anercorp_sample.conll")
             .read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("-DOCSTART-")]
    for at in (300, 301, 5000, 9000, 12000):
        lines.insert(at, " O")
    lines[7000] += " \u200f"
    source = tmp_path / "ANERCorp"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = Project.create(tmp_path / "a.db", labels=["PERS", "LOC", "ORG", "MISC"])
    report = import_paths(project, [source], "conll")
    assert report.ingest.spans_added == sum(line.split()[-1].startswith("B-") for line in lines)
    out = tmp_path / "out.conll"
    export_project(project, out, ExportOptions(format="conll"))
    kept = source.with_name("kept.conll")
    kept.write_text("\n".join(line for line in lines if not line[:1].isspace()), "utf-8")
    assert token_tags(out) == token_tags(kept)
    project.close()
