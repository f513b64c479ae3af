"""The package's shape: no import cycles, and every folder of it packaged into the wheel.

The layers themselves are import-linter's contracts in pyproject.toml (`make test` runs
lint-imports); this adds what a layers contract does not see: cycles inside a layer.
"""

from __future__ import annotations

from typing import Any

import grimp
import pytest
from conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; CI has it

SOURCE = ROOT / "generator"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("inwriting", cache_dir=None)


def test_no_module_imports_one_that_imports_it_back(graph: grimp.ImportGraph) -> None:
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if importer in imported.split(".")[:-1] or imported.startswith(importer + "."):
                continue  # a package and its own modules
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back and not any(importer.startswith(m + ".") for m in back):
                cycles.append(" -> ".join([importer, *back]))
    assert cycles == []


def test_the_layers_contract_names_every_subpackage() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    top_level = {
        path.stem if path.is_file() else path.name
        for path in SOURCE.iterdir()
        if (path.suffix == ".py" and path.stem not in ("__init__", "__main__"))
        or (path / "__init__.py").is_file()
    }
    assert top_level == named


def test_every_folder_of_the_package_is_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        "inwriting" + "".join(f".{part}" for part in path.relative_to(SOURCE).parts)
        for path in [SOURCE, *SOURCE.rglob("*")]
        if path.is_dir() and path.name != "__pycache__"
    }
    templates = {f"inwriting.templates.{path.name}" for path in (ROOT / "templates").iterdir()}
    assert listed == folders | {"inwriting.templates"} | templates


def _layers(graph: grimp.ImportGraph) -> Any:
    from importlinter.contracts.layers import LayersContract

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    session = {"root_packages": [config["tool"]["importlinter"]["root_package"]]}
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return LayersContract(
        name=contract["name"], session_options=session, contract_options=contract
    ).check(graph, verbose=False)


def test_the_layers_hold_and_a_wrong_import_breaks_them(graph: grimp.ImportGraph) -> None:
    assert _layers(graph).kept
    # The contract is only worth having if it fails: the ledger importing the CLI must break it.
    graph.add_import(importer="inwriting.law.ledger", imported="inwriting.cli.common")
    try:
        assert not _layers(graph).kept
    finally:
        graph.remove_import(importer="inwriting.law.ledger", imported="inwriting.cli.common")
