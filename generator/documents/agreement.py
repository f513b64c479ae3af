"""The agreed terms: which clauses the signed checklist printed, and their numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..project.model import Project
from ..project.scope import SignedVersion, legacy_clauses, printed_clauses, signed_version

# Where each clause sits on the current checklist: its section, and whether it is one of the
# numbered sub-clauses of that section. Sections 1 to 5 and 7, 8 are always there.
SECTION_OF = {
    "feedback": "needs",
    "price": "fees",
    "deposit": "fees",
    "payment": "fees",
    "interest": "fees",
    "reminder_fee": "fees",
    "hourly": "fees",
    "suspension": "fees",
    "changes": "changes",
    "acceptance": "acceptance",
    "rights": "rights",
    "notice": "termination",
    "breach": "termination",
    "termination_pay": "termination",
    "liability": "liability",
    "notices": "general",
    "law": "general",
    "venue": "general",
}
FIXED_SECTIONS = ("project", "included", "excluded", "needs", "revisions", "fees", "changes")
OPTIONAL_SECTIONS = ("acceptance", "rights", "termination", "liability", "general")
# Sections whose clauses are numbered one by one (6.1, 6.2 …), so a letter can cite one.
NUMBERED = frozenset({"fees", "termination", "general"})


@dataclass(frozen=True)
class Layout:
    """The numbers of the current checklist: `sections["fees"]` is "6", `clauses["payment"]`
    "6.3"."""

    sections: dict[str, str]
    clauses: dict[str, str]


@dataclass(frozen=True)
class Agreement:
    """The terms the client agreed to: the clauses of the checklist they signed, by number."""

    version: SignedVersion
    signed_on: dt.date | None
    clauses: dict[str, str] = field(default_factory=dict)

    def has(self, key: str) -> bool:
        """Whether the signed checklist printed this clause (a letter may then rely on it)."""
        return key in self.clauses

    def number(self, key: str) -> str | None:
        """The clause's number as printed on the signed checklist, or None."""
        return self.clauses.get(key)


def layout(project: Project) -> Layout:
    """Number the sections and clauses the current checklist prints for `project`."""
    keys = printed_clauses(project)
    present = {SECTION_OF[key] for key in keys}
    sections: dict[str, str] = {}
    for name in FIXED_SECTIONS + OPTIONAL_SECTIONS:
        if name in FIXED_SECTIONS or name in present:
            sections[name] = str(len(sections) + 1)
    sections["signatures"] = str(len(sections) + 1)
    clauses: dict[str, str] = {}
    counts: dict[str, int] = {}
    for key in keys:
        section = SECTION_OF[key]
        if section in NUMBERED:
            counts[section] = counts.get(section, 0) + 1
            clauses[key] = f"{sections[section]}.{counts[section]}"
        else:
            clauses[key] = sections[section]
    return Layout(sections, clauses)


def agreed_terms(project: Project) -> Agreement:
    """The clauses the signed checklist printed. Signed on the current checklist: all of them.
    Signed on the first checklist, or with no fingerprint to tell, or edited since: only the
    clauses every version printed, at their old section numbers. Unsigned: none."""
    version = signed_version(project)
    signed_on = project.signoff.signed_on if project.signoff is not None else None
    if version == "unsigned":
        return Agreement(version, signed_on)
    if version == "current":
        return Agreement(version, signed_on, layout(project).clauses)
    return Agreement(version, signed_on, legacy_clauses(project))
