"""mscdose: dose calculator for one intravenous infusion of UC-MSC."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mscdose")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "mscdose"
