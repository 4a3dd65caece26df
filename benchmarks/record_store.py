"""Makes (once) a record store of N records through RecordStore's own API, for the records benchmarks.

Every record is a real save: a computed, finalised document, its hash, its ledger entry; one record in 50
is corrected by a later one and one in 3 gets a print event, so History's columns all have values. Built
with synchronous=OFF (build speed only: the records and hashes are exactly those a real save makes).
A store already at the path with N records is reused, so the slow build happens once.

Run: PYTHONPATH=$PWD python benchmarks/record_store.py PATH [N] [--signed]   (default 100000; --signed: each
record signed prepared and checked, as at a site that double-checks every preparation)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from mscdose.core.document import record_document
from mscdose.core.engine import compute
from mscdose.core.protocol import load_protocol
from mscdose.core.request import read_request
from mscdose.records.store import RecordStore

NAMES = ("Ana García", "Émile Dubois", "Li Wei", "Olusegun Bello", "Zoë Müller", "Priya Nair", "")


def documents() -> list[dict[str, Any]]:
    """A few distinct calculations (dose, weight, lot) to vary the numbers the table shows."""
    made = []
    for n, (dose, weight, viability) in enumerate((("150 million cells", "62 kg", "92 %"),
                                                   ("2 million cells/kg", "70 kg", "88 %"),
                                                   ("120 million cells", "55 kg", "95 %"),
                                                   ("250 million cells", "80 kg", "90 %"))):
        texts = {"weight": weight, "dose": dose, "concentration": "5 million cells/mL", "viability": viability,
                 "bag_volume": "20 mL", "bags": "4", "age": "30"}
        request, errors = read_request(texts)
        assert request is not None, errors
        made.append(record_document(compute(request, load_protocol()), patient_id="X", prepared_by="AB",
                                    checked_by="CD", lot_number=f"L-{n}"))
    return made


def build(path: Path, count: int, *, signed: bool = False) -> RecordStore:
    """`signed`: each record also signed "prepared" (AB) and "checked" (CD) by initials, as finalising and the
    double check do at a site without accounts: the ledger then holds three more entries a record's two."""
    from mscdose.records.users import add_signature

    store = RecordStore(path)
    have = store.count()
    if have >= count:
        return store
    store._conn.execute("PRAGMA synchronous = OFF")  # build speed only
    base = documents()
    start = time.perf_counter()
    for n in range(have, count):
        document = dict(base[n % len(base)])
        document["patient"] = {**document["patient"], "id": f"P{n:06d}", "name": NAMES[n % len(NAMES)]}
        if n % 50 == 49:  # a correction of the record before
            record = store.save(document, supersedes=n, correction_reason="weight re-measured")
        else:
            record = store.save(document)
        if n % 3 == 0:
            store.mark_printed(record.id, True, "benchmark")
        if signed:
            add_signature(store, record.id, "prepared", "", "AB")
            add_signature(store, record.id, "checked", "", "CD")
        if (n + 1) % 10_000 == 0:
            print(f"  {n + 1:,} records, {time.perf_counter() - start:.0f} s", flush=True)
    return store


if __name__ == "__main__":
    words = [word for word in sys.argv[1:] if word != "--signed"]
    target = Path(words[0])
    wanted = int(words[1]) if len(words) > 1 else 100_000
    with build(target, wanted, signed="--signed" in sys.argv) as made:
        print(f"{made.count():,} records in {target} ({target.stat().st_size / 2**20:.0f} MiB)")
