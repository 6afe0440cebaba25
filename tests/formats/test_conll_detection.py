"""A CoNLL corpus published as .txt is detected by content (issue 12)."""
from pathlib import Path

from annotator.formats.registry import get_format, guess_format


def test_txt_with_bio_tags_is_read_as_conll(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Paris B-LOC\nis O\nbig O\n", encoding="utf-8")
    assert guess_format(path).name == "conll"


def test_prose_txt_stays_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Paris is a big city.\nIt has many museums and O\nparks.\n", encoding="utf-8")
    assert guess_format(path).name == "txt"


def test_format_txt_forces_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Paris B-LOC\nis O\n", encoding="utf-8")
    assert get_format("txt", path).name == "txt"
