"""The `inwriting` command line, one module per group of commands; each command is a thin call
into the library."""

from .app import cli, main

__all__ = ["cli", "main"]
