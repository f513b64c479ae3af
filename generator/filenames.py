"""File names that are safe on every file system (Windows, macOS, Linux, cloud drives)."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^\w.-]+")
_WINDOWS_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?", re.IGNORECASE)
MAX_STEM = 80


def safe_stem(text: str, fallback: str = "project") -> str:
    """A project id as a file-name stem: letters, digits, `.`, `-`, `_`; nothing reserved."""
    stem = unicodedata.normalize("NFC", text)
    stem = _UNSAFE.sub("-", stem)
    stem = (
        re.sub(r"\.{2,}", ".", re.sub(r"-{2,}", "-", stem)).strip(".-_ ")[:MAX_STEM].strip(".-_ ")
    )
    if not stem:
        return fallback
    if _WINDOWS_RESERVED.fullmatch(stem):
        stem = f"_{stem}"
    return stem
