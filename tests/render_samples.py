"""Every document of every sample, rendered as a user would (the CLI), and their fingerprints.

As a script: `python tests/render_samples.py OUT [--as-of DATE]` writes them all into OUT/<sample>/,
each on the day tests/timeline.py sends it (or all on DATE), for a reviewer to read;
`--update-golden` rewrites tests/golden/samples.json after a change that is meant to alter
documents. tests/test_golden.py renders them again and compares.
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
from timeline import AS_OF as TIMELINE_AS_OF
from timeline import sent_on

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden" / "samples.json"
AS_OF = TIMELINE_AS_OF.isoformat()
"""The day the golden files are named by: each document itself is dated by tests/timeline.py."""
TONES = ("friendly", "firm", "stop_work", "final")
# The writers' bytes depend on these libraries too; the golden PDF and DOCX bytes are compared
# only under the versions they were made with (Markdown, ours alone, always).
LIBRARIES = ("reportlab", "python-docx", "pyhanko")


def sample_commands(sample: Path) -> Iterator[list[str]]:
    """The command lines (after `inwriting`) that write every document of one sample, each with
    the day the sample's timeline sends it (tests/timeline.py)."""
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))

    def on(kind: str) -> list[str]:
        return ["--as-of", sent_on(sample.stem, kind).isoformat()]

    yield ["scope", str(sample), "--format", "pdf,docx,md", *on("scope")]
    yield ["scope", str(sample), "--current", "--format", "md", *on("scope")]
    yield ["waiting", str(sample), *on("waiting")]
    yield ["terminate", str(sample), *on("termination")]
    yield ["terminate", str(sample), "--with-record", "--format", "md", *on("termination")]
    yield ["handoff", str(sample), *on("handoff")]
    yield ["review", str(sample), *on("review")]
    for tone in TONES:
        yield ["nudge", str(sample), "--tone", tone, *on(tone)]
    for change in data.get("changes") or []:  # a rejected one gets the letter declining it
        kind = "change-declined" if change.get("status") == "rejected" else "change-order"
        yield ["change-order", str(sample), str(change["id"]), *on(kind)]


def render_all(out_dir: Path, as_of: str | None = None) -> list[str]:
    """Render every sample's documents into out_dir/<sample>/, each on its TIMELINE day (or all
    on `as_of`, to see one day's documents); returns the failures."""
    from click.testing import CliRunner
    from inwriting.cli import cli

    failures = []
    # One process (no PDF helper), for this run only: the environment of later tests is theirs.
    runner = CliRunner(env={"INWRITING_SINGLE_PROCESS": "1"})
    for sample in sorted(SAMPLES.glob("*.yaml")):
        target = out_dir / sample.stem
        for command in sample_commands(sample):
            if as_of is not None and "--as-of" in command:
                command = (
                    command[: command.index("--as-of")] + command[command.index("--as-of") + 2 :]
                )
            dated = command if "--as-of" in command else [*command, "--as-of", as_of or AS_OF]
            # Past the rate tables: the last published rate, said so in the letters (not invented).
            args = [*dated, "--out", str(target), "--force", "--last-rate"]
            result = runner.invoke(cli, args)
            if as_of is not None and result.exit_code == 2 and "refused" in result.output:
                # On one day for all (--as-of): a rung below one already sent, a termination
                # before the final notice's deadline, a letter after the end: refused (meant).
                # On the timeline every document is sent, so a refusal there is a failure.
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
    parser.add_argument("--as-of", default=None, help="every document on this one day")
    parser.add_argument("--update-golden", action="store_true")
    args = parser.parse_args()
    if args.update_golden and args.out_dir.exists() and any(args.out_dir.iterdir()):
        # Files left from an earlier run would be fingerprinted as if rendered now.
        parser.error(f"{args.out_dir} is not empty: --update-golden needs a new folder")
    failures = render_all(args.out_dir, args.as_of)
    for failure in failures:
        print(failure, file=sys.stderr)
    if args.update_golden:
        if args.as_of is not None:
            parser.error("the golden files are made on the samples' timeline, without --as-of")
        GOLDEN.parent.mkdir(exist_ok=True)
        golden = {"libraries": library_versions(), "files": fingerprints(args.out_dir)}
        GOLDEN.write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN} ({len(golden['files'])} files)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
