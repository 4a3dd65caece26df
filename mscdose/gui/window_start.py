"""The window's start in stages (issue 18), a part of `MainWindow`: what a user sees first, then what makes the
form usable, then the rest.

1. The first paint: the menu bar, the protocol bar, the form's Patient and Prescription groups and the command
   row, with "Waiting for the protocol to load." where the results will be (MainWindow(load_now=False)).
2. Just after it (`after_first_paint`, in order): the start-up probe, the log file, `ensure_protocols_loaded`
   (`complete`: the form's Product lot and Preparation groups, the results column; then the protocol files
   and the engine): the form is usable. Should a key or a click come first, `complete` runs before it
   reaches any widget (`complete_before_input`).
3. Then `finish`: the menus' actions and whatever else needs PySide6's `Qt` namespace (93 enums, 20-30 ms);
   last the icon (`set_icon`). mscdose.gui.app registers these; `load_now` (every test window) does 1-3 at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mscdose.gui.first_paint import BeforeInput, FirstPaint, set_application_icon


class StagedStart:
    """MainWindow's start in stages, a base of MainWindow and of nothing else: it uses the window's parts
    and keeps `_completed`, `_finished`, `_protocols_tried` and `_first_paint` (set in MainWindow.__init__)."""

    # (the window's, declared here for the reader: MainWindow sets them)
    _completed: bool
    _finished: bool
    _protocols_tried: bool
    _first_paint: FirstPaint | None
    _before_input: BeforeInput | None = None
    _protocol: Any
    form: Any
    layout_parts: Any
    form_scroll: Any
    actions: Any
    eligibility: Any

    def _build_panels(self) -> Any: ...
    def _update_actions(self) -> None: ...
    def load_protocols(self) -> None: ...

    def complete(self) -> None:
        """What the first paint does not need and the usable form does, done once just after the first paint
        (or at once with `load_now`): the form's Product lot and Preparation groups, then the results column.
        Nothing here uses PySide6's `Qt` namespace, whose first use builds 93 enums (20-30 ms, issue 18): that
        waits for `finish`."""
        if self._completed:
            return
        self._completed = True
        if self._before_input is not None:
            self._before_input.stop()
        self.form.complete()  # (done already if something reached its rows)
        self.layout_parts.fit_form_width()
        self._build_panels()  # (its Tab order includes the groups just made)
        self._update_actions()

    def complete_before_input(self) -> None:
        """Make sure `complete` has run before the application delivers any input (a key, a click, the wheel,
        an input method) after the first paint: the first paint's callbacks run it at once, but a keystroke
        already waiting could come first, and Tab would then skip the form's lower half. The guard is set at
        the paint itself (a user sees no window, and types into none, before it) and comes off at `complete`.
        Whatever code reaches the lower groups before then makes them there and then (`PatientForm.rows`)."""

        def guard() -> None:
            if not self._completed:
                self._before_input = BeforeInput(self.complete)

        self._paint_watch().add(self, guard, during=True)

    def finish(self) -> None:
        """What follows the usable form (the protocol read, the form live), done once: the menus' actions and
        their shortcuts, the form's horizontal scroll bar turned off, the age criterion made not tickable by
        hand; these need PySide6's `Qt` namespace. mscdose.gui.app runs it just after the first paint, once
        the protocol is read; with `load_now` it is done at once."""
        if self._finished:
            return
        self._finished = True
        self.complete()
        from PySide6.QtCore import Qt

        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actions.build_menu_actions()
        self.eligibility.settle_flags()
        self._update_actions()

    def set_icon(self) -> None:
        """The window's and the application's icon (a file to read and decode, 8-11 ms): run just after the
        first paint (mscdose.gui.app), after the form is usable; nobody waits for an icon."""
        set_application_icon(self)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run `callback` once, just after the window has first been painted; callbacks run in the order
        they were registered."""
        self._paint_watch().add(self, callback)

    def _paint_watch(self) -> FirstPaint:
        if self._first_paint is None:
            self._first_paint = FirstPaint(self)
        return self._first_paint

    def load_protocols_after_first_paint(self) -> None:
        self.after_first_paint(self.ensure_protocols_loaded)

    def ensure_protocols_loaded(self) -> None:
        """Load once: a second load would rebuild the checklist and drop ticks already made."""
        self.complete()
        if self._protocol is None and not self._protocols_tried:
            self._protocols_tried = True
            self.load_protocols()
