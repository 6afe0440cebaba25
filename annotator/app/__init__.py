"""The application layer: the use-cases the desktop app and the command line call.

`project.Project` is an open project (reads and single edits); the other modules are the
use-cases, each taking a Project, opening its own transactions through the rooms below
(store, formats, nlp, agreement) and returning a report whose `changes` say what changed:
importing, exporting, pretagging, training, gazetteer, agreement, disagreements, adjudication,
assignment, team, copying, sample. Nothing here imports Qt.
"""
