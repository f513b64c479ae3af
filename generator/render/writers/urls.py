"""Where a URL or an e-mail address may break across lines: a URL after a `/`, an e-mail
address (or a piece of a URL too long for any column) after `.` or `@`."""

from __future__ import annotations

import itertools
import re

BREAK_AFTER = "/.@"
"""Not after "-": reportlab takes a line ending in "-" for its own hyphenation and drops the
hyphen when the word is put back together, which lost a letter of an address."""

LONGEST_PIECE = 24
"""Characters between two break places that still fit the narrowest column (30% of a page's
width at 8.5 pt, layout.MAX_MIN_SHARE)."""

_URL_LIKE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://\S+"  # with a scheme: https://…
    r"|www\.\S+"
    r"|mailto:\S+"
    r"|[^\s@/]+@[^\s@/]+\.[^\s@/]+"  # an e-mail address
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*)",  # a host and a path without a scheme
    re.IGNORECASE,
)
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def looks_like_url(word: str) -> bool:
    """Whether a word (no white space) is a URL or an e-mail address."""
    return _URL_LIKE.fullmatch(word) is not None


def break_positions(word: str) -> list[int]:
    """Indexes where a URL-like word may be cut (the head is word[:index]), in order.

    A URL breaks after a `/` of its path; only a piece between two of them that is too long
    for a narrow column (LONGEST_PIECE), or an address with no path (an e-mail address), also
    breaks after `.` or `@`. Never inside a run of them or the scheme ("https://" stays with
    the host, a trailing "/" with its word); none in a word that is no URL or e-mail address.
    """
    if not looks_like_url(word):
        return []
    # "https://" alone at the end of a line reads as a broken address: the scheme stays with
    # the host.
    scheme = _SCHEME.match(word)
    first = scheme.end() + 1 if scheme else 1
    allowed = [
        index
        for index in range(first, len(word))
        if word[index - 1] in BREAK_AFTER and word[index] not in BREAK_AFTER
    ]
    slashes = [index for index in allowed if word[index - 1] == "/"]
    if not slashes:
        return allowed  # an e-mail address or a host: its dots and "@" are all there is
    edges = [0, *slashes, len(word)]
    long_pieces = [(a, b) for a, b in itertools.pairwise(edges) if b - a > LONGEST_PIECE]
    return [
        index
        for index in allowed
        if word[index - 1] == "/" or any(a < index < b for a, b in long_pieces)
    ]


def split_pairs(word: str) -> list[tuple[str, str]] | None:
    """(head, tail) pairs for reportlab's line breaker, longest head first; None when the
    word is no URL (reportlab then treats it as any other word)."""
    positions = break_positions(word)
    pieces = [word[a:b] for a, b in zip([0, *positions], [*positions, len(word)], strict=True)]
    # reportlab never breaks the tail of a split again except at these places: a piece too
    # long for a narrow column would run out of it. Such a word is left to reportlab, which
    # then cuts it anywhere, but inside its column.
    if not positions or max(len(piece) for piece in pieces) > LONGEST_PIECE:
        return None
    return [(word[:index], word[index:]) for index in reversed(positions)]
