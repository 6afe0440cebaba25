"""Text infrastructure every layer above may use: decoding files, the project tokenizer,
sentences, Arabic normalisation for matching, plain-text helpers. No Qt, no SQL, no spaCy at
import time (the tokenizer loads spaCy only for languages without a rule snapshot)."""
