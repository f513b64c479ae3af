"""The law files in `law/data/`: which one applies to a jurisdiction, read once."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

LAW_DIR = Path(__file__).resolve().parent / "data"
EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)


@functools.lru_cache(maxsize=64)
def law_data(jurisdiction: str | None) -> Mapping[str, Any] | None:
    """The jurisdiction's own file, else `EU.yaml` for members, else None.

    A file with `extends: EU` holds only what differs (say, Germany's calendar rules) and takes
    everything else from the file it names.
    """
    if jurisdiction is None:
        return None
    path = LAW_DIR / f"{jurisdiction}.yaml"
    if not path.is_file():
        if jurisdiction not in EU_MEMBERS:
            return None
        path = LAW_DIR / "EU.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    base = data.pop("extends", None)
    if base is not None:
        data = {**yaml.safe_load((LAW_DIR / f"{base}.yaml").read_text(encoding="utf-8")), **data}
    return data
