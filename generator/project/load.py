"""Safe YAML loading that keeps the line and column of every value, for precise error messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, ProjectError
from ..output import UnreadableFile, read_regular_file

MAX_FILE_BYTES = 1024 * 1024
"""A project file is a few kilobytes; anything past this is a mistake or an attack."""

MAX_DEPTH = 16
"""Sections and lists inside each other: the deepest a valid file goes is 5
(reference_rates.<table>.periods[n].from); past this it is a mistake or an attack, refused
while the parser's events are read, before a deep structure is built (or recursed into)."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# Characters that are invisible or can rearrange text on the page; Unicode line and paragraph
# separators would act as line breaks the user cannot see.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_REFUSED_SEPARATORS = frozenset("\u2028\u2029\u0085")

PLACEHOLDER = "\ufdd0"
"""A Unicode noncharacter: never in real text, accepted by YAML; stands in for a raw control
character while the file is parsed, so the field holding it can be named."""
_RAW_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\u0085\ufdd0]")

DataPath = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each value of a loaded file was written: path in the data -> (line, column).

    A project merged with its profile has one map for both: `files` names the file of each
    value that came from another file than `file` (the profile's values), so that every problem
    is reported in its own file."""

    file: str
    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    ends: dict[DataPath, tuple[int, int]] = field(default_factory=dict)  # scalars, flow only
    files: dict[DataPath, str] = field(default_factory=dict)
    also: dict[DataPath, str] = field(default_factory=dict)
    """Sections merged from both files: where the profile's part is ("profile.yaml:13")."""

    def locate(self, path: DataPath, *, prefer_key: bool = False) -> tuple[int | None, int | None]:
        """The line and column of path, or of its nearest ancestor that was written."""
        return self.find(path, prefer_key=prefer_key)[1:]

    def find(
        self, path: DataPath, *, prefer_key: bool = False
    ) -> tuple[str, int | None, int | None]:
        """The file, line and column of path, or of its nearest ancestor that was written."""
        prefix = self._written(path, prefer_key)
        if prefix is None:
            return self.file, None, None
        marks = self._marks(prefix, prefer_key)
        return (self.file_of(prefix), *marks[prefix])

    def _marks(self, prefix: DataPath, prefer_key: bool) -> dict[DataPath, tuple[int, int]]:
        table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
        return next(marks for marks in table if prefix in marks)

    def _written(self, path: DataPath, prefer_key: bool) -> DataPath | None:
        for end in range(len(path), -1, -1):
            if path[:end] in self.keys or path[:end] in self.values:
                return path[:end]
        return None

    def file_of(self, path: DataPath) -> str:
        """The file the value at exactly this path was written in."""
        return self.files.get(path, self.file)

    def problem(self, path: DataPath, message: str, *, prefer_key: bool = False) -> Problem:
        file, line, column = self.find(path, prefer_key=prefer_key)
        prefix = self._written(path, prefer_key)
        if prefix is not None and prefix != path and prefix in self.also:
            # Located at a section both files write: say where the other part of it is.
            message += f" (the {format_path(prefix)} section also in {self.also[prefix]})"
        return Problem(file, line, column, format_path(path), message)


def format_path(path: DataPath) -> str:
    """('invoices', 2, 'due') -> 'invoices[2].due'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def read_yaml(
    path: Path, *, display_name: str | None = None
) -> tuple[Any, SourceMap, list[Problem]]:
    """Read a YAML file into plain Python data (dicts, lists, str, None) and its source map.

    Every scalar stays the text the user wrote (YAML 1.1's `NO`, `yes`, `on`, `0755` or
    `2026-02-30` are never reinterpreted); only `null`, `~` and empty values become None. Typing
    happens later, in the model, where the field says what the text should be. Problems that
    do not stop reading (a duplicate key, a control character) are returned so that they can
    be reported together with the model's; a file that cannot be read at all raises.
    """
    name = display_name or str(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise ProjectError([Problem(name, None, None, "", str(exc))]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProjectError(
            [
                Problem(
                    name,
                    line,
                    None,
                    "",
                    f"not UTF-8 text (byte {exc.start}); save the file as UTF-8",
                )
            ]
        ) from None
    return parse_yaml_text(text, name)


def parse_yaml_text(text: str, name: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse YAML text (see read_yaml)."""
    # YAML's reader stops at the first raw control character with no idea which field it is
    # in, and reads U+2028, U+2029 and U+0085 as line breaks. Each becomes a placeholder
    # YAML accepts; the value holding it is then refused by name, with the real character.
    placeholder_text = _RAW_REFUSED.sub(PLACEHOLDER, text)
    builder = _Builder(name, text)
    try:
        data = builder.document(_bounded(yaml.parse(placeholder_text, Loader=_PARSER), name))
    except yaml.MarkedYAMLError as exc:
        message = " ".join(filter(None, [exc.context, exc.problem])) or "not valid YAML"
        raise ProjectError(
            [_problem_at(name, exc.problem_mark, f"YAML syntax: {message}")]
        ) from None
    except yaml.YAMLError as exc:
        raise ProjectError([Problem(name, None, None, "", f"YAML: {exc}")]) from None
    return data, builder.source, builder.problems


# libyaml's C parser when PyYAML has it (about 15 times faster), else PyYAML's own: the same
# events either way. Only events are read: no Python object is ever constructed from a tag.
_PARSER = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


def _bounded(events: Iterator[yaml.Event], name: str) -> Iterator[yaml.Event]:
    """The parser's events, refusing a file nested deeper than MAX_DEPTH (flow or block)."""
    depth = 0
    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                message = (
                    f"nested more than {MAX_DEPTH} levels deep (sections and lists inside each "
                    "other); a project file needs at most 5"
                )
                raise ProjectError([_problem_at(name, event.start_mark, message)])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        yield event


def _problem_at(name: str, mark: Any, message: str) -> Problem:
    if mark is None:
        return Problem(name, None, None, "", message)
    return Problem(name, mark.line + 1, mark.column + 1, "", message)


class _Builder:
    """Builds plain data (dicts, lists, text, None) and the source map from parser events.

    Anchors, aliases and tags are refused where they stand, naming the field; an alias is
    never followed, so nothing can be expanded.
    """

    def __init__(self, name: str, original: str) -> None:
        self.source = SourceMap(name)
        self.problems: list[Problem] = []
        # Only YAML's own line breaks: str.splitlines would also split at U+2028 and friends.
        self.lines = re.split(r"\r\n|\r|\n", original)

    def document(self, events: Iterator[yaml.Event]) -> Any:
        stream = iter(events)
        next(stream)  # StreamStart
        event = next(stream)
        if isinstance(event, yaml.StreamEndEvent):
            raise ProjectError([Problem(self.source.file, 1, 1, "", "the file is empty")])
        data = self.node((), next(stream), stream)
        next(stream)  # DocumentEnd
        event = next(stream)
        if not isinstance(event, yaml.StreamEndEvent):
            raise ProjectError(
                [
                    _problem_at(
                        self.source.file, event.start_mark, "a second document: one project a file"
                    )
                ]
            )
        if data is None and not self.problems:
            raise ProjectError([Problem(self.source.file, 1, 1, "", "the file is empty")])
        return data

    def node(self, path: DataPath, event: Any, stream: Iterator[Any]) -> Any:
        start, end = event.start_mark, event.end_mark
        self.source.values[path] = (start.line + 1, start.column + 1)
        if isinstance(event, yaml.AliasEvent):
            return self.refuse(
                path, f"aliases (*{event.anchor}) are not allowed: write the value out in full"
            )
        refusal = None
        if event.anchor is not None:
            refusal = f"anchors (&{event.anchor}) are not allowed: write each value out in full"
        elif event.tag is not None:
            shown = event.tag.replace("tag:yaml.org,2002:", "!!")
            refusal = f"tags such as {shown} are not allowed: project files hold plain values only"
        if isinstance(event, yaml.ScalarEvent):
            self.source.ends[path] = (end.line + 1, end.column + 1)
            if refusal:
                return self.refuse(path, refusal)
            return self.scalar(path, event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(child := next(stream), yaml.SequenceEndEvent):
                items.append(self.node((*path, len(items)), child, stream))
            result: Any = items
        else:
            result = self.mapping(path, stream)
            child = self.last_end
        if event.flow_style:
            # A block collection "ends" where the next token starts, often lines later: only
            # scalars and [flow] {collections} say where their own text ends.
            self.source.ends[path] = (child.end_mark.line + 1, child.end_mark.column + 1)
        return self.refuse(path, refusal) if refusal else result

    def mapping(self, path: DataPath, stream: Iterator[Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        key_event: Any
        while not isinstance(key_event := next(stream), yaml.MappingEndEvent):
            key_line = key_event.start_mark.line + 1
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.tag or key_event.anchor:
                self.problems.append(
                    _problem_at(
                        self.source.file, key_event.start_mark, "a key must be a plain word"
                    )
                )
                self.skip(key_event, stream)
                self.skip(next(stream), stream)
                continue
            key = key_event.value
            key_path = (*path, key)
            key_column = key_event.start_mark.column + 1 if key_event.start_mark else 1
            if key in first_seen:
                self.problems.append(
                    Problem(
                        self.source.file,
                        key_line,
                        key_column,
                        format_path(key_path),
                        f"duplicate key: also on line {first_seen[key]}; keep one of them",
                    )
                )
                self.skip(next(stream), stream)
                continue
            first_seen[key] = key_line
            self.source.keys[key_path] = (key_line, key_column)
            result[key] = self.node(key_path, next(stream), stream)
        self.last_end = key_event
        return result

    def skip(self, event: Any, stream: Iterator[Any]) -> None:
        """Consume a node's events without keeping it."""
        depth = 1 if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)) else 0
        while depth:
            event = next(stream)
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1

    def refuse(self, path: DataPath, message: str) -> None:
        self.problems.append(self.source.problem(path, message))

    def scalar(self, path: DataPath, event: Any) -> str | None:
        value: str = event.value
        if not event.style and value in _NULLS:
            return None
        if PLACEHOLDER in value:
            value = self.restore(event, value)
        bad = _first_refused_character(value)
        if bad is not None:
            position, char = bad
            if char == "\ufffd":
                what = "a replacement character (U+FFFD), a sign the text was garbled when copied"
            elif char in _REFUSED_SEPARATORS:
                what = f"an invisible line separator U+{ord(char):04X}"
            elif char in _BIDI_CONTROLS:
                what = f"an invisible text-direction mark U+{ord(char):04X}"
            else:
                what = f"an invisible control character U+{ord(char):04X}"
            self.problems.append(
                self.source.problem(
                    path, f"contains {what} at position {position + 1}; remove or retype it"
                )
            )
        return value

    def restore(self, event: Any, value: str) -> str:
        """Put back the characters that were really there, in order, to report them."""
        start, end = event.start_mark, event.end_mark
        span = "\n".join(self.lines[start.line : end.line + 1])
        real = iter(_RAW_REFUSED.findall(span))
        return "".join(next(real, char) if char == PLACEHOLDER else char for char in value)


# Every character _first_refused_character looks for: the C0 and C1 controls (category Cc)
# except tab and newline, the placeholder, bidi controls, line separators and U+FFFD.
_REFUSED = re.compile(
    "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f"
    + "".join(sorted(_BIDI_CONTROLS | _REFUSED_SEPARATORS | {PLACEHOLDER, "\\ufffd"}))
    + "]"
)


def _first_refused_character(text: str) -> tuple[int, str] | None:
    found = _REFUSED.search(text)
    return (found.start(), found.group()) if found else None
