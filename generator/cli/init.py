"""`init` and `init-profile`: a new project file (or profile) from questions or options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from .common import LANGUAGE_CHOICE, DateType, allow_secrets

Check = Callable[[str], Any]
"""Turns an answer into its value, or raises InputError saying what is wrong with it."""


class _Asker:
    """Each answer from its option, else from a question in a terminal, else its default;
    what is still missing is collected and refused at once, naming the options."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive
        self.missing: list[str] = []

    def one(
        self,
        given: Any,
        option: str,
        question: str,
        *,
        default: Any = None,
        required: bool = False,
        check: Check | None = None,
        kind: Any = None,
    ) -> Any:
        if given is not None:
            return self._checked(given, option, check)
        if not self.interactive:
            if default is None and required:
                self.missing.append(option)
            return default
        while True:
            # Asked as text and converted here: an optional answer may be left empty.
            answer = click.prompt(
                question,
                default="" if default is None else str(default),
                show_default=default is not None,
            ).strip()
            if not answer:
                if default is not None or not required:
                    return default
                click.echo("  (an answer is needed here)")
                continue
            try:
                value = kind.convert(answer, None, None) if kind is not None else answer
                return self._checked(value, option, check)
            except click.BadParameter as error:
                click.echo(f"  {error.format_message()}")
            except InputError as error:
                click.echo(f"  {error.format_message()}")

    def many(
        self, given: Sequence[str], option: str, question: str, *, required: bool, check: Check
    ) -> list[Any]:
        if given or not self.interactive:
            if required and not given:
                self.missing.append(option)
            return [self._checked(each, option, check) for each in given]
        answers: list[Any] = []
        click.echo(f"{question}, one a line (an empty line ends)")
        while True:
            answer = click.prompt(f"  {len(answers) + 1}", default="", show_default=False)
            if not answer.strip():
                if answers or not required:
                    return answers
                click.echo("  (at least one is needed)")
                continue
            try:
                answers.append(self._checked(answer, option, check))
            except InputError as error:
                click.echo(f"  {error.format_message()}")

    @staticmethod
    def _checked(value: Any, option: str, check: Check | None) -> Any:
        if check is None:
            return value
        try:
            return check(value)
        except InputError as error:
            raise InputError(f"{option}: {error.format_message()}") from None

    def done(self) -> None:
        from ..project.starter import missing

        if self.missing:
            raise missing(self.missing)


def _interactive(yes: bool) -> bool:
    return not yes and sys.stdin.isatty()


def _email(text: str) -> str:
    from pydantic import TypeAdapter, ValidationError

    from ..project.model import EmailAddress

    try:
        return str(TypeAdapter(EmailAddress).validate_python(text))
    except ValidationError as exc:
        raise InputError(exc.errors(include_url=False)[0]["msg"]) from None


def _number(kind: str) -> Check:
    def check(text: str) -> str:
        from ..project.identifiers import problem

        reason = problem(kind, text)
        if reason is not None:
            raise InputError(reason)
        return text.strip()

    return check


def _amount(text: str) -> str:
    from ..project.edit import money_text, parse_amount

    return money_text(parse_amount(text))


def _text(text: str) -> str:
    from ..project.edit import yaml_string

    yaml_string(text, "the answer")  # refuses what cannot stand in the file
    return text.strip()


def _code(length: int) -> Check:
    def check(text: str) -> str:
        code = text.strip().upper()
        if len(code) != length or not code.isascii() or not code.isalpha():
            raise InputError(f"{text!r} is not a {length}-letter code")
        return code

    return check


_DAYS = click.IntRange(1, 9999)


def _currency_of(country: Any) -> str:
    """The currency a country pays in today (Babel's data), else EUR: the default answer."""
    from babel.numbers import get_territory_currencies

    if not isinstance(country, str) or not country:
        return "EUR"
    currencies = get_territory_currencies(country.upper(), tender=True)  # [] when unknown
    return str(currencies[0]) if currencies else "EUR"


@click.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--client", help="The client's name.")
@click.option("--contact", help="Who you deal with at the client.")
@click.option("--client-email", help="The client's e-mail address.")
@click.option("--name", "project_name", help="The project's name.")
@click.option(
    "--id", "project_id", help="Short reference for file names (default: from the client)."
)
@click.option("--start", type=DateType(), help="First day of work (default: today).")
@click.option("--end", type=DateType(), help="Last day of work.")
@click.option(
    "--item", "items", multiple=True, help='A scope item: "Title = 1200" or "Title = 10h". Repeat.'
)
@click.option("--exclusion", "exclusions", multiple=True, help="Something not included. Repeat.")
@click.option("--language", type=LANGUAGE_CHOICE, help="Language of the documents.")
@click.option("--provider", help="Your name or company (when no profile gives it).")
@click.option("--provider-email", help="Your e-mail address (when no profile gives it).")
@click.option("--currency", help="ISO currency code, like EUR (when no profile gives it).")
@click.option("--jurisdiction", help="ISO country code whose law applies, like SE.")
@click.option("--payment-days", type=_DAYS, help="Days the client has to pay (default 14).")
@click.option("--feedback-days", type=_DAYS, help="Days the client has to answer (default 5).")
@click.option("--hourly-rate", help="Your rate for extra work, like 80.00.")
@click.option("--yes", is_flag=True, help="Ask nothing: take the defaults for what is not given.")
def init(path: Path | None, yes: bool, **given: Any) -> None:
    """Start a project file: asks only what your profile does not already answer.

    Every question is also an option, for scripts: `inwriting init jerry.yaml --client "Jerry's
    Garden Supply" --name "Web shop" --item "Catalogue = 3200" --item "Checkout = 20h"`.
    """
    from ..project import starter
    from ..project.edit import today as today_

    today = today_()
    if path is not None and (path.exists() or path.is_symlink()):
        raise InputError(f"{path} already exists; nothing was written. Choose another name")
    from .common import profile as chosen_profile

    profile_path = chosen_profile()  # the global --profile, before or after the command
    from ..project.profile import locate_profile

    # `--profile`, INWRITING_PROFILE, else the config folder's: there is no project file yet.
    found = locate_profile(None, profile_path)
    profile = starter.read_profile(found) if found is not None else {}
    provider = profile.get("provider") if isinstance(profile.get("provider"), dict) else None
    terms: dict[str, Any] = profile["terms"] if isinstance(profile.get("terms"), dict) else {}
    if found is not None:
        click.echo(f"building on the profile {found}", err=True)
    ask = _Asker(_interactive(yes))
    client = ask.one(given["client"], "--client", "Client's name", required=True, check=_text)
    contact = ask.one(given["contact"], "--contact", "Who you deal with there", check=_text)
    email = ask.one(given["client_email"], "--client-email", "Their e-mail", check=_email)
    name = ask.one(given["project_name"], "--name", "Project name", required=True, check=_text)
    suggested = starter.project_id(client, today.year) if client else None
    project_id = ask.one(given["project_id"], "--id", "Project id", default=suggested, check=_text)
    start = ask.one(given["start"], "--start", "Start date", default=today, kind=DateType())
    end = ask.one(given["end"], "--end", "End date (empty: none yet)", kind=DateType())
    items = ask.many(
        given["items"],
        "--item",
        'Scope items, like "Logo design = 1200" for a fee or "Texts = 10h" for hours',
        required=True,
        check=starter.parse_item,
    )
    exclusions = ask.many(
        given["exclusions"], "--exclusion", "What is not included", required=False, check=_text
    )
    language = ask.one(
        given["language"],
        "--language",
        "Language",
        default=profile.get("language", "en"),
        kind=LANGUAGE_CHOICE,
    )
    answers = starter.ProjectAnswers(
        client=client,
        project_name=name,
        project_id=project_id,
        items=items,
        language=language,
        start=start,
        end=end,
        contact=contact,
        client_email=email,
        exclusions=exclusions,
        profile=profile,
        profile_path=found,
        profile_explicit=profile_path is not None,
    )
    if provider is None:
        answers.provider = ask.one(
            given["provider"], "--provider", "Your name or company", required=True, check=_text
        )
        answers.provider_email = ask.one(
            given["provider_email"], "--provider-email", "Your e-mail", check=_email
        )
    if "jurisdiction" not in profile:
        answers.jurisdiction = ask.one(
            given["jurisdiction"],
            "--jurisdiction",
            "Country whose law applies, like SE (empty: none)",
            check=_code(2),
        )
    if "currency" not in profile:
        country = answers.jurisdiction or profile.get("jurisdiction")
        answers.currency = ask.one(
            given["currency"],
            "--currency",
            "Currency",
            default=_currency_of(country),
            check=_code(3),
        )
    for key, question, default in (
        ("payment_days", "Days to pay an invoice", 14),
        ("feedback_days", "Days the client has to answer", 5),
    ):
        if key not in terms:
            value = ask.one(
                given[key], f"--{key.replace('_', '-')}", question, default=default, kind=_DAYS
            )
            answers.terms[key] = str(value)
    if "hourly_rate" not in terms and "revision_rate" not in terms:
        # The checklist must say what extra work costs (project/rules.py).
        answers.terms["hourly_rate"] = ask.one(
            given["hourly_rate"], "--hourly-rate", "Your hourly rate", required=True, check=_amount
        )
    ask.done()
    target = path or Path(f"{project_id.lower()}.yaml")
    text = starter.project_text(answers, target, today)

    def check(temporary: Path) -> None:
        from ..project.project_file import load_project

        load_project(temporary, display_name=str(target), allow_secrets=allow_secrets())

    starter.create_new(target, text, check)
    click.echo(f"{'written':>9}  {target}")
    schema = target.parent / starter.SCHEMA_FILE
    if not schema.exists():
        from ..project.schema import project_schema_json

        starter.create_new(schema, project_schema_json() + "\n", lambda _: None)
        click.echo(f"{'written':>9}  {schema}")
    click.echo(f"next: inwriting scope {target}")


@click.command("init-profile")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--provider", help="Your name or company.")
@click.option("--address", "address", multiple=True, help="A line of your address. Repeat.")
@click.option("--email", help="Your e-mail address.")
@click.option("--iban", help="Your IBAN.")
@click.option("--bic", help="Your bank's BIC.")
@click.option("--language", type=LANGUAGE_CHOICE, help="Default language of the documents.")
@click.option("--jurisdiction", help="ISO country code whose law applies, like SE.")
@click.option("--currency", help="ISO currency code, like EUR.")
@click.option("--payment-days", type=_DAYS, help="Days a client has to pay (default 14).")
@click.option("--notice-days", type=_DAYS, help="Days of notice to end a project.")
@click.option("--feedback-days", type=_DAYS, help="Days a client has to answer (default 5).")
@click.option("--hourly-rate", help="Your usual hourly rate, like 80.00.")
@click.option("--yes", is_flag=True, help="Ask nothing: take the defaults for what is not given.")
def init_profile(path: Path | None, yes: bool, **given: Any) -> None:
    """Start your profile: what is the same for every client (you, your bank, your terms).

    Written to PATH, or to profile.yaml in your config folder, where every command finds it."""
    from ..project import starter
    from ..project.edit import today
    from ..project.profile import default_profile_path

    target = path or default_profile_path()
    if target.exists() or target.is_symlink():
        raise InputError(f"{target} already exists; nothing was written. Edit it instead")
    ask = _Asker(_interactive(yes))
    answers: dict[str, Any] = {
        "provider": ask.one(
            given["provider"], "--provider", "Your name or company", required=True, check=_text
        ),
        "address": ask.many(
            given["address"], "--address", "Your address", required=False, check=_text
        ),
        "email": ask.one(given["email"], "--email", "Your e-mail", check=_email),
        "iban": ask.one(given["iban"], "--iban", "IBAN (empty: none)", check=_number("iban")),
        "bic": ask.one(given["bic"], "--bic", "BIC (empty: none)", check=_number("bic")),
        "language": ask.one(
            given["language"], "--language", "Language", default="en", kind=LANGUAGE_CHOICE
        ),
        "jurisdiction": ask.one(
            given["jurisdiction"],
            "--jurisdiction",
            "Country whose law applies, like SE",
            check=_code(2),
        ),
        "payment_days": ask.one(
            given["payment_days"], "--payment-days", "Days to pay", default=14, kind=_DAYS
        ),
        "feedback_days": ask.one(
            given["feedback_days"], "--feedback-days", "Days to answer", default=5, kind=_DAYS
        ),
        "notice_days": ask.one(
            given["notice_days"], "--notice-days", "Days of notice (empty: none)", kind=_DAYS
        ),
        "hourly_rate": ask.one(
            given["hourly_rate"], "--hourly-rate", "Hourly rate (empty: none)", check=_amount
        ),
    }
    answers["currency"] = ask.one(
        given["currency"],
        "--currency",
        "Currency",
        default=_currency_of(answers["jurisdiction"]),
        check=_code(3),
    )
    ask.done()
    text = starter.profile_text(answers, today())
    starter.create_new(target, text, lambda temporary: starter.check_profile(text, str(target)))
    click.echo(f"{'written':>9}  {target}")
