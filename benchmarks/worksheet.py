"""Prints the time to write one worksheet PDF of the worked example: the first (cold: Qt application and
fonts set up) and the median of warm writes, A4 and Letter, plus `mscdose worksheet --preview` end to end.

Goal: one PDF under 150 ms warm. Run: python benchmarks/worksheet.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mscdose.core.document import record_document
from mscdose.core.engine import compute
from mscdose.core.protocol import load_protocol
from mscdose.core.request import read_request
from mscdose.worksheet.render import write_worksheet_pdf

TEXTS = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL",
         "viability": "92 %", "bag_volume": "20 mL", "bags": "2", "age": "34", "din": "G123498654321H",
         "thawed_at": "2026-11-25T09:30+01:00", "now": "2026-11-25T10:00+01:00"}
CLI = ["worksheet", "--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
       "--viability", "92", "--bag-volume", "20 mL", "--bags", "2", "--patient-id", "BENCH", "--preview"]
WARM_RUNS = 30


def worked_document() -> dict:
    request, errors = read_request(TEXTS)
    assert request is not None and not errors, errors
    return record_document(compute(request, load_protocol()), patient_id="BENCH", prepared_by="JS")


def timed(document: dict, path: Path, page_size: str) -> float:
    start = time.perf_counter()
    write_worksheet_pdf(document, path, page_size=page_size, record_id=1, site_name="Benchmark site")
    return time.perf_counter() - start


def main() -> None:
    document = worked_document()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "worksheet.pdf"
        print(f"first PDF in this process (cold: Qt and fonts set up): {timed(document, path, 'A4') * 1e3:.0f} ms")
        for size in ("A4", "Letter"):
            samples = [timed(document, path, size) for _ in range(WARM_RUNS)]
            print(f"one worksheet PDF, {size}, warm, median of {WARM_RUNS}: {statistics.median(samples) * 1e3:.1f} ms "
                  f"(min {min(samples) * 1e3:.1f}, max {max(samples) * 1e3:.1f}; goal < 150 ms); "
                  f"{path.stat().st_size // 1024} KiB")
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mscdose", *CLI, "--output", str(path)], check=False,
                           capture_output=True)
            runs.append(time.perf_counter() - start)
        print(f"`mscdose worksheet --preview` start-up to PDF, median of {len(runs)}: "
              f"{statistics.median(runs) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
