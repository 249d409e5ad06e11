"""prwriter's benchmark: cold start, batches per format, peers on the same content, memory.

    python bench/run.py            # the full run: a 200-release corpus, 1,000 for memory
    python bench/run.py --smoke    # seconds: a tiny corpus, one run each (CI runs this)
    python bench/run.py --tables   # 200 earnings releases with their tables vs without

Prints a table of medians and ratios; the full run also writes it to bench/results.json (or
--json PATH; a smoke run writes it only to --json PATH).
Every command is timed as a whole process; peak memory is each process's maximum resident
set size as the kernel reports it (wait4). Peers that are not installed (pandoc, docxtpl)
are reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
BIN = Path(sys.executable).parent
PRWRITER = str(BIN / "prwriter")
PYTHON = sys.executable


def run_once(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS
    return elapsed, usage.ru_maxrss / scale


def measure(command: list[str], cwd: Path, runs: int, warmup: int) -> dict[str, float]:
    for _ in range(warmup):
        run_once(command, cwd)
    times, peaks = zip(*(run_once(command, cwd) for _ in range(runs)), strict=True)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
            "peak_mib": max(peaks), "runs": runs}  # fmt: skip


def build_corpus(folder: Path, count: int) -> Path:
    """`count` releases over the two example projects: varied headlines, dates, wires."""
    releases = folder / "releases"
    for example in ("immunogen", "nordwind-tidewater"):
        project = folder / example
        shutil.copytree(EXAMPLES / example, project)
        (project / "release.yaml").rename(project / "template.yaml.txt")
    wires = ["businesswire", "prnewswire", "globenewswire", "accesswire", "print"]
    for n in range(count):
        example = ("immunogen", "nordwind-tidewater")[n % 2]
        project = folder / example
        text = (project / "template.yaml.txt").read_text(encoding="utf-8")
        text = text.replace("headline: ", f"headline: Update {n + 1}, ", 1)
        text = text.replace("wire: businesswire-acquiremedia\n", "")
        text = text.replace("file: media/", "file: ../media/")  # releases/ is one level down
        text += f"\nwire: {wires[n % len(wires)]}\n"
        (project / "releases").mkdir(exist_ok=True)
        (project / "releases" / f"r{n:04d}.yaml").write_text(text, encoding="utf-8")
    releases.mkdir()
    return folder


def release_dirs(corpus: Path) -> list[str]:
    return [str(corpus / e / "releases") for e in ("immunogen", "nordwind-tidewater")]


WEASYPRINT_FLOOR = """
import sys, pathlib
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
templates = pathlib.Path(sys.argv[1]); out = pathlib.Path(sys.argv[3])
fonts = FontConfiguration()
sheets = [CSS(filename=str(templates / "html" / n), font_config=fonts)
          for n in ("fonts.css", "release.css")]
for page in sorted(pathlib.Path(sys.argv[2]).glob("*.html")):
    HTML(string=page.read_text(), base_url=None).write_pdf(
        out / (page.stem + ".pdf"), stylesheets=sheets, font_config=fonts, pdf_tags=True)
"""

DOCXTPL_PEER = """
import sys, pathlib, docx
from docxtpl import DocxTemplate
work = pathlib.Path(sys.argv[2]); template = work / "template.docx"
if not template.exists():
    document = docx.Document(sys.argv[1])
    for text in ("{{ headline }}", "{{ dateline }} {{ lead }}", "{%p for para in paragraphs %}",
                 "{{ para }}", "{%p endfor %}", "{{ about_heading }}", "{{ about }}"):
        document.add_paragraph(text)
    document.save(template)
for source in sorted(work.glob("*.txt")):
    lines = [l for l in source.read_text().split("\\n\\n") if l.strip()]
    page = DocxTemplate(template)
    page.render({"headline": lines[0], "dateline": "", "lead": lines[1],
                 "paragraphs": lines[2:-2], "about_heading": lines[-2], "about": lines[-1]})
    page.save(work / (source.stem + ".docx"))
"""


def without_tables(text: str) -> str:
    """The earnings example with its `table:` parts and pipe-table lines taken out."""
    kept: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if line.startswith("  - "):
            skipping = line.startswith("  - table:")
        elif not line.startswith(" "):
            skipping = False
        if not skipping and not line.lstrip().startswith("|"):
            kept.append(line)
    return "".join(kept)


def tables_as_prose(text: str) -> str:
    """The earnings example with every table written out as paragraphs of the same words
    and numbers ("Subscription: 41,250; 35,480"): the same content, no tables."""
    import json

    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(text)
    body = []
    for part in data["body"]:
        if isinstance(part, dict) and "table" in part:
            table = part["table"]
            lines = [str(table.get(k, "")) for k in ("caption", "units") if table.get(k)]
            for row in table["rows"]:
                label, values = (row[0], row[1:]) if isinstance(row, list) else (
                    row["label"], row.get("values", []))  # fmt: skip
                lines.append(f"{label}: " + "; ".join(str(v) for v in values))
            lines += table.get("footnotes", [])
            body.append("\n\n".join(lines))
        elif isinstance(part, str):
            body.append("\n".join(
                " ".join(c.strip() for c in line.strip("|").split("|")) + "\n"
                if line.startswith("|") else line
                for line in part.split("\n") if not line.startswith("| :")
            ))  # fmt: skip
        else:
            body.append(part)
    return json.dumps({**data, "body": body}, default=str)


def build_table_corpus(folder: Path, count: int, kind: str) -> Path:
    """`count` copies of the earnings example: with its tables, with them written as
    prose, or without them."""
    shutil.copytree(EXAMPLES / "quillmark-earnings", folder)
    template = (folder / "release.yaml").read_text(encoding="utf-8")
    (folder / "release.yaml").unlink()
    text = {"with": template, "as prose": tables_as_prose(template),
            "without": without_tables(template)}[kind]  # fmt: skip
    (folder / "releases").mkdir()
    for n in range(count):
        numbered = text.replace("Software Reports", f"Software Update {n + 1} Reports", 1)
        numbered = distinct_copy(numbered, n + 1)
        (folder / "releases" / f"r{n:04d}.yaml").write_text(numbered, encoding="utf-8")
    return folder / "releases"


def distinct_copy(text: str, n: int) -> str:
    """The release with `(n)` after the first line of each text in its body. A real batch's
    releases each have copy of their own, which prwriter parses as Markdown for each one
    (only library texts recur, parsed once per batch); 200 identical bodies would be parsed
    once, and most of the prose form's words with them."""
    if text.startswith("{"):  # the prose form, written as JSON
        data = json.loads(text)
        data["body"] = [_numbered(part, n) if isinstance(part, str) else part
                        for part in data["body"]]  # fmt: skip
        return json.dumps(data)
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i - 1] in ("  - |", "  - >-"):  # a body text in the example's block style
            lines[i] += f" ({n})"
    return "\n".join(lines)


def _numbered(part: str, n: int) -> str:
    first, newline, rest = part.partition("\n")
    return f"{first} ({n}){newline}{rest}"


def time_tables(time_it, root: Path, count: int, heavy_runs: int) -> list[dict[str, object]]:
    """A batch of earnings releases with their tables against the same without them."""
    found = []
    corpora = {kind: build_table_corpus(root / f"tables-{kind}", count, kind)
               for kind in ("with", "as prose", "without")}  # fmt: skip
    for fmt in ("txt", "html", "docx", "pdf", "edgar"):
        names = {}
        for kind, releases in corpora.items():
            names[kind] = f"{count} earnings releases, tables {kind}, to {fmt}"
            time_it(names[kind], [PRWRITER, "generate", str(releases), "-f", fmt, "-o",
                                  str(root / f"out-{kind}"), "-q", "--no-checks", "-j", "1"],
                    heavy_runs if fmt == "pdf" else None)  # fmt: skip
        found.append((fmt, names))
    # The floor under the PDF figures: WeasyPrint alone, laying out the same HTML.
    names = {}
    for kind, releases in corpora.items():
        pages = root / f"pages-{kind}"
        subprocess.run([PRWRITER, "generate", str(releases), "-f", "html", "-o", str(pages),
                        "-q", "--no-checks"], check=True)  # fmt: skip
        (root / f"floor-{kind}").mkdir()
        names[kind] = f"WeasyPrint alone, {count} earnings releases, tables {kind}"
        time_it(names[kind], [PYTHON, "-c", WEASYPRINT_FLOOR, str(REPO / "templates"), str(pages),
                              str(root / f"floor-{kind}")], heavy_runs)  # fmt: skip
    found.append(("pdf, WeasyPrint alone", names))
    return found


# A fixed moment after every embargo in the corpus, so the site holds every release.
AS_OF = "2030-01-01T00:00Z"


def time_web(time_it, corpus: Path, root: Path, count: int) -> None:
    """A newsroom site of the corpus against generating the same releases' HTML alone,
    each in one process."""
    time_it(f"{count} releases to html, --jobs 1",
            [PRWRITER, "generate", *release_dirs(corpus), "-f", "html", "-o", str(root / "html"),
             "-q", "--no-checks", "-j", "1", "-n", "{stem}-{wire}.{ext}"])  # fmt: skip
    time_it(f"site of {count} releases",
            [PRWRITER, "site", *release_dirs(corpus), "-o", str(root / "site"),
             "--as-of", AS_OF])  # fmt: skip


def web_targets(r: dict[str, dict[str, float]], count: int) -> list[dict[str, object]]:
    ratio = (
        r[f"site of {count} releases"]["median_s"]
        / r[f"{count} releases to html, --jobs 1"]["median_s"]
    )
    return [{"target": "site vs its HTML alone", "value": round(ratio, 3), "limit": 3,
             "unit": "x", "met": ratio <= 3}]  # fmt: skip


def time_import(time_it, corpus: Path, root: Path, count: int) -> None:
    """Importing the corpus's wire copy into one project against generating that copy."""
    time_it(f"{count} releases to txt, --jobs 1",
            [PRWRITER, "generate", *release_dirs(corpus), "-f", "txt", "-o", str(root / "copy"),
             "-q", "--no-checks", "-j", "1", "-n", "{stem}-{wire}.{ext}"])  # fmt: skip
    sources = sorted(str(p) for p in (root / "copy").glob("*.txt"))
    # Business Wire's dateline has no date: --date gives it; --force lets runs repeat.
    time_it(f"import {count} releases into one project",
            [PRWRITER, "import", *sources, "-o", str(root / "imported"), "--date", "2014-11-13",
             "--force"])  # fmt: skip
    # Earnings releases: six financial tables each, read back as tables.
    earnings = build_table_corpus(root / "earnings", count, "with")
    time_it(f"{count} earnings releases to txt, --jobs 1",
            [PRWRITER, "generate", str(earnings), "-f", "txt", "-o", str(root / "earnings-copy"),
             "-q", "--no-checks", "-j", "1"])  # fmt: skip
    sources = sorted(str(p) for p in (root / "earnings-copy").glob("*.txt"))
    time_it(f"import {count} earnings releases into one project",
            [PRWRITER, "import", *sources, "-o", str(root / "earnings-imported"), "--date",
             "2026-05-06", "--force"])  # fmt: skip


def import_targets(r: dict[str, dict[str, float]], count: int) -> list[dict[str, object]]:
    ratio = (
        r[f"import {count} releases into one project"]["median_s"]
        / r[f"{count} releases to txt, --jobs 1"]["median_s"]
    )
    earnings = (
        r[f"import {count} earnings releases into one project"]["median_s"]
        / r[f"{count} earnings releases to txt, --jobs 1"]["median_s"]
    )
    return [{"target": "import vs generating the copy", "value": round(ratio, 3), "limit": 2,
             "unit": "x", "met": ratio < 2},
            {"target": "import vs generating the copy, earnings releases",
             "value": round(earnings, 3), "limit": 2, "unit": "x",
             "met": earnings < 2}]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="a tiny corpus, one run each")
    parser.add_argument("--json", type=Path, default=None,
                        help="where the report goes (the full run: bench/results.json; a "
                        "smoke run writes none unless asked)")  # fmt: skip
    parser.add_argument("--web", action="store_true",
                        help="only a site of the corpus against its HTML alone")  # fmt: skip
    parser.add_argument("--import", dest="import_", action="store_true",
                        help="only importing the wire copy against generating it")  # fmt: skip
    parser.add_argument("--tables", action="store_true",
                        help="only earnings releases with tables against without")  # fmt: skip
    args = parser.parse_args()
    count, memory_count, runs = (6, 6, 1) if args.smoke else (200, 1000, 5)
    heavy_runs = 1 if args.smoke else 3
    warmup = 0 if args.smoke else 1
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        corpus = build_corpus(root / "corpus", count)
        out = root / "out"
        sample = str(EXAMPLES / "immunogen" / "release.yaml")

        def time_it(name: str, command: list[str], n: int | None = runs) -> None:
            results[name] = measure(command, root, runs if n is None else n, warmup)
            print(f"  {name}: {results[name]['median_s'] * 1000:.0f} ms", file=sys.stderr)

        time_it("python -c pass", [PYTHON, "-c", "pass"])
        if args.import_:
            time_import(time_it, corpus, root, count)
            print(table({"results": results, "targets": import_targets(results, count)}))
            return
        if args.tables:
            pairs = time_tables(time_it, root, count, heavy_runs)
            print(table({"results": results, "targets": table_targets(results, pairs)}))
            return
        time_web(time_it, corpus, root, count)
        if args.web:
            print(table({"results": results, "targets": web_targets(results, count)}))
            return
        time_it("python -c 'import typer'", [PYTHON, "-c", "import typer"])
        time_it("python -c 'import docx'", [PYTHON, "-c", "import docx"])
        time_it("prwriter --help", [PRWRITER, "--help"])
        for fmt in ("txt", "docx", "pdf"):
            command = [PRWRITER, "generate", sample, "-f", fmt, "-o", str(out), "-q", "--no-checks"]
            time_it(f"one release to {fmt}, cold", command)
        for fmt in ("txt", "docx", "pdf"):
            for jobs in (1, 2):
                time_it(f"{count} releases to {fmt}, --jobs {jobs}",
                        [PRWRITER, "generate", *release_dirs(corpus), "-f", fmt, "-o", str(out),
                         "-q", "--no-checks", "-j", str(jobs), "-n", "{stem}-{wire}.{ext}"],
                        heavy_runs if fmt == "pdf" else runs)  # fmt: skip
        time_it(f"check {count} releases", [PRWRITER, "check", *release_dirs(corpus), "-f", "json"])

        # Peers on the same content.
        pages = root / "pages"
        subprocess.run([PRWRITER, "generate", *release_dirs(corpus), "-f", "html,txt", "-o",
                        str(pages), "-q", "--no-checks", "-n", "{stem}-{wire}.{ext}",
                        "--wire", "print"], check=True)  # fmt: skip
        (root / "floor").mkdir()
        time_it(f"WeasyPrint alone, {count} PDFs from prwriter's HTML",
                [PYTHON, "-c", WEASYPRINT_FLOOR, str(REPO / "templates"), str(pages),
                 str(root / "floor")], heavy_runs)  # fmt: skip
        if shutil.which("pandoc"):
            one = sorted(pages.glob("*.txt"))[0]
            time_it(
                "pandoc, one release, Markdown to docx",
                ["pandoc", "-f", "markdown", str(one), "-o", str(root / "one.docx")],
            )
            for target in ("docx", "html"):
                script = (f'for f in {pages}/*.txt; do pandoc -f markdown "$f" -o '
                          f'{root}/pandoc-$(basename "$f" .txt).{target}; done')  # fmt: skip
                time_it(f"pandoc, {count} processes, Markdown to {target}", ["sh", "-c", script],
                        heavy_runs)  # fmt: skip
        else:
            print("  pandoc: not installed (apt-get install pandoc), skipped", file=sys.stderr)
        try:
            import docxtpl  # noqa: F401

            reference = str(REPO / "templates" / "docx" / "reference.docx")
            time_it(f"docxtpl, {count} documents in one process",
                    [PYTHON, "-c", DOCXTPL_PEER, reference, str(pages)], heavy_runs)  # fmt: skip
        except ImportError:
            print("  docxtpl: not installed (pip install docxtpl), skipped", file=sys.stderr)

        # Memory across a large batch, per format.
        big = corpus if args.smoke else build_corpus(root / "big", memory_count)
        for fmt in ("txt", "docx", "pdf"):
            time_it(f"{memory_count} releases to {fmt}, --jobs 1 (memory)",
                    [PRWRITER, "generate", *release_dirs(big), "-f", fmt, "-o", str(root / "mem"),
                     "-q", "--no-checks", "-j", "1", "-n", "{stem}-{wire}.{ext}"], 1)  # fmt: skip

    report = {"machine": {"python": platform.python_version(), "system": platform.platform(),
                          "cores": os.cpu_count()},
              "corpus": count, "results": results, "targets": targets(results, count)}  # fmt: skip
    # A smoke run's figures would overwrite the full run's that the README quotes.
    path = args.json or (None if args.smoke else REPO / "bench" / "results.json")
    if path is not None:
        path.write_text(json.dumps(report, indent=2) + "\n")
    print(table(report))


def targets(r: dict[str, dict[str, float]], count: int) -> list[dict[str, object]]:
    def med(name: str) -> float:
        return r[name]["median_s"]

    found = []

    def target(what: str, value: float, limit: float, unit: str) -> None:
        found.append({"target": what, "value": round(value, 3), "limit": limit, "unit": unit,
                      "met": value <= limit})  # fmt: skip

    target(
        "--help vs import typer", med("prwriter --help") / med("python -c 'import typer'"), 1.5, "x"
    )
    typer = med("python -c 'import typer'")
    target("txt cold vs import typer", med("one release to txt, cold") / typer, 3, "x")
    if "pandoc, one release, Markdown to docx" in r:
        target("docx cold vs one pandoc process",
               med("one release to docx, cold") / med("pandoc, one release, Markdown to docx"),
               5, "x")  # fmt: skip
    for fmt, limit in (("txt", 5), ("docx", 20)):
        per = (
            med(f"{count} releases to {fmt}, --jobs 1") - med(f"one release to {fmt}, cold")
        ) / count
        target(f"{fmt} per document in a batch", per * 1000, limit, "ms")
    floor = f"WeasyPrint alone, {count} PDFs from prwriter's HTML"
    target(
        "PDF batch vs WeasyPrint alone",
        med(f"{count} releases to pdf, --jobs 1") / med(floor),
        1.1,
        "x",
    )
    pandoc = f"pandoc, {count} processes, Markdown to docx"
    docx_batch = med(f"{count} releases to docx, --jobs 1")
    if pandoc in r:
        # Lower is better for every target: prwriter's time as a share of pandoc's.
        target("prwriter DOCX batch / pandoc DOCX batch", docx_batch / med(pandoc), 1 / 5, "x")
    pdf_one, pdf_two = (med(f"{count} releases to pdf, --jobs {j}") for j in (1, 2))
    target("PDF batch --jobs 2 / --jobs 1", pdf_two / pdf_one, 1 / 1.6, "x")
    for fmt in ("txt", "docx", "pdf"):
        name = next(k for k in r if k.endswith(f"to {fmt}, --jobs 1 (memory)"))
        target(f"peak RSS, batch to {fmt}", r[name]["peak_mib"], 150, "MiB")
    return found + web_targets(r, count)


def table_targets(
    r: dict[str, dict[str, float]], pairs: list[tuple[str, dict[str, str]]]
) -> list[dict[str, object]]:
    """A batch with tables within 1.5 times the same content as prose, per format; against
    the releases with their tables cut out (a third of the words), for the record."""
    found: list[dict[str, object]] = []
    for fmt, names in pairs:
        floor = "alone" in fmt  # the record of WeasyPrint's own share, not a target
        for base, limit in (("as prose", None if floor else 1.5), ("without", None)):
            ratio = r[names["with"]]["median_s"] / r[names[base]]["median_s"]
            found.append({"target": f"{fmt}: tables / {base}", "value": round(ratio, 3),
                          "limit": limit or 0, "unit": "x",
                          "met": ratio <= limit if limit else "-"})  # fmt: skip
    return found


def table(report: dict) -> str:
    r = report["results"]
    floor = r["python -c pass"]["median_s"]
    lines = ["| command | median | min | max | peak RSS | vs python -c pass |",
             "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for name, m in r.items():
        lines.append(f"| {name} | {m['median_s'] * 1000:.0f} ms | {m['min_s'] * 1000:.0f} ms | "
                     f"{m['max_s'] * 1000:.0f} ms | {m['peak_mib']:.0f} MiB | "
                     f"{m['median_s'] / floor:.1f}x |")  # fmt: skip
    lines += ["", "| target | measured | limit | met |", "|---|---:|---:|---|"]
    for t in report["targets"]:
        met = t["met"] if isinstance(t["met"], str) else "yes" if t["met"] else "no"
        limit = f"{t['limit']:.3g} {t['unit']}" if t["limit"] else "-"
        lines.append(f"| {t['target']} | {t['value']} {t['unit']} | {limit} | {met} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
