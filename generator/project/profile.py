"""The profile: what is the same for every client, inherited and overridden by each project."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import Problem, ProjectError
from .load import DataPath, SourceMap, read_yaml

PROFILE_NAME = "profile.yaml"
PROFILE_ENV = "INWRITING_PROFILE"
"""Names the profile of projects without `profile:` (instead of the one in the config folder)."""

PROJECT_ONLY = frozenset(
    {
        "format",
        "profile",
        "client",
        "project",
        "scope",
        "exclusions",
        "signoff",
        "changes",
        "invoices",
        "waiting_on",
        "incidents",
        "deliverables",
        "licences",
        "accounts",
        "achievements",
        "termination",
    }
)
"""What one client's project says and no other's: refused in a profile, where it would appear
in every project that does not say it itself. Without `format:` a profile is never taken for
a project file (`due` walking a folder knows it by that)."""


def default_profile_path() -> Path:
    """Where the profile is looked for when neither the command nor the project names one:
    `profile.yaml` in the user's config folder ($XDG_CONFIG_HOME/inwriting on Linux,
    ~/Library/Application Support/inwriting on macOS, %LOCALAPPDATA%\\inwriting on Windows)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("inwriting", appauthor=False)) / PROFILE_NAME


def locate_profile(project_path: Path | None, explicit: Path | None) -> Path | None:
    """The profile a project inherits from, first found wins: `explicit` (`--profile`), the
    project's own `profile:` (relative to the project file), INWRITING_PROFILE, `profile.yaml`
    in the config folder if it exists; None for no profile."""
    if explicit is None and project_path is not None:
        data, source, _ = read_yaml(project_path)
        chosen = _chosen(project_path, str(project_path), data, source, None)
    else:
        chosen = _chosen(Path(), "", {}, SourceMap(""), explicit)
    return chosen[0] if chosen else None


def _chosen(
    project_path: Path, name: str, data: Any, source: SourceMap, explicit: Path | None
) -> tuple[Path, str, str] | None:
    """The profile's path, the name to show it by and what named it; None for no profile
    (see locate_profile)."""
    if explicit is not None:
        return explicit.expanduser(), str(explicit), "--profile"
    written = data.get("profile") if isinstance(data, dict) else None
    if written is not None:
        if not isinstance(written, str):
            raise ProjectError([source.problem(("profile",), "expected the path of a file")])
        relative = Path(written).expanduser()
        shown = os.path.normpath(os.path.join(os.path.dirname(name), relative))
        return project_path.parent / relative, shown, "profile:"
    if os.environ.get(PROFILE_ENV):
        path = Path(os.environ[PROFILE_ENV])
        return path.expanduser(), str(path), PROFILE_ENV
    default = default_profile_path()
    return (default, str(default), "config folder") if default.is_file() else None


def is_profile(path: Path) -> bool:
    """Whether a file is a valid profile, holding only fields a profile may (`due` skips
    these in the folders it walks; another tool's YAML is no profile)."""
    from .model import Project

    try:
        data, _ = load_profile(path)
    except ProjectError:
        return False
    return bool(data) and set(data) <= set(Project.model_fields)


def load_profile(path: Path, display_name: str | None = None) -> tuple[dict[str, Any], SourceMap]:
    """Read a profile file: its data (a mapping) and source map; ProjectError for a file that
    is missing, broken or holds a project's own fields."""
    data, source, problems = read_yaml(path, display_name=display_name or str(path))
    if not isinstance(data, dict):
        message = "a profile is a set of `key: value` fields, such as provider: and terms:"
        raise ProjectError([*problems, source.problem((), message)])
    for key in data:
        if key in PROJECT_ONLY:
            message = {
                "profile": "a profile cannot name another profile",
                "format": "belongs in each project file; a profile has no format: line",
            }.get(key, "belongs in each project file, not in the profile")
            problems.append(source.problem((key,), message, prefer_key=True))
    if problems:
        raise ProjectError(problems)
    return data, source


def merge(profile_data: dict[str, Any], project_data: dict[str, Any]) -> dict[str, Any]:
    """The project's data over the profile's: mappings merge key by key (all the way down),
    lists and single values replace, and `null` in the project removes the profile's value."""
    merged = dict(profile_data)
    for key, value in project_data.items():
        inherited = merged.get(key)
        if value is None and key in merged:
            del merged[key]
        elif isinstance(inherited, dict) and isinstance(value, dict):
            merged[key] = merge(inherited, value)
        else:
            merged[key] = value
    return merged


def merge_sources(
    profile_source: SourceMap,
    project_source: SourceMap,
    profile_data: dict[str, Any],
    project_data: dict[str, Any],
) -> SourceMap:
    """One source map for the merged data: each value where it was written, in its own file."""
    merged = SourceMap(
        project_source.file,
        dict(project_source.values),
        dict(project_source.keys),
        dict(project_source.ends),
        dict(project_source.files),
        dict(project_source.also),
    )
    tables = (
        (profile_source.values, merged.values),
        (profile_source.keys, merged.keys),
        (profile_source.ends, merged.ends),
    )
    for theirs, ours in tables:
        for path, mark in theirs.items():
            if _inherited(path, profile_data, project_data):
                ours[path] = mark
                merged.files[path] = profile_source.file
    for path, (line, _column) in profile_source.keys.items():
        if path and _merged(path, profile_data, project_data):
            merged.also[path] = f"{profile_source.file}:{line}"
    return merged


def _inherited(path: DataPath, profile_data: Any, project_data: Any) -> bool:
    """Whether the value at `path` in the merged data is the profile's (see merge)."""
    mine, theirs = project_data, profile_data
    for part in path:
        if not isinstance(mine, dict) or not isinstance(theirs, dict):
            return False  # the project replaced this whole value
        if part not in mine:
            return True
        if mine[part] is None:
            return False  # removed by the project's null
        mine, theirs = mine[part], theirs[part]
    return False


def _merged(path: DataPath, profile_data: Any, project_data: Any) -> bool:
    """Whether `path` is a section both the profile and the project write (see merge)."""
    mine, theirs = project_data, profile_data
    for part in path:
        if not isinstance(mine, dict) or not isinstance(theirs, dict) or part not in mine:
            return False
        mine, theirs = mine[part], theirs[part]
    return isinstance(mine, dict) and isinstance(theirs, dict)


def with_profile(
    project_path: Path, name: str, data: Any, source: SourceMap, explicit: Path | None
) -> tuple[Any, SourceMap, Path | None]:
    """A project's data and source map merged with its profile's, and the profile's path."""
    chosen = _chosen(project_path, name, data, source, explicit)
    if chosen is None or not isinstance(data, dict):
        return data, source, None
    path, shown, named_by = chosen
    if not path.exists():
        if named_by == "profile:":
            missing = source.problem(("profile",), f"no such profile file: {shown}")
        else:
            missing = Problem(shown, None, None, "", f"no such profile file (named by {named_by})")
        raise ProjectError([missing])
    profile_data, profile_source = load_profile(path, shown)
    merged = merge(profile_data, data)
    return merged, merge_sources(profile_source, source, profile_data, data), path


def origins(source: SourceMap, data: dict[str, Any]) -> dict[str, str]:
    """Per top-level key of merged data, where it came from: the profile's file, the project's,
    or both (a mapping of the profile's with the project's fields over it)."""
    found = {}
    for key in data:
        inherited = source.file_of((key,))
        below = {
            source.file_of(path) for path in source.values if path[:1] == (key,) and len(path) > 1
        }
        if inherited != source.file:
            found[key] = f"from {inherited}"
        elif below - {source.file}:
            found[key] = f"from {source.file}, over {', '.join(sorted(below - {source.file}))}"
        else:
            found[key] = f"from {source.file}"
    return found


__all__ = [
    "PROFILE_ENV",
    "default_profile_path",
    "load_profile",
    "locate_profile",
    "merge",
    "merge_sources",
    "origins",
    "with_profile",
]
