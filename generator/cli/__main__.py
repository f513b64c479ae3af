"""`python -m inwriting.cli` runs the command line, like `inwriting`."""

from .app import main

main()
