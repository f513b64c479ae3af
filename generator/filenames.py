"""File names that are safe on every file system, mail attachment and upload form: plain ASCII."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_WINDOWS_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?", re.IGNORECASE)
MAX_STEM = 80


def safe_stem(text: str, fallback: str = "project") -> str:
    """A project id or invoice number as a file-name stem: ASCII letters, digits, `.`, `-`, `_`,
    nothing reserved. Other scripts are transliterated (`СЧ-2026-071` → `SCh-2026-071`,
    `ÄB-2` → `AB-2`), so that no mail program or upload form mangles the name."""
    stem = anyascii(unicodedata.normalize("NFC", text))
    stem = _UNSAFE.sub("-", stem)
    stem = (
        re.sub(r"\.{2,}", ".", re.sub(r"-{2,}", "-", stem)).strip(".-_ ")[:MAX_STEM].strip(".-_ ")
    )
    if not stem:
        return fallback
    if _WINDOWS_RESERVED.fullmatch(stem):
        stem = f"_{stem}"
    return stem
