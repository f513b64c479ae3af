"""`inwriting rates`: the shipped reference-rate tables, their sources and how far they reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..errors import InputError

if TYPE_CHECKING:
    from ..law.interest import Law, RateTable


@click.command()
@click.argument("country", required=False)
def rates(country: str | None) -> None:
    """Print each reference-rate table: its periods, its source and until when it is known,
    with the periods of your rates file (rates.yaml in your config folder, or $INWRITING_RATES)
    added.

    COUNTRY (a jurisdiction such as DE, or EU for the directive's minimum) prints only the
    table its law uses.
    """
    from ..law.charges import shipped_and_user_table
    from ..law.interest import jurisdictions, law_for, rate_tables
    from ..law.rate_sources import user_rates

    users: dict[str, list[tuple[str, Law]]] = {}
    for code in jurisdictions():
        law = law_for(code)
        if law is not None and law.interest is not None and law.interest.reference:
            users.setdefault(law.interest.reference, []).append((code, law))
    if country is None:
        names = rate_tables()
    else:
        code = country.strip().upper()
        law = law_for(code) if code in jurisdictions() else None
        if law is None:
            raise InputError(
                f"no late-payment law file for {country}; known: {', '.join(jurisdictions())}"
            )
        if law.interest is None or not law.interest.reference:
            click.echo(f"{code} ({law.name}): no statutory reference rate")
            return
        names = [law.interest.reference]
    tables = (shipped_and_user_table(name) for name in names)
    click.echo("\n\n".join(_table_text(table, users.get(table.name, [])) for table in tables))
    user = user_rates()
    where = ", ".join(user.tables) if user.tables else "no file there"
    click.echo(f"\nrates file for every project: {user.path} ({where})")


def _table_text(table: RateTable, users: list[tuple[str, Law]]) -> str:
    lines = [f"{table.name}: {table.title}"]
    for code, law in users:
        assert law.interest is not None  # only laws with an interest rule use a table
        lines.append(
            f"  {code} ({law.name}): + {law.interest.margin} points, {law.interest.source}"
        )
    lines.append(f"  source: {table.source}")
    lines.append(f"  known until: {table.known_until}")
    lines += [f"  from {period.start}  {period.rate:6.2f} %" for period in table.periods]
    return "\n".join(lines)
