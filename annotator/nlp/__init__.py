"""spaCy side of the annotator: the project tokenizer, pre-taggers, training, evaluation."""
