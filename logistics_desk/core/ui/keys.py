"""The keys every tab shares (issue 15 item 5), the Help → Keyboard dialog, and the barcode scanner in lists.

The window installs one ``KeyDispatcher`` on the application. For a key press in the main window (never
in a dialog: a dialog keeps its own keys, Esc closes it as Qt does) it

* turns Ctrl+F, Ctrl+N, Ctrl+P, Ctrl+E, F5 and F1 into ``window.key_action(kind)``, which asks the current
  tab (``ModuleTab.key_action``) and says in the status bar when the tab has nothing for that key. A tab
  that defined its own ``QShortcut`` for one of these keys keeps it (its shortcut runs, not ours);
* makes Enter open the selected record in a list that opens records on a double click only;
* reads a barcode scanner typing into a list: characters typed each within ``SCAN_GAP`` seconds of the
  one before (by the key events' own time stamps, not by when the program gets to them), at least
  ``SCAN_MIN`` of them with a digit among them, then Enter, are handed to
  ``window.scanned(text)``. The characters still reach the list (nothing typed is swallowed); only the
  scanner's final Enter is. Cell editors and filter boxes are not lists: the dispatcher leaves them alone.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import N_, tr

# (kind, key, what it does); the window dispatches the kinds that have one, the others are Qt's own
KEYS: list[tuple[str, str, str]] = [
    ("find", "Ctrl+F", N_("Go to the filter (search box) of the page")),
    ("new", "Ctrl+N", N_("New record on the page (register, new request, new ticket…)")),
    ("print", "Ctrl+P", N_("Print what the page prints")),
    ("export", "Ctrl+E", N_("Export the page to Excel")),
    ("refresh", "F5", N_("Read the page again")),
    ("open", "Enter", N_("Open the selected record of a list")),
    ("close", "Esc", N_("Close a dialog (without saving)")),
    ("help", "F1", N_("This list of keys")),
    ("scan", "", N_("Barcode scanner in a list: finds the asset with that number")),
]
DISPATCHED = {"find", "new", "print", "export", "refresh", "help"}

# what the status bar says when the current page has nothing for a key
NOTHING = {
    "find": N_("This page has no filter box."),
    "new": N_("This page has no record to create."),
    "print": N_("This page has nothing to print."),
    "export": N_("This page has nothing to export."),
    "refresh": N_("This page has nothing to read again."),
}

SCAN_GAP = 0.05  # seconds between a scanner's characters (a person types far slower)
SCAN_MIN = 3  # characters before the Enter


def key_text(key: str) -> str:
    """The key as the platform writes it (Ctrl+F; ⌘F on a Mac)."""
    if not key:
        return tr("(scanner)")
    named = {"Enter": N_("Enter"), "Esc": N_("Esc")}  # as written on the keyboard, in the user's language
    if key in named:
        return tr(named[key])
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class KeyboardDialog(QDialog):
    """Help → Keyboard (F1): every shared key and what it does."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("keyboard_dialog")
        self.setWindowTitle(tr("Keyboard"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("These keys work in every tab:")))
        self.table = QTableWidget(len(KEYS), 2)
        self.table.setObjectName("keyboard_table")
        self.table.setHorizontalHeaderLabels([tr("Key"), tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, (_kind, key, text) in enumerate(KEYS):
            self.table.setItem(row, 0, QTableWidgetItem(key_text(key)))
            self.table.setItem(row, 1, QTableWidgetItem(tr(text)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.table, 1)
        note = QLabel(tr("Some pages have keys of their own: the canteen's daily samples Space, F2, Del and "
                         "Ctrl+L (labels); the meter readings Ctrl+S; the stock-take Ctrl+L (scan box) and F2 (list)."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, self.sizeHint().height())


def _sequence(event) -> str:
    combo = event.keyCombination()
    return QKeySequence(combo).toString(QKeySequence.SequenceFormat.PortableText)


def _overrides_keys(view) -> bool:
    """Does the list handle its keys itself (a Python ``keyPressEvent``, e.g. the canteen's day grid)?"""
    for cls in type(view).__mro__:
        if cls.__module__.startswith(("PySide6", "shiboken")):
            return False
        if "keyPressEvent" in vars(cls):
            return True
    return False


def _has_receivers(obj: QObject, signature: str) -> bool:
    from PySide6.QtCore import SIGNAL

    return obj.receivers(SIGNAL(signature)) > 0


class KeyDispatcher(QObject):
    """The application-wide event filter of one main window (see the module's docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.sequences = {key: kind for kind, key, _text in KEYS if kind in DISPATCHED}
        # when a key was pressed: the window system's time stamp of the key event (so a scan whose first
        # character is slow to handle — the list's own search selects a record and loads it — still reads
        # whole: its characters were typed fast, whenever they are handled); this clock only for an event
        # without one (events a program makes). Tests drive either.
        self.clock = time.monotonic
        self.buffer = ""
        self.last: float | None = None  # when the last character was pressed, in the same time as ``now``

    def _pressed_at(self, event) -> float:
        stamp = event.timestamp()  # milliseconds, from the window system; 0 for a made-up event
        return stamp / 1000.0 if stamp else self.clock()

    def _soon_after_last(self, now: float) -> bool:
        """Within ``SCAN_GAP`` of the last character (a time that goes back — the window system's time
        wrapped, or the time changed from its stamps to the clock — is not soon)."""
        return self.last is not None and 0.0 <= now - self.last <= SCAN_GAP

    # --- where the key went ---
    def _in_window(self, obj) -> QWidget | None:
        if not isinstance(obj, QWidget):
            return None
        try:
            top = obj.window()
        except RuntimeError:
            return None
        return obj if top is self.window else None

    @staticmethod
    def _view_of(widget: QWidget) -> QAbstractItemView | None:
        if isinstance(widget, QAbstractItemView):
            return widget
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractItemView) and parent.viewport() is widget:
            return parent
        return None

    def _tab_shortcut(self, sequence: str) -> bool:
        """The current tab has an enabled shortcut of its own for this key (it keeps it)."""
        tab = self.window.tabs.currentWidget()
        if tab is None:
            return False
        wanted = QKeySequence(sequence)
        return any(sc.isEnabled() and sc.key().matches(wanted) == QKeySequence.SequenceMatch.ExactMatch
                   for sc in tab.findChildren(QShortcut))

    def eventFilter(self, obj, event) -> bool:
        etype = event.type()
        if etype not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        widget = self._in_window(obj)
        if widget is None or QApplication.activeModalWidget() is not None:
            return False
        sequence = _sequence(event)
        kind = self.sequences.get(sequence)
        if kind is not None and not self._tab_shortcut(sequence):
            if etype == QEvent.Type.ShortcutOverride:
                event.accept()  # no QShortcut takes it: it comes back as a KeyPress
                return True
            self.buffer = ""
            self.window.key_action(kind)
            return True
        if etype != QEvent.Type.KeyPress:
            return False
        view = self._view_of(widget)
        if view is None:
            return False
        return self._list_key(view, event)

    # --- keys typed into a list ---
    def _list_key(self, view: QAbstractItemView, event) -> bool:
        now = self._pressed_at(event)
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            text, fast = self.buffer, self._soon_after_last(now)
            self.buffer = ""
            if fast and len(text) >= SCAN_MIN and any(c.isdigit() for c in text):
                self.window.scanned(text)
                return True
            return self._open(view)
        text = event.text()
        if (len(text) == 1 and text.isprintable() and not text.isspace()
                and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            self.buffer = self.buffer + text if self.buffer and self._soon_after_last(now) else text
            self.last = now
        else:
            self.buffer = ""
        return False  # the list still gets the key (its own search as you type, an editor opening)

    @staticmethod
    def _open(view: QAbstractItemView) -> bool:
        """Enter in a list that opens its records on a double click only: open the current record."""
        if view.state() == QAbstractItemView.State.EditingState or _overrides_keys(view):
            return False
        if _has_receivers(view, "activated(QModelIndex)") or not _has_receivers(view, "doubleClicked(QModelIndex)"):
            return False  # Qt's own Enter (activated) opens it, or the list opens nothing
        index = view.currentIndex()
        if not index.isValid():
            return False
        view.doubleClicked.emit(index)
        return True
