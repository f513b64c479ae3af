"""`python -m generator` runs the inwriting command line."""

from .cli import main

main()
