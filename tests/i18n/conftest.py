"""The i18n tests start every test in English, whatever the machine's locale, and leave no language behind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mscdose import i18n


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(i18n.ENVIRONMENT_VARIABLE, "en")
    i18n._current = None
    yield
    i18n._current = None
