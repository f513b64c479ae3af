"""Mutated project files through `check` and `scope`: exit code 0 or 2, never a traceback or a
stray file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from inwriting.cli import cli
from inwriting.filenames import safe_stem
from inwriting.project.project_file import load_project

SAMPLE = (SAMPLES / "jerry-webshop.yaml").read_text(encoding="utf-8")
LINES = SAMPLE.splitlines()
EXPECTED = {"JGS-2026-01-scope.md", "JGS-2026-01-scope.pdf"}

# Values that stress the types: huge and odd numbers, dates, Unicode, YAML's own syntax.
SCALARS = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(
        [
            "1" + "0" * 5000,
            "9" * 30,
            "-1",
            "0",
            "1e309",
            ".5",
            "1.999",
            "nan",
            "2026-02-30",
            "9999-12-31",
            "0001-01-01",
            "yes",
            "~",
            '""',
            "'",
            "a: b",
            "- x",
            "[",
            "{a: [b, {c: d}]}",
            "!!python/object/apply:os.system ['echo hi']",
            "!!binary aGk=",
            "&anchor x",
            "*anchor",
            "<<: *anchor",
            '"\\x00\\u202e\\ud800"',
            '"a\\nBcc: b@c.d"',
            "ёжик@почта.рф",
            "x" * 5000,
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.recursive(
        st.just("x"),
        lambda inner: st.one_of(inner.map(lambda v: f"[{v}]"), inner.map(lambda v: f"{{k: {v}}}")),
        max_leaves=40,
    ),
)


def mutate(draw: Any) -> str:
    """The sample with one to three lines' values replaced, deleted or nested deeper."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        key, colon, _value = line.partition(":")
        action = draw(st.sampled_from(["value", "delete", "duplicate", "nest", "tag", "raw"]))
        if action == "value" and colon:
            lines[index] = f"{key}: {draw(SCALARS)}"
        elif action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "nest" and colon:
            depth = draw(st.integers(1, 40))
            indent = len(key) - len(key.lstrip())
            nested = [f"{' ' * (indent + 2 * (d + 1))}k{d}:" for d in range(depth)]
            lines[index : index + 1] = [f"{key}:", *nested, " " * (indent + 2 * depth + 2) + "v"]
        elif action == "tag" and colon:
            tag = draw(st.sampled_from(["!!str", "!!int", "!!map", "&a", "*a", "!custom"]))
            lines[index] = f"{key}: {tag} {_value.strip()}"
        else:
            lines[index] = draw(st.text(max_size=40))
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_files_end_in_ok_or_one_clear_message(data: st.DataObject) -> None:
    text = data.draw(st.composite(lambda draw: mutate(draw))())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        project = root / "project.yaml"
        project.write_text(text, encoding="utf-8", errors="surrogatepass")
        runner = CliRunner()
        checked = runner.invoke(cli, ["check", str(project)])
        assert checked.exit_code in (0, 2), checked.output
        assert checked.exception is None or isinstance(checked.exception, SystemExit)
        assert "Traceback" not in checked.output
        out = root / "out"
        args = ["scope", str(project), "--format", "md,pdf", "--out", str(out)]
        rendered = runner.invoke(cli, [*args, "--as-of", "2026-11-01"])
        assert rendered.exit_code in (0, 2), rendered.output
        assert rendered.exception is None or isinstance(rendered.exception, SystemExit)
        assert "Traceback" not in rendered.output
        # `check` and the render agree on whether the file is good.
        assert (checked.exit_code == 0) == (rendered.exit_code == 0), rendered.output
        written = {path.name for path in out.iterdir()} if out.exists() else set()
        # A mutation may leave a valid file with another project id: the names follow it.
        expected = set()
        if rendered.exit_code == 0:
            stem = safe_stem(load_project(project).project.project.id)
            expected = {name.replace("JGS-2026-01", stem) for name in EXPECTED}
        assert written == expected
        assert {path.name for path in root.iterdir()} <= {"project.yaml", "out"}
