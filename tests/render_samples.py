"""Every document of every sample, rendered as a user would (the CLI), and their fingerprints.

As a script: `python tests/render_samples.py OUT [--as-of DATE]` writes them all into OUT/<sample>/
for a reviewer to read; `--update-golden` rewrites tests/golden/samples.json after a change
that is meant to alter documents. tests/test_golden.py renders them again and compares.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden" / "samples.json"
AS_OF = "2026-11-22"
# Every sample decides its termination on AS_OF, which makes a new waiting notice or change order
# moot (both are refused then): those are the letters of the Friday before.
BEFORE_TERMINATION = "2026-11-20"
TONES = ("friendly", "firm", "stop_work", "final")
# The writers' bytes depend on these libraries too; the golden PDF and DOCX bytes are compared
# only under the versions they were made with (Markdown, ours alone, always).
LIBRARIES = ("reportlab", "python-docx", "pyhanko")


def sample_commands(sample: Path) -> Iterator[list[str]]:
    """The command lines (after `inwriting`) that write every document of one sample."""
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    yield ["scope", str(sample), "--format", "pdf,docx,md"]
    yield ["scope", str(sample), "--current", "--format", "md"]
    yield ["waiting", str(sample), "--as-of", BEFORE_TERMINATION]
    yield ["terminate", str(sample)]
    yield ["terminate", str(sample), "--with-record", "--format", "md"]
    yield ["handoff", str(sample)]
    yield ["review", str(sample)]
    for tone in TONES:
        yield ["nudge", str(sample), "--tone", tone]
    for change in data.get("changes") or []:  # a rejected one gets the letter declining it
        yield ["change-order", str(sample), str(change["id"]), "--as-of", BEFORE_TERMINATION]


def render_all(out_dir: Path, as_of: str = AS_OF) -> list[str]:
    """Render every sample's documents into out_dir/<sample>/; returns the failures."""
    from click.testing import CliRunner
    from inwriting.cli import cli

    failures = []
    # One process (no PDF helper), for this run only: the environment of later tests is theirs.
    runner = CliRunner(env={"INWRITING_SINGLE_PROCESS": "1"})
    for sample in sorted(SAMPLES.glob("*.yaml")):
        target = out_dir / sample.stem
        for command in sample_commands(sample):
            dated = command if "--as-of" in command else [*command, "--as-of", as_of]
            # Past the rate tables: the last published rate, said so in the letters (not invented).
            args = [*dated, "--out", str(target), "--force", "--last-rate"]
            result = runner.invoke(cli, args)
            if result.exit_code == 2 and "refused" in result.output:
                # A rung below one already sent, or a waiting notice or change order after the
                # decided termination: refused, nothing written (meant).
                continue
            if result.exit_code != 0:
                failures.append(f"inwriting {' '.join(args)}: {result.output.strip()}")
    return failures


def fingerprints(out_dir: Path) -> dict[str, str]:
    """SHA-256 of every file under out_dir, by its path relative to it."""
    return {
        path.relative_to(out_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out_dir.rglob("*"))
        if path.is_file()
    }


def library_versions() -> dict[str, str]:
    return {name: version(name) for name in LIBRARIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--as-of", default=AS_OF)
    parser.add_argument("--update-golden", action="store_true")
    args = parser.parse_args()
    if args.update_golden and args.out_dir.exists() and any(args.out_dir.iterdir()):
        # Files left from an earlier run would be fingerprinted as if rendered now.
        parser.error(f"{args.out_dir} is not empty: --update-golden needs a new folder")
    failures = render_all(args.out_dir, args.as_of)
    for failure in failures:
        print(failure, file=sys.stderr)
    if args.update_golden:
        if args.as_of != AS_OF:
            parser.error(f"the golden files are made --as-of {AS_OF}")
        GOLDEN.parent.mkdir(exist_ok=True)
        golden = {"libraries": library_versions(), "files": fingerprints(args.out_dir)}
        GOLDEN.write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN} ({len(golden['files'])} files)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
