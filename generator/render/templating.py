"""The one Jinja environment: user folder before built-ins, sandbox, strict undefined, escaping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import sys
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent, get_minus_sign_symbol
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import missing
from markupsafe import Markup

from ..errors import TemplateError
from ..suggest import did_you_mean
from . import letterforms
from .line_ends import KeepLineEnds
from .template_cache import template_cache

LINE_BREAK = "\x0b"
"""Newlines in data become this character (vertical tab), which the parser turns into a break.

A real newline could end a table row or a paragraph; this one cannot. markdown-it counts it as
white space, so `**{{ name }}**{{ br }}` still closes the bold after a name ending in a full stop.
The loader refuses control characters in data, so every one of them in a rendered template
came from a line break in a value or from `br`.
"""

_MARKDOWN_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def builtin_templates_dir() -> Path:
    """Templates inside the installed wheel, or the repository's top-level folder when run from a
    checkout (an editable install)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "templates"
    return packaged if packaged.is_dir() else package.parent / "templates"


def escape_markdown(text: str) -> str:
    """Make text print literally in Markdown: no emphasis, links, tables, headings or HTML.

    Every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of
    them), line breaks become LINE_BREAK, and spaces that Markdown would trim at the ends of a
    value are kept as character references.
    """
    text = text.rstrip("\n")
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    escaped = escaped.replace("\r\n", "\n").replace("\n", LINE_BREAK).replace("\t", "&#9;")
    stripped = escaped.strip(" ")
    if stripped != escaped:
        leading = len(escaped) - len(escaped.lstrip(" "))
        trailing = len(escaped) - len(escaped.rstrip(" "))
        escaped = "&#32;" * leading + stripped + "&#32;" * trailing
    return escaped


def _finalize(value: Any) -> str:
    # Runs on the result of every {{ expression }}: data is escaped here, once, by the
    # environment itself, so no template can forget to. Markup (from |safe or a macro marked
    # safe) is the template's own Markdown and passes through.
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        raise jinja2.TemplateRuntimeError(
            "a value printed here is empty; guard it with {% if … %} or fill it in the project file"
        )
    return escape_markdown(str(value))


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined whose message names the placeholder and the fields there are, never a
    Python class ("'...model.Party object' has no attribute 'nmae'")."""

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        name = str(self._undefined_name)
        if self._undefined_obj is missing:
            return f"unknown placeholder {name!r} (misspelt?)"
        fields = _field_names(self._undefined_obj)
        if not fields:
            return f"no field {name!r} here"
        hint = did_you_mean(name, fields)
        return f"no field {name!r} here; {hint}the fields are {', '.join(fields)}"


def _field_names(value: Any) -> list[str]:
    # Templates see pydantic models, dataclasses and mappings; each lists its fields its way.
    model_fields = getattr(type(value), "model_fields", None)
    if isinstance(model_fields, Mapping):
        return list(model_fields)
    if dataclasses.is_dataclass(value):
        return [field.name for field in dataclasses.fields(value)]
    if isinstance(value, Mapping):
        return [str(key) for key in value]
    return []


@functools.lru_cache(maxsize=8)
def environment(user_dir: Path | None = None) -> jinja2.Environment:
    """The environment for one template folder; built once per folder per process."""
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates_dir())))
    # The user's templates run in the sandbox; the built-in ones are ours and run without
    # its per-attribute checks.
    sandboxed = user_dir is not None
    environment_class = SandboxedEnvironment if sandboxed else jinja2.Environment
    env = environment_class(
        loader=jinja2.ChoiceLoader(loaders),
        # Jinja keys cached code on the source as read, before KeepLineEnds rewrites it: the
        # suffix names the rewrite, so code compiled without it is never loaded.
        bytecode_cache=template_cache(("sandboxed" if sandboxed else "plain") + "-lines1"),
        undefined=_Undefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=[KeepLineEnds],
    )
    env.globals.update(br=Markup(LINE_BREAK), address_block=_address_block)
    env.globals.update(
        letterhead=_letterhead,
        inside_address=_inside_address,
        given_name=letterforms.given_name,
        letter_town=letterforms.letter_town,
        russian_gender=letterforms.russian_gender,
        russian_short_name=letterforms.russian_short_name,
        russian_address_name=letterforms.russian_address_name,
        russian_addressee=_russian_addressee,
        russian_sole=letterforms.russian_sole,
        outgoing_number=letterforms.outgoing_number,
    )
    env.filters.update(
        date=_date_filter,
        period=_period_filter,
        day_month=_day_month_filter,
        money=_money_filter,
        number=_number_filter,
        percent=_percent_filter,
        country=_country_filter,
        money_words=_money_words_filter,
        md=lambda value: Markup(escape_markdown(str(value))),
    )
    return env


def render_template(
    template_name: str, variables: Mapping[str, Any], *, user_dir: Path | None = None
) -> str:
    """Render one template to Markdown; any failure is a TemplateError naming file and line."""
    env = environment(user_dir)
    try:
        template = env.get_template(template_name)
        return template.render(variables)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from None
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or template_name
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except (jinja2.TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        raise TemplateError(f"{_template_position(exc, template_name)}: {_describe(exc)}") from None


def _template_position(exc: BaseException, fallback: str) -> str:
    # Jinja rewrites tracebacks so that frames of compiled templates carry the template's file
    # name and line; the innermost such frame is where the template went wrong.
    found = fallback
    tb: TracebackType | None = exc.__traceback__ or sys.exc_info()[2]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _describe(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        return str(exc.message)
    return str(exc) or type(exc).__name__


def _address_block(party: Any) -> Markup:
    """A party's name in bold, then contact, address, business id, e-mail and phone, one a line."""
    lines = [f"**{escape_markdown(party.name)}**"]
    for name in ("contact", "address", "business_id", "email", "phone"):
        value = getattr(party, name, None)
        if value:
            lines.append(escape_markdown(str(value)))
    return Markup(LINE_BREAK.join(lines))


def _letterhead(party: Any, business_id: bool = True) -> Markup:
    """The sender's letterhead in two lines, so a reminder still fits one page: the name in bold
    and the address, then phone, e-mail and (unless left out) the business id."""
    first = f"**{escape_markdown(party.name)}**"
    if party.address:
        first += " · " + escape_markdown(", ".join(party.address.splitlines()))
    reach = [party.phone, party.email, party.business_id if business_id else None]
    second = " · ".join(escape_markdown(str(value)) for value in reach if value)
    return Markup(first + (LINE_BREAK + second if second else ""))


def _inside_address(party: Any, attention: str = "") -> Markup:
    """The recipient as a letter addresses them: organisation, contact (after `attention`, as
    Swedish "Att: "), address; never the e-mail address or phone."""
    lines = [escape_markdown(party.name)]
    if party.contact:
        lines.append(escape_markdown(attention) + escape_markdown(party.contact))
    if party.address:
        lines.append(escape_markdown(party.address))
    return Markup(LINE_BREAK.join(lines))


def _russian_addressee(party: Any) -> Markup:
    """The Russian addressee block: position, organisation and name in the dative, address."""
    lines = [escape_markdown(line) for line in letterforms.russian_addressee(party)]
    if party.address:
        lines.append(escape_markdown(party.address))
    return Markup(LINE_BREAK.join(lines))


def _locale(context: Any) -> Locale:
    locale = context.get("locale")
    if not isinstance(locale, Locale):
        raise jinja2.TemplateRuntimeError("the formatting filters need `locale` in the context")
    return locale


@jinja2.pass_context
def _date_filter(context: Any, value: dt.date, style: str = "long") -> str:
    # A date is never split over two lines ("19. lokakuuta / 2026" looks broken): every space
    # is a no-break space, and a table column is made wide enough for its longest date.
    return _unbroken(str(format_date(value, style, locale=_locale(context))))


@jinja2.pass_context
def _period_filter(context: Any, first: dt.date, last: dt.date) -> str:
    # "Oct 30 – Nov 18, 2026": a run of days in a table cell, the shared month or year once.
    return _unbroken(str(format_interval(first, last, "yMMMd", locale=_locale(context))))


@jinja2.pass_context
def _day_month_filter(context: Any, value: dt.date) -> str:
    # "October 15" (US) or "15 October": a date in a run that names its year once at the end.
    return _unbroken(str(format_skeleton("MMMMd", value, locale=_locale(context))))


def _unbroken(text: str) -> str:
    """Text with its spaces made no-break spaces: a date, an amount or a number is one word."""
    return text.replace(" ", "\u00a0")


@jinja2.pass_context
def _money_filter(context: Any, value: Decimal, currency: str | None = None) -> str:
    locale = _locale(context)
    text = str(format_currency(value, currency or context["currency"], locale=locale))
    # Babel's patterns write a hyphen; Swedish and Finnish typeset a true minus sign.
    text = text.replace("-", get_minus_sign_symbol(locale), 1) if value < 0 else text
    return _unbroken(text)


@jinja2.pass_context
def _money_words_filter(context: Any, value: Decimal, currency: str | None = None) -> str:
    # The amount in words (render/amount_words.py); empty where none are known for it.
    from .amount_words import amount_in_words

    return amount_in_words(value, currency or context["currency"], _locale(context).language)


@jinja2.pass_context
def _number_filter(context: Any, value: Decimal | int) -> str:
    return _unbroken(
        str(format_decimal(value, locale=_locale(context), decimal_quantization=False))
    )


@jinja2.pass_context
def _percent_filter(context: Any, value: Decimal | int) -> str:
    fraction = Decimal(value) / 100
    return _unbroken(
        str(format_percent(fraction, locale=_locale(context), decimal_quantization=False))
    )


@jinja2.pass_context
def _country_filter(context: Any, code: str) -> str:
    return str(_locale(context).territories.get(code, code))
