"""A separate process that tries once to save a first infusion for one patient under an infusion limit.

Usage: python -m tests.records.limit_saver DATABASE PATIENT
Prints `ready`, waits for a line on stdin (so that all start together), then `saved ID` or `refused IDS`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mscdose.records.store import InfusionLimitReached, RecordStore
from tests.records.helpers import document

if __name__ == "__main__":
    with RecordStore(Path(sys.argv[1])) as store:
        doc = document(sys.argv[2])
        print("ready", flush=True)
        sys.stdin.readline()
        try:
            print("saved", store.save(doc, infusion_limit=1).id, flush=True)
        except InfusionLimitReached as refused:
            print("refused", ",".join(map(str, refused.earlier)), flush=True)
