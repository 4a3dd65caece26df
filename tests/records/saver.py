"""A separate process that saves records in a loop, for the kill -9 and concurrency tests.

Usage: python -m tests.records.saver DATABASE COUNT PATIENT [--wait]
Prints `ready` once the store is open (then, with --wait, waits for a line on stdin so that several
savers start together), then the id of every record as soon as save() has returned (it is committed).
COUNT 0 means save until killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mscdose.records.store import RecordStore
from tests.records.helpers import document


def run(path: Path, count: int, patient: str, wait: bool) -> None:
    doc = document(patient)
    with RecordStore(path) as store:
        print("ready", flush=True)
        if wait:
            sys.stdin.readline()
        n = 0
        while count == 0 or n < count:
            print(store.save(doc).id, flush=True)
            n += 1


if __name__ == "__main__":
    run(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], "--wait" in sys.argv)
