"""Benchmark: cold start of the command line, each run a new process.

    python bench/bench_cli.py [--repeat 15]

Run it with the Python of a virtual environment where inwriting is installed (`make bench`
does): the `inwriting` command next to that Python is what is timed. Reports medians for
  - `python -c "import click"`, the baseline for `inwriting --help`;
  - `inwriting --help`;
  - the floor: a process that only imports the libraries a PDF + DOCX render needs and
    builds one one-field pydantic model;
  - `inwriting scope` of the Jerry sample to PDF and DOCX, cold, with its PDF helper process
    and with everything in one process (INWRITING_SINGLE_PROCESS=1);
  - with --baseline: the same cold scope by another install's `inwriting`;
and the ratios the issue asks about. Variants are interleaved so machine load hits all alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINGLE = "INWRITING_SINGLE_PROCESS"  # no PDF helper process: everything in one (writers/helper.py)
# The libraries a PDF + DOCX render needs, and pydantic's first model: pydantic loads its
# schema machinery on first use, which costs as much as a one-field model (about 80 ms here).
LIBRARIES = (
    "import click, yaml, pydantic, jinja2, markdown_it, mdit_py_plugins.container, "
    "babel.numbers, babel.dates, reportlab.platypus, docx\n"
    "class One(pydantic.BaseModel):\n    field: int"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="an `inwriting` command of another install (say, the previous commit's) whose cold"
        " scope is timed in the same run, for a ratio against it",
    )
    args = parser.parse_args()
    python = sys.executable
    command = str(Path(python).with_name("inwriting"))
    out_dir = Path(tempfile.mkdtemp())
    project = ROOT / "samples" / "jerry-webshop.yaml"
    scope = [
        command,
        "scope",
        str(project),
        "--as-of",
        "2026-11-22",
        "--out",
        str(out_dir),
        "--force",
    ]
    variants = {
        'python -c "import click"': [python, "-c", "import click"],
        "inwriting --help": [command, "--help"],
        "floor: import the libraries, build one pydantic model": [python, "-c", LIBRARIES],
        "inwriting scope (PDF + DOCX), cold": scope,
        "the same in one process (INWRITING_SINGLE_PROCESS=1)": scope,
    }
    if args.baseline:
        variants["the baseline's inwriting scope (--baseline)"] = [str(args.baseline), *scope[1:]]
    environments = {name: dict(os.environ) for name in variants}
    environments["the same in one process (INWRITING_SINGLE_PROCESS=1)"][SINGLE] = "1"
    for name, argv in variants.items():  # warm the file system cache and .pyc files
        subprocess.run(argv, check=True, capture_output=True, env=environments[name])
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.repeat):
        for name, argv in variants.items():
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=environments[name])
            samples[name].append(time.perf_counter() - start)
    median = {name: statistics.median(times) * 1000 for name, times in samples.items()}

    print(f"{args.repeat} runs each, interleaved; Python {sys.version.split()[0]} at {python}\n")
    print("| command | median ms |")
    print("|---|---:|")
    for name, value in median.items():
        print(f"| {name} | {value:.0f} |")
    names = list(median)
    print(f"\n--help / import click: {median[names[1]] / median[names[0]]:.2f}×")
    print(
        f"cold scope: {median[names[3]]:.0f} ms; of which the library-import floor: {median[names[2]]:.0f} ms"
    )
    print(f"with the PDF helper / in one process: {median[names[3]] / median[names[4]]:.2f}×")
    if args.baseline:
        print(f"cold scope / the baseline's: {median[names[3]] / median[names[5]]:.2f}×")


if __name__ == "__main__":
    main()
