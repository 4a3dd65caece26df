"""Record store figures, SQLite and PostgreSQL side by side (issue 17), plus the SQLite-only extras.

Run: python benchmarks/records.py [--records N] [--concurrent] [--sqlite-only]
- save: median time of one durable save (SQLite WAL + synchronous=FULL; PostgreSQL fsync on, synchronous
  commit), and the total time to save the whole chain of N records (default 10,000) one by one;
- verify: median of 3 full verifies of that chain (goal < 1 s for SQLite);
- --concurrent: the issue's 8 processes x 200 saves into one PostgreSQL server (the suite runs 8 x 50), with
  the checks of tests/records_pg/test_concurrency.py and the time taken.
PostgreSQL is a throw-away server (tests/records_pg/server.py) in a temporary folder, durable (fsync on),
on loopback: the network of a real clinic adds its round trips to every save.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mscdose.records.store import RecordStore
from tests.records.helpers import document


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(store: RecordStore, records: int) -> dict[str, float]:
    documents = [document(f"P{n % 500}") for n in range(50)]
    saves = [timed(lambda n=n: store.save(documents[n % 50])) for n in range(records)]
    verifies = []
    for _ in range(3):
        start = time.perf_counter()
        report = store.verify()
        verifies.append(time.perf_counter() - start)
        assert report.ok and report.count == records, report
    with tempfile.TemporaryDirectory() as folder:
        extras = {"history_ms": timed(store.history) * 1e3,
                  "earlier_ms": timed(lambda: store.earlier_infusions("P7")) * 1e3,
                  "export_ms": timed(lambda: store.export_csv(Path(folder) / "x.csv")) * 1e3,
                  "backup_ms": timed(lambda: store.backup(Path(folder) / "b.sqlite3")) * 1e3}
    return {"save_median_ms": statistics.median(saves) * 1e3,
            "save_p99_ms": sorted(saves)[int(len(saves) * .99)] * 1e3,
            "save_total_s": sum(saves), "verify_ms": statistics.median(verifies) * 1e3, **extras}


def concurrent(server: Any, processes: int = 8, saves: int = 200) -> None:
    from mscdose.records.postgres.store import PostgresStore
    from tests.records_pg.test_concurrency import run_savers

    url = server.new_database()
    start = time.perf_counter()
    outputs = run_savers(url, saves, [f"P{n}" for n in range(processes)])
    took = time.perf_counter() - start
    ids = sorted(int(line.split()[1]) for lines in outputs for line in lines)
    with PostgresStore(url) as store:
        report = store.verify()
    total = processes * saves
    ok = ids == list(range(1, total + 1)) and report.ok and report.count == total
    print(f"PostgreSQL, {processes} processes x {saves} saves at once: {took:.1f} s including start-up "
          f"({total / took:.0f} saves/s); ids 1..{total} once each, "
          f"verify {'OK' if ok else 'FAILED: ' + report.problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--concurrent", action="store_true")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder, RecordStore(Path(folder) / "bench.sqlite3", anchor_file=None) as s:
        results["SQLite"] = measure(s, args.records)
    server = None
    if not args.sqlite_only:
        from mscdose.records.postgres.store import PostgresStore
        from tests.records_pg.server import ThrowawayServer

        server = ThrowawayServer(durable=True)
        try:
            with PostgresStore(server.new_database(), anchor_file=None) as p:
                results["PostgreSQL"] = measure(p, args.records)
            if args.concurrent:
                concurrent(server)
        finally:
            server.destroy()
    print(f"\n{args.records} records, one process, durable commits:")
    print(f"{'back end':<12}{'save median':>14}{'save p99':>12}{'all saves':>12}{'verify':>12}")
    for name, r in results.items():
        print(f"{name:<12}{r['save_median_ms']:>11.2f} ms{r['save_p99_ms']:>9.1f} ms{r['save_total_s']:>10.1f} s"
              f"{r['verify_ms']:>9.0f} ms")
    for name, r in results.items():
        print(f"{name}: history() {r['history_ms']:.0f} ms; one patient's earlier infusions {r['earlier_ms']:.1f} ms; "
              f"export_csv {r['export_ms']:.0f} ms; backup (to a verified SQLite file) {r['backup_ms']:.0f} ms")


if __name__ == "__main__":
    main()
