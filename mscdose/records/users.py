"""Local user accounts and electronic signatures, kept in the record store and chained like everything else.

Why events and not a users table that is updated: an account's history (who added it, who disabled it,
every failed sign-in, every lock-out) is audit evidence, and a row that can be edited in place proves
nothing. So every change is a new row of `user_events`, whose hash is a "user" entry of the one ledger
(ledger.py); a user's current state is the fold of their events. Editing any row (a role from preparer to
admin, a password hash, a failed attempt removed) breaks its hash and `audit verify` names it.

Why signatures here: a signature (21 CFR Part 11 §11.50: printed name, date and time, meaning) is a
statement about a record by a person, so it is a "signature" entry of the same ledger, after its record.
Meanings: "prepared" (the preparer finalised it), "checked" (an independent blind re-entry matched) and
"mismatch" (a blind re-entry found differences: kept, so a later match says it came after a mismatch).

Accounts are per store: none means the site works without electronic signatures (as before issue 14); the
first user added must be an admin, and from then on accounts are on for that store. The rules that must
hold whatever the caller did are checked here inside the write transaction: the first user is an admin,
only an active admin changes users, a checker is never the preparer, a disabled or locked user never signs.
The service layer (mscdose.service.accounts) authenticates and words the refusals. What a signature is and
the rules about signing that need no store (meanings, who may sign what, the self-check) are in
signature_rules.py; their names are re-exported here, where callers have always found them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mscdose.core.identifiers import canonical_key
from mscdose.records import ledger
from mscdose.records.canonical import canonical_json, sha256_text
from mscdose.records.errors import StoreError
from mscdose.records.signature_rules import MAY_SIGN as MAY_SIGN
from mscdose.records.signature_rules import MEANINGS as MEANINGS
from mscdose.records.signature_rules import SIGNATURE_FIELDS as SIGNATURE_FIELDS
from mscdose.records.signature_rules import Signature as Signature
from mscdose.records.signature_rules import initials_key as initials_key
from mscdose.records.signature_rules import refuse_self_check
from mscdose.records.signature_rules import signature_hash as signature_hash

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore

ROLES = ("preparer", "checker", "admin")
EVENTS = ("added", "disabled", "password", "failed_sign_in", "locked", "unlocked", "failures_cleared")
LOCKOUT_AFTER = 5  # consecutive failed sign-ins; then only an admin can unlock the account
_USER_ID = re.compile(r"^[A-Za-z][A-Za-z0-9._\-]{1,31}$")
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z.\-]{1,5}$")
USER_EVENT_FIELDS = ("id", "user_id", "event", "at", "by_user", "detail")


@dataclass(frozen=True)
class User:
    """A user's current state (the fold of their events). No password hash: that never leaves this module
    except through `password_hash_of`."""

    user_id: str
    full_name: str
    initials: str
    role: str
    disabled: bool = False
    locked: bool = False
    failed_attempts: int = 0
    added_at: datetime | None = None
    added_by: str = ""

    @property
    def key(self) -> str:
        return canonical_key(self.user_id)

    @property
    def active(self) -> bool:
        return not self.disabled and not self.locked

    @property
    def state(self) -> str:
        return "disabled" if self.disabled else "locked" if self.locked else "active"


class UserChainProblem(Exception):
    """A user event or signature fails verification; `record_id` names the record when one is concerned."""

    def __init__(self, problem: str, record_id: int | None = None) -> None:
        super().__init__(problem)
        self.record_id = record_id


def user_event_hash(event: dict[str, Any]) -> str:
    content = {key: event[key] for key in USER_EVENT_FIELDS}
    content["kind"] = "user_event"
    return sha256_text(canonical_json(content))


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    last = conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0
    return max(int(row[0]) if row else 0, last) + 1


# -- reading -------------------------------------------------------------------------------------------

def _fold(rows: list[tuple[Any, ...]]) -> dict[str, tuple[User, str]]:
    """Users by key, each with their current password hash, from user_events rows (id order)."""
    users: dict[str, tuple[User, str]] = {}
    for _, user_id, user_key, event, at, by_user, detail_json in rows:
        detail = json.loads(detail_json)
        if event == "added":
            users[user_key] = (User(user_id, detail["full_name"], detail["initials"], detail["role"],
                                    added_at=datetime.fromisoformat(at), added_by=by_user), detail["password"])
            continue
        user, password = users[user_key]
        changes: dict[str, Any] = {
            "disabled": {"disabled": True},
            "failed_sign_in": {"failed_attempts": user.failed_attempts + 1},
            "locked": {"locked": True},
            "unlocked": {"locked": False, "failed_attempts": 0},
            "failures_cleared": {"failed_attempts": 0},
            "password": {"failed_attempts": 0},
        }[event]
        password = detail.get("password", password) if event == "password" else password
        users[user_key] = (User(**{**user.__dict__, **changes}), password)
    return users


def _users(conn: sqlite3.Connection) -> dict[str, tuple[User, str]]:
    return _fold(conn.execute("SELECT id, user_id, user_key, event, at, by_user, detail FROM user_events "
                              "ORDER BY id").fetchall())


def accounts_enabled(store: RecordStore) -> bool:
    """True once the first user (an admin) was added to this store."""
    with store._reading("read the user accounts") as conn:  # same package: the store's own read guard
        return conn.execute("SELECT 1 FROM user_events LIMIT 1").fetchone() is not None


def list_users(store: RecordStore) -> list[User]:
    """Every user ever added (disabled ones too), in the order they were added."""
    with store._reading("read the user accounts") as conn:
        return [user for user, _ in _users(conn).values()]


def find_user(store: RecordStore, user_id: str) -> User | None:
    with store._reading("read the user accounts") as conn:
        found = _users(conn).get(canonical_key(user_id))
    return found[0] if found else None


def password_hash_of(store: RecordStore, user_id: str) -> str:
    """The stored scrypt hash (for `passwords.check_password` only); StoreError for an unknown user."""
    with store._reading("read the user accounts") as conn:
        found = _users(conn).get(canonical_key(user_id))
    if found is None:
        raise StoreError(f"There is no user {user_id!r} in this record store.")
    return found[1]


def signatures(store: RecordStore, record_id: int | None = None) -> list[Signature]:
    """Signatures oldest first, of one record or of all."""
    where, params = ("WHERE record_id = ?", (record_id,)) if record_id is not None else ("", ())
    with store._reading("read the signatures") as conn:
        rows = conn.execute(f"SELECT {', '.join(SIGNATURE_FIELDS)} FROM signatures {where} ORDER BY id",
                            params).fetchall()
    return [Signature(r[0], r[1], r[2], r[3], r[4], r[5], datetime.fromisoformat(r[6]), r[7]) for r in rows]


# -- writing -------------------------------------------------------------------------------------------

def _append_event(conn: sqlite3.Connection, user_id: str, event: str, by_user: str,
                  detail: dict[str, Any] | None = None) -> None:
    row = {"id": _next_id(conn, "user_events"), "user_id": user_id, "event": event, "at": _now_text(),
           "by_user": by_user, "detail": canonical_json(detail or {})}
    digest = user_event_hash(row)
    conn.execute("INSERT INTO user_events (id, user_id, user_key, event, at, by_user, detail, sha256) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (row["id"], user_id, canonical_key(user_id), event, row["at"], by_user, row["detail"], digest))
    ledger.append_entry(conn, "user", row["id"], digest)


def _active_admin(users: dict[str, tuple[User, str]], by: str, action: str) -> None:
    admin = users.get(canonical_key(by), (None, ""))[0]
    if admin is None or admin.role != "admin" or not admin.active:
        raise StoreError(f"Cannot {action}: {by!r} is not an active admin of this record store.")


def user_problem(user_id: str, full_name: str, initials: str, role: str) -> str | None:
    """Why these cannot be a new user's details, or None."""
    if not _USER_ID.match(user_id or ""):
        return (f"user id {user_id!r:.40}: 2 to 32 characters, a letter first, then letters, digits, '.', '-' "
                "or '_' (e.g. jsmith)")
    if len((full_name or "").strip()) < 2 or any(not ch.isprintable() for ch in full_name):
        return "full name: give the name as it is to be printed beside the signature (e.g. Jane Smith)"
    if not _INITIALS.match((initials or "").strip()):
        return f"initials {initials!r:.20}: 2 to 6 letters (e.g. JS)"
    if role not in ROLES:
        return f"role {role!r:.20}: one of {', '.join(ROLES)}"
    return None


def add_user(store: RecordStore, user_id: str, full_name: str, initials: str, role: str, password_hash: str,
             by: str) -> User:
    """Add a user. The first user of a store must be an admin (`by` is then their own id) and turns accounts
    on; every later one needs `by` to be an active admin (the caller authenticated them)."""
    user_id, full_name, initials = user_id.strip(), " ".join(full_name.split()), initials.strip().upper()
    problem = user_problem(user_id, full_name, initials, role)
    if problem:
        raise StoreError(f"Cannot add the user: {problem}.")
    with store._write("add the user") as conn:
        users = _users(conn)
        if not users:
            if role != "admin":
                raise StoreError("Cannot add the user: the first user of a record store must be an admin "
                                 "(who will add the others); add an admin first.")
            by = user_id
        else:
            _active_admin(users, by, "add the user")
        if canonical_key(user_id) in users:
            raise StoreError(f"Cannot add the user: the user id {user_id!r} is already taken (ids are compared "
                             "ignoring case, spaces and hyphens; disabled users keep theirs).")
        _append_event(conn, user_id, "added", by, {"full_name": full_name, "initials": initials, "role": role,
                                                   "password": password_hash})
        return _users(conn)[canonical_key(user_id)][0]


def change_user(store: RecordStore, user_id: str, event: str, by: str, password_hash: str = "") -> User:
    """An admin (`by`) disables or unlocks a user or sets their password; a user may set their own password
    (`by` == `user_id`, the caller having checked the old one). Refuses disabling the last active admin."""
    if event not in ("disabled", "unlocked", "password"):
        raise StoreError(f"Cannot change the user: {event!r} is not a change an admin makes.")
    with store._write(f"record that the user was {event}") as conn:
        users = _users(conn)
        found = users.get(canonical_key(user_id))
        if found is None:
            raise StoreError(f"Cannot change the user: there is no user {user_id!r}.")
        user = found[0]
        if not (event == "password" and canonical_key(by) == user.key):
            _active_admin(users, by, f"change user {user_id}")
        if user.disabled:
            raise StoreError(f"Cannot change user {user.user_id}: the account is disabled (for good; add a new "
                             "user instead).")
        if event == "disabled" and user.role == "admin" and not [
                u for u, _ in users.values() if u.role == "admin" and u.active and u.key != user.key]:
            raise StoreError(f"Cannot disable {user.user_id}: it is the last active admin, and nobody could "
                             "manage the users after it. Add another admin first.")
        _append_event(conn, user.user_id, event, by, {"password": password_hash} if event == "password" else None)
        return _users(conn)[user.key][0]


def failed_sign_in(store: RecordStore, user_id: str) -> User:
    """Count one failed sign-in (in the chain); at the LOCKOUT_AFTER-th in a row the account is locked."""
    with store._write("record the failed sign-in") as conn:
        user = _users(conn)[canonical_key(user_id)][0]
        _append_event(conn, user.user_id, "failed_sign_in", "")
        if user.failed_attempts + 1 >= LOCKOUT_AFTER and not user.locked:
            _append_event(conn, user.user_id, "locked", "")
        return _users(conn)[user.key][0]


def clear_failures(store: RecordStore, user_id: str) -> None:
    """After a successful sign-in the count of failures starts again (only written when it was not 0)."""
    with store._write("record the sign-in") as conn:
        user = _users(conn)[canonical_key(user_id)][0]
        if user.failed_attempts and not user.locked:
            _append_event(conn, user.user_id, "failures_cleared", user.user_id)


def add_signature(store: RecordStore, record_id: int, meaning: str, user_id: str, initials: str,
                  detail: str = "") -> Signature:
    """Append a signature of a record. With accounts on, `user_id` must be an active user whose role may
    sign this meaning; without accounts, `user_id` is "" and `initials` say who (not an electronic
    signature). A check ("checked" or "mismatch") by the preparer is refused (by user id when the record
    has an electronic "prepared" signature, else by initials); a record is prepared and checked once."""
    if meaning not in MEANINGS:
        raise StoreError(f"Cannot sign: the meaning {meaning!r} is not one of {', '.join(MEANINGS)}.")
    with store._write("save the signature") as conn:
        record = conn.execute("SELECT prepared_by FROM records WHERE id = ?", (record_id,)).fetchone()
        if record is None:
            raise StoreError(f"Cannot sign record {record_id}: there is no such record.")
        later = conn.execute("SELECT MIN(id) FROM records WHERE supersedes = ?", (record_id,)).fetchone()[0]
        if later is not None:
            raise StoreError(f"Cannot sign record {record_id}: it was corrected by record {later}; sign that one.")
        users = _users(conn)
        if users:
            found = users.get(canonical_key(user_id))
            if found is None or not user_id:
                raise StoreError("Cannot sign: accounts are on for this record store, so a signature needs a user "
                                 f"id and password ({user_id!r} is not a user).")
            user = found[0]
            if not user.active:
                raise StoreError(f"Cannot sign: user {user.user_id} is {user.state}.")
            if user.role not in MAY_SIGN[meaning]:
                raise StoreError(f"Cannot sign as {meaning}: user {user.user_id} is a {user.role}; "
                                 f"only a {' or '.join(MAY_SIGN[meaning])} may.")
            user_id, printed, initials = user.user_id, user.full_name, user.initials
        else:
            if user_id:
                raise StoreError("Cannot sign with a user id: this record store has no user accounts.")
            initials = initials.strip()
            if not _INITIALS.match(initials):
                raise StoreError(f"Cannot sign: initials {initials!r:.20} are not 2 to 6 letters (e.g. JS).")
            printed = initials.upper()
        earlier = conn.execute("SELECT meaning, user_id, initials FROM signatures WHERE record_id = ? ORDER BY id",
                               (record_id,)).fetchall()
        if meaning in ("prepared", "checked") and any(m == meaning for m, _, _ in earlier):
            raise StoreError(f"Cannot sign record {record_id} as {meaning}: it is already signed as {meaning}.")
        if meaning != "prepared":
            refuse_self_check(record_id, record[0], earlier, user_id, initials)
        row = {"id": _next_id(conn, "signatures"), "record_id": record_id, "meaning": meaning, "user_id": user_id,
               "printed_name": printed, "initials": initials.upper(), "at": _now_text(), "detail": detail}
        digest = signature_hash(row)
        conn.execute(f"INSERT INTO signatures ({', '.join(SIGNATURE_FIELDS)}, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, "
                     "?, ?)", (*(row[k] for k in SIGNATURE_FIELDS), digest))
        ledger.append_entry(conn, "signature", row["id"], digest)
    return Signature(row["id"], record_id, meaning, user_id, printed, row["initials"],
                     datetime.fromisoformat(row["at"]), detail)


# -- verifying (called by verify.py) -------------------------------------------------------------------

def _contiguous(conn: sqlite3.Connection, table: str, in_order: bool, count: int, what: str) -> None:
    """`in_order`: the ids read (in id order) were 1..count; none may be missing after them either."""
    allocated = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    if not in_order or (allocated and int(allocated[0]) > count):
        raise UserChainProblem(f"a {what} is missing (deleted?)")


def ledger_items(conn: sqlite3.Connection) -> dict[str, Mapping[int, str]]:
    """The hashes of every user event and signature (recomputed, so an edited row fails here), by kind, for
    the ledger walk; a signature must name an existing record and come after it in the ledger."""
    events: dict[int, str] = {}
    for row in conn.execute(f"SELECT {', '.join(USER_EVENT_FIELDS)}, user_key, sha256 FROM user_events ORDER BY id"):
        event = dict(zip(USER_EVENT_FIELDS, row[:6], strict=True))
        if user_event_hash(event) != row[7] or canonical_key(str(event["user_id"])) != row[6] \
                or event["event"] not in EVENTS:
            raise UserChainProblem(f"user event {event['id']} ({event['event']} of user {event['user_id']}) was "
                                   "changed after it was made")
        events[event["id"]] = row[7]
    _contiguous(conn, "user_events", list(events) == list(range(1, len(events) + 1)), len(events), "user event")
    try:
        _users(conn)
    except (KeyError, ValueError, TypeError) as error:
        raise UserChainProblem(f"the user events do not make sense in order ({type(error).__name__}: {error})") \
            from None
    # issue 18: a site signs every record twice, so the signatures are as many as the records: their hashes are
    # held as 32 bytes by position (digests.py) while the ids run 1, 2, 3, ... (else the walk fails below, after
    # every row's own check, as before), and each one's ledger position and its record's are read with it
    # (the largest, as a dict of the ledger's rows kept the last), not held for all
    from mscdose.records import verify_walk
    from mscdose.records.digests import ById, Digests

    signed, count, in_order = Digests(), 0, True
    positions = ("(SELECT max(seq) FROM ledger WHERE kind = 'signature' AND ref = signatures.id), "
                 "(SELECT max(seq) FROM ledger WHERE kind = 'record' AND ref = signatures.record_id)")
    hash_of = verify_walk.signature_hash
    for row in conn.execute(f"SELECT {', '.join(SIGNATURE_FIELDS)}, sha256, {positions} FROM signatures ORDER BY id"):
        sid, rid, meaning = row[0], row[1], row[2]  # SIGNATURE_FIELDS begin id, record_id, meaning
        if hash_of(row[:8]) != row[8] or meaning not in MEANINGS:
            raise UserChainProblem(f"signature {sid} of record {rid} was changed after it was made", rid)
        own, record = row[9], row[10]
        if record is None or (own is not None and own < record):
            raise UserChainProblem(f"signature {sid} names record {rid}, which is not there or was saved after it",
                                   rid)
        count += 1
        in_order = in_order and sid == count
        if in_order:
            signed.append(row[8])
    _contiguous(conn, "signatures", in_order, count, "signature")
    return {"user": events, "signature": ById(signed)}
