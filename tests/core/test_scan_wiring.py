"""Issue 13 wiring: product label scans into the request, the engine's product flags, the protocol's
`product_codes`, and the record marking scanned values as scanned.

Values are worked by hand from domain.md and ICCBBA ST-001: `&>0263651800` is 2026, day 365 (2026 is not a
leap year) = 31 December 2026 18:00; `&>0183652359` = 2018-12-31 23:59 (domain.md). DIN G1234 98 654321 has
check H (flags 77), G1234 17 654321 check A (flags 70) (domain.md).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from mscdose.core.engine import compute
from mscdose.core.errors import ProtocolError
from mscdose.core.paths import resource
from mscdose.core.product_checks import ProductCodes, read_product_codes
from mscdose.core.protocol import load_protocol, parse_protocol
from mscdose.core.request import read_request, scan_texts
from mscdose.core.serialize import result_dict
from tests.worked_example import WORKED_TEXTS

BAG = "=G12349865432177=<S1234A00&>0263651800"        # DIN G1234 98 654321 H, S1234A00, 2026-12-31 18:00
SAME_DONATION_DIN_ONLY = "=G12349865432177"
OTHER_DONATION = "=G12341765432170"                   # G1234 17 654321 A
EXPIRED = "=G12349865432177=<S1234A00&>0183652359"    # expired 2018-12-31 23:59
NOW = "2026-12-01T09:00"


def read(**changes: object) -> tuple[object, dict]:
    return read_request({**WORKED_TEXTS, "age": "30", "now": NOW, **changes})  # type: ignore[arg-type]


def request(**changes: object):
    req, errors = read(**changes)
    assert not errors, errors
    return req


def flags_of(result) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for flag in result.flags:
        found.setdefault(flag.code, []).append(flag.severity)
    return found


def protocol_with(codes: tuple[str, ...]):
    return replace(load_protocol(), product_codes=ProductCodes(codes, "site"))


# ------------------------------------------------------------------------------------ protocol key

def test_the_shipped_protocol_lists_no_product_codes_on_purpose() -> None:
    # The registry record gives no ISBT 128 product code: the key is absent (only the S-prefix rule applies).
    assert load_protocol().product_codes is None
    text = (resource("protocols") / "nct03055078.toml").read_text(encoding="utf-8")
    assert "product_codes = { value" in text  # documented, commented out, for the site to fill in


def test_product_codes_as_a_list_or_as_a_site_value() -> None:
    assert read_product_codes(["S1234", "S9876A00"], "f.toml") == ProductCodes(("S1234", "S9876A00"))
    site = read_product_codes({"value": ["S1234"], "source": "site", "note": "our supplier"}, "f.toml")
    assert site == ProductCodes(("S1234",), "site", "our supplier")


@pytest.mark.parametrize(("raw", "words"), [
    ([], "empty list"),
    (["S12"], "'S12' is not an ISBT 128 product description code"),
    (["s1234"], "'s1234' is not"),
    ("S1234", "must be a list"),
    ({"value": ["S1234"], "source": "guess"}, "product_codes.source"),
    ({"value": ["S1234"], "colour": "red"}, "product_codes.colour"),
])
def test_bad_product_codes_are_refused_naming_the_key(raw: object, words: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        read_product_codes(raw, "site.toml")
    assert "site.toml" in str(caught.value) and words in str(caught.value)


def test_a_protocol_file_with_product_codes_loads_them() -> None:
    data = (resource("protocols") / "nct03055078.toml").read_bytes()
    data = data.replace(b"[dose]", b'product_codes = { value = ["S1234"], source = "site" }\n\n[dose]', 1)
    protocol = parse_protocol(data, "site.toml")
    assert protocol.product_codes == ProductCodes(("S1234",), "site")


# ------------------------------------------------------------------------------------ the request

def test_scan_texts_list_or_one_per_line() -> None:
    assert scan_texts(None) == []
    assert scan_texts(["=A", "  ", "=B =C"]) == ["=A", "=B =C"]
    assert scan_texts("=A\r\n\n=B\n") == ["=A", "=B"]


def test_din_product_and_expiry_are_filled_from_the_scan_and_marked_scanned() -> None:
    req = request(scan=BAG)
    assert req.din.display == "G1234 98 654321 H"
    assert req.product_code == "S1234A00"
    # the label's local wall-clock time, read as this computer's local time
    assert req.expires_at == datetime(2026, 12, 31, 18, 0).astimezone()
    assert dict(req.value_sources) == {"din": "scan", "product_code": "scan", "expires_at": "scan"}
    assert len(req.scans) == 1


def test_typed_values_that_agree_with_the_scan_are_typed_and_scanned() -> None:
    req = request(scan=[BAG], din="G1234 98 654321 H", product_code="=<S1234A00",
                  expires_at=datetime(2026, 12, 31, 18, 0).astimezone().isoformat())
    assert dict(req.value_sources) == {"din": "typed+scan", "product_code": "typed+scan", "expires_at": "typed+scan"}


def test_a_typed_din_that_disagrees_with_the_scan_is_refused_naming_both() -> None:
    req, errors = read(scan=[BAG], din="G1234 17 654321 A")
    assert req is None
    message = errors["din"].message
    assert "G1234 17 654321 A" in message and "G1234 98 654321 H" in message


def test_a_typed_product_code_or_expiry_that_disagrees_is_refused_naming_both() -> None:
    _, errors = read(scan=[BAG], product_code="S9999A00", expires_at="2026-12-30T18:00")
    assert "S9999A00" in errors["product_code"].message and "S1234A00" in errors["product_code"].message
    assert "2026-12-30 18:00" in errors["expires_at"].message and "2026-12-31 18:00" in errors["expires_at"].message


def test_an_unreadable_scan_is_refused_saying_which_scan() -> None:
    _, errors = read(scan=[BAG, "=G1234986543"])
    assert errors["scan"].field == "scan"
    assert errors["scan"].message.startswith("Scan 2 of 2: Scan: the DIN")
    assert "cut short" in errors["scan"].message


def test_a_typed_product_code_is_checked_for_its_form() -> None:
    _, errors = read(product_code="S12")
    assert "“S12” is not an ISBT 128 product code" in errors["product_code"].message


# ------------------------------------------------------------------------------------ the engine

def test_a_good_bag_scanned_twice_raises_no_product_flag() -> None:
    result = compute(request(scan=[BAG, SAME_DONATION_DIN_ONLY]), protocol_with(("S1234",)))
    assert result.status == "ok"
    assert not {"PRODUCT_NOT_IN_PROTOCOL", "PRODUCT_EXPIRED", "BAG_DIN_MISMATCH", "PRODUCT_CODE_NOT_LISTED"} \
        & set(flags_of(result))


def test_product_not_in_protocol_is_hard() -> None:
    result = compute(request(scan=[BAG]), protocol_with(("S9999",)))
    assert flags_of(result)["PRODUCT_NOT_IN_PROTOCOL"] == ["hard"]
    assert result.status == "blocked"


def test_without_a_list_an_s_code_is_an_info_flag_only() -> None:
    result = compute(request(scan=[BAG]), load_protocol())
    assert flags_of(result)["PRODUCT_CODE_NOT_LISTED"] == ["info"]
    assert "PRODUCT_NOT_IN_PROTOCOL" not in flags_of(result)


def test_an_expired_scan_is_one_hard_flag_not_two() -> None:
    # The scan fills expires_at (so plausibility would flag it too): one PRODUCT_EXPIRED, naming the bag.
    result = compute(request(scan=[EXPIRED]), protocol_with(("S1234",)))
    assert flags_of(result)["PRODUCT_EXPIRED"] == ["hard"]
    (flag,) = [f for f in result.flags if f.code == "PRODUCT_EXPIRED"]
    assert "2018-12-31 23:59" in flag.message and "G1234 98 654321 H" in flag.message


def test_two_expired_bags_are_still_one_flag_naming_both() -> None:
    result = compute(request(scan=[EXPIRED, EXPIRED]), protocol_with(("S1234",)))
    (flag,) = [f for f in result.flags if f.code == "PRODUCT_EXPIRED"]
    assert "Bag 1" in flag.message and "Bag 2" in flag.message


def test_a_typed_expiry_alone_is_still_flagged_by_plausibility() -> None:
    result = compute(request(expires_at="2026-11-30T23:59"), load_protocol())
    assert flags_of(result)["PRODUCT_EXPIRED"] == ["hard"]


def test_bags_of_two_donations_are_hard() -> None:
    result = compute(request(scan=[BAG, OTHER_DONATION]), protocol_with(("S1234",)))
    assert flags_of(result)["BAG_DIN_MISMATCH"] == ["hard"]
    (flag,) = [f for f in result.flags if f.code == "BAG_DIN_MISMATCH"]
    assert "G1234 98 654321 H" in flag.message and "G1234 17 654321 A" in flag.message


def test_bags_of_two_products_are_hard() -> None:
    result = compute(request(scan=[BAG, "=G12349865432177=<S1235A00"]), protocol_with(("S1234", "S1235")))
    assert flags_of(result)["BAG_PRODUCT_MISMATCH"] == ["hard"]


# ------------------------------------------------------------------------------------ the record

def test_the_record_keeps_each_scan_marked_as_scanned() -> None:
    document = result_dict(compute(request(scan=[BAG, SAME_DONATION_DIN_ONLY]), protocol_with(("S1234",))))
    inputs = document["inputs"]
    assert [scan["source"] for scan in inputs["scans"]] == ["scan", "scan"]
    assert [scan["text"] for scan in inputs["scans"]] == [BAG, SAME_DONATION_DIN_ONLY]
    assert inputs["sources"] == {"din": "scan", "product_code": "scan", "expires_at": "scan"}
    assert inputs["din"] == "G1234 98 654321 H"
    assert document["product_code"] == inputs["product_code"] == "S1234A00"
    assert document["product_codes_accepted"] == {"codes": ["S1234"], "source": "site", "note": ""}


def test_a_typed_only_record_says_typed_and_has_no_scans() -> None:
    document = result_dict(compute(request(din="G1234 98 654321 H"), load_protocol()))
    assert document["inputs"]["sources"] == {"din": "typed"}
    assert document["inputs"]["scans"] == [] and document["product_code"] is None
