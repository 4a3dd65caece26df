"""Protocol files: the shipped one, validation errors naming file and key, and shapes that need no code."""

from __future__ import annotations

import hashlib
from decimal import Decimal as D
from pathlib import Path

import pytest

from mscdose.core.errors import ProtocolError
from mscdose.core.paths import resource
from mscdose.core.protocol import load_protocol, parse_protocol, shipped_protocols

from .helpers import calc, codes, protocol_file

SHIPPED = resource("protocols", "nct03055078.toml").read_bytes()


def test_shipped_protocol_holds_the_registry_facts_and_site_values() -> None:
    p = load_protocol("nct03055078")
    assert p.id == "NCT03055078" and p.basis == "viable"
    assert (p.window.total_min, p.window.total_max) == (D("100e6"), D("300e6"))
    assert (p.age_min, p.age_max) == (14, 60)
    assert len(p.inclusion) == 8 and len(p.exclusion) == 7
    site = p.site_settings()
    assert {k: (s.value, s.source) for k, s in site.items()} == {
        "min_viability": (70, "site"), "final_volume": (100, "site"), "duration": (60, "site"),
        "drop_factor": (20, "site"), "volume_increment": (D("0.1"), "site"), "post_thaw_limit": (180, "site")}


def test_hash_is_of_the_exact_file_bytes() -> None:
    p = load_protocol()
    assert p.sha256 == hashlib.sha256(SHIPPED).hexdigest()
    assert p.short_hash == p.sha256[:12]
    assert parse_protocol(SHIPPED + b"\n# changed\n", "x.toml").sha256 != p.sha256


def test_every_shipped_protocol_loads() -> None:
    assert [p.id for p in shipped_protocols()] == ["NCT03055078"]


def _broken(old: str, new: str) -> bytes:
    text = SHIPPED.decode()
    assert old in text
    return text.replace(old, new, 1).encode()


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [('total_max = "300 million cells"', 'total_mx = "300 million cells"', "key 'dose.total_mx': unknown key"),
     ('total_min = "100 million cells"', 'total_min = "400 million cells"', "'dose.total_min': is greater than"),
     ('total_min = "100 million cells"', 'total_min = "100 mL"', "'dose.total_min': '100 mL' has the wrong unit"),
     ('final_volume = { value = "100 mL"', 'final_volume = { value = "100 kg"', "'site_defaults.final_volume'"),
     ('duration = { value = "60 min", source = "site" }\n', "", "'site_defaults.duration': missing"),
     ('basis = "viable"', 'basis = "alive"', "'dose.basis': must be 'viable' or 'total'"),
     ('age_min = "14 years"', 'age_min = "70 years"', "'eligibility.age_min': is greater than"),
     ("schema_version = 1", "schema_version = 9", "'schema_version'"),
     ('id = "NCT03055078"', 'id = "NCT03055078"\nid = "X"', "not valid TOML")],
)
def test_validation_errors_name_file_and_key(old: str, new: str, words: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(_broken(old, new), "nct03055078.toml")
    assert "nct03055078.toml" in str(caught.value)
    assert words in str(caught.value)


def test_unknown_protocol_is_a_clear_error() -> None:
    with pytest.raises(ProtocolError, match=r"not shipped with mscdose \(known: NCT03055078"):
        load_protocol("NCT00000000")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    from mscdose.core.protocol import load_protocol_file

    with pytest.raises(ProtocolError, match="cannot be read"):
        load_protocol_file(tmp_path / "absent.toml")


def test_flat_window_with_per_kg_cap() -> None:
    p = protocol_file("stemirac_like.toml")
    # 70 kg, 200e6 at Cv 5e6 -> 40 mL -> 200e6 -> 2.857e6/kg <= 3.34e6: inside
    ok = calc(p, weight="70 kg", dose="200 million cells", viability="100")
    assert ok.status == "ok"
    # 50 kg, same dose -> 4e6/kg > 3.34e6/kg
    capped = calc(p, weight="50 kg", dose="200 million cells", viability="100")
    assert codes(capped, "hard") == {"DOSE_ABOVE_RANGE"}
    assert "3.34 million cells/kg" in capped.hard_flags[0].message


def test_weight_bands_and_total_basis() -> None:
    p = protocol_file("kymriah_like.toml")
    assert p.basis == "total"
    # total basis: the dose counts all cells, so the lot concentration is used as it is:
    # 40 kg × 6e6/kg = 240e6; 240e6 / 5e6 = 48 mL; 6e6/kg > 5e6/kg (band up to 50 kg)
    r = calc(p, weight="40 kg", dose="6 million cells/kg", bags="3")
    assert r.volume_to_draw_ml == 48
    assert codes(r, "hard") == {"DOSE_ABOVE_RANGE"}
    # exactly 50 kg belongs to the first band: 50 × 5e6 = 250e6 -> 50 mL -> 5e6/kg (inside)
    assert calc(p, weight="50 kg", dose="5 million cells/kg", bags="3").status == "ok"
    # 60 kg: flat band 100-250e6: 240e6 inside; 260e6 above
    assert calc(p, weight="60 kg", dose="240 million cells", bags="3").status == "ok"
    assert codes(calc(p, weight="60 kg", dose="260 million cells", bags="3"), "hard") == {"DOSE_ABOVE_RANGE"}


def test_a_protocol_without_any_dose_limit_is_refused() -> None:
    text = SHIPPED.decode().replace('total_min = "100 million cells"\n', "").replace(
        'total_max = "300 million cells"\n', "")
    with pytest.raises(ProtocolError, match="states no dose limit"):
        parse_protocol(text.encode(), "p.toml")


# --- issue 10 §1: implausible limits refused at load, naming file and key ----------------------------------


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [  # the reproduction: crashed every calculation with a thaw time; now refused (e notation, and over 72 h)
     ('post_thaw_limit = { value = "3 h"', 'post_thaw_limit = { value = "1e9 years"',
      "'site_defaults.post_thaw_limit': '1e9 years' is not a plain amount"),
     ('post_thaw_limit = { value = "3 h"', 'post_thaw_limit = { value = "73 h"',
      "'site_defaults.post_thaw_limit': '73 h' is longer than the plausible maximum of 72 h"),
     ('min_viability = { value = "70 %"', 'min_viability = { value = "10 %"',
      "'site_defaults.min_viability': '10 %' is outside the plausible 50 % to 100 %"),
     ('min_viability = { value = "70 %"', 'min_viability = { value = "49.9 %"', "outside the plausible 50 %"),
     ('min_viability = { value = "70 %"', 'min_viability = { value = "101 %"', "outside the plausible 50 %"),
     ('total_max = "300 million cells"', 'total_max = "1000001 million cells"',
      "'dose.total_max': '1000001 million cells' is above the largest plausible cell limit"),
     ('total_max = "300 million cells"', 'total_max = "100 * 3 million cells"', "is not a plain amount"),
     ('total_max = "300 million cells"', 'total_max = "3e8 cells"', "is not a plain amount"),
     ('total_max = "300 million cells"', 'total_max = "inf cells"', "is not a plain amount"),
     ('total_max = "300 million cells"', 'total_max = "(200 + 100) million cells"', "is not a plain amount"),
     ('total_min = "100 million cells"', 'total_min = "-100 million cells"', "is not a plain amount"),
     ('infusions = 1 ', 'infusions = "one" ', "key 'infusions': must be a whole number of infusions"),
     ('infusions = 1 ', 'infusions = 0 ', "key 'infusions': must be a whole number"),
     ('infusions = 1 ', 'infusions = true ', "key 'infusions': must be a whole number"),
     ('[site_defaults]\n', '[site_defaults]\nrequired_at_finalising = ["patient_id", "blood_group"]\n',
      "'site_defaults.required_at_finalising': unknown field 'blood_group'")],
)
def test_implausible_limits_are_refused_naming_file_and_key(old: str, new: str, words: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(_broken(old, new), "nct03055078.toml")
    assert "Protocol file nct03055078.toml" in str(caught.value)
    assert words in str(caught.value)


@pytest.mark.parametrize(("old", "new"), [('value = "3 h"', 'value = "72 h"'), ('value = "70 %"', 'value = "50 %"'),
                                          ('total_max = "300 million cells"', 'total_max = "1000000 million cells"'),
                                          ('value = "0.1 mL"', 'value = ".1 mL"')])
def test_limits_at_the_edge_of_plausible_load(old: str, new: str) -> None:
    parse_protocol(_broken(old, new), "p.toml")


def test_infusions_is_a_count_and_absent_means_one() -> None:
    assert load_protocol().infusions == 1
    assert parse_protocol(_broken("infusions = 1 ", "infusions = 2 "), "p.toml").infusions == 2
    assert protocol_file("stemirac_like.toml").infusions == 1  # no key: the most restrictive reading


def test_required_at_finalising_defaults_and_can_be_set_by_the_site() -> None:
    assert load_protocol().required_at_finalising == (
        "patient_id", "patient_name", "date_of_birth_or_age", "order_reference", "prescriber", "lot_number", "din",
        "thawed_at")
    p = parse_protocol(_broken("[site_defaults]\n", '[site_defaults]\nrequired_at_finalising = ["patient_id", '
                                                    '"date_of_birth", "checked_by"]\n'), "p.toml")
    assert p.required_at_finalising == ("patient_id", "date_of_birth", "checked_by")
    assert "required_at_finalising" not in p.site_settings()


def test_shipped_protocols_are_approved_and_a_file_by_path_is_not(tmp_path: Path) -> None:
    assert all(p.approved for p in shipped_protocols())
    copy = tmp_path / "same.toml"
    copy.write_bytes(SHIPPED)
    assert load_protocol(str(copy)).approved is False
    assert parse_protocol(SHIPPED, "x.toml").approved is False


def test_two_shipped_files_with_one_id_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.core import protocol as module

    other = _broken('version = "1.0"', 'version = "9.9"')
    monkeypatch.setattr(module, "_shipped_files", lambda: iter([("a.toml", SHIPPED), ("b.toml", other)]))
    module.shipped_protocols.cache_clear()
    try:
        with pytest.raises(ProtocolError, match=r"Protocol files a\.toml and b\.toml both have id 'NCT03055078'"):
            module.shipped_protocols()
    finally:
        module.shipped_protocols.cache_clear()
