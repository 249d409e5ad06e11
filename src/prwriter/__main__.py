"""`python -m prwriter`."""

from prwriter.cli import main

main()
