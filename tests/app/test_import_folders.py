"""A folder import reads what is in the folder: a symlink that leads out of it is reported and
not followed, for plain files and for brat pairs alike; a link inside the folder is read."""

from __future__ import annotations

from pathlib import Path

from annotator.app.importing import import_paths
from annotator.app.project import Project


def _project(tmp_path: Path) -> Project:
    return Project.create(tmp_path / "p.db", labels=["PERS", "LOC"])


def test_a_link_out_of_the_folder_is_reported_not_followed(tmp_path: Path) -> None:
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "secret.txt").write_text("كلمة السر", encoding="utf-8")
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("زار لافروف موسكو", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("وصل الوفد", encoding="utf-8")
    (folder / "leak.txt").symlink_to(tmp_path / "private" / "secret.txt")
    (folder / "sub" / "again.txt").symlink_to(folder / "a.txt")  # inside: fine
    (folder / "up").symlink_to(tmp_path / "private", target_is_directory=True)
    with _project(tmp_path) as project:
        report = import_paths(project, [folder])
        texts = [text for _id, _source, text in project.iter_documents()]
    assert "كلمة السر" not in texts
    assert sorted(texts) == sorted(["زار لافروف موسكو", "وصل الوفد"])
    assert report.ingest.duplicates == 1  # the link inside the folder, read and merged
    leaks = [m for m in report.to_dict()["messages"] if "not followed" in m]
    assert any("leak.txt" in m for m in leaks)


def test_a_brat_pair_linked_from_outside_is_skipped(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.txt").write_text("Paris", encoding="utf-8")
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nLOC\n", encoding="utf-8")
    (folder / "good.txt").write_text("Rome is old", encoding="utf-8")
    (folder / "good.ann").write_text("T1\tLOC 0 4\tRome\n", encoding="utf-8")
    (folder / "bad.ann").write_text("T1\tLOC 0 5\tParis\n", encoding="utf-8")
    (folder / "bad.txt").symlink_to(outside / "x.txt")
    with _project(tmp_path) as project:
        report = import_paths(project, [folder])
        texts = [text for _id, _source, text in project.iter_documents()]
    assert texts == ["Rome is old"]
    assert report.notes.counts["brat pairs skipped: link out of the folder"] == 1
