"""Text fields as written, refused when empty or not an e-mail address; how messages quote."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError


def _text(value: Any) -> Any:
    # The loader hands over every scalar as the text written; refuse sections and lists here
    # with a message a non-programmer can act on.
    if isinstance(value, (dict, list)):
        raise PydanticCustomError("text", "expected text, found a {kind}", {"kind": _kind(value)})
    return value


def _filled(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text", "is empty; write the text or remove the field")
    return value


# RFC 5322's dot-atom: what may stand before the @ without quotes (RFC 6531 adds any letter).
_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\x80-\U0010ffff-]+")


_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)", re.ASCII)


def _email_address(value: str) -> str:
    """A mailbox address name@example.com; letters of any language allowed (IDN domains).
    Refused here, at its line, rather than by the e-mail draft long after `check` said ok."""
    text = value.strip()
    local, _, domain = text.rpartition("@")
    if (
        len(text) <= 254
        and not any(char.isspace() for char in text)
        and local
        and all(_ATEXT.fullmatch(atom) for atom in local.split("."))
        and "." in domain
        and all(_LABEL.fullmatch(label) for label in _ascii_domain(domain).split("."))
    ):
        return text
    raise PydanticCustomError(
        "email",
        "not an e-mail address ({value}); write one address like name@example.com",
        {"value": show(value)},
    )


def _ascii_domain(domain: str) -> str:
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return "-"  # no ASCII form: refused by the label pattern


def show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return f"a {_kind(value)}"
    text = "empty" if value is None else str(value)
    length = len(text)
    text = text.translate({10: "\\n", 13: "\\r", 9: "\\t"})  # one message, one line
    # A message quotes the value; one of thousands of characters would bury the message.
    return text if len(text) <= 40 else f"{text[:20]}… ({length:,} characters)"


def _kind(value: Any) -> str:
    return "list" if isinstance(value, list) else "section of fields"


# Text accepts what YAML calls numbers (an invoice number 7, an account 4080…): the loader
# keeps the digits as written, and editors using the schema should not flag them.
_TEXT_SCHEMA = WithJsonSchema({"type": ["string", "number"]})


Text = Annotated[str, BeforeValidator(_text), AfterValidator(_filled), _TEXT_SCHEMA]


OptionalText = Annotated[str, BeforeValidator(_text), _TEXT_SCHEMA]


EmailAddress = Annotated[str, BeforeValidator(_text), AfterValidator(_email_address), _TEXT_SCHEMA]
