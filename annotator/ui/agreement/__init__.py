"""Team views: agreement figures, one document's disagreements, and adjudication of the gold set.

Thin Qt views over the application layer (`app.agreement`, `app.disagreements`,
`app.adjudication`, `app.team`); every gold edit is a domain operation applied through
`Project.apply`.
"""
