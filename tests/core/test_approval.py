"""Only approved protocol files decide a final dose (issue 10 §1): the pure decision the service calls."""

from __future__ import annotations

import hashlib

import pytest

from mscdose.core.approval import approved_set, check_against_approvals, label, list_shipped
from mscdose.core.errors import ProtocolError
from mscdose.core.paths import resource
from mscdose.core.protocol import parse_protocol

SHIPPED = resource("protocols", "nct03055078.toml").read_bytes()
SHIPPED_SHA = hashlib.sha256(SHIPPED).hexdigest()
EDITED = SHIPPED.replace(b'total_max = "300 million cells"', b'total_max = "3000 million cells"')
EDITED_SHA = hashlib.sha256(EDITED).hexdigest()


def test_a_byte_identical_copy_of_a_shipped_file_is_approved() -> None:
    p = check_against_approvals(parse_protocol(SHIPPED, "copy.toml"), [])
    assert p.approved and p.sha256 == SHIPPED_SHA


def test_an_edited_copy_with_the_approved_id_and_version_is_refused_naming_both_hashes() -> None:
    with pytest.raises(ProtocolError) as caught:
        check_against_approvals(parse_protocol(EDITED, "nct03055078.toml"), [])
    assert SHIPPED_SHA in str(caught.value) and EDITED_SHA in str(caught.value)
    assert "nct03055078.toml" in str(caught.value)


def test_a_site_file_is_approved_only_by_its_exact_hash() -> None:
    site = EDITED.replace(b'version = "1.0"', b'version = "1.0-site"')
    site_sha = hashlib.sha256(site).hexdigest()
    p = parse_protocol(site, "site.toml")
    assert check_against_approvals(p, []).approved is False
    assert check_against_approvals(p, [("NCT03055078", "1.0-site", site_sha.upper())]).approved is True
    # an approval of other bytes under the same id and version: refused outright
    with pytest.raises(ProtocolError, match="content differs"):
        check_against_approvals(p, [("NCT03055078", "1.0-site", "0" * 64)])
    # without the shipped files in the list, the edited copy of 1.0 is merely unapproved
    assert check_against_approvals(parse_protocol(EDITED, "e.toml"), [], include_shipped=False).approved is False


def test_duplicate_ids_among_shipped_and_approved_are_refused() -> None:
    site = parse_protocol(EDITED.replace(b'version = "1.0"', b'version = "2"'), "site.toml")
    with pytest.raises(ProtocolError, match=r"nct03055078\.toml and site\.toml both have id 'NCT03055078'"):
        approved_set([site])
    assert approved_set([]) == list_shipped()


def test_list_and_label() -> None:
    (p,) = list_shipped()
    assert label(p) == f"NCT03055078 v1.0: UC-MSC for aplastic anemia (phase 1) [approved, {SHIPPED_SHA[:12]}]"
    assert "NOT APPROVED" in label(parse_protocol(SHIPPED, "x.toml"))
