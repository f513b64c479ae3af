"""A new project file or profile: commented YAML from a few answers, checked, never replacing."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, ProjectError, Refusal
from .edit import money_text, parse_amount, staged, yaml_string
from .load import read_yaml

SCHEMA_FILE = "inwriting.schema.json"
"""The schema file the first line of a new project file points editors to (README)."""

PROFILE_SECTIONS = ("provider", "terms", "language", "currency", "jurisdiction", "region", "paper")
"""What a profile may answer for a project (the rest of a profile, such as branding, is the
profile's own business)."""


def read_profile(path: Path) -> dict[str, Any]:
    """The profile's data as the loader reads it; a clear error when it is not a profile."""
    data, _, problems = read_yaml(path)
    if problems:
        raise ProjectError(problems)
    if not isinstance(data, dict):
        raise InputError(f"{path}: a profile is a set of `key: value` fields, like provider:")
    return data


@dataclass
class Item:
    """One scope item as asked: its title and price (a fixed fee, or hours at the rate)."""

    title: str
    fee: Decimal | None = None
    hours: Decimal | None = None


def parse_item(text: str) -> Item:
    """`Logo design = 1200` (a fixed fee) or `Logo design = 10h` (hours); the price may be
    left out only when the whole project is billed by the hour elsewhere."""
    title, separator, price = text.rpartition("=")
    if not separator:
        return Item(text.strip())
    price = price.strip()
    if price.lower().endswith("h"):
        hours = parse_amount(price[:-1])
        if hours <= 0:
            raise InputError(f"{text!r}: hours must be more than zero")
        return Item(title.strip(), hours=hours)
    return Item(title.strip(), fee=parse_amount(price))


def parse_price(text: str) -> Item:
    """A price on its own: `1200` or `10h`."""
    return parse_item(f"x = {text}")


def item_ids(count: int) -> list[str]:
    """A, B, C … Z, then S27, S28 …: short ids a client can point to."""
    return [chr(ord("A") + n) if n < 26 else f"S{n + 1}" for n in range(count)]


_LEGAL_FORMS = frozenset(
    [
        "inc",
        "ltd",
        "llc",
        "plc",
        "co",
        "gmbh",
        "ab",
        "hb",
        "oy",
        "oyj",
        "aps",
        "is",
        "ooo",
        "ao",
        "ip",
    ]
)


def project_id(client: str, year: int) -> str:
    """A short reference for file names from the client's name, its legal form left out:
    `Jerry's Garden Supply Inc.` -> `JGS-2026`, `Acme AB` -> `ACM-2026`."""
    from anyascii import anyascii

    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]", "", anyascii(client)))
    names = [word for word in words if word.lower() not in _LEGAL_FORMS] or words
    letters = names[0][:3] if len(names) == 1 else "".join(word[0] for word in names)
    return f"{(letters[:3] or 'P').upper()}-{year}"


@dataclass
class ProjectAnswers:
    """Everything `init` asked (None: not asked, because the profile answers it)."""

    client: str
    project_name: str
    project_id: str
    items: list[Item]
    language: str
    start: dt.date | None = None
    end: dt.date | None = None
    contact: str | None = None
    client_email: str | None = None
    exclusions: list[str] = field(default_factory=list)
    provider: str | None = None
    provider_email: str | None = None
    currency: str | None = None
    jurisdiction: str | None = None
    terms: dict[str, str] = field(default_factory=dict)  # key -> YAML text
    profile: dict[str, Any] = field(default_factory=dict)
    profile_path: Path | None = None
    profile_explicit: bool = False


def project_text(answers: ProjectAnswers, target: Path, today: dt.date) -> str:
    """The new project file, commented for someone who has never seen one."""
    inherit = True  # project/profile.py merges the profile into every project file
    profile = answers.profile if answers.profile_path else {}
    copied = {} if inherit else {k: v for k, v in profile.items() if k in PROFILE_SECTIONS}
    out: list[str] = [
        f"# yaml-language-server: $schema=./{SCHEMA_FILE}",
        f"# Started with `inwriting init` on {today}. Check it: inwriting check {target.name}",
        f"# Then the scope checklist for the client: inwriting scope {target.name}",
        "# Every field is explained in docs/project-file.md. Add what happens by command:",
        "# inwriting invoice, paid, log, asked and answered each add their entry and check it.",
        "format: 1",
    ]
    if inherit and answers.profile_path is not None and answers.profile_explicit:
        relative = os.path.relpath(answers.profile_path.resolve(), target.parent.resolve())
        out.append(f"profile: {yaml_string(Path(relative).as_posix(), 'the profile path')}")
    out.append(f"language: {answers.language}")
    for key in ("currency", "jurisdiction"):
        value = getattr(answers, key)
        if value is not None:
            out.append(f"{key}: {value}")
    for key in ("region", "paper", "currency", "jurisdiction"):
        if key in copied and getattr(answers, key, None) is None:
            out.append(_dump({key: copied[key]}))
    if answers.provider is not None:
        out += ["", "# You: name and e-mail as the client knows them.", "provider:"]
        out += _fields(name=answers.provider, email=answers.provider_email)
    elif "provider" in copied:
        out += [
            "",
            f"# You: copied from {answers.profile_path}.",
            _dump(copied["provider"], "provider"),
        ]
    elif answers.profile_path is not None:
        out += ["", f"# You (the provider): from your profile, {answers.profile_path}."]
    out += ["", "# The client, and who you deal with there.", "client:"]
    out += _fields(name=answers.client, contact=answers.contact, email=answers.client_email)
    out += ["", "project:"]
    out += _fields(
        id=answers.project_id,
        name=answers.project_name,
        start=answers.start.isoformat() if answers.start else None,
        end=answers.end.isoformat() if answers.end else None,
    )
    terms = {**_text_values(copied.get("terms")), **answers.terms}
    if terms:
        out += [
            "",
            "# Days to pay, days the client has to answer, your rate for extra work.",
            "terms:",
        ]
        out += [
            f"  {key}: {yaml_string(value, key)}"
            if isinstance(value, str)
            else _dump({key: value}, indent=2)
            for key, value in terms.items()
        ]
    out += [
        "",
        "# What you will do, one item each: a fixed fee, or hours at terms.hourly_rate.",
        "scope:",
    ]
    for item_id, item in zip(item_ids(len(answers.items)), answers.items, strict=True):
        out.append(f"  - id: {item_id}")
        out.append(f"    title: {yaml_string(item.title, 'a scope item')}")
        if item.fee is not None:
            out.append(f"    fee: {money_text(item.fee)}")
        if item.hours is not None:
            out.append(f"    hours: {item.hours}")
    if answers.exclusions:
        out += ["", "# What is not included, said out loud before anyone asks.", "exclusions:"]
        out += [f"  - {yaml_string(text, 'an exclusion')}" for text in answers.exclusions]
    return "\n".join(out) + "\n"


def _fields(**values: str | None) -> list[str]:
    return [f"  {key}: {yaml_string(value, key)}" for key, value in values.items() if value]


def _text_values(section: Any) -> dict[str, Any]:
    return dict(section) if isinstance(section, dict) else {}


def _dump(value: Any, key: str | None = None, indent: int = 0) -> str:
    data = {key: value} if key is not None else value
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    pad = " " * indent
    return "\n".join(pad + line for line in text.rstrip("\n").splitlines())


def profile_text(answers: Mapping[str, Any], today: dt.date) -> str:
    """A new profile: what is the same for every client, commented."""
    out = [
        f"# Your inwriting profile, started with `inwriting init-profile` on {today}.",
        "# Every project file inherits these fields and may override any of them.",
        f"language: {answers['language']}",
        f"currency: {answers['currency']}",
    ]
    if answers.get("jurisdiction"):
        out.append(f"jurisdiction: {answers['jurisdiction']}")
    out += ["", "# You, as every letter's letterhead and signature shows you.", "provider:"]
    out += _fields(name=answers["provider"], email=answers.get("email"))
    address = answers.get("address") or []
    if address:
        out.append("  address: |")
        out += [f"    {line}" for line in address]
    bank = {key: answers.get(key) for key in ("iban", "bic") if answers.get(key)}
    if bank:
        out.append("  bank:")
        out += [f"    {key}: {value}" for key, value in bank.items()]
    out += ["", "# Your standard terms; a project file may change any of them.", "terms:"]
    for key in ("payment_days", "feedback_days", "notice_days", "hourly_rate"):
        if answers.get(key) is not None:
            out.append(f"  {key}: {answers[key]}")
    return "\n".join(out) + "\n"


def check_profile(text: str, name: str) -> None:
    """Refuse a profile whose provider or terms a project could not use."""
    from pydantic import ValidationError

    from .load import parse_yaml_text
    from .model import Provider, Terms

    data, _, _ = parse_yaml_text(text, name)
    try:
        Provider.model_validate(data["provider"])
        Terms.model_validate({"feedback_days": "5", "payment_days": "14", **data["terms"]})
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        raise InputError(f"{where}: {error['msg']}") from None


def create_new(path: Path, text: str, check: Callable[[Path], None]) -> None:
    """Write a new file at `path`, whole or not at all, never over an existing one: the text is
    written beside it and checked first (`check` raises), then linked into place."""
    if path.exists() or path.is_symlink():
        raise Refusal(f"{path} already exists; nothing was written. Choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with staged(path, text, 0o666 & ~_umask()) as temporary:
            check(temporary)
            try:
                os.link(temporary, path)  # fails if the name was taken meanwhile: no overwrite
            except FileExistsError:
                raise Refusal(f"{path} already exists; nothing was written") from None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def missing(names: Sequence[str]) -> InputError:
    """The error for answers nobody gave, with no terminal to ask them in."""
    return InputError(
        f"missing answers: give {', '.join(names)} (or run it in a terminal to be asked)"
    )
