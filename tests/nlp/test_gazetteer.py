"""The gazetteer: normalised Arabic matching with proclitics, exact offsets, the project's
entries, the starter list, and the EntityRuler path for JSONL patterns."""

from __future__ import annotations

import json

import pytest

from annotator.app.gazetteer import (
    add_to_gazetteer,
    import_names,
    remove_from_gazetteer,
)
from annotator.app.gazetteer import gazetteer_entries as gazetteer_names
from annotator.app.pretagging import pretagger_context
from annotator.core.errors import AnnotatorError
from annotator.nlp.gazetteer import Name, matcher_for, read_name_file
from annotator.nlp.pretaggers import load_pretagger, read_patterns
from annotator.paths import starter_gazetteer_path
from annotator.text.arabic import normalise_for_matching

NAMES = [Name("القاهرة", "LOC"), Name("مصر", "LOC"), Name("الأمم المتحدة", "ORG"),
         Name("كوريا الشمالية", "LOC"), Name("كوريا", "LOC"), Name("كويت", "LOC"),
         Name("Wonsan", "LOC")]


def found(text: str, names: list[Name] = NAMES) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.label) for m in matcher_for(names, "ar").find(text)]


@pytest.mark.parametrize("text,expected", [
    ("زار القاهرة", "القاهرة"),
    ("زار القاهره", "القاهره"),  # ta marbuta written as ha
    ("زار القاهـــرة", "القاهـــرة"),  # tatweel
    ("زار القَاهِرَةَ أمس", "القَاهِرَةَ"),  # harakat stay inside the span
    ("زار \u200fالقاهرة\u200f", "القاهرة"),  # bidi marks never belong to the span
    ("في مِصْرَ", "مِصْرَ"),
    ("في الامم المتحدة", "الامم المتحدة"),  # alef without hamza
    ("في الإمم المتحده", "الإمم المتحده"),
])
def test_spelling_variants_match_and_offsets_read_the_original(text, expected):
    assert found(text) == [(expected, "LOC" if "مم" not in expected else "ORG")]


@pytest.mark.parametrize("text,expected", [
    ("ومصر", "مصر"), ("فمصر", "مصر"), ("بمصر", "مصر"), ("لمصر", "مصر"), ("كمصر", "مصر"),
    ("وبمصر", "مصر"), ("بالقاهرة", "القاهرة"), ("والقاهرة", "القاهرة"),
    ("للقاهرة", "لقاهرة"),  # ل + the article with its alef dropped: the span starts at it
    ("وللأمم المتحدة", "لأمم المتحدة"),
    ("لكوريا الشمالية", "كوريا الشمالية"),
    ("والكويت", "الكويت"),  # a name listed without the article: the article is in the span
])
def test_names_are_found_after_proclitics(text, expected):
    assert [t for t, _label in found(f"قال {text} اليوم")] == [expected]


def test_whole_tokens_only_longest_first_and_no_overlaps():
    assert found("المصرية ومصريون ومصرا") == []
    assert found("كوريا الشمالية وكوريا") == [("كوريا الشمالية", "LOC"), ("كوريا", "LOC")]
    assert found("ميناء WONSAN") == [("WONSAN", "LOC")]  # Latin is casefolded


def test_first_label_given_for_a_name_wins():
    names = [Name("الجزائر", "LOC"), Name("الجزائر", "ORG")]
    assert found("في الجزائر", names) == [("الجزائر", "LOC")]


def test_the_seed_article(seed_text):
    names, _ = read_name_file(starter_gazetteer_path("ar"))
    hits = [(seed_text[m.start:m.end], m.label) for m in matcher_for(names, "ar").find(seed_text)]
    assert hits.count(("كوريا الشمالية", "LOC")) >= 10
    assert ("موسكو", "LOC") in hits and ("أوكرانيا", "LOC") in hits
    for match in matcher_for(names, "ar").find(seed_text):  # offsets are exact code points
        assert normalise_for_matching(seed_text[match.start:match.end]) == \
            normalise_for_matching(match.name) or seed_text[match.start] in "ال"


def test_project_entries_grow_from_the_editor(project):
    assert add_to_gazetteer(project, "  \u200fكوريا الشمالية ", "LOC") is True
    assert add_to_gazetteer(project, "كوريا الشمالية", "LOC") is False  # already there
    assert gazetteer_names(project) == [Name("كوريا الشمالية", "LOC")]
    with pytest.raises(AnnotatorError, match="E104"):
        add_to_gazetteer(project, "موسكو", "GPE")
    with pytest.raises(AnnotatorError, match="E408"):
        add_to_gazetteer(project, " \u200f ", "LOC")
    assert remove_from_gazetteer(project, "كوريا الشمالية", "LOC") is True
    assert gazetteer_names(project) == []


def test_import_maps_and_drops_labels(project):
    names = [Name("موسكو", "GPE"), Name("اليوم", "DATE"), Name("لافروف", "PERS")]
    assert import_names(project, names, {"GPE": "LOC", "DATE": "-"}) == 2
    assert sorted(gazetteer_names(project)) == [Name("لافروف", "PERS"), Name("موسكو", "LOC")]
    assert import_names(project, names, {"GPE": "LOC", "DATE": ""}) == 0


def test_the_project_gazetteer_pretagger_reads_the_table(project, seed_text):
    import_names(project, [Name("كوريا الشمالية", "LOC"), Name("لافروف", "PERS")])
    pretagger = load_pretagger("gazetteer", "project", pretagger_context(project))
    suggestions = next(iter(pretagger.suggest([seed_text])))
    assert {seed_text[s.start:s.end] for s in suggestions} >= {"كوريا الشمالية", "لافروف"}
    assert pretagger.origin.startswith("gazetteer/project:")
    assert pretagger.labels() == ["LOC", "PERS"]


def test_starter_gazetteer_is_well_formed():
    path = starter_gazetteer_path("ar")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 500
    assert {r["label"] for r in records} == {"LOC", "ORG"}
    assert {r["kind"] for r in records} == {"country", "capital", "city", "organisation"}
    forms = [normalise_for_matching(r["pattern"]) for r in records]
    assert len(forms) == len(set(forms)), "two entries normalise to the same name"
    by_pattern = {r["pattern"]: r for r in records}
    assert by_pattern["مصر"]["en"] == "Egypt" and by_pattern["القاهرة"]["kind"] == "capital"
    assert by_pattern["الأمم المتحدة"]["label"] == "ORG"
    assert sum(r["kind"] == "country" for r in records) >= 195


# ------------------------------------------------------------------ EntityRuler patterns
def test_entity_ruler_phrase_and_token_patterns(tmp_path, seed_text):
    rules = tmp_path / "rules.jsonl"
    rules.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"label": "LOC", "pattern": "القاهره"},  # spelled without ta marbuta
        {"label": "ORG", "pattern": "الأمم المتحدة", "id": "un"},
        {"label": "ORG", "pattern": [{"LOWER": "kctv"}]},
        {"label": "PERS", "pattern": [{"NORM": "لافروف"}]},
    ]) + "\n", encoding="utf-8")
    pretagger = load_pretagger("rules", str(rules), pretagger_context(None, "ar"))
    text = "زار بالقاهرة وللأمم المتحدة ثم القاهرة"
    got = [(text[s.start:s.end], s.label) for s in next(iter(pretagger.suggest([text])))]
    assert got == [("القاهرة", "LOC"), ("لأمم المتحدة", "ORG"), ("القاهرة", "LOC")]
    seed = [(seed_text[s.start:s.end], s.label) for s in next(iter(pretagger.suggest([seed_text])))]
    assert ("KCTV", "ORG") in seed and ("لافروف", "PERS") in seed
    assert pretagger.origin.startswith("rules/rules.jsonl:")
    assert pretagger.labels() == ["LOC", "ORG", "PERS"]


@pytest.mark.parametrize("line,reason", [
    ('{"pattern": "x"}', "label"),
    ('{"label": "LOC"}', "pattern"),
    ('{"label": "LOC", "pattern": []}', "token pattern"),
    ('not json', "E205"),
])
def test_bad_pattern_files_say_which_line(tmp_path, line, reason):
    rules = tmp_path / "bad.jsonl"
    rules.write_text('{"label": "LOC", "pattern": "مصر"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(AnnotatorError, match=reason) as err:
        read_patterns(rules)
    assert "line 3" in str(err.value)


@pytest.mark.parametrize(("content", "code"), [
    (b"\x00\x01\x02binary\x00" * 20, "E202"),  # a binary file
    (b"", "E204"),                              # an empty file
])
def test_hostile_name_and_pattern_files_are_clear_errors(tmp_path, content, code):
    path = tmp_path / "names.jsonl"
    path.write_bytes(content)
    for read in (read_name_file, read_patterns):
        with pytest.raises(AnnotatorError) as caught:
            read(path)
        assert caught.value.code.name == code and "names.jsonl" in str(caught.value)


def test_a_windows_1256_name_file_reads_as_arabic(tmp_path):
    path = tmp_path / "names.jsonl"
    lines = [{"label": "LOC", "pattern": "مصر"}, {"label": "LOC", "pattern": "القاهرة"},
             {"label": "ORG", "pattern": "جامعة الدول العربية"}]
    path.write_bytes("\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode("cp1256"))
    names, skipped = read_name_file(path)
    assert [n.text for n in names] == ["مصر", "القاهرة", "جامعة الدول العربية"] and skipped == 0
