"""`inwriting profile show` and `profile path`: what a project inherits, and from where."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .common import PROJECT_ARGUMENT, allow_secrets, print_warnings, profile


@click.group("profile")
def profile_group() -> None:
    """The profile: what is the same for every client (provider, bank, terms, language).

    Each project file inherits it and overrides any field: sections merge field by field,
    lists and single values replace, and `null` removes the profile's value."""


@profile_group.command("show")
@PROJECT_ARGUMENT
def show(project_path: Path) -> None:
    """Print the project as it is read: its own fields over its profile's, each top-level
    field with the file it came from. Problems are listed after it (exit code 2)."""
    from ..errors import ProjectError
    from ..project.load import read_yaml
    from ..project.model import Project
    from ..project.profile import origins, with_profile
    from ..project.project_file import load_project

    name = str(project_path)
    data, source, _ = read_yaml(project_path, display_name=name)
    merged, merged_source, path = with_profile(project_path, name, data, source, profile())
    if not isinstance(merged, dict):
        raise ProjectError([source.problem((), "a project file is a set of `key: value` fields")])
    click.echo(f"# {name}" + (f" over the profile {path}" if path else ", no profile"))
    found = origins(merged_source, merged)
    order = list(Project.model_fields)
    for key in sorted(found, key=lambda key: order.index(key) if key in order else len(order)):
        text = as_yaml({key: merged[key]})
        click.echo(f"\n# {found[key]}\n{text}")
    loaded = load_project(project_path, allow_secrets=allow_secrets(), profile=profile())
    print_warnings(loaded.warnings)


@profile_group.command("path")
@click.argument(
    "project_path",
    metavar="[PROJECT.yaml]",
    required=False,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
def path(project_path: Path | None) -> None:
    """Print where the profile is looked for, and which one is used (for PROJECT.yaml if
    given): --profile, then `profile:` in the project file, then INWRITING_PROFILE, then
    profile.yaml in the config folder."""
    from ..project.profile import PROFILE_ENV, default_profile_path, locate_profile

    default = default_profile_path()
    click.echo(f"config folder: {default}{'' if default.is_file() else ' (no such file)'}")
    if os.environ.get(PROFILE_ENV):
        click.echo(f"{PROFILE_ENV}: {os.environ[PROFILE_ENV]}")
    chosen = locate_profile(project_path, profile())
    if chosen is None:
        click.echo("used: none (no profile)")
    else:
        click.echo(f"used: {chosen}{'' if chosen.is_file() else ' (no such file)'}")


def as_yaml(data: object) -> str:
    """Data as the loader keeps it (every value text) written back as YAML a project file
    could hold: plain where the text reads back the same, quoted where it would not."""
    import yaml

    from ..project.load import _NULLS

    class Dumper(yaml.SafeDumper):
        pass

    # No implicit types: the loader reads `14` and `true` as the text written, so they need
    # no quotes; only what the loader reads as nothing does.
    Dumper.yaml_implicit_resolvers = {}

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else ("'" if value in _NULLS else None)
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def nothing(dumper: yaml.SafeDumper, _value: None) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", "null")

    Dumper.add_representer(str, text)
    Dumper.add_representer(type(None), nothing)
    dumped: str = yaml.dump(
        data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    return dumped.rstrip("\n")
