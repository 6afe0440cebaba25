"""Write README.md's benchmark figures from the saved results (bench/results/*.json).

Every figure in README.md's generated blocks (the table under "## Benchmarks" and a few
passages in the prose) is read from a result file and formatted here, never typed; the markers
and the template language are described in bench/readme_blocks.py.

To add a row for a new benchmark, append one entry to TABLE, e.g. for bench/results/scale.json:

    Row("scale.json", at="sqlite",
        what="open a project of {documents:,} documents (`bench/bench_scale.py`)",
        figure="{open_s:.2f} s, peak RSS {peak_rss_mb:.0f} MB"),

then run `python bench/readme_figures.py` and commit README.md with the result. A figure in
prose is a `Passage` in BLOCKS plus its two markers, placed inside a line of README.md.

usage: python bench/readme_figures.py [--check]
    --check changes nothing: prints the diff and exits 1 when README.md and the results differ
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from readme_blocks import (  # noqa: E402
    REPO,
    RESULTS,
    Block,
    FigureError,
    Passage,
    Results,
    Row,
    Table,
    readme_diff,
    render_readme,
    share,
    value_range,
)

README = REPO / "README.md"
TEAM_BACKENDS = ("sqlite", "sqlite_one_annotator", "postgresql", "postgresql_one_annotator")


def _ratio_of(key: str):  # type: ignore[no-untyped-def]
    """For derive=: a side-by-side result's ratio at KEY (its keys hold dots)."""
    return lambda result: result["ratio_candidate_to_baseline"][key]


def _median_of(side: str, layout: str):  # type: ignore[no-untyped-def]
    """For derive=: a side-by-side blind_scaling result's median views/tables ratio."""
    return lambda result: result["median"][side][f"own_spans_{layout}.ratio_views_to_tables"]


LIST_SORTS_FIGURE = (
    "a click on the header to its first page, new / old: status "
    "{median.new_status_ascending.sort_ms:.0f} / {median.old_status_ascending.sort_ms:.0f} ms, "
    "spans {median.new_spans_ascending.sort_ms:.0f} / {median.old_spans_ascending.sort_ms:.0f} ms "
    "(CPU {median.new_spans_ascending.sort_cpu_ms:.0f} / "
    "{median.old_spans_ascending.sort_cpu_ms:.0f} ms), suggestions descending "
    "{median.new_suggestions_descending.sort_ms:.0f} / "
    "{median.old_suggestions_descending.sort_ms:.0f} ms; the last page: status "
    "{median.new_status_ascending.last_page_ms:.0f} / {median.old_status_ascending.last_page_ms:.0f}"
    " ms, spans {median.new_spans_ascending.last_page_ms:.0f} / "
    "{median.old_spans_ascending.last_page_ms:.0f} ms (CPU "
    "{median.new_spans_ascending.last_page_cpu_ms:.0f} / "
    "{median.old_spans_ascending.last_page_cpu_ms:.0f} ms); the middle page, spans descending "
    "{median.new_spans_descending.middle_page_ms:.0f} / "
    "{median.old_spans_descending.middle_page_ms:.0f} ms")


def _cpu_growth(kind: str):  # type: ignore[no-untyped-def]
    """For derive=: the growth exponent of a bench_scale result's search CPU time of KIND
    between its smallest and largest size."""
    def exponent(result):  # type: ignore[no-untyped-def]
        sizes = sorted(result["sizes"].values(), key=lambda run: run["documents"])
        small, large = sizes[0], sizes[-1]
        return math.log(large["search_cpu_ms"][kind] / small["search_cpu_ms"][kind]) / math.log(
            large["documents"] / small["documents"])
    return exponent


SEARCH_KINDS = ("mixed", "short", "common", "short_common")
CPU_GROWTH = {f"cpu_growth_{kind}": _cpu_growth(kind) for kind in SEARCH_KINDS}
CPU_GROWTH_FIGURE = ("CPU time growth exponents of the search: mixed {cpu_growth_mixed:.2f}, "
                     "short {cpu_growth_short:.2f}, common {cpu_growth_common:.2f}, short "
                     "common {cpu_growth_short_common:.2f}")


def _sbs(side: str, key: str):  # type: ignore[no-untyped-def]
    """For derive=: a side-by-side result's median of KEY (a dotted key, kept whole) on SIDE."""
    return lambda result: result["median"][side][key]


def _sbs_ratio(key: str):  # type: ignore[no-untyped-def]
    return lambda result: result["ratio_candidate_to_baseline"][key]


KEYSTROKE_AT = "sizes.100000."
KEYSTROKE_KEYS = ("label_p50_ms", "label_p95_ms", "label_cpu_p50_ms", "label_cpu_p95_ms",
                  "commit_floor_p50_ms", "commit_floor_p95_ms")
KEYSTROKE_DERIVED = {
    **{f"before_{k}": _sbs("baseline", KEYSTROKE_AT + k) for k in KEYSTROKE_KEYS},
    **{f"after_{k}": _sbs("candidate", KEYSTROKE_AT + k) for k in KEYSTROKE_KEYS},
    **{f"ratio_{k}": _sbs_ratio(KEYSTROKE_AT + k) for k in KEYSTROKE_KEYS},
}
KEYSTROKE_CPU = ("CPU p50 {label_cpu_p50_ms:.1f} / p95 {label_cpu_p95_ms:.1f} ms; a plain "
                 "sqlite3 insert and durable commit alone, timed between the keystrokes, p50 "
                 "{commit_floor_p50_ms:.1f} / p95 {commit_floor_p95_ms:.1f} ms")

SCALE_FIGURE = ("open to first paint {open_s:.2f} s; label keystroke p50 {label_p50_ms:.0f} / "
                "p95 {label_p95_ms:.0f} ms; stats {stats_ms:.1f} ms; list search "
                "{search_ms:.0f} ms (words of 3+ characters {search_trigram_ms:.0f} ms, shorter "
                "{search_short_ms:.0f} ms; words in most titles: 3+ characters "
                "{search_common_ms:.0f} ms, shorter {search_short_common_ms:.0f} ms); sort by title {sort_by_title_ms:.0f} ms, by status "
                "{sort_by_status_ms:.0f} ms, by spans "
                "{sort_by_spans_ms:.0f} ms; next undone {next_undone_ms:.0f} ms; peak RSS "
                "{peak_rss_mb:.0f} MB")
# the same without the search of words in most titles (results saved before bench_scale timed it)
SCALE_FIGURE_BEFORE_COMMON = SCALE_FIGURE.replace(
    "; words in most titles: 3+ characters {search_common_ms:.0f} ms, shorter "
    "{search_short_common_ms:.0f} ms", "")
TABLE = Table("table", [
    Row("import.json", at="jsonl_10k_docs",
        what="import {documents:,} Arabic documents, JSONL {input_mb:.1f} MB "
             "(`bench/bench_import.py`, medians of {runs})",
        figure="{seconds_median:.2f} s, {documents_per_second:,.0f} docs/s, "
               "peak RSS {peak_rss_mb_median:.1f} MB"),
    Row("import.json", at="jsonl_100k_records",
        what="import {documents:,} JSONL records, {input_mb:.1f} MB",
        figure="{seconds_median:.1f} s, {documents_per_second:,.0f} docs/s, "
               "peak RSS {peak_rss_mb_median:.1f} MB"),
    Row("import.json", at="text_50mb_by_line",
        what="import a {input_mb:.1f} MB text file, one document per line ({documents:,})",
        figure="{seconds_median:.1f} s, {documents_per_second:,.0f} docs/s, "
               "peak RSS {peak_rss_mb_median:.1f} MB (memory bounded: streamed)"),
    Row("edit_latency.json",
        what="span edit on a document of {document_chars/1e6:.1f}M characters with "
             "{spans_in_document:,} spans, durable commit (`bench/bench_edit_latency.py`, "
             "{edits_per_kind_and_path} edits of each kind)",
        figure="add p50 {everyday_add.p50_ms:.2f} / p95 {everyday_add.p95_ms:.2f} ms; "
               "relabel {everyday_relabel.p50_ms:.2f} / {everyday_relabel.p95_ms:.2f} ms; "
               "delete {everyday_delete.p50_ms:.2f} / {everyday_delete.p95_ms:.2f} ms "
               "(raw sqlite3 insert+commit floor, interleaved: "
               "{raw_sqlite_insert_commit.p50_ms:.2f} / {raw_sqlite_insert_commit.p95_ms:.2f} "
               "ms); {statements} statements besides BEGIN and COMMIT, each built once",
        derive={"statements": lambda r: value_range(
            r[f"everyday_{kind}"]["statements_with_begin_commit"] - 2
            for kind in ("add", "relabel", "delete"))}),
    Row("tokenizer.json",
        what="tokenizer, {text_code_points/1e6:.0f}M Arabic code points "
             "(`bench/bench_tokenizer.py`, medians of {runs})",
        figure="project tokenizer {project_token_offsets_warm.median_s:.3f} s vs "
               "`spacy.blank(\"ar\")` {spacy_blank_ar_warm.median_s:.3f} s "
               "({speedup_warm_project_over_spacy:.1f}x faster), {spacy}",
        derive={"spacy": lambda r: "spaCy imported" if r["startup_project"]["spacy_loaded"]
                else "without importing spaCy"}),
    Row("editor.json",
        what="editor: open a {document_bytes/1e6:.1f} MB Arabic document with {spans:,} spans, "
             "{nested_spans:,} of them nested in another, spans read and first screen painted "
             "with their label bands (`bench/bench_editor.py`, "
             "load {load_average_1min.0:.1f}-{load_average_1min.1:.1f})",
        figure="{open_ms:.0f} ms (bare text alone {bare_text_ms:.1f} ms in the same run, "
               "ratio {open_to_bare_ratio:.1f}); {large_document_bytes/1e6:.1f} MB with "
               "{large_spans:,} spans ({large_nested:,} nested): {large_open_ms:.0f} ms (bare "
               "{large_bare_text_ms:.0f} ms, ratio {large_open_to_bare_ratio:.1f})"),
    Row("editor.json",
        what="editor: one label keystroke on that document, stored durably and repainted",
        figure="p50 {label_p50_ms:.1f} / p95 {label_p95_ms:.1f} ms (store p95 "
               "{label_store_p95_ms:.1f}, UI p95 {label_ui_p95_ms:.1f} ms); in the whole main "
               "window, span list and document list included, p50 {window_label_p50_ms:.1f} / "
               "p95 {window_label_p95_ms:.1f} ms; undo p95 {undo_p95_ms:.1f} ms"),
    Row("launch.json",
        what="launch to a usable window: `annotator` under Xvfb with Qt's xcb platform, from "
             "the process's start to the editor's first paint of the seed document "
             "(`bench/bench_launch.py`, medians of {runs} warm runs and {first_runs} first "
             "runs, load {load_average_1min.0:.1f}-{load_average_1min.1:.1f})",
        figure="{warm_window_s:.2f} s warm (CPU {warm_cpu_s:.2f} s); a first run shows "
               "\"Who is annotating?\" at {first_identity_s:.2f} s and the window "
               "{first_window_after_identity_s:.2f} s after its Return; before this stop's "
               "cuts, side by side: {before.warm_window_s:.2f} s warm (CPU "
               "{before.warm_cpu_s:.2f} s), dialog at {before.first_identity_s:.2f} s (ratios: "
               "warm {ratio_warm_window:.2f}, warm CPU {ratio_warm_cpu:.2f}, dialog "
               "{ratio_first_identity:.2f})"),
    Row("editor_before.json",
        what="editor, the same figures before label bands (tags in widened gaps; the same "
             "script on the previous code, load {load_average_1min.0:.1f}-"
             "{load_average_1min.1:.1f})",
        figure="open {open_ms:.0f} ms (ratio {open_to_bare_ratio:.1f}), 4 MB {large_open_ms:.0f} "
               "ms; keystroke p95 {label_p95_ms:.1f} ms, in the main window p95 "
               "{window_label_p95_ms:.1f} ms (it re-read the document list on every edit)"),
    Row("pretag.json",
        what="pre-tag {documents:,} Arabic documents ({characters:,} characters) with a small "
             "trained NER pipeline (`bench/bench_pretag.py`, medians of {runs})",
        figure="the tool, database writes included, at "
               "{tool_vs_nlp_pipe_throughput_ratio_median:.2f}x the throughput of plain "
               "`nlp.pipe` on the same texts (CPU ratio {tool_vs_nlp_pipe_cpu_ratio_median:.2f}); "
               "one transaction per document would be "
               "{domain_vs_nlp_pipe_throughput_ratio_median:.2f}x ({domain_runs} run)"),
    Row("train.json",
        what="train on the ANERcorp sample, {imported.documents_added} sentence documents, "
             "{held_out:.0%} held out, {epochs_run} epochs, CPU "
             "(`bench/bench_train.py`, {runs} run)",
        figure="{train_seconds_median:.0f} s; held-out F1 {heldout_overall.f1:.2f} "
               "(LOC {heldout_per_label.LOC.f1:.2f}, ORG {heldout_per_label.ORG.f1:.2f}, "
               "PERS {heldout_per_label.PERS.f1:.2f}, MISC {heldout_per_label.MISC.f1:.2f})",
        derive={"held_out": share("documents.test", "documents.train", "documents.dev",
                                  "documents.test")}),
    Row("train_stutter.json",
        what="label keystrokes while the Train dialog trains ({documents_trained_on} "
             "sentences, {epochs} epochs), on a thread vs in a process "
             "(`bench/bench_train_stutter.py`, medians of {rounds})",
        figure="p95 {thread.keystroke_p95_ms:.0f} vs {process.keystroke_p95_ms:.0f} ms (no "
               "training {idle.keystroke_p95_ms:.0f} ms); timer lateness max "
               "{thread.tick_lateness_max_ms:.0f} vs {process.tick_lateness_max_ms:.0f} ms"),
    Row("export.json",
        what="export {tokens/1e6:.0f}M Arabic tokens in {documents:,} documents to DocBin "
             "(`bench/bench_export.py`, medians of {runs}, load "
             "{load_average_before_after.0:.1f}-{load_average_before_after.1:.1f})",
        figure="{export-spacy.seconds:.2f} s, {ratio_time_docbin_vs_direct-blank:.2f}x the time "
               "of building the DocBin directly with `spacy.blank(\"ar\")` from the same texts "
               "and spans, side by side ({ratio_cpu_time_docbin_vs_direct-blank:.2f}x CPU; "
               "{ratio_time_docbin_vs_direct-project:.2f}x with the project tokenizer in spaCy); "
               "peak {export-spacy.peak_mb:.0f} MB vs {direct-blank.peak_mb:.0f} MB "
               "({double.export-spacy.peak_mb:.0f} MB vs {double.direct-blank.peak_mb:,.0f} MB "
               "at {double.tokens/1e6:.0f}M tokens); CoNLL IOB2 "
               "{export-conll.seconds:.1f} s, {export-conll.peak_mb:.0f} MB"),
    Row("agreement.json",
        what="agreement, {corpus.annotators} annotators x {corpus.tokens/1e6:.1f}M tokens, "
             "tokenizing included (`bench/bench_agreement.py`, medians of {runs})",
        figure="{end_to_end_s:.2f} s end to end; Krippendorff's alpha "
               "{side_by_side.krippendorff_alpha.ours_s*1000:.0f} ms vs the `krippendorff` "
               "package's {side_by_side.krippendorff_alpha.library_s*1000:.0f} ms side by side "
               "({side_by_side.krippendorff_alpha.speedup:.0f}x); all values equal the "
               "reference libraries' within {difference:.0e}",
        derive={"difference": lambda r: max(
            m["max_abs_difference"] for m in r["side_by_side"].values())}),
    Row("pretag_workers.json",
        what="pre-tag {documents:,} generated Arabic documents with the starter gazetteer, 1, 2 "
             "and 4 `annotator pretag` processes sharing one run on one PostgreSQL server "
             "(`bench/bench_pretag_workers.py`, batches of {batch_documents}, medians of "
             "{rounds}; 2 cores shared with other work)",
        figure="1 worker {workers.1.docs_per_s_median:.0f} docs/s; 2 workers "
               "{workers.2.docs_per_s_median:.0f} docs/s ({workers.2.speedup_vs_1_median:.2f}x), "
               "4 workers {workers.4.docs_per_s_median:.0f} docs/s "
               "({workers.4.speedup_vs_1_median:.2f}x), where 2 and 4 plain CPU-bound processes "
               "got {workers.2.plain_processes_speedup_median:.2f}x and "
               "{workers.4.plain_processes_speedup_median:.2f}x one at the same moments; every "
               "batch done exactly once"),
    Row("bootstrap.json",
        what="95% bootstrap intervals, {resamples:,} resamples of the documents, "
             "{corpus.annotators} annotators x {corpus.tokens/1e6:.1f}M tokens "
             "(`bench/bench_bootstrap.py`, medians of {runs}, side by side)",
        figure="{ratio_with_to_without:.2f}x the time of `compute_agreement` without them "
               "({compute_agreement_s:.2f} s vs {compute_agreement_with_intervals_s:.2f} s on a "
               "busy machine); {coverage.share_held.krippendorff_alpha:.1%} of "
               "{coverage.studies} simulated 95% intervals of alpha hold the true value "
               "(Fleiss' kappa {coverage.share_held.fleiss_kappa:.1%}, Cohen's "
               "{coverage.share_held.cohen_kappa:.1%})"),
    *(Row("gamma.json", at=f"sizes.{i}",
          what="gamma, {units:,} spans of {tokens:,} tokens, 3 annotators "
               "(`bench/bench_gamma.py`)",
          figure="best alignment {alignment_s:.2f} s ({components:,} components, largest "
                 "{largest_component}); whole gamma with 30 sampled continua {gamma_s:.2f} s; "
                 "gamma {gamma:.3f}, standard error of the expected disorder {precision:.4f}")
      for i in range(3)),
    Row("gamma.json",
        what="growth of gamma's cost on n spans, 10k to 1M tokens (1: linear)",
        figure="alignment n^{growth_exponent_alignment:.2f}, whole gamma "
               "n^{growth_exponent_gamma:.2f} (medians of {runs}; load "
               "{machine.load_average_before_after.0}-{machine.load_average_before_after.1})"),
    *(Row("agreement_budget.json", at=f"sizes.{i}",
          what="every measure with gamma, AC2 and the default bootstrap, "
               "`compute_agreement` on 3 annotators x {tokens:,} tokens "
               "(`bench/bench_gamma.py --budget`)",
          figure="{median_s.everything:.2f} s; without gamma {median_s.without_gamma:.2f} s, "
                 "without the bootstrap {median_s.without_bootstrap:.2f} s, without either "
                 "{median_s.without_either:.2f} s ({ratio_everything_to_without_either:.2f}x)")
      for i in range(3)),
    Row("agreement_budget.json",
        what="growth of that run with everything on ({bootstrap_resamples:,} resamples, "
             "{gamma_samples} gamma continua, {ac2_weights} AC2), 10k to 1M tokens; the budget",
        figure="tokens^{growth_exponent_everything:.2f} (without gamma and the bootstrap "
               "tokens^{growth_exponent_without_either:.2f}); {everything_at_largest_s:.2f} s "
               "at {largest_tokens:,} tokens against the issue's {budget_s:.0f} s (medians of "
               "{runs} interleaved rounds; load {machine.load_average_before_after.0}-"
               "{machine.load_average_before_after.1})"),
    *(Row("store_agreement.json", at=f"sizes.{size}",
          what="`annotator agreement DB --json --no-gamma --bootstrap 0` on a SQLite project of "
               "3 annotators x {corpus.tokens:,} tokens ({corpus.documents:,} documents, "
               "{corpus.spans:,} spans; `bench/bench_store_agreement.py`, medians of "
               "interleaved rounds, load {load_average:.1f})",
          figure="{cli_s:.2f} s from the process start to its exit (CPU {cli_cpu_s:.2f} s) "
                 "with each document's tokens kept (migration 0013); the first run, which "
                 "keeps them, {cli_cold_s:.2f} s; the path before, side by side, "
                 "{cli_old_s:.2f} s (CPU {cli_old_cpu_s:.2f} s; ratio {ratio_cli_to_old:.2f}, "
                 "CPU {ratio_cli_cpu_to_old:.2f}); in process, imports {import_s:.2f} s (CPU "
                 "{import_cpu_s:.2f}), reading {read_s:.2f} s (CPU {read_cpu_s:.2f}) in "
                 "{statements} statements (before: reading and tokenizing "
                 "{old_read_and_tokenize_s:.2f} s, CPU {old_read_and_tokenize_cpu_s:.2f}), "
                 "computing {compute_s:.2f} s (CPU {compute_cpu_s:.2f}); everything on (gamma, "
                 "1,000 resamples) {cli_all_s:.2f} s")
      for size in ("10000", "100000", "1000000")),
    Row("store_agreement.json", at="growth_exponents",
        what="growth exponents of those figures, 10k to 1M tokens (1: linear)",
        figure="the command {cli_s:.2f} (CPU {cli_cpu_s:.2f}), its first run {cli_cold_s:.2f}, "
               "before {cli_old_s:.2f}; reading {read_s:.2f} (CPU {read_cpu_s:.2f}) against "
               "reading and tokenizing before {old_read_and_tokenize_s:.2f}; computing "
               "{compute_s:.2f} (CPU {compute_cpu_s:.2f}); everything on {cli_all_s:.2f}"),
    *(Row("scale_before.json", at=f"sizes.{size}",
          what="a project of {documents:,} documents of 550 characters, 5 spans each, before "
               "the paged document list (`bench/bench_scale.py`, main window offscreen)",
          figure="open to first paint {open_s:.2f} s; label keystroke p50 {label_p50_ms:.0f} / "
                 "p95 {label_p95_ms:.0f} ms; stats {stats_ms:.0f} ms; list search "
                 "{search_ms:.0f} ms; next undone {next_undone_ms:.0f} ms; peak RSS "
                 "{peak_rss_mb:.0f} MB")
      for size in ("1000", "10000", "100000")),
    Row("scale_before.json", at="growth_exponent",
        what="growth exponents of those figures, 1k to 100k documents (1: linear, 0: flat)",
        figure="open {open_s:.2f}, keystroke p95 {label_p95_ms:.2f}, stats {stats_ms:.2f}, "
               "search {search_ms:.2f}, next undone {next_undone_ms:.2f}, peak RSS "
               "{peak_rss_mb:.2f}"),
    *(Row("scale.json", at=f"sizes.{size}",
          what="the same project of {documents:,} documents with the list read by pages over "
               "indexes (migration 0012) and stats from tallies (load {load_average_1min})",
          figure=SCALE_FIGURE)
      for size in ("1000", "10000", "100000")),
    *(Row("scale_list_search_before.json", at=f"sizes.{size}",
          what="{documents:,} documents on main's code before migration 0015 (the trigram index "
               "by id, short words by LIKE; same bench, load {load_average_1min})",
          figure="list search {search_ms:.0f} ms (3+ characters {search_trigram_ms:.0f} ms, "
                 "shorter {search_short_ms:.0f} ms; in most titles: 3+ {search_common_ms:.0f} ms, "
                 "shorter {search_short_common_ms:.0f} ms); CPU {search_cpu_ms.mixed:.0f} / "
                 "{search_cpu_ms.short:.0f} / {search_cpu_ms.common:.0f} / "
                 "{search_cpu_ms.short_common:.0f} ms")
      for size in ("1000", "10000", "100000")),
    *(Row("scale.json", at=f"sizes.{size}",
          what="the list search at {documents:,} documents with migration 0015 (the same words)",
          figure="CPU {search_cpu_ms.mixed:.0f} / {search_cpu_ms.short:.0f} / "
                 "{search_cpu_ms.common:.0f} / {search_cpu_ms.short_common:.0f} ms (mixed, "
                 "short, common, short common); upgraded from 0012 in {open_project_s:.1f} s")
      for size in ("1000", "10000", "100000")),
    Row("scale_list_search_before.json", at="growth_exponent",
        what="growth exponents of the search before migration 0015, 1k to 100k documents",
        figure="search {search_ms:.2f}, 3+ characters {search_trigram_ms:.2f}, shorter "
               "{search_short_ms:.2f}, in most titles {search_common_ms:.2f} / "
               "{search_short_common_ms:.2f}"),
    *(Row("scale.json", at=f"sizes.{size}",
          what="that label keystroke at {documents:,} documents: its CPU time (all threads) and "
               "the fsync it waits for (load {load_average_1min})",
          figure=KEYSTROKE_CPU)
      for size in ("1000", "10000", "100000")),
    Row("side_by_side_keystroke.json",
        what="the label keystroke at 100,000 documents before and after the cuts of issue 13's "
             "keystroke work (main {baseline_commit} vs {candidate_commit}, alternately by "
             "`bench/side_by_side.py`, medians of {rounds} rounds of 30 keystrokes, load "
             "{load_average_1min.0:.1f}-{load_average_1min.1:.1f})",
        figure="p50 {before_label_p50_ms:.1f} -> {after_label_p50_ms:.1f} ms "
               "({ratio_label_p50_ms:.2f}x), p95 {before_label_p95_ms:.1f} -> "
               "{after_label_p95_ms:.1f} ms ({ratio_label_p95_ms:.2f}x); CPU p50 "
               "{before_label_cpu_p50_ms:.1f} -> {after_label_cpu_p50_ms:.1f} ms "
               "({ratio_label_cpu_p50_ms:.2f}x); the durable-commit floor in the same runs "
               "p50 {before_commit_floor_p50_ms:.1f} / {after_commit_floor_p50_ms:.1f} ms, p95 "
               "{before_commit_floor_p95_ms:.1f} / {after_commit_floor_p95_ms:.1f} ms",
        derive=KEYSTROKE_DERIVED),
    *(Row(source,
          what=f"`annotator import` of {{docs_{size}.documents:,}} JSONL documents of 550 "
               "characters with 5 spans each, against a plain sqlite3 `executemany` of the same "
               "rows into the same schema, side by side (`bench/bench_bulk.py`, medians of "
               f"{{runs}} run(s), load {{docs_{size}.load_average_1min.0:.1f}}-"
               f"{{docs_{size}.load_average_1min.{runs}:.1f}})",
          figure=f"{{docs_{size}.import_seconds:.1f}} s vs {{docs_{size}.plain_sqlite3_seconds:.1f}}"
                 f" s ({{docs_{size}.ratio_to_plain:.1f}}x; CPU "
                 f"{{docs_{size}.import_cpu_seconds:.1f}} vs "
                 f"{{docs_{size}.plain_sqlite3_cpu_seconds:.1f}} s); the rows alone, the tally "
                 f"and search-index triggers dropped: {{docs_{size}.plain_sqlite3_without_triggers_seconds:.1f}}"
                 f" s ({{docs_{size}.ratio_to_plain_without_triggers:.1f}}x); import peak RSS "
                 f"{{docs_{size}.import_peak_rss_mb:.0f}} MB")
      for source, size, runs in (("bulk_quiet.json", "10000", 3),
                                 ("bulk_quiet.json", "100000", 3))),
    Row("scale_before_1m.json", at="sizes.1000000",
        what="{documents:,} documents before the paged list (`scale_before_1m.json`)",
        figure="open to first paint {open_s:.1f} s; stats {stats_ms:.0f} ms; list search "
               "{search_ms:.0f} ms; peak RSS {peak_rss_mb:,.0f} MB"),
    Row("scale_1m.json", at="sizes.1000000",
        what="the same at {documents:,} documents (`--sizes 1000,1000000 --save-as scale_1m`, "
             "load {load_average_1min})",
        figure=SCALE_FIGURE),
    *(Row("scale_list_sorts.json", at=f"sizes.{size}",
          what="the same project of {documents:,} documents with the list's counters (migration "
               "0014; load {load_average_1min})",
          figure=SCALE_FIGURE_BEFORE_COMMON)
      for size in ("1000", "10000", "100000")),
    Row("scale_list_sorts_1m.json", at="sizes.1000000",
        what="the same at {documents:,} documents with the counters (`--save-as "
             "scale_list_sorts_1m`, load {load_average_1min}; sorted by spans, the open "
             "document is the last row: its row is a count of the rows before it)",
        figure=SCALE_FIGURE_BEFORE_COMMON),
    *(Row(source, at=f"sizes.{size}",
          what="the list sorted by status, spans and suggestions over the counters of migration "
               "0014, {documents:,} documents, the old statements side by side "
               "(`bench/bench_list_sorts.py`, medians of {rounds}, load "
               "{load_average_before_after.0}-{load_average_before_after.1})",
          figure=LIST_SORTS_FIGURE)
      for source, size in (("list_sorts.json", "1000"), ("list_sorts.json", "10000"),
                           ("list_sorts.json", "100000"), ("list_sorts_1m.json", "1000000"))),
    Row("list_sorts_1m.json", at="growth_exponent",
        what="growth exponents of those figures (new), 1k to 1M documents",
        figure="click: status {new.status_ascending.sort_ms:.2f}, spans "
               "{new.spans_ascending.sort_ms:.2f} (descending {new.spans_descending.sort_ms:.2f}), "
               "suggestions {new.suggestions_ascending.sort_ms:.2f}; last page: status "
               "{new.status_ascending.last_page_ms:.2f}, spans "
               "{new.spans_ascending.last_page_ms:.2f}; old spans click "
               "{old.spans_ascending.sort_ms:.2f}"),
    Row("scale_1m_list_search_before.json", at="sizes.1000000",
        what="the list search at {documents:,} documents on main's code before migration 0015 "
             "(same bench, a copy of the same 0012 project, load {load_average_1min})",
        figure="search {search_ms:.0f} ms (3+ characters {search_trigram_ms:.0f} ms, shorter "
               "{search_short_ms:.0f} ms; in most titles: 3+ {search_common_ms:.0f} ms, shorter "
               "{search_short_common_ms:.0f} ms); CPU {search_cpu_ms.mixed:.0f} / "
               "{search_cpu_ms.short:.0f} / {search_cpu_ms.common:.0f} / "
               "{search_cpu_ms.short_common:.0f} ms (mixed, short, common, short common)"),
    Row("scale_1m.json", at="sizes.1000000",
        what="the list search at {documents:,} documents with migration 0015",
        figure="CPU {search_cpu_ms.mixed:.0f} / {search_cpu_ms.short:.0f} / "
               "{search_cpu_ms.common:.0f} / {search_cpu_ms.short_common:.0f} ms (mixed, short, "
               "common, short common)"),
    Row("scale_1m_upgrade_0015.json", at="sizes.1000000",
        what="the first 0015 run at {documents:,} documents, which upgraded the kept 0012 "
             "project (`scale_1m_upgrade_0015.json`, load {load_average_1min})",
        figure="upgrade (trigram index rebuilt, word index built) {open_project_s:.0f} s; list "
               "search {search_ms:.0f} ms, in most titles {search_common_ms:.0f} / "
               "{search_short_common_ms:.0f} ms; CPU {search_cpu_ms.short_common:.0f} ms"),
    Row("side_by_side_list_search_1m.json",
        what="the list search at 1M documents, main 6bd6614 (before 0015, its own copy of the "
             "0012 project) vs this branch, alternately by `bench/side_by_side.py` running "
             "this branch's bench_scale, medians of {rounds} rounds, load "
             "{load_average_1min.0:.0f}-{load_average_1min.1:.0f}",
        figure="before / after: mixed {b_mixed:.0f} / {a_mixed:.0f} ms ({r_mixed:.2f}x), 3+ "
               "characters {b_trigram:.0f} / {a_trigram:.0f} ms, short {b_short:.0f} / "
               "{a_short:.0f} ms, in most titles {b_common:.0f} / {a_common:.0f} ms, short and "
               "in most titles {b_short_common:.0f} / {a_short_common:.0f} ms "
               "({r_short_common:.3f}x); CPU short and in most titles {b_cpu:.0f} / {a_cpu:.0f} ms",
        derive={
            **{f"{side}_{kind}": (lambda r, s=name, k=kind: r["median"][s][
                f"sizes.1000000.search_{k}_ms" if k != "mixed" else "sizes.1000000.search_ms"])
               for side, name in (("b", "baseline"), ("a", "candidate"))
               for kind in ("mixed", "trigram", "short", "common", "short_common")},
            "r_mixed": _ratio_of("sizes.1000000.search_ms"),
            "r_short_common": _ratio_of("sizes.1000000.search_short_common_ms"),
            "b_cpu": lambda r: r["median"]["baseline"]["sizes.1000000.search_cpu_ms.short_common"],
            "a_cpu": lambda r: r["median"]["candidate"]["sizes.1000000.search_cpu_ms.short_common"],
        }),
    Row("scale_1m_list_search_before.json", what="before 0015, 1k to 1M documents",
        figure=CPU_GROWTH_FIGURE, derive=CPU_GROWTH),
    Row("scale_1m.json", what="with 0015, 1k to 1M documents", figure=CPU_GROWTH_FIGURE,
        derive=CPU_GROWTH),
    *(Row("spans_panel.json", at=f"spans_{size}",
          what="Spans panel on a {document_bytes:,}-byte document with {spans:,} spans, half "
               "suggestions, in the main window (`bench/bench_spans_panel.py`, loaded)",
          figure="filter change p50 / p95: label {filter_label_p50_ms:.0f} / "
                 "{filter_label_p95_ms:.0f} ms, state {filter_state_p50_ms:.0f} / "
                 "{filter_state_p95_ms:.0f} ms, text {filter_text_p50_ms:.0f} / "
                 "{filter_text_p95_ms:.0f} ms, back to all {filter_clear_p50_ms:.0f} / "
                 "{filter_clear_p95_ms:.0f} ms; label keystroke p50 / p95 unfiltered "
                 "{key_unfiltered_p50_ms:.0f} / {key_unfiltered_p95_ms:.0f} ms, filtered to its "
                 "label {key_filtered_same_label_p50_ms:.0f} / "
                 "{key_filtered_same_label_p95_ms:.0f} ms "
                 "({key_filtered_same_label_to_unfiltered_p50:.2f}× side by side); the list "
                 "following a jump in the editor p50 {follow_p50_ms:.0f} / p95 "
                 "{follow_p95_ms:.0f} ms")
      for size in ("4000", "40000")),
    Row("scale.json", at="growth_exponent",
        what="growth exponents of those figures, 1k to 100k documents",
        figure="open {open_s:.2f}, keystroke p95 {label_p95_ms:.2f}, stats {stats_ms:.2f}, "
               "search {search_ms:.2f} (3+ characters {search_trigram_ms:.2f}, shorter "
               "{search_short_ms:.2f}, in most titles {search_common_ms:.2f} / "
               "{search_short_common_ms:.2f}), sort by title "
               "{sort_by_title_ms:.2f}, by status {sort_by_status_ms:.2f}, by spans "
               "{sort_by_spans_ms:.2f}, next undone "
               "{next_undone_ms:.2f}, peak RSS {peak_rss_mb:.2f}"),
    Row("blind_scaling.json",
        what="one annotator's edit (add or delete a span) in a blind PostgreSQL project, through "
             "`annotator_api`'s views and span calls vs the tables with blind mode off, her spans "
             "all in one document (`bench/bench_blind_scaling.py`, alternately, medians of "
             "{rounds}, load {load_average_before.0:.0f})",
        figure="p50, views vs tables: 10 spans {own_spans_10_per_document_10.views_ms_p50_median:.1f}"
               " vs {own_spans_10_per_document_10.tables_ms_p50_median:.1f} ms "
               "({own_spans_10_per_document_10.ratio_views_to_tables:.2f}x); 1,000 spans "
               "{own_spans_1000_per_document_1000.ratio_views_to_tables:.2f}x; 10,000 spans "
               "{own_spans_10000_per_document_10000.views_ms_p50_median:.1f} vs "
               "{own_spans_10000_per_document_10000.tables_ms_p50_median:.1f} ms "
               "({own_spans_10000_per_document_10000.ratio_views_to_tables:.2f}x)"),
    Row("side_by_side_blind_overlap_scaling.json",
        what="the same before and after the span calls, 10,000 spans in one document and 100 "
             "per document (main {baseline_commit} vs {candidate_commit}, alternately by "
             "`bench/side_by_side.py`, medians of {rounds} rounds, load "
             "{load_average_1min.0:.1f}-{load_average_1min.1:.1f})",
        figure="views over tables, before -> after: 10,000 in one document {one_before:.2f}x "
               "-> {one_after:.2f}x; 100 per document {spread_before:.2f}x -> "
               "{spread_after:.2f}x",
        derive={"one_before": _median_of("baseline", "10000_per_document_10000"),
                "one_after": _median_of("candidate", "10000_per_document_10000"),
                "spread_before": _median_of("baseline", "100_per_document_100"),
                "spread_after": _median_of("candidate", "100_per_document_100")}),
    Row("side_by_side_blind_overlap.json",
        what="team load before and after the span calls (`bench/bench_team_load.py` "
             "{arguments.0} {arguments.1} {arguments.2} {arguments.3}, blind project; main "
             "{baseline_commit} vs {candidate_commit}, alternately by `bench/side_by_side.py`, "
             "medians of {rounds} rounds, load {load_average_1min.0:.1f}-"
             "{load_average_1min.1:.1f})",
        figure="after / before: edit p50 {p50:.2f}x, p95 {p95:.2f}x, one annotator alone p50 "
               "{alone:.2f}x, throughput {throughput:.2f}x",
        derive={name: _ratio_of(key) for name, key in (
            ("p50", "postgresql.latency_ms_p50_median"),
            ("p95", "postgresql.latency_ms_p95_median"),
            ("alone", "postgresql_one_annotator.latency_ms_p50_median"),
            ("throughput", "postgresql.throughput_edits_per_s_median"))}),
])

SIMULATED_ARMS = (("none", "no pre-tags"), ("gazetteer", "the starter gazetteer"),
                  ("model", "the project's model, retrained every {retrain_every} documents"))
SIMULATED = Table("simulated-annotator", [
    Row("simulated_annotator.json", what=what,
        figure=f"{{{arm}.keys_per_entity:.2f}} | {{{arm}.edits_per_entity:.2f}} | "
               f"{{{arm}.entities_from_suggestions:.0%}} | {{{arm}.accepted:,}} / "
               f"{{{arm}.relabelled:,}} / {{{arm}.rejected:,}} / {{{arm}.added:,}}")
    for arm, what in SIMULATED_ARMS],
    header="| pre-tags | keys per entity | edits per entity | entities from suggestions | "
           "accepted / relabelled / rejected / added |\n|---|---|---|---|---|")

BLOCKS: list[Block] = [
    Passage("launch", "launch.json",
            text="{warm_window_s:.2f} s warm (CPU {warm_cpu_s:.2f} s), median of {runs}, and "
                 "{first_identity_s:.2f} s to the first run's dialog, at load "
                 "{load_average_1min.0:.1f}; {ratio_warm_window:.2f}x the warm time, "
                 "{ratio_warm_cpu:.2f}x its CPU time and {ratio_first_identity:.2f}x the time to "
                 "the dialog of the code before, measured side by side"),
    Passage("launch-imports", "launch_imports.json",
            text="SQLAlchemy {sqlalchemy_share:.0%}, PySide6 with shiboken {pyside6_share:.0%}, "
                 "our own modules {annotator_share:.0%} and the rest {other_share:.0%} of the "
                 "import time before the first paint (`bench/bench_launch_imports.py`, median of "
                 "{runs}, load {load_average_1min.0:.1f})"),
    Passage("simulated-annotator-setup", "simulated_annotator.json",
            text="{documents} documents of {sentences_per_document} sentences, "
                 "{gold_entities:,} gold entities; the model: {model_description}; its held-out F1 "
                 "after "
                 "each retraining {f1s}",
            derive={"f1s": lambda r: ", ".join(
                "-" if t["held_out_f1"] is None else f"{t['held_out_f1']:.2f}"
                for t in r["model"]["trainings"])}),
    SIMULATED,
    Passage("tokenizer-spacy-alignment", "tokenizer_alignment.json", at="spacy_blank_ar",
            text="{misaligned_entities} of the {entities:,} entities of the ANERcorp sample "
                 "({share:.1%})",
            derive={"share": share("misaligned_entities", "entities")}),
    Passage("tokenizer-alignment", "tokenizer_alignment.json",
            text="On ANERcorp, with the corpus's\nnames, "
                 "{project_lexicon_in_corpus.misaligned_entities} entities stay misaligned "
                 "({in_corpus:.2%}) at {project_lexicon_in_corpus.wrong_per_1000_words:.2f} "
                 "wrong splits per 1,000 words; learning from\none half and testing on the "
                 "other, {project_lexicon_held_out.misaligned_entities} ({held_out:.1%}) at "
                 "{project_lexicon_held_out.wrong_per_1000_words:.2f}. A rule without a lexicon "
                 "fixes alignment\nbut wrongly splits {naive:.0%} of entity-initial words "
                 "(`بغداد` → `ب غداد`; at least "
                 "{naive_proclitic_rule.wrong_per_1000_words:.0f} wrong splits\nper 1,000 "
                 "words, with {naive_proclitic_rule.other_words_unjudged:,} other split words "
                 "not judged)",
            derive={"in_corpus": share("project_lexicon_in_corpus.misaligned_entities",
                                       "project_lexicon_in_corpus.entities"),
                    "held_out": share("project_lexicon_held_out.misaligned_entities",
                                      "project_lexicon_held_out.entities"),
                    "naive": share("naive_proclitic_rule.entity_initial_wrong",
                                   "naive_proclitic_rule.entity_initial_wrong",
                                   "naive_proclitic_rule.entity_initial_right")}),
    Passage("tokenizer-speed", "tokenizer.json",
            text="{speedup_warm_project_over_spacy:.1f}x faster than spaCy's "
                 "({project_token_offsets_warm.tokens_per_s/1e6:.2f} M tokens/s)"),
    Passage("export-memory", "export.json",
            text="memory stays\nflat whatever the corpus size (peak {export-spacy.peak_mb:.0f} "
                 "MB at {tokens/1e6:.0f}M tokens, {double.export-spacy.peak_mb:.0f} MB at "
                 "{double.tokens/1e6:.0f}M)"),
    Passage("team-load", "team_load.json",
            text="Load, {workers} annotator\nprocesses x {edits_per_worker} edits each with no "
                 "pause, PostgreSQL with fsync on and row-level security on\nevery edit "
                 "(`bench/bench_team_load.py`, medians of {sqlite.runs}, load "
                 "{load_average_before.0:.1f}-{load_average_after.0:.1f}): {lost} edits lost or "
                 "duplicated;\nSQLite {sqlite.throughput_edits_per_s_median:,.0f} edits/s (p50 "
                 "{sqlite.latency_ms_p50_median:.2f} / p95 {sqlite.latency_ms_p95_median:.2f} ms, "
                 "but p99 {sqlite.latency_ms_p99_median:.0f} ms and {sqlite.edits_over_1s} of "
                 "{sqlite_edits:,} edits\nover 1 s: its write lock is not fair, so teams belong "
                 "on PostgreSQL), PostgreSQL {postgresql.throughput_edits_per_s_median:,.0f} "
                 "edits/s (p50 {postgresql.latency_ms_p50_median:.1f} /\np95 "
                 "{postgresql.latency_ms_p95_median:.0f} / p99 "
                 "{postgresql.latency_ms_p99_median:.0f} ms, at most "
                 "{postgresql.latency_ms_max:.0f} ms); one annotator alone: SQLite p50 "
                 "{sqlite_one_annotator.latency_ms_p50_median:.2f} ms, PostgreSQL "
                 "{postgresql_one_annotator.latency_ms_p50_median:.2f} ms.",
            derive={"lost": lambda r: sum(r[b]["lost"] + r[b]["extra_or_duplicated"]
                                          for b in TEAM_BACKENDS),
                    "sqlite_edits": lambda r: sum(r["sqlite"]["edits_per_run"])}),
    Passage("train-stutter", "train_stutter.json",
            text="Side by side while the Train dialog trains ({documents_trained_on} ANERcorp "
                 "sentences, {epochs} epochs; `bench/bench_train_stutter.py`, medians of "
                 "{rounds} rounds of each arm, load {load_average_1min.0:.0f}-"
                 "{load_average_1min.1:.0f} on {cpu_count} cores): a label keystroke in the "
                 "window takes p50 {thread.keystroke_p50_ms:.0f} / p95 "
                 "{thread.keystroke_p95_ms:.0f} / max {thread.keystroke_max_ms:.0f} ms with "
                 "training on a thread, {process.keystroke_p50_ms:.0f} / "
                 "{process.keystroke_p95_ms:.0f} / {process.keystroke_max_ms:.0f} ms with it in "
                 "a process, {idle.keystroke_p50_ms:.0f} / {idle.keystroke_p95_ms:.0f} / "
                 "{idle.keystroke_max_ms:.0f} ms with no training; a {tick_ms} ms timer in the "
                 "window runs late by p95 {thread.tick_lateness_p95_ms:.0f} / max "
                 "{thread.tick_lateness_max_ms:.0f} ms, {process.tick_lateness_p95_ms:.0f} / "
                 "{process.tick_lateness_max_ms:.0f} ms and {idle.tick_lateness_p95_ms:.0f} / "
                 "{idle.tick_lateness_max_ms:.0f} ms (thread over process, round by round: "
                 "keystroke p95 {thread_over_process.keystroke_p95_ms:.2f}x, timer max "
                 "{thread_over_process.tick_lateness_max_ms:.2f}x)."),
    Passage("round-trips", "edit_round_trips.json", at="round_trips_per_edit",
            text="{everyday.add} round trips to\nPostgreSQL for an add, down from "
                 "{general.add}"),
    TABLE,
]


def check(readme: Path = README, results: Path = RESULTS) -> str:
    """The diff from README to what the saved results say; '' when they agree."""
    return readme_diff(readme.read_text(encoding="utf-8"), Results(results), BLOCKS)


def write(readme: Path = README, results: Path = RESULTS) -> bool:
    """Rewrite README's generated blocks from the results; whether anything changed."""
    text = readme.read_text(encoding="utf-8")
    fresh = render_readme(text, Results(results), BLOCKS)
    if fresh != text:
        readme.write_text(fresh, encoding="utf-8")
    return fresh != text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write README.md's benchmark figures from "
                                                 "bench/results/*.json.")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; print the diff and exit 1 when README.md differs")
    args = parser.parse_args(argv)
    try:
        if args.check:
            diff = check()
            sys.stdout.write(diff)
            if diff:
                print("README.md differs from bench/results: run python bench/readme_figures.py",
                      file=sys.stderr)
            return 1 if diff else 0
        changed = write()
    except FigureError as error:
        print(f"readme_figures: error: {error}", file=sys.stderr)
        return 2
    print("README.md: " + ("figures rewritten from bench/results" if changed
                           else "figures already agree with bench/results"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
