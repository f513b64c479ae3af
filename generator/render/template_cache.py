"""Compiled templates kept in the user's cache folder, so a new process need not compile them again.

Compiling the templates a document uses is most of the cost of filling them on a cold run
(about 15 ms of 18 for the scope checklist). Jinja checks each cached entry against the
template's source, its own bytecode format and the Python version, so an edited template or an
upgrade is simply compiled again. A cache that cannot be read or written is never an error:
the template is compiled as if there were none.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

SWITCH_OFF = "INWRITING_NO_CACHE"


def cache_folder() -> Path | None:
    """inwriting's folder in the platform's cache location, or None when switched off or when
    there is no home folder to put it in."""
    if os.environ.get(SWITCH_OFF):
        return None
    if sys.platform == "win32":
        base, fallback = os.environ.get("LOCALAPPDATA", ""), ("AppData", "Local")
    elif sys.platform == "darwin":
        base, fallback = "", ("Library", "Caches")
    else:  # the XDG spec: a relative XDG_CACHE_HOME is invalid and must be ignored
        base, fallback = os.environ.get("XDG_CACHE_HOME", ""), (".cache",)
    if os.path.isabs(base):
        return Path(base) / "inwriting"
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no password-file entry
        return None
    # Path("~") comes back when there is no home: never make a "~" folder in the working one.
    return home.joinpath(*fallback, "inwriting") if home.is_absolute() else None


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, made quiet: a damaged entry is recompiled, a failed write is skipped."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a truncated or foreign file: unpickling can fail in many ways
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        # Read-only or full disk: the template is compiled again next time.
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache(kind: str) -> TemplateCache | None:
    """The cache for one kind of environment; None when there is no usable cache folder.

    The sandbox compiles some operators differently, so sandboxed and plain environments
    keep separate folders; the Jinja version is in the name so an upgrade starts afresh."""
    folder = cache_folder()
    if folder is None:
        return None
    folder = folder / f"templates-jinja{jinja2.__version__}-{kind}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return TemplateCache(str(folder), "%s.cache")
