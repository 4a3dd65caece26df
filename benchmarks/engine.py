"""Prints the median time of one full calculation (parse + compute), of parsing alone, of a fresh process's
first parse (import included, and whether pint was imported for it), and of `mscdose calc` start-up.

Goal (issue 18): one calculation under 0.3 ms; pint imported only for a unit text outside the table.
Run from a checkout: PYTHONPATH=$PWD python benchmarks/engine.py
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
FIRST_PARSE = (
    "import sys, time; start = time.perf_counter(); from mscdose.core.request import read_request; "
    f"read_request({TEXTS!r}); print(time.perf_counter() - start, 'pint' in sys.modules)"
)


def one_calculation() -> None:
    request, _ = read_request(TEXTS)
    compute(request, load_protocol())  # type: ignore[arg-type]


def each_weight_different(count: int = 1000) -> float:
    """Issue 18's figure: ms per read_request + compute, a different weight each time (as scale.py runs it)."""
    protocol = load_protocol()
    start = time.perf_counter()
    for n in range(count):
        compute(read_request({**TEXTS, "weight": f"{50 + n / 100:.2f} kg"})[0], protocol)  # type: ignore[arg-type]
    return (time.perf_counter() - start) / count * 1e3


def median_ms(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


def main() -> None:
    one_calculation()  # warm: registry and protocol are built once per process
    print(f"calculation (parse + compute), median of 2000: {median_ms(one_calculation, 2000):.3f} ms (goal < 0.3 ms)")
    rounds = [each_weight_different() for _ in range(7)]
    print(f"calculation, each weight different, median of 7 x 1000: {statistics.median(rounds):.3f} ms "
          "(goal <= 0.3 ms)")
    print(f"parsing alone (read_request), median of 2000: {median_ms(lambda: read_request(TEXTS), 2000):.3f} ms")
    firsts, pint_used = [], set()
    for _ in range(7):
        out = subprocess.run([sys.executable, "-c", FIRST_PARSE], check=True, capture_output=True, text=True).stdout
        seconds, used = out.split()
        firsts.append(float(seconds))
        pint_used.add(used)
    print(f"fresh process, import + first read_request, median of 7: {statistics.median(firsts) * 1e3:.0f} ms "
          f"(pint imported: {', '.join(sorted(pint_used))})")
    runs = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mscdose", *ARGS], check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    print(f"`mscdose calc --json` start-up to result, median of {len(runs)}: {statistics.median(runs) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
