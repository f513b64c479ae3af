"""Commands for the agreement and its changes: scope, sign, diff, change-order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from .common import PROJECT_ARGUMENT, DateType, prepare, render, render_options


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "--current",
    is_flag=True,
    help="The consolidated version with every approved change request applied"
    " (written as <id>-scope-current).",
)
@render_options
def scope(project_path: Path, current: bool, **options: Any) -> None:
    """Write the scope checklist the client signs before work starts."""
    render("scope", project_path, params={"current": True} if current else None, **options)


@click.command()
@PROJECT_ARGUMENT
@click.option("--by", "signed_by", required=True, help="Who signed for the client.")
@click.option(
    "--on", "signed_on", type=DateType(), required=True, help="The date of the signature."
)
def sign(project_path: Path, signed_by: str, signed_on: dt.date) -> None:
    """Record that the client signed the scope checklist: who, when, and its fingerprint.

    From then on check, scope and due warn when the scope no longer matches what was signed.
    """
    from ..project.record import record_signoff
    from ..project.scope import fingerprint, short_fingerprint

    loaded, _ = prepare(project_path, {"formats": None, "as_of": signed_on}, renders=False)
    printed = short_fingerprint(fingerprint(loaded.project))
    for line in record_signoff(project_path, signed_by, signed_on, printed):
        click.echo(line)


@click.command()
@click.argument(
    "old_path", metavar="OLD.yaml", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.argument(
    "new_path", metavar="NEW.yaml", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--summary", help="What the client asked for, in their words (else a list of the changes)."
)
@click.option("--id", "change_id", help="The change request's id (else the one after the last).")
@click.option(
    "--on", "requested_on", type=DateType(), help="When it was asked for (default: today)."
)
@click.option(
    "--record",
    is_flag=True,
    help="Write it into NEW.yaml: its scope goes back to OLD's, and the difference becomes"
    " a proposed change request.",
)
def diff(
    old_path: Path,
    new_path: Path,
    summary: str | None,
    change_id: str | None,
    requested_on: dt.date | None,
    record: bool,
) -> None:
    """Print the change request that turns OLD's scope into NEW's, as YAML for `changes:`."""
    from ..project.diff import as_yaml, record_change, scope_change

    old, _ = prepare(old_path, {"formats": None, "as_of": None}, renders=False)
    new, _ = prepare(new_path, {"formats": None, "as_of": None}, renders=False)
    entry, unsaid = scope_change(
        old.project,
        new.project,
        on=requested_on or dt.date.today(),
        summary=summary,
        change_id=change_id,
    )
    for line in unsaid:
        click.echo(f"warning: {line}", err=True)
    if not any(key in entry for key in ("add", "remove", "modify", "new_end")):
        click.echo(f"no change to the scope between {old_path} and {new_path}", err=True)
        return
    click.echo("- " + as_yaml(entry).replace("\n", "\n  "))
    if record:
        record_change(new_path, old_path, old.project, new.project, entry)
        click.echo(
            f"{'recorded':>9}  change request {entry['id']} (proposed) in {new_path}", err=True
        )


@click.command("change-order")
@PROJECT_ARGUMENT
@click.argument("change_id", metavar="CR-ID")
@render_options
def change_order(project_path: Path, change_id: str, **options: Any) -> None:
    """Write the change order for one change request, for both parties to sign.

    A rejected request gets a short letter instead: the request is declined, the scope stands.
    """
    from ..documents.change_order import change_document

    loaded, _as_of = prepare(project_path, options)
    kind = change_document(loaded.project, change_id)
    render(kind, project_path, params={"change": change_id}, loaded=loaded, **options)
