"""Generate a realistic project file with N scope items, for benchmarks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HEADER = """\
format: 1
language: en
currency: EUR
jurisdiction: FI
provider:
  name: Benchmark Studio Oy
  contact: Aino Example
  email: aino@studio.example
  address: |
    Esimerkkikatu 1
    00100 Helsinki
  business_id: "Y-tunnus 1234567-1"
client:
  name: Example Client Ltd
  contact: Pat Example
  email: pat@client.example
  address: |
    1 Example Road
    London
project:
  id: BENCH-{items}
  name: Website rebuild with {items} work items
  summary: A benchmark project with realistic text in every field, long enough to wrap.
  start: 2026-01-05
  end: 2026-12-18
terms:
  payment_days: 14
  deposit_percent: 30
  hourly_rate: 90.00
  revisions_included: 2
  revision_rate: 200.00
  feedback_days: 3
  late_interest: statutory
scope:
"""

ITEM = """\
  - id: S{number}
    title: Work item number {number}
    description: Design, build and test part {number} of the site, with the client's content and two review rounds.
    deliverable: Page {number} live on the staging site, checked on phone and desktop
    deadline: {deadline}
    fee: {fee}.00
"""

FOOTER = """\
exclusions:
  - Hosting and domain fees
  - Copywriting and photography
  - Migration of old content
"""


def project_text(items: int) -> str:
    start = dt.date(2026, 1, 30)
    body = "".join(
        ITEM.format(number=n, deadline=start + dt.timedelta(days=7 * n), fee=500 + 25 * n)
        for n in range(1, items + 1)
    )
    return HEADER.format(items=items) + body + FOOTER


def write_project(path: Path, items: int = 25) -> Path:
    path.write_text(project_text(items), encoding="utf-8")
    return path


if __name__ == "__main__":
    import sys

    sys.stdout.write(project_text(int(sys.argv[1]) if len(sys.argv) > 1 else 25))
