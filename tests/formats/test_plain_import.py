"""Importing source documents: encodings, exact text, duplicates, bad input, all or nothing."""

from __future__ import annotations

import json

import pytest

from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.formats.registry import ReadOptions

ARABIC = "وقال لافروف إن الرئيس الروسي فلاديمير بوتين، في مدينة وونسان عام 2024"


@pytest.fixture
def store(tmp_path):
    s = Project.create(tmp_path / "p.db", labels=["PERS", "LOC", "ORG", "MISC"])
    yield s
    s.close()


def texts(store) -> list[str]:
    return [store.document_text(i) for i in store.document_ids()]


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16-le"),
    ("cp1256", "cp1256"), ("iso8859_6", "iso8859-6"),
])
def test_encodings_are_detected_and_reported(store, tmp_path, encoding, expected):
    path = tmp_path / "doc.txt"
    path.write_bytes(ARABIC.encode(encoding))
    report = import_paths(store, [path])
    assert report.notes.encodings[str(path)] == expected
    assert texts(store) == [ARABIC]


def test_the_seed_in_each_arabic_code_page(store, tmp_path, seed_text):
    text = seed_text.replace("“", '"').replace("”", '"')  # curly quotes are not in the code pages
    for i, enc in enumerate(["cp1256", "iso8859_6"]):
        body = text if enc == "cp1256" else text.replace("،", ",").replace("ـ", "")
        (tmp_path / f"seed{i}.txt").write_bytes(body.encode(enc, errors="strict")
                                                if enc == "cp1256" else body.encode(enc, "ignore"))
    import_paths(store, [tmp_path / "seed0.txt", tmp_path / "seed1.txt"])
    assert texts(store)[0] == text


def test_text_is_kept_exactly(store, tmp_path):
    text = "سطر أول\r\n\tمع\u200cفاصل\u200f و\u200e KCTV 😀🇸🇦\r\nسطر ثالث  بمسافتين\r\n"
    path = tmp_path / "exact.txt"
    path.write_bytes(text.encode("utf-8"))
    import_paths(store, [path])
    stored = texts(store)[0]
    assert stored == text
    doc = store.document_ids()[0]
    with store.store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT length FROM document WHERE id=?", (doc,)).scalar() == len(text)


def test_split_by_line_and_by_paragraph(store, tmp_path):
    path = tmp_path / "many.txt"
    path.write_bytes("أ ب\r\nج د\r\n\r\nهـ و\r\nز\r\n".encode())
    import_paths(store, [path], read=ReadOptions(split="line"))
    assert texts(store) == ["أ ب", "ج د", "هـ و", "ز"]
    other = Project.create(tmp_path / "q.db", labels=["LOC"])
    import_paths(other, [path], read=ReadOptions(split="paragraph"))
    assert [other.document_text(i) for i in other.document_ids()] == ["أ ب\r\nج د", "هـ و\r\nز"]


def test_folders_recursively_and_duplicates_counted(store, tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("نص أول", encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.txt").write_text("نص ثان", encoding="utf-8")
    (tmp_path / "in" / "sub" / "copy.txt").write_text("نص أول", encoding="utf-8")
    report = import_paths(store, [tmp_path / "in"])
    assert (report.ingest.added, report.ingest.duplicates) == (2, 1)
    again = import_paths(store, [tmp_path / "in"])
    assert (again.ingest.added, again.ingest.duplicates) == (0, 3)
    assert store.document_count() == 2


def test_jsonl_with_meta_and_csv_with_a_named_column(store, tmp_path):
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(json.dumps({"text": "في موسكو", "meta": {"id": 7}}, ensure_ascii=False)
                     + "\n\n" + json.dumps({"text": "في بيونج يانغ", "lang": "ar"}, ensure_ascii=False)
                     + "\n", encoding="utf-8")
    csv_path = tmp_path / "docs.csv"
    csv_path.write_text('id,body\n1,"سطر، مع فاصلة\nوسطر ثان"\n2,نص\n', encoding="utf-8")
    import_paths(store, [jsonl])
    import_paths(store, [csv_path], read=ReadOptions(text_field="body"))
    assert texts(store) == ["في موسكو", "في بيونج يانغ", "سطر، مع فاصلة\nوسطر ثان", "نص"]
    assert store.document_meta(store.document_ids()[0])["id"] == 7
    assert store.document_meta(store.document_ids()[2])["id"] == "1"


@pytest.mark.parametrize("name,content,code,where", [
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "E202", ""),
    ("empty.txt", b"", "E204", ""),
    ("bad.txt", "نص عربي سليم ".encode() * 10 + b"\xff\xfe\xfa\x81\x8d\x8e\x8f\x90" * 3 + b"\x00", "E202", ""),
    ("bad.jsonl", b'{"text": "ok"}\n{"text": broken\n', "E205", "line 2"),
    ("list.jsonl", b'{"text": "ok"}\n[1, 2]\n', "E206", "line 2"),
    ("notext.jsonl", b'{"text": "ok"}\n{"body": "x"}\n', "E207", "line 2"),
    ("nocol.csv", b"id,body\n1,x\n", "E208", ""),
    ("ragged.csv", b"id,text\n1,x\n2,y,z\n", "E213", "line 3"),
])
def test_bad_input_names_the_file_and_changes_nothing(store, tmp_path, name, content, code, where):
    good = tmp_path / "good.txt"
    good.write_text("نص جيد يسبق الملف السيئ", encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(AnnotatorError, match=code) as info:
        import_paths(store, [good, bad])
    assert name in str(info.value)
    assert where in str(info.value)
    assert store.document_count() == 0  # the good file before it was not kept either


def test_undecodable_single_byte_text_is_reported(store, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"abc \x81\x8d\x9d\xad more " * 3)
    try:
        report = import_paths(store, [path])
    except AnnotatorError as err:
        assert "latin.txt" in str(err)
    else:  # decoded with a code page: it must say which
        assert report.notes.encodings[str(path)] in ("cp1256", "iso8859-6")


def test_large_jsonl_streams_in_one_transaction(store, tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(5000):
            f.write(json.dumps({"text": f"{ARABIC} رقم {i}"}, ensure_ascii=False) + "\n")
    seen = []
    report = import_paths(store, [path], progress=seen.append)
    assert report.ingest.added == 5000 and store.document_count() == 5000
    assert seen and seen[-1] == 5000 and len(seen) > 2
