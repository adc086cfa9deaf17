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

    def refresh(self) -> None:
        """Re-read what the tab shows."""
