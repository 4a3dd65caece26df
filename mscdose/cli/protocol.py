"""`mscdose protocol approve|list|check`: which protocol files may decide a final dose.

Approval is the step that makes a site's protocol file count: its SHA-256, id and version go into the record
store's hash chain and a copy into the data folder. `check` validates a file without approving it, for the
person writing one; `list` shows what is approved (shipped and site).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from mscdose.cli.options import Parser, Passwords, add_database, add_json, add_signer, new_parser
from mscdose.cli.status_codes import ExitCode

if TYPE_CHECKING:
    from mscdose.core.protocol import Protocol


def build_parser(name: str) -> Parser:
    parser = new_parser(name, "approve, list or check protocol files")
    parser.add_argument("action", choices=("approve", "list", "check"), metavar="ACTION",
                        help="approve FILE (with --by and --reason), list, or check FILE")
    parser.add_argument("file", nargs="?", metavar="FILE", help="the protocol .toml file (approve, check)")
    parser.add_argument("--by", default="", metavar="INITIALS", help="who approves (approve)")
    parser.add_argument("--reason", default="", help="why it is approved, e.g. the committee decision (approve)")
    add_database(parser)
    add_json(parser)
    add_signer(parser)
    parser.set_defaults(handler=_protocol)
    return parser


def _describe(protocol: Protocol) -> dict[str, object]:
    return {"id": protocol.id, "version": protocol.version, "title": protocol.short_title,
            "sha256": protocol.sha256, "approved": protocol.approved, "file": protocol.source_name}


def _protocol(args: argparse.Namespace) -> int:
    from mscdose.cli.options import Problem
    from mscdose.core.approval import label
    from mscdose.service import protocols

    if args.action in ("approve", "check") and not args.file:
        raise Problem.bad_input("file", "", f"protocol {args.action}: give the protocol file, e.g. "
                                f"`mscdose protocol {args.action} site-protocol.toml`.")
    if args.action == "check":
        from mscdose.service.calculation import load_protocol_for_use

        state = load_protocol_for_use(args.file)  # validates, and says whether it is approved
        if args.json:
            print(json.dumps({**_describe(state), "valid": True}, ensure_ascii=False))
        else:
            print(f"{args.file}: valid. {label(state)}")
        return ExitCode.OK
    if args.action == "list":
        listed = protocols.available()
        if args.json:
            print(json.dumps([_describe(p) for p in listed], ensure_ascii=False, indent=2))
        else:
            for protocol in listed:
                print(label(protocol))
        return ExitCode.OK
    from mscdose.service.records import opened_store

    with opened_store(args.database, must_exist=args.database is not None) as store:
        from mscdose.service.accounts import accounts_enabled, require_admin

        by = args.by
        if accounts_enabled(store):  # issue 14: approval needs an admin's signature where there are accounts
            if not args.user:
                raise Problem.bad_input("user", "", "This record store has user accounts: approving a protocol "
                                        "needs an admin's --user ID (the password is asked, or --password-stdin).")
            admin = require_admin(store, args.user, Passwords(args.password_stdin).ask(f"Password of {args.user}"))
            by = by or admin.initials
        approved = protocols.approve(store, args.file, by, args.reason)
    print(f"Approved: {label(approved)} by {args.by}.")
    return ExitCode.OK
