"""`mscdose user add|disable|unlock|password|list` and `mscdose check RECORD_ID` (the blind double check).

Passwords are never command-line arguments (they would be in the shell history and the process list):
they are asked with a hidden prompt (getpass) or, for scripts, read from standard input with
`--password-stdin`, one per line in the order the prompts would ask them (the admin's first, then the new
password). Exit status: 0 done or the check matched, 1 the check found differences (listed), 2 bad input,
a wrong password, a locked or disabled account, or a refusal (the preparer checking their own record).
"""

from __future__ import annotations

import argparse
from typing import Any

from mscdose.cli.options import Parser, Passwords, Problem, add_database, add_json, new_parser, say
from mscdose.cli.status_codes import ExitCode

_BLIND = (("--weight", "weight", "patient weight with unit, from the prescription, e.g. '62 kg'"),
          ("--dose", "dose", "prescribed dose, e.g. '150 million cells'"),
          ("--concentration", "concentration", "lot concentration from the product label, e.g. '5 million cells/mL'"),
          ("--viability", "viability", "post-thaw viability from the lot's certificate, e.g. '92 %%'"),
          ("--bag-volume", "bag_volume", "volume of one bag from the label, e.g. '20 mL'"))


def build_parser(name: str) -> Parser:
    if name == "check":
        return _check_parser(name)
    parser = new_parser(name, "manage the user accounts of the record store (an admin's job)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=Parser)
    add = actions.add_parser("add", help="add a user (the first user of a store must be an admin)")
    add.add_argument("user_id", metavar="USER_ID")
    add.add_argument("--name", required=True, help="full name as printed beside the signature")
    add.add_argument("--initials", required=True, help="2 to 6 letters, e.g. JS")
    add.add_argument("--role", required=True, choices=("preparer", "checker", "admin"))
    add.set_defaults(handler=_add)
    for action, help_text, handler in (("disable", "disable a user for good", _disable),
                                       ("unlock", "unlock a user locked after failed sign-ins", _unlock)):
        sub = actions.add_parser(action, help=help_text)
        sub.add_argument("user_id", metavar="USER_ID")
        sub.set_defaults(handler=handler)
    password = actions.add_parser("password", help="change your password (or, with --admin, set a user's)")
    password.add_argument("user_id", metavar="USER_ID")
    password.set_defaults(handler=_password)
    listing = actions.add_parser("list", help="list the users")
    listing.set_defaults(handler=_list)
    for sub in (add, password, listing, *(actions.choices[a] for a in ("disable", "unlock"))):
        if sub is not listing:
            sub.add_argument("--admin", metavar="ADMIN_ID", help="the admin making the change (not needed for the "
                             "first user, nor to change your own password)")
            sub.add_argument("--password-stdin", action="store_true",
                             help="read the password(s) from standard input, one per line, instead of a prompt")
        add_database(sub)
        add_json(sub)
    return parser


def _check_parser(name: str) -> Parser:
    parser = new_parser(name, "check a saved record blind: re-enter its five inputs from the source documents",
                        "The record's entries and results are not shown; the re-entered values and the volume "
                        "to draw recomputed from them are compared with the record. Exit 0 matched (a 'checked' "
                        "signature is added), 1 differences (listed), 2 bad input or wrong password.")
    parser.add_argument("record_id", metavar="RECORD_ID")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", metavar="ID", help="your user id (record stores with user accounts)")
    who.add_argument("--initials", metavar="AB", help="your initials (record stores without user accounts)")
    group = parser.add_argument_group("re-entered inputs (all five are required)")
    for option, field, help_text in _BLIND:
        group.add_argument(option, dest=field, metavar=field.upper(), required=True, help=help_text)
    parser.add_argument("--protocol", default=None, help="the record's protocol file, when it is a site protocol")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_database(parser)
    add_json(parser)
    parser.set_defaults(handler=_check)
    return parser


def _record_id(text: str) -> int:
    value = text.strip().lstrip("#")
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) < 2**63:
        raise Problem.bad_input("record_id", text[:40], f"RECORD_ID: “{text[:40]}” is not a record number. "
                                "Accepted: the number printed on the worksheet, e.g. 12.")
    return int(value)


def _admin(args: argparse.Namespace, passwords: Passwords) -> tuple[str, str]:
    if not args.admin:
        raise Problem.bad_input("admin", "", "--admin: this change needs an admin's user id (and their password).")
    return args.admin, passwords.ask(f"Password of admin {args.admin}")


def _user_dict(user: Any) -> dict[str, Any]:
    return {"user_id": user.user_id, "full_name": user.full_name, "initials": user.initials, "role": user.role,
            "state": user.state, "failed_attempts": user.failed_attempts,
            "added_at": user.added_at.isoformat(timespec="seconds") if user.added_at else None,
            "added_by": user.added_by}


def _add(args: argparse.Namespace) -> int:
    from mscdose.service import accounts
    from mscdose.service.records import opened_store

    passwords = Passwords(args.password_stdin)
    with opened_store(args.database) as store:
        admin = _admin(args, passwords) if accounts.accounts_enabled(store) else None
        new = passwords.ask(f"New password or PIN for {args.user_id}", confirm=True)
        user = accounts.add_user(store, args.user_id, args.name, args.initials, args.role, new, by_admin=admin)
    first = "" if admin else (" User accounts are now on for this record store: finalising and checking need a "
                              "signature.")
    say(args.json, {"user": _user_dict(user)}, f"Added {user.role} {user.user_id} ({user.full_name}).{first}")
    return ExitCode.OK


def _change(args: argparse.Namespace, verb: str) -> int:
    from mscdose.service import accounts
    from mscdose.service.records import opened_store

    passwords = Passwords(args.password_stdin)
    with opened_store(args.database, must_exist=args.database is not None) as store:
        change = accounts.disable_user if verb == "disabled" else accounts.unlock_user
        user = change(store, args.user_id, by_admin=_admin(args, passwords))
    say(args.json, {"user": _user_dict(user)}, f"User {user.user_id} {verb}.")
    return ExitCode.OK


def _disable(args: argparse.Namespace) -> int:
    return _change(args, "disabled")


def _unlock(args: argparse.Namespace) -> int:
    return _change(args, "unlocked")


def _password(args: argparse.Namespace) -> int:
    from mscdose.service import accounts
    from mscdose.service.records import opened_store

    passwords = Passwords(args.password_stdin)
    by = _admin(args, passwords) if args.admin else (args.user_id, passwords.ask(f"Current password of {args.user_id}"))
    new = passwords.ask(f"New password or PIN for {args.user_id}", confirm=True)
    with opened_store(args.database, must_exist=args.database is not None) as store:
        user = accounts.set_password(store, args.user_id, new, by=by)
    say(args.json, {"user": _user_dict(user)}, f"Password of {user.user_id} changed.")
    return ExitCode.OK


def _list(args: argparse.Namespace) -> int:
    from mscdose.service import accounts
    from mscdose.service.records import opened_store

    with opened_store(args.database, must_exist=args.database is not None) as store:
        found = accounts.list_users(store)
    if args.json:
        say(True, {"accounts": bool(found), "users": [_user_dict(u) for u in found]}, "")
        return ExitCode.OK
    if not found:
        print("No user accounts: this record store works without electronic signatures. "
              "`mscdose user add ID --role admin ...` adds the first (an admin) and turns them on.")
    for user in found:
        failures = f", {user.failed_attempts} failed sign-in(s)" if user.failed_attempts else ""
        print(f"{user.user_id:<16} {user.initials:<6} {user.role:<8} {user.state:<8} {user.full_name}{failures}")
    return ExitCode.OK


def _check(args: argparse.Namespace) -> int:
    from mscdose.service import accounts, checking
    from mscdose.service.records import opened_store

    record_id = _record_id(args.record_id)
    texts = {field: getattr(args, field) for _, field, _ in _BLIND}
    with opened_store(args.database, must_exist=args.database is not None) as store:
        checker = None
        if args.user:
            if not accounts.accounts_enabled(store):
                raise Problem.bad_input("user", args.user, "--user: this record store has no user accounts; "
                                        "sign the check with --initials.")
            password = Passwords(args.password_stdin).ask(f"Password of {args.user}")
            checker = accounts.authenticate(store, args.user, password)
        session = checking.start_check(store, record_id, checker, initials=args.initials or "")
        outcome = checking.finish_check(store, session, texts, protocol=args.protocol)
    body = {"record_id": record_id, "matched": outcome.matched,
            "differences": [{"field": d.field, "entered": d.entered, "recorded": d.recorded}
                            for d in outcome.differences],
            "signature": outcome.signature.manifestation()}
    if outcome.matched:
        say(args.json, body, f"Record {record_id}: MATCH. {outcome.signature.manifestation()}.")
        return ExitCode.OK
    lines = "\n".join(f"  {d.label:<18} entered {d.entered:<28} record says {d.recorded}" for d in outcome.differences)
    say(args.json, body, f"Record {record_id}: MISMATCH, the check stops here. Differences:\n{lines}\n"
        "Resolve them with the preparer against the source documents; the mismatch is kept in the record's chain.")
    return ExitCode.FAILED
