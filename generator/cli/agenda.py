"""The morning agenda: `due`, in the terminal as a table, as JSON, or rendered."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from .common import DateType, FormatList, allow_secrets, profile

WIDTH_WITHOUT_TERMINAL = 160
"""The table's width when written to a file or a pipe and COLUMNS is not set: there is no
terminal to fit, so rows stay on one line (rich would take 80)."""


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
    this week, unsigned change requests. PATH is a project file or a folder: its subfolders
    are read too (hidden ones skipped), and every YAML file in them must be a project file.

    Exit code 0 when every file was read (whether or not anything is due), 2 when a file is
    not a project file or has problems, or a document was not written.
    """
    import json

    from ..documents.agenda import agenda

    today = as_of or dt.date.today()
    found = agenda(paths, today, allow_secrets=allow_secrets(), profile=profile())
    if not found.files:
        raise InputError(f"no YAML files (.yaml, .yml) in {', '.join(map(str, paths))}")
    items = found.items
    errors = [item for item in items if item.kind == "error"]
    if as_json:
        click.echo(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=2))
    else:
        _print_agenda(items, today, found.projects)
    for error in errors:
        click.echo(error.what, err=True)  # unprefixed file:line:col lines, for editors
    not_written = (
        _render_agenda(items, out_dir, formats, today, jobs, force, as_json) if render else 0
    )
    reasons = []
    if errors:
        reasons.append(_count(len(errors), "file") + " could not be read as a project file")
    if not_written:
        reasons.append(_count(not_written, "document") + " not written")
    if reasons:
        where = "see the items of kind error" if as_json else "listed above"
        raise InputError(f"{' and '.join(reasons)} ({where})")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _print_agenda(items: Sequence[Any], today: dt.date, projects: int) -> None:
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table

    rows = [item for item in items if item.kind != "error"]
    if not rows:
        click.echo(f"nothing due on {today} in {_count(projects, 'project file')}")
        return
    console = Console(highlight=False, markup=False, emoji=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = WIDTH_WITHOUT_TERMINAL
    cells = [_cells(item) for item in rows]
    widest = [max(cell_len(row[column]) for row in cells) for column in range(5)]
    client_width = _client_width(widest, console.width)
    # The kind is not a column: every What starts with it (final reminder, waiting notice,
    # change request, invoice … falls due). Amounts, days and ids are never cut; the What
    # wraps at a word; only the client's name is shortened, at a word, with an ellipsis.
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0), safe_box=True)
    table.add_column("Project", no_wrap=True, min_width=widest[0])
    table.add_column("Client", no_wrap=True, width=client_width)
    table.add_column("What", ratio=1, min_width=12)
    table.add_column("Days", justify="right", no_wrap=True, min_width=widest[3])
    table.add_column("Amount", justify="right", no_wrap=True, min_width=widest[4])
    for project, client, what, days, amount in cells:
        table.add_row(project, shorten(client, client_width), what, days, amount)
    with console.capture() as captured:
        console.print(table)
    for line in captured.get().splitlines():
        click.echo(line.rstrip())


def _cells(item: Any) -> tuple[str, str, str, str, str]:
    amount = f"{item.amount:,.2f} {item.currency}" if item.amount is not None else ""
    days = f"in {item.days} d" if item.kind == "due_soon" else f"{item.days} d"
    return item.project_id, item.client, item.what, days, amount


def _client_width(widest: Sequence[int], width: int) -> int:
    """The client column's width: the longest name if the What still fits on one line beside
    it, else what the other columns leave but at least a third of that (and 10 cells)."""
    gaps = 2 * 4  # a space of padding and the column rule between each two of the five
    room = width - widest[0] - widest[3] - widest[4] - gaps
    return max(10, min(widest[1], max(room // 3, room - widest[2])))


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` terminal cells: cut at the end of a word, with an ellipsis."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    head = set_cell_size(text, width - 1)
    cut_in_a_word = not text[len(head) :].startswith(" ")
    if cut_in_a_word and " " in head.strip():
        head = head.rsplit(" ", 1)[0]  # the word cut short is dropped whole
    return head.rstrip(" ,.;:-–—&") + "…"


def _render_agenda(
    items: Sequence[Any],
    out_dir: Path,
    formats: Sequence[str],
    today: dt.date,
    jobs: int | None,
    force: bool,
    as_json: bool,
) -> int:
    """Write every due document, saying per file whether it was written, replaced or left
    unchanged, and why any row was not rendered; the number of documents not written."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..documents.agenda import NOT_RENDERED
    from ..render.batch import BatchSettings, Job, render_jobs

    todo = [Job(Path(item.file), item.document, item.params) for item in items if item.document]
    settings = BatchSettings(out_dir, tuple(formats), today, force, allow_secrets(), profile())
    # With --json, stdout is the JSON; everything else goes to stderr.
    console = Console(stderr=as_json, highlight=False, markup=False, emoji=False)

    def say(line: str) -> None:
        console.print(line, soft_wrap=True)

    counts = {"written": 0, "replaced": 0, "unchanged": 0}
    failed = 0
    # A bar while documents are written, on a terminal only, gone when done (transient).
    progress = Progress(
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=len(todo) < 2 or not console.is_terminal,
    )
    with progress:
        task = progress.add_task("rendering", total=len(todo))

        def advance(result: Any) -> None:
            nonlocal failed
            progress.advance(task)
            for status, path in result.files:
                counts[status] += 1
                say(f"{status:>9}  {path}")
            if result.error:
                failed += 1
                job = result.job
                say(f"{result.status:>9}  {job.project_path} ({job.kind}): {result.error}")

        render_jobs(todo, settings, workers=jobs, progress=advance)
    for item in items:
        if not item.document:
            where = item.file if item.kind == "error" else f"{item.file} ({item.what})"
            say(f"{'skipped':>9}  {where}: {NOT_RENDERED[item.kind]}")
    files = ", ".join(f"{number} {status}" for status, number in counts.items())
    say(f"rendered {len(todo) - failed} of {_count(len(todo), 'document')} into {out_dir}: {files}")
    return failed
