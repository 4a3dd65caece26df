"""The SHA-256 of a protocol file's bytes, from Python's own implementation of SHA-256.

Why not `hashlib`: hashlib loads OpenSSL's libcrypto to offer every algorithm, about 3-5 ms, and every
calculation hashes one protocol file (issue 18: `mscdose calc` as a whole process). CPython ships its own
SHA-256 as the module hashlib itself falls back to (`_sha256` in Python 3.11, `_sha2` from 3.12); SHA-256 is
one algorithm with one answer, and tests/core/test_digest.py checks this one against hashlib's and against
the published test vectors. Where neither module exists (another Python), hashlib is used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def _constructor() -> Callable[[bytes], Any]:
    try:
        if sys.version_info >= (3, 12):
            from _sha2 import sha256
        else:
            from _sha256 import sha256
    except ImportError:  # a Python built without its own SHA-256 (configure --with-builtin-hashlib-hashes)
        from hashlib import sha256
    return sha256


_SHA256 = _constructor()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` as 64 lower-case hexadecimal digits, as `hashlib.sha256(data).hexdigest()`."""
    return str(_SHA256(data).hexdigest())
