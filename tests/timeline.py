"""Each sample's story: the business day each of its documents is sent, for the renders and tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

AS_OF = dt.date(2026, 11, 22)
"""The day the golden files are named by; no document is dated by it (each by TIMELINE)."""

# Each letter on the business day it would really be sent, so one client's letters tell one
# story: each reminder rung on the day the sample records it as sent (the day the ladder reached
# it), the scope, waiting notice and change orders on the Friday before the end, and the
# termination, hand-off and review on the first business day after the final notice's deadline
# (a termination is refused before it). "changes" dates the scope, the waiting notice and the
# letter declining a change, "ends" the termination, the hand-off and the review. A change
# order goes out within the week of its request, before the stop-work notice: while work is
# suspended for an unpaid invoice, one that adds work is refused ("change_order").
TIMELINE: dict[str, dict[str, dt.date]] = {
    "havbrise-social": {  # DK: the inkassovarsel gives 10 days, to Thu 26 Nov
        "friendly": dt.date(2026, 11, 10),  # K-2026-107, the day after its due date
        "firm": dt.date(2026, 10, 20),
        "stop_work": dt.date(2026, 10, 30),
        "final": dt.date(2026, 11, 16),
        "changes": dt.date(2026, 11, 20),
        "change_order": dt.date(2026, 11, 20),  # no change request to offer
        "ends": dt.date(2026, 11, 27),
    },
    "jerry-webshop": {  # US: the final notice gives 7 business days, to Mon 30 Nov
        "friendly": dt.date(2026, 10, 15),
        "firm": dt.date(2026, 10, 26),
        "stop_work": dt.date(2026, 11, 4),
        "final": dt.date(2026, 11, 18),
        "changes": dt.date(2026, 11, 20),
        "change_order": dt.date(2026, 10, 9),  # CR-1, asked for on Tue 6 Oct
        "ends": dt.date(2026, 12, 1),
    },
    "revontuli-kaannos": {  # FI: 7 business days, to Tue 24 Nov
        "friendly": dt.date(2026, 10, 5),
        "firm": dt.date(2026, 10, 19),
        "stop_work": dt.date(2026, 10, 30),
        "final": dt.date(2026, 11, 13),
        "changes": dt.date(2026, 11, 20),
        "change_order": dt.date(2026, 10, 16),  # MT-1, asked for on Mon 12 Oct
        "ends": dt.date(2026, 11, 25),
    },
    "severnyi-veter": {  # RU: the претензия gives 30 days, to Wed 23 Dec
        "friendly": dt.date(2026, 11, 20),  # СЧ-2026-083, the day after its due date
        "firm": dt.date(2026, 10, 27),
        "stop_work": dt.date(2026, 11, 6),
        "final": dt.date(2026, 11, 23),
        "changes": dt.date(2026, 11, 20),
        "change_order": dt.date(2026, 9, 11),  # ДС-1, asked for on Tue 8 Sep
        "ends": dt.date(2026, 12, 24),
    },
    "tallbacken-bageri": {  # SE: 7 business days, to Tue 24 Nov
        "friendly": dt.date(2026, 10, 15),
        "firm": dt.date(2026, 10, 26),
        "stop_work": dt.date(2026, 11, 4),
        "final": dt.date(2026, 11, 13),
        "changes": dt.date(2026, 11, 20),
        "change_order": dt.date(2026, 10, 9),  # ÄB-1, asked for on Mon 5 Oct
        "ends": dt.date(2026, 11, 25),
    },
}

_STEP = {
    "scope": "changes",
    "waiting": "changes",
    "change-order": "change_order",
    "change-declined": "changes",
    "termination": "ends",
    "handoff": "ends",
    "review": "ends",
    "reminder-friendly": "friendly",
    "reminder-firm": "firm",
    "reminder-stop-work": "stop_work",
    "reminder-final": "final",
}


def sent_on(sample: str, kind: str) -> dt.date:
    """The day the sample (its file stem) sends the document `kind` (a build_document kind, a
    reminder tone, or a TIMELINE key)."""
    days = TIMELINE[sample]
    return days[kind] if kind in days else days[_STEP[kind]]


def sample_day(path: object, kind: str) -> dt.date:
    """sent_on for a sample given by its path."""
    from pathlib import Path

    return sent_on(Path(str(path)).stem, kind)


def as_it_stood(sample: object, day: dt.date, folder: object) -> Path:
    """A copy of the sample (a path) in `folder` without the reminders it records from `day`
    on: the project as it stood that morning, for the ladder to decide that day's letter."""
    import re

    source = Path(str(sample))
    kept = [
        line
        for line in source.read_text(encoding="utf-8").splitlines(keepends=True)
        if not (
            (found := re.match(r"\s+- \{on: (\d{4}-\d\d-\d\d), tone: \w+\}", line))
            and dt.date.fromisoformat(found.group(1)) >= day
        )
    ]
    text = re.sub(r"reminders:\n(?!\s+- )", "reminders: []\n", "".join(kept))
    copy = Path(str(folder)) / source.name
    copy.write_text(text, encoding="utf-8")
    return copy
