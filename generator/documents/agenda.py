"""The morning agenda: what is due across every client, most urgent first."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError, InwritingError, Problem, ProjectError
from ..law.ledger import invoice_states
from ..law.rate_sources import RateUnknown
from ..project.load import read_yaml
from ..project.profile import is_profile
from ..project.project_file import LoadedProject, load_project
from .late_claim import claims
from .reminders import plan_reminders
from .waiting import delay_days, open_questions, refuse_after_the_end

DUE_SOON_DAYS = 7
"""Invoices falling due within this many days are listed, so nothing comes as a surprise."""

RANKS = {
    "error": -1,
    "final": 0,
    "stop_work": 1,
    "firm": 2,
    "friendly": 3,
    "waiting": 4,
    "claim": 4,
    "change": 5,
    "due_soon": 6,
}
_PROJECT_FILE = re.compile(r"^format\s*:", re.MULTILINE)


@dataclass(frozen=True)
class AgendaItem:
    """One thing to do today for one project."""

    file: str
    project_id: str
    client: str
    kind: str  # a key of RANKS
    what: str
    days: int  # days late (or, for invoices falling due, days to go)
    amount: Decimal | None = None
    currency: str | None = None
    document: str | None = None  # the document kind to render for it, if any
    params: dict[str, str] = field(default_factory=dict)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        days = -self.days if self.kind != "due_soon" else self.days
        return RANKS[self.kind], days, self.file

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "project": self.project_id,
            "client": self.client,
            "kind": self.kind,
            "what": self.what,
            "days": self.days,
            "amount": None if self.amount is None else str(self.amount),
            "currency": self.currency,
            "document": self.document,
            "params": self.params,
        }


YAML_SUFFIXES = (".yaml", ".yml")


def yaml_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and every YAML file in the folders named and their subfolders, each
    once. Hidden files and folders (`.git`, `.github`, `.venv`) are skipped: they hold tools'
    YAML, never a client's project."""
    seen: set[Path] = set()
    for path in paths:
        found = _walk(path) if path.is_dir() else iter([path])
        for candidate in found:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


def _walk(folder: Path) -> Iterator[Path]:
    # os.walk does not follow links to folders, so a link loop cannot make it run forever.
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                yield Path(root, name)


@dataclass(frozen=True)
class Agenda:
    """The agenda, and how many files it looked at, so that "nothing due" can say of what."""

    items: list[AgendaItem]
    files: int  # YAML files found (project files or not)
    projects: int  # project files read without a problem


def agenda(
    paths: Iterable[Path],
    as_of: dt.date,
    *,
    allow_secrets: bool = False,
    profile: Path | None = None,
) -> Agenda:
    """Everything due on `as_of` in every project, most urgent first. A file that cannot be
    read, or is not a project file, is an item of kind "error" saying why: never skipped,
    unless it is a profile (project/profile.py)."""
    items: list[AgendaItem] = []
    files = projects = 0
    for path in yaml_files(paths):
        files += 1
        try:
            loaded = _load(path, allow_secrets, profile)
        except ProjectError as exc:
            problems = "\n".join(str(problem) for problem in exc.problems)
            items.append(AgendaItem(str(path), "?", "?", "error", problems, 0))
            continue
        except InwritingError as exc:
            items.append(AgendaItem(str(path), "?", "?", "error", exc.format_message(), 0))
            continue
        if loaded is None:
            continue  # a profile: the projects that inherit from it report its problems
        projects += 1
        try:
            items += project_agenda(loaded, as_of)
        except RateUnknown as exc:  # the letters would state a rate not in the tables: say so
            info = loaded.project
            what = f"{path}: {exc.format_message()}"
            items.append(AgendaItem(str(path), info.project.id, info.client.name, "error", what, 0))
    return Agenda(sorted(items, key=lambda item: item.sort_key), files, projects)


def _load(path: Path, allow_secrets: bool, profile: Path | None) -> LoadedProject | None:
    """The project in `path`, None for a profile (no `format:`, project/profile.py);
    ProjectError saying why when it is neither (empty, cut short, not YAML, or YAML of another
    tool such as a docker-compose file)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        message = f"cannot read: {exc.strerror}"
        raise ProjectError([Problem(str(path), None, None, "", message)]) from None
    if _PROJECT_FILE.search(text):  # the usual case, decided without parsing twice
        return load_project(path, allow_secrets=allow_secrets, profile=profile)
    data, source, _ = read_yaml(path)  # raises for an empty file or broken YAML, with its line
    if isinstance(data, dict) and "format" in data:  # written some other way, e.g. {format: 1}
        return load_project(path, allow_secrets=allow_secrets, profile=profile)
    if is_profile(path):
        return None
    keys = f" (its keys: {', '.join(list(data)[:4])})" if isinstance(data, dict) and data else ""
    message = f"not a project file: no `format:` line{keys}; a project file starts with format: 1"
    raise ProjectError([source.problem((), message)])


NOT_RENDERED = {
    "error": "the file has problems (listed above)",
    "change": "no letter for this: get the change request signed, or sign the scope again",
    "due_soon": "not due yet: nothing to send before the due date",
    "waiting": "the decided termination ends the agreement first: no waiting notice after it",
}
"""Why an agenda item of each kind without a document is not rendered by `due --render`."""


def project_agenda(loaded: LoadedProject, as_of: dt.date) -> list[AgendaItem]:
    project = loaded.project

    def item(kind: str, what: str, days: int, **extra: Any) -> AgendaItem:
        return AgendaItem(
            str(loaded.path), project.project.id, project.client.name, kind, what, days, **extra
        )

    states = {state.invoice.number: state for state in invoice_states(project, as_of)}
    found = []
    for reminder in plan_reminders(project, as_of).reminders:
        covered = [states[number] for number in reminder.covers]
        owed = sum((state.outstanding for state in covered), start=Decimal(0))
        more = f" (and {len(covered) - 1} more)" if len(covered) > 1 else ""
        found.append(
            item(
                reminder.tone,
                f"{reminder.tone.replace('_', '-')} reminder, invoice {reminder.invoice}{more}",
                covered[0].days_overdue,
                amount=owed,
                currency=project.currency,
                document="reminder-" + reminder.tone.replace("_", "-"),
                params={"invoice": reminder.invoice},
            )
        )
    for claim in claims(project, as_of):  # paid in full, but late: what the delay still costs
        number = claim.state.invoice.number
        found.append(
            item(
                "claim",
                f"late-payment claim, invoice {number} (paid {claim.days_late} days late)",
                claim.days_late,
                amount=claim.total,
                currency=project.currency,
                document="late-claim",
                params={"invoice": number},
            )
        )
    questions = open_questions(project, as_of)
    late = [question for question in questions if question.days_late > 0]
    if late:
        count = f"{len(late)} answer{'s' if len(late) != 1 else ''}"
        try:  # after a decided termination the notice is refused: listed, not rendered
            refuse_after_the_end(project, as_of)
            document: str | None = "waiting"
        except InputError:
            document = None
        found.append(
            item("waiting", f"waiting notice: {count} late", delay_days(late), document=document)
        )
    for warning in loaded.warnings:
        if warning.field == "signoff.fingerprint":
            found.append(item("change", warning.message.split(" —")[0], 0))
    for change in project.changes:
        if change.status == "proposed" and change.requested_on <= as_of:
            age = (as_of - change.requested_on).days
            found.append(item("change", f"change request {change.id} not yet signed", age))
    for state in states.values():
        to_go = (state.due - as_of).days
        if state.outstanding > 0 and 0 <= to_go <= DUE_SOON_DAYS:
            found.append(
                item(
                    "due_soon",
                    f"invoice {state.invoice.number} falls due on {state.due}",
                    to_go,
                    amount=state.outstanding,
                    currency=project.currency,
                )
            )
    return found
