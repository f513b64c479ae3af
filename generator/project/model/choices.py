"""The closed lists of words a field of the project file accepts."""

from typing import Literal

Language = Literal["en", "sv", "da", "fi", "ru"]


LANGUAGES: tuple[Language, ...] = ("en", "sv", "da", "fi", "ru")


Paper = Literal["a4", "letter"]


Status = Literal["planned", "in_progress", "done", "dropped"]


Tone = Literal["friendly", "firm", "stop_work", "final"]


ChangeStatus = Literal["proposed", "approved", "rejected"]


RequestChannel = Literal["phone", "meeting", "email", "letter", "message"]


IncidentKind = Literal[
    "unresponsive",
    "controlling",
    "late_payment",
    "disputed_invoice",
    "scope_change",
    "changed_mind",
    "ignored_advice",
    "competitor_pressure",
    "dishonesty",
    "abusive",
    "legal_risk",
    "other",
]


TerminationReason = Literal[
    "unresponsive",
    "late_payment",
    "scope_creep",
    "unreasonable_demands",
    "abusive",
    "dishonesty",
    "ignored_advice",
    "competitor_pressure",
    "changed_mind",
    "legal_risk",
    "capacity",
    "other",
]


AccountOwner = Literal["client", "provider", "third_party"]


AccountAction = Literal["transfer", "revoke_mine", "hand_over", "none"]


DeliverableStatus = Literal["live", "test"]


RightsPass = Literal["on_full_payment", "on_delivery", "on_signing"]


PenaltyPeriod = Literal["day", "month", "year"]


OcrCheck = Literal["check_digit", "check_digit_and_length"]
