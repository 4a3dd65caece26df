"""Prints how long `mscdose validate` takes for 10,000 rows, whole process (goal: under 5 s here).

The rows are the shipped reference cases repeated (every kind of case: limits, rounding, refusals, times),
written to a temporary file; the command is run as a user would run it, in a fresh process.
Run: PYTHONPATH=$PWD python benchmarks/validate.py [ROWS]
"""

from __future__ import annotations

import resource as resource_usage
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mscdose.core.paths import resource


def case_file(folder: Path, rows: int) -> Path:
    lines = resource("reference_cases.csv").read_text(encoding="utf-8").splitlines()
    header, body = lines[0], lines[1:]
    path = folder / "cases.csv"
    path.write_text("\n".join([header, *(body[n % len(body)] for n in range(rows))]) + "\n", encoding="utf-8")
    return path


def run_validate(path: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): on a shared 2-core machine the CPU time is the steadier figure."""
    before = resource_usage.getrusage(resource_usage.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mscdose", "validate", str(path)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource_usage.getrusage(resource_usage.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = case_file(Path(folder), rows)
        runs = [run_validate(path) for _ in range(3)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    print(f"`mscdose validate` {rows:,} rows, whole process, median of {len(runs)}: {wall:.2f} s wall, {cpu:.2f} s CPU "
          f"({wall / rows * 1e3:.3f} ms a row; goal < 5 s)")


if __name__ == "__main__":
    main()
