"""What a newer SQLite would give `audit verify`: its SQL on the system's SQLite and on a recent one, side by side.

Why: session 7 wrote that a newer SQLite (3.45 rewrote its JSON functions) would move verify's time. This
measures it instead. The recent SQLite is the one `pysqlite3-binary` bundles (3.51 when this was written); it is
not a dependency of mscdose, only of this script: `pip install pysqlite3-binary` (Linux wheels only). Each piece
is run in turn on each library, round after round, and the median CPU time (user + system) of each is printed.

    PYTHONPATH=$PWD python benchmarks/sqlite_versions.py STORE.sqlite3 [--rounds 5]
"""

from __future__ import annotations

import argparse
import importlib
import resource
import statistics
from types import ModuleType

from mscdose.records import verify_walk

PIECES = {
    "records' pages (id and hashes)": "SELECT id, prev_sha256, sha256 FROM records",
    "json_valid of every document": "SELECT json_valid(document) FROM records",
    "verify's SELECT of the records": verify_walk.FAST_SELECT,
    "the ledger's SELECT": verify_walk.LEDGER_SELECT,
    "PRAGMA quick_check": "PRAGMA quick_check",
    "PRAGMA integrity_check": "PRAGMA integrity_check",
}


def libraries() -> list[ModuleType]:
    found = [importlib.import_module("sqlite3")]
    try:
        found.append(importlib.import_module("pysqlite3.dbapi2"))
    except ImportError:
        print("pysqlite3-binary is not installed: the system's SQLite only (pip install pysqlite3-binary)")
    return found


def cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    found = libraries()
    connections = {library.sqlite_version: library.connect(f"file:{arguments.store}?mode=ro", uri=True)
                   for library in found}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(arguments.rounds):
        for piece, sql in PIECES.items():
            for version, conn in connections.items():
                start = cpu_seconds()
                for _row in conn.execute(sql):
                    pass
                times.setdefault((piece, version), []).append(cpu_seconds() - start)
    versions = list(connections)
    print(f"CPU seconds, median of {arguments.rounds} rounds; {arguments.store}")
    print(f"{'piece':34s}" + "".join(f"{'SQLite ' + version:>16s}" for version in versions))
    for piece in PIECES:
        print(f"{piece:34s}" + "".join(f"{statistics.median(times[(piece, version)]):16.2f}" for version in versions))


if __name__ == "__main__":
    main()
