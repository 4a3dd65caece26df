"""Prints how long the window takes to appear: from process start to the main window shown and painted.

Goal (packaging issue): the frozen app shows its window in under 0.5 s. This measures the source install
(`python -m mscdose`), which also pays the interpreter's start-up. Two figures:
- shown: `MSCDOSE_STARTUP_PROBE=1`, the line `mscdose-window-shown` after the first paint;
- ready: `MSCDOSE_STARTUP_PROBE=ready`, protocol file read and the form live (engine imported).

Run: python benchmarks/gui_startup.py [runs]   (offscreen unless a display is set)
"""

from __future__ import annotations

import os
import statistics
import sys

from startup import time_to_window  # benchmarks/startup.py: run this script from any folder


def time_to(line: str, probe: str) -> float:
    env = {**os.environ, "MSCDOSE_STARTUP_PROBE": probe}
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return time_to_window([sys.executable, "-m", "mscdose"], env, line)


def report(name: str, samples: list[float]) -> None:
    print(f"{name:<34} median {statistics.median(samples) * 1e3:6.0f} ms   "
          f"min {min(samples) * 1e3:6.0f} ms   max {max(samples) * 1e3:6.0f} ms   ({len(samples)} runs)")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    time_to("mscdose-window-shown", "1")  # warm the file cache
    shown = [time_to("mscdose-window-shown", "1") for _ in range(runs)]
    ready = [time_to("mscdose-window-ready", "ready") for _ in range(runs)]
    report("process start -> window shown", shown)
    report("process start -> form ready", ready)
    print("goal: frozen app < 500 ms to window shown")


if __name__ == "__main__":
    main()
