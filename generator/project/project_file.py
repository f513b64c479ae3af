"""Load a project file: YAML to the typed Project, with every problem located at file:line:col."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem, ProjectError
from .load import DataPath, SourceMap, format_path, read_yaml
from .model import Project

LETTER_JURISDICTIONS = frozenset({"US", "CA"})
"""Where Letter paper is the norm; everywhere else gets A4."""


@dataclass(frozen=True)
class LoadedProject:
    """A valid project with where it came from, for messages and relative paths."""

    project: Project
    path: Path
    source: SourceMap
    warnings: list[Problem] = field(default_factory=list)
    profile: Path | None = None
    """The profile file the project inherits from, if any (project/profile.py)."""

    def folder_of(self, path: DataPath) -> Path:
        """The folder of the file a value was written in, which its relative paths start from:
        the profile's for an inherited value, else the project file's."""
        inherited = self.source.file_of(path) != self.source.file
        return (self.profile if inherited and self.profile else self.path).parent

    @property
    def templates_dir(self) -> Path | None:
        """The template folder (`templates:`), relative to the file that names it."""
        if self.project.templates is None:
            return None
        return (self.folder_of(("templates",)) / self.project.templates).resolve()

    @property
    def paper(self) -> str:
        if self.project.paper is not None:
            return self.project.paper
        return "letter" if self.project.jurisdiction in LETTER_JURISDICTIONS else "a4"


def load_project(
    path: str | Path,
    *,
    display_name: str | None = None,
    allow_secrets: bool = False,
    profile: Path | None = None,
) -> LoadedProject:
    """Read and validate one project file, merged over its profile (`profile`, else the one
    the file names or the config folder's: project/profile.py); raise ProjectError listing
    every problem, each in the file it is in.

    A value that looks like a password, key or token is a problem unless `allow_secrets`.
    """
    from .profile import with_profile

    project_path = Path(path)
    name = display_name or str(path)
    data, source, problems = read_yaml(project_path, display_name=name)
    data, source, profile_path = with_profile(project_path, name, data, source, profile)
    if not allow_secrets:
        from .credentials import find_secrets

        problems += find_secrets(data, source)
    if not isinstance(data, dict):
        message = "a project file is a set of `key: value` fields, starting with format: 1"
        raise ProjectError([*problems, source.problem((), message)])
    try:
        project = Project.model_validate(data)
    except ValidationError as exc:
        # A value the loader refused was replaced by nothing; the model's complaint about
        # that nothing would only repeat the problem.
        reported = {problem.field for problem in problems}
        follow_ons = [p for p in _translate(exc, data, source) if p.field not in reported]
        raise ProjectError(_sorted([*problems, *follow_ons], name)) from None
    errors, warnings = check_rules(project, source)
    problems += errors
    loaded = LoadedProject(project, project_path, source, _sorted(warnings, name), profile_path)
    folder = loaded.templates_dir
    if folder is not None and not folder.is_dir():
        problems.append(source.problem(("templates",), f"no such folder: {folder}"))
    branding = project.branding
    if branding is not None:
        from .branding import file_problems

        problems += file_problems(
            branding.logo,
            branding.typeface,
            branding.font_file,
            lambda field: loaded.folder_of(("branding", field)),
            source,
        )
    if problems:
        raise ProjectError(_sorted(problems, name))
    return loaded


_STUB = {
    "format": "1",
    "client": {"name": "-"},
    "project": {"id": "-", "name": "-"},
    "scope": [{"id": "-", "title": "-"}],
}
"""What only a project gives, filled in so that a profile can be checked on its own."""


def check_profile(
    path: Path, *, display_name: str | None = None, allow_secrets: bool = False
) -> tuple[list[Problem], list[Problem]]:
    """The errors and warnings of a profile on its own: its values read as a project reads
    them. A field it leaves out is no problem here (the projects may give it)."""
    from .profile import load_profile, merge, merge_sources

    name = display_name or str(path)
    data, profile_source = load_profile(path, name)
    merged = merge(data, _STUB)
    source = merge_sources(profile_source, SourceMap(""), data, _STUB)
    errors: list[Problem] = []
    if not allow_secrets:
        from .credentials import find_secrets

        errors += find_secrets(data, profile_source)
    warnings: list[Problem] = []
    try:
        project = Project.model_validate(merged)
    except ValidationError as exc:
        errors += _translate(exc, merged, source)
    else:
        found, warnings = check_rules(project, source)
        errors += found

    def own(problems: list[Problem]) -> list[Problem]:
        kept = (p for p in problems if p.file == name and p.message != "required field is missing")
        return _sorted(kept, name)

    return own(errors), own(warnings)


def _sorted(problems: Iterable[Problem], primary: str) -> list[Problem]:
    """In line order, the project file's first, then the profile's."""
    unique = {
        (p.file != primary, p.file, p.line or 0, p.column or 0, p.field, p.message): p
        for p in problems
    }
    return [unique[key] for key in sorted(unique)]


def _translate(exc: ValidationError, data: Any, source: SourceMap) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        path = _data_path(data, error["loc"])
        kind = error["type"]
        if kind == "missing":
            path = (*path, *_missing_key(error["loc"], path))
            problems.append(source.problem(path, "required field is missing", prefer_key=True))
        elif kind == "extra_forbidden":
            problems.append(source.problem(path, _unknown_field(path), prefer_key=True))
        else:
            problems.append(source.problem(path, _message(kind, error)))
    return problems


translate_errors = _translate
"""pydantic's errors as problems at their line (also for the user's rates file)."""


def _data_path(data: Any, loc: tuple[int | str, ...]) -> DataPath:
    """Keep the parts of pydantic's loc that name real keys and indexes (drop union tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_mapping or in_list:
            node = node[part]
            path.append(part)
    return tuple(path)


def _missing_key(loc: tuple[int | str, ...], found: DataPath) -> DataPath:
    # The last element of loc is the missing key itself; it is not in the data by definition.
    last = loc[-1] if loc else None
    return (last,) if isinstance(last, str) and (not found or found[-1] != last) else ()


def _unknown_field(path: DataPath) -> str:
    import difflib  # only needed when a file has a typo

    key = str(path[-1])
    known = _fields_at(Project, path[:-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"unknown field; did you mean {close[0]}?"
    if known:
        return f"unknown field; expected one of: {', '.join(known)}"
    return "unknown field"


def _fields_at(model: type[BaseModel], path: DataPath) -> list[str]:
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info else None
    return list(current.model_fields) if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


_TYPE_MESSAGES = {
    "model_type": "expected a section of `key: value` fields",
    "model_attributes_type": "expected a section of `key: value` fields",
    "dict_type": "expected a section of `key: value` fields",
    "list_type": "expected a list (lines starting with `- `)",
    "string_type": "expected text",
    "too_short": "needs at least one entry",
}


def _message(kind: str, error: Any) -> str:
    if kind in _TYPE_MESSAGES:
        return _TYPE_MESSAGES[kind]
    if kind == "literal_error":
        expected = re.sub(r"'([^']*)'", r"\1", error["ctx"]["expected"])
        if expected == "1":
            return f"this version of inwriting reads format 1 (found {_shown(error['input'])})"
        return f"expected {expected} (found {_shown(error['input'])})"
    return str(error["msg"])


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a section of fields"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else str(value)


def check_rules(project: Project, source: SourceMap) -> tuple[list[Problem], list[Problem]]:
    """Rules that span fields, which the types alone cannot say. Returns (errors, warnings)."""
    # Imported here so that `inwriting --help` never pays for Babel.
    from .rules import project_rules

    errors: list[Problem] = []
    warnings: list[Problem] = []
    for finding in project_rules(project):
        target = warnings if finding.warning else errors
        target.append(source.problem(finding.path, finding.message, prefer_key=finding.at_key))
    return errors, warnings


__all__ = ["LoadedProject", "check_profile", "format_path", "load_project"]
