"""Loading rules: each bad file is refused with exit code 2 and a file:line:col message."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from inwriting.cli import cli
from inwriting.errors import ProjectError
from inwriting.project.load import MAX_FILE_BYTES
from inwriting.project.project_file import load_project

VALID = """\
format: 1
language: en
currency: EUR
jurisdiction: FI
provider:
  name: Studio Test Oy
  contact: Aino Test
client:
  name: Client Ltd
project:
  id: T-1
  name: Test project
terms:
  payment_days: 14
  feedback_days: 3
  revision_rate: 80.00
scope:
  - id: A
    title: First item
    deadline: 2026-12-01
    fee: 100.00
"""


def write(tmp_path: Path, text: str, name: str = "project.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", str(path)])
    return result.exit_code, result.output


def assert_refused(path: Path, line: int, field: str, fragment: str) -> str:
    """exit 2, a `file:line:col: field: message` line, and never a traceback."""
    code, output = check(path)
    assert code == 2, output
    assert "Traceback" not in output
    pattern = rf"^{re.escape(str(path))}:{line}:\d+: {re.escape(field)}: .*{re.escape(fragment)}"
    assert re.search(pattern, output, re.MULTILINE), output
    return output


def test_valid_file_passes(tmp_path: Path) -> None:
    code, output = check(write(tmp_path, VALID))
    assert code == 0, output
    assert "ok" in output


def test_norway_yes_and_on_stay_strings(tmp_path: Path) -> None:
    text = VALID.replace("jurisdiction: FI", "jurisdiction: NO").replace(
        "  contact: Aino Test", "  contact: yes\n  phone: on"
    )
    project = load_project(write(tmp_path, text)).project
    assert project.jurisdiction == "NO"
    assert project.provider.contact == "yes"
    assert project.provider.phone == "on"


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    text = VALID.replace("  name: Client Ltd", "  name: Client Ltd\n  name: Other Ltd")
    output = assert_refused(write(tmp_path, text), 10, "client.name", "duplicate key")
    assert "also on line 9" in output


def test_python_tags_are_refused(tmp_path: Path) -> None:
    text = VALID.replace("  name: Client Ltd", "  name: !!python/object/apply:os.system [echo hi]")
    assert_refused(write(tmp_path, text), 9, "client.name", "!!python/object/apply:os.system")


def test_any_tag_is_refused(tmp_path: Path) -> None:
    text = VALID.replace("  payment_days: 14", "  payment_days: !!int 14")
    assert_refused(
        write(tmp_path, text), 14, "terms.payment_days", "tags such as !!int are not allowed"
    )


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    text = VALID.replace("client:\n  name: Client Ltd", "client: &c\n  name: Client Ltd")
    assert_refused(write(tmp_path, text), 8, "client", "anchors (&c) are not allowed")
    laughs = VALID + 'exclusions: &a ["lol", "lol"]\nachievements: [*a, *a, *a, *a, *a, *a, *a]\n'
    output = assert_refused(
        write(tmp_path, laughs, "alias.yaml"), 23, "achievements[0]", "aliases (*a)"
    )
    assert "anchors (&a)" in output


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + "# " + "x" * MAX_FILE_BYTES + "\n")
    code, output = check(path)
    assert code == 2
    assert f"{path}: file is" in output and "the limit is" in output


def test_control_character_is_refused_naming_the_field(tmp_path: Path) -> None:
    text = VALID.replace("    title: First item", '    title: "First\\x07 item"')
    output = assert_refused(write(tmp_path, text), 19, "scope[0].title", "U+0007")
    assert "\x07" not in output


def test_bidi_override_is_refused(tmp_path: Path) -> None:
    text = VALID.replace("  name: Test project", '  name: "Test \\u202e project"')
    assert_refused(write(tmp_path, text), 12, "project.name", "U+202E")


def test_impossible_date_reported_with_line_and_field(tmp_path: Path) -> None:
    text = VALID.replace("deadline: 2026-12-01", "deadline: 2026-02-30")
    assert_refused(write(tmp_path, text), 20, "scope[0].deadline", "not a date (2026-02-30)")


def test_unknown_key_gets_did_you_mean(tmp_path: Path) -> None:
    text = VALID.replace("  payment_days: 14", "  payment_dayz: 14\n  payment_days: 14")
    assert_refused(write(tmp_path, text), 14, "terms.payment_dayz", "did you mean payment_days?")


def test_unknown_top_level_key_lists_the_known_ones(tmp_path: Path) -> None:
    text = VALID + "zzz_notes: hello\n"
    assert_refused(write(tmp_path, text), 22, "zzz_notes", "expected one of: format, language")


def test_missing_required_field(tmp_path: Path) -> None:
    text = VALID.replace("  payment_days: 14\n", "")
    assert_refused(write(tmp_path, text), 13, "terms.payment_days", "required field is missing")


def test_money_is_decimal_and_exact(tmp_path: Path) -> None:
    text = VALID.replace("    fee: 100.00", "    fee: 0.10") + (
        "  - id: B\n    title: Second\n    fee: 0.20\n"
    )
    project = load_project(write(tmp_path, text)).project
    fees = [item.fee for item in project.scope]
    assert all(isinstance(fee, Decimal) for fee in fees)
    assert sum(fees, Decimal(0)) == Decimal("0.30")


def test_money_with_three_decimals_is_refused(tmp_path: Path) -> None:
    text = VALID.replace("    fee: 100.00", "    fee: 100.005")
    assert_refused(write(tmp_path, text), 21, "scope[0].fee", "more than two decimals")


def test_ids_written_as_numbers_are_kept_as_written(tmp_path: Path) -> None:
    text = VALID.replace("  - id: A", "  - id: 007").replace("  id: T-1", "  id: 2026.10")
    project = load_project(write(tmp_path, text)).project
    assert project.scope[0].id == "007"
    assert project.project.id == "2026.10"


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    text = (
        VALID.replace("  payment_days: 14", "  payment_days: fourteen")
        .replace("deadline: 2026-12-01", "deadline: 2026-13-01")
        .replace("  name: Client Ltd", "  name: Client Ltd\n  emial: x@example.com")
    )
    code, output = check(write(tmp_path, text))
    assert code == 2
    assert "terms.payment_days" in output
    assert "scope[0].deadline" in output
    assert "client.emial" in output
    assert "3 problems" in output


def test_several_files_are_checked_together(tmp_path: Path) -> None:
    good = write(tmp_path, VALID, "good.yaml")
    bad = write(tmp_path, VALID.replace("format: 1", "format: 2"), "bad.yaml")
    code, output = check_many(good, bad)
    assert code == 2
    assert f"ok  {good}" in output
    assert f"{bad}:1:9: format: this version of inwriting reads format 1 (found 2)" in output


def check_many(*paths: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *map(str, paths)])
    return result.exit_code, result.output


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    text = VALID.replace("  name: Client Ltd", "  name: [Client Ltd")
    code, output = check(write(tmp_path, text))
    assert code == 2 and "Traceback" not in output
    assert re.search(
        rf"^{re.escape(str(tmp_path))}/project.yaml:\d+:\d+: YAML syntax", output, re.M
    )


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID.replace("Client Ltd", "Café Ltd").encode("latin-1"))
    code, output = check(path)
    assert code == 2 and "not UTF-8" in output


def test_empty_file_is_refused(tmp_path: Path) -> None:
    code, output = check(write(tmp_path, ""))
    assert code == 2 and "the file is empty" in output


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "fragment"),
    [
        ("currency: EUR", "currency: EURO", 3, "currency", "unknown currency code EURO"),
        ("jurisdiction: FI", "jurisdiction: XX", 4, "jurisdiction", "unknown country code XX"),
        ("    fee: 100.00", "    fee: 100.00\n    hours: 3", 22, "scope[0].hours", "not both"),
        ("  revision_rate: 80.00\n", "", 13, "terms.revision_rate", "set revision_rate"),
        ("  - id: A", "  - id: A\n    status: maybe", 19, "scope[0].status", "expected planned"),
    ],
)
def test_cross_field_and_value_rules(
    tmp_path: Path, old: str, new: str, line: int, field: str, fragment: str
) -> None:
    assert old in VALID
    assert_refused(write(tmp_path, VALID.replace(old, new)), line, field, fragment)


def test_duplicate_scope_ids_are_refused(tmp_path: Path) -> None:
    text = VALID + "  - id: A\n    title: Again\n    fee: 1.00\n"
    assert_refused(write(tmp_path, text), 22, "scope[1].id", "A is used twice")


def test_library_error_carries_the_problems(tmp_path: Path) -> None:
    with pytest.raises(ProjectError) as caught:
        load_project(write(tmp_path, VALID.replace("format: 1", "format: one")))
    assert caught.value.exit_code == 2
    assert caught.value.problems[0].field == "format"


def test_raw_control_character_names_the_field_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "raw.yaml"
    path.write_bytes(VALID.replace("  name: Client Ltd", "  name: Client\x07 Ltd").encode())
    output = assert_refused(path, 9, "client.name", "control character U+0007 at position 7")
    assert "\x07" not in output


def test_raw_line_separator_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "sep.yaml"
    path.write_bytes(VALID.replace("  name: Client Ltd", "  name: Client\u2028Ltd").encode())
    assert_refused(path, 9, "client.name", "line separator U+2028")


def test_refused_tag_is_reported_once(tmp_path: Path) -> None:
    text = VALID.replace("  name: Client Ltd", "  name: !!str Client Ltd")
    code, output = check(write(tmp_path, text))
    assert code == 2
    assert output.count("client.name") == 1


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "fragment"),
    [
        (
            "  revision_rate: 80.00",
            "  revision_rate: 80.00\n  late_interest: 5000",
            17,
            "terms.late_interest",
            "from 0 to 100",
        ),
        ("  name: Client Ltd", '  name: ""', 9, "client.name", "is empty"),
        ("jurisdiction: FI", "jurisdiction: EZ", 4, "jurisdiction", "unknown country code EZ"),
        ("jurisdiction: FI", "jurisdiction: ZZ", 4, "jurisdiction", "unknown country code ZZ"),
        ("currency: EUR", "currency: XXX", 3, "currency", "unknown currency code XXX"),
        ("  feedback_days: 3", "  feedback_days: 0", 15, "terms.feedback_days", "at least 1 day"),
        ("format: 1", "format: 1\ntemplates: no-such-folder", 2, "templates", "no such folder"),
    ],
)
def test_values_that_look_right_but_are_not(
    tmp_path: Path, old: str, new: str, line: int, field: str, fragment: str
) -> None:
    assert old in VALID
    assert_refused(write(tmp_path, VALID.replace(old, new)), line, field, fragment)


def test_answer_before_question_is_refused(tmp_path: Path) -> None:
    text = (
        VALID
        + "waiting_on:\n  - item: Logo\n    asked_on: 2026-05-10\n    answered_on: 2026-05-01\n"
    )
    assert_refused(write(tmp_path, text), 25, "waiting_on[0].answered_on", "before it was asked")


def test_empty_format_says_nothing_not_none(tmp_path: Path) -> None:
    code, output = check(write(tmp_path, VALID.replace("format: 1", "format:")))
    assert code == 2 and "(found nothing)" in output


def test_refused_characters_are_exactly_the_rule() -> None:
    """The fast pattern refuses exactly control characters (bar tab and newline), bidi marks,
    line separators and U+FFFD, checked over the whole Basic Multilingual Plane."""
    import unicodedata

    from inwriting.project import load

    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        rule = char not in "\n\t" and (
            unicodedata.category(char) == "Cc"
            or char in load._BIDI_CONTROLS
            or char in load._REFUSED_SEPARATORS
            or char in (load.PLACEHOLDER, "\ufffd")
        )
        assert (load._first_refused_character(char) is not None) == rule, hex(code)
