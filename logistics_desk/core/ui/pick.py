"""Pick lists you can type into: characters, full pinyin or initials find the item (``zw`` → 张伟).

``PickFilter`` is a filter proxy over a combo box's items that keeps the rows whose
search key (``core.pinyin.search_key`` of the label, computed on the first letter
typed) holds every typed word. ``make_searchable(combo)`` turns a ``QComboBox`` into
such a list: the typed text filters a popup under the field; Enter, a click or
leaving the field chooses (the highlighted row, else the only or first match); a
text that names no item is never kept — the field goes back to the chosen item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter
from shiboken6 import isValid

from .. import pinyin


class PickFilter(QSortFilterProxyModel):
    """The rows of a list model whose label matches the typed words by characters, pinyin or initials."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._query = ""
        self._keys: list[str] | None = None

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._forget_keys)

    def _forget_keys(self, *args) -> None:
        self._keys = None

    def _key(self, row: int) -> str:
        if self._keys is None or len(self._keys) != self.sourceModel().rowCount():
            model = self.sourceModel()
            self._keys = [pinyin.search_key(str(model.index(r, 0).data() or "")) for r in range(model.rowCount())]
        return self._keys[row]

    def set_query(self, text: str) -> None:
        query = " ".join((text or "").split())
        if query != self._query:
            if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
                self.beginFilterChange()
                self._query = query
                self.endFilterChange()
            else:
                self._query = query
                self.invalidateFilter()

    def query(self) -> str:
        return self._query

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self._query:
            return True
        label = str(self.sourceModel().index(source_row, 0, source_parent).data() or "").strip()
        if not label:
            return False  # the "(choose)" line is not a match for a typed word
        return pinyin.matches(self._key(source_row), self._query)


class _Searchable(QObject):
    """What ``make_searchable`` adds to a combo box (its event filter and slots)."""

    def __init__(self, combo: QComboBox, strict: bool = True):
        super().__init__(combo)
        self.combo = combo
        self.strict = strict  # False: a typed text that names no item stays (the caller reads it)
        combo._pick_installing = True  # ChoiceBox.setEditable: this is not its owner making it free text
        combo.setEditable(True)
        combo._pick_installing = False
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.filter = PickFilter(combo)
        self.filter.setSourceModel(combo.model())
        completer = QCompleter(self.filter, combo)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # the list is filtered by PickFilter; QComboBox also reads this when editing ends (a label containing
        # the typed characters is chosen, as before)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionColumn(0)
        combo.setCompleter(completer)
        self.completer = completer
        edit = combo.lineEdit()
        edit.textEdited.connect(self._typed)
        edit.returnPressed.connect(self.commit)
        edit.installEventFilter(self)
        combo.installEventFilter(self)
        completer.activated[QModelIndex].connect(self._picked)
        combo.currentIndexChanged.connect(self._chosen)

    # --- typing ---
    def _active(self) -> bool:
        """False once the combo box was given another completer (the caller's own search), or once it is being
        destroyed (its line edit can still lose the focus then, after the combo's C++ side is gone)."""
        return isValid(self.combo) and self.combo.completer() is self.completer

    def _typed(self, text: str) -> None:
        if not self._active():
            return
        self.filter.set_query(text)
        if not text.strip():
            self.completer.popup().hide()
            return
        if self.filter.rowCount():
            self.completer.complete()  # no row highlighted: that would put its text in the field
        else:
            self.completer.popup().hide()

    def _picked(self, index: QModelIndex) -> None:
        """A row of the popup chosen (click or Enter): ``index`` is in the completer's own model."""
        row = self._source_row(index)
        if row is not None:
            self._select(row)

    def _source_row(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        model = index.model()
        if model is self.completer.completionModel():
            index = self.completer.completionModel().mapToSource(index)
        if index.model() is self.filter:
            index = self.filter.mapToSource(index)
        return index.row() if index.isValid() else None

    def _select(self, row: int) -> None:
        self.filter.set_query("")
        self.combo.setCurrentIndex(row)
        self.combo.lineEdit().setText(self.combo.itemText(row))
        self.completer.popup().hide()

    def _chosen(self, row: int) -> None:
        if row >= 0 and self.combo.lineEdit() is not None:
            self.filter.set_query("")

    # --- choosing: Enter, or leaving the field ---
    def commit(self) -> None:
        """Make the typed text a choice: the highlighted row, an item of exactly that label, the only or first
        match; none → back to the item chosen before (free text is never kept)."""
        if not self._active():
            return
        combo, edit = self.combo, self.combo.lineEdit()
        text = edit.text().strip()
        current = combo.currentIndex()
        if current >= 0 and text == combo.itemText(current).strip():
            return
        popup = self.completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            row = self._source_row(popup.currentIndex())
            if row is not None:
                self._select(row)
                return
        if not text:
            empty = next((i for i in range(combo.count()) if not combo.itemText(i).strip()), None)
            if empty is not None:
                self._select(empty)
                return
        exact = [i for i in range(combo.count()) if combo.itemText(i).strip() == text and text]
        if exact:
            self._select(exact[0])
            return
        self.filter.set_query(text)
        if text and self.filter.rowCount() and (self.strict or self.filter.rowCount() == 1):
            self._select(self.filter.mapToSource(self.filter.index(0, 0)).row())
            return
        self.filter.set_query("")
        popup.hide()
        if self.strict:
            edit.setText(combo.itemText(current) if current >= 0 else "")

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.FocusOut and not self._active():
            return False
        if event.type() == QEvent.Type.FocusOut and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()  # the focus left the field (not for the list under it)
            self.completer.popup().hide()
        return False


def make_searchable(combo: QComboBox, strict: bool = True) -> _Searchable:
    """Let the person type into ``combo`` to find an item (see the module's doc); returns the helper.

    ``strict=False`` keeps a typed text that names no item, or more than one (for a box whose owner reads
    the text itself, e.g. a borrower who is not on the staff list)."""
    helper = getattr(combo, "_pick", None)
    if helper is None:
        helper = _Searchable(combo, strict)
        combo._pick = helper
    else:
        helper.strict = helper.strict and strict
    return helper
