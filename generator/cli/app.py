"""The `inwriting` command group: global options, the entry point, every command added."""

from __future__ import annotations

import os
import sys

import click

from ..errors import EXIT_INTERRUPTED, InputError, InternalError
from ..startup import hold_back
from . import act, agenda, agreement, files, init, law, letters, profile, record, signing, status
from .common import accept_global_options, apply_global_options, global_options

# Heavy modules (pydantic, Babel, reportlab, python-docx) are imported inside the commands,
# so that `inwriting --help` costs about what importing Click costs.


class _Commands(click.Group):
    """The root group: an answer that never comes, Ctrl-C and a bug each end in one message
    and their exit code (README, "Exit codes"), never Click's bare "Aborted!" with exit 1 or a
    traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except click.Abort as abort:
            if isinstance(abort.__cause__ or abort.__context__, EOFError):
                raise InputError(
                    "no answer: the input ended before the question was answered"
                ) from None
            click.echo("\ninterrupted: nothing half-written was left", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except KeyboardInterrupt:
            click.echo("\ninterrupted: nothing half-written was left", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.ClickException, click.exceptions.Exit, SystemExit):
            raise
        except Exception as error:
            if os.environ.get("INWRITING_DEBUG"):
                raise
            raise InternalError(error) from error


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="inwriting", prog_name="inwriting")
@global_options
@click.pass_context
def cli(context: click.Context, /, **options: bool) -> None:
    """Put it in writing: documents that protect freelancers from difficult clients.

    One YAML file per client project goes in; out come the scope checklist, change orders,
    payment reminders, the waiting-on-client notice, the termination letter, the hand-off report
    and the client review, as PDF, DOCX, Markdown and e-mail drafts, in English, Swedish, Danish,
    Finnish and Russian. Global options may also follow the command
    (`inwriting check FILE --allow-secrets`).
    """
    context.obj = dict(options)
    apply_global_options(context.obj)


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
    act.act,
    agenda.due,
    signing.sign_pdf,
    signing.verify,
    files.check,
    files.schema,
    files.templates,
    law.rates,
    status.status,
    profile.profile_group,
    record.paid,
    record.invoice,
    record.log,
    record.asked,
    record.answered,
    init.init,
    init.init_profile,
):
    cli.add_command(accept_global_options(command))


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
