"""User accounts and electronic signatures as use cases: add, disable, unlock, authenticate, sign.

Why here and not in each front end: the window and the command line must refuse the same wrong password
the same way, count it the same way (every failed sign-in is an entry of the record store's chain) and lock
the account after the same number of failures. The record store (mscdose.records.users) keeps the events
and enforces the rules that must hold whatever the caller did; this module checks the password with scrypt
(mscdose.records.passwords) and turns every refusal into a `ServiceError` that names what is wrong.

Accounts are per record store and off until the first user, an admin, is added. While they are off,
everything works as before issue 14: worksheets say "no electronic signature", a check is signed with
initials only. Once on, finalising, checking, user changes and protocol approval need a user and password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.service.errors import InvalidInput, ServiceError
from mscdose.service.records import store_errors

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore
    from mscdose.records.users import Signature, User

Credentials = tuple[str, str]  # (user id, password)
NO_SIGNATURE = "no electronic signature"


class AccessRefused(ServiceError):
    """Wrong or missing user or password, an account disabled or locked, or a role that may not do this.
    Nothing was saved except, for a wrong password, the failed attempt itself."""


def accounts_enabled(store: RecordStore) -> bool:
    """True once this record store has users: then signatures need a user id and password."""
    from mscdose.records import users

    with store_errors():
        return users.accounts_enabled(store)


def list_users(store: RecordStore) -> list[User]:
    from mscdose.records import users

    with store_errors():
        return users.list_users(store)


def authenticate(store: RecordStore, user_id: str, password: str) -> User:
    """The user, when the password is theirs and the account is active; else AccessRefused naming why.

    A wrong password is counted in the store (a "failed_sign_in" entry of the chain) and after
    `LOCKOUT_AFTER` in a row the account is locked until an admin unlocks it. A locked or disabled account is
    refused without looking at the password, so it cannot be used to go on guessing. A right password
    clears the count."""
    from mscdose.records import passwords, users

    user_id = (user_id or "").strip()
    if not user_id:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User: no user id was given. Accepted: your user id (an admin can list them with "
                           "`mscdose user list`).")), field="user")
    with store_errors():
        user = users.find_user(store, user_id)
    if user is None:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User: “{user_id}” is not a user of this record store. Accepted: a user id an admin "
                           "added (`mscdose user list`)."),
            user_id=user_id[:40]), field="user", given=user_id[:40])
    if user.disabled:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User {user_id} is disabled and cannot sign."),
            user_id=user.user_id), field="user", given=user_id)
    if user.locked:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User {user_id} is locked after {limit} failed sign-ins. An admin must unlock it "
                           "(`mscdose user unlock {user_id}` or the Users window)."),
            user_id=user.user_id, limit=users.LOCKOUT_AFTER),
                            field="user", given=user_id)
    with store_errors():
        stored = users.password_hash_of(store, user.user_id)
    try:
        right = passwords.check_password(password or "", stored)
    except ValueError as error:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User {user_id} cannot sign: {error}. An admin must set a new password."),
            user_id=user.user_id, error=error),
                            field="password") from None
    if not right:
        with store_errors():
            after = users.failed_sign_in(store, user.user_id)
        if after.locked:
            raise AccessRefused(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "Password: wrong password for {user_id}. That was failure {failures} in a row, so "
                               "the account is now locked; an admin must unlock it."),
                user_id=user.user_id, failures=after.failed_attempts), field="password")
        left = users.LOCKOUT_AFTER - after.failed_attempts
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Password: wrong password for {user_id} (failure {failures} in a row; the account is "
                           "locked after {left} more)."),
            user_id=user.user_id, failures=after.failed_attempts, left=left), field="password")
    if user.failed_attempts:
        with store_errors():
            users.clear_failures(store, user.user_id)
    return user


def require_admin(store: RecordStore, user_id: str, password: str) -> User:
    """An authenticated, active admin (for user changes and protocol approval when accounts are on)."""
    user = authenticate(store, user_id, password)
    if user.role != "admin":
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User {user_id} is a {role}; only an admin may do this."),
            user_id=user.user_id, role=user.role), field="user",
                            given=user_id)
    return user


def _check_new_password(password: str, user_id: str) -> str:
    from mscdose.records import passwords

    problem = passwords.password_problem(password, user_id)
    if problem:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Password: {problem}. Accepted: at least {min_password} characters, or a PIN of at least "
                           "{min_pin} digits."),
            problem=problem, min_password=passwords.MIN_PASSWORD, min_pin=passwords.MIN_PIN), field="password")
    return passwords.hash_password(password)


def add_user(store: RecordStore, user_id: str, full_name: str, initials: str, role: str, password: str, *,
             by_admin: Credentials | None = None) -> User:
    """Add a user. The first user of a store must be an admin and needs no `by_admin` (it turns accounts
    on); every later user needs an admin's (id, password)."""
    from mscdose.records import users

    problem = users.user_problem(user_id.strip(), " ".join(full_name.split()), initials.strip().upper(), role)
    if problem:
        field, given = next((f, g) for prefix, f, g in (("user id", "user", user_id), ("full name", "full_name",
                            full_name), ("initials", "initials", initials), ("role", "role", role))
                            if problem.startswith(prefix))
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "New user: {problem}."),
            problem=problem), field=field, given=given[:40])
    first = not accounts_enabled(store)
    if first and role != "admin":
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "New user: this record store has no users yet, so the first one must be an admin (role "
                           "admin), who then adds the others.")), field="role", given=role)
    by = user_id.strip()
    if not first:
        if by_admin is None:
            raise AccessRefused(said(QT_TRANSLATE_NOOP(
                "CoreMessage", "Adding a user needs an admin's user id and password.")), field="user")
        by = require_admin(store, *by_admin).user_id
    password_hash = _check_new_password(password, user_id.strip())
    with store_errors():
        return users.add_user(store, user_id, full_name, initials, role, password_hash, by)


def disable_user(store: RecordStore, user_id: str, *, by_admin: Credentials) -> User:
    """Disable a user for good (their signatures stay valid; the id is never reused)."""
    from mscdose.records import users

    admin = require_admin(store, *by_admin)
    with store_errors():
        return users.change_user(store, user_id, "disabled", admin.user_id)


def unlock_user(store: RecordStore, user_id: str, *, by_admin: Credentials) -> User:
    """Unlock an account locked after failed sign-ins (the count starts again)."""
    from mscdose.records import users

    admin = require_admin(store, *by_admin)
    with store_errors():
        return users.change_user(store, user_id, "unlocked", admin.user_id)


def set_password(store: RecordStore, user_id: str, new_password: str, *, by: Credentials) -> User:
    """A user changes their own password (`by` = their id and old password) or an admin sets a new one."""
    from mscdose.core.identifiers import canonical_key
    from mscdose.records import users

    signer = authenticate(store, *by)
    if signer.key != canonical_key(user_id) and signer.role != "admin":
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "User {user_id} may only change their own password."),
            user_id=signer.user_id), field="user")
    password_hash = _check_new_password(new_password, user_id)
    with store_errors():
        return users.change_user(store, user_id, "password", signer.user_id, password_hash)


def sign(store: RecordStore, record_id: int, user: User | None, meaning: str, *, initials: str = "",
         detail: str = "") -> Signature:
    """Append a signature ("prepared", "checked" or "mismatch") of a saved record to the chain.

    `user` must come from `authenticate` (accounts on); without accounts pass None and the initials (a
    signature by initials only, printed "no electronic signature"). The store refuses a check by the
    preparer, a disabled or locked user, a role that may not sign this, and a second prepared/checked."""
    from mscdose.records import users

    enabled = accounts_enabled(store)
    if enabled and user is None:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "This record store has user accounts: signing needs a user id and password.")),
                            field="user")
    if not enabled and user is not None:
        raise AccessRefused(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "This record store has no user accounts: sign with initials.")), field="user")
    with store_errors():
        return users.add_signature(store, record_id, meaning, user.user_id if user else "", initials, detail)


def signatures(store: RecordStore, record_id: int) -> list[Signature]:
    """A record's signatures, oldest first (the worksheet prints "prepared" and "checked")."""
    from mscdose.records import users

    with store_errors():
        return users.signatures(store, record_id)


def signature_lines(store: RecordStore, record_id: int) -> dict[str, str]:
    """What the worksheet prints in each signature box: {"prepared": line, "checked": line}, each the
    signature's manifestation, or "no electronic signature" when there is none (the paper box stays)."""
    found = {s.meaning: s.manifestation() for s in signatures(store, record_id) if s.meaning != "mismatch"}
    return {meaning: found.get(meaning, NO_SIGNATURE) for meaning in ("prepared", "checked")}
