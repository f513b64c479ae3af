"""A helper process that loads a writer while the main process reads the project, then writes.

A cold `inwriting scope` spends most of its time importing libraries: pydantic, Babel, Jinja and
markdown-it to read the project and build the document; reportlab and the fonts to write the
PDF. The two don't depend on each other until the document exists, so on a machine with two
cores a forked helper loads the PDF writer meanwhile, then writes the PDF while the main process
writes the DOCX. A helper only returns bytes: every file is still written by the main process,
all or nothing. Where it can't help (no fork, one core, threads running, INWRITING_SINGLE_PROCESS
set) there is none and everything runs in one process, with the same bytes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from ...startup import settle
from . import writer_for

if TYPE_CHECKING:
    from ..docmodel import Document
    from . import WriterOptions

SWITCH_OFF = "INWRITING_SINGLE_PROCESS"


class WriterHelper:
    """The main process's handle on one helper: submit a document, collect its bytes later."""

    def __init__(self, format_name: str, pid: int, requests: IO[bytes], replies: IO[bytes]):
        self._format = format_name
        self._pid = pid
        self._requests = requests
        self._replies = replies
        self._unread = 0

    @classmethod
    def start(cls, format_name: str) -> WriterHelper | None:
        """Fork a helper for a format, or None where it would not make things faster."""
        if not _worth_forking():
            return None
        # Whatever sits in our output buffers would otherwise be written twice.
        sys.stdout.flush()
        sys.stderr.flush()
        request_read, request_write = os.pipe()
        reply_read, reply_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper
            os.close(request_write)
            os.close(reply_read)
            status = 1
            try:
                _serve(format_name, os.fdopen(request_read, "rb"), os.fdopen(reply_write, "wb"))
                status = 0
            finally:
                # Never return into the parent's code (Click, atexit handlers, buffers).
                os._exit(status)
        os.close(request_read)
        os.close(reply_write)
        return cls(format_name, pid, os.fdopen(request_write, "wb"), os.fdopen(reply_read, "rb"))

    def submit(self, document: Document, options: WriterOptions) -> Callable[[], bytes]:
        """Send a document to the helper; the returned function waits for its bytes.

        If the helper failed or is gone, the document is written here instead, so a bad one
        raises the same error it would without a helper."""
        self._discard_unread()
        try:
            pickle.dump((document, options), self._requests, pickle.HIGHEST_PROTOCOL)
            self._requests.flush()
            self._unread += 1
        except OSError:
            return lambda: self._write_here(document, options)

        def result() -> bytes:
            reply = self._read_reply()
            return reply if reply is not None else self._write_here(document, options)

        return result

    def close(self) -> None:
        """End the helper. It holds nothing but its own memory and never writes a file, so it is
        stopped at once: a command that failed early doesn't wait for it to finish loading."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        for stream in (self._requests, self._replies):
            with contextlib.suppress(OSError):
                stream.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)

    def _read_reply(self) -> bytes | None:
        if self._unread == 0:
            return None
        self._unread -= 1
        try:
            reply = pickle.load(self._replies)
        except (EOFError, OSError, pickle.UnpicklingError):
            return None
        return reply if isinstance(reply, bytes) else None

    def _write_here(self, document: Document, options: WriterOptions) -> bytes:
        return writer_for(self._format)(document, options)

    def _discard_unread(self) -> None:
        # A reply nobody waited for (its caller failed) must not be taken for the next one.
        while self._unread:
            self._read_reply()


def _worth_forking() -> bool:
    if os.environ.get(SWITCH_OFF) or not sys.platform.startswith("linux"):
        return False
    if len(os.sched_getaffinity(0)) < 2:
        return False
    # Forking a process with running threads can deadlock the child.
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _serve(format_name: str, requests: IO[bytes], replies: IO[bytes]) -> None:
    """A helper's life: load the writer (and fonts), then write each document sent until EOF."""
    write = writer_for(format_name)
    if format_name == "pdf":
        from .fonts import register_fonts

        register_fonts(italic=False)
    settle()  # loaded: the garbage collector back to normal for the work (startup.py)
    while True:
        try:
            document, options = pickle.load(requests)
        except EOFError:
            return
        try:
            reply: bytes | None = write(document, options)
        except Exception:  # the parent writes it again and reports the error itself
            reply = None
        pickle.dump(reply, replies, pickle.HIGHEST_PROTOCOL)
        replies.flush()
