"""Digital signatures on finished PDFs with pyHanko: apply one, and check each one found."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..output import UnreadableFile, atomic_write, read_regular_file

MAX_PDF_BYTES = 50 * 1024 * 1024
"""The largest PDF sign-pdf and verify read: a signed contract is well under a megabyte; a
bigger file is read whole into memory and parsed, so past this it is refused first."""
MAX_KEY_BYTES = 1024 * 1024
"""A .p12 or certificate file is a few kilobytes."""

# What pyHanko's change analysis found after a signature, in words. Filling in the form,
# including the other party's signature, is what a signed form is for; anything else is not.
LATER_CHANGES = {
    "NONE": "nothing",
    "LTA_UPDATES": "validation data only",
    "FORM_FILLING": "form fields filled in or signed",
    "ANNOTATIONS": "comments or markup added",
    "OTHER": "the content was changed",
}
ALLOWED_AFTER_SIGNING = {"NONE", "LTA_UPDATES", "FORM_FILLING"}


@dataclass(frozen=True)
class SignatureReport:
    """One signature in a PDF: who signed, when, and whether the document changed since."""

    field: str
    signer: str
    signed_at: str
    intact: bool  # the signed bytes are exactly as they were signed
    trusted: bool  # the certificate chains to a trust root we were given
    unchanged: bool  # nothing but signatures and time stamps was added after signing
    changes: str  # what was added after signing, in words

    @property
    def ok(self) -> bool:
        return self.intact and self.unchanged


def sign_pdf(
    path: Path, p12: Path, *, passphrase: str | None, out: Path, field: str | None = None
) -> str:
    """Sign `path` with the key in `p12` and write the result to `out`; returns the field name."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    _quiet()
    key_data = _read(p12, MAX_KEY_BYTES)
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            key_data, (), passphrase=passphrase.encode("utf-8") if passphrase else None
        )
    except Exception:  # wrong passphrase, not PKCS#12, a key it cannot use: one message
        signer = None
    if signer is None:
        raise InputError(
            f"{p12}: cannot open the certificate (wrong passphrase or not a .p12 file)"
        )
    data = _read_pdf(path)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        name = field or _free_field_name(writer)
        result = signers.sign_pdf(
            writer, signers.PdfSignatureMetadata(field_name=name), signer=signer
        )
    except Exception as exc:  # pyHanko raises many kinds for a damaged or locked PDF
        raise InputError(f"{path}: cannot sign this PDF: {exc}") from None
    atomic_write(out, result.getvalue())
    return name


def verify_pdf(path: Path, trust: list[Path] | None = None) -> list[SignatureReport]:
    """Every signature in the PDF with its integrity, trust and later changes."""
    import logging

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    # pyHanko logs a full traceback for every certificate it cannot trust; the report says it.
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    data = _read_pdf(path)
    roots = [root for item in trust or [] for root in _load_certificates(item)]
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception as exc:
        raise InputError(f"{path}: cannot read this PDF: {exc}") from None
    reports = []
    for signature in signatures:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status = validate_pdf_signature(signature, context)
        except Exception as exc:
            problem = f"cannot be checked: {exc}"
            reports.append(
                SignatureReport(signature.field_name, "?", "?", False, False, False, problem)
            )
            continue
        level = status.modification_level.name if status.modification_level else "OTHER"
        reports.append(
            SignatureReport(
                field=signature.field_name,
                signer=_common_name(status.signing_cert.subject),
                signed_at=str(status.signer_reported_dt or "not stated"),
                intact=bool(status.intact and status.valid),
                trusted=bool(status.trusted),
                unchanged=level in ALLOWED_AFTER_SIGNING,
                changes=LATER_CHANGES[level],
            )
        )
    return reports


def _quiet() -> None:
    """pyHanko logs a full traceback for a wrong passphrase or an untrusted certificate; we say
    what went wrong in one line instead."""
    import logging

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _common_name(subject: Any) -> str:
    return str(subject.native.get("common_name") or subject.human_friendly)


# How every complete PDF ends (each incremental update, such as a signature, ends so again).
# pyHanko looks for it one byte at a time backwards from the end, which on a file that lacks it
# takes minutes and gigabytes: look in the last kilobyte first, as PDF readers do.
_PDF_END = re.compile(rb"startxref\s+\d{1,20}\s+%%EOF")


def _read_pdf(path: Path) -> bytes:
    data = _read(path, MAX_PDF_BYTES)
    if not data.startswith(b"%PDF-"):
        raise InputError(f"{path}: not a PDF file")
    if not _PDF_END.search(data[-1024:]):
        raise InputError(f"{path}: not a complete PDF: the end is missing (cut short or damaged)")
    return data


def _read(path: Path, limit: int) -> bytes:
    try:
        return read_regular_file(path, limit)
    except UnreadableFile as exc:
        raise InputError(f"{path}: {exc}") from None


def _free_field_name(writer: object) -> str:
    """The first empty signature field (inwriting's PDFs have one per party, the provider
    first), or a new invisible one."""
    from pyhanko.sign.fields import enumerate_sig_fields

    fields = list(enumerate_sig_fields(writer))  # type: ignore[arg-type]
    empty = [name for name, value, _ in fields if value is None]
    if empty:
        return str(empty[0])
    taken = {name for name, _, _ in fields}
    number = 1
    while f"Signature{number}" in taken:
        number += 1
    return f"Signature{number}"


def _load_certificates(path: Path) -> list[object]:
    """The certificates in a PEM or DER file (a PEM file may hold several)."""
    from pyhanko.keys import load_certs_from_pemder_data

    data = _read(path, MAX_KEY_BYTES)
    try:
        certificates = list(load_certs_from_pemder_data(data))
    except Exception as exc:
        raise InputError(f"{path}: not a certificate (PEM or DER): {exc}") from None
    if not certificates:
        raise InputError(f"{path}: not a certificate (PEM or DER): no certificate in it")
    return certificates
