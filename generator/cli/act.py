"""The act of acceptance (акт сдачи-приемки): on its own, and alongside the Russian hand-off
report and termination letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from .common import PROJECT_ARGUMENT, DateType, prepare, render, render_options


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "--until",
    type=DateType(),
    default=None,
    help="List the work done up to this day (default: the --as-of date).",
)
@render_options
def act(project_path: Path, until: dt.date | None, **options: Any) -> None:
    """Write the акт сдачи-приемки (Russian): the work done, its price, both parties' details.

    Lists the scope items done by --until (at most the --as-of date), each with its price, the
    total in words and the VAT line, and signature lines for both parties. It says the client
    has no claims only when no dispute is open and every item was done in time.
    """
    loaded, _as_of = prepare(project_path, options)
    render("act", project_path, params=_params(until), loaded=loaded, **options)


def act_alongside(project_path: Path, loaded: Any, until: dt.date, options: dict[str, Any]) -> None:
    """The act of the work done up to `until`, after a Russian hand-off report or termination
    letter; a note instead where the document is in another language or nothing is done yet."""
    from ..documents.act import ACT_LANGUAGES, act_facts
    from ..errors import InputError

    if (options.get("language") or loaded.project.language) not in ACT_LANGUAGES:
        return
    try:
        act_facts(loaded.project, options["as_of"], until)
    except InputError as exc:
        click.echo(f"note: no act written: {exc.format_message()}", err=True)
        return
    render("act", project_path, params=_params(until), loaded=loaded, **options)


def _params(until: dt.date | None) -> dict[str, Any]:
    return {} if until is None else {"until": until}
