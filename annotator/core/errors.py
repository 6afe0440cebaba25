"""Every user-facing error in one place, each with a stable code (like spaCy's errors.py).

Raise `AnnotatorError(E.CODE, **details)`; the CLI prints one line, the UI a message box.
"""

from __future__ import annotations

from enum import Enum


class E(Enum):
    """Error codes and their message templates. Codes never change meaning once released."""

    # projects and store (E1xx)
    E101 = "No project at {path}. Create one with: annotator init {path} --lang ar --labels PERS,LOC"
    E102 = "A project already exists at {path}"
    E103 = "Not an annotator project (or a newer schema than this version knows): {path}: {reason}"
    E104 = "Unknown label {label!r}; the project has: {known}"
    E105 = "Span [{start}, {end}) is outside the document (length {length})"
    E106 = "Span [{start}, {end}) is empty or reversed"
    E107 = "Span [{start}, {end}) {label} overlaps {other}; the project refuses overlapping spans"
    E108 = "This span already exists: [{start}, {end}) {label}"
    E109 = "No span with id {span_id}"
    E110 = "No document with id {doc_id}"
    E111 = "Invalid label name {label!r}: {reason}"
    E112 = "Span {span_id} is not a suggestion"
    E113 = "Unsupported database URL {url!r}: use a file path, sqlite:///FILE or postgresql+psycopg://..."
    E114 = "Annotation {annotation_id} was changed by someone else; reload and try again"
    E115 = "No annotator named {name!r}"
    E116 = "Invalid value {value!r} for {what}: {reason}"
    E117 = "No annotation with id {annotation_id}"
    E118 = "The database refused the edit ({reason}); nothing was changed"
    E119 = "The project is busy: others kept it locked for {seconds} s; nothing was changed, try the edit again"
    E120 = ("The overlap policy stays {current!r}: {count} span(s) in {annotations} annotation(s) "
            "overlap another span, and a project that will {policy} overlaps cannot hold them "
            "({examples}). Nothing was changed or deleted. Delete or resize them first (in the "
            "app, or see them all with: annotator project overlap {project} --list), then try again")

    # pre-tagging runs shared by workers (E145-E149)
    E145 = "No pre-tagging run {run} in this project (the report of the command that started it names it)"
    E146 = "Pre-tagging run {run} was started with other choices ({what}); give the same pre-tagger, --annotator and options as its first command, or leave out --run"

    # the app's shell: recent projects, files dropped on the window (E147-E149)
    E147 = "{path}: the project is not there any more (moved or deleted); it was taken off File › Open recent"
    E148 = "Nothing to import in what was dropped ({what}): drop files or folders from this computer"

    # span edges (E17x)
    E170 = ("Span [{start}, {end}) {mention!r} starts or ends with whitespace or an invisible mark; "
            "nothing was changed. Select the word itself{hint}")

    # storage faults (E13x): the disk, the file or the server said no; nothing half-done is kept
    E130 = "{project}: the disk is full; nothing was changed. Free some space on that disk and try again"
    E131 = "{project} cannot be written (the file or its folder is read-only, or opened read-only); nothing was changed. Check the permissions, or copy the project to a folder you may write to"
    E132 = "{project}: the project file is gone or cannot be read or written ({reason}); nothing was changed. Check that the file and its disk are still there"
    E133 = "Lost the connection to {project} ({reason}). What you were told was saved is saved; the last edit may not be: when the server is back, reopen the project and check it"

    # annotation time (E18x): what the app records of how long annotating took
    E180 = "Time record for document {doc_id}: no such document; nothing was recorded"
    E181 = "Time record for document {doc_id}: {what} must be a finite number of seconds, at least 0, got {value!r}; nothing was recorded"
    E182 = "Time record for document {doc_id}: {reason}; nothing was recorded"
    E183 = "The server refused the time records ({reason}): a team member records only their own time; nothing was recorded"

    # team projects and copying between databases (E15x)
    E150 = "{target} is not empty ({reason}); copy into a new, empty database or file"
    E151 = "The copy does not match its source ({table}: {reason}); nothing was written to {target}"
    E152 = "{what} needs a PostgreSQL project; {url} is a SQLite file"
    E153 = "Invalid database role name {name!r}: use lower-case letters, digits and _ (at most 63), starting with a letter or _; or give --db-role"
    E154 = "Database role {name!r} bypasses row-level security ({reason}), so it cannot be an annotator: a blind project could not hide colleagues' work from it"
    E155 = "Permission denied: {action} needs {needs} ({reason})"
    E156 = "Role {role!r} does not see every annotation of this blind project; copy it as the project owner, a superuser, or a curator or manager"
    E157 = "Database role {db_role!r} already belongs to team member {other!r}"
    E158 = "Cannot connect to {url}: {reason}"
    E159 = "Annotation {annotation_id} is not yours to change; ask a curator"

    # blind mode's access path on PostgreSQL (E16x; migration 0008)
    E160 = "Blind mode of {project} was switched on while it was open ({reason}); the connection was renewed: try again"
    E161 = "The blind project refused this edit ({reason}); nothing was changed"

    # importing (E2xx)
    E201 = "{file}: no such file or folder"
    E202 = "{file}: looks like a binary file ({reason}), not text"
    E203 = "{file}: cannot decode the bytes as text (tried {tried}); byte {offset} is {byte}"
    E204 = "{file}: the file is empty"
    E205 = "{file}, line {line}: not valid JSON: {reason}"
    E206 = "{file}, line {line}: a JSON record must be an object, got {kind}"
    E207 = "{file}, line {line}: the record has no text field {field!r} (or it is not a string)"
    E208 = "{file}: no column named {column!r}; columns are: {columns}"
    E209 = "{file}: unknown format {fmt!r}; known formats: {known}"
    E210 = "{file}: cannot tell the format from the name or content; give --format"
    E211 = "{file}, line {line}: {reason}"
    E212 = "{file}: nothing to import (no documents found)"
    E213 = "{file}, line {line}: a CSV row with {got} fields where the header has {expected}"
    E214 = "{file}: unknown label {label!r}; the project has: {known}. Add the label, or import with --create-labels"
    E215 = "{file}: span [{start}, {end}) {label} is empty, reversed or outside the text (length {length})"
    E216 = "{file}, line {line}: {got} columns where the file's first token line has {expected}"
    E217 = "{file}, line {line}: span [{start}, {end}) {label} is outside the text (length {length}) or empty"
    E218 = "{file}, line {line}: span [{start}, {end}) {label} reads {found!r} in the text, but the file says {expected!r}"
    E219 = "{file}: not a spaCy DocBin ({reason})"
    E220 = "{file}: unknown tagging scheme {scheme!r}; use iob1, iob2 or bilou"
    E250 = "{file}, line {line}: the JSON is nested too deep to read (more levels than any annotation format uses); nothing was imported"
    E251 = "{file}, line {line}: a JSON string holds a lone surrogate {codepoint} (in “{context}”); no UTF-8 text can hold it. Fix the escape in the file; nothing was imported"
    E252 = "{file}, {where}: {field} must be {expected}, got {got}; nothing was imported"
    E253 = "{file}: cannot be read as {fmt} ({reason}); the file's structure is not what {fmt} writes. Nothing was imported; give --format if another format was meant"

    # label set (E34x)
    E340 = "Hotkey {hotkey!r} is already {label}'s; choose another (or none) for {name}"
    E341 = "Invalid colour {color!r} for {name}: use #RRGGBB, e.g. #E69F00"
    E342 = "Invalid hotkey {hotkey!r} for {name}: one letter or digit, or none"
    E343 = ("Label {name} is in use ({uses}); nothing was removed. Say what becomes of them: "
            "relabel them (--spans-to OTHER) or delete them (--delete-spans)")
    E344 = "Cannot {what}: {reason}; nothing was changed"
    # label set, continued (E171-E179)
    E171 = "Invalid label order: {reason}; name every label once ({known})"
    E172 = "Only a project manager may change the label set ({reason}); nothing was changed"

    # exporting and alignment (E3xx)
    E301 = "{count} span(s) do not align to tokens; nothing was exported. First: {first}. Use --skip-misaligned to export without them (each one is then listed)"
    E302 = "{path}: cannot write: {reason}"
    E303 = "Nothing to export: {reason}"
    E304 = "The project has annotations by {names}; choose one with --annotator NAME, --gold or --merge union|intersection|majority"
    E305 = "Invalid split {value!r}: {reason}. Example: --split train=0.8,dev=0.1,test=0.1"
    E306 = "{path} exists and is not empty; choose a new path or pass --overwrite"
    E307 = "Format {fmt!r} cannot be written; formats that can: {known}"
    E308 = "Choose where to export to: a file, or a folder when splitting"
    E309 = "Export cancelled: nothing was written to {path}"
    E310 = "{path}: document {doc} has nested or overlapping spans, which CoNLL writes as extra tag columns; that cannot be combined with the extra columns {columns}. Export without --columns"
    E315 = "Invalid --flatten {value!r}: choose one of {known}"
    E316 = "{path}: document {doc} has nested or overlapping entities and imported columns that are no tags (POS, chunk); a CoNLL line cannot hold both. Export with --flatten outermost (or innermost)"

    # nlp (E4xx)
    E401 = "No spaCy pipeline {name!r} is installed or found at that path. Install one with pip (for example `pip install <model-package>`) or train one: annotator train PROJECT --out DIR"
    E402 = "The pipeline {name!r} has no 'ner' or 'spancat' component"
    E403 = "Not enough annotated data to train: {reason}"
    E404 = "{file}, line {line}: not a pattern: {reason}. A line is {{\"label\": \"LOC\", \"pattern\": \"مصر\"}} or a token pattern list"
    E405 = "Unknown pre-tagger kind {kind!r}; known kinds: {known}"
    E406 = "Invalid label mapping {value!r}: write FROM=TO, for example GPE=LOC (TO empty or - drops FROM)"
    E407 = "The project has no trained model yet. Train one with: annotator train PROJECT --out DIR"
    E408 = "Gazetteer entry {text!r}: {reason}"
    E409 = "Cannot load the spaCy pipeline {name!r}: {reason}"
    E410 = "Nothing to pre-tag with: give a model (--model), pattern rules (--rules) or the gazetteer (--gazetteer)"
    E411 = "The project gazetteer is empty. Add names (annotator gazetteer add PROJECT TEXT LABEL, or right-click a span in the app) or import the starter list (annotator gazetteer import PROJECT --starter)"
    E420 = "{model} records no held-out documents (it was not trained by annotator train here): choose the documents to score with --documents, e.g. --documents 1-50"
    E421 = "Nothing to score: none of the documents has a done annotation ({source}); choose others with --documents or --annotator/--gold"
    E422 = "{path}: the Parquet file of the Hugging Face export needs pyarrow: pip install 'annotator[hf]' (or pip install pyarrow)"
    E423 = "Unknown queue order {order!r}; known orders: {known}"
    E424 = "The background process ended without finishing (exit code {exit_code}); nothing it was doing was kept"
    E425 = "{path}: cannot make the model's folder there: {reason}"
    E426 = "Cannot start the training process: {reason}"
    E412 = "The project gazetteer needs a project: open one, or give a names file (--gazetteer FILE)"
    E413 = ("Cannot tell the export format from {out}'s extension {suffix!r}: give --format "
            "({known})")

    # agreement (E5xx)
    E501 = "Agreement needs at least two annotators; got {count}: {names}"
    E502 = "Document {doc_id} is given more than once"
    E503 = "Document {doc_id}: span [{start}, {end}) {label} of {annotator!r} is empty, reversed or outside the document (length {length})"
    E504 = "Document {doc_id}: token {index} at [{start}, {end}) is empty, reversed, outside the document (length {length}) or overlaps the token before it"
    E505 = "Unknown annotator(s) {names} in the filter; the documents name: {known}"
    E506 = "Unitizing data: {reason}"
    E507 = "Gamma: the positional weight alpha must be a positive number, got {value}"
    E508 = "Gamma: the categorical weight beta must be zero or a positive number, got {value}"
    E509 = "Gamma: the empty-unit cost delta_empty must be a positive number, got {value}"
    E510 = "Gamma: the categorical dissimilarity matrix must be square, one row per label, values in [0, 1], symmetric with a zero diagonal ({reason})"
    E511 = "Gamma: the number of samples must be at least 2 (the precision needs two), got {value}"
    E512 = "Gamma data: {reason}"
    E513 = "Gamma: the integer programme of a component of {units} units found no alignment ({status})"
    E514 = "Unknown agreement weights {value!r} (Gwet's AC2); known: {known}"
    E515 = "Weighted agreement: label {label!r} is not on the ordered scale ({scale}); list every compared label in the scale"

    # adjudication and blind projects (E52x)
    E520 = "Document {doc_id} is not up for adjudication: {count} annotator(s) finished it; it needs at least two"
    E521 = "This is a blind project: only curators and managers see other annotators' work, and {viewer!r} is not one"

    # bulk curation (E522-E529)
    E522 = "Unknown agreement measure {measure!r} for bulk curation; known: {known}"
    E523 = "Threshold {value} is outside the range of {measure} ({low} to {high})"
    E524 = "Unknown rule {rule!r} for agreed spans; known: {known}"
    E525 = "{option} goes with --accept-above THRESHOLD"
    E526 = "--accept-above and --auto both write the gold set: use one at a time"
    E527 = "--bootstrap {value}: the number of resamples is 0 (no intervals) or more"
    E528 = "--seed {value}: a seed is 0 or more"
    E529 = "{option} goes with {needs}"

    # generic: E900 is only for the truly unexpected (a bug, a library failing); every error a
    # user can act on has a code of its own above
    E900 = "{message}"
    E901 = "{path}: {reason} (the file system refused it)"


# the disk, the file or the server refused: the app shows these in a dialog, not in passing
STORAGE_FAULTS = frozenset({E.E119, E.E130, E.E131, E.E132, E.E133, E.E158})


class AnnotatorError(Exception):
    """A problem the user can act on. `str(err)` is the one-line message with its code."""

    def __init__(self, code: E, **details: object) -> None:
        self.code = code
        self.details = details
        try:
            message = code.value.format(**details)
        except (KeyError, IndexError):  # a template slot not given: still say something useful
            message = f"{code.value} {details}"
        super().__init__(f"[{code.name}] {message}")

    @property
    def message(self) -> str:
        return str(self)
