"""Where the sample documents, the default corpus folder and the shipped resources are."""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent


def project_root() -> Path:
    """The checkout (the folder holding seeds/) when run from one, else the current folder."""
    candidate = PACKAGE_ROOT.parent
    return candidate if (candidate / "seeds").is_dir() else Path.cwd()


def seeds_dir() -> Path:
    return project_root() / "seeds"


def corpus_dir() -> Path:
    return project_root() / "corpus"


def resources_dir() -> Path:
    return project_root() / "resources"


def sample_project_path() -> Path:
    return corpus_dir() / "sample.db"


def starter_gazetteer_path(language: str = "ar") -> Path:
    """The starter gazetteer shipped in resources/ (countries, capitals, large cities,
    international organisations)."""
    return resources_dir() / f"gazetteer_{language}.jsonl"
