"""Why a use case could not go on, as types the front ends turn into a dialog or an exit status.

Each carries a message a person can act on; `field` and `given` name the input at fault when there is one.
The command line maps them to its exit codes (`mscdose.cli.status_codes`), the window to its dialogs.

Issue 16: a refusal may be raised with a core.messages.Message (`said(QT_TRANSLATE_NOOP("CoreMessage", ...))`)
instead of a string. Its English text is the exception's message, unchanged (the CLI prints it, tests assert
it); `template` and `params` let the window show it in Chinese (`mscdose.i18n.error_text`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, Param, joined, said


class ServiceError(Exception):
    """Base of every refusal of the service layer. `str(error)` is the English message."""

    def __init__(self, message: str | Message, *, field: str = "", given: str = "") -> None:
        text = message.text if isinstance(message, Message) else message
        super().__init__(text)
        self.field, self.given = field, given
        self.template: str = message.template if isinstance(message, Message) else ""
        self.params: Mapping[str, Param] = message.params if isinstance(message, Message) else {}


def problem_list(problems: Sequence[str | Message]) -> Message:
    """Problems joined with "; " (each translated in its turn)."""
    return joined([p if isinstance(p, Message) else said("{text}", text=p) for p in problems], "; ")


def english(problems: Sequence[str | Message]) -> list[str]:
    return [p.text if isinstance(p, Message) else p for p in problems]


class InvalidInput(ServiceError):
    """Bad input: a field, an option, a file name. Nothing was saved."""


class Blocked(ServiceError):
    """A hard limit: this calculation may never be finalised or given."""

    def __init__(self, problems: Sequence[str | Message]) -> None:
        super().__init__(said(QT_TRANSLATE_NOOP("CoreMessage", "blocked by a hard limit: {problems}"),
                              problems=problem_list(problems)), field="flags")
        self.problems = english(problems)


class NotFinalisable(ServiceError):
    """Something can still be done by the person (an override, a missing field) before finalising."""

    def __init__(self, problems: Sequence[str | Message], hint: str | Message = "") -> None:
        listed = problem_list(problems)
        if hint:
            message = said(QT_TRANSLATE_NOOP("CoreMessage", "the worksheet cannot be finalised: {problems}. {hint}"),
                           problems=listed, hint=hint)
        else:
            message = said(QT_TRANSLATE_NOOP("CoreMessage", "the worksheet cannot be finalised: {problems}"),
                           problems=listed)
        super().__init__(message, field="override")
        self.problems = english(problems)


class StoreUnavailable(ServiceError):
    """The record store cannot be opened, read or written; the message says what to do."""


class OutputFailed(ServiceError):
    """A record was saved but one of its outputs could not be written; `record_id` says which to reprint."""

    def __init__(self, message: str | Message, record_id: int | None, *, field: str = "output",
                 given: str = "") -> None:
        super().__init__(message, field=field, given=given)
        self.record_id = record_id
