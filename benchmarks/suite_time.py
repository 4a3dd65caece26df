"""How long the test suite takes: wall time and CPU time (user + sys of pytest and every process it waited for).

Why both: the machine is shared, so wall time alone says as much about the neighbours as about the suite; CPU
time is what the suite itself costs. The load average before and after says how busy the machine was.
Issue 9's goal: the suite without the packaging test under a minute of wall time on a 2-core machine.

    python benchmarks/suite_time.py                  # without tests/packaging, as configured (-n auto)
    python benchmarks/suite_time.py --workers 0      # one process, to compare
    python benchmarks/suite_time.py --whole          # the whole suite, as .ci/run runs it (builds PyInstaller)
    python benchmarks/suite_time.py -- tests/gui     # anything after -- goes to pytest

Not counted in CPU: the throw-away PostgreSQL servers of tests/records_pg (pg_ctl detaches them). Run from the
repository root (the script puts it first on PYTHONPATH, so a worktree's copy of mscdose is the one tested).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def command(whole: bool, workers: str | None, extra: list[str]) -> list[str]:
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    if not whole:
        argv.append("--ignore=tests/packaging")
    if workers is not None:
        argv += ["-n", workers]
    return argv + extra


def run(argv: list[str]) -> tuple[int, float, float, str]:
    """Exit status, wall seconds, CPU seconds (children's user + sys) and pytest's last line."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    return done.returncode, wall, cpu, lines[-1] if lines else done.stderr.strip()[-300:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--whole", action="store_true", help="include tests/packaging (as .ci/run does)")
    parser.add_argument("--workers", help="pytest-xdist's -n (default: pyproject's addopts, -n auto)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("pytest_args", nargs="*", help="after --: more pytest arguments")
    args = parser.parse_args()
    argv = command(args.whole, args.workers, args.pytest_args)
    print("command:", " ".join(argv[1:]))
    print(f"cores: {os.cpu_count()}")
    for n in range(args.repeat):
        load = os.getloadavg()[0]
        code, wall, cpu, last = run(argv)
        print(f"run {n + 1}: wall {wall:.1f} s, CPU {cpu:.1f} s (user + sys), load average {load:.2f} before, "
              f"{os.getloadavg()[0]:.2f} after; exit {code}: {last}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
