"""What the commands share: option types, the render options, loading, rendering, printing."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import OutputExistsError, Problem
from ..startup import settle

LANGUAGE_CHOICE = click.Choice(["en", "sv", "da", "fi", "ru"])
PAPER_CHOICE = click.Choice(["a4", "letter"])
LETTER_FORMATS = ("pdf", "docx", "md", "eml")
"""What nudge and waiting write by default: the letter, and an e-mail draft to send it."""


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
            self.fail(f"{value!r} is not a date: {why_not_a_date(str(value))}", param, ctx)
        from ..project.model import FIRST_YEAR, LAST_YEAR  # the years a project file may use

        if not FIRST_YEAR <= date.year <= LAST_YEAR:
            self.fail(f"{value}: the year must be from {FIRST_YEAR} to {LAST_YEAR}", param, ctx)
        return date


def why_not_a_date(text: str) -> str:
    """Why `text` is no date: the month or day that does not exist, or the form to use."""
    import calendar
    import re

    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if match is None:
        return "write it as YYYY-MM-DD"
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days" if day else "day 0 does not exist"


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


GLOBAL_FLAGS = {
    # name: (help, environment variable)
    "allow_secrets": (
        "Accept values that look like passwords, keys or tokens (they are refused otherwise).",
        "INWRITING_ALLOW_SECRETS",
    ),
    "last_rate": (
        "Where a reference rate is not yet in the tables, use the last one published (the letter"
        " says so) instead of stopping.",
        "INWRITING_LAST_RATE",
    ),
}


GLOBAL_PATHS = {
    # name: help
    "profile": "The profile every project inherits from (first found: this, `profile:` in the"
    " project file, INWRITING_PROFILE, profile.yaml in the config folder; `inwriting profile"
    " path`).",
}


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def global_options(command: Any) -> Any:
    """The options of the whole `inwriting` group, each with its environment variable."""
    for name, (text, envvar) in GLOBAL_FLAGS.items():
        help_text = f"{text} Also {envvar}=1."
        command = click.option(_flag(name), is_flag=True, envvar=envvar, help=help_text)(command)
    for name, text in GLOBAL_PATHS.items():
        command = click.option(_flag(name), type=_GLOBAL_PATH, metavar="PATH", help=text)(command)
    return command


_GLOBAL_PATH = click.Path(dir_okay=False, path_type=Path)


def _set_global(context: click.Context, parameter: click.Parameter, value: Any) -> None:
    # Given after the command, a global option counts as if given before it.
    if value and parameter.name:
        root = context.find_root()
        root.obj = {**(root.obj or {}), parameter.name: value}
        apply_global_options(root.obj)


def apply_global_options(options: dict[str, Any]) -> None:
    """Pass the global options the lower layers read to them (each run starts afresh)."""
    from ..law.rate_sources import accept_last_rate

    accept_last_rate(bool(options.get("last_rate")))


def accept_global_options(command: click.Command) -> click.Command:
    """Let every global option also follow the command (and each of a group's commands):
    people type `inwriting check f.yaml --allow-secrets`, not `inwriting --allow-secrets check`."""
    if isinstance(command, click.Group):
        for child in command.commands.values():
            accept_global_options(child)
        return command
    for name, (text, _envvar) in GLOBAL_FLAGS.items():
        flag = click.Option(
            [_flag(name)], is_flag=True, expose_value=False, callback=_set_global, help=text
        )
        command.params.append(flag)
    for name, text in GLOBAL_PATHS.items():
        option = click.Option(
            [_flag(name)],
            type=_GLOBAL_PATH,
            metavar="PATH",
            expose_value=False,
            callback=_set_global,
            help=text,
        )
        command.params.append(option)
    return command


EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
PROJECT_ARGUMENT = click.argument("project_path", metavar="PROJECT.yaml", type=EXISTING_FILE)
PDF_ARGUMENT = click.argument("pdf_path", metavar="FILE.pdf", type=EXISTING_FILE)


def render_options_for(*default_formats: str) -> Callable[[Any], Any]:
    """The options of every command that writes documents, with this command's own formats."""
    return functools.partial(_add_render_options, default_formats=",".join(default_formats))


def _add_render_options(command: Any, *, default_formats: str) -> Any:
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
            help="Comma-separated: pdf, docx, md, eml (e-mail draft with the PDF attached)."
            f" Default: {default_formats}.",
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


render_options = render_options_for("pdf", "docx")
letter_render_options = render_options_for(*LETTER_FORMATS)


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
        loaded = load_project(project_path, allow_secrets=allow_secrets(), profile=profile())
        print_warnings(loaded.warnings)

    def files_on(day: dt.date, writers: dict[str, Any] | None) -> dict[Path, bytes]:
        rendered = render_document(
            loaded,
            kind,
            formats=formats,
            helpers=writers,
            params=params,
            as_of=day,
            language=language,
            paper=paper,
            templates_dir=templates_dir,
        )
        return {
            out_dir / output_name(loaded.project, kind, name, params, language=language): data
            for name, data in rendered.items()
        }

    day = as_of or dt.date.today()
    files = files_on(day, helpers)
    try:
        results = write_files(files, force=force)
    except OutputExistsError as exc:
        from ..render.dated import date_hint

        hint = date_hint(files, day, lambda other: files_on(other, None))
        if not hint:
            raise
        raise OutputExistsError(f"{exc.format_message()}\n{hint}") from None
    for result in results:
        click.echo(f"{result.status:>9}  {result.path}")
    settle()


def prepare(
    project_path: Path, options: dict[str, Any], *, letter: bool = False, renders: bool = True
) -> tuple[Any, dt.date]:
    """Load the project (warnings printed) and settle `as_of`; letters default to every format."""
    from ..project.project_file import load_project

    if letter and options["formats"] is None:
        options["formats"] = list(LETTER_FORMATS)
    if renders:
        writer_helpers(options["formats"] or ("pdf", "docx"))
    loaded = load_project(project_path, allow_secrets=allow_secrets(), profile=profile())
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


def profile() -> Path | None:
    """The profile named with --profile (before or after the command), if any."""
    context = click.get_current_context(silent=True)
    root = context.find_root() if context else None
    chosen = root.obj.get("profile") if root and root.obj else None
    return chosen if isinstance(chosen, Path) else None


def print_warnings(warnings: Sequence[Problem]) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
