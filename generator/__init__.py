"""inwriting: put a freelancer's dealings with a client in writing, from one YAML file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .project.project_file import load_project
    from .render.pipeline import render_document

__all__ = ["__version__", "load_project", "render_document"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `inwriting --help` and `import inwriting` stay as cheap as Click itself.
    if name == "__version__":
        from importlib.metadata import version

        return version("inwriting")
    if name == "load_project":
        from .project.project_file import load_project

        return load_project
    if name == "render_document":
        from .render.pipeline import render_document

        return render_document
    raise AttributeError(f"module 'inwriting' has no attribute {name!r}")
