"""The project gazetteer's entries: names exactly as written (trimmed), with their labels."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Name
from annotator.store.project_store import ProjectStore
from annotator.store.tables import GazetteerEntry, Label, table_of, utcnow
from annotator.text.plain import trim_span

G = table_of(GazetteerEntry)
L = table_of(Label)


def gazetteer_names(store: ProjectStore) -> list[Name]:
    with store.engine.connect() as c:
        return entries(c)


def entries(c: Connection) -> list[Name]:
    return [Name(text, label) for text, label in
            c.execute(select(G.c.text, G.c.label).order_by(G.c.id)).all()]


def remove_name(store: ProjectStore, text: str, label: str) -> bool:
    with store.write() as c:
        result = c.execute(delete(G).where(G.c.text == clean_name(text), G.c.label == label))
    return bool(result.rowcount)


def add_names(store: ProjectStore, names: Iterable[Name],
              label_map: dict[str, str] | None = None) -> int:
    """Add NAMES in one transaction (labels mapped by LABEL_MAP; a name mapped to '' or '-' is
    left out); returns how many were new. Unknown labels refuse the whole import (E104)."""
    label_map = label_map or {}
    added = 0
    with store.write() as c:
        known = set(c.execute(select(L.c.name)).scalars())
        existing = {(r[0], r[1]) for r in c.execute(select(G.c.text, G.c.label))}
        rows = []
        for name in names:
            label = label_map.get(name.label, name.label)
            if label in ("", "-"):
                continue
            if label not in known:
                raise AnnotatorError(E.E104, label=label, known=", ".join(sorted(known)))
            text = clean_name(name.text)
            if (text, label) in existing:
                continue
            existing.add((text, label))
            rows.append({"text": text, "label": label, "created_at": utcnow()})
        if rows:
            c.execute(insert(G), rows)
            added = len(rows)
    return added


def clean_name(text: str) -> str:
    """TEXT trimmed of whitespace and invisible marks; E408 when nothing or too much is left."""
    start, end = trim_span(text, 0, len(text))
    cleaned = text[start:end]
    if not cleaned:
        raise AnnotatorError(E.E408, text=text, reason="it is empty (only spaces or marks)")
    if "\n" in cleaned or len(cleaned) > 200:
        raise AnnotatorError(E.E408, text=cleaned[:40], reason="a name is one line of at most 200 characters")
    return cleaned
