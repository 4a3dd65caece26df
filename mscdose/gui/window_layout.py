"""How the window's parts are arranged, and rearranged as the window is resized (issue 15).

The form scrolls; the results column does not, so the volume to draw, the status, the flags and the
Finalise button stay in sight at every size down to 911 × 512 logical pixels (1366 × 768 at 150 %).
When the window is narrow, eligibility becomes a tab beside the flags instead of a column; when it is
short, the how-to-give values do too. The window opens at a size that fits its screen.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from mscdose.gui.texts import translate

if TYPE_CHECKING:

    from mscdose.gui.eligibility_panel import EligibilityPanel
    from mscdose.gui.flags_panel import FlagsPanel
    from mscdose.gui.main_window import MainWindow
    from mscdose.gui.results_panel import ResultsPanel

# Logical pixels. 911 × 512 is 1366 × 768 at 150 %: the form (label, box and unit) and the results
# (two columns of values) each need their minimum; eligibility gets a column only when there is room.
FORM_MIN_WIDTH = 340
RESULTS_MIN_WIDTH = 380
WIDE_LAYOUT_WIDTH = 1280
TALL_LAYOUT_HEIGHT = 700
DEFAULT_SIZE = (1600, 1000)


class WindowLayout:
    """Builds the central widget of `window`: the protocol bar, the form, the command row and a results
    column, which holds a "Waiting for the protocol to load." line until `add_results_column` puts the
    panels in (issue 18: they follow the first paint); then moves eligibility and how-to-give."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._panels_placed = False
        self.build()

    def build(self) -> None:
        window = self.window
        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(window.form)
        self.fit_form_width()

        self.results_column = QWidget()
        self.results_column.setObjectName("resultsColumn")
        self.results_column.setMinimumWidth(RESULTS_MIN_WIDTH)
        self.right_column = QVBoxLayout(self.results_column)
        self.right_column.setContentsMargins(0, 0, 0, 0)
        self.waiting = QLabel(translate("Window", "Waiting for the protocol to load."))
        self.waiting.setObjectName("resultsWaiting")
        self.right_column.addWidget(self.waiting)
        self.right_column.addStretch(1)
        self.columns = QHBoxLayout()
        self.columns.addWidget(self.form_scroll, 10)
        self.columns.addWidget(self.results_column, 11)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        outer.addWidget(window.protocol_bar)
        outer.addLayout(self.columns, 1)
        outer.addLayout(window.actions.row)
        window.setCentralWidget(central)

    def fit_form_width(self) -> None:
        """Wide enough for the widest row (label, box and unit), so the form only ever scrolls vertically
        (again once the form's lower groups are made: `MainWindow.complete`)."""
        scroll_bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        minimum = self.window.form.minimumSizeHint().width() + scroll_bar + 4
        self.form_scroll.setMinimumWidth(max(FORM_MIN_WIDTH, minimum))

    def make_panels(self) -> tuple[EligibilityPanel, ResultsPanel, FlagsPanel]:
        """The results column's panels, made and put in their places (the window connects them)."""
        from mscdose.gui.eligibility_panel import EligibilityPanel
        from mscdose.gui.flags_panel import FlagsPanel
        from mscdose.gui.results_panel import ResultsPanel

        panels = EligibilityPanel(), ResultsPanel(), FlagsPanel()
        self.add_results_column(*panels)
        return panels

    def set_tab_order(self) -> None:
        """Tab goes through the work in order: protocol, form, checklist, override, then the commands."""
        window = self.window
        chain: list[QWidget] = [window.protocol_bar.combo, *window.form.tab_chain(), window.eligibility.inclusion,
                                window.eligibility.exclusion, window.eligibility.confirmed_by_edit,
                                window.flags.override_button, *window.actions.buttons()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def add_results_column(self, eligibility: EligibilityPanel, results: ResultsPanel, flags: FlagsPanel) -> None:
        """Put the panels in the results column (once), placed for the window's present size, under them the
        tabs (`details`: flags, steps and whatever the size puts there)."""
        from PySide6.QtWidgets import QTabWidget  # (its enums are set up on first use: after the first paint)

        self.eligibility, self.results = eligibility, results
        self.details = QTabWidget()
        self.details.setObjectName("detailsTabs")
        self.details.addTab(flags, translate("Layout", "Flags"))
        self.details.addTab(results.steps, translate("Layout", "Steps"))
        self.right_column.removeWidget(self.waiting)
        self.waiting.hide()
        self.waiting.deleteLater()
        while self.right_column.count():  # the stretch under the waiting line
            self.right_column.takeAt(0)
        self.right_column.addWidget(flags.banners)
        self.right_column.addWidget(results)
        self.right_column.addWidget(self.details, 1)

        self.giving_area = QScrollArea()
        self.giving_area.setObjectName("howToGiveArea")
        self.giving_area.setWidgetResizable(True)
        self._giving_in_results: bool | None = None
        self._place_giving(in_results=False)
        # Wrapped in a scroll area so that, as a tab on a short window, its lists do not set the height.
        self.eligibility_area = QScrollArea()
        self.eligibility_area.setObjectName("eligibilityArea")
        self.eligibility_area.setWidgetResizable(True)
        self.eligibility_area.setWidget(eligibility)
        self._eligibility_beside = False
        self._place_eligibility(beside=False)
        self._panels_placed = True
        self.adapt(self.window.size())

    def _place_eligibility(self, beside: bool) -> None:
        """Eligibility is a column of its own on a wide window, a tab beside the flags on a narrow one."""
        area = self.eligibility_area
        if beside == self._eligibility_beside and (beside or self.details.indexOf(area) >= 0):
            return
        self._eligibility_beside = beside
        index = self.details.indexOf(area)
        if index >= 0:
            self.details.removeTab(index)
        if beside:
            self.columns.insertWidget(1, area, 8)
        else:
            self.columns.removeWidget(area)
            self.details.insertTab(1, area, translate("Layout", "Eligibility"))
        self.show_eligibility_count()

    def _place_giving(self, in_results: bool) -> None:
        """How to give the dose: under the dose in the results on a tall window, a tab on a short one."""
        if in_results == self._giving_in_results:
            return
        self._giving_in_results = in_results
        giving = self.results.giving
        index = self.details.indexOf(self.giving_area)
        if in_results:
            if index >= 0:
                self.details.removeTab(index)
            self.giving_area.takeWidget()
            self.results.place_giving(giving)
        else:
            self.giving_area.setWidget(giving)
            self.details.insertTab(1, self.giving_area, translate("Layout", "How to give"))

    def show_eligibility_count(self) -> None:
        index = self.details.indexOf(self.eligibility_area)
        if index >= 0:  # (no criteria before the protocol loads: `unconfirmed` would build Qt's enums)
            left = len(self.eligibility.unconfirmed()) if self.eligibility.criteria() else 0
            self.details.setTabText(index, translate("Layout", "Eligibility ({count} to confirm)").format(count=left)
                                    if left else translate("Layout", "Eligibility"))

    def adapt(self, size: QSize) -> None:
        if not self._panels_placed:
            return
        self._place_eligibility(beside=size.width() >= WIDE_LAYOUT_WIDTH)
        self._place_giving(in_results=size.height() >= TALL_LAYOUT_HEIGHT)


def fit_to_screen(window: QWidget, restored: bool) -> None:
    """Open at a size that fits the screen the window is on, frame included: at most DEFAULT_SIZE, never
    more than the screen's free area (a size restored from a bigger screen is shrunk and moved back)."""
    area = window.screen().availableGeometry()
    frame_w = max(0, window.frameGeometry().width() - window.width())
    frame_h = max(0, window.frameGeometry().height() - window.height())
    width, height = (window.width(), window.height()) if restored else DEFAULT_SIZE
    width, height = min(width, area.width() - frame_w), min(height, area.height() - frame_h)
    window.resize(width, height)
    if restored:
        x = min(max(window.x(), area.left()), area.right() + 1 - width - frame_w)
        y = min(max(window.y(), area.top()), area.bottom() + 1 - height - frame_h)
    else:
        x = area.left() + (area.width() - width - frame_w) // 2
        y = area.top() + (area.height() - height - frame_h) // 2
    window.move(x, y)

