"""mscdose: dose calculator for one intravenous infusion of UC-MSC."""

# A constant rather than importlib.metadata: reading the installed metadata costs about 25 ms of start-up.
# tests/test_version.py keeps it equal to pyproject.toml.
__version__ = "0.1.0"

APP_NAME = "mscdose"
