"""Which protocol files may decide a final dose: the shipped ones, and site files approved in the record store.

A shipped protocol is approved by being shipped. A site file is approved with `mscdose protocol approve`, which
keeps its SHA-256, id and version in the store's hash chain and a copy of the file in the data folder
(`protocols/`), so the window can list it and a later edit of the original cannot change what was approved.
A file given by path is checked against the approvals: the same bytes are approved; the same id and version
with other bytes are refused outright (naming both hashes); anything else may be computed and previewed but
carries the hard flag PROTOCOL_NOT_APPROVED.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mscdose.core.messages import QT_TRANSLATE_NOOP, said
from mscdose.service.errors import InvalidInput, StoreUnavailable

if TYPE_CHECKING:
    import logging
    from pathlib import Path

    from mscdose.core.protocol import Protocol
    from mscdose.records.store import RecordStore


def _log() -> logging.Logger:
    """This module's logger. `logging` (about 4 ms) loads when there is something to log: reading the
    protocol for a calculation logs nothing (issue 18)."""
    import logging

    return logging.getLogger(__name__)


def site_folder() -> Path:
    from mscdose.datadir import data_dir

    return data_dir() / "protocols"


def _approvals(store: RecordStore | None) -> list[tuple[str, str, str]]:
    """(id, version, sha256) of every approval in `store` (or in the data folder's store, read-only, when it
    exists; no store means no site approvals)."""
    from mscdose.records.location import default_path
    from mscdose.records.postgres import database_url

    if store is None and database_url() is None and not default_path().is_file():
        return []  # issue 18: no store, no approvals, and the store's modules are not imported at start
    from mscdose.records.postgres import open_record_store
    from mscdose.records.store import StoreError

    try:
        if store is not None:
            return [(a.protocol_id, a.version, a.sha256) for a in store.approved_protocols()]
        with open_record_store(None, read_only=True) as opened:
            return [(a.protocol_id, a.version, a.sha256) for a in opened.approved_protocols()]
    except StoreError as error:
        raise StoreUnavailable(error.said or str(error)) from None


def check_file(path: str | Path) -> Protocol:
    """Load a protocol file and validate it (InvalidInput naming the file and key), without approving it."""
    from mscdose.core.errors import ProtocolError
    from mscdose.core.protocol import load_protocol_file

    try:
        return load_protocol_file(path)
    except (ProtocolError, OSError) as error:
        raise InvalidInput(str(error), field="protocol", given=str(path)) from None


def load_for_use(reference: str | None, store: RecordStore | None = None) -> Protocol:
    """The protocol a calculation is made under: a shipped or approved id (default NCT03055078) or a .toml
    file, marked approved only when its exact bytes are."""
    from mscdose.core.approval import check_against_approvals
    from mscdose.core.errors import ProtocolError
    from mscdose.core.protocol import load_protocol, shipped_protocols

    text = (reference or "").strip()
    try:
        if text and (text.lower().endswith(".toml") or "/" in text or "\\" in text):
            return check_against_approvals(check_file(text), _approvals(store))
        shipped = {p.id.lower() for p in shipped_protocols()}
        if not text or text.lower() in shipped:  # the common case needs no record store
            return load_protocol(reference)
        for protocol in available(store):
            if text and protocol.id.lower() == text.lower():
                return protocol
        return load_protocol(reference)
    except ProtocolError as error:
        raise InvalidInput(str(error), field="protocol", given=reference or "") from None


def available(store: RecordStore | None = None) -> list[Protocol]:
    """Shipped protocols and approved site protocols (from the data folder's copies), each id once."""
    from mscdose.core.approval import approved_set, check_against_approvals
    from mscdose.core.errors import ProtocolError
    from mscdose.core.protocol import load_protocol_file

    approvals = _approvals(store)
    site: list[Protocol] = []
    folder = site_folder()
    if approvals and folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                protocol = check_against_approvals(load_protocol_file(path), approvals, include_shipped=False)
            except ProtocolError as error:
                _log().warning("Site protocol %s ignored: %s", path, error)
                continue
            if protocol.approved:
                site.append(protocol)
    try:
        return list(approved_set(site))
    except ProtocolError as error:
        raise InvalidInput(str(error), field="protocol") from None


def approve(store: RecordStore, path: str | Path, by: str, reason: str) -> Protocol:
    """Approve a site protocol file: validated, its hash in the chain, a copy kept in the data folder."""
    from dataclasses import replace

    from mscdose.core.reason_rule import reason_problem, valid_initials
    from mscdose.records.store import StoreError

    protocol = check_file(path)
    if not valid_initials(by):
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--by: “{by}” is not initials. Accepted: 2 to 6 letters, e.g. JS."),
            by=by), field="by",
                           given=by)
    problem = reason_problem(reason)
    if problem:
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "--reason: {problem}"),
            problem=problem), field="reason", given=reason)
    existing = available(store)
    same_id = [p for p in existing if p.id.lower() == protocol.id.lower() and p.sha256 != protocol.sha256]
    if same_id:
        other = same_id[0]
        raise InvalidInput(said(QT_TRANSLATE_NOOP(
            "CoreMessage", "Protocol file {path}: id '{protocol_id}' is already used by protocol {other_id} version "
                           "{other_version} (SHA-256 {other_sha256}). One id names one protocol: give this file its "
                           "own id."),
            path=path, protocol_id=protocol.id, other_id=other.id, other_version=other.version,
            other_sha256=other.sha256), field="protocol", given=str(path))
    try:
        store.approve_protocol(protocol.sha256, protocol.id, protocol.version, by, reason)
    except StoreError as error:
        raise StoreUnavailable(error.said or str(error)) from None
    folder = site_folder()
    folder.mkdir(parents=True, exist_ok=True)
    import shutil  # (its zlib, bz2 and lzma cost every command about 3 ms: only an approval copies a file)

    shutil.copyfile(path, folder / f"{protocol.id}-{protocol.version}-{protocol.short_hash}.toml")
    _log().info("Protocol %s version %s (%s) approved by %s: %s", protocol.id, protocol.version, protocol.sha256,
                by, reason)
    return replace(protocol, approved=True)
