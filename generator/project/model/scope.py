"""The scope items, their sign-off, and the change requests that add, remove or modify them."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from pydantic import Field

from .choices import ChangeStatus, RequestChannel, Status
from .quantities import Date, Money, PositiveNumber
from .section import Section
from .text import OptionalText, Text


class _ItemFields(Section):
    # The fields of a scope item, each optional as a change gives them; an item itself
    # requires its title and starts as planned. A field redefined below keeps its place, so
    # both list (and the schema shows) the fields in this order.
    id: Text
    title: OptionalText | None = None
    description: OptionalText | None = None
    deliverable: OptionalText | None = None
    deadline: Date | None = None
    fee: Money | None = None
    hours: PositiveNumber | None = None
    status: Status | None = None
    done_on: Date | None = None


class ScopeItem(_ItemFields):
    title: Text
    status: Status = "planned"


class ScopeItemChange(_ItemFields):
    """A modification of an existing item: its id and only the fields that change."""


class Signoff(Section):
    signed_on: Date | None = None
    signed_by: OptionalText | None = None
    fingerprint: OptionalText | None = None


class ChangeRequest(Section):
    id: Text
    requested_on: Date
    requested_by: OptionalText | None = None
    summary: Text
    add: list[ScopeItem] = []
    remove: list[Text] = []
    modify: list[ScopeItemChange] = []
    new_end: Date | None = None
    status: ChangeStatus = "proposed"
    decided_on: Date | None = None
    requested_via: RequestChannel | None = Field(
        None,
        description="How the client asked: phone, meeting, email, letter or message; the "
        "change order then says so and gives `summary` as our summary, never as a quote",
    )
    rush_fee: Money | None = Field(
        None,
        description="The surcharge for dates earlier than the current (shifted) ones; without "
        "it, a change order that brings a date forward is refused",
    )
