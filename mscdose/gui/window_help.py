"""What the window says about itself: the Help text and the demonstration patient (split from main_window.py,
which keeps the form's wiring; both are data a reader checks against the README, not behaviour)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mscdose import __version__
from mscdose.gui.texts import translate

if TYPE_CHECKING:
    from mscdose.core.protocol import Protocol

# The worked example of ../shared/domain.md, for --demo and the README screenshot.
DEMO_TEXTS = {
    "patient_id": "DEMO-001",
    "patient_name": "Demonstration patient",
    "date_of_birth": "1995-06-15",
    "weight": "62",
    "dose": "150",
    "lot": "DEMO-LOT-01",
    "concentration": "5",
    "viability": "92",
    "bag_volume": "20",
    "bags": "2",
}


def help_text(protocol: Protocol | None) -> str:
    """Help and about: how to work the form, the keys, and which protocol file and log this window uses."""
    from mscdose.datadir import log_path

    which = (f"{protocol.id} v{protocol.version} (sha256 {protocol.short_hash})" if protocol
             else translate("Window", "not loaded"))
    return translate(
        "Window",
        "mscdose {version}: dose calculator for one intravenous infusion of umbilical-cord mesenchymal stem "
        "cells.\n\n"
        "Work from top to bottom: patient, prescription, product lot, preparation, eligibility. Results "
        "update as you type; a field that cannot be read is marked ✖ with what is accepted.\n\n"
        "Keys: Tab or Enter moves to the next field; Alt + the underlined letter jumps to a field; "
        "Alt+F opens the File menu (preview, print, PDF, history); Ctrl+N new patient; Ctrl+P print "
        "(after finalising); F1 this help.\n\n"
        "A red BLOCKED banner is a hard limit: change the prescription or the product. An amber soft limit "
        "needs a reason and your initials.\n\n"
        "Protocol: {protocol}\nLog file: {log}").format(version=__version__, protocol=which, log=log_path())
