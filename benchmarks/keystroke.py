"""Prints one keystroke in the main window until the results are set (issue 18 goal: <= 3 ms), and how much of
it is reading the form (read_form: every quantity parsed again) and how much is showing it.

The window is built with load_now=True (protocol loaded), filled with the worked example; then the weight
field gets one more character and one less, alternately, through QLineEdit.setText (textChanged -> recompute).
Run: PYTHONPATH=$PWD python benchmarks/keystroke.py [REPEATS]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    from PySide6.QtWidgets import QApplication

    from mscdose.gui import form_reading
    from mscdose.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(load_now=True)
    window.show()
    app.processEvents()
    worked = {"weight": "62", "dose": "150", "concentration": "5", "viability": "92", "bag_volume": "20",
              "bags": "2", "age": "30"}
    for key, text in worked.items():
        if key in window.form.rows:
            window.form.rows[key].edit.setText(text)
    app.processEvents()
    read_times: list[float] = []
    real = form_reading.read_form

    def timed_read(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            read_times.append(time.perf_counter() - start)

    form_reading.read_form = timed_read  # type: ignore[assignment]
    edit = window.form.rows["weight"].edit
    samples = []
    for n in range(repeats):
        text = "62.5" if n % 2 == 0 else "62"
        start = time.perf_counter()
        edit.setText(text)  # textChanged -> recompute, synchronously
        samples.append(time.perf_counter() - start)
    app.processEvents()
    print(f"keystroke -> results set, median of {repeats}: {statistics.median(samples) * 1e3:.2f} ms "
          f"(read_form {statistics.median(read_times) * 1e3:.2f} ms of it; goal <= 3 ms)")
    window.close()


if __name__ == "__main__":
    main()
