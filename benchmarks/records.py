"""Prints the median time to save one record (committed durably: WAL, synchronous=FULL) and the time to
verify a chain of 10,000 records, plus history(), CSV export and backup of that chain.

Goal: verify 10,000 records in under 1 s. Run: python benchmarks/records.py
The 10,000-record chain is built through RecordStore.save() with synchronous=OFF (build speed only; the
records and hashes are exactly those a real save makes), in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from mscdose.core.document import record_document
from mscdose.core.engine import compute
from mscdose.core.protocol import load_protocol
from mscdose.core.request import read_request
from mscdose.records.store import RecordStore

TEXTS = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
         "viability": "92 %", "bag_volume": "20 mL", "bags": "2"}
CHAIN = 10_000


def a_document(patient_id: str) -> dict[str, object]:
    request, _ = read_request(TEXTS)
    return record_document(compute(request, load_protocol()), patient_id=patient_id,  # type: ignore[arg-type]
                           prepared_by="AB", lot_number="L-7")


def timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        with RecordStore(Path(folder) / "save.sqlite3") as store:
            document = a_document("P1")
            store.save(document)  # warm
            saves = [timed(lambda: store.save(document)) for _ in range(200)]
        print(f"save one record (durable commit), median of {len(saves)}: {statistics.median(saves) * 1e3:.2f} ms "
              f"(max {max(saves) * 1e3:.1f} ms); document {len(str(document))} characters")

        with RecordStore(Path(folder) / "chain.sqlite3") as store:
            store._conn.execute("PRAGMA synchronous = OFF")  # build speed only
            build = timed(lambda: [store.save(a_document(f"P{n % 500}")) for n in range(CHAIN)])
            print(f"built a chain of {store.count()} records in {build:.1f} s")
            runs = []
            for _ in range(5):
                start = time.perf_counter()
                report = store.verify()
                runs.append(time.perf_counter() - start)
                assert report.ok and report.count == CHAIN, report
            print(f"verify {CHAIN} records, median of {len(runs)}: {statistics.median(runs) * 1e3:.0f} ms "
                  f"(goal < 1000 ms)")
            print(f"history() of {CHAIN} records: {timed(store.history) * 1e3:.0f} ms; "
                  f"one patient's earlier infusions: {timed(lambda: store.earlier_infusions('P7')) * 1e3:.1f} ms")
            print(f"export_csv of {CHAIN} records: "
                  f"{timed(lambda: store.export_csv(Path(folder) / 'x.csv')) * 1e3:.0f} ms; "
                  f"backup: {timed(lambda: store.backup(Path(folder) / 'b.sqlite3')) * 1e3:.0f} ms; "
                  f"integrity_check: {timed(store.integrity_problems) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
