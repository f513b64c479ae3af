"""The facts of an act of acceptance (акт сдачи-приемки): the work done by a day, its price, and
what the act may truthfully say about it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..project.changes import apply
from ..project.identifiers import local_name
from ..project.model import Party, Project
from ..project.scope import round_money, scope_lines
from .state import ItemState, project_state

ACT_LANGUAGES = ("ru",)
"""The languages the act is written in. It is the Russian primary document of a contract for
work (ст. 720 ГК РФ, ст. 9 Федерального закона № 402-ФЗ); the other countries' freelancers close
a project with the hand-off report, whose receipt the client signs."""


@dataclass(frozen=True)
class ActLine:
    """One item of work the act hands over, with its price from the scope."""

    id: str
    title: str
    deliverable: str | None
    done_on: dt.date
    fee: Decimal
    hours: Decimal | None
    rate: Decimal | None
    on_time: bool  # done by the deadline the scope (with the approved changes) set


@dataclass(frozen=True)
class ActFacts:
    """What the act lists and what it may say: `complete` when no item in force remains,
    `on_time` when every item listed was done in time, `disputed` while a dispute is open."""

    cutoff: dt.date  # the act covers work done up to and including this day
    lines: tuple[ActLine, ...]
    remaining: tuple[ItemState, ...]  # items in force not done by the cutoff
    total: Decimal  # the price of the work listed, as the scope prices it (VAT excluded)
    vat_rate: Decimal | None
    vat: Decimal
    complete: bool
    on_time: bool
    disputed: bool

    @property
    def gross(self) -> Decimal:
        """The total with VAT where the prices exclude it."""
        return self.total + self.vat

    @property
    def no_claims(self) -> bool:
        """Whether the act may say the client has no claims as to scope, quality and time:
        only with no dispute open and every item listed done in time."""
        return self.on_time and not self.disputed


def act_facts(project: Project, as_of: dt.date, until: dt.date | None = None) -> ActFacts:
    """The work done by `until` (never later than `as_of`: the act lists only what was done
    when it is written), priced as the scope with the changes approved by then prices it."""
    if project.language not in ACT_LANGUAGES:
        raise InputError(
            "the act (акт сдачи-приемки) is a Russian document: write it with --lang ru or"
            " `language: ru` in the project file; in other languages the hand-off report"
            " (`inwriting handoff`) closes the project"
        )
    cutoff = min(until, as_of) if until is not None else as_of
    state = project_state(project, cutoff)
    items = list(project.scope)
    for change in state.approved_changes:
        items = apply(items, change)
    priced = {
        line.item.id: line for line in scope_lines(project.model_copy(update={"scope": items}))
    }
    lines: list[ActLine] = []
    remaining: list[ItemState] = []
    for item in state.items:
        if item.status == "dropped":
            continue
        line = priced[item.id]
        if item.status != "done" or item.done_on is None:
            remaining.append(item)
            continue
        lines.append(
            ActLine(
                item.id,
                item.title,
                item.deliverable,
                item.done_on,
                line.fee,
                line.hours,
                line.rate,
                _on_time(item),
            )
        )
    if not lines:
        raise InputError(
            f"no work item is done by {cutoff.isoformat()}: an act lists work done; set "
            "`status: done` and `done_on` on the scope items finished"
        )
    total = sum((line.fee for line in lines), start=Decimal(0))
    rate = project.terms.vat if isinstance(project.terms.vat, Decimal) else None
    vat = round_money(total * rate / 100, project.currency) if rate else Decimal(0)
    return ActFacts(
        cutoff=cutoff,
        lines=tuple(lines),
        remaining=tuple(remaining),
        total=total,
        vat_rate=rate,
        vat=vat,
        complete=not remaining,
        on_time=all(line.on_time for line in lines),
        disputed=dispute_open(project, as_of),
    )


def _on_time(item: ItemState) -> bool:
    # By the deadline written in the scope (or an approved change): the client signs the act,
    # and a delay of theirs that moved a deadline is an argument, not a fact the act may assert.
    return item.deadline is None or (item.done_on is not None and item.done_on <= item.deadline)


def dispute_open(project: Project, as_of: dt.date) -> bool:
    """Whether the client disputes anything on `as_of`: a `disputed_invoice` incident recorded
    by then and not resolved by then, whichever invoice or item it names."""
    return any(
        incident.kind == "disputed_invoice"
        and incident.on <= as_of
        and (incident.resolved_on is None or incident.resolved_on > as_of)
        for incident in project.incidents
    )


def party_ids(party: Party, language: str) -> list[str]:
    """The party's registration and tax numbers, each after its local name («ИНН 7707083893»),
    label and number held together; the free-text `business_id` where no typed ids are given."""
    if party.ids is not None and party.ids.entries():
        return [f"{local_name(kind, language)}\u00a0{value}" for kind, value in party.ids.entries()]
    return [party.business_id] if party.business_id else []


def short_name(full_name: str | None) -> str | None:
    """«Ковалев Д. А.» from «Ковалев Дмитрий Андреевич» (or «Дмитрий Андреевич Ковалев»), the
    form a Russian signature is spelled out in; any other name as written."""
    if not full_name:
        return None
    words = full_name.split()
    if len(words) != 3:
        return full_name
    if _patronymic(words[2]):
        surname, given, middle = words
    elif _patronymic(words[1]):
        given, middle, surname = words
    else:
        return full_name
    return f"{surname} {given[0]}.\u00a0{middle[0]}."


def _patronymic(word: str) -> bool:
    return word.endswith(("ич", "вна", "ична", "инична"))


def signer_position(party: Party) -> str | None:
    """The position the party's signatory signs in: `position`, or for an individual
    entrepreneur (an ОГРНИП given) «Индивидуальный предприниматель»; else None, a line to fill."""
    if party.position:
        return party.position
    if party.ids is not None and party.ids.ogrnip:
        return "Индивидуальный предприниматель"
    return None


def act_context(project: Project, as_of: dt.date, until: dt.date | None = None) -> dict[str, Any]:
    """The act's variables: the facts, and each party's numbers and signatory."""
    facts = act_facts(project, as_of, until)
    language = project.language
    return {
        "act": facts,
        "provider_ids": party_ids(project.provider, language),
        "client_ids": party_ids(project.client, language),
        "provider_signer": short_name(project.provider.contact),
        "client_signer": short_name(project.client.contact),
        "provider_position": signer_position(project.provider),
        "client_position": signer_position(project.client),
        "bank": project.provider.bank,
        "contract_date": project.signoff.signed_on if project.signoff else None,
    }
