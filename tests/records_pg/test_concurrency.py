"""One chain under concurrent writers: separate processes save into one PostgreSQL server at once.

The suite runs 8 processes x 50 saves (SAVES_PER_PROCESS); `benchmarks/records.py --concurrent` runs the
issue's 8 x 200 and prints the time. What must hold either way: every id printed as saved is in the store
exactly once, ids are 1..N without a gap, the chain has no fork (verify walks every prev_sha256 and the
ledger) and, racing for one patient under an infusion limit of 1, exactly one first infusion is saved.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections import Counter
from pathlib import Path

from mscdose.records.postgres.store import PostgresStore

PROCESSES = 8
SAVES_PER_PROCESS = 50
ROOT = Path(__file__).resolve().parents[2]


def run_savers(url: str, count: int, patients: list[str], *extra: str) -> list[list[str]]:
    """Start one saver per patient, release them together, return each one's output lines."""
    procs = [subprocess.Popen([sys.executable, "-m", "tests.records_pg.pg_saver", url, str(count), patient, *extra],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=ROOT) for patient in patients]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
        outputs.append(out.split("\n"))
    return [[line for line in lines if line.strip()] for lines in outputs]


def test_eight_processes_saving_at_once_make_one_chain(pg_url: str) -> None:
    outputs = run_savers(pg_url, SAVES_PER_PROCESS, [f"P{n}" for n in range(PROCESSES)])
    saved = [int(line.split()[1]) for lines in outputs for line in lines]
    total = PROCESSES * SAVES_PER_PROCESS
    assert len(saved) == total and sorted(saved) == list(range(1, total + 1))  # none lost, none twice
    with PostgresStore(pg_url) as store:
        records = store.history()
        assert [r.id for r in records] == list(range(1, total + 1))
        assert all(b.prev_sha256 == a.sha256 for a, b in itertools.pairwise(records))  # no fork
        assert Counter(r.patient_id for r in records) == {f"P{n}": SAVES_PER_PROCESS for n in range(PROCESSES)}
        report = store.verify()
        assert (report.ok, report.count, report.entries) == (True, total, total), report


def test_racing_first_infusions_of_one_patient_save_exactly_one(pg_url: str) -> None:
    outputs = run_savers(pg_url, 1, ["AA-014"] * PROCESSES, "--limit")
    lines = sorted(line for lines in outputs for line in lines)
    assert lines == ["refused 1"] * (PROCESSES - 1) + ["saved 1"]
    with PostgresStore(pg_url) as store:
        assert store.count() == 1 and store.verify().ok
