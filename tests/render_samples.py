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
"""The day the golden files are named by: each letter itself is dated by TIMELINE."""
TONES = ("friendly", "firm", "stop_work", "final")
# Each letter on the business day it would really be sent, so one client's letters tell one
# story: each reminder rung on the day the ladder reached it (the day the sample records it as
# sent), the waiting notice and change orders before the end, and the termination, hand-off and
# review on the first business day after the final notice's deadline (the termination is refused
# before it). "changes" dates the waiting notice and the change orders, "ends" the rest.
TIMELINE: dict[str, dict[str, str]] = {
    "havbrise-social": {  # DK: the inkassovarsel gives 10 days, to Thu 26 Nov
        "friendly": "2026-11-10",  # K-2026-107, the day after its due date
        "firm": "2026-10-20",
        "stop_work": "2026-10-30",
        "final": "2026-11-16",
        "changes": "2026-11-20",
        "ends": "2026-11-27",
    },
    "jerry-webshop": {  # US: the final notice gives 7 business days, to Mon 30 Nov
        "friendly": "2026-10-15",
        "firm": "2026-10-26",
        "stop_work": "2026-11-04",
        "final": "2026-11-18",
        "changes": "2026-11-20",
        "ends": "2026-12-01",
    },
    "revontuli-kaannos": {  # FI: 7 business days, to Tue 24 Nov
        "friendly": "2026-10-05",
        "firm": "2026-10-19",
        "stop_work": "2026-10-30",
        "final": "2026-11-13",
        "changes": "2026-11-20",
        "ends": "2026-11-25",
    },
    "severnyi-veter": {  # RU: the претензия gives 30 days, to Wed 23 Dec
        "friendly": "2026-11-20",  # СЧ-2026-083, the day after its due date
        "firm": "2026-10-27",
        "stop_work": "2026-11-06",
        "final": "2026-11-23",
        "changes": "2026-11-20",
        "ends": "2026-12-24",
    },
    "tallbacken-bageri": {  # SE: 7 business days, to Tue 24 Nov
        "friendly": "2026-10-15",
        "firm": "2026-10-26",
        "stop_work": "2026-11-04",
        "final": "2026-11-13",
        "changes": "2026-11-20",
        "ends": "2026-11-25",
    },
}
# The writers' bytes depend on these libraries too; the golden PDF and DOCX bytes are compared
# only under the versions they were made with (Markdown, ours alone, always).
LIBRARIES = ("reportlab", "python-docx", "pyhanko")


def sample_commands(sample: Path) -> Iterator[list[str]]:
    """The command lines (after `inwriting`) that write every document of one sample, each with
    the date it is sent on (the scope: the golden day)."""
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    days = TIMELINE[sample.stem]
    yield ["scope", str(sample), "--format", "pdf,docx,md"]
    yield ["scope", str(sample), "--current", "--format", "md"]
    yield ["waiting", str(sample), "--as-of", days["changes"]]
    ends = ["--as-of", days["ends"]]
    yield ["terminate", str(sample), *ends]
    yield ["terminate", str(sample), "--with-record", "--format", "md", *ends]
    yield ["handoff", str(sample), *ends]
    yield ["review", str(sample), *ends]
    for tone in TONES:
        yield ["nudge", str(sample), "--tone", tone, "--as-of", days[tone]]
    for change in data.get("changes") or []:  # a rejected one gets the letter declining it
        yield ["change-order", str(sample), str(change["id"]), "--as-of", days["changes"]]


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
            if result.exit_code == 2 and "refused" in result.output:
                # On one day for all (--as-of): a rung below one already sent, a termination
                # before the final notice's deadline, a letter after the end: refused (meant).
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
