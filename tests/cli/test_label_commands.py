"""`annotator labels PROJECT list|add`: the label set after init; bad input is one coded line
(exit 2) and changes nothing."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main


@pytest.fixture
def project(tmp_path, capsys) -> str:
    path = str(tmp_path / "p.db")
    assert main(["init", path, "--lang", "ar", "--labels", "PERS,LOC"]) == 0
    capsys.readouterr()
    return path


def _labels(project: str, capsys) -> list[dict[str, str]]:
    assert main(["labels", project, "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_add_with_defaults_and_with_every_field(project, capsys):
    assert main(["labels", project, "add", "ORG"]) == 0
    assert "Added label ORG, hotkey 3" in capsys.readouterr().out
    assert main(["labels", project, "add", "EVENT", "--color", "#123456", "--hotkey", "e",
                 "--description", "حدث: مؤتمر، حرب، انتخابات"]) == 0
    capsys.readouterr()
    labels = _labels(project, capsys)
    assert [x["name"] for x in labels] == ["PERS", "LOC", "ORG", "EVENT"]
    assert labels[3] == {"name": "EVENT", "color": "#123456", "hotkey": "e",
                         "description": "حدث: مؤتمر، حرب، انتخابات"}
    assert main(["labels", project, "list"]) == 0
    assert "[e] EVENT" in capsys.readouterr().out


@pytest.mark.parametrize("args,code", [
    (["add", "GPE", "--hotkey", "1"], "E340"),  # PERS has 1
    (["add", "GPE", "--hotkey", "ab"], "E342"),
    (["add", "GPE", "--color", "red"], "E341"),
    (["add", "LOC"], "E111"),
    (["add", "O"], "E111"),
])
def test_bad_input_is_one_coded_line_and_changes_nothing(project, capsys, args, code):
    before = _labels(project, capsys)
    assert main(["labels", project, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(code) or f"[{code}]" in err or code in err.splitlines()[0]
    assert len(err.strip().splitlines()) == 1
    assert _labels(project, capsys) == before


def test_a_taken_default_hotkey_is_left_empty(project, capsys):
    assert main(["labels", project, "add", "ORG", "--hotkey", "4"]) == 0
    assert main(["labels", project, "add", "MISC"]) == 0  # its default, 4, is ORG's
    capsys.readouterr()
    assert _labels(project, capsys)[-1]["hotkey"] == ""
