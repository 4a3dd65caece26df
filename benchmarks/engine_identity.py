"""Prints a fingerprint of the engine's every output over a fixed set of random requests, so that a change
made for speed (issue 18) can be shown to give the same results to the digit: run it in the tree before and
the tree after, and compare the two files (`cmp`), or pass `--compare FILE` to list the first differences.

Each case is one request through read_request + compute: every field of the result as text, every step,
every flag (code, severity, field, message) and the status. The requests mix kg and lb weights, doses as a
total and per kg, lot counts of all and of viable cells, site volumes, durations, drop factors, increments,
thaw times (fresh and expired), ages, the shipped protocol and the test protocols (weight bands, total basis).

Run:  PYTHONPATH=$PWD python benchmarks/engine_identity.py OUT.jsonl [--cases 4000] [--seed 18] [--compare BEFORE.jsonl]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
from pathlib import Path

import mscdose
from mscdose.core.engine import compute
from mscdose.core.protocol import load_protocol, load_protocol_file
from mscdose.core.request import read_request

ROOT = Path(mscdose.__file__).resolve().parents[1]  # the tree measured, wherever this script is


def requests(count: int, seed: int = 18) -> list[dict[str, str]]:
    pick = random.Random(seed)
    out = []
    for _ in range(count):
        weight = f"{pick.randint(30, 1500) / pick.choice([10, 10, 100])}"
        dose = (f"{pick.choice([100, 150, 200, 250, 299.99, 300, 300.01, 99.99, 123.456])} million cells"
                if pick.random() < 0.6 else f"{pick.choice([1, 1.5, 2, 2.5, 3, 4.99, 5])} million cells/kg")
        texts = {
            "weight": f"{weight} {pick.choice(['kg', 'kg', 'lb', 'g'])}" if pick.random() < 0.9 else f"{weight}kg",
            "dose": dose,
            "concentration": f"{pick.choice(['5', '3.3', '7.77', '10', '2.5', '1.234', '12'])} million cells/mL",
            "viability": f"{pick.choice(['92', '70', '69.9', '85.5', '99', '100', '50'])} %",
            "bag_volume": f"{pick.choice(['20', '10', '5', '50', '12.5'])} mL",
            "bags": str(pick.randint(1, 6)),
            "age": str(pick.choice([30, 17, 18, 65, 66, 45])),
            "now": "2026-11-25 12:00+01:00",
        }
        if pick.random() < 0.3:
            texts["basis"] = "viable"
        if pick.random() < 0.3:
            texts["final_volume"] = f"{pick.choice(['50', '100', '20', '250'])} mL"
        if pick.random() < 0.3:
            texts["duration"] = f"{pick.choice(['60 min', '45 min', '2 h', '90 s', '37 min'])}"
        if pick.random() < 0.3:
            texts["drop_factor"] = pick.choice(["20", "15", "60"])
        if pick.random() < 0.3:
            texts["increment"] = f"{pick.choice(['0.1', '0.5', '1', '0.01', '0.25', '2', '5'])} mL"
        if pick.random() < 0.5:
            texts["thawed_at"] = pick.choice(["2026-11-25 11:30+01:00", "2026-11-25 09:00+01:00",
                                              "2026-11-25 08:01+01:00", "2026-11-25 11:59+01:00"])
        out.append(texts)
    return out


def fingerprint(result: object) -> dict[str, object]:
    fields = {f.name: str(getattr(result, f.name)) for f in dataclasses.fields(result)  # type: ignore[arg-type]
              if f.name not in ("request", "protocol", "computed_at", "steps", "flags", "write_steps")}
    return {**fields, "steps": [str(step) for step in result.steps],  # type: ignore[attr-defined]
            "flags": [[f.code, f.severity, f.field, f.message] for f in result.flags],  # type: ignore[attr-defined]
            "delivered_dose_text": result.delivered_dose_text,  # type: ignore[attr-defined]
            "delivered_per_kg_text": result.delivered_per_kg_text}  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    protocols = [load_protocol()] + [load_protocol_file(path)
                                     for path in sorted((ROOT / "tests" / "core" / "protocols").glob("*.toml"))]
    lines = []
    for number, texts in enumerate(requests(args.cases, args.seed)):
        request, errors = read_request(texts)
        if request is None:
            lines.append(json.dumps({"errors": {k: str(v) for k, v in errors.items()}}, sort_keys=True))
            continue
        lines.append(json.dumps(fingerprint(compute(request, protocols[number % len(protocols)])), sort_keys=True))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    computed = sum('"steps"' in line for line in lines)
    print(f"{len(lines)} cases ({computed} computed, {len(lines) - computed} refused) written to {args.out}")
    if args.compare:
        before = args.compare.read_text(encoding="utf-8").splitlines()
        differ = [n for n, (a, b) in enumerate(zip(before, lines, strict=True)) if a != b]
        print(f"compared with {args.compare}: {len(differ)} of {len(lines)} cases differ")
        for n in differ[:5]:
            print(f"case {n}:\n  before {before[n][:600]}\n  after  {lines[n][:600]}")


if __name__ == "__main__":
    main()
