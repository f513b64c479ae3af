"""Writers: one module per output format, each `write(document, options) -> bytes`."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ..docmodel import Document

_MODULES = {"pdf": "pdf", "docx": "docx", "md": "text"}
FORMATS = (*_MODULES, "eml")
"""Every format a document can be written in, in the order files are written. An e-mail
draft (eml) is built from the document and its PDF, by writers/email.py."""


@dataclass(frozen=True)
class WriterOptions:
    """What a writer needs beyond the document: paper, and the date stamped in metadata."""

    paper: str = "a4"
    as_of: dt.date = dt.date(2000, 1, 1)


Writer = Callable[[Document, WriterOptions], bytes]


def writer_for(format_name: str) -> Writer:
    """The writer of a format, imported on first use so the CLI starts fast."""
    if format_name not in _MODULES:
        raise ValueError(f"no plain writer for format {format_name!r}")
    module = importlib.import_module(f"{__name__}.{_MODULES[format_name]}")
    write: Writer = module.write
    return write
