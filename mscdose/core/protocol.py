"""Protocols are data: one TOML file each under resources/protocols/. This module reads and checks them.

A result carries the SHA-256 of the exact file bytes it was checked against, so a worksheet printed months
later still says which rules applied. Validation is strict (unknown keys are errors) because a misspelt
`total_mx` silently ignored would be a limit silently not applied.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from mscdose.core.digest import sha256_hex
from mscdose.core.eligibility import (  # issue 11; issue 16: translated texts
    TRANSLATION_SUFFIXES,
    check_standard_reasons,
    read_criteria,
    translations_of,
)
from mscdose.core.errors import ProtocolError
from mscdose.core.paths import resource_path
from mscdose.core.plausibility import Plausibility, read_plausibility  # issue 11
from mscdose.core.protocol_reader import (  # the values of one file: units, settings, windows
    _BAND_KEYS,
    _WINDOW_KEYS,
    DoseWindow,
    Setting,
    _Reader,
)
from mscdose.core.required import DEFAULT_REQUIRED, FIELD_NAMES

if TYPE_CHECKING:  # issue 18: the product-code checks load only for a file that lists product codes
    from pathlib import Path

    from mscdose.core.product_checks import ProductCodes

Basis = Literal["viable", "total"]

_TOP_KEYS = {
    "schema_version", "id", "version", "title", "short_title", "sponsor", "phase", "registry_ids",
    "product", "route", "infusions", "dose", "eligibility", "checks", "site_defaults",
}
# --- issue 11: the [plausibility] table and the standard override reasons ---
_TOP_KEYS |= {"plausibility", "override_reasons"}
# --- end issue 11 ---
_TOP_KEYS |= {"product_codes"}  # issue 13: the ISBT 128 product codes the protocol accepts
# issue 16: translated texts beside the English ones (`title_zh`; `note_zh` in a setting; `text_zh` in criteria
# and override reasons), exposed as Protocol.translations: language -> {English text: translation}.
_TRANSLATED_TOP = ("title", "short_title", "sponsor", "product", "route")
_TOP_KEYS |= {f"{key}_{suffix}" for key in _TRANSLATED_TOP for suffix in TRANSLATION_SUFFIXES}
_REQUIRED_TOP = {"schema_version", "id", "version", "title", "dose", "site_defaults"}
_DOSE_KEYS = {"basis", "bands"} | _WINDOW_KEYS
_ELIGIBILITY_KEYS = {"age_min", "age_max", "sexes", "healthy_volunteers", "inclusion", "exclusion"}
_CHECK_KEYS = {"usual_weight_min", "usual_weight_max"}
_SITE_KEYS = {"min_viability", "final_volume", "duration", "drop_factor", "volume_increment", "post_thaw_limit"}
# Site choices in [site_defaults] that are not preparation values (issue 19): what must be present to finalise.
_SITE_LIST_KEYS = {"required_at_finalising"}


@dataclass(frozen=True)
class Protocol:
    id: str
    version: str
    title: str
    short_title: str
    sponsor: str
    phase: str
    registry_ids: tuple[str, ...]
    product: str
    route: str
    infusions: int  # how many final infusions one patient may receive under this protocol (issue 10 §3)
    basis: Basis
    window: DoseWindow
    bands: tuple[DoseWindow, ...]
    age_min: Decimal | None
    age_max: Decimal | None
    inclusion: tuple[str, ...]
    exclusion: tuple[str, ...]
    usual_weight_min: Setting | None
    usual_weight_max: Setting | None
    min_viability: Setting
    final_volume: Setting
    duration: Setting
    drop_factor: Setting
    volume_increment: Setting
    post_thaw_limit: Setting
    sha256: str
    source_name: str = field(default="")
    # Shipped files are approved by being shipped; a file loaded by path is not until the service has
    # matched its SHA-256 to an approval in the record store (approval.check_against_approvals).
    approved: bool = False
    required_at_finalising: tuple[str, ...] = DEFAULT_REQUIRED
    # --- issue 11: plausibility limits, hard/soft eligibility criteria, standard override reasons ---
    plausibility: Plausibility = field(default_factory=Plausibility)
    hard_criteria: frozenset[str] = frozenset()  # criterion texts whose unconfirmed/unmet state is hard
    age_criteria: frozenset[str] = frozenset()  # criterion texts decided by the age field (`field = "age"`)
    override_reasons: tuple[str, ...] = ()
    # --- end issue 11 ---
    # issue 13: accepted ISBT 128 product codes; None = the file lists none (only the S-prefix rule applies)
    product_codes: ProductCodes | None = None
    # issue 16: language -> {English text of this file: its translation} (title, criteria, notes, reasons)
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False, compare=False)

    def translated(self, text: str, language: str) -> str:
        """issue 16: `text` (an English text of this protocol) in `language`, or as it is."""
        return self.translations.get(language, {}).get(text, text)

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    def windows_for(self, weight_kg: Decimal) -> tuple[DoseWindow, ...]:
        """The protocol-wide window and every weight band that covers this weight."""
        return (self.window, *(band for band in self.bands if band.applies_to(weight_kg)))

    def site_settings(self) -> dict[str, Setting]:
        return {
            "min_viability": self.min_viability,
            "final_volume": self.final_volume,
            "duration": self.duration,
            "drop_factor": self.drop_factor,
            "volume_increment": self.volume_increment,
            "post_thaw_limit": self.post_thaw_limit,
        }



def _product_codes(raw: Any, name: str) -> ProductCodes | None:
    """Issue 13's `product_codes` key; absent, the product-code checks are not even loaded (issue 18)."""
    if raw is None:
        return None
    from mscdose.core.product_checks import read_product_codes

    return read_product_codes(raw, name)


def parse_protocol(data: bytes, name: str) -> Protocol:
    """Validate and build a protocol from the bytes of its file."""
    reader = _Reader(name)
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProtocolError(f"Protocol file {name}: not valid TOML: {exc}") from None
    reader.check_keys(doc, _TOP_KEYS, "", _REQUIRED_TOP)
    if doc["schema_version"] != 1:
        raise reader.error("schema_version", f"this mscdose reads schema version 1, found {doc['schema_version']!r}")

    dose = _table(reader, doc, "dose")
    reader.check_keys(dose, _DOSE_KEYS, "dose.", {"basis"})
    basis = dose["basis"]
    if basis not in ("viable", "total"):
        raise reader.error("dose.basis", f"must be 'viable' or 'total', found {basis!r}")
    raw_bands = dose.get("bands", [])
    if not isinstance(raw_bands, list):
        raise reader.error("dose.bands", "must be an array of tables ([[dose.bands]])")
    bands = []
    for index, band in enumerate(raw_bands):
        where = f"dose.bands[{index}]."
        if not isinstance(band, dict):
            raise reader.error(where[:-1], "must be a table")
        reader.check_keys(band, _BAND_KEYS, where)
        bands.append(reader.window(band, where))
    window = reader.window({k: v for k, v in dose.items() if k in _WINDOW_KEYS}, "dose.")
    if not any(getattr(w, k) is not None for w in (window, *bands) for k in _WINDOW_KEYS):
        raise reader.error("dose", "states no dose limit at all (total_min/total_max/per_kg_min/per_kg_max)")

    eligibility = _table(reader, doc, "eligibility", required=False)
    reader.check_keys(eligibility, _ELIGIBILITY_KEYS, "eligibility.")
    age_min = reader.quantity(eligibility, "age_min", "eligibility.")
    age_max = reader.quantity(eligibility, "age_max", "eligibility.")
    if age_min is not None and age_max is not None and age_min > age_max:
        raise reader.error("eligibility.age_min", "is greater than eligibility.age_max")

    criteria = read_criteria(eligibility, name)  # issue 11

    checks = _table(reader, doc, "checks", required=False)
    reader.check_keys(checks, _CHECK_KEYS, "checks.")
    site = _table(reader, doc, "site_defaults")
    reader.check_keys(site, _SITE_KEYS | _SITE_LIST_KEYS, "site_defaults.", _SITE_KEYS)
    settings = {key: reader.setting(site, key, "site_defaults.", required=True) for key in _SITE_KEYS}
    required_at_finalising = _required_fields(reader, site)
    for key in ("final_volume", "duration", "drop_factor", "volume_increment", "post_thaw_limit"):
        if settings[key].value <= 0:  # type: ignore[union-attr]
            raise reader.error(f"site_defaults.{key}", "must be more than zero")
    usual_min = reader.setting(checks, "usual_weight_min", "checks.", required=False)
    usual_max = reader.setting(checks, "usual_weight_max", "checks.", required=False)
    if usual_min and usual_max and usual_min.value > usual_max.value:
        raise reader.error("checks.usual_weight_min", "is greater than checks.usual_weight_max")

    return Protocol(
        id=reader.text(doc, "id"),
        version=str(doc["version"]) if isinstance(doc["version"], int | float) else reader.text(doc, "version"),
        title=reader.text(doc, "title"),
        short_title=reader.text(doc, "short_title", default=doc["title"]),
        sponsor=reader.text(doc, "sponsor", default="not stated"),
        phase=reader.text(doc, "phase", default="not stated"),
        registry_ids=reader.texts(doc, "registry_ids"),
        product=reader.text(doc, "product", default="not stated"),
        route=reader.text(doc, "route", default="intravenous infusion"),
        infusions=_infusions(reader, doc),
        basis=basis,
        window=window,
        bands=tuple(bands),
        age_min=age_min,
        age_max=age_max,
        inclusion=criteria.inclusion,  # issue 11: texts or { text, severity, field } tables
        exclusion=criteria.exclusion,
        usual_weight_min=usual_min,
        usual_weight_max=usual_max,
        sha256=sha256_hex(data),
        source_name=name,
        required_at_finalising=required_at_finalising,
        **settings,  # type: ignore[arg-type]
        # --- issue 11 ---
        plausibility=read_plausibility(doc.get("plausibility"), name, settings),
        hard_criteria=criteria.hard,
        age_criteria=criteria.age,
        override_reasons=check_standard_reasons(doc.get("override_reasons"), name),
        # --- end issue 11 ---
        product_codes=_product_codes(doc.get("product_codes"), name),  # issue 13
        translations=_translations(doc, criteria.translations, name),  # issue 16
    )


def _translations(doc: dict[str, Any], criteria: tuple[tuple[str, str, str], ...], name: str
                  ) -> dict[str, dict[str, str]]:
    """issue 16: every translated text of the file, as language -> {English: translation}."""
    found = list(criteria)
    for key in _TRANSLATED_TOP:
        found += translations_of(doc, key, "", name)
    for table in ("site_defaults", "checks"):
        for key, value in (doc.get(table) or {}).items():
            if isinstance(value, dict):
                found += translations_of(value, "note", f"{table}.{key}", name)
    for index, reason in enumerate(doc.get("override_reasons") or []):
        if isinstance(reason, dict):
            found += translations_of(reason, "text", f"override_reasons[{index}]", name)
    out: dict[str, dict[str, str]] = {}
    for language, english, text in found:
        out.setdefault(language, {})[english] = text
    return out


def _infusions(reader: _Reader, doc: dict[str, Any]) -> int:
    """A whole number of at least 1; absent means 1, the most restrictive reading."""
    value = doc.get("infusions", 1)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise reader.error("infusions", f"must be a whole number of infusions of 1 or more, such as 1; found {value!r}")
    return value


def _required_fields(reader: _Reader, site: dict[str, Any]) -> tuple[str, ...]:
    if "required_at_finalising" not in site:
        return DEFAULT_REQUIRED
    names = site["required_at_finalising"]
    key = "site_defaults.required_at_finalising"
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise reader.error(key, "must be a list of field names")
    unknown = [n for n in names if n not in FIELD_NAMES]
    if unknown:
        raise reader.error(key, f"unknown field {unknown[0]!r} (known: {', '.join(FIELD_NAMES)})")
    return tuple(dict.fromkeys(names))


def _table(reader: _Reader, doc: dict[str, Any], key: str, required: bool = True) -> dict[str, Any]:
    value = doc.get(key)
    if value is None:
        if required:
            raise reader.error(key, "missing")
        return {}
    if not isinstance(value, dict):
        raise reader.error(key, "must be a table")
    return value


def load_protocol_file(path: str | Path) -> Protocol:
    # (os.path, not pathlib: a calculation reads a protocol without loading pathlib, issue 18)
    path = os.fspath(path)
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as exc:
        raise ProtocolError(f"Protocol file {path}: cannot be read: {exc.strerror}") from None
    return parse_protocol(data, os.path.basename(path))


def _shipped_files() -> Iterator[tuple[str, bytes]]:
    folder = resource_path("protocols")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), "rb") as file:
                yield name, file.read()


@cache
def shipped_protocols() -> tuple[Protocol, ...]:
    """Every protocol shipped in resources/protocols/, sorted by id, each approved by being shipped.

    Two shipped files with the same id are refused (ProtocolError naming both): which one applied would
    otherwise depend on file names."""
    protocols = [replace(parse_protocol(data, name), approved=True) for name, data in _shipped_files()]
    require_unique_ids(protocols)
    return tuple(sorted(protocols, key=lambda p: p.id))


def require_unique_ids(protocols: Iterable[Protocol]) -> None:
    """Raise ProtocolError when two protocols share an id (case-insensitive), naming both files."""
    seen: dict[str, Protocol] = {}
    for protocol in protocols:
        other = seen.setdefault(protocol.id.lower(), protocol)
        if other is not protocol:
            raise ProtocolError(f"Protocol files {other.source_name} and {protocol.source_name} both have id "
                                f"'{protocol.id}': remove or rename one (an id must name one protocol).")


DEFAULT_PROTOCOL_ID = "NCT03055078"


def load_protocol(identifier: str | None = None) -> Protocol:
    """A shipped protocol by id (case-insensitive), or a protocol file by path."""
    wanted = (identifier or DEFAULT_PROTOCOL_ID).strip()
    for protocol in shipped_protocols():
        if protocol.id.lower() == wanted.lower():
            return protocol
    if wanted.endswith(".toml") and os.path.isfile(wanted):
        return load_protocol_file(wanted)
    known = ", ".join(p.id for p in shipped_protocols())
    raise ProtocolError(f"Protocol '{wanted}' is not shipped with mscdose (known: {known}) and is not a .toml file")
