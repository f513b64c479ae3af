"""The letterhead: logo, accent colour and typeface."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from typing import Annotated

from pydantic import (
    AfterValidator,
    Field,
)
from pydantic_core import PydanticCustomError

from ..branding import TYPEFACES, Typeface, colour_problem
from .section import Section
from .text import OptionalText


def _accent(value: str) -> str:
    reason = colour_problem(value)
    if reason is not None:
        raise PydanticCustomError("colour", reason)
    return value.strip()


Colour = Annotated[OptionalText, AfterValidator(_accent)]


class Branding(Section):
    """The letterhead: every field optional; without the section documents look as before."""

    logo: OptionalText | None = Field(
        None, description="PNG or JPEG file of the logo, relative to this file"
    )
    accent: Colour | None = Field(
        None, description="Colour of headings and rules, like #1F6F5C; dark enough to read"
    )
    typeface: Typeface | None = Field(
        None, description="One of the shipped families: " + ", ".join(TYPEFACES)
    )
    font_file: OptionalText | None = Field(
        None, description="Your own TTF or OTF file instead, relative to this file"
    )
