"""The whole project file: what it is about and every section in it."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
)

from .choices import Language, Paper
from .events import Incident, Termination, WaitingItem
from .handoff import Account, Deliverable, Licence
from .invoices import Invoice
from .letterhead import Branding
from .parties import Party, Provider
from .quantities import Date
from .rates import ReferenceRateOverride
from .scope import ChangeRequest, ScopeItem, Signoff
from .section import Section
from .terms import Terms
from .text import OptionalText, Text


class ProjectInfo(Section):
    id: Text = Field(description="Short reference used in file names, e.g. JGS-2026-01")
    name: Text
    summary: OptionalText | None = None
    start: Date | None = None
    end: Date | None = None


def _format_version(value: Any) -> Any:
    # `format: 1` arrives as the text "1"; compare it as a number.
    return int(value) if isinstance(value, str) and value.strip() == "1" else value


FormatVersion = Annotated[Literal[1], BeforeValidator(_format_version)]


class Project(Section):
    """One client project: everything the documents are made from."""

    model_config = ConfigDict(extra="forbid", title="inwriting project file")

    format: FormatVersion = Field(description="Version of the file format; always 1")
    language: Language = "en"
    currency: Text = Field("EUR", description="ISO 4217 code, e.g. EUR, SEK, DKK, USD")
    jurisdiction: OptionalText | None = Field(
        None, description="ISO 3166 country code whose law applies, e.g. FI, SE, DK, GB, US"
    )
    region: OptionalText | None = Field(
        None,
        description="Part of the jurisdiction whose public holidays count: for GB ENG (default), "
        "WLS, SCT or NIR; a US state such as NY; a German Land such as BY",
    )
    paper: Paper | None = Field(None, description="a4 or letter; default by jurisdiction")
    templates: OptionalText | None = Field(
        None, description="Folder of template overrides, relative to this file"
    )
    profile: OptionalText | None = Field(
        None,
        description="Profile file this project inherits from, relative to this file "
        "(default: profile.yaml in the config folder; see `inwriting profile path`)",
    )
    provider: Provider
    client: Party
    project: ProjectInfo
    terms: Terms
    scope: list[ScopeItem] = Field(min_length=1)
    exclusions: list[Text] = []
    signoff: Signoff | None = None
    changes: list[ChangeRequest] = []
    invoices: list[Invoice] = []
    waiting_on: list[WaitingItem] = []
    incidents: list[Incident] = []
    deliverables: list[Deliverable] = []
    licences: list[Licence] | None = Field(
        None, description="What the client must buy or keep paying for; [] for nothing"
    )
    accounts: list[Account] = []
    achievements: list[Text] = []
    termination: Termination | None = None
    branding: Branding | None = None
    reference_rates: dict[str, ReferenceRateOverride] = Field(
        default_factory=dict,
        description="Per rate table (eu_ecb, fi_viitekorko, se_referensranta, dk_referencesats, "
        "gb_reference, ru_key_rate): periods to add to the built-in rates",
    )
