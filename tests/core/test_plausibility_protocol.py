"""The protocol loader reads [plausibility] strictly: a bad value is refused naming the file and the key."""

from __future__ import annotations

import pytest

from mscdose.core.errors import ProtocolError
from mscdose.core.paths import resource
from mscdose.core.protocol import parse_protocol

SHIPPED = resource("protocols", "nct03055078.toml").read_bytes().decode()


def _changed(old: str, new: str) -> bytes:
    assert old in SHIPPED
    return SHIPPED.replace(old, new, 1).encode()


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [('max_infusion_rate = { value = "300 mL/h"', 'max_infusion_rate = { value = "300 mL"',
      "key 'plausibility.max_infusion_rate': '300 mL' has the wrong unit"),
     ('max_infusion_rate = { value = "300 mL/h"', 'max_infusion_rate = { value = "3 * 100 mL/h"',
      "key 'plausibility.max_infusion_rate': cannot read '3 * 100 mL/h'"),
     ('max_infusion_rate = { value = "300 mL/h"', 'max_infusion_rate = { value = "3e2 mL/h"',
      "key 'plausibility.max_infusion_rate': cannot read"),
     ('max_infusion_rate = { value = "300 mL/h"', 'max_infusion_rate = { value = 300',
      "key 'plausibility.max_infusion_rate': must be a quantity with its unit in quotes"),
     ('max_infusion_rate = { value = "300 mL/h"', 'max_infusion_rate = { value = "300 mL/fortnight"',
      "is not a unit mscdose knows"),
     ('"10 gtt/mL", "15 gtt/mL"', '"10 gtt/mL", "10 gtt/mL"', "key 'plausibility.drop_factors': lists the same"),
     ('"10 gtt/mL", "15 gtt/mL", "20 gtt/mL", "60 gtt/mL"', '"10 gtt/mL", "15 gtt/mL", "60 gtt/mL"',
      "key 'plausibility.drop_factors': does not include the site default drop factor"),
     ('"0.01 mL", "0.1 mL",', '"0.01 mL",', "key 'plausibility.volume_increments': does not include the site "
                                          "default volume increment"),
     ('drop_factors = { value = ["10 gtt/mL"', 'drop_factors = { value = [], x = ["10 gtt/mL"',
      "key 'plausibility.drop_factors.x': unknown key"),
     ('min_duration = { value = "15 min"', 'min_duration = { value = "2 h"',
      "key 'plausibility.min_duration': the site default duration"),
     ('min_duration = { value = "15 min"', 'min_duration = { value = "9 h"',
      "key 'plausibility.min_duration': is greater than plausibility.max_duration"),
     ('concentration_usual_min = { value = "0.5 million cells/mL"',
      'concentration_usual_min = { value = "50 million cells/mL"',
      "key 'plausibility.concentration_usual_min': is greater than"),
     ('label_count_tolerance = { value = "25 %"', 'label_count_tolerance = { value = "80 %"',
      "key 'plausibility.label_count_tolerance': '80 %' is not plausible"),
     ('dmso_limit_per_kg_day = { value = "1 g/kg"', 'dmso_limit_per_kg_day = { value = "1000 g/kg"',
      "key 'plausibility.dmso_limit_per_kg_day': '1000 g/kg' is not plausible"),
     ('dmso_density = { value = "1.1 g/mL", source = "site"', 'dmso_density = { value = "1.1 g/mL", source = "me"',
      "key 'plausibility.dmso_density.source': must be 'protocol' or 'site'"),
     ("[plausibility]\n", "[plausibility]\nmax_rate = \"1 mL/h\"\n", "key 'plausibility.max_rate': unknown key"),
     ],
)
def test_bad_plausibility_values_name_file_and_key(old: str, new: str, words: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(_changed(old, new), "site.toml")
    assert str(caught.value).startswith("Protocol file site.toml: ") and words in str(caught.value)


def test_a_dmso_free_product_may_state_zero_percent() -> None:
    p = parse_protocol(_changed('dmso_percent = { value = "10 %"', 'dmso_percent = { value = "0 %"'), "x.toml")
    assert p.plausibility.dmso_percent.value == 0  # type: ignore[union-attr]
