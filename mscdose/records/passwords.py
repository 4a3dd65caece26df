"""Password and PIN hashing for local user accounts: scrypt from the standard library, nothing else.

Why scrypt (`hashlib.scrypt`): it is memory-hard, so guessing passwords from a stolen record database costs
memory as well as time, which defeats the cheap GPU/ASIC guessing that makes fast hashes (SHA-256, even
salted) useless for short PINs. It ships with Python (OpenSSL), so there is no third-party package to keep.

Parameters (OWASP Password Storage Cheat Sheet's minimum for scrypt): N = 2**17, r = 8, p = 1, a 16-byte
random salt, a 32-byte key. Memory used is 128 × r × N bytes = 128 MiB per hash, about 0.45 s on a current
workstation: unnoticeable once per signature, ruinous for anyone trying millions of guesses. The parameters
are stored with each hash (`scrypt$n=...,r=...,p=...$salt$key`, base64), so they can be raised later
without breaking existing passwords, and a hash weaker than the floor below is refused, never accepted.

Passwords are normalised to Unicode NFC before hashing, so the same password typed on two keyboards that
compose accents differently still matches. Comparison is constant-time (`hmac.compare_digest`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass

SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
# A stored hash below this cost is refused: nobody may downgrade the parameters by editing a row (the
# row's hash would catch that too). Tests lower the module's parameters and this floor together.
MIN_N = 2**14

MIN_PASSWORD = 8
MIN_PIN = 6
MAX_PASSWORD = 200


@dataclass(frozen=True)
class ScryptParams:
    n: int
    r: int
    p: int

    @property
    def memory_bytes(self) -> int:
        return 128 * self.r * self.n


def current_params() -> ScryptParams:
    return ScryptParams(SCRYPT_N, SCRYPT_R, SCRYPT_P)


def password_problem(password: str, user_id: str = "") -> str | None:
    """Why this cannot be a password or PIN, or None. A PIN (digits only) needs at least 6 digits, any other
    password at least 8 characters; neither may be the user id itself."""
    text = unicodedata.normalize("NFC", password or "")
    if not text.strip():
        return "the password is empty"
    if len(text) > MAX_PASSWORD:
        return f"the password is longer than {MAX_PASSWORD} characters"
    if text.isdigit():
        if len(text) < MIN_PIN:
            return f"a PIN needs at least {MIN_PIN} digits (given {len(text)})"
    elif len(text) < MIN_PASSWORD:
        return (f"a password needs at least {MIN_PASSWORD} characters (given {len(text)}), or use a PIN of "
                f"{MIN_PIN} digits")
    if user_id and text.casefold() == user_id.casefold():
        return "the password may not be the user id"
    return None


def _derive(password: str, salt: bytes, params: ScryptParams) -> bytes:
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return hashlib.scrypt(secret, salt=salt, n=params.n, r=params.r, p=params.p, dklen=KEY_BYTES,
                          maxmem=params.memory_bytes + 32 * 1024 * 1024)


def hash_password(password: str) -> str:
    """`scrypt$n=131072,r=8,p=1$<salt b64>$<key b64>` for a password that passed `password_problem`."""
    params = current_params()
    salt = os.urandom(SALT_BYTES)
    key = _derive(password, salt, params)
    encode = base64.b64encode
    return f"scrypt$n={params.n},r={params.r},p={params.p}${encode(salt).decode()}${encode(key).decode()}"


def parse_hash(stored: str) -> tuple[ScryptParams, bytes, bytes]:
    """The parameters, salt and key of a stored hash; ValueError naming what is wrong."""
    parts = (stored or "").split("$")
    if len(parts) != 4 or parts[0] != "scrypt":
        raise ValueError("the stored password hash is not an mscdose scrypt hash")
    try:
        values = dict(item.split("=", 1) for item in parts[1].split(","))
        params = ScryptParams(int(values["n"]), int(values["r"]), int(values["p"]))
        salt, key = base64.b64decode(parts[2], validate=True), base64.b64decode(parts[3], validate=True)
    except (KeyError, ValueError) as error:
        raise ValueError(f"the stored password hash is damaged ({error})") from None
    if params.n < MIN_N or params.r < 8 or params.p < 1 or params.n & (params.n - 1):
        raise ValueError(f"the stored password hash uses parameters weaker than allowed (n={params.n}, r={params.r})")
    if len(salt) < SALT_BYTES or len(key) != KEY_BYTES:
        raise ValueError("the stored password hash has a short salt or key")
    return params, salt, key


def check_password(password: str, stored: str) -> bool:
    """True when `password` is the one hashed in `stored` (ValueError if `stored` is not a usable hash)."""
    params, salt, key = parse_hash(stored)
    if not password or len(password) > MAX_PASSWORD:
        return False
    return hmac.compare_digest(_derive(password, salt, params), key)
