"""A table model that reads pages from the database.

The view never holds 50,000 objects: ``PagedTableModel`` asks its source for the
row count and for pages of rows (plain dicts) as they scroll into view, keeps
a small cache, and re-queries when the filter or the sort changes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..i18n import tr

_NO_PARENT = QModelIndex()  # the invalid index: a table's rows hang from no parent


@dataclass
class Column:
    key: str
    title: str  # N_()-marked English, shown through tr()
    align: str = "left"  # left | right | center
    sortable: bool = True
    width: int | None = None
    fmt: Callable[[Any, dict], str] | None = None
    color: Callable[[dict], str | None] | None = None  # a colour name for the text


class TableSource(Protocol):
    def count(self, filters: dict) -> int: ...

    def fetch(self, filters: dict, offset: int, limit: int, sort_key: str | None, descending: bool) -> list[dict]: ...


class PagedTableModel(QAbstractTableModel):
    PAGE = 200
    MAX_PAGES = 40
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: list[Column], source: TableSource, parent=None, default_sort: str | None = None,
                 default_descending: bool = False):
        super().__init__(parent)
        self.columns = columns
        self.source = source
        self.filters: dict = {}
        self.sort_key = default_sort
        self.descending = default_descending
        self._count = 0
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self.reload()

    # --- loading ---
    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self.source.count(self.filters)
        self.endResetModel()

    def set_filters(self, filters: dict) -> None:
        self.filters = dict(filters)
        self.reload()

    def _page(self, number: int) -> list[dict]:
        page = self._pages.get(number)
        if page is None:
            page = self.source.fetch(self.filters, number * self.PAGE, self.PAGE, self.sort_key, self.descending)
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def row_dict(self, row: int) -> dict | None:
        if row < 0 or row >= self._count:
            return None
        page = self._page(row // self.PAGE)
        i = row % self.PAGE
        return page[i] if i < len(page) else None

    def row_id(self, row: int) -> int | None:
        d = self.row_dict(row)
        return d.get("id") if d else None

    def find_row(self, record_id: int) -> int | None:
        """The row showing ``record_id`` among the loaded pages, if any."""
        for number, page in self._pages.items():
            for i, d in enumerate(page):
                if d.get("id") == record_id:
                    return number * self.PAGE + i
        return None

    # --- Qt model API ---
    def rowCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section].title)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self.row_dict(index.row())
        if d is None:
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = d.get(col.key)
            if col.fmt is not None:
                return col.fmt(value, d)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
                 "center": Qt.AlignmentFlag.AlignHCenter}[col.align]
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            name = col.color(d)
            return QBrush(QColor(name)) if name else None
        if role == self.RowRole:
            return d
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        col = self.columns[column]
        if not col.sortable:
            return
        self.sort_key = col.key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def money(value, _row=None) -> str:
    if value is None or value == "":
        return ""
    return f"{float(value):,.2f}"


def date_text(value, _row=None) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def read_only_table(headers: list[str], *, single: bool = True, alternate: bool = False):
    """A small read-only QTableWidget of whole rows (dialogs' and tabs' short lists): rows are
    selected whole (one at a time unless ``single`` is false), never edited in place, no row numbers,
    the last column stretched."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(alternate)
    t.horizontalHeader().setStretchLastSection(True)
    return t
