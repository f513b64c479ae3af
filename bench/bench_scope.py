"""Benchmark: the scope checklist of a 25-item project, pipeline against direct library calls.

    python bench/bench_scope.py [--repeat 30]

Measures in one process, interleaving the variants so that load on a shared machine hits them
alike: the Markdown layer alone (template + parse), the whole pipeline to PDF and to DOCX, and
the same page built directly with reportlab and python-docx (bench/direct_build.py). Prints
medians and ratios as a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from direct_build import build_docx, build_pdf  # noqa: E402
from inwriting.project.project_file import load_project  # noqa: E402
from inwriting.render.markup import parse_document  # noqa: E402
from inwriting.render.pipeline import build_document, render_markdown  # noqa: E402
from inwriting.render.writers import WriterOptions, writer_for  # noqa: E402
from make_project import write_project  # noqa: E402

AS_OF = dt.date(2026, 11, 22)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--items", type=int, default=25)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        loaded = load_project(write_project(Path(folder) / "bench.yaml", args.items))
    project = loaded.project
    options = WriterOptions(paper="a4", as_of=AS_OF)
    pdf_writer, docx_writer = writer_for("pdf"), writer_for("docx")

    def markdown_layer() -> object:
        name, text = render_markdown(loaded, "scope", as_of=AS_OF)
        return parse_document(text, source=name)

    variants: dict[str, Callable[[], object]] = {
        "markdown layer (template + parse)": markdown_layer,
        "pipeline → PDF": lambda: pdf_writer(build_document(loaded, "scope", as_of=AS_OF), options),
        "direct reportlab → PDF": lambda: build_pdf(project),
        "pipeline → DOCX": lambda: docx_writer(
            build_document(loaded, "scope", as_of=AS_OF), options
        ),
        "direct python-docx → DOCX": lambda: build_docx(project),
    }
    for run in variants.values():  # warm up: fonts, template compilation, imports
        run()
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.repeat):
        for name, run in variants.items():
            gc.collect()  # so one variant's garbage is not collected in another's time
            start = time.perf_counter()
            run()
            samples[name].append(time.perf_counter() - start)
    median = {name: statistics.median(times) * 1000 for name, times in samples.items()}

    print(
        f"{args.items}-item scope checklist, {args.repeat} runs each, interleaved; Python {sys.version.split()[0]}\n"
    )
    print("| variant | median ms |")
    print("|---|---:|")
    for name, value in median.items():
        print(f"| {name} | {value:.1f} |")
    pdf_ratio = median["pipeline → PDF"] / median["direct reportlab → PDF"]
    docx_ratio = median["pipeline → DOCX"] / median["direct python-docx → DOCX"]
    print(f"\npipeline / direct: PDF {pdf_ratio:.2f}×, DOCX {docx_ratio:.2f}×")
    share = median["markdown layer (template + parse)"] / median["pipeline → PDF"]
    print(f"markdown layer: {share:.0%} of the PDF pipeline")


if __name__ == "__main__":
    main()
