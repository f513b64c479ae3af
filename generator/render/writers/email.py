"""E-mail draft writer: an .eml with a short cover note as plain text, the letter's PDF attached.

Thunderbird, Outlook and Apple Mail open it as a message ready to send (`X-Unsent: 1`).
The same document and addresses always give the same bytes: the date is the one given (the
pipeline's: 09:00 on the `--as-of` day in the sender's time zone), the MIME boundary and
Message-ID from a hash of the content. Headers are built by the standard library's `email`
package, so no name or title can add a header: line breaks in them become spaces, and quotes,
commas, `<>` and non-ASCII letters are quoted or encoded as the RFCs say.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from ...errors import InputError
from .. import docmodel as dm

WIDTH = 76


@dataclass(frozen=True)
class Mailbox:
    name: str
    address: str | None


def write_email(
    document: dm.Document,
    *,
    sender: Mailbox,
    recipient: Mailbox,
    sent: dt.datetime,
    attachment_name: str,
    pdf: bytes,
    cover: dm.Document | None = None,
) -> bytes:
    """An e-mail draft with `pdf` (the document) attached, dated `sent` (an aware datetime).
    Its text is `cover`, the short note that carries the letter; without one, the document."""
    body = plain_text(cover if cover is not None else document)
    digest = hashlib.sha256(body.encode() + pdf).hexdigest()
    sender_address, recipient_address = _address(sender), _address(recipient)
    # An address with non-ASCII letters before the @ has no ASCII form: such a message is
    # written as RFC 6532 UTF-8 headers, which every current mail program reads.
    utf8 = not all(a.username.isascii() for a in (sender_address, recipient_address))
    message = EmailMessage(policy=policy.SMTPUTF8 if utf8 else policy.SMTP)
    message["From"] = sender_address
    message["To"] = recipient_address
    message["Subject"] = _one_line(document.meta.subject or document.meta.title)
    if sent.utcoffset() is None:
        raise ValueError("an e-mail's date needs its time zone")
    message["Date"] = format_datetime(sent)
    message["Message-ID"] = f"<{digest[:32]}@{sender_address.domain or 'inwriting.invalid'}>"
    message["X-Unsent"] = "1"
    message.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=attachment_name)
    message.set_boundary(f"==inwriting-{digest[32:56]}==")
    return message.as_bytes()


# Line breaks and other control characters a header value must not hold (a CR or LF would
# start a new header), with the spaces around them; the escaper's U+000B is a line break in data.
_BREAKS = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029][\s\x00-\x1f\x7f-\x9f]*")


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", text)


def _address(mailbox: Mailbox) -> Address:
    """The mailbox as a header address; the domain in its ASCII (IDNA) form."""
    name = _one_line(mailbox.name)
    if not mailbox.address:
        return Address(display_name=name)
    username, _, domain = mailbox.address.strip().rpartition("@")
    try:
        if not username or not domain or _BREAKS.search(username + domain) or " " in domain:
            raise ValueError("no single name@domain")
        if not domain.isascii():
            domain = domain.encode("idna").decode("ascii")
        return Address(display_name=name, username=username, domain=domain)
    except (ValueError, UnicodeError):
        raise InputError(
            f"not an e-mail address: {mailbox.address!r}; write it like name@example.com"
        ) from None


def plain_text(document: dm.Document) -> str:
    """Readable plain text: headings underlined, tables as indented lines, signatures as rules.
    A letterhead (a letter's head, or side-by-side blocks before the first heading) is left
    out: the e-mail's own From, To, Date and Subject say the same."""
    blocks = list(document.blocks)
    while blocks and (
        isinstance(blocks[0], dm.Columns) or (isinstance(blocks[0], dm.Keep) and blocks[0].head)
    ):
        blocks.pop(0)
    return "\n\n".join(text for text in _blocks(blocks) if text).rstrip() + "\n"


def _blocks(blocks: Iterable[dm.Block]) -> Iterable[str]:
    for block in blocks:
        yield _block(block)


def _block(block: dm.Block) -> str:
    if isinstance(block, dm.Heading):
        text = _inline(block.content)
        return (
            f"{text}\n{('=' if block.level == 1 else '-') * len(text)}"
            if block.level <= 2
            else text.upper()
        )
    if isinstance(block, dm.Paragraph):
        return _wrap(_inline(block.content))
    if isinstance(block, dm.ListBlock):
        lines = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}." if block.ordered else "-"
            if item.checkbox is not None:
                marker = "[x]" if item.checkbox.checked else "[ ]"
            # Wrap the item's text once, with its indent: wrapping wrapped paragraphs again
            # would leave one-word lines.
            body = "\n".join(
                _inline(inner.content) if isinstance(inner, dm.Paragraph) else _block(inner)
                for inner in item.blocks
            )
            lines.append(_wrap(body, first=f"{marker} ", rest=" " * (len(marker) + 1)))
        return "\n".join(lines)
    if isinstance(block, dm.Table):
        headers = [_inline(cell.content) for cell in block.header]
        rows = []
        for row in block.rows:
            cells = [_inline(cell.content).replace("\n", " ") for cell in row]
            first = row[0].content if row else ()
            if first and all(isinstance(i, dm.Run) and i.bold for i in first):
                # A totals row: its own label, then its figures.
                rows.append(
                    "  " + ": ".join(c for c in (cells[0], " ".join(cells[1:]).strip()) if c)
                )
                continue
            named = [h not in ("", "[ ]", "[x]") for h in headers]  # a checkbox column has no name
            pairs = [f"{h}: {c}" for h, c, n in zip(headers, cells, named, strict=False) if c and n]
            unlabelled = [c for c, n in zip(cells, named, strict=False) if c and not n]
            rows.append("  " + " · ".join(unlabelled + pairs))
        return "\n".join(rows)
    if isinstance(block, dm.Columns):
        return "\n\n".join("\n\n".join(_blocks(column)) for column in block.columns)
    if isinstance(block, dm.Signature):
        parts = []
        for party in block.parties:
            lines = list(_blocks(party.heading))
            lines += [f"{_inline(f.label)}: {_inline(f.value) or '_' * 24}" for f in party.fields]
            parts.append("\n".join(lines))
        return "\n\n".join(parts)
    if isinstance(block, dm.Chart) and not block.bars:
        return ""
    if isinstance(block, dm.Chart):
        lines = [f"  {label}: {value:g} {block.unit}" for label, value in block.bars]
        return "\n".join([block.title, *lines])
    if isinstance(block, dm.QrCode):
        return block.text
    if isinstance(block, dm.Keep):
        return "\n\n".join(_blocks(block.blocks))
    if isinstance(block, dm.Quote):
        return "\n".join(f"> {line}" for line in "\n\n".join(_blocks(block.blocks)).split("\n"))
    return ""


def _inline(content: Iterable[dm.Inline]) -> str:
    parts = []
    for inline in content:
        if isinstance(inline, dm.Break):
            parts.append("\n")
        elif isinstance(inline, dm.Checkbox):
            parts.append("[x]" if inline.checked else "[ ]")
        else:
            parts.append(inline.text)
    return "".join(parts)


def _wrap(text: str, *, first: str = "", rest: str = "") -> str:
    lines = []
    for index, line in enumerate(text.split("\n")):
        lines.append(
            textwrap.fill(
                line,
                WIDTH,
                initial_indent=first if index == 0 else rest,
                subsequent_indent=rest,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or (first if index == 0 else rest).rstrip()
        )
    return "\n".join(lines)
