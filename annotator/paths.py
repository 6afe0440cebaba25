"""Where the shipped resources, the sample documents and the default corpus folder are.

Run from a checkout (an editable install), they are the checkout's own `resources/`, `seeds/`
and `corpus/`. Installed from a wheel (`pip install .`, `pipx install`), `resources/` and
`seeds/` are inside the package (`annotator/_shipped/`, put there by setup.py) and projects
the app makes for you (the sample) go to the user's data folder, `$XDG_DATA_HOME/annotator`
(`~/.local/share/annotator`), never into whatever folder the app was started from.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
SHIPPED = PACKAGE_ROOT / "_shipped"


def checkout_root() -> Path | None:
    """The checkout holding this package, when run from one (it has seeds/ and resources/)."""
    candidate = PACKAGE_ROOT.parent
    if (candidate / "seeds").is_dir() and (candidate / "resources").is_dir():
        return candidate
    return None


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "annotator"


def seeds_dir() -> Path:
    root = checkout_root()
    return root / "seeds" if root is not None else SHIPPED / "seeds"


def resources_dir() -> Path:
    root = checkout_root()
    return root / "resources" if root is not None else SHIPPED / "resources"


def corpus_dir() -> Path:
    root = checkout_root()
    return root / "corpus" if root is not None else user_data_dir() / "corpus"


def sample_project_path() -> Path:
    return corpus_dir() / "sample.db"


def starter_gazetteer_path(language: str = "ar") -> Path:
    """The starter gazetteer shipped in resources/ (countries, capitals, large cities,
    international organisations)."""
    return resources_dir() / f"gazetteer_{language}.jsonl"
