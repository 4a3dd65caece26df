"""Issue 18's table, measured before and after in one interleaved run: each figure printed with its ratio.

Each measurement is a fresh process (`python -c`) with one source tree first on the path: this checkout
("after") and, with --before DIR, an older checkout of mscdose ("before": e.g. `git archive <commit> | tar -x
-C DIR`). Rounds interleave the two, so a busy moment of this shared machine hits both alike. Wall time, the
child's CPU time (steadier on a shared machine) and its peak memory (max RSS) are printed, medians of the rounds.
The 100,000-record store is made once with the store's own API (benchmarks/record_store.py) in --store.

Run: PYTHONPATH=$PWD python benchmarks/scale.py --store /tmp/s100k.sqlite3 [--before DIR] [--rounds 3]
with a venv's python: `calc`'s goal is a ratio to `python -c pass`, and a Python whose `site` imports more (this
machine's pyenv Python imports certifi: about 50 ms) shrinks it (session 5: 2.6x that way was 9.2x).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json, resource, sys, time
start_wall, start_cpu = time.perf_counter(), time.process_time()
{body}
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"wall": time.perf_counter() - start_wall, "cpu": time.process_time() - start_cpu,
                  "rss_mib": usage.ru_maxrss / 1024}}))
"""
TASKS = {
    "`mscdose audit verify` (the CLI: the chain and SQLite's integrity check; the goal's figure)": """
import contextlib, os
from mscdose.cli import main
with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
    assert main(["audit", "verify", "--database", sys.argv[1]]) == 0
""",
    "audit verify: the chain's walk alone (RecordStore.verify)": """
from mscdose.records.store import RecordStore
report = RecordStore.open_read_only(sys.argv[1]).verify()
assert report.ok, report
""",
    "`mscdose history` (the CLI, every record, to /dev/null)": """
import contextlib, os
from mscdose.cli import main
with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
    assert main(["history", "--database", sys.argv[1]]) == 0
""",
    "`mscdose export --csv` (the CLI)": """
import contextlib, os, tempfile
from mscdose.cli import main
with tempfile.TemporaryDirectory() as folder, open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
    assert main(["export", "--database", sys.argv[1], "--csv", os.path.join(folder, "x.csv")]) == 0
""",
    "History sort by Volume to draw, then by Lot / DIN (100,000 ids each)": """
from mscdose.records.store import RecordStore
store = RecordStore.open_read_only(sys.argv[1])
store.history_ids()  # the window's first, default order: not counted
start_wall, start_cpu = time.perf_counter(), time.process_time()
assert len(store.history_ids(column="Volume to draw")) == len(store.history_ids(column="Lot / DIN", descending=False))
""",
    "engine: 1,000 calculations, each weight different (read_request + compute)": """
from mscdose.core.engine import compute
from mscdose.core.protocol import load_protocol
from mscdose.core.request import read_request
texts = {"weight": "62 kg", "dose": "150 million cells", "concentration": "5 million cells/mL", "viability": "92 %",
         "bag_volume": "20 mL", "bags": "2", "age": "30"}
protocol = load_protocol()
compute(read_request(texts)[0], protocol)
start_wall, start_cpu = time.perf_counter(), time.process_time()
for n in range(1000):
    compute(read_request({**texts, "weight": f"{50 + n / 100:.2f} kg"})[0], protocol)
""",
    "keystroke: 300 in the weight field, each text different": """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from mscdose.gui.main_window import MainWindow
app = QApplication([])
window = MainWindow(load_now=True)
window.show()
app.processEvents()
for key, text in {"weight": "62", "dose": "150", "concentration": "5", "viability": "92", "bag_volume": "20",
                  "bags": "2", "age": "30"}.items():
    if key in window.form.rows:
        window.form.rows[key].edit.setText(text)
app.processEvents()
edit = window.form.rows["weight"].edit
start_wall, start_cpu = time.perf_counter(), time.process_time()
for n in range(300):
    edit.setText(f"{60 + n / 10:.1f}")  # textChanged -> recompute, synchronously
""",
    "History window: open -> painted": """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
start_wall, start_cpu = time.perf_counter(), time.process_time()  # from the click: Qt itself is not counted
from mscdose.gui.history_view import HistoryView
from mscdose.records.store import RecordStore
view = HistoryView(RecordStore.open_read_only(sys.argv[1]), owns_store=True)
view.show()
view.repaint()
app.processEvents()
""",
}


def measure(tree: Path, body: str, store: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "", "QT_QPA_PLATFORM": "offscreen"}
    # cwd=tree as well: `python -c` puts the current folder before PYTHONPATH on sys.path
    done = subprocess.run([sys.executable, "-c", PROBE.format(body=body), str(store)], capture_output=True,
                          text=True, env=env, check=False, cwd=tree)
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def whole_process(tree: Path, args: list[str]) -> dict[str, float]:
    import resource
    import time

    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": ""}  # compiled once, as installed
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], capture_output=True, env=env, check=False, cwd=tree)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": time.perf_counter() - start, "cpu": after.ru_utime + after.ru_stime - before.ru_utime
            - before.ru_stime, "rss_mib": 0.0}


FULL_CALC = "`mscdose calc --json` + DIN, scan, thaw, birth date"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--before", type=Path, default=None)
    parser.add_argument("--before-store", type=Path, default=None,
                        help="the store for the before tree when the after tree's schema is newer (the after tree "
                             "migrates a copy: RecordStore(PATH) once, outside the timing)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="run only the tasks whose name contains this text (several "
                                                   "texts: separated by |)")
    args = parser.parse_args()
    if not args.store.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "record_store.py"), str(args.store)], check=True)
    trees = {"after": ROOT, **({"before": args.before} if args.before else {})}
    calc = ["-m", "mscdose", "calc", "--weight", "62 kg", "--dose", "150 million cells", "--concentration",
            "5 million cells/mL", "--viability", "92", "--bag-volume", "20 mL", "--bags", "2", "--json"]
    # The same calculation as a pharmacist makes it before finalising: a DIN with a scan of its bag, the thaw time
    # and the date of birth, so that the modules a bare calculation leaves unloaded are counted too.
    calc_full = [*calc, "--din", "A9999 17 123456 9", "--scan", "=A99991712345669", "--thawed-at",
                 "2026-11-26T09:30", "--now", "2026-11-26T10:00", "--date-of-birth", "1980-05-01"]
    stores = {"after": args.store, "before": args.before_store or args.store}
    with tempfile.TemporaryDirectory() as folder:
        cases = Path(folder) / "cases.csv"
        lines = (ROOT / "resources" / "reference_cases.csv").read_text(encoding="utf-8").splitlines()
        cases.write_text("\n".join([lines[0], *(lines[1 + n % (len(lines) - 1)] for n in range(10_000))]) + "\n",
                         encoding="utf-8")
        for tree in trees.values():  # compile each tree once, as an installed program is
            whole_process(tree, calc)
        wanted = args.only.split("|")
        chosen = [task for task in TASKS if any(text in task for text in wanted)]
        whole = not args.only or any(text in "calc validate" for text in wanted)
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        for _ in range(args.rounds):
            for name, tree in trees.items():
                results.setdefault(("python -c pass", name), []).append(whole_process(tree, ["-c", "pass"]))
                if whole:
                    results.setdefault(("`mscdose calc --json`, whole process", name), []).append(
                        whole_process(tree, calc))
                    results.setdefault((FULL_CALC, name), []).append(whole_process(tree, calc_full))
                    results.setdefault(("`mscdose validate` 10,000 rows, whole process", name), []).append(
                        whole_process(tree, ["-m", "mscdose", "validate", str(cases)]))
                for task in chosen:
                    results.setdefault((task, name), []).append(measure(tree, TASKS[task], stores[name]))
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, store {args.store} "
          f"({args.store.stat().st_size / 2**20:.0f} MiB), medians of {args.rounds} interleaved rounds")
    tasks = dict.fromkeys(task for task, _ in results)
    for task in tasks:
        line = f"{task:<58}"
        figures = {}
        for name in trees:
            samples = results.get((task, name))
            if not samples:
                continue
            figure = {key: statistics.median(s[key] for s in samples) for key in ("wall", "cpu", "rss_mib")}
            figures[name] = figure
            line += (f" | {name}: {figure['wall']:7.2f} s wall {figure['cpu']:7.2f} s CPU"
                     + (f" {figure['rss_mib']:6.0f} MiB" if figure["rss_mib"] else ""))
        if "before" in figures:
            line += f" | after/before {figures['after']['wall'] / figures['before']['wall']:.2f}"
        print(line)
    # One interpreter starts every tree's `python -c pass`: their runs are pooled into one baseline, so that a
    # slow moment in one tree's few runs does not move that tree's ratio.
    base = statistics.median(s["wall"] for name in trees for s in results[("python -c pass", name)])
    for name in trees if whole else ():
        for task, label in (("`mscdose calc --json`, whole process", "`mscdose calc --json`"),
                            (FULL_CALC, "  the same with a DIN, a scan, a thaw time and a date of birth")):
            run = statistics.median(s["wall"] for s in results[(task, name)])
            # paired: each round's calculation over the same round's `python -c pass`, run just before it
            pairs = statistics.median(mine["wall"] / bare["wall"] for mine, bare in
                                      zip(results[(task, name)], results[("python -c pass", name)], strict=True))
            print(f"{name}: {label} = {run * 1000:.0f} ms = {run / base:.2f} x `python -c pass` "
                  f"({base * 1000:.1f} ms), paired {pairs:.2f} (goal <= 7)")
    if whole and base > 0.04:  # a clean interpreter starts in 14-20 ms here
        print(f"  note: `python -c pass` took {base * 1000:.0f} ms: this interpreter's site imports more than a "
              "clean one (run it from a venv), which shrinks the ratio")


if __name__ == "__main__":
    main()
