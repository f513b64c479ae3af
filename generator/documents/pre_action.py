"""The final rung where the law names a pre-action letter: its form, its period, its next step.

Sources (docs/late-payment.md, "The final rung: pre-action letters"):
- GB: Practice Direction – Pre-Action Conduct and Protocols, paras 3 and 6: a letter before
  claim, a reply within a reasonable time, 14 days in a straightforward case. The Pre-Action
  Protocol for Debt Claims (a 30-day reply, with its Information Sheet and Reply Form) applies
  only where the debtor is an individual, sole traders included; it is not written here.
- RU: АПК РФ ст. 4 ч. 5: a dispute over money under a contract goes to the arbitrazh court
  30 calendar days after the претензия was sent, unless a law or the contract sets another.
- DK: inkassoloven § 10: before any collection step, a påkravsskrivelse with every detail the
  debtor needs and a time limit of at least 10 days from its sending (stk. 2 and 3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..law.calendar import business_days_after, next_business_day
from ..project.model import Project

FINAL_BUSINESS_DAYS = 7
"""The usual final notice's deadline, in business days, before the agreement is ended."""


@dataclass(frozen=True)
class PreAction:
    """A jurisdiction's pre-action letter: which one, and its period in calendar days."""

    kind: str  # letter_before_claim, pretenziya, inkassovarsel
    days: int
    source: str


# Only in the language the letter is customary in: a Russian претензия, a Danish inkassovarsel
# and an English letter before claim; another language keeps the usual final notice.
PRE_ACTION = {
    ("GB", "en"): PreAction(
        "letter_before_claim", 14, "Practice Direction – Pre-Action Conduct and Protocols, para 6"
    ),
    ("RU", "ru"): PreAction("pretenziya", 30, "ч. 5 ст. 4 АПК РФ"),
    ("DK", "da"): PreAction("inkassovarsel", 10, "inkassolovens § 10"),
}


def pre_action_for(project: Project) -> PreAction | None:
    """The pre-action letter the final rung is for `project`, or None for the usual notice."""
    return PRE_ACTION.get(((project.jurisdiction or "").upper(), project.language))


def final_deadline(project: Project, sent_on: dt.date) -> dt.date:
    """The deadline a final rung sent on `sent_on` sets: the pre-action period in calendar days
    (moved onto a business day: a letter never sets a day off), else the usual business days."""
    where = (project.jurisdiction, project.region)
    found = pre_action_for(project)
    if found is None:
        return business_days_after(sent_on, FINAL_BUSINESS_DAYS, *where)
    return next_business_day(sent_on + dt.timedelta(days=found.days), *where)
