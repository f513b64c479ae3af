"""The secrets guard: a password, key or token in a project file is refused, never printed.

A project file is copied, e-mailed and printed into documents sent to clients, so nothing in it
may be a credential. Values are checked for credential keywords in the five languages (as the
field name, or as `keyword: value` inside a text), for the shapes of well-known secret keys,
and for long random-looking tokens. The error names the field and never shows the value.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..errors import Problem
from .load import DataPath, SourceMap

KEYWORDS = (
    # en, sv, da, no, fi, ru, and the short forms people type
    "password", "passwd", "passcode", "pwd", "pin", "pin code", "pin-code",
    "lösenord", "losenord", "pinkod", "pin-kod",
    "adgangskode", "kodeord", "pinkode",
    "passord",
    "salasana", "tunnussana", "pin-koodi", "pin-luku",
    "пароль", "пин-код", "пин",
    "api key", "api_key", "apikey", "secret", "secret key", "access token", "token",
)  # fmt: skip
_KEYWORD = "|".join(re.escape(word).replace(r"\ ", r"[ _-]?") for word in KEYWORDS)
# A keyword as a whole field name (or its last part: smtp_password, admin-pin).
_FIELD = re.compile(rf"(?:^|[_\-. ])(?:{_KEYWORD})$", re.IGNORECASE)
# A keyword followed by ":" or "=" and a value inside free text: "Login: jo / Password: x7!".
_IN_TEXT = re.compile(rf"(?<![\w])(?:{_KEYWORD})\s*[:=]\s*\S", re.IGNORECASE)

PATTERNS = {
    "a private key (PEM)": re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"),
    "a cloud access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "a Google API key": re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    "a payment-provider secret key": re.compile(r"\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b"),
    "a GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "a Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    "a signed web token (JWT)": re.compile(
        r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
    ),
}
_TOKEN = re.compile(r"[A-Za-z0-9+/=_\-]{32,}")
ENTROPY_BITS = 4.5
"""Bits per character above which a long word looks random: hex digests (at most 4 bits) and
words do not reach it; base64 and random API tokens do."""


def find_secrets(data: Any, source: SourceMap) -> list[Problem]:
    """Every value in the raw project data that looks like a credential, located and masked."""
    advice = (
        "never store credentials in the project file (the value is not shown); remove it, "
        "or pass --allow-secrets if it is not one"
    )
    return [
        source.problem(path, f"looks like {what}: {advice}") for path, what in _suspects(data, ())
    ]


def _suspects(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _suspects(item, (*path, key))
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _suspects(item, (*path, index))
        return
    if not isinstance(value, str) or not value.strip():
        return
    name = next((part for part in reversed(path) if isinstance(part, str)), "")
    if _FIELD.search(name.replace("_", " ")) or _FIELD.search(name):
        yield path, f"a credential (the field is called {name})"
        return
    reason = classify(value)
    if reason is not None:
        yield path, reason


def classify(text: str) -> str | None:
    """Why `text` looks like a credential, or None."""
    keyword = _IN_TEXT.search(text)
    if keyword is not None:
        word = re.split("[:=]", keyword.group())[0].strip()
        return f'a password or key written after "{word}"'
    for what, pattern in PATTERNS.items():
        if pattern.search(text):
            return what
    for token in _TOKEN.findall(text):
        if _looks_random(token):
            return "a long random token"
    return None


def _looks_random(token: str) -> bool:
    if not (any(c.isdigit() for c in token) and any(c.isalpha() for c in token)):
        return False
    counts = Counter(token)
    entropy = -sum(n / len(token) * math.log2(n / len(token)) for n in counts.values())
    return entropy > ENTROPY_BITS
