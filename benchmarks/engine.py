"""Prints the median time of one full calculation (parse + compute) and of `mscdose calc` start-up to a result.

Goal: one calculation under 1 ms. Run: python benchmarks/engine.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from mscdose.core.engine import compute
from mscdose.core.protocol import load_protocol
from mscdose.core.request import read_request

TEXTS = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
         "viability": "92 %", "bag_volume": "20 mL", "bags": "2", "age": "30"}
ARGS = ["calc", "--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
        "--viability", "92", "--bag-volume", "20 mL", "--bags", "2", "--json"]


def one_calculation() -> None:
    request, _ = read_request(TEXTS)
    compute(request, load_protocol())  # type: ignore[arg-type]


def main() -> None:
    one_calculation()  # warm: registry and protocol are built once per process
    samples = []
    for _ in range(2000):
        start = time.perf_counter()
        one_calculation()
        samples.append(time.perf_counter() - start)
    print(f"calculation (parse + compute), median of {len(samples)}: {statistics.median(samples) * 1e3:.3f} ms "
          f"(goal < 1 ms)")
    runs = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mscdose", *ARGS], check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    print(f"`mscdose calc --json` start-up to result, median of {len(runs)}: {statistics.median(runs) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
