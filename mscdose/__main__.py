"""Allows `python -m mscdose`, which the frozen executable also uses as its entry point."""

import sys

from mscdose.entry import main

if __name__ == "__main__":
    sys.exit(main())
