"""Errors that carry enough to tell a person what to fix, next to the field they typed into."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputError(ValueError):
    """Text in one field could not be accepted.

    `field` is the machine name (the CLI option with underscores, the GUI's field key); `given` echoes
    what was typed; `message` is a full sentence naming the field and saying what is accepted.
    """

    field: str
    given: str
    message: str

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "given": self.given, "message": self.message}


class ProtocolError(ValueError):
    """A protocol file is malformed: the message names the file and the key."""
