"""What is handed over at the end: deliverables, licences and accounts."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from pydantic import Field

from .choices import AccountAction, AccountOwner, DeliverableStatus
from .quantities import Date
from .section import Section
from .text import OptionalText, Text


class Deliverable(Section):
    name: Text
    location: OptionalText | None = None
    delivered_on: Date | None = None
    notes: OptionalText | None = None
    status: DeliverableStatus | None = Field(
        None, description="live: in use by the client or the public; test: a test version only"
    )
    files: list[Text] = Field(default_factory=list, description="The files handed over")


class Licence(Section):
    """A licence or paid service the client must buy or keep paying for themselves."""

    name: Text
    notes: OptionalText | None = None


class Account(Section):
    service: Text
    url: OptionalText | None = None
    owner: AccountOwner
    action: AccountAction
    done_on: Date | None = None
    notes: OptionalText | None = None
