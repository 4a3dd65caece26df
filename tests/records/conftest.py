"""Fixtures of the records tests: a fresh store in the isolated data folder (see tests/conftest.py)."""

from __future__ import annotations





