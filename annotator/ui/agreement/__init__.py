"""Team views: agreement figures, one document's disagreements, and adjudication of the gold set.

Thin Qt views over `annotator.agreement` and `annotator.store` (agreement_source, visibility,
adjudication); every gold edit is a domain operation applied through `ProjectStore.apply`.
"""
