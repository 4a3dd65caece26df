"""verify's compact hashes (records/digests.py) answer exactly as the lists, dicts and sets they replace.

Verify proves ids consecutive before it holds anything by position, so the mapping is {1: h1, 2: h2, ...}; the
properties below compare with exactly that dict, for any values (well-formed hashes and every odd text a
forged file could hold) and any keys a damaged row could carry.
"""

from __future__ import annotations

import hashlib
import pickle
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mscdose.records.digests import NOT_MISSING, ById, Digests, SeenIds, SeenSet

HEX = "0123456789abcdef"
well_formed = st.binary(min_size=32, max_size=32).map(bytes.hex)
odd_texts = st.one_of(
    st.text(alphabet=HEX + "ABCDEF \t", min_size=60, max_size=68),  # uppercase, whitespace, one short or long
    st.text(alphabet="0123456789", min_size=64, max_size=64),  # no letter at all
    st.text(alphabet=HEX, min_size=62, max_size=66),  # hex, a digit or two short or long: must not shift the rest
    st.builds(lambda pairs, at: " ".join(("".join(pairs[:at]), "".join(pairs[at:31]), "")),  # 64 characters,
              st.lists(st.sampled_from([high + low for high in HEX for low in HEX]), min_size=31, max_size=31),
              st.integers(min_value=0, max_value=31)),  # spaces between pairs: only 31 bytes
    st.text(max_size=70),
)
odd_values = st.one_of(odd_texts, st.none(), st.integers(), st.binary(max_size=40))
values = st.lists(st.one_of(well_formed, well_formed, odd_values), max_size=2_500)
keys = st.one_of(st.integers(min_value=-3, max_value=2_600), st.booleans(), st.floats(allow_nan=True),
                 st.decimals(allow_nan=False), st.text(max_size=3), st.none(), st.binary(max_size=2))


@given(values)
def test_digests_give_back_exactly_what_was_appended(appended: list[Any]) -> None:
    one_by_one, at_once, joined = Digests(), Digests.of(list(appended)), Digests()
    for value in appended:
        one_by_one.append(value)
    half = len(appended) // 2
    joined.extend(Digests.of(appended[:half]))
    joined.extend(Digests.of(appended[half:]))
    for digests in (one_by_one, at_once, joined, pickle.loads(pickle.dumps(one_by_one))):
        assert len(digests) == len(appended)
        assert list(digests) == appended
        if appended:
            assert digests[-1] == appended[-1] and digests[0] == appended[0]


@given(values, st.lists(keys, max_size=40))
def test_by_id_answers_as_the_dict_of_ids_1_to_n(appended: list[Any], asked: list[Any]) -> None:
    named = [f"record {n}" for n in range(len(appended))]
    plain, pairs = ById(Digests.of(appended)), ById(Digests.of(appended), named)
    expected = {n: value for n, value in enumerate(appended, 1)}
    expected_pairs = {n: (value, named[n - 1]) for n, value in enumerate(appended, 1)}
    assert dict(plain) == expected and dict(pairs) == expected_pairs and len(plain) == len(expected)
    for key in asked:
        assert (key in plain) == (key in expected), key
        assert plain.get(key, "absent") == expected.get(key, "absent"), key
        assert pairs.get(key) == expected_pairs.get(key), key


@given(st.integers(min_value=0, max_value=300), st.lists(st.integers(min_value=1, max_value=300), max_size=400),
       st.lists(keys, max_size=40))
def test_seen_ids_answer_as_a_set(count: int, marked: list[int], asked: list[Any]) -> None:
    seen, plain = SeenIds(count), SeenSet()
    for key in (k for k in marked if k <= count):
        assert seen.first(key) == plain.first(key)
    for key in asked:
        assert (key in seen) == (key in plain), key
    ids = range(1, count + 1)
    assert seen.first_missing(ids) == plain.first_missing(ids)
    assert (seen.first_missing(ids) is NOT_MISSING) == (set(ids) <= plain)


def test_one_two_and_true_are_one_key_as_in_a_dict() -> None:
    hashes = [hashlib.sha256(bytes([n])).hexdigest() for n in range(3)]
    by_id = ById(Digests.of(hashes))
    assert by_id[1] == by_id[True] == by_id[1.0] == by_id[Decimal(1)] == hashes[0]
    assert by_id.get("1") is None and 0 not in by_id and 4 not in by_id and 2.5 not in by_id



@given(st.lists(st.one_of(well_formed, st.text(alphabet="0123456789", min_size=64, max_size=64)), max_size=2_100))
def test_every_lowercase_hex_hash_is_held_as_its_32_bytes(appended: list[str]) -> None:
    """A hash of digits alone is as well formed as any other: it is held compactly, not kept aside as odd."""
    for digests in (Digests.of(list(appended)), _one_at_a_time(appended)):
        assert list(digests) == appended
        assert not digests.__getstate__()["_odd"]
        assert len(digests.__getstate__()["_raw"]) == 32 * len(appended)


def _one_at_a_time(appended: list[str]) -> Digests:
    made = Digests()
    for value in appended:
        made._one(value)
    return made
