"""What the commands share: option types, the render options, loading, rendering, printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import Problem
from ..startup import settle

LANGUAGE_CHOICE = click.Choice(["en", "sv", "da", "fi", "ru"])
PAPER_CHOICE = click.Choice(["a4", "letter"])


class DateType(click.ParamType[dt.date]):
    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            date = dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; write it as YYYY-MM-DD", param, ctx)
        from ..project.model import FIRST_YEAR, LAST_YEAR  # the years a project file may use

        if not FIRST_YEAR <= date.year <= LAST_YEAR:
            self.fail(f"{value}: the year must be from {FIRST_YEAR} to {LAST_YEAR}", param, ctx)
        return date


class FormatList(click.ParamType[list[str]]):
    name = "FORMATS"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> list[str]:
        from ..render.writers import FORMATS

        names = [part.strip().lower() for part in str(value).split(",") if part.strip()]
        unknown = [name for name in names if name not in FORMATS]
        if unknown or not names:
            self.fail(
                f"choose from {', '.join(FORMATS)} (comma-separated), not {value!r}", param, ctx
            )
        return names


EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
PROJECT_ARGUMENT = click.argument("project_path", metavar="PROJECT.yaml", type=EXISTING_FILE)
PDF_ARGUMENT = click.argument("pdf_path", metavar="FILE.pdf", type=EXISTING_FILE)


def render_options(command: Any) -> Any:
    options = [
        click.option(
            "--out",
            "out_dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=Path("out"),
            show_default=True,
            help="Folder for the documents.",
        ),
        click.option(
            "--format",
            "formats",
            type=FormatList(),
            default=None,
            help="Comma-separated: pdf, docx, md, eml (e-mail draft with the PDF attached). "
            "Default: pdf,docx; for nudge and waiting all four.",
        ),
        click.option(
            "--as-of",
            "as_of",
            type=DateType(),
            default=None,
            help="The date to treat as today (default: the real date).",
        ),
        click.option(
            "--lang",
            "language",
            type=LANGUAGE_CHOICE,
            default=None,
            help="Language of the document (default: the file's `language`).",
        ),
        click.option(
            "--paper",
            type=PAPER_CHOICE,
            default=None,
            help="Paper size (default: Letter for US and CA jurisdictions, else A4).",
        ),
        click.option(
            "--templates",
            "templates_dir",
            type=click.Path(file_okay=False, exists=True, path_type=Path),
            default=None,
            help="Folder of template overrides (beats `templates:` in the file).",
        ),
        click.option(
            "--force", is_flag=True, help="Replace documents that differ from the new ones."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def render(
    kind: str,
    project_path: Path,
    *,
    out_dir: Path,
    formats: Sequence[str] | None,
    as_of: dt.date | None,
    language: str | None,
    paper: str | None,
    templates_dir: Path | None,
    force: bool,
    params: dict[str, Any] | None = None,
    loaded: Any = None,
) -> None:
    formats = formats or ("pdf", "docx")
    helpers = writer_helpers(formats)  # first, so that they start loading while we do

    from ..documents.kinds import output_name
    from ..output import write_files
    from ..project.project_file import load_project
    from ..render.pipeline import render_document

    if loaded is None:
        loaded = load_project(project_path, allow_secrets=allow_secrets())
        print_warnings(loaded.warnings)
    rendered = render_document(
        loaded,
        kind,
        formats=formats,
        helpers=helpers,
        params=params,
        as_of=as_of or dt.date.today(),
        language=language,
        paper=paper,
        templates_dir=templates_dir,
    )
    files = {
        out_dir / output_name(loaded.project, kind, name, params): data
        for name, data in rendered.items()
    }
    for result in write_files(files, force=force):
        click.echo(f"{result.status:>9}  {result.path}")
    settle()


def prepare(
    project_path: Path, options: dict[str, Any], *, letter: bool = False, renders: bool = True
) -> tuple[Any, dt.date]:
    """Load the project (warnings printed) and settle `as_of`; letters default to every format."""
    from ..project.project_file import load_project

    if letter and options["formats"] is None:
        options["formats"] = ["pdf", "docx", "md", "eml"]
    if renders:
        writer_helpers(options["formats"] or ("pdf", "docx"))
    loaded = load_project(project_path, allow_secrets=allow_secrets())
    print_warnings(loaded.warnings)
    options["as_of"] = options["as_of"] or dt.date.today()
    return loaded, options["as_of"]


def writer_helpers(formats: Sequence[str]) -> dict[str, Any]:
    """The command's writer helper process (writers/helper.py), started first so that it loads
    reportlab and the fonts while this process reads the project. Only the PDF gets one: on two
    cores, a second helper for the DOCX slowed this process by as much as it saved."""
    root = click.get_current_context().find_root()
    helpers: dict[str, Any] = root.meta.setdefault("writer_helpers", {})
    if {"pdf", "eml"} & set(formats) and "pdf" not in helpers:
        from ..render.writers.helper import WriterHelper

        helper = helpers["pdf"] = WriterHelper.start("pdf")
        if helper is not None:
            root.call_on_close(helper.close)
    return helpers


def allow_secrets() -> bool:
    context = click.get_current_context(silent=True)
    root = context.find_root() if context else None
    return bool(root and root.obj and root.obj.get("allow_secrets"))


def print_warnings(warnings: Sequence[Problem]) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
