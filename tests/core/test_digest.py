"""The protocol's SHA-256 from Python's own implementation (core/digest.py): the published test vectors
(FIPS 180-2, appendix B) and hashlib's answer for any bytes."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from mscdose.core.digest import sha256_hex
from mscdose.core.paths import resource

FIPS_180_2 = {
    b"abc": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq":
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    b"a" * 1_000_000: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    b"": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
}


def test_the_published_vectors() -> None:
    for data, digest in FIPS_180_2.items():
        assert sha256_hex(data) == digest


@given(st.binary(max_size=4096))
def test_the_same_as_hashlib_for_any_bytes(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_the_shipped_protocol_s_hash_is_that_of_its_bytes() -> None:
    from mscdose.core.protocol import load_protocol

    protocol = load_protocol("NCT03055078")
    data = resource("protocols", "nct03055078.toml").read_bytes()
    assert protocol.sha256 == hashlib.sha256(data).hexdigest()
