"""One mscdose command, this tree against another, run as a user runs it: paired rounds, the order alternated.

Why: this machine's speed drifts by a third within minutes (benchmarks/README.md, "fast and slow state"), more
than most changes gain. Each round runs the command once in each tree, one after the other, and the round's own
ratio is kept; the order alternates (after-before, then before-after) so that neither tree always runs second.
The median of the paired ratios is the figure; the medians of each tree's times are printed beside it.

    python benchmarks/ab_trees.py --before /tmp/before --rounds 10 -- audit verify --database S.sqlite3

`--before` is a source tree (its `mscdose/` is imported first, through PYTHONPATH); compile it once
(`python -m compileall -q mscdose` in it) so that neither tree pays for compiling.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_once(tree: Path, command: list[str], folder: str) -> float:
    environment = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mscdose", *command], env=environment, cwd=folder,
                          capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{tree}: exit {done.returncode}: {done.stderr[-800:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other source tree")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the mscdose command and its options, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the mscdose command to time after --")
    trees = {"after": ROOT, "before": args.before}
    times: dict[str, list[float]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.rounds):
            for name in (("after", "before") if n % 2 == 0 else ("before", "after")):
                times[name].append(run_once(trees[name], command, folder))
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}: mscdose {' '.join(command)}, "
          f"{args.rounds} paired rounds")
    for name, taken in times.items():
        print(f"{name:>6}: median {statistics.median(taken):.2f} s (range {min(taken):.2f}-{max(taken):.2f} s)")
    ratios = [a / b for a, b in zip(times["after"], times["before"], strict=True)]
    print(f"after/before, paired: median {statistics.median(ratios):.3f} (range {min(ratios):.3f}-{max(ratios):.3f})")


if __name__ == "__main__":
    main()
