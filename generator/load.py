"""Safe YAML loading that keeps the line and column of every value, for precise error messages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, ProjectError

MAX_FILE_BYTES = 1024 * 1024
"""A project file is a few kilobytes; anything past this is a mistake or an attack."""

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
    """Where each value of a loaded file was written: path in the data -> (line, column)."""

    file: str
    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    ends: dict[DataPath, tuple[int, int]] = field(default_factory=dict)  # scalars, flow only

    def locate(self, path: DataPath, *, prefer_key: bool = False) -> tuple[int | None, int | None]:
        """The line and column of path, or of its nearest ancestor that was written."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            for marks in table:
                if prefix in marks:
                    return marks[prefix]
        return None, None

    def problem(self, path: DataPath, message: str, *, prefer_key: bool = False) -> Problem:
        line, column = self.locate(path, prefer_key=prefer_key)
        return Problem(self.file, line, column, format_path(path), message)


def format_path(path: DataPath) -> str:
    """('invoices', 2, 'due') -> 'invoices[2].due'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class _StrictLoader(yaml.SafeLoader):
    """Composes nodes only. Anchors, aliases and tags are refused, each recorded against its node
    so the message can name the field; an alias is never followed, so nothing is expanded."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.refusals: dict[int, str] = {}
        self._refused_nodes: list[yaml.Node] = []  # keeps ids unique while refusals holds them

    def _refuse(self, node: yaml.Node, message: str) -> None:
        self.refusals.setdefault(id(node), message)
        self._refused_nodes.append(node)

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            self.get_event()  # type: ignore[no-untyped-call]
            node: Any = yaml.ScalarNode("tag:yaml.org,2002:null", "")
            node.start_mark = node.end_mark = event.start_mark
            self._refuse(
                node, f"aliases (*{event.anchor}) are not allowed: write the value out in full"
            )
            return node
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        if anchor is not None:
            event.anchor = None  # compose it as a plain value; never register the anchor
        node = super().compose_node(parent, index)
        if anchor is not None:
            self._refuse(node, f"anchors (&{anchor}) are not allowed: write each value out in full")
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self._refuse(
                node, f"tags such as {shown} are not allowed: project files hold plain values only"
            )
        return node


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
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(
            [Problem(name, None, None, "", f"cannot read: {exc.strerror}")]
        ) from None
    if size > MAX_FILE_BYTES:
        raise ProjectError(
            [
                Problem(
                    name, None, None, "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
                )
            ]
        )
    raw = path.read_bytes()
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
    source = SourceMap(name)
    # YAML's reader stops at the first raw control character with no idea which field it is
    # in, and reads U+2028, U+2029 and U+0085 as line breaks. Each becomes a placeholder
    # YAML accepts; the value holding it is then refused by name, with the real character.
    placeholder_text = _RAW_REFUSED.sub(PLACEHOLDER, text)
    loader = _StrictLoader(placeholder_text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        message = " ".join(filter(None, [exc.context, exc.problem])) or "not valid YAML"
        raise ProjectError(
            [_problem_at(name, exc.problem_mark, f"YAML syntax: {message}")]
        ) from None
    except yaml.YAMLError as exc:
        raise ProjectError([Problem(name, None, None, "", f"YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise ProjectError([Problem(name, 1, 1, "", "the file is empty")])
    problems: list[Problem] = []
    data = _convert(root, (), source, problems, loader.refusals, text)
    return data, source, problems


def _problem_at(name: str, mark: yaml.Mark | None, message: str) -> Problem:
    if mark is None:
        return Problem(name, None, None, "", message)
    return Problem(name, mark.line + 1, mark.column + 1, "", message)


def _convert(
    node: yaml.Node,
    path: DataPath,
    source: SourceMap,
    problems: list[Problem],
    refusals: dict[int, str],
    original: str,
) -> Any:
    source.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        # A block collection "ends" where the next token starts, often lines later: only
        # scalars and [flow] {collections} say where their own text ends.
        source.ends[path] = (node.end_mark.line + 1, node.end_mark.column + 1)
    if id(node) in refusals:
        problems.append(source.problem(path, refusals[id(node)]))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or id(key_node) in refusals:
                problems.append(
                    _problem_at(source.file, key_node.start_mark, "a key must be a plain word")
                )
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in first_seen:
                problems.append(
                    Problem(
                        source.file,
                        key_line,
                        key_node.start_mark.column + 1,
                        format_path(key_path),
                        f"duplicate key: also on line {first_seen[key]}; keep one of them",
                    )
                )
                continue
            first_seen[key] = key_line
            source.keys[key_path] = (key_line, key_node.start_mark.column + 1)
            result[key] = _convert(value_node, key_path, source, problems, refusals, original)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, index), source, problems, refusals, original)
            for index, item in enumerate(node.value)
        ]
    value = node.value
    if getattr(node, "style", None) is None and value in _NULLS:
        return None
    if PLACEHOLDER in value:
        # Put back the characters that were really there, in order, to report them.
        span = original[node.start_mark.index : node.end_mark.index]
        real = iter(_RAW_REFUSED.findall(span))
        value = "".join(next(real, char) if char == PLACEHOLDER else char for char in value)
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
        problems.append(
            source.problem(path, f"contains {what} at position {position + 1}; remove or retype it")
        )
    return value


def _first_refused_character(text: str) -> tuple[int, str] | None:
    for position, char in enumerate(text):
        if char in "\n\t":
            continue
        if (
            char == PLACEHOLDER
            or unicodedata.category(char) == "Cc"
            or char in _BIDI_CONTROLS
            or char in _REFUSED_SEPARATORS
            or char == "\ufffd"
        ):
            return position, char
    return None
