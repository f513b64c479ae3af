"""The `inwriting` command group: global options, the entry point, every command added."""

from __future__ import annotations

import os
import sys

import click

from ..errors import InputError
from ..startup import hold_back
from . import agenda, agreement, files, law, letters, signing

# Heavy modules (pydantic, Babel, reportlab, python-docx) are imported inside the commands,
# so that `inwriting --help` costs about what importing Click costs.


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="inwriting", prog_name="inwriting")
@click.option(
    "--allow-secrets",
    is_flag=True,
    help="Accept values that look like passwords, keys or tokens (they are refused otherwise).",
)
@click.pass_context
def cli(context: click.Context, allow_secrets: bool) -> None:
    """Put it in writing: documents that protect freelancers from difficult clients.

    One YAML file per client project goes in; signed-scope checklists (and more to come) come
    out as PDF, DOCX and Markdown, in English, Swedish, Danish, Finnish and Russian.
    """
    context.obj = {"allow_secrets": allow_secrets}


for command in (
    agreement.scope,
    agreement.sign,
    agreement.change_order,
    agreement.diff,
    letters.nudge,
    letters.waiting,
    letters.terminate,
    letters.handoff,
    letters.review,
    agenda.due,
    signing.sign_pdf,
    signing.verify,
    files.check,
    files.schema,
    files.templates,
    law.rates,
):
    cli.add_command(command)


def main() -> None:
    """Entry point of the `inwriting` command."""
    # pydantic looks for plugins among every installed package's entry points the first time
    # it builds a model (a few ms of a cold run); the command wants none. An explicit
    # setting of the user's still wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    hold_back()  # the garbage collector, until the first document is written (startup.py)
    try:
        cli.main(prog_name="inwriting")
    except InputError as exc:  # pragma: no cover - Click handles ClickException itself
        exc.show()
        sys.exit(exc.exit_code)
