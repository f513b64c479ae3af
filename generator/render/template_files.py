"""The template files themselves: listing the built-ins and copying one out to customise."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..output import WriteResult, write_files
from ..suggest import did_you_mean
from .templating import builtin_templates_dir

SUFFIX = ".md.j2"


@dataclass(frozen=True)
class TemplateEntry:
    name: str
    origin: str


def _builtin_files() -> Iterator[tuple[str, Path]]:
    root = builtin_templates_dir()
    for path in sorted(root.rglob(f"*{SUFFIX}")):
        yield path.relative_to(root).as_posix(), path


def list_templates(user_dir: Path | None = None) -> list[TemplateEntry]:
    """Every built-in template, marked `override` where the user's folder has its own copy."""
    entries = []
    for name, _path in _builtin_files():
        overridden = user_dir is not None and (user_dir / name).is_file()
        entries.append(TemplateEntry(name, f"override in {user_dir}" if overridden else "built-in"))
    return entries


def eject(name: str, target_dir: Path | None, *, force: bool = False) -> list[WriteResult]:
    """Copy `en/scope` (one language) or `scope` (every language) into target_dir, by default
    `./templates`, unless that is the built-in folder itself (in a checkout of inwriting)."""
    wanted = name.removesuffix(SUFFIX)
    chosen = {
        relative: path
        for relative, path in _builtin_files()
        if relative.removesuffix(SUFFIX) == wanted
        or relative.split("/", 1)[-1].removesuffix(SUFFIX) == wanted
    }
    if not chosen:
        known = sorted({r.removesuffix(SUFFIX) for r, _ in _builtin_files()})
        kinds = sorted({k.split("/", 1)[-1] for k in known})
        hint = did_you_mean(wanted, [*known, *kinds])
        languages = sorted({k.split("/", 1)[0] for k in known})
        raise InputError(
            f"no built-in template {name!r}; {hint}known: {', '.join(kinds)}"
            f" (each in {', '.join(languages)}: en/scope, or scope for all)"
        )
    if target_dir is None:
        target_dir = Path("templates")
        if target_dir.resolve() == builtin_templates_dir().resolve():
            raise InputError(
                f"{target_dir.resolve()} holds inwriting's own built-in templates; "
                "pass --to DIR to say where your copy goes (e.g. --to my-templates)"
            )
    return write_files(
        {target_dir / relative: path.read_bytes() for relative, path in chosen.items()}, force=force
    )
