"""The garbage collector while a command starts: held back while libraries load, then normal.

Loading pydantic, Jinja, Babel, reportlab and python-docx creates a few hundred thousand objects
that live as long as the process. With the default thresholds the cyclic collector runs about
190 times during a cold `inwriting scope`, scanning them again and again to find almost no
garbage: 35-65 ms, a tenth of the run. So `inwriting` starts with a high threshold, and once the
first document is written (or before a batch starts its workers) the thresholds go back to
normal, with everything loaded so far frozen out of later collections, as the `gc` module's
documentation recommends before forking. Rendering itself makes real cyclic garbage (a hundred
documents with no collection at all reached 600 MB), which is why this is not `gc.disable()`,
and why `settle()` runs before any long job.
"""

from __future__ import annotations

import gc

STARTUP_THRESHOLD = 1_000_000
"""New objects between collections while starting: bounded, so even a long command that never
settles collects now and then."""

_normal: tuple[int, int, int] | None = None


def hold_back() -> None:
    """Collect rarely from now on; only the command-line entry point calls this."""
    global _normal
    if _normal is None:
        _normal = gc.get_threshold()
        gc.set_threshold(STARTUP_THRESHOLD, *_normal[1:])


def settle() -> None:
    """Normal thresholds again, what is loaded frozen; does nothing unless hold_back() ran."""
    global _normal
    if _normal is not None:
        gc.freeze()
        gc.set_threshold(*_normal)
        _normal = None
