"""One registry of pre-tagger kinds: what each is called, how it loads, what it can offer.

A pre-tagger turns texts into suggested spans (`Suggestion`: code-point offsets into the text
exactly as given, label, score or None, origin "KIND/NAME:VERSION"). Kinds register with
`@pretagger_kind(...)`; the CLI and the app list kinds and their choices from here:

- `spacy`: any installed spaCy pipeline with an `ner` component, by package name or folder
  (a model trained by `annotator train` is such a folder). Nothing is bundled or downloaded.
- `project-model`: the latest model `annotator train` recorded for the project.
- `rules`: spaCy's EntityRuler with phrase and token patterns from a JSONL file; tokens are
  the project tokenizer's, phrase patterns match on the normalised form (see NORM below).
- `gazetteer`: the project's gazetteer (or a names file) with normalised Arabic matching and
  proclitics (annotator.nlp.gazetteer).

spaCy is imported only when a spaCy-based pre-tagger is loaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Name

NO_PIPELINE_HELP = (
    "No spaCy pipeline with an 'ner' component is installed. Nothing is downloaded for you: "
    "install one with pip (a spaCy model package for your language, or one you trained), "
    "give a pipeline folder with --model PATH, or train one from your finished documents: "
    "annotator train PROJECT --out DIR"
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    label: str  # the pre-tagger's own label (mapped to the project's labels when stored)
    score: float | None = None
    origin: str = ""


class Pretagger(Protocol):
    origin: str  # "KIND/NAME:VERSION", stored with every suggestion

    def labels(self) -> list[str]:
        """The labels this pre-tagger can produce (for mapping before a run)."""
        ...

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        """One list of suggestions per text, in order."""
        ...


@dataclass
class LoadContext:
    """What a pre-tagger may use besides its own spec; the application layer fills it in from
    the project (`app.pretagging.pretagger_context`)."""

    language: str = "ar"
    n_process: int = 1  # spaCy processes; more only pays for heavy pipelines
    project_gazetteer: Callable[[], list[Name]] | None = None  # None: no project
    project_models: list[str] = field(default_factory=list)  # trained model folders, oldest first
    starter_gazetteer: Path | None = None  # the shipped names file for the language
    nested: bool = False  # the project allows overlapping spans: propose nested suggestions


@dataclass
class PretaggerKind:
    name: str
    description: str
    load: Callable[[str, LoadContext], Pretagger]
    choices: Callable[[LoadContext], list[str]] = field(default=lambda _context: [])


PRETAGGER_KINDS: dict[str, PretaggerKind] = {}


def pretagger_kind(name: str, description: str,
                   choices: Callable[[LoadContext], list[str]] | None = None
                   ) -> Callable[[Callable[[str, LoadContext], Pretagger]],
                                 Callable[[str, LoadContext], Pretagger]]:
    def decorate(load: Callable[[str, LoadContext], Pretagger]) -> Callable[[str, LoadContext], Pretagger]:
        PRETAGGER_KINDS[name] = PretaggerKind(name, description, load,
                                              choices or (lambda _context: []))
        return load

    return decorate


def load_pretagger(kind: str, spec: str, context: LoadContext | None = None) -> Pretagger:
    context = context or LoadContext()
    if kind not in PRETAGGER_KINDS:
        raise AnnotatorError(E.E405, kind=kind, known=", ".join(sorted(PRETAGGER_KINDS)))
    return PRETAGGER_KINDS[kind].load(spec, context)


def available_pretaggers(context: LoadContext) -> dict[str, list[str]]:
    """Kind -> the choices it offers now (installed pipelines, trained models, ...)."""
    return {name: kind.choices(context) for name, kind in sorted(PRETAGGER_KINDS.items())}


def missing_pipeline_help(choices: dict[str, list[str]]) -> str | None:
    """NO_PIPELINE_HELP when CHOICES (from `available_pretaggers`) hold no spaCy pipeline and
    no trained project model; None when there is a model to pre-tag with. The CLI prints it,
    the app's pre-tag dialog shows it in place of an empty model list."""
    return None if choices.get("spacy") or choices.get("project-model") else NO_PIPELINE_HELP


# ------------------------------------------------------------------ spaCy pipelines
class SpacyPretagger:
    """Entities of a spaCy pipeline's `ner` (doc.ents). spaCy's own `ner` gives no scores; a
    score is stored where the pipeline gives one: a `score` extension on the entity span, or
    a span group with `attrs["scores"]` (spancat's convention) holding the same span."""

    def __init__(self, nlp: Any, name: str, n_process: int = 1) -> None:
        if "ner" not in nlp.pipe_names and "spancat" not in nlp.pipe_names:
            raise AnnotatorError(E.E402, name=name)
        self.nlp = nlp
        # a span categorizer (trained on nested spans) suggests doc.spans[key], nested ones too
        self.span_key: str | None = None
        if "ner" not in nlp.pipe_names:
            self.span_key = str(nlp.get_pipe("spancat").key)
        self.n_process = max(1, n_process)
        meta = nlp.meta
        self.origin = f"spacy/{meta.get('lang', '')}_{meta.get('name', name)}:{meta.get('version', '0')}"

    def labels(self) -> list[str]:
        return sorted(self.nlp.get_pipe("ner" if self.span_key is None else "spancat").labels)

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        origin = self.origin
        from spacy.tokens import Span

        extension = Span.has_extension("score")
        for doc in self.nlp.pipe(texts, batch_size=batch_size, n_process=self.n_process):
            scores = _span_group_scores(doc) if doc.spans else {}
            if self.span_key is not None:
                group = doc.spans[self.span_key] if self.span_key in doc.spans else []
                yield [Suggestion(s.start_char, s.end_char, s.label_,
                                  scores.get((s.start_char, s.end_char, s.label_)), origin)
                       for s in group]
                continue
            yield [Suggestion(e.start_char, e.end_char, e.label_,
                              _score(e, scores, extension), origin) for e in doc.ents]


def _span_group_scores(doc: Any) -> dict[tuple[int, int, str], float]:
    """(start, end, label) -> score from span groups that carry `attrs["scores"]`."""
    found: dict[tuple[int, int, str], float] = {}
    for group in doc.spans.values():
        scores = group.attrs.get("scores")
        if scores is None or len(scores) != len(group):
            continue
        for span, score in zip(group, scores, strict=True):
            found.setdefault((span.start_char, span.end_char, span.label_), float(score))
    return found


def _score(entity: Any, scores: dict[tuple[int, int, str], float], extension: bool) -> float | None:
    if extension and isinstance(entity._.score, (int, float)):
        return float(entity._.score)
    return scores.get((entity.start_char, entity.end_char, entity.label_))


def load_spacy_pipeline(spec: str) -> Any:
    """spacy.load for a package name or folder, knowing the project tokenizer."""
    import spacy

    from annotator.text.tokenizer import register_with_spacy

    register_with_spacy()
    if not spec:
        raise AnnotatorError(E.E401, name=spec)
    path = Path(spec).expanduser()
    target: str | Path = path if path.exists() else spec
    if not path.exists() and not spacy.util.is_package(spec):
        raise AnnotatorError(E.E401, name=spec)
    try:
        return spacy.load(target, exclude=["parser", "tagger", "lemmatizer",
                                           "attribute_ruler", "morphologizer", "senter"])
    except OSError as err:
        raise AnnotatorError(E.E401, name=spec) from err
    except Exception as err:  # a broken or incompatible pipeline folder
        raise AnnotatorError(E.E409, name=spec, reason=f"{type(err).__name__}: {err}"[:300]) from err


def installed_ner_pipelines(_context: LoadContext | None = None) -> list[str]:
    """Installed spaCy pipeline packages whose meta lists an `ner` component."""
    import spacy

    found = []
    for name in spacy.util.get_installed_models():
        try:
            meta = spacy.util.load_meta(spacy.util.get_package_path(name) / "meta.json")
        except Exception:  # a package whose meta cannot be read is not offered
            continue
        if "ner" in meta.get("pipeline", []) or "ner" in meta.get("components", []):
            found.append(name)
    return sorted(found)


@pretagger_kind("spacy", "an installed spaCy pipeline with 'ner' (package name or folder)",
                installed_ner_pipelines)
def load_spacy(spec: str, context: LoadContext) -> Pretagger:
    return SpacyPretagger(load_spacy_pipeline(spec), spec, context.n_process)


def _project_models(context: LoadContext) -> list[str]:
    return list(context.project_models)


@pretagger_kind("project-model", "the latest model trained on this project (annotator train)",
                _project_models)
def load_project_model(spec: str, context: LoadContext) -> Pretagger:
    paths = _project_models(context)
    if spec:
        return load_spacy(spec, context)
    if not paths:
        raise AnnotatorError(E.E407)
    return load_spacy(paths[-1], context)


# ------------------------------------------------------------------ EntityRuler patterns
NORMALISER = "annotator_matching_norm"


def _register_normaliser() -> None:
    from spacy.language import Language

    if Language.has_factory(NORMALISER):
        return

    @Language.component(NORMALISER)
    def set_matching_norm(doc: Any) -> Any:
        """token.norm_ = the normalised matching form (text.arabic), for NORM patterns. After a
        lam proclitic split off (ل|لقاهرة), the article's dropped alef is restored (القاهره)."""
        from annotator.nlp.gazetteer import LAM_CLUSTERS
        from annotator.text.arabic import normalise_for_matching

        previous = ""
        for token in doc:
            norm = normalise_for_matching(token.text) or token.text
            if previous in LAM_CLUSTERS and norm.startswith("\u0644") and token.i \
                    and not doc[token.i - 1].whitespace_:
                norm = "\u0627" + norm
            token.norm_ = previous = norm
        return doc


class RulesPretagger:
    """spaCy's EntityRuler over the project tokenizer. Phrase patterns match on NORM, which a
    small component sets to the normalised matching form, so `القاهره` finds `القاهرة`;
    token patterns may use ORTH, LOWER, NORM, REGEX and the rest as usual."""

    def __init__(self, patterns: list[dict[str, Any]], language: str, name: str,
                 version: str) -> None:
        from annotator.text.tokenizer import ProjectTokenizer

        _register_normaliser()
        phrases = [p["pattern"] for p in patterns if isinstance(p["pattern"], str)]
        self.nlp = ProjectTokenizer(language, phrases).nlp()
        self.nlp.add_pipe(NORMALISER)
        ruler = self.nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM",
                                                          "overwrite_ents": False})
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        self._labels = sorted({str(p["label"]) for p in patterns})
        self.origin = f"rules/{name}:{version}"

    def labels(self) -> list[str]:
        return self._labels

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        origin = self.origin
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield [Suggestion(e.start_char, e.end_char, e.label_, None, origin) for e in doc.ents]


def read_patterns(path: Path) -> list[dict[str, Any]]:
    """EntityRuler patterns from JSONL: {"label": L, "pattern": "text" | [token dicts]}."""
    from annotator.nlp.gazetteer import read_jsonl

    patterns = []
    for number, record in read_jsonl(path):
        label, pattern = record.get("label"), record.get("pattern")
        if not isinstance(label, str) or not label:
            raise AnnotatorError(E.E404, file=path, line=number, reason="no string 'label'")
        if isinstance(pattern, list):
            if not pattern or not all(isinstance(t, dict) for t in pattern):
                raise AnnotatorError(E.E404, file=path, line=number,
                                     reason="a token pattern is a non-empty list of objects")
        elif not isinstance(pattern, str) or not pattern.strip():
            raise AnnotatorError(E.E404, file=path, line=number, reason="no 'pattern'")
        entry: dict[str, Any] = {"label": label, "pattern": pattern}
        if isinstance(record.get("id"), str):
            entry["id"] = record["id"]
        patterns.append(entry)
    return patterns


def file_version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


@pretagger_kind("rules", "spaCy EntityRuler patterns from a JSONL file (phrase and token patterns)")
def load_rules(spec: str, context: LoadContext) -> Pretagger:
    path = Path(spec)
    return RulesPretagger(read_patterns(path), context.language, path.name, file_version(path))


# ------------------------------------------------------------------ gazetteer
class GazetteerPretagger:
    def __init__(self, names: list[Any], language: str, name: str, nested: bool = False) -> None:
        from annotator.nlp.gazetteer import matcher_for

        self.matcher = matcher_for(names, language)
        self.nested = nested  # every match, nested ones too (else longest, never overlapping)
        digest = hashlib.sha256("\n".join(f"{n.text}\t{n.label}" for n in names)
                                .encode("utf-8")).hexdigest()[:10]
        self.origin = f"gazetteer/{name}:{digest}"

    def labels(self) -> list[str]:
        return self.matcher.labels()

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        origin = self.origin
        for text in texts:
            yield [Suggestion(m.start, m.end, m.label, None, origin)
                   for m in self.matcher.find(text, self.nested)]


def _gazetteer_choices(context: LoadContext) -> list[str]:
    starter = context.starter_gazetteer
    return ((["project"] if context.project_gazetteer is not None else [])
            + ([str(starter)] if starter is not None else []))


@pretagger_kind("gazetteer", "the project gazetteer ('project') or a names file, with normalised "
                "Arabic matching and proclitics", _gazetteer_choices)
def load_gazetteer(spec: str, context: LoadContext) -> Pretagger:
    from annotator.nlp.gazetteer import read_name_file

    if spec in ("", "project"):
        if context.project_gazetteer is None:
            raise AnnotatorError(E.E412)
        names = context.project_gazetteer()
        if not names:  # matching nothing would look like a run that found nothing
            raise AnnotatorError(E.E411)
        return GazetteerPretagger(names, context.language, "project", context.nested)
    path = Path(spec)
    names, _token_patterns = read_name_file(path)
    return GazetteerPretagger(names, context.language, path.name, context.nested)


# ------------------------------------------------------------------ mapping and combining
class MappedPretagger:
    """A pre-tagger with its own label mapping (a model's GPE -> LOC while the rules' GPE stays
    GPE); a label mapped to '' is dropped. The run's mapping still applies afterwards."""

    def __init__(self, inner: Pretagger, mapping: dict[str, str]) -> None:
        self.inner = inner
        self.mapping = dict(mapping)
        self.origin = inner.origin

    def labels(self) -> list[str]:
        return sorted({self.mapping.get(label, label) for label in self.inner.labels()} - {""})

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        mapping = self.mapping
        if not mapping:
            yield from self.inner.suggest(texts, batch_size)
            return
        for found in self.inner.suggest(texts, batch_size):
            yield [Suggestion(s.start, s.end, mapping.get(s.label, s.label), s.score, s.origin)
                   for s in found if mapping.get(s.label, s.label)]


class CombinedPretagger:
    """Several pre-taggers over the same texts; their suggestions in the order given (where
    they overlap, the first pre-tagger's suggestion is the one stored)."""

    def __init__(self, parts: list[Pretagger]) -> None:
        if not parts:
            raise AnnotatorError(E.E410)
        self.parts = parts
        self.origin = "+".join(p.origin for p in parts)

    def labels(self) -> list[str]:
        return sorted({label for part in self.parts for label in part.labels()})

    def suggest(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Suggestion]]:
        if len(self.parts) == 1:
            yield from self.parts[0].suggest(texts, batch_size)
            return
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._batch(batch, batch_size)
                batch = []
        if batch:
            yield from self._batch(batch, batch_size)

    def _batch(self, texts: list[str], batch_size: int) -> Iterator[list[Suggestion]]:
        streams = [part.suggest(texts, batch_size) for part in self.parts]
        for results in zip(*streams, strict=True):
            yield [s for result in results for s in result]
