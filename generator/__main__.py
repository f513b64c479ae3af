"""`python -m inwriting` runs the inwriting command line."""

from .cli import main

main()
