"""The key under which a tokenization may be kept (`token_cache`, migration 0013).

Two tokenizers with the same key give the same tokens for every text: the key names the
language, the options and the lexicon of the `ProjectTokenizer`, and carries a digest of the
code and rules that make tokens (this package's tokenizer modules and the rules snapshot), so
a new version of any of them, even one nobody remembered to mark, gives a new key and the
kept tokens are not used. A language spaCy tokenizes itself adds spaCy's version.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from annotator.text.tokenizer import ProjectTokenizer
from annotator.text.tokenizer_rules import SNAPSHOT_LANGS, snapshot_path

_HERE = Path(__file__).parent
# every module whose code decides where tokens start and end
_SOURCES = ("tokenizer.py", "tokenizer_rules.py", "arabic.py", "plain.py")


@cache
def _code_digest(lang: str) -> str:
    digest = hashlib.sha256()
    paths = [_HERE / name for name in _SOURCES]
    snapshot = lang in SNAPSHOT_LANGS and snapshot_path(lang).exists()  # as load_rules decides
    if snapshot:
        paths.append(snapshot_path(lang))
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    if not snapshot:
        from importlib import metadata  # only here: it costs 30 ms to import

        try:
            digest.update(f"spacy {metadata.version('spacy')}".encode())
        except metadata.PackageNotFoundError:
            digest.update(b"no spacy")
    return digest.hexdigest()[:20]


def tokenizer_key(tokenizer: ProjectTokenizer) -> str:
    """A short string equal for two tokenizers exactly when they tokenize alike (see above)."""
    lexicon = hashlib.sha256("\n".join(sorted(tokenizer.lexicon)).encode()).hexdigest()[:12]
    return (f"{tokenizer.lang}/proclitics={int(tokenizer.split_proclitics)}/"
            f"lexicon={lexicon}/code={_code_digest(tokenizer.lang)}")
