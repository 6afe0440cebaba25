"""annotator: build named-entity training corpora, right-to-left text first."""

__version__ = "0.1.0"
