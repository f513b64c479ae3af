"""The morning agenda: `due`, in the terminal, as JSON, or rendered."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from .common import DateType, FormatList, allow_secrets


@click.command()
@click.argument(
    "paths",
    metavar="PATH...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@click.option("--as-of", "as_of", type=DateType(), default=None, help="The date to treat as today.")
@click.option("--json", "as_json", is_flag=True, help="Print the agenda as JSON, for scripts.")
@click.option("--render", is_flag=True, help="Write every document that is due.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the documents (with --render).",
)
@click.option("--format", "formats", type=FormatList(), default="pdf,docx,eml", show_default=True)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=None, help="Processes (default: one per core)."
)
@click.option("--force", is_flag=True, help="Replace documents that differ from the new ones.")
def due(
    paths: Sequence[Path],
    as_of: dt.date | None,
    as_json: bool,
    render: bool,
    out_dir: Path,
    formats: Sequence[str],
    jobs: int | None,
    force: bool,
) -> None:
    """What is due today across every client: reminders, waiting notices, invoices falling due
    this week, unsigned change requests. PATH is a project file or a folder of them."""
    import json

    from ..documents.agenda import agenda

    today = as_of or dt.date.today()
    items = agenda(paths, today, allow_secrets=allow_secrets())
    errors = [item for item in items if item.kind == "error"]
    if as_json:
        click.echo(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=2))
    else:
        _print_agenda(items, today)
    failed = len(errors)
    if render:
        failed += _render_agenda(items, out_dir, formats, today, jobs, force)
    if failed:
        raise click.ClickException(
            f"{failed} problem{'s' if failed != 1 else ''}: "
            + ("see the lines marked error above" if not as_json else "see the items of kind error")
        )


def _print_agenda(items: Sequence[Any], today: dt.date) -> None:
    if not items:
        click.echo(f"nothing due on {today}")
        return
    for item in items:
        if item.kind == "error":
            for line in item.what.splitlines():  # each problem names its file and line
                click.echo(f"{'error':<10} {line}", err=True)
            continue
        amount = f"{item.amount:,.2f} {item.currency}" if item.amount is not None else ""
        days = f"{item.days} d" if item.kind != "due_soon" else f"in {item.days} d"
        who = f"{item.project_id:<16.16} {item.client:<24.24}"
        click.echo(f"{item.kind:<10} {who} {item.what:<48} {days:>8} {amount:>16}")


def _render_agenda(
    items: Sequence[Any],
    out_dir: Path,
    formats: Sequence[str],
    today: dt.date,
    jobs: int | None,
    force: bool,
) -> int:
    from ..render.batch import BatchSettings, Job, render_jobs

    todo = [Job(Path(item.file), item.document, item.params) for item in items if item.document]
    settings = BatchSettings(out_dir, tuple(formats), today, force, allow_secrets())
    failures: list[str] = []
    with click.progressbar(length=len(todo), label="rendering", file=sys.stderr) as bar:

        def advance(result: Any) -> None:
            bar.update(1)
            if result.error:
                failures.append(result.error)

        results = render_jobs(todo, settings, workers=jobs, progress=advance)
    for failure in failures:
        click.echo(f"error: {failure}", err=True)
    files = sum(len(result.written) for result in results)
    done = len(todo) - len(failures)
    click.echo(f"rendered {done} of {len(todo)} documents ({files} files) into {out_dir}")
    return len(failures)
