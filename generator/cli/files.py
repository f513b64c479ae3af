"""Commands for the files themselves: check, schema, and the templates."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..errors import Problem, ProjectError
from .common import allow_secrets, print_warnings, profile


@click.command()
@click.argument(
    "project_paths",
    metavar="PROJECT.yaml...",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
def check(project_paths: Sequence[Path]) -> None:
    """Validate project files and list every problem as FILE:LINE:COL: field: message.

    A profile is checked on its own: its values, not what it leaves to the projects."""
    from ..project.profile import is_profile
    from ..project.project_file import check_profile, load_project
    from ..render.pipeline import branded_coverage, check_drawable

    problems: list[Problem] = []
    for path in project_paths:
        if not path.exists():
            problems.append(Problem(str(path), None, None, "", "no such file"))
            continue
        if is_profile(path):
            errors, warnings = check_profile(path, allow_secrets=allow_secrets())
            print_warnings(warnings)
            problems += errors
            if not errors:
                click.echo(f"ok  {path} (a profile)")
            continue
        try:
            loaded = load_project(path, allow_secrets=allow_secrets(), profile=profile())
            # PDF is every document's default format: a character it cannot draw is a
            # problem now, not a surprise at the first `scope`.
            check_drawable(loaded, branded_coverage(loaded))
        except ProjectError as exc:
            problems += exc.problems
            continue
        print_warnings(loaded.warnings)
        click.echo(f"ok  {path}")
    if problems:
        raise ProjectError(problems)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the project file, for editors' YAML language servers."""
    from ..project.schema import project_schema_json

    click.echo(project_schema_json())


@click.group()
def templates() -> None:
    """See the built-in templates and copy one out to customise it."""


@templates.command("list")
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Also show which of these overrides win.",
)
def templates_list(templates_dir: Path | None) -> None:
    """List the built-in templates (LANGUAGE/NAME) and any overrides in --templates."""
    from ..render.template_files import list_templates

    for entry in list_templates(templates_dir):
        click.echo(f"{entry.name:<28} {entry.origin}")


@templates.command("eject")
@click.argument("name")
@click.option(
    "--to",
    "target_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to copy into (default: ./templates, except in a checkout of inwriting).",
)
@click.option("--force", is_flag=True, help="Replace a copy that already differs.")
def templates_eject(name: str, target_dir: Path | None, force: bool) -> None:
    """Copy a built-in template (e.g. en/scope, or scope for every language) to edit it.

    Then pass `--templates DIR` (or set `templates: DIR` in the project file): your copy wins.
    """
    from ..render.template_files import eject

    for result in eject(name, target_dir, force=force):
        click.echo(f"{result.status:>9}  {result.path}")
