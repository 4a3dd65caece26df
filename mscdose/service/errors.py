"""Why a use case could not go on, as types the front ends turn into a dialog or an exit status.

Each carries a message a person can act on; `field` and `given` name the input at fault when there is one.
The command line maps them to its exit codes (`mscdose.cli.status_codes`), the window to its dialogs.
"""

from __future__ import annotations

from collections.abc import Sequence


class ServiceError(Exception):
    """Base of every refusal of the service layer."""

    def __init__(self, message: str, *, field: str = "", given: str = "") -> None:
        super().__init__(message)
        self.field, self.given = field, given


class InvalidInput(ServiceError):
    """Bad input: a field, an option, a file name. Nothing was saved."""


class Blocked(ServiceError):
    """A hard limit: this calculation may never be finalised or given."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("blocked by a hard limit: " + "; ".join(problems), field="flags")
        self.problems = list(problems)


class NotFinalisable(ServiceError):
    """Something can still be done by the person (an override, a missing field) before finalising."""

    def __init__(self, problems: Sequence[str], hint: str = "") -> None:
        super().__init__("the worksheet cannot be finalised: " + "; ".join(problems) + (f". {hint}" if hint else ""),
                         field="override")
        self.problems = list(problems)


class StoreUnavailable(ServiceError):
    """The record store cannot be opened, read or written; the message says what to do."""


class OutputFailed(ServiceError):
    """A record was saved but one of its outputs could not be written; `record_id` says which to reprint."""

    def __init__(self, message: str, record_id: int | None, *, field: str = "output", given: str = "") -> None:
        super().__init__(message, field=field, given=given)
        self.record_id = record_id
