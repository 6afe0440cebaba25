"""Import and export formats, each registered once in `registry` (see registry.FORMATS)."""
