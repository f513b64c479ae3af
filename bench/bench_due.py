"""Benchmark: `inwriting due` over many project files, and `due --render` on one core and on all.

    python bench/bench_due.py [--projects 1000] [--repeat 3] [--render-projects 1000]

Generates the project files from the samples (a new id, client and invoice numbers each, so
every one is a distinct client with one reminder due), then times whole `inwriting` runs as a
user would start them, each a new process, with the `inwriting` next to this Python:
  - `due FOLDER --as-of 2026-11-22` (the agenda), median of --repeat runs;
  - `due FOLDER --render --format pdf,docx,eml --jobs 1` against `--jobs N` (one per core).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "jerry-webshop.yaml"


def make_projects(folder: Path, count: int) -> None:
    """`count` variants of the Jerry sample, each with exactly one document due on 2026-11-22:
    the stop-work reminder for two overdue invoices."""
    text = SAMPLE.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        variant = text.replace("id: JGS-2026-01", f"id: C{number:05d}")
        variant = variant.replace(
            "name: Jerry's Garden Supply Inc.", f"name: Client number {number} Inc."
        )
        variant = re.sub(r'number: "(2026-0\d\d)"', rf'number: "\1-{number}"', variant)
        # One document due per client: the stop-work reminder, not also a waiting notice.
        start = variant.index("waiting_on:")
        variant = (
            variant[:start] + "waiting_on: []\n\n" + variant[variant.index("incidents:", start) :]
        )
        (folder / f"client-{number:05d}.yaml").write_text(variant, encoding="utf-8")


def timed(argv: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, result.stdout + result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--render-projects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    command = str(Path(sys.executable).with_name("inwriting"))
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="inwriting-bench-"))
    try:
        agenda_dir = work / "agenda"
        make_projects(agenda_dir, args.projects)
        times = [
            timed([command, "due", str(agenda_dir), "--as-of", "2026-11-22"])[0]
            for _ in range(args.repeat)
        ]
        print(f"due over {args.projects} project files: median {statistics.median(times):.2f} s "
              f"({', '.join(f'{t:.2f}' for t in times)})")  # fmt: skip

        render_dir = work / "render"
        make_projects(render_dir, args.render_projects)
        for jobs in (1, cores):
            out = work / f"out-{jobs}"
            elapsed, output = timed(
                [command, "due", str(render_dir), "--as-of", "2026-11-22", "--render", "--out", str(out),
                 "--format", "pdf,docx,eml", "--jobs", str(jobs)]
            )  # fmt: skip
            summary = next(
                (line for line in output.splitlines() if line.startswith("rendered")), output[-200:]
            )
            print(
                f"due --render, {args.render_projects} projects, --jobs {jobs}: {elapsed:.1f} s ({summary})"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
