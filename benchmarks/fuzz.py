"""Runs generated inputs through read_request -> compute -> summary_text and prints crashes / accepted / refused.

A crash is any exception other than the project's InputError from read_request, or any exception at all
from compute or summary_text. Inputs are a valid request with one to three fields replaced by generated
text: pieces people and accidents type (numbers near each field's bounds, units, multipliers, full-width
digits, hidden characters, huge exponents, long texts, dates far away) and plain random Unicode.
Also prints how long the 600,000-character entry of issue 11 takes to refuse.

Run: PYTHONPATH=$PWD python benchmarks/fuzz.py [COUNT] [SEED]   (default 100000, seed 11)
"""

from __future__ import annotations

import collections
import random
import sys
import time
import traceback

from mscdose.core.engine import compute
from mscdose.core.errors import InputError
from mscdose.core.protocol import load_protocol
from mscdose.core.request import FIELDS, read_request
from mscdose.core.summary import summary_text

VALID = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
         "viability": "92 %", "bag_volume": "20 mL", "bags": "2", "basis": "total", "age": "30",
         "final_volume": "100 mL", "duration": "60 min", "drop_factor": "20", "increment": "0.1 mL",
         "din": "G1234 98 654321 H", "thawed_at": "2026-11-25T09:30", "now": "2026-11-25T10:30"}
NUMBERS = ["0", "1", "62", "0.5", "1e-27", "1e-30", "1e999999", "9" * 40, "-5", "+5", ".5", "5.", "1.5e8",
           "0.92", "150", "7e30", "1e31", "3e-31", "0e-999999", "2", "99", "100", "100.0001", "1.00"]
UNITS = ["", " kg", "kg", " lb", " g", " mL", " L", " uL", " µL", " %", " % kg", " mL*%", " kg*m/m", " cells",
         " million cells", " x 10^6 cells", " × 10⁶ cells", " million cells/kg", " cells/kg", " cells/mL",
         " million cells/mL", " min", " h", " s", " day", " gtt/mL", " 1", " # 10 lb", " years", " stone",
         " million", " billion cells", " thousand million cells", "e6 cells", " KG", " cells/kg*kg"]
ODD = ["６２ kg", "٦٢ kg", "62\u200b kg", "\ufeff62 kg", "62\u202ekg", "62 kg\n", "\x1b[2J62 kg", "62,5 kg", "nan",
       "inf kg", "", "   ", "0001-01-01T00:00", "9999-12-31T23:00", "2026-02-30T10:00", "2026-11-25T25:00",
       "2026-11-25T09:30+23:59", "=G12349865432177", "G123498654321", "viable", "alive", "6" * 600_000 + " kg"]
# Accepted values at and near each field's bounds, so that compute and summary_text see extremes too.
EXTREMES = {
    "weight": ["0.1 kg", "700 kg", "0.23 lb", "1543 lb", "100 g", "62.123456789 kg"],
    "dose": ["10000 cells", "1e13 cells", "100 cells/kg", "1e11 cells/kg", "0.01 million cells/kg", "300 million cells",
             "1.23456789e8 cells", "3 x 10^8 cells"],
    "concentration": ["1000 cells/mL", "1e11 cells/mL", "1 cells/µL", "0.001 million cells/mL", "50 million cells/mL"],
    "viability": ["1.0001", "100", "70", "69.99 %", "100 %"],
    "bag_volume": ["0.01 mL", "5000 mL", "5 L", "3.8 mL"],
    "final_volume": ["0.01 mL", "5000 mL", "1 L"],
    "duration": ["1 s", "10080 min", "168 h", "0.5 h"],
    "drop_factor": ["0.001", "100", "60 gtt/mL", "13"],
    "increment": ["0.0001 mL", "100 mL", "0.01 mL", "1 mL"],
    "bags": ["1", "99"],
    "age": ["0", "130", "14", "60.5 years"],
    "thawed_at": ["2000-01-01T00:00", "2026-11-25T10:30", "2026-11-24T10:30+00:00"],
    "now": ["2100-12-31T23:59", "2026-11-25T10:30"],
}


def generated_text(rng: random.Random, field: str) -> str:
    roll = rng.random()
    if field in EXTREMES and roll < 0.35:
        return rng.choice(EXTREMES[field])
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(NUMBERS) + rng.choice(UNITS)
    if roll < 0.7:
        return rng.choice(ODD)
    if roll < 0.85:
        pieces = NUMBERS + UNITS + ["x", "^", "*", "/", "e", "-", " "]
        return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
    return "".join(chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0, 0x2FFF), rng.randint(0xFF00, 0xFFFF)]))
                   for _ in range(rng.randint(0, 20)))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 11)
    protocol = load_protocol()
    accepted = refused = 0
    crashes: collections.Counter[str] = collections.Counter()
    examples: dict[str, tuple[dict[str, str], str]] = {}
    start = time.perf_counter()
    for _ in range(count):
        texts = dict(VALID)
        for field in rng.sample(FIELDS, rng.randint(1, 3)):
            texts[field] = generated_text(rng, field)
        units = {"weight": rng.choice(["kg", "lb"]), "dose": rng.choice(["million cells", "million cells/kg"]),
                 "concentration": "million cells/mL"} if rng.random() < 0.3 else None
        stage = "read_request"
        try:
            request, errors = read_request(texts, units)
            if request is None:
                assert errors and all(isinstance(e, InputError) and e.message for e in errors.values())
                refused += 1
                continue
            stage = "compute"
            result = compute(request, protocol)
            stage = "summary_text"
            summary_text(result)
            accepted += 1
        except Exception as error:  # counting every escape is the point
            key = f"{stage}: {type(error).__name__}"
            crashes[key] += 1
            examples.setdefault(key, (texts, traceback.format_exc(limit=3)))
    elapsed = time.perf_counter() - start
    print(f"inputs: {count:,}  crashes: {sum(crashes.values()):,}  accepted: {accepted:,}  refused: {refused:,}  "
          f"({elapsed:.1f} s, {elapsed / count * 1e3:.2f} ms each)")
    for key, n in crashes.most_common():
        texts, trace = examples[key]
        print(f"  {n:,} x {key}; e.g. {[(f, t[:60]) for f, t in texts.items() if t != VALID.get(f)]}\n{trace}")
    long_text = {**VALID, "weight": "6" * 600_000 + " kg"}
    begin = time.perf_counter()
    _, errors = read_request(long_text)
    print(f"600,000-character weight refused in {(time.perf_counter() - begin) * 1e3:.3f} ms: "
          f"{errors['weight'].message[:90]}…")


if __name__ == "__main__":
    main()
