"""The version in the package is the one in pyproject.toml (the spec and the wheel read the latter)."""

import tomllib
from pathlib import Path

import mscdose


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert mscdose.__version__ == project["project"]["version"]
