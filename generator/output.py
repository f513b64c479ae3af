"""Files on disk: bounded reads of regular files only; all-or-nothing atomic writes."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import InputError, OutputExistsError

Status = Literal["written", "replaced", "unchanged"]


@dataclass(frozen=True)
class WriteResult:
    path: Path
    status: Status


class UnreadableFile(Exception):
    """A file that cannot be read as it stands: its message says why, in plain words."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Anything else (a folder, a pipe, a device such as /dev/zero) is refused without reading
    from it: the file is opened non-blocking, so that a pipe with no writer cannot hang us, and
    the size is checked before and while reading.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"{_kind_of(info.st_mode)}, not a file; give the path of a file")
        if info.st_size > limit:
            raise UnreadableFile(f"file is {info.st_size:,} bytes; the limit is {limit:,}")
        chunks = []
        remaining = limit + 1  # one byte more than allowed tells a file that grew meanwhile
        while remaining > 0:
            chunk = os.read(handle, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror}") from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > limit:
        raise UnreadableFile(f"file is over {limit:,} bytes, the limit")
    return data


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_files(files: Mapping[Path, bytes], *, force: bool = False) -> list[WriteResult]:
    """Write every file or none: conflicts are checked for all before the first byte is written,
    every file is written in full beside its target before the first is renamed into place,
    and a failure on the way puts back what was there (new files and folders removed, replaced
    files given their old bytes)."""
    before = {path: _existing(path) for path in files}
    conflicts = [
        path
        for path, data in files.items()
        if before[path] is not None and not force and before[path] != data
    ]
    if conflicts:
        names = "\n  ".join(str(path) for path in conflicts)
        raise OutputExistsError(
            f"these files already exist with different content; nothing was written:\n  {names}\n"
            "Use --force to replace them, or --out to write somewhere else."
        )
    changed = {path: data for path, data in files.items() if before[path] != data}
    _Transaction(before).write(changed)
    return [
        WriteResult(
            path,
            "unchanged"
            if path not in changed
            else ("written" if before[path] is None else "replaced"),
        )
        for path in files
    ]


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over: never half a file.
    A failure (no such folder, no permission, a full disk) is an InputError saying which, with
    the target as it was and no temporary file left."""
    before = _existing(path)
    _Transaction({path: before}).write({path: data})


def _existing(path: Path) -> bytes | None:
    """The bytes already at `path`, or None when nothing is there."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {_reason(exc, path)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder; choose another --out")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path} is {_kind_of(info.st_mode)}, not a file; choose another --out")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot write {path}: {_reason(exc, path)}") from None


@dataclass
class _Transaction:
    """Writes a set of files all or nothing, remembering what to undo."""

    before: Mapping[Path, bytes | None]
    folders: list[Path] = field(default_factory=list)  # made by us, parents first
    staged: dict[Path, str] = field(default_factory=dict)  # target -> temporary file
    renamed: list[Path] = field(default_factory=list)

    def write(self, files: Mapping[Path, bytes]) -> None:
        current = None
        try:
            for current, data in files.items():
                self.stage(current, data)
            for current, temporary in self.staged.items():
                os.replace(temporary, current)
                self.renamed.append(current)
        except OSError as exc:
            self.undo()
            if current is None:  # pragma: no cover - an error needs a file to write
                raise
            raise InputError(
                f"cannot write {current}; nothing was written: {_reason(exc, current)}"
            ) from None
        except BaseException:
            self.undo()
            raise

    def stage(self, path: Path, data: bytes) -> None:
        self.make_folder(path.parent)
        mode = _mode_for(path)
        # A short prefix: a long document name plus ours must stay within the 255 bytes a name
        # may have.
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name[:80]}.", suffix=".tmp"
        )
        self.staged[path] = temporary
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); a document gets the permissions any new file
        # would get, or keeps those of the file it replaces.
        os.chmod(temporary, mode)

    def make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.is_dir():
            if folder.exists() or folder.is_symlink():
                raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
            missing.append(folder)
            if folder.parent == folder:
                break
            folder = folder.parent
        for each in reversed(missing):
            try:
                each.mkdir()
            except FileExistsError:
                if not each.is_dir():
                    raise
                continue  # another process (a `due --render` worker) made it meanwhile: not ours
            self.folders.append(each)

    def undo(self) -> None:
        """Best effort: put back every file renamed, remove temporaries and our folders."""
        for path in self.renamed:
            old = self.before.get(path)
            with contextlib.suppress(OSError):
                if old is None:
                    path.unlink()
                else:
                    path.write_bytes(old)
        for path, temporary in self.staged.items():
            if path not in self.renamed:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
        for folder in reversed(self.folders):
            with contextlib.suppress(OSError):
                folder.rmdir()


def _reason(exc: OSError, path: Path) -> str:
    """What went wrong and what to do, in words a user can act on."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", None):
        return "the disk is full (or your quota is used up). Free some space and run it again"
    if code == errno.EROFS:
        return "the disk is read-only. Choose another folder with --out"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied. Choose a folder you can write to with --out"
    if code in (errno.ENOTDIR, errno.EEXIST):
        blocker = _file_in_the_way(path)
        if blocker is not None:
            return f"{blocker} is a file, not a folder. Choose another --out"
    if code == errno.ENAMETOOLONG:
        return "the name is too long for this disk. Choose a shorter --out"
    return exc.strerror or str(exc)


def _file_in_the_way(path: Path) -> Path | None:
    for folder in path.parents:
        if folder.exists() and not folder.is_dir():
            return folder
    return None


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
