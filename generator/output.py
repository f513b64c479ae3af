"""Writing documents to disk: atomically, and never over a different file without --force."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import InputError, OutputExistsError

Status = Literal["written", "replaced", "unchanged"]


@dataclass(frozen=True)
class WriteResult:
    path: Path
    status: Status


def write_files(files: Mapping[Path, bytes], *, force: bool = False) -> list[WriteResult]:
    """Write every file or none: conflicts are checked for all before the first byte is written."""
    conflicts = []
    for path, data in files.items():
        if path.is_dir():
            raise InputError(f"{path} is a folder; choose another --out")
        if path.exists() and not force and path.read_bytes() != data:
            conflicts.append(path)
    if conflicts:
        names = "\n  ".join(str(path) for path in conflicts)
        raise OutputExistsError(
            f"these files already exist with different content; nothing was written:\n  {names}\n"
            "Use --force to replace them, or --out to write somewhere else."
        )
    results = []
    for path, data in files.items():
        if path.exists() and path.read_bytes() == data:
            results.append(WriteResult(path, "unchanged"))
            continue
        existed = path.exists()
        atomic_write(path, data)
        results.append(WriteResult(path, "replaced" if existed else "written"))
    return results


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); a document gets the permissions any new file
        # would get, or keeps those of the file it replaces.
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
