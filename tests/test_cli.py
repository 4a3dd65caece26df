"""The command line: JSON contract, exit codes, never a traceback.

In-process through `mscdose.cli.main(argv)` (fast, and a failure shows the real traceback); three smoke tests
run a real subprocess, as a script or the packaged build would.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_runner import Done

WORKED = ["--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
          "--viability", "92 %", "--bag-volume", "20 mL", "--bags", "2", "--age", "30"]
KEYS = {"target_dose_cells", "viable_concentration_cells_per_ml", "volume_exact_ml", "volume_to_draw_ml",
        "delivered_dose_cells", "delivered_dose_cells_per_kg", "bags_needed", "diluent_volume_ml", "final_volume_ml",
        "infusion_rate_ml_per_h", "drip_rate_gtt_per_min", "status", "flags", "steps", "inputs", "protocol"}




def run_process(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "mscdose", *args], capture_output=True, text=True, timeout=60,
                          env=environment)


def test_json_for_the_worked_example(run: Callable[..., Done]) -> None:
    done = run("calc", *WORKED, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data.keys() >= KEYS
    assert data["target_dose_cells"] == 150_000_000
    assert data["viable_concentration_cells_per_ml"] == 4_600_000
    assert round(data["volume_exact_ml"], 4) == 32.6087
    assert data["volume_to_draw_ml"] == 32.6
    assert data["delivered_dose_cells"] == 149_960_000
    assert round(data["delivered_dose_cells_per_kg"], 3) == 2418709.677
    assert (data["bags_needed"], data["diluent_volume_ml"], data["final_volume_ml"]) == (2, 67.4, 100)
    assert (data["infusion_rate_ml_per_h"], data["drip_rate_gtt_per_min"]) == (100, 33)
    assert data["status"] == "ok"
    assert all(set(f) >= {"code", "severity", "field", "message"} for f in data["flags"])
    assert data["protocol"]["id"] == "NCT03055078" and len(data["protocol"]["sha256"]) == 64
    assert data["inputs"]["weight_kg"] == 62 and data["inputs"]["bags_available"] == 2


def test_readable_summary_follows_display_rules(run: Callable[..., Done]) -> None:
    done = run("calc", *WORKED)
    assert done.returncode == 0
    assert "32.6 mL" in done.stdout
    assert "149.96 million cells" in done.stdout
    assert "2.419 million cells/kg" in done.stdout
    numbers = re.sub(r"\b[0-9a-f]{12,64}\b", "HASH", done.stdout)  # the protocol's short hash is not a number
    assert not re.search(r"\d[eE][+-]?\d", numbers)
    assert not re.search(r"\d\.\d*0 (mL|million)", done.stdout)  # no trailing zeros
    assert not re.search(r"(?<![\d.])\.\d", done.stdout)  # no naked leading decimal point


def test_blocked_exits_3(run: Callable[..., Done]) -> None:
    done = run("calc", *WORKED, "--dose", "320 million cells", "--bags", "4", "--json")
    assert done.returncode == 3
    data = json.loads(done.stdout)
    assert data["status"] == "blocked"
    assert [f["code"] for f in data["flags"] if f["severity"] == "hard"] == ["DOSE_ABOVE_RANGE"]


def test_warning_exits_0(run: Callable[..., Done]) -> None:
    done = run("calc", *WORKED, "--weight", "25 kg", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "warning"


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [("--weight", "62", "weight"), ("--dose", "5 mL", "dose"), ("--concentration", "5e6", "concentration"),
     ("--viability", "120", "viability"), ("--bag-volume", "0 mL", "bag_volume"), ("--bags", "two", "bags"),
     ("--age", "old", "age"), ("--final-volume", "x", "final_volume"), ("--duration", "60", "duration"),
     ("--drop-factor", "-1", "drop_factor"), ("--increment", "0 mL", "increment"),
     ("--din", "G1234 98 654321 A", "din"), ("--thawed-at", "noon", "thawed_at")],
)
def test_bad_input_exits_2_with_a_json_error(option: str, value: str, field: str, run: Callable[..., Done]) -> None:
    done = run("calc", *WORKED, option, value, "--json")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    error = json.loads(done.stdout)["error"]
    assert error["field"] == field and error["given"] == value and "Accepted" in error["message"]


def test_bad_input_without_json_goes_to_stderr(run: Callable[..., Done]) -> None:
    done = run("calc", *WORKED, "--weight", "62,5 kg")
    assert done.returncode == 2 and done.stdout == ""
    assert "Weight" in done.stderr and "comma" in done.stderr and "Traceback" not in done.stderr


def test_missing_required_option_names_the_field(run: Callable[..., Done]) -> None:
    done = run("calc", "--weight", "62 kg", "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["field"] == "dose"


def test_din_forms_are_accepted(run: Callable[..., Done]) -> None:
    for din in ("G1234 98 654321 H", "=G12349865432177"):
        data = json.loads(run("calc", *WORKED, "--din", din, "--json").stdout)
        assert data["inputs"]["din"] == "G1234 98 654321 H"


def test_unknown_protocol_is_bad_input(run: Callable[..., Done]) -> None:
    done = run("calc", *WORKED, "--protocol", "NOPE", "--json")
    assert done.returncode == 2 and json.loads(done.stdout)["error"]["field"] == "protocol"


def test_selftest_passes_and_counts(run: Callable[..., Done]) -> None:
    done = run("selftest")
    assert done.returncode == 0
    assert re.search(r"^(\d+) of \1 reference cases passed$", done.stdout, re.M)


def test_version(run: Callable[..., Done]) -> None:
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("mscdose ")


def test_smoke_a_real_process_prints_json_and_exits_0() -> None:
    done = run_process("calc", *WORKED, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["volume_to_draw_ml"] == 32.6


def test_smoke_a_real_process_reports_bad_input_with_exit_2() -> None:
    done = run_process("calc", *WORKED, "--dose", "5 mL")
    assert done.returncode == 2 and "Traceback" not in done.stderr and "dose" in done.stderr.lower()


def test_smoke_no_display_is_one_line_and_exit_2_not_a_qt_abort() -> None:
    """Issue 9: `mscdose` without a display aborted with Qt's plugin message (exit 134)."""
    done = run_process("gui", DISPLAY="", WAYLAND_DISPLAY="", QT_QPA_PLATFORM="")
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux needs a display server named")
    assert done.returncode == 2, done.stderr
    assert "display" in done.stderr and "mscdose calc" in done.stderr and "Traceback" not in done.stderr


def test_unknown_option_with_json_is_a_json_error(run: Callable[..., Done]) -> None:
    """Issue 19: argparse's usage text came out instead of the JSON error object."""
    done = run("calc", *WORKED, "--wieght", "62 kg", "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert "--wieght" in error["given"] and "unrecognized" in error["message"]


def test_unknown_command_is_exit_2_naming_the_commands(run: Callable[..., Done]) -> None:
    done = run("calcualte")
    assert done.returncode == 2 and "calc" in done.stderr and "worksheet" in done.stderr


def test_a_command_module_is_imported_only_when_it_runs() -> None:
    """pip's habit: `mscdose calc` loads neither the record store, nor the worksheet, nor Qt."""
    code = ("import sys, mscdose.cli as c; c.main(['calc', *sys.argv[1:], '--json']); "
            "print(sorted(m for m in sys.modules if m.startswith(('mscdose.records', 'mscdose.worksheet', "
            "'mscdose.cli.records', 'mscdose.cli.worksheet', 'PySide6'))))")
    done = subprocess.run([sys.executable, "-c", code, *WORKED], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_every_command_s_help_is_text_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    """`mscdose calc --help` was a ValueError traceback: argparse reads `%` in a help text as a format."""
    from mscdose.cli import COMMANDS, main

    for name in COMMANDS:
        with pytest.raises(SystemExit) as exited:
            main([name, "--help"])
        out = capsys.readouterr().out
        assert exited.value.code == 0 and "usage:" in out, name
        if name == "calc":
            assert "% v/v" in out


# What a plain calculation never needs: the log's modules (it logs nothing), OpenSSL's hashlib (the protocol's
# SHA-256 comes from Python's own), shutil (argparse asked it the terminal's width), the password prompt, and
# the scan, ISBT 128, product-code and override modules (no scan, DIN or override was given).
NOT_FOR_A_PLAIN_CALCULATION = (
    "logging", "logging.handlers", "platformdirs", "hashlib", "shutil", "getpass", "calendar",
    "mscdose.core.scan", "mscdose.core.isbt128", "mscdose.core.product_checks", "mscdose.core.overrides",
)


def test_a_calculation_opens_no_log_file_and_loads_nothing_it_does_not_use(tmp_path: Path) -> None:
    """Issue 18: a calculation logs nothing, so it writes no file and imports none of the log's modules
    (about 10 ms of every `mscdose calc`), nor any module listed above. A record logged later in the same
    process, once something imports `logging`, still reaches the file, once."""
    code = f"""
import sys
from mscdose.cli import main
argv = ["calc", "--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
        "--viability", "92 %", "--bag-volume", "20 mL", "--bags", "2", "--json"]
status = main(argv)
print(status, [m for m in {NOT_FOR_A_PLAIN_CALCULATION!r} if m in sys.modules], file=sys.stderr)
status = main(argv)  # a second command in the same process (tests/test_after_import.py: one finder waits)
import logging
logging.getLogger("mscdose.late").warning("logged after the calculation")
"""
    data = os.fspath(tmp_path)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, "MSCDOSE_DATA_DIR": data})
    assert done.stderr.strip().splitlines()[-1] == "0 []"
    assert json.loads(done.stdout.split("\n}\n")[0] + "}")["volume_to_draw_ml"] == 32.6
    lines = (tmp_path / "mscdose.log").read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["logged after the calculation"]


def test_a_calculation_with_a_scan_and_a_din_loads_their_checks(tmp_path: Path) -> None:
    """The lazy imports are taken when they are needed: a DIN given with a scan of a bag from another
    donation is refused naming both (the scan reader and ISBT 128 loaded for the calculation itself)."""
    # A999917123456 has check character 9 and G123498654321 has H, worked by hand in tests/core/test_scan.py
    code = """
import sys
from mscdose.cli import main
status = main(["calc", "--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
               "--viability", "92 %", "--bag-volume", "20 mL", "--bags", "2", "--din", "A9999 17 123456 9",
               "--scan", "=G12349865432177", "--json"])
print(status, file=sys.stderr)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ, "MSCDOSE_DATA_DIR": os.fspath(tmp_path)})
    assert done.stderr.strip().splitlines()[-1] == "2", done.stderr
    error = json.loads(done.stdout)["error"]
    assert error["field"] == "din" and "scanned label says" in error["message"]


def test_help_is_as_wide_as_the_terminal_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """The help's width without shutil: COLUMNS, as shutil.get_terminal_size reads it, and the same help text
    as argparse's own formatter (which asks shutil) writes."""
    import argparse
    import shutil

    from mscdose.cli.calc import build_parser
    from mscdose.cli.options import terminal_width

    widths = set()
    for columns in ("50", "120"):
        monkeypatch.setenv("COLUMNS", columns)
        assert terminal_width() == shutil.get_terminal_size().columns == int(columns)
        parser = build_parser("calc")
        text = parser.format_help()
        parser.formatter_class = argparse.HelpFormatter
        assert text == parser.format_help()
        widths.add(max(len(line) for line in text.splitlines()))
    assert len(widths) == 2  # (the width is followed: the two texts differ)
    monkeypatch.setenv("COLUMNS", "not a number")
    assert terminal_width() > 0


def test_the_log_file_opened_late_takes_every_record_once(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A record logged through the waiting handler reaches the file; the window's setup afterwards (one
    process) replaces it, and no line is written twice."""
    import logging

    from mscdose import logsetup

    monkeypatch.setenv("MSCDOSE_DATA_DIR", os.fspath(tmp_path))
    logger = logging.getLogger("mscdose.test")
    try:
        logsetup.log_on_first_record()
        logger.info("first")
        logsetup.setup_logging()
        logger.info("second")
        logsetup.log_on_first_record()  # a command run again in the same process: the open file is kept
        logger.info("third")
    finally:
        for handler in list(logsetup.log.handlers):
            if isinstance(handler, logsetup.OpenOnFirstRecord) or getattr(handler, "baseFilename", None):
                logsetup.log.removeHandler(handler)
                handler.close()
    lines = (tmp_path / "mscdose.log").read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["first", "second", "third"]
