"""Start-up of the window, measured: process start -> main window shown and painted.

Three programs, measured in the same run and interleaved (one of each per round, so a busy moment of the
machine hits all three alike):
  (a) bare     a bare PySide6 window with one label: the floor that Python + Qt set on this machine;
  (b) install  `mscdose gui` from the installed package (the console script, or `python -m mscdose`);
  (c) frozen   the PyInstaller build, dist/mscdose/mscdose (build it first: see README "Build").
Each prints one line once its window has been painted (mscdose: `MSCDOSE_STARTUP_PROBE=1` ->
`mscdose-window-shown`, see mscdose/gui/app.py) and quits; the time is taken from just before the process
is spawned to that line arriving on its stdout. Medians of several runs, the ratios b/a and c/a, and the
size of the build folder are printed.

Goals (packaging issue): c/a <= 1.3 and c under 0.5 s on a 2-core machine; dist/mscdose <= 80 MB.

With `--ready` each round also times (b) and (c) to a usable form (`MSCDOSE_STARTUP_PROBE=ready`: protocol
read, engine imported, the form live; `mscdose-window-ready`), against the same bare window (issue 18).

Run:  python benchmarks/startup.py [--runs 9] [--frozen dist/mscdose/mscdose] [--ready]
Without a display it uses Qt's offscreen platform (as CI does); with one, the real window system.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOWN = "mscdose-window-shown"
READY = "mscdose-window-ready"

# The baseline: what any PySide6 program pays to show one window, printed at the same moment mscdose's
# probe prints (the first paint, then one turn of the event loop).
BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

class FirstPaint(QObject):
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, lambda: (print("{SHOWN}", flush=True), QApplication.quit()))
        return False

app = QApplication(sys.argv[:1])
label = QLabel("mscdose")
probe = FirstPaint()
label.installEventFilter(probe)
label.show()
sys.exit(app.exec())
"""


def environment(data_dir: str) -> dict[str, str]:
    env = {**os.environ, "MSCDOSE_STARTUP_PROBE": "1", "MSCDOSE_DATA_DIR": data_dir}
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def time_to_window(command: list[str], env: dict[str, str], wanted: str = SHOWN) -> float:
    """Seconds from spawning `command` to it printing the line `wanted`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.strip() == wanted:
            elapsed = time.perf_counter() - start
            break
    process.wait(timeout=60)
    if elapsed is None:
        raise SystemExit(f"{command[0]} never printed {wanted!r} (exit status {process.returncode})")
    return elapsed


def installed_command() -> list[str]:
    script = Path(sys.executable).with_name("mscdose.exe" if sys.platform == "win32" else "mscdose")
    if script.is_file():
        return [str(script), "gui"]
    found = shutil.which("mscdose")
    return [found, "gui"] if found else [sys.executable, "-m", "mscdose", "gui"]


def folder_size(folder: Path) -> int:
    """Bytes on disk as shipped: every file once (symbolic links, which PyInstaller makes on Linux and
    macOS, are not counted twice)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _compiled() -> bool:
    """Whether the mscdose this Python imports has compiled files (a wheel install has; pip writes them)."""
    import importlib.util

    spec = importlib.util.find_spec("mscdose")
    if spec is None or spec.origin is None:
        return True
    return any((Path(spec.origin).parent / "gui" / "__pycache__").glob("*.pyc"))


def inflated_before_first_paint(frozen: Path, env: dict[str, str]) -> list[str] | None:
    """The modules the frozen window still inflates from its compressed archive before its first paint
    (`MSCDOSE_STARTUP_PROBE=modules`; build.spec stores those of packaging/first_paint_modules.txt plainly);
    None for a build older than that probe (its window does not quit by itself)."""
    try:
        done = subprocess.run([str(frozen), "gui"], env={**env, "MSCDOSE_STARTUP_PROBE": "modules"},
                              capture_output=True, text=True, timeout=30, check=False)  # fmt: skip
    except subprocess.TimeoutExpired:
        return None
    return [line.split(" ", 1)[1] for line in done.stdout.splitlines() if line.startswith("archive-module ")]


def line(name: str, samples: list[float]) -> str:
    return (
        f"{name:<13} median {statistics.median(samples) * 1e3:6.0f} ms   min {min(samples) * 1e3:6.0f} ms   "
        f"max {max(samples) * 1e3:6.0f} ms   ({len(samples)} runs)"
    )


def paired(samples: dict[str, list[float]], name: str) -> float:
    """The median over rounds of this program's time divided by the bare window's in the same round."""
    return statistics.median(mine / bare for mine, bare in zip(samples[name], samples["bare"], strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each program (default 9)")
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "mscdose" / "mscdose",
                        help="the frozen executable (default dist/mscdose/mscdose)")  # fmt: skip
    parser.add_argument("--ready", action="store_true", help="also time (b) and (c) to a usable form")
    args = parser.parse_args()
    frozen = args.frozen
    if sys.platform == "win32" and frozen.suffix != ".exe":
        frozen = frozen.with_suffix(".exe")
    with tempfile.TemporaryDirectory(prefix="mscdose-startup-") as data_dir:
        env = environment(data_dir)
        programs = {"bare": [sys.executable, "-c", BARE_WINDOW], "install": installed_command()}
        if frozen.is_file():
            programs["frozen"] = [str(frozen), "gui"]
        else:
            print(f"(no frozen build at {frozen}: build it with `python -m PyInstaller build.spec` to measure (c))")
        ready_env = {**env, "MSCDOSE_STARTUP_PROBE": "ready"}
        timed = [(name, command, env, SHOWN) for name, command in programs.items()]
        if args.ready:
            timed += [(f"{name}-ready", command, ready_env, READY) for name, command in programs.items()
                      if name != "bare"]
        for _, command, probe_env, wanted in timed:  # warm the file cache once, untimed
            time_to_window(command, probe_env, wanted)
        samples: dict[str, list[float]] = {name: [] for name, *_ in timed}
        for _ in range(args.runs):
            for name, command, probe_env, wanted in timed:
                samples[name].append(time_to_window(command, probe_env, wanted))
        inflated = inflated_before_first_paint(frozen, env) if "frozen" in programs else None

    print(f"platform {env.get('QT_QPA_PLATFORM', 'native')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if env.get("PYTHONDONTWRITEBYTECODE") and not _compiled():
        print("note: PYTHONDONTWRITEBYTECODE is set and mscdose has no compiled files here (a source checkout or "
              "editable install): (b) recompiles its modules at every start, slower than an installed wheel")
    for name, values in samples.items():
        print(line(name, values))
    bare = statistics.median(samples["bare"])
    print("ratios: of the medians | paired (the median of each round's own ratio: a round runs every program "
          "within a second, so a slow minute of the machine stretches both sides of its ratio alike)")
    print(f"b/a (installed / bare) {statistics.median(samples['install']) / bare:.2f} | "
          f"{paired(samples, 'install'):.2f}")
    for name in ("install-ready", "frozen-ready"):
        if name in samples:
            print(f"{name} / bare {statistics.median(samples[name]) / bare:.2f} | {paired(samples, name):.2f}"
                  "   goal <= 2.0")
    if "frozen" in samples:
        frozen_median = statistics.median(samples["frozen"])
        print(f"c/a (frozen / bare)    {frozen_median / bare:.2f} | {paired(samples, 'frozen'):.2f}   goal <= 1.3")
        print(f"c                      {frozen_median * 1e3:.0f} ms   goal < 500 ms")
        size = folder_size(frozen.parent)
        print(f"dist size              {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)   goal <= 90 MB")
        if inflated is None:
            print("frozen modules inflated before the first paint: not known (a build without that probe)")
        else:
            print(f"frozen modules inflated before the first paint: {len(inflated)}"
                  + (f" (add to packaging/first_paint_modules.txt: {' '.join(inflated)})" if inflated else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
