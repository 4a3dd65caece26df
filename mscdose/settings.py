"""Every setting mscdose keeps between runs (window and command line alike), each declared once here with its default.

Declaring an option in one place (the way MusicBrainz Picard does) means a default can never differ
between the code that reads it and the code that writes it, and this module is the whole list of what
persists. Nothing clinical is here: no weight, dose or patient ever survives to the next patient, and
not the weight unit either (a unit left on lb from the last patient read 62 as 62 lb, a 55 % underdose):
every patient starts in kg. A key no longer declared here (`units/weight` in an old settings.ini) is
simply never read.

Settings live in an INI file in the mscdose data folder (`settings.ini`), not in the Windows registry:
it travels with MSCDOSE_DATA_DIR (so tests never touch the user's real settings) and a site can inspect it.
"""

from __future__ import annotations

from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from mscdose.datadir import data_dir

T = TypeVar("T")

SETTINGS_FILE_NAME = "settings.ini"


class Option(NamedTuple, Generic[T]):
    """One persisted setting. `choices`, when given, is the complete list of values accepted on reading:
    a hand-edited file with `lb ` or `Legal` falls back to the default instead of confusing the window.

    A named tuple (immutable, like the frozen dataclass it was): `dataclasses` costs about 2 ms of
    start-up, and this module is imported before the window's first paint."""

    key: str
    default: T
    choices: tuple[T, ...] = ()
    description: str = ""


WINDOW_GEOMETRY: Option[QByteArray] = Option("window/geometry", QByteArray(), description="main window size and place")
OPERATOR_INITIALS: Option[str] = Option("operator/initials", "", description="prefills 'prepared by'")
SITE_NAME: Option[str] = Option("site/name", "", description="printed at the top of the worksheet")
PAPER_SIZE: Option[str] = Option("print/paper_size", "A4", ("A4", "Letter"), "worksheet paper size")

# --- issue 13 (identity2): the bag label's size and what the site's wristband barcode carries around the id ---
LABEL_SIZE: Option[str] = Option("print/label_size", "100x50mm", ("100x50mm", "4x2in"), "bag label size")
WRISTBAND_PATTERN: Option[str] = Option("bedside/wristband_pattern", "{id}",
                                        description="wristband barcode: {id}, or text around it such as MRN:{id}")
# --- end issue 13 ---
# issue 14: a site may require the independent check before the bag is labelled
CHECK_BEFORE_LABEL: Option[str] = Option("site/check_before_label", "no", ("no", "yes"),
                                         "refuse a bag label for a record not yet checked independently")
# issue 16: the language of the window and the worksheet ("system": the system locale when translated)
LANGUAGE: Option[str] = Option("ui/language", "system", ("system", "en", "zh_CN"), "language: system, en or zh_CN")

ALL_OPTIONS: tuple[Option[Any], ...] = (WINDOW_GEOMETRY, OPERATOR_INITIALS, SITE_NAME, PAPER_SIZE,
                                        LABEL_SIZE, WRISTBAND_PATTERN, CHECK_BEFORE_LABEL, LANGUAGE)


class Settings:
    """Typed access to the options above, backed by QSettings in INI format."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or str(data_dir() / SETTINGS_FILE_NAME)
        self._store = QSettings(self.path, QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        raw = self._store.value(option.key, option.default)
        if isinstance(option.default, QByteArray):
            return raw if isinstance(raw, QByteArray) else option.default  # type: ignore[return-value]
        if isinstance(option.default, str):
            value = raw if isinstance(raw, str) else option.default
            value = value.strip()
            if option.choices and value not in option.choices:
                return option.default
            return value  # type: ignore[return-value]
        return raw  # type: ignore[no-any-return]

    def set(self, option: Option[T], value: T) -> None:
        if option.choices and value not in option.choices:
            raise ValueError(f"{option.key}: {value!r} is not one of {option.choices}")
        self._store.setValue(option.key, value)

    def sync(self) -> None:
        """Write to disk now (QSettings also writes on its own, later)."""
        self._store.sync()
