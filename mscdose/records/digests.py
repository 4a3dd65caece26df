"""Verify's hashes held compactly: 32 raw bytes each in one bytearray (issue 18: verify's memory).

Why: verify holds the hash of every record, print event, bedside check and ledger entry until the ledger has
been matched with its items. Held as Python strings in dicts keyed by id, that was about 0.6 KB a record:
90 MiB at 100,000 records and growing with the store. Here a hash is its 32 bytes, and an id, which verify has
already proven to run 1, 2, 3, ... without a gap before it holds anything, is a position, not a key.

Exactness is what lets the walk use these without a second thought:
- `Digests[i]` gives back exactly what was appended. A value that is not 64 lowercase hexadecimal digits (only a
  damaged or forged file has one) is kept as it is, beside the bytes.
- `ById` looks ids up with a dict's equality: 1, True, 1.0 and Decimal(1) find the same entry, "1" none; any
  other key is simply not there, as in a dict.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

_SIZE = 32  # bytes of one SHA-256
_ABSENT = object()


class Digests:
    """Hex SHA-256 texts in order, 32 bytes each; anything else kept verbatim (`_odd`, by position).

    Appended texts wait in a short list and are turned into bytes a thousand at a time, with one `join` and one
    `bytes.fromhex`: per text, that is cheaper than the dict entry it replaces."""

    _BATCH = 1024

    def __init__(self) -> None:
        self._raw = bytearray()
        self._odd: dict[int, Any] = {}
        self._pending: list[Any] = []

    @classmethod
    def of(cls, texts: list[Any]) -> Digests:
        made = cls()
        made.extend_texts(texts)
        return made

    def append(self, value: Any) -> None:
        pending = self._pending
        pending.append(value)
        if len(pending) >= self._BATCH:
            self._settle()

    def extend_texts(self, texts: list[Any]) -> None:
        """`append` of each text: what a walk gathered in a list of its own (cheaper than a call per text)."""
        self._pending.extend(texts)
        self._settle()

    def _settle(self) -> None:
        """The pending texts into bytes: all at once when every one is 64 lowercase hex digits, else one by one."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        try:
            joined = "".join(pending)
        except TypeError:  # a value that is not text
            joined = ""
        if joined and set(map(len, pending)) == {2 * _SIZE}:
            raw = _hex_bytes(joined)
            if raw is not None:  # lowercase hex digits only, each text 64 of them: each gave its own 32 bytes
                self._raw += raw
                return
        for value in pending:
            self._one(value)

    def _one(self, value: Any) -> None:
        if type(value) is str and len(value) == 2 * _SIZE:
            raw = _hex_bytes(value)
            if raw is not None:
                self._raw += raw
                return
        self._odd[len(self._raw) // _SIZE] = value
        self._raw += bytes(_SIZE)

    def extend(self, other: Digests) -> None:
        self._settle()
        other._settle()
        base = len(self)
        self._raw += other._raw
        self._odd.update({base + index: value for index, value in other._odd.items()})

    def __len__(self) -> int:
        return len(self._raw) // _SIZE + len(self._pending)

    def __getitem__(self, index: int) -> Any:
        self._settle()
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(f"digest {index} of {count}")
        if self._odd:
            odd = self._odd.get(index, _ABSENT)
            if odd is not _ABSENT:
                return odd
        return self._raw[index * _SIZE:(index + 1) * _SIZE].hex()

    def __iter__(self) -> Iterator[Any]:
        return (self[index] for index in range(len(self)))

    def __getstate__(self) -> dict[str, Any]:  # what a helper process sends back: the bytes, never the texts
        self._settle()
        return {"_raw": self._raw, "_odd": self._odd, "_pending": []}


def _hex_bytes(text: str) -> bytes | None:
    """The bytes of `text` when it is lowercase hexadecimal digits only, else None. Proven by the round trip
    (`bytes.fromhex` skips whitespace and takes capitals; `hex()` gives neither back), which is two calls in C:
    issue 18, `str.islower()` looked every character up in Unicode's tables, and called a hash of digits alone
    not lowercase."""
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        return None
    return raw if raw.hex() == text else None


def position(key: Any, count: int) -> int | None:
    """The position (0-based) of id `key` among ids 1..count, found as a dict would find it; None: not there."""
    try:
        number = int(key)
    except (TypeError, ValueError, OverflowError):
        return None
    if number != key or not 1 <= number <= count:
        return None
    return number - 1


class ById(Mapping[Any, Any]):
    """Ids 1..n (proven consecutive by the walk) → their hash, or (hash, the record each names) with `named`.

    `get` and `in` take plain ids in range the short way (the ledger walk asks once an entry); anything else
    goes through `position`, which answers as a dict would."""

    def __init__(self, digests: Digests, named: Sequence[Any] | None = None) -> None:
        digests._settle()  # complete: nothing is appended once the walk has handed them over
        self._digests, self._named = digests, named
        self._count, self._raw, self._odd = len(digests), digests._raw, digests._odd

    def get(self, key: Any, default: Any = None) -> Any:
        if type(key) is int and 0 < key <= self._count:
            index = key - 1
        else:
            found = position(key, self._count)
            if found is None:
                return default
            index = found
        odd = self._odd
        value = odd[index] if odd and index in odd else self._raw[index * _SIZE:(index + 1) * _SIZE].hex()
        return value if self._named is None else (value, self._named[index])

    def __getitem__(self, key: Any) -> Any:
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        if type(key) is int:
            return 0 < key <= self._count
        return position(key, self._count) is not None

    def __iter__(self) -> Iterator[int]:
        return iter(range(1, self._count + 1))

    def __len__(self) -> int:
        return self._count

    def named(self) -> Iterator[tuple[int, Any]]:
        """(id, the record it names) of every entry, in order, without making the hashes' texts."""
        return enumerate(self._named or (), 1)

    def seen(self) -> SeenIds:
        """An empty set of this mapping's ids, one byte an id."""
        return SeenIds(self._count)

    @property
    def names_records(self) -> bool:
        """Each entry also names a record (print events, bedside checks), which the ledger walk checks."""
        return self._named is not None

    def plain_bytes(self) -> bytearray | None:
        """All the hashes as one run of bytes (id n at (n - 1) * 32) when every one is a plain hash, else None:
        for a caller that compares many at once (the ledger walk, verify.py) without a call per id."""
        return None if self._odd else self._raw


class SeenIds:
    """The ids among 1..count the ledger walk has met, one byte an id; `in` answers as a set's would."""

    def __init__(self, count: int) -> None:
        self._count = count
        self.flags = bytearray(count)  # 1 at id - 1 once met; the ledger walk marks plain ids here directly

    def first(self, key: Any) -> bool:
        """Mark `key` (an id of the mapping: the walk looked it up first); False when it was already marked."""
        index = key - 1 if type(key) is int and 0 < key <= self._count else position(key, self._count)
        if index is None:
            raise KeyError(key)
        if self.flags[index]:
            return False
        self.flags[index] = 1
        return True

    def __contains__(self, key: object) -> bool:
        index = key - 1 if type(key) is int and 0 < key <= self._count else position(key, self._count)
        return index is not None and bool(self.flags[index])

    def first_missing(self, items: Iterable[Any]) -> Any:
        """The smallest id not marked, or NOT_MISSING (`items`: the mapping these ids are of)."""
        index = self.flags.find(0)
        return NOT_MISSING if index < 0 else index + 1


class SeenSet(set[Any]):
    """`SeenIds` for a kind held in a plain dict (protocol approvals, user events, signatures)."""

    def first(self, key: Any) -> bool:
        if key in self:
            return False
        self.add(key)
        return True

    def first_missing(self, items: Iterable[Any]) -> Any:
        return min((key for key in items if key not in self), default=NOT_MISSING)


NOT_MISSING = object()  # every item was met (None could itself be a key)
