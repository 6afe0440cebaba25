"""The domain: documents, spans, labels, edit operations, text utilities. No Qt, no SQL."""
