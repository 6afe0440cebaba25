"""Render the HTML agreement report in Arabic and English with headless Chromium, save
screenshots at two widths, and check the charts' geometry in the browser.

    .venv/bin/python tools/make_report_screenshots.py [--out docs] [--widths 900,1400]
        [--chromium chromium] [--check-only]

Builds a throwaway project through the command line (tests/agreement/long_names_project.py:
three annotators with 30+ character Latin and Arabic names, 30+ character labels, nested
spans), writes `annotator agreement P --html F --lang ar|en`, and for each language and width
saves docs/report-<lang>-<width>.png (and what it measured in docs/report-screenshots.json).
Before that it loads a copy of each page with a measuring
script added (the saved report has none) and asks Chromium for every SVG text's box: it
reports the largest ratio of a measured width to the layout's estimate (`svg_text`), texts
that overlap another text or a cell or bar they do not belong to, and texts outside their
SVG. Exit status 1 when any is found. Needs `chromium` (apt-get install chromium).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MEASURE = """<script>
(function(){var out={texts:[],height:document.documentElement.scrollHeight};
document.querySelectorAll('svg').forEach(function(svg,s){var o=svg.getBoundingClientRect();
 var rects=[];svg.querySelectorAll('rect').forEach(function(r){var b=r.getBoundingClientRect();
  if(b.width>0)rects.push([b.left-o.left,b.top-o.top,b.right-o.left,b.bottom-o.top]);});
 svg.querySelectorAll('text').forEach(function(t){var b=t.getBoundingClientRect();
  out.texts.push({svg:s,text:t.textContent,cls:t.getAttribute('class')||'',
   size:parseFloat(t.getAttribute('font-size')),width:t.getBBox().width,
   rotated:t.hasAttribute('transform'),box:[b.left-o.left,b.top-o.top,b.right-o.left,
   b.bottom-o.top],svgw:o.width,svgh:o.height});});
 out['rects'+s]=rects;});
var p=document.createElement('pre');p.id='measured';p.textContent=JSON.stringify(out);
document.body.appendChild(p);})();
</script>"""


def _chromium(binary: str, *args: str) -> str:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--force-device-scale-factor=1", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


def _overlap(a: list[float], b: list[float], slack: float = 0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def _inside(a: list[float], b: list[float]) -> bool:
    return a[0] >= b[0] - 0.5 and a[1] >= b[1] - 0.5 and a[2] <= b[2] + 0.5 and a[3] <= b[3] + 0.5


def check(measured: dict, estimate) -> tuple[float, list[str]]:  # type: ignore[no-untyped-def,type-arg]
    """The largest measured/estimated width ratio and the problems found in MEASURED."""
    problems, worst = [], 0.0
    texts = measured["texts"]
    for i, t in enumerate(texts):
        if t["width"] > 0:
            worst = max(worst, t["width"] / estimate(t["text"], t["size"]))
        box, rects = t["box"], measured[f"rects{t['svg']}"]
        if not _inside(box, [0, 0, t["svgw"], t["svgh"]]):
            problems.append(f"outside its SVG: {t['text']!r} {box}")
        if t["cls"] == "value" and any(_inside(box, r) for r in rects):
            continue  # a heatmap cell's own value
        if not t["rotated"] and any(_overlap(box, r) for r in rects):
            problems.append(f"over a cell or bar: {t['text']!r} {box}")
        for other in texts[i + 1:]:
            if other["svg"] == t["svg"] and not (t["rotated"] or other["rotated"]) \
                    and _overlap(box, other["box"]):
                problems.append(f"overlap: {t['text']!r} and {other['text']!r}")
    return worst, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs"))
    parser.add_argument("--widths", default="900,1400")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--check-only", action="store_true", help="measure; save no PNG")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(REPO), str(REPO / "tests" / "agreement")]
    from long_names_project import long_names_project

    from annotator.agreement.svg_text import text_width
    from annotator.cli import main as cli

    failed, results = False, []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with contextlib.redirect_stdout(io.StringIO()):  # the commands' own output
            project = long_names_project(folder)
            for lang in ("ar", "en"):
                assert cli(["agreement", project, "--html", str(folder / f"report-{lang}.html"),
                            "--lang", lang, "--bootstrap", "200", "--json"]) == 0
        for lang in ("ar", "en"):
            page = folder / f"report-{lang}.html"
            probe = folder / f"probe-{lang}.html"
            html = page.read_text(encoding="utf-8")
            probe.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
            for width in (int(w) for w in args.widths.split(",")):
                dom = _chromium(args.chromium, f"--window-size={width},1000", "--dump-dom",
                                probe.as_uri())
                found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
                assert found, "the measuring script did not run"
                measured = json.loads(found.group(1).replace("&quot;", '"').replace(
                    "&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
                worst, problems = check(measured, text_width)
                print(f"{lang} {width}px: {len(measured['texts'])} SVG texts, measured/estimated "
                      f"width at most {worst:.2f}, {len(problems)} problem(s)")
                for problem in problems:
                    print("   ", problem)
                failed = failed or bool(problems) or worst > 1.0
                results.append({"lang": lang, "width": width, "svg_texts": len(measured["texts"]),
                                "largest_measured_to_estimated_width": round(worst, 3),
                                "problems": problems})
                if not args.check_only:
                    png = Path(args.out) / f"report-{lang}-{width}.png"
                    _chromium(args.chromium, f"--window-size={width},{measured['height'] + 20}",
                              f"--screenshot={png}", page.as_uri())
                    print(f"    saved {png}")
    if not args.check_only:
        saved = Path(args.out) / "report-screenshots.json"
        saved.write_text(json.dumps({"chromium": _chromium(args.chromium, "--version").strip(),
                                     "pages": results}, indent=2) + "\n", encoding="utf-8")
        print(f"saved {saved}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
