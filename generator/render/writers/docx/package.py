"""The DOCX package: core properties, no thumbnail, and the same bytes for the same input."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import IO, Any

from docx.opc.pkgwriter import PackageWriter

from ... import docmodel as dm
from .theme import LANGUAGE_TAGS

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def set_properties(word: Any, meta: dm.DocumentMeta, as_of: dt.date) -> None:
    """Every core property, from the document's metadata and the date it was made for."""
    # Every property set explicitly: the default template says "python-docx" and 2013.
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.timezone.utc)
    properties = word.core_properties
    properties.title = meta.title
    properties.subject = meta.subject
    properties.author = meta.author
    properties.last_modified_by = meta.author
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = LANGUAGE_TAGS.get(meta.language, meta.language)
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1


def drop_thumbnail(word: Any) -> None:
    """The default template's thumbnail of an empty page removed; a viewer would show it."""
    package = word.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype.endswith("/thumbnail"):
            del package.rels[key]


class _FixedTimeZipWriter:
    """python-docx's package writer interface, with fixed timestamps and attributes in every
    entry, so that equal input gives equal bytes (the stock writer stamps the current time)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=FIXED_ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.create_system = 0
        entry.external_attr = 0
        self._zip.writestr(entry, blob)

    def close(self) -> None:
        self._zip.close()


def save(word: Any) -> bytes:
    """The package's bytes, written once."""
    # The steps of python-docx's OpcPackage.save and PackageWriter.write, with our zip writer:
    # one pass, instead of saving and then rewriting the whole archive.
    package = word.part.package
    for part in package.parts:
        part.before_marshal()
    buffer = io.BytesIO()
    writer = _FixedTimeZipWriter(buffer)
    # These static steps are python-docx's own; they are untyped, and take any object with
    # write(pack_uri, blob) as the physical writer.
    PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
    writer.close()
    return buffer.getvalue()
