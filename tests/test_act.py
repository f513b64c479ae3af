"""The акт сдачи-приемки and amounts in words: what the act lists, what it may say, who signs."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.cli import cli
from inwriting.documents.state import effective_on
from inwriting.project.project_file import load_project
from inwriting.render.amount_words import amount_in_words
from num2words import num2words
from timeline import TIMELINE, sent_on

SEVERNYI = SAMPLES / "severnyi-veter.yaml"
JERRY = SAMPLES / "jerry-webshop.yaml"
# Each command on the day the sample's timeline sends its document (tests/timeline.py); a
# variant of the Russian sample keeps the Russian sample's days.
KIND = {"act": "handoff", "handoff": "handoff", "terminate": "termination"}
NO_CLAIMS = "Заказчик претензий по объему, качеству и срокам выполнения"


def run(*args: str) -> Any:
    runner = CliRunner(env={"INWRITING_SINGLE_PROCESS": "1"})
    command, stem = args[0], Path(args[1]).stem
    kind = args[args.index("--tone") + 1] if command == "nudge" else KIND[command]
    on = sent_on(stem if stem in TIMELINE else "severnyi-veter", kind)
    return runner.invoke(cli, [*args, "--as-of", on.isoformat()])


def words(amount: Decimal) -> str:
    """The amount in words as Russian documents write it, computed here from the figure."""
    return str(
        num2words(amount, lang="ru", to="currency", currency="RUB", cents=False, separator="")
    )


def done_total(data: dict[str, Any]) -> Decimal:
    """The price of the sample's scope items marked done, from the project file itself."""
    return sum(
        (Decimal(str(item["fee"])) for item in data["scope"] if item.get("status") == "done"),
        start=Decimal(0),
    )


def variant(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The Russian sample with each (old, new) text replaced, as a new project file."""
    text = SEVERNYI.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    return path


RESOLVED = (
    "    kind: disputed_invoice\n",
    "    kind: disputed_invoice\n    resolved_on: 2026-11-01\n",
)
K2_IN_TIME = ("    done_on: 2026-10-05\n", "    done_on: 2026-09-29\n")
FINISHED = [
    (
        f"    {price}\n    status: in_progress\n",
        f"    {price}\n    status: done\n    done_on: 2026-11-15\n",
    )
    for price in ("hours: 40", "fee: 150000.00")
]


def act_text(path: Path, out: Path, *options: str) -> str:
    result = run("act", str(path), "--out", str(out), "--format", "md", *options)
    assert result.exit_code == 0, result.output
    (md,) = out.glob("*-act*.md")
    # The Markdown without its emphasis and escapes: the text a reader sees.
    return normalise(md.read_text(encoding="utf-8").replace("**", "").replace("\\", ""))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_act_lists_parties_work_total_in_words_and_signatures(tmp_path: Path, fmt: str) -> None:
    result = run("act", str(SEVERNYI), "--out", str(tmp_path), "--format", fmt)
    assert result.exit_code == 0, result.output
    data = (tmp_path / f"SV-2026-04-act.{fmt}").read_bytes()
    text = normalise(pdf_text(data) if fmt == "pdf" else docx_text(data))
    sample = yaml.safe_load(SEVERNYI.read_text(encoding="utf-8"))
    assert "Акт сдачи-приемки выполненной части работ" in text  # K3 and K4 are not done
    assert "по Договору № SV-2026-04 от 26 июня 2026 г." in text  # the signed scope's date
    # The parties and their numbers, from the project file.
    for party in ("provider", "client"):
        assert sample[party]["name"] in text
        for number in sample[party]["ids"].values():
            assert number in text
    assert "р/с 40802810500000012345" in text and "БИК 044030999" in text
    assert "к/с 30101810400000000999" in text and "АО «Банк Пример»" in text
    # The work done, each with its price; the work not done listed apart, unpriced.
    assert "Каталог продукции (K1)" in text and "180 000,00 ₽" in text
    assert "Конструктор шкафов-купе (K2)" in text and "240 000,00 ₽" in text
    assert "Обмен данными с 1С (K3): работа начата, но не завершена" in text
    total = done_total(sample)
    assert total == Decimal("420000")
    assert f"Итого: 420 000,00 ₽ ({words(total)}). НДС не облагается." in text
    # Signature lines: position, name as signed, date, signature with the seal's place.
    assert "Индивидуальный предприниматель" in text
    assert "Ковалев Д. А." in text and "Громов В. П." in text
    assert text.count("Подпись, М. П.") == 2 and text.count("Должность") == 2


def test_no_claims_only_without_a_dispute_and_with_every_item_in_time(tmp_path: Path) -> None:
    # The sample: the client disputes K2 (28 Oct, not resolved), and K2 was done after its
    # deadline: the act neither says "no claims" nor "in time".
    text = act_text(SEVERNYI, tmp_path / "disputed")
    assert NO_CLAIMS not in text and "в установленные сроки" not in text
    assert "Перечисленные работы выполнены." in text

    # Dispute resolved, K2 still late: still no "no claims".
    text = act_text(variant(tmp_path, RESOLVED), tmp_path / "late")
    assert NO_CLAIMS not in text

    text = act_text(variant(tmp_path, RESOLVED, K2_IN_TIME), tmp_path / "in-time")
    assert "Перечисленные работы выполнены в установленные сроки." in text
    assert f"{NO_CLAIMS} перечисленных работ не имеет." in text

    text = act_text(variant(tmp_path, RESOLVED, K2_IN_TIME, *FINISHED), tmp_path / "finished")
    assert "Акт сдачи-приемки выполненных работ" in text
    assert "Работы выполнены в полном объеме и в установленные сроки." in text
    assert f"{NO_CLAIMS} работ не имеет." in text and "Не завершены" not in text
    # K3 is hourly: its price is the hours at the rate, and the total adds it.
    assert "112 000,00 ₽<br>40 ч × 2 800,00 ₽" in text
    assert f"({words(Decimal('682000'))})" in text


def test_a_vat_rate_is_added_and_the_total_with_it_is_in_words(tmp_path: Path) -> None:
    text = act_text(variant(tmp_path, ("  vat: not_registered\n", "  vat: 20\n")), tmp_path)
    assert "Итого без НДС: 420 000,00 ₽. НДС по ставке 20 %: 84 000,00 ₽." in text
    assert f"Всего с учетом НДС: 504 000,00 ₽ ({words(Decimal('504000'))})." in text
    assert "НДС не облагается" not in text


def test_until_lists_the_work_done_by_that_day(tmp_path: Path) -> None:
    text = act_text(SEVERNYI, tmp_path, "--until", "2026-09-01")
    assert "Исполнитель выполнил по 1 сентября 2026 г. включительно" in text
    assert "Каталог продукции (K1)" in text and "(K2): работа начата" in text
    assert f"Итого: 180 000,00 ₽ ({words(Decimal('180000'))})" in text
    assert (tmp_path / "SV-2026-04-act-2026-09-01.md").exists()


def test_no_act_without_work_done_or_outside_russian(tmp_path: Path) -> None:
    result = run("act", str(SEVERNYI), "--out", str(tmp_path), "--until", "2026-07-31")
    assert result.exit_code == 2
    assert "no work item is done by 2026-07-31" in result.output
    for args in (["act", str(JERRY)], ["act", str(SEVERNYI), "--lang", "en"]):
        result = run(*args, "--out", str(tmp_path))
        assert result.exit_code == 2, result.output
        assert "the act (акт сдачи-приемки) is a Russian document" in result.output
        assert "Traceback" not in result.output
    assert not list(tmp_path.iterdir())  # nothing written


@pytest.mark.parametrize("command", ["handoff", "terminate"])
def test_russian_handoff_and_termination_come_with_the_act(tmp_path: Path, command: str) -> None:
    result = run(command, str(SEVERNYI), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    # The work done up to the end date: the termination's. Decided after the претензия's
    # deadline went unpaid, it ends for breach (10.2) that day, not 30 days on.
    ends = effective_on(load_project(SEVERNYI).project)
    assert ends == dt.date(2026, 12, 24)
    act = tmp_path / f"SV-2026-04-act-{ends}.pdf"
    assert act.exists()
    text = normalise(pdf_text(act.read_bytes()))
    assert "Акт сдачи-приемки выполненной части работ" in text
    assert "Конструктор шкафов-купе (K2)" in text


def test_an_english_handoff_comes_without_an_act(tmp_path: Path) -> None:
    result = run("handoff", str(JERRY), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*-act*"))
    assert "act" not in result.output.replace("contract", "")


def _total_line(text: str) -> tuple[Decimal, str]:
    line = next(line for line in text.splitlines() if line.startswith("| **Итого к оплате"))
    figure = re.findall(r"\*\*([\d\s\u00a0]+,\d\d)\s₽\*\*", line)[-1]
    return Decimal(re.sub(r"\s", "", figure).replace(",", ".")), normalise(line)


def test_russian_reminder_and_termination_give_the_total_in_words(tmp_path: Path) -> None:
    result = run("nudge", str(SEVERNYI), "--tone", "final", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    for md in [
        *tmp_path.glob("*-final.md"),
        tmp_path / "termination" / "SV-2026-04-termination.md",
    ]:
        if md.parent.name == "termination":
            result = run("terminate", str(SEVERNYI), "--out", str(md.parent), "--format", "md")
            assert result.exit_code == 0, result.output
        total, line = _total_line(md.read_text(encoding="utf-8"))
        assert total > 0
        assert f"({words(total)})" in line


def test_amount_in_words_form_and_where_there_are_none() -> None:
    assert amount_in_words(Decimal("40000.00"), "RUB", "ru") == "сорок тысяч рублей 00 копеек"
    assert amount_in_words(Decimal("1.01"), "RUB", "ru") == "один рубль 01 копейка"
    assert amount_in_words(Decimal("341000"), "RUB", "ru").startswith("триста сорок одна тысяча")
    assert amount_in_words(Decimal("5"), "EUR", "ru") == "пять евро 00 центов"
    assert amount_in_words(Decimal("5"), "SEK", "ru") == ""  # no Russian words for kronor
    assert amount_in_words(Decimal("5"), "RUB", "en") == ""  # only Russian letters use them
