"""Validation cases: a CSV of calculations with the results expected, run through the engine in one process.

Why: a site validates its calculator before use (IQ/OQ/PQ) and again after every update. The cases are a
spreadsheet the site can read, extend and sign: one row a calculation, the inputs as columns named like
the `calc` options, the expected outputs as `expected_*` columns. Every row goes through the same road as
`mscdose calc` (read_request -> compute -> result_dict), and every expected value that differs is named.
The shipped reference cases (resources/reference_cases.csv, run by `mscdose selftest`) are such a file.

Rules of the file (docs in README, "Validating an installation"):
- `case` and `note` (the name and the hand working) are carried, never read by the engine.
- Input columns: the field names of the form (`weight`, `dose`, `bag_volume`, ...; the option spelling
  `bag-volume` or `--bag-volume` is accepted) and `protocol`. An empty cell is an input not given.
- `expected_<output>`: an output of `mscdose calc --json` (`expected_volume_to_draw_ml`, ...). A number
  is compared at the precision it is written with, rounded half up as a person rounds by hand ("32.6"
  matches 32.6087 to one decimal; "32.61" would not). Text is compared exactly. An empty cell is not
  checked in that row.
- `expected_flags`: every hard and soft flag code raised, exactly (separated by spaces, commas or
  semicolons; info flags are not listed). Checked in every row when the column is there: an empty cell
  means "no hard or soft flag", so a flag that appears after an update is never missed.
- `expected_status` may be `refused`: the inputs must be refused (bad input), as the window would.
- An unknown column is refused with its name (a typo must not make a check silently vanish), and so is
  a row that checks nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from mscdose.core.request import FIELDS

EXPECTED = "expected_"
INFO_COLUMNS = ("case", "note")
INPUT_COLUMNS = (*FIELDS, "protocol")
# what `calc --json` prints that a row may expect (not the echo of the inputs, steps or the app version)
OUTPUTS = (
    "target_dose_cells", "viable_concentration_cells_per_ml", "dose_concentration_cells_per_ml",
    "volume_exact_ml", "volume_to_draw_ml", "delivered_dose_cells", "delivered_dose_cells_per_kg",
    "bags_needed", "diluent_volume_ml", "final_volume_ml", "infusion_rate_ml_per_h", "drip_rate_gtt_per_min",
    "administer_before", "start_by", "finish_by", "delivered_dose_text", "delivered_dose_per_kg_text",
    "age_years", "age_source", "status", "flags",
)
REFUSED = "refused"
_SEPARATORS = re.compile(r"[\s,;]+")


class CaseFileError(ValueError):
    """The case file itself cannot be used (not a check that failed): names the line or column."""


@dataclass(frozen=True)
class Difference:
    output: str
    expected: str
    actual: str

    def __str__(self) -> str:
        return f"{self.output}: expected {self.expected or '(none)'}, got {self.actual or '(none)'}"


@dataclass(frozen=True)
class RowOutcome:
    line: int  # the row's line in the file (the header is line 1), as a spreadsheet numbers it
    case: str
    checked: int  # expected values compared in this row
    differences: tuple[Difference, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.differences

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "case": self.case, "ok": self.passed, "checked": self.checked,
                "differences": [vars(d) for d in self.differences]}


@dataclass
class ValidationReport:
    source: str
    sha256: str
    rows: list[RowOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[RowOutcome]:
        return [row for row in self.rows if not row.passed]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.failed

    def as_dict(self) -> dict[str, Any]:
        from mscdose import __version__

        return {"ok": self.ok, "file": self.source, "sha256": self.sha256, "app_version": __version__,
                "rows": len(self.rows), "passed": len(self.rows) - len(self.failed), "failed": len(self.failed),
                "cases": [row.as_dict() for row in self.rows]}


def column_name(header: str) -> str:
    """The canonical name of a header cell: `--bag-volume`, `bag-volume` and `Bag_Volume` are `bag_volume`."""
    return header.strip().lstrip("-").replace("-", "_").lower()


def check_columns(headers: list[str]) -> list[str]:
    """The canonical column names, or CaseFileError naming an unknown, duplicate or missing one."""
    names = [column_name(h) for h in headers]
    accepted = ", ".join((*INFO_COLUMNS, *INPUT_COLUMNS, *(EXPECTED + o for o in OUTPUTS)))
    for header, name in zip(headers, names, strict=True):
        known = name in INFO_COLUMNS or name in INPUT_COLUMNS or (
            name.startswith(EXPECTED) and name[len(EXPECTED):] in OUTPUTS)
        if not known:
            raise CaseFileError(f"column {header!r} is not a validation column; accepted: {accepted}")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CaseFileError(f"column {duplicates[0]!r} appears more than once; each column may appear once")
    if not any(n.startswith(EXPECTED) for n in names):
        raise CaseFileError("no expected_* column: the file checks nothing (e.g. add expected_volume_to_draw_ml)")
    return names


def read_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: cell}) for every non-blank row; CaseFileError for a bad header or a ragged row."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = next(reader)
    except StopIteration:
        raise CaseFileError("the file is empty; the first line must name the columns") from None
    except csv.Error as error:
        raise CaseFileError(f"line 1 is not CSV ({error})") from None
    names = check_columns(headers)
    line = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CaseFileError(f"line {line + 1} is not CSV ({error})") from None
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(names):
            raise CaseFileError(f"line {start} has {len(cells)} cells but the header names {len(names)} columns")
        yield start, dict(zip(names, cells, strict=False))


def _matches(actual: Any, expected: str) -> bool:
    """A number at the precision it is written with (half up); anything else as exact text."""
    if isinstance(actual, bool) or not isinstance(actual, int | float | Decimal):
        return ("" if actual is None else str(actual)) == expected
    try:
        wanted = Decimal(expected)
    except InvalidOperation:
        return False
    exponent = wanted.as_tuple().exponent
    value = Decimal(str(actual))
    if isinstance(exponent, int) and exponent < 0:
        return value.quantize(wanted, rounding=ROUND_HALF_UP) == wanted
    return value == wanted


def _codes(text: str) -> list[str]:
    return sorted(code for code in _SEPARATORS.split(text.strip()) if code)


class _Protocols:
    """Each protocol read once per run (a .toml file is not parsed again for every row)."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}

    def get(self, reference: str) -> Any:
        if reference not in self._loaded:
            from mscdose.core.protocol import load_protocol

            self._loaded[reference] = load_protocol(reference or None)
        return self._loaded[reference]


def output_values(result: Any) -> dict[str, Any]:
    """The OUTPUTS of `result` exactly as `result_dict` (the `calc --json` contract) gives them, without building
    its steps, inputs and protocol parts (a sixth of a row's time). A test holds the two equal."""
    from mscdose.core.serialize import number

    def moment(value: Any) -> str | None:
        return value.isoformat() if value else None

    return {
        **{key: number(getattr(result, key)) for key in _NUMBERS},
        "bags_needed": result.bags_needed, "drip_rate_gtt_per_min": result.drip_rate_gtt_per_min,
        "administer_before": moment(result.administer_before), "start_by": moment(result.start_by),
        "finish_by": moment(result.finish_by), "delivered_dose_text": result.delivered_dose_text,
        "delivered_dose_per_kg_text": result.delivered_per_kg_text, "age_years": number(result.age_years),
        "age_source": result.age_source or None, "status": result.status,
    }


_NUMBERS = ("target_dose_cells", "viable_concentration_cells_per_ml", "dose_concentration_cells_per_ml",
            "volume_exact_ml", "volume_to_draw_ml", "delivered_dose_cells", "delivered_dose_cells_per_kg",
            "diluent_volume_ml", "final_volume_ml", "infusion_rate_ml_per_h")


def check_row(line: int, row: dict[str, str], protocols: _Protocols | None = None) -> RowOutcome:
    """Run one row through the engine and compare every expected value. Never raises for the row's content:
    a refused input, an unknown protocol or an engine error is a difference of that row."""
    from mscdose.core.engine import compute
    from mscdose.core.errors import ProtocolError
    from mscdose.core.request import read_request

    protocols = protocols or _Protocols()
    case = row.get("case", "").strip() or f"line {line}"
    expected = {name[len(EXPECTED):]: value.strip() for name, value in row.items()
                if name.startswith(EXPECTED) and (value.strip() or name == EXPECTED + "flags")}
    if not expected:
        return RowOutcome(line, case, 0, (Difference("row", "at least one expected value", "none: the row "
                                                     "checks nothing"),))
    texts = {name: (value if value.strip() else None) for name, value in row.items() if name in FIELDS}
    try:
        protocol = protocols.get(row.get("protocol", "").strip())
    except ProtocolError as error:
        return RowOutcome(line, case, len(expected), (Difference("protocol", "a protocol", str(error)),))
    try:
        request, errors = read_request(texts)
        if errors:
            refused = "; ".join(f"{e.field}: {e.message}" for e in errors.values())
            if expected.get("status") == REFUSED:
                return RowOutcome(line, case, len(expected))
            return RowOutcome(line, case, len(expected), (Difference("inputs", "accepted", f"refused: {refused}"),))
        assert request is not None
        result = compute(request, protocol)
        data = output_values(result)
    except Exception as error:  # an engine failure is a failed row, never a stopped batch
        return RowOutcome(line, case, len(expected), (Difference("engine", "a result",
                                                                 f"{type(error).__name__}: {error}"),))
    differences = []
    for output, want in expected.items():
        if output == "flags":
            raised = sorted(flag.code for flag in result.flags if flag.severity != "info")
            if raised != _codes(want):
                differences.append(Difference("flags", " ".join(_codes(want)), " ".join(raised)))
        elif not _matches(data.get(output), want):
            got = data.get(output)
            differences.append(Difference(output, want, "" if got is None else str(got)))
    return RowOutcome(line, case, len(expected), tuple(differences))


def validate_rows(rows: Iterable[tuple[int, dict[str, str]]]) -> Iterator[RowOutcome]:
    protocols = _Protocols()
    for line, row in rows:
        yield check_row(line, row, protocols)


def read_case_file(path: Path | str) -> tuple[str, str]:
    """(text, sha256 of the bytes); CaseFileError when it cannot be read as UTF-8 text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CaseFileError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as error:
        raise CaseFileError(f"{path} is not UTF-8 text (byte {error.start}); save it as \"CSV UTF-8\"") from None
    return text, hashlib.sha256(data).hexdigest()


def validate_text(text: str, source: str = "", sha256: str = "") -> ValidationReport:
    report = ValidationReport(source, sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest())
    report.rows.extend(validate_rows(read_rows(text)))
    if not report.rows:
        raise CaseFileError(f"{source or 'the file'} has a header but no case rows")
    return report


def validate_file(path: Path | str) -> ValidationReport:
    """Every row of the CSV file through the engine. CaseFileError if the file itself is unusable."""
    text, digest = read_case_file(path)
    return validate_text(text, str(path), digest)


def report_lines(report: ValidationReport, noun: str = "rows") -> Iterator[str]:
    """The readable report: one line a row, each difference under it, and the count."""
    for row in report.rows:
        yield f"{'ok  ' if row.passed else 'FAIL'}  line {row.line}: {row.case}"
        for difference in row.differences:
            yield f"        {difference}"
    yield f"{len(report.rows) - len(report.failed)} of {len(report.rows)} {noun} passed"
