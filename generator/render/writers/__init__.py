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
class Brand:
    """A letterhead's look, the same in PDF and DOCX: the logo's bytes (PNG or JPEG), the
    accent colour (#RRGGBB), a shipped typeface by name or a font file's path (with the
    family name a word processor knows it by), and the legal footer under every page."""

    logo: bytes | None = None
    accent: str | None = None
    typeface: str | None = None
    font_file: str | None = None
    font_name: str | None = None
    legal: str = ""


@dataclass(frozen=True)
class WriterOptions:
    """What a writer needs beyond the document: paper, the date stamped in metadata, and
    the branding (None: the look of a document without a `branding` section)."""

    paper: str = "a4"
    as_of: dt.date = dt.date(2000, 1, 1)
    brand: Brand | None = None


Writer = Callable[[Document, WriterOptions], bytes]


def writer_for(format_name: str) -> Writer:
    """The writer of a format, imported on first use so the CLI starts fast."""
    if format_name not in _MODULES:
        raise ValueError(f"no plain writer for format {format_name!r}")
    module = importlib.import_module(f"{__name__}.{_MODULES[format_name]}")
    write: Writer = module.write
    return write
