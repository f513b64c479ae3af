"""The base of every part of the project file."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every
# annotation string when the models are built, which costs about 25 ms of every cold start.
from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    """A part of the project file: unknown keys are errors, never silently ignored."""

    model_config = ConfigDict(extra="forbid")
