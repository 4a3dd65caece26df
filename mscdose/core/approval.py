"""Which protocol files may decide a final dose (issue 10 §1).

A copy of a protocol with its limits edited must not produce an OK record that still says "NCT03055078
version 1.0". So a protocol decides a final dose only when it is approved: the shipped files by being
shipped, a site file when its exact bytes (SHA-256) were approved in the record store. The store keeps the
approvals; this module is the pure decision, so the CLI, the window and the service decide alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from mscdose.core.errors import ProtocolError
from mscdose.core.protocol import Protocol, require_unique_ids, shipped_protocols

Approval = tuple[str, str, str]  # (id, version, sha256)


def list_shipped() -> tuple[Protocol, ...]:
    """The shipped protocols (all approved), sorted by id, for a window or `mscdose protocol list`."""
    return shipped_protocols()


def label(protocol: Protocol) -> str:
    """`NCT03055078 v1.0: UC-MSC for aplastic anemia (phase 1) [approved, 1a2b3c4d5e6f]`."""
    state = "approved" if protocol.approved else "NOT APPROVED"
    return f"{protocol.id} v{protocol.version}: {protocol.short_title} [{state}, {protocol.short_hash}]"


def check_against_approvals(protocol: Protocol, approvals: Iterable[Approval],
                            include_shipped: bool = True) -> Protocol:
    """The protocol marked approved when its SHA-256 is approved (or is a shipped file's, with
    `include_shipped`); unapproved when nothing matches its id and version.

    Raises ProtocolError, naming both hashes, when its id and version match an approval (or a shipped
    protocol) but its content differs: an edited copy passing itself off as the approved rules."""
    known = [(a_id, a_version, a_sha.lower()) for a_id, a_version, a_sha in approvals]
    if include_shipped:
        known += [(p.id, p.version, p.sha256) for p in shipped_protocols()]
    if any(sha == protocol.sha256 for _, _, sha in known):
        return replace(protocol, approved=True)
    for a_id, a_version, sha in known:
        if a_id.lower() == protocol.id.lower() and a_version == protocol.version:
            raise ProtocolError(
                f"Protocol file {protocol.source_name}: id '{protocol.id}' version '{protocol.version}' is "
                f"approved with SHA-256 {sha}, but this file's SHA-256 is {protocol.sha256}: its content "
                "differs from the approved file. Refused: give the edited file a new version and approve it.")
    return replace(protocol, approved=False)


def approved_set(site_protocols: Iterable[Protocol]) -> tuple[Protocol, ...]:
    """Shipped plus approved site protocols, refusing duplicate ids among them (ProtocolError) so that
    an id names one protocol wherever it is chosen. Call at start with the store's approved files."""
    protocols = (*shipped_protocols(), *site_protocols)
    require_unique_ids(protocols)
    return protocols
