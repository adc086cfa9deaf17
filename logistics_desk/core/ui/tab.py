"""The base of every module's tab."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QAbstractButton, QToolButton, QWidget


class ModuleTab(QWidget):
    """A module's tab. Subclasses build their widgets in ``__init__``.

    ``title_changed`` lets a tab put a figure in its title (e.g. overdue
    repairs); ``refresh`` is called when data the tab shows changed elsewhere
    (another tab, the settings window, a restore, another program): at once if
    the tab is in view, else when it is next shown.

    After a write, a tab tells the window which modules' records changed, so
    only their tabs read again (as Anki's ``OpChanges``): ``announce(keys)``,
    e.g. ``announce(applied.modules)`` with what a batch service returned.
    ``announce()`` without keys (or ``data_changed``) means "any module".
    """

    title_changed = Signal(str)
    data_changed = Signal()  # emit after a write other tabs may show, not saying which: every tab reads again
    records_changed = Signal(object)  # emit after a write: the set of the keys of the modules whose records changed

    def announce(self, modules=None) -> None:
        """Tell the window this tab wrote: ``modules``, the keys of the modules whose records changed (their
        tabs, Today and the badges read again; an empty set: nothing changed); None: any module."""
        if modules is None:
            self.data_changed.emit()
        else:
            self.records_changed.emit(frozenset(modules))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.badge_title: str | None = None  # the last title emitted (with its figure), also before anyone listened
        self.title_changed.connect(self._remember_title)

    def _remember_title(self, text: str) -> None:
        self.badge_title = text

    def refresh(self) -> None:
        """Re-read what the tab shows."""

    def show_today(self, target: dict) -> None:
        """Show the records a line of Today points at (``target``: what the module's ``today`` function put
        in its ``TodayItem``, e.g. ``{"filter": "overdue"}`` or ``{"id": 12}``). The tab is already current."""

    # --- the keys every tab shares (core/ui/keys.py): Ctrl+F, Ctrl+N, Ctrl+P, Ctrl+E, F5 ---
    def key_action(self, kind: str) -> bool:
        """Do what the key ``kind`` ("find", "new", "print", "export", "refresh") means on this tab; False if
        the tab has nothing for it (the window then says so in the status bar).

        The default: "find" goes to the first filter box shown, "refresh" reads the tab again. A tab
        overrides it for "new", "print" and "export" (usually with ``press``) and calls this one for the rest.
        """
        if kind == "find":
            return focus_filter(self)
        if kind == "refresh":
            self.refresh()
            return True
        return False

    @staticmethod
    def press(*targets) -> bool:
        """Run the first of ``targets`` that is there: a button shown and enabled is clicked (a print button
        with a menu opens its menu), a callable is called. None is skipped. True if one ran."""
        for target in targets:
            if target is None:
                continue
            if isinstance(target, QAbstractButton):
                if not (target.isVisible() and target.isEnabled()):
                    continue
                if isinstance(target, QToolButton) and target.menu() is not None:
                    target.menu().popup(target.mapToGlobal(QPoint(0, target.height())))
                else:
                    target.click()
                return True
            target()
            return True
        return False


def focus_filter(page: QWidget) -> bool:
    """Put the cursor in the first filter box ``page`` shows, its text selected (typing replaces it)."""
    from .widgets import SearchBox

    for box in page.findChildren(SearchBox):
        if box.isVisible() and box.isEnabled():
            box.setFocus()
            box.selectAll()
            return True
    return False
