"""A separate process saving records into the shared store, for the concurrency test and the benchmark.

Usage: python -m tests.records_pg.pg_saver URL COUNT PATIENT [--limit]
Prints `ready` once connected, waits for a line on stdin (so that all start together), then for each save
`saved ID` (after save() returned: committed) or, with --limit (infusion limit 1), `refused IDS`.
"""

from __future__ import annotations

import sys

from mscdose.records.errors import InfusionLimitReached
from mscdose.records.postgres.store import PostgresStore
from tests.records.helpers import document

if __name__ == "__main__":
    url, count, patient = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    limit = 1 if "--limit" in sys.argv else None
    doc = document(patient)
    with PostgresStore(url, anchor_file=None) as store:
        print("ready", flush=True)
        sys.stdin.readline()
        for _ in range(count):
            try:
                print("saved", store.save(doc, infusion_limit=limit).id, flush=True)
            except InfusionLimitReached as refused:
                print("refused", ",".join(map(str, refused.earlier)), flush=True)
