"""The base of every module's tab."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class ModuleTab(QWidget):
    """A module's tab. Subclasses build their widgets in ``__init__``.

    ``title_changed`` lets a tab put a figure in its title (e.g. overdue
    repairs); ``refresh`` is called when the tab is shown or data changed
    elsewhere (another tab, the settings window, a restore).
    """

    title_changed = Signal(str)
    data_changed = Signal()  # emit after a write other tabs may show

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
