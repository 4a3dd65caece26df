"""Errors that carry enough to tell a person what to fix, next to the field they typed into."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from mscdose.core.messages import Message, Param, remember


@dataclass
class InputError(ValueError):
    """Text in one field could not be accepted.

    `field` is the machine name (the CLI option with underscores, the GUI's field key); `given` echoes
    what was typed; `message` is a full sentence naming the field and saying what is accepted. Given a
    core.messages.Message (`said(...)`), `message` is its English text and `template`/`params` keep what a
    window in another language translates (mscdose.i18n.message_text); `message` is always the English.
    """

    field: str
    given: str
    message: str
    template: str = dataclasses.field(default="", compare=False, repr=False)
    params: Mapping[str, Param] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.message, Message):
            said = self.message
            self.message, self.template, self.params = remember(said), said.template, said.params
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    @property
    def said(self) -> Message | None:
        """The message as a template and its values, to nest in another or raise again (None when it was made
        as plain text): `InvalidInput(error.said or error.message, ...)`."""
        return Message(self.template, self.params) if self.template else None

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "given": self.given, "message": self.message}


class ProtocolError(ValueError):
    """A protocol file is malformed: the message names the file and the key."""
