"""One build step besides pyproject.toml: ship the top-level `resources/` (translations, the
starter gazetteer) and `seeds/` (the sample document) inside the package, as
`annotator/_shipped/resources` and `annotator/_shipped/seeds`, so a wheel or pipx install finds
them (`annotator.paths`). An editable install reads the checkout's own folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("resources", "seeds")


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        root = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "annotator" / "_shipped"
        for name in SHIPPED:
            shutil.copytree(root / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithResources})
