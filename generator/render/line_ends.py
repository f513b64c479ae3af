"""A template line that is a list item, table row or heading keeps its line end after a tag.

The environment trims the newline after every block tag (`trim_blocks`), so that a line holding
only `{% if %}` or `{% endfor %}` leaves nothing behind. The same rule also eats the newline
after a tag that *ends* a line of text: `- {{ name }}{% if notes %}: {{ notes }}{% endif %}` in
a loop ran every item into one ("monthly- Payment provider: …- Domain …"). A Markdown list item,
table row or heading ends at its line end, never joining the next, so on such lines the last
tag is written `+%}` (Jinja's own "keep the newline" form) before the template is compiled.
Lines of running text are left as they are: a paragraph may rely on joining the next line.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

# A list item (bulleted, numbered, with or without a checkbox), a table row or an ATX heading,
# ending in a closing tag (`endif`, `endfor`, …) that does not already say how to treat the
# newline after it. A line ending in an opening tag continues on the next line on purpose.
_LINE_BLOCK = re.compile(
    r"^(?P<head>[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|\||#{1,6}[ \t]).*\{%[-+]?[ \t]*end\w*[ \t]*)"
    r"%\}(?P<tail>[ \t]*)$",
    re.MULTILINE,
)


def keep_line_ends(source: str) -> str:
    """The template source with `+%}` for a closing tag that ends a list item, row or heading."""
    return _LINE_BLOCK.sub(r"\g<head>+%}\g<tail>", source)


class KeepLineEnds(Extension):
    """Applies keep_line_ends to every template, built-in or the user's, before lexing."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return keep_line_ends(source)
