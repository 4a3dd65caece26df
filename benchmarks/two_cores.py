"""What this machine's second core gives the helper process of records/two_process.py (issue 18).

verify, export and history at 100,000 records give half their spans to a helper process. How much that saves
depends on the machine: on a virtual machine whose two CPUs share one physical core, or memory bandwidth,
two processes each run slower side by side. This prints, for two kinds of work, the time of one process
alone and of two at once (each the same work), and the throughput two give over one (2.0 = a full second
core):
  python   a pure Python loop (the interpreter's own work)
  sqlite   SQLite reading a store's documents with json_extract (what verify and export mostly do)

Run: python benchmarks/two_cores.py [--store PATH] [--rounds 3]   (PATH: e.g. record_store.py's store; without
it only the Python figure is printed)
"""

from __future__ import annotations

import argparse
import multiprocessing
import sqlite3
import statistics
import time
from pathlib import Path


def python_work(_: object) -> float:
    started = time.perf_counter()
    total = 0
    for n in range(4_000_000):
        total += n * n
    return time.perf_counter() - started


def sqlite_work(path: str) -> float:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    started = time.perf_counter()
    for _ in conn.execute("SELECT json_extract(document, '$.status', '$.flags') FROM records WHERE id <= 20000"):
        pass
    conn.close()
    return time.perf_counter() - started


def measure(work: object, argument: object, rounds: int) -> tuple[float, float]:
    """(median seconds of one alone, median seconds of the slower of two side by side)."""
    context = multiprocessing.get_context("spawn")
    alone, together = [], []
    with context.Pool(2) as pool:
        for _ in range(rounds):
            alone.append(pool.apply(work, (argument,)))  # type: ignore[arg-type]
            pair = pool.map(work, [argument, argument])  # type: ignore[arg-type]
            together.append(max(pair))
    return statistics.median(alone), statistics.median(together)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    kinds = [("python", python_work, None)]
    if args.store:
        kinds.append(("sqlite", sqlite_work, str(args.store.resolve())))
    for name, work, argument in kinds:
        alone, together = measure(work, argument, args.rounds)
        print(f"{name:7} one alone {alone:6.3f} s | two side by side {together:6.3f} s each | "
              f"throughput of two over one {2 * alone / together:4.2f}")


if __name__ == "__main__":
    main()
