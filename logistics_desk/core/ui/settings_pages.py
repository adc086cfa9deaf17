"""The master-data pages of the settings window: a list (or tree) that filters as
you type, and a form beside it.

Every write goes through ``core.masterdata`` (validated, one transaction,
audited); a wrong value is shown next to its field. Records are deactivated,
never deleted.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .. import audit, changes, clock, masterdata
from ..errors import UserError, ValidationError
from ..i18n import N_, builtin_name, tr
from .widgets import ChoiceBox, DateBox, FieldErrors, show_error

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3
INACTIVE_COLOR = "#8a8a8a"
ERROR_STYLE = "color: #c0392b;"
HINT_STYLE = "color: #666666;"


_CN_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
_NUMBER = re.compile(r"\d+")
_NEEDS_KEY = re.compile(r"[\d〇一二三四五六七八九十]")


def natural_key(text: str) -> str:
    """Sorts 初一 < 初二 < 初三 and 2 < 10: Chinese numerals as digits, numbers padded."""
    if not text or not _NEEDS_KEY.search(text):
        return (text or "").casefold()
    text = text.translate(_CN_DIGITS).replace("十", "1")
    return _NUMBER.sub(lambda m: m.group(0).zfill(8), text).casefold()


@dataclass
class Field:
    """One field of a page's form."""

    key: str
    label: str  # N_()-marked English
    kind: str = "text"  # text | note | choice | date | check | int
    required: bool = False
    choices: Callable[[Any], list[tuple[str, Any]]] | None = None  # (record or None) -> [(label, value)]
    empty_label: str | None = None  # N_(): the "none" entry of a choice
    hint: str | None = None  # N_(): grey help under the field
    minimum: int = 0
    maximum: int = 100
    special: str | None = None  # int fields: N_() text shown for the minimum (meaning "none")


def _hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def field_row(widget: QWidget, error: QLabel, hint: str | None = None) -> QWidget:
    """A field with its error message (and help) beneath it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    if hint:
        layout.addWidget(_hint_label(hint))
    return box


class HistoryDialog(QDialog):
    """The change record of one record: when, who, what, old and new value. Values read as text: a linked
    record by its name (分类：家具, not an id), a tick as 是/否, a choice by its label."""

    ACTIONS = {"create": N_("Created"), "update": N_("Changed"), "activate": N_("Reactivated"),
               "deactivate": N_("Deactivated")}

    def __init__(self, parent, title: str, table: str, record_id: int, labels: dict[str, str],
                 fields: list[Field] | tuple = ()):
        super().__init__(parent)
        self.setWindowTitle(tr("Change history: {name}").format(name=title))
        self.resize(820, 420)
        self.table_name = table
        self.fields = {f.key: f for f in fields}
        self._choices: dict[str, dict[str, str]] = {}
        entries = audit.history(table, record_id)
        self.table = QTableWidget(len(entries), 6)
        self.table.setHorizontalHeaderLabels([tr("Time"), tr("Operator"), tr("Change"), tr("Field"),
                                              tr("Old value"), tr("New value")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, e in enumerate(entries):
            field = e.field
            old, new = self.shown(field, e.old_value), self.shown(field, e.new_value)
            if field == "*":  # a creation: every value it was created with
                field, new = "", self.all_values(e.new_value, labels)
            cells = [e.ts.strftime("%Y-%m-%d %H:%M") if hasattr(e.ts, "strftime") else str(e.ts), e.operator,
                     tr(self.ACTIONS.get(e.action, e.action)), tr(labels.get(field, field)) if field else "", old, new]
            if e.note:
                cells[2] += f" ({e.note})"
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        for column in (4, 5):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 420))
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(QLabel(tr("No changes recorded.")))
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def all_values(self, text: str | None, labels: dict[str, str]) -> str:
        """A creation's values (one JSON object) as "Name: 家具; Parent category: 通用设备"."""
        try:
            values = json.loads(text or "{}")
        except ValueError:
            return text or ""
        if not isinstance(values, dict):
            return text or ""
        order = list(labels)
        keys = sorted((k for k in values if k in labels), key=order.index)
        return tr("; ").join(tr("{label}: {value}").format(label=tr(labels[k]), value=self.shown(k, values[k]))
                             for k in keys)

    def shown(self, key: str | None, value: Any) -> str:
        """A stored value as a person reads it."""
        if value in (None, ""):
            return ""
        text = str(value)
        if not key or key == "*":
            return text
        kind = masterdata.field_kind(self.table_name, key)
        spec = self.fields.get(key)
        if kind == "link":
            try:
                linked = masterdata.linked_record(self.table_name, key, int(text))
            except ValueError:
                return text
            return builtin_name(str(linked)) if linked is not None else tr("(deleted, no. {id})").format(id=text)
        if kind == "check" or (spec is not None and spec.kind == "check"):
            return tr("Yes") if text.lower() in ("1", "true") else tr("No")
        if spec is not None and spec.kind == "choice" and spec.choices is not None:
            if key not in self._choices:
                try:
                    self._choices[key] = {str(v): str(label) for label, v in spec.choices(None)}
                except Exception:  # a list that needs its record: the value as stored
                    self._choices[key] = {}
            return self._choices[key].get(text, text)
        return text


class RecordPage(QWidget):
    """A list (or tree) of one kind of master data, a filter box and an edit form."""

    message = Signal(str, bool)  # text, is_error: for the window's status line
    changed = Signal()  # a record was saved, deactivated or reactivated

    key = ""
    title = ""  # N_()
    table = ""  # the master-data table the page edits (core.masterdata.TABLES)
    fields: list[Field] = []
    columns: list[str] = []  # N_() titles
    tree = False
    has_active = True
    new_title = N_("New record")
    sort_column = 0
    sort_descending = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self.record = None
        self._dirty = False
        self._loading = False
        self._selecting = False
        self.widgets: dict[str, QWidget] = {}
        self.rows: dict[str, QWidget] = {}
        self.errors = FieldErrors()
        self._labels = {f.key: f.label for f in self.fields}

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_record_list())
        splitter.addWidget(self._build_record_form())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.build_actions()
        self.reload()
        self.start_new(ask=False)

    def _build_record_list(self) -> QWidget:
        """Left: the filter bar, the page's action buttons, the list (or tree) and its count."""
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("filter")
        self.filter_box.setPlaceholderText(tr("Filter as you type…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter)
        self.show_inactive = QCheckBox(tr("Show deactivated"))
        self.show_inactive.setVisible(self.has_active)
        self.show_inactive.toggled.connect(lambda _on: self.reload())
        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.show_inactive)
        self._build_record_view()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(self.actions_bar)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count_label)
        return left

    def _build_record_view(self) -> None:
        """The list: a sorted, filtered proxy of the records' model."""
        self.items = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.items)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterRole(FILTER_ROLE)  # the text columns of the row (not order or status)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setSortRole(SORT_ROLE)  # 初一 before 初二, 2 before 10
        self.proxy.setSortLocaleAware(True)  # names in the system collation (pinyin on a Chinese desktop)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(self.tree)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        if not self.tree:
            self.view.setSortingEnabled(True)
            order = Qt.SortOrder.DescendingOrder if self.sort_descending else Qt.SortOrder.AscendingOrder
            self.view.sortByColumn(self.sort_column, order)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(HINT_STYLE)

    def _build_record_form(self) -> QScrollArea:
        """Right: the edit form of the page's fields, in a scroll area."""
        self.form_title = QLabel()
        font = self.form_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.form_title.setFont(font)
        self.form_title.setWordWrap(True)
        self.general_error = QLabel()
        self.general_error.setObjectName("error__general")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in self.fields:
            widget = self._make_widget(f)
            self.widgets[f.key] = widget
            label_text = tr(f.label) + (" *" if f.required else "")
            row = field_row(widget, self.errors.make_label(f.key, widget), tr(f.hint) if f.hint else None)
            self.rows[f.key] = row
            self.form.addRow(label_text if f.kind != "check" else "", row)
        buttons = self._build_record_buttons()
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(self.form_title)
        form_layout.addWidget(self.general_error)
        form_layout.addLayout(self.form)
        form_layout.addWidget(self.note_label)
        form_layout.addLayout(buttons)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_box)
        return scroll

    def _build_record_buttons(self) -> QHBoxLayout:
        """Save, Deactivate, Change history… (and the note shown above them)."""
        self.save_button = QPushButton(tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.active_button = QPushButton(tr("Deactivate"))
        self.active_button.setVisible(self.has_active)
        self.active_button.clicked.connect(self.toggle_active)
        self.history_button = QPushButton(tr("Change history…"))
        self.history_button.clicked.connect(self.show_history)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        self.note_label = _hint_label("")
        self.note_label.hide()
        return buttons

    # --- building ------------------------------------------------------------
    def build_actions(self) -> None:
        """Buttons above the list; the default is one "New" button."""
        self.new_button = self.add_action(tr(self.new_title), lambda: self.start_new())
        self.finish_actions()

    def add_action(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.actions_bar.addWidget(button)
        return button

    def finish_actions(self) -> None:
        self.actions_bar.addStretch(1)

    def _make_widget(self, f: Field) -> QWidget:
        if f.kind == "choice":
            w = ChoiceBox([], empty_label=tr(f.empty_label) if f.empty_label else None)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(16)
            w.currentIndexChanged.connect(self._mark_dirty)
        elif f.kind == "date":
            w = DateBox(value=clock.today())
            w.dateChanged.connect(self._mark_dirty)
        elif f.kind == "check":
            w = QCheckBox(tr(f.label))
            w.toggled.connect(self._mark_dirty)
        elif f.kind == "int":
            w = QSpinBox()
            w.setRange(f.minimum, f.maximum)
            if f.special:
                w.setSpecialValueText(tr(f.special))
            w.valueChanged.connect(self._mark_dirty)
        elif f.kind == "note":
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(80)
            w.textChanged.connect(self._mark_dirty)
        else:
            w = QLineEdit()
            length = masterdata.max_length(self.table, f.key)
            if length:
                w.setMaxLength(length)
            w.textChanged.connect(self._mark_dirty)
        w.setObjectName(f"field_{f.key}")
        return w

    # --- the list ------------------------------------------------------------
    def query(self):
        """The list's records, in order (deactivated ones only when asked)."""
        return masterdata.listing(self.table, include_inactive=self.show_inactive.isChecked())

    def row_texts(self, record) -> list[str]:
        raise NotImplementedError

    def status_text(self, record) -> str:
        return tr("Active") if getattr(record, "active", True) else tr("Deactivated")

    no_filter_columns: tuple[str, ...] = (N_("Status"), N_("Walk order"))

    def make_row(self, record) -> list[QStandardItem]:
        cells = []
        inactive = self.has_active and not record.active
        texts = self.row_texts(record)
        for text in texts:
            item = QStandardItem(text)
            item.setData(record.id, ID_ROLE)
            if not self.tree:  # trees keep their walk order
                item.setData(natural_key(text), SORT_ROLE)
            if inactive:
                item.setForeground(QBrush(QColor(INACTIVE_COLOR)))
            cells.append(item)
        searchable = [t for t, c in zip(texts, self.columns, strict=True) if c not in self.no_filter_columns]
        cells[0].setData(" ".join(searchable), FILTER_ROLE)
        return cells

    def populate(self) -> None:
        for record in self.query():
            self.items.appendRow(self.make_row(record))

    def reload(self, select_id: int | None = None) -> None:
        if select_id is None and self.record is not None:
            select_id = self.record.id
        self._selecting = True
        try:
            self.items.clear()
            self.items.setHorizontalHeaderLabels([tr(c) for c in self.columns])
            self.populate()
            if self.tree:
                self.view.expandAll()
            header = self.view.header()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setResizeContentsPrecision(200)  # widths from the first rows: fast with thousands
            for col in range(len(self.columns)):
                self.view.resizeColumnToContents(col)
                if self.view.columnWidth(col) > 320:
                    self.view.setColumnWidth(col, 320)
            if select_id is not None:
                self.select(select_id)
        finally:
            self._selecting = False
        self._update_count()

    def _update_count(self) -> None:
        shown = self._count_rows(self.proxy, QModelIndex())
        total = self._count_rows(self.items, QModelIndex())
        if shown == total:
            self.count_label.setText(tr("{n} shown").format(n=total))
        else:
            self.count_label.setText(tr("{shown} of {total} shown").format(shown=shown, total=total))

    def _count_rows(self, model, parent) -> int:
        n = model.rowCount(parent)
        if not self.tree:
            return n
        return n + sum(self._count_rows(model, model.index(r, 0, parent)) for r in range(n))

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.tree:
            self.view.expandAll()
        self._update_count()

    def source_item(self, record_id: int) -> QStandardItem | None:
        found = self.items.match(self.items.index(0, 0), ID_ROLE, record_id, 1,
                                 Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return self.items.itemFromIndex(found[0]) if found else None

    def visible_texts(self, column: int = 0) -> list[str]:
        """What the list shows in ``column``, top to bottom (trees: depth first)."""
        out: list[str] = []

        def walk(parent):
            for r in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(r, column, parent)
                out.append(index.data())
                walk(self.proxy.index(r, 0, parent))

        walk(QModelIndex())
        return out

    def select(self, record_id: int) -> bool:
        item = self.source_item(record_id)
        if item is None:
            return False
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():
            return False
        was = self._selecting
        self._selecting = True
        try:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)
        finally:
            self._selecting = was
        return True

    def select_and_load(self, record_id: int) -> None:
        """Select a record in the list and show it in the form (as a click does)."""
        record = masterdata.find_record(self.table, record_id)
        if record is not None and self.confirm_leave():
            self.select(record_id)
            self.load(record)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        record_id = current.data(ID_ROLE)
        if record_id is None or (self.record is not None and self.record.id == record_id and not self._dirty):
            return
        if not self.confirm_leave():
            self._selecting = True
            try:
                self.view.selectionModel().setCurrentIndex(
                    previous, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            finally:
                self._selecting = False
            return
        record = masterdata.find_record(self.table, record_id)
        if record is not None:
            self.load(record)

    # --- the form ------------------------------------------------------------
    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self._dirty = True
            self.form_changed()

    def form_changed(self) -> None:
        """Called as the user edits the form (live previews)."""

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def confirm_leave(self) -> bool:
        """True when the form may be left: nothing typed, or saved, or discarded."""
        if not self._dirty:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, tr("Unsaved changes"),
                          tr("Save the changes to “{name}”?").format(name=self.current_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            return True
        return False

    def current_name(self) -> str:
        if self.record is not None:
            return self.describe(self.record)
        w = self.widgets.get("name")
        return (w.text() if isinstance(w, QLineEdit) else "") or tr(self.new_title)

    def describe(self, record) -> str:
        return str(record)

    def choices_for(self, f: Field, record) -> list[tuple[str, Any]]:
        return f.choices(record) if f.choices is not None else []

    def set_widget_value(self, f: Field, value: Any) -> None:
        w = self.widgets[f.key]
        if f.kind == "choice":
            w.set_items(self.choices_for(f, self.record))
            if value is None and w.count():
                w.setCurrentIndex(0)
            else:
                w.set_value(value)
        elif f.kind == "date":
            w.set_date(value or clock.today())
        elif f.kind == "check":
            w.setChecked(bool(value))
        elif f.kind == "int":
            w.setValue(int(value) if value is not None else f.minimum)
        elif f.kind == "note":
            w.setPlainText(value or "")
        else:
            w.setText("" if value is None else str(value))

    def widget_value(self, f: Field) -> Any:
        w = self.widgets[f.key]
        if f.kind == "choice":
            return w.value()
        if f.kind == "date":
            return w.value()
        if f.kind == "check":
            return w.isChecked()
        if f.kind == "int":
            return None if (f.special and w.value() == f.minimum) else w.value()
        if f.kind == "note":
            return w.toPlainText()
        return w.text()

    def record_values(self, record) -> dict[str, Any]:
        values = audit.snapshot(record)
        return {f.key: values.get(f.key) for f in self.fields}

    def load(self, record) -> None:
        """Show ``record`` in the form."""
        # a save over someone else's later change is refused (``save``): note the record's newest change, then
        # read it again, so what the form shows is never older than what it saw
        self.opened = changes.Opened(self.table, record.id)
        record = masterdata.find_record(self.table, record.id) or record
        self._loading = True
        try:
            self.record = record
            values = self.record_values(record)
            for f in self.fields:
                self.set_widget_value(f, values.get(f.key))
            self.form_title.setText(self.describe(record))
            self._clear_errors()
            if self.has_active:
                self.active_button.setText(tr("Deactivate") if record.active else tr("Reactivate"))
                self.active_button.setEnabled(True)
            self.history_button.setEnabled(True)
            self.after_load()
        finally:
            self._loading = False
        self._dirty = False

    def new_defaults(self) -> dict[str, Any]:
        return {}

    def start_new(self, defaults: dict[str, Any] | None = None, ask: bool = True, title: str | None = None) -> bool:
        """Empty the form for a new record."""
        if ask and not self.confirm_leave():
            return False
        self._loading = True
        try:
            self.record = None
            self._selecting = True
            self.view.selectionModel().clearSelection()
            self.view.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            self._selecting = False
            values = self.new_defaults()
            values.update(defaults or {})
            for f in self.fields:
                self.set_widget_value(f, values.get(f.key))
            self.form_title.setText(title or tr(self.new_title))
            self._clear_errors()
            self.active_button.setText(tr("Deactivate"))
            self.active_button.setEnabled(False)
            self.history_button.setEnabled(False)
            self.after_load()
        finally:
            self._loading = False
            self._selecting = False
        self._dirty = False
        first = self.widgets.get(self.fields[0].key) if self.fields else None
        if ask and first is not None:
            first.setFocus()
        return True

    def after_load(self) -> None:
        """Adjust the form after a record (or a new one) was put in it."""

    def _clear_errors(self) -> None:
        self.errors.clear()
        self.general_error.clear()
        self.general_error.hide()

    def show_general_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()
        self.message.emit(text, True)

    def values(self) -> dict[str, Any]:
        return {f.key: self.widget_value(f) for f in self.fields}

    def write(self, values: dict[str, Any]):
        return masterdata.save_record(self.table, values, self.record)

    def save(self) -> bool:
        """Save the form; a wrong value is shown next to its field. True when saved."""
        self._clear_errors()
        opened = getattr(self, "opened", None) if self.record is not None else None
        try:
            if opened is None:
                record = self.write(self.values())
            else:
                with opened.editing():
                    record = self.write(self.values())
        except changes.EditConflict as exc:  # nothing saved: who changed it, and the record as it is now
            fresh = masterdata.find_record(self.table, self.record.id)
            if fresh is not None:
                self._dirty = False
                self.reload(select_id=fresh.id)
                self.load(fresh)
            self.show_general_error(exc.message)
            return False
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if rest:
                self.general_error.setText("\n".join(rest))
                self.general_error.show()
            first = next((self.widgets[k] for k in exc.errors if k in self.widgets), None)
            if first is not None:
                first.setFocus()
            self.message.emit(tr("Not saved: please correct the fields marked in red."), True)
            return False
        except UserError as exc:
            self.show_general_error(exc.message)
            return False
        except Exception as exc:  # unexpected: shown in words, details for the log
            show_error(self, exc)
            return False
        self._dirty = False
        record = masterdata.find_record(self.table, record.id)
        self.reload(select_id=record.id)
        self.load(record)
        self.message.emit(tr("Saved: {name}").format(name=self.describe(record)), False)
        self.changed.emit()
        return True

    def toggle_active(self) -> None:
        if self.record is None or not self.confirm_leave():
            return
        record = masterdata.find_record(self.table, self.record.id)
        if record is None:
            return
        self._clear_errors()
        try:
            masterdata.set_active(record, not record.active)
        except UserError as exc:
            self.show_general_error(exc.message)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        record = masterdata.find_record(self.table, record.id)
        self.reload(select_id=record.id)
        self.load(record)
        text = tr("Reactivated: {name}") if record.active else tr("Deactivated: {name}")
        self.message.emit(text.format(name=self.describe(record)), False)
        self.changed.emit()

    def show_history(self) -> None:
        if self.record is None:
            return
        dialog = HistoryDialog(self, self.describe(self.record), self.table, self.record.id,
                               self._labels | {"active": N_("Active"), "sort_order": N_("Order"),
                                               "full_name": N_("Full name")}, self.fields)
        dialog.exec()

    def refresh(self) -> None:
        """Re-read the list and the choices (another page changed something)."""
        self.reload()
        if self.record is not None and not self._dirty:
            record = masterdata.find_record(self.table, self.record.id)
            if record is not None:
                self.load(record)

    # --- walk order (trees) --------------------------------------------------
    def siblings(self, record) -> list:
        return list(masterdata.siblings(record))

    def move(self, step: int) -> None:
        """Move the selected record up (-1) or down (+1) among its siblings."""
        if self.record is None or not self.confirm_leave():
            return
        siblings = self.siblings(self.record)
        ids = [s.id for s in siblings]
        if self.record.id not in ids:
            return
        i = ids.index(self.record.id)
        j = i + step
        # hidden (deactivated) siblings are passed over
        while 0 <= j < len(siblings) and not (siblings[j].active or self.show_inactive.isChecked()):
            j += step
        if not 0 <= j < len(siblings):
            return
        siblings.insert(j, siblings.pop(i))
        try:
            masterdata.reorder(siblings)
        except Exception as exc:
            show_error(self, exc)
            return
        record = masterdata.find_record(self.table, self.record.id)
        self.reload(select_id=record.id)
        self.load(record)
        self.changed.emit()


# --- terms ---------------------------------------------------------------------

class TermsPage(RecordPage):
    key = "terms"
    title = N_("Terms")
    table = "term"
    has_active = False
    new_title = N_("New term")
    columns = [N_("Term"), N_("Starts"), N_("Ends"), N_("Status")]
    fields = [
        Field("name", N_("Name"), required=True, hint=N_("For example 2026-2027学年第一学期.")),
        Field("start_date", N_("First day"), "date", required=True),
        Field("end_date", N_("Last day"), "date", required=True),
    ]
    sort_column = 1
    sort_descending = True

    def row_texts(self, t) -> list[str]:
        today = clock.today()
        if t.start_date <= today <= t.end_date:
            status = tr("Current term")
        elif t.start_date > today:
            status = tr("Coming")
        else:
            status = tr("Past")
        return [t.name, t.start_date.isoformat(), t.end_date.isoformat(), status]

    def new_defaults(self) -> dict[str, Any]:
        """The term after the latest one: spring from late February, autumn from September."""
        last = masterdata.latest_term()
        if last is None:
            today = clock.today()
            if today.month >= 8:
                return self._autumn(today.year)
            if today.month == 1:
                return self._autumn(today.year - 1)
            return self._spring(today.year)
        if last.end_date.month <= 3:
            return self._spring(last.end_date.year)
        return self._autumn(last.end_date.year)

    @staticmethod
    def _autumn(year: int) -> dict[str, Any]:
        return {"name": tr("{first}-{second} school year, first term").format(first=year, second=year + 1),
                "start_date": _dt.date(year, 9, 1), "end_date": _dt.date(year + 1, 1, 20)}

    @staticmethod
    def _spring(year: int) -> dict[str, Any]:
        return {"name": tr("{first}-{second} school year, second term").format(first=year - 1, second=year),
                "start_date": _dt.date(year, 2, 20), "end_date": _dt.date(year, 7, 10)}


# --- departments and classes -------------------------------------------------------

class DepartmentsPage(RecordPage):
    key = "departments"
    title = N_("Departments and classes")
    table = "department"
    new_title = N_("New department or class")
    columns = [N_("Name"), N_("Kind"), N_("Code"), N_("Head / class teacher"), N_("Status")]
    fields = [
        Field("name", N_("Name"), required=True, hint=N_("A class is named like 初一(1)班.")),
        Field("kind", N_("Kind"), "choice", required=True,
              choices=lambda _r: [(tr(label), key) for key, label in masterdata.DEPARTMENT_KINDS.items()]),
        Field("code", N_("Code")),
        Field("head", N_("Head / class teacher")),
    ]

    def build_actions(self) -> None:
        self.new_button = self.add_action(tr("New department"), lambda: self.start_new({"kind": "department"}))
        self.new_class_button = self.add_action(
            tr("New class"), lambda: self.start_new({"kind": "class"}, title=tr("New class")))
        self.finish_actions()

    def row_texts(self, d) -> list[str]:
        return [d.name, tr(masterdata.DEPARTMENT_KINDS.get(d.kind, d.kind)), d.code or "", d.head or "",
                self.status_text(d)]

    def new_defaults(self) -> dict[str, Any]:
        return {"kind": "department"}


# --- people --------------------------------------------------------------------------

def _department_choices(record) -> list[tuple[str, Any]]:
    out = []
    for d in masterdata.department_choices(getattr(record, "department_id", None)):
        label = d.name if d.kind == "department" else tr("{name} (class)").format(name=d.name)
        out.append((label, d.id))
    return out


class PeoplePage(RecordPage):
    key = "people"
    title = N_("People")
    table = "person"
    new_title = N_("New person")
    columns = [N_("Person's name"), N_("Department"), N_("Job title"), N_("Phone"), N_("Canteen staff"), N_("Status")]
    fields = [
        Field("name", N_("Person's name"), required=True),
        Field("department", N_("Department"), "choice", choices=_department_choices, empty_label=N_("(none)")),
        Field("title", N_("Job title")),
        Field("phone", N_("Phone")),
        Field("is_canteen_staff", N_("Canteen staff (may take food samples)"), "check"),
    ]

    def row_texts(self, p) -> list[str]:
        return [p.name, p.department.name if p.department_id else "", p.title or "", p.phone or "",
                tr("Yes") if p.is_canteen_staff else "", self.status_text(p)]

    def describe(self, record) -> str:
        dept = masterdata.find_record("department", record.department_id)
        return f"{record.name}（{dept.name}）" if dept else record.name


# --- suppliers -----------------------------------------------------------------------

class SuppliersPage(RecordPage):
    key = "suppliers"
    title = N_("Suppliers")
    table = "supplier"
    new_title = N_("New supplier")
    columns = [N_("Name"), N_("Contact person"), N_("Phone"), N_("Address"), N_("Status")]
    fields = [
        Field("name", N_("Name"), required=True),
        Field("contact", N_("Contact person")),
        Field("phone", N_("Phone")),
        Field("address", N_("Address")),
        Field("note", N_("Notes"), "note"),
    ]

    def row_texts(self, s) -> list[str]:
        return [s.name, s.contact or "", s.phone or "", s.address or "", self.status_text(s)]


# --- places: building -> room ------------------------------------------------------

def _building_choices(record) -> list[tuple[str, Any]]:
    return [(b.name, b.id) for b in masterdata.building_choices(getattr(record, "parent_id", None))]


class PlacesPage(RecordPage):
    key = "places"
    title = N_("Places")
    table = "place"
    tree = True
    new_title = N_("New building")
    columns = [N_("Building / room"), N_("Kind"), N_("Full name"), N_("Walk order"), N_("Status")]
    fields = [
        Field("parent", N_("Building"), "choice", required=True, choices=_building_choices),
        Field("name", N_("Name"), required=True,
              hint=N_("A room's full name is the building's name and the room's: 教学楼 301.")),
    ]

    def __init__(self, parent=None):
        self.new_kind = "building"
        super().__init__(parent)

    def build_actions(self) -> None:
        self.add_building_button = self.add_action(tr("Add building"), self.new_building)
        self.add_room_button = self.add_action(tr("Add room"), self.new_room)
        self.up_button = self.add_action(tr("Move up"), lambda: self.move(-1))
        self.down_button = self.add_action(tr("Move down"), lambda: self.move(1))
        self.up_button.setToolTip(
            tr("The order in which rooms are walked at a stock-take and printed on count sheets."))
        self.down_button.setToolTip(self.up_button.toolTip())
        self.finish_actions()

    def populate(self) -> None:
        places = list(self.query())
        rooms: dict[int, list] = {}
        for p in places:
            if p.kind == "room":
                rooms.setdefault(p.parent_id, []).append(p)
        shown = set()
        for b in (p for p in places if p.kind == "building"):
            row = self.make_row(b)
            for position, r in enumerate(rooms.get(b.id, []), start=1):
                row[0].appendRow(self.make_row(r, position))
                shown.add(r.id)
            self.items.appendRow(row)
        for p in places:  # a room whose building is hidden still shows
            if p.kind == "room" and p.id not in shown:
                self.items.appendRow(self.make_row(p))

    def make_row(self, record, position: int | None = None) -> list[QStandardItem]:
        self._position = position
        return super().make_row(record)

    def row_texts(self, p) -> list[str]:
        kind = tr("Building") if p.kind == "building" else tr("Room")
        order = str(self._position) if self._position is not None else ""
        return [p.name, kind, p.full_name, order, self.status_text(p)]

    def describe(self, record) -> str:
        kind = tr("Building") if record.kind == "building" else tr("Room")
        return f"{kind}: {record.full_name}"

    def after_load(self) -> None:
        kind = self.record.kind if self.record is not None else self.new_kind
        self.form.setRowVisible(self.rows["parent"], kind == "room")
        self.up_button.setEnabled(self.record is not None)
        self.down_button.setEnabled(self.record is not None)
        self.form_changed()

    def form_changed(self) -> None:
        kind = self.record.kind if self.record is not None else self.new_kind
        name = self.widgets["name"].text().strip()
        if kind == "room":
            building = self.widgets["parent"].currentText()
            full = masterdata.place_full_name(building, name) if name and building else ""
        else:
            full = name
        self.note_label.setText(tr("Full name: {name}").format(name=full) if full else "")
        self.note_label.setVisible(bool(full))

    def values(self) -> dict[str, Any]:
        kind = self.record.kind if self.record is not None else self.new_kind
        values = {"name": self.widget_value(self.fields[1])}
        if kind == "room":
            values["parent"] = self.widgets["parent"].value()
        return values

    def write(self, values: dict[str, Any]):
        if self.record is None:
            values["kind"] = self.new_kind
            values["sort_order"] = masterdata.next_position(
                "place", None if self.new_kind == "building" else values.get("parent"))
        return masterdata.save_record("place", values, self.record)

    def selected_building(self):
        if self.record is None:
            return None
        if self.record.kind == "building":
            return self.record
        return masterdata.find_record("place", self.record.parent_id)

    def new_building(self) -> None:
        if not self.confirm_leave():
            return
        self.new_kind = "building"
        self.start_new(ask=False, title=tr("New building"))
        self.widgets["name"].setFocus()

    def new_room(self) -> None:
        if not self.confirm_leave():
            return
        building = self.selected_building()
        if building is None:
            building = masterdata.buildings().first()
        if building is None:
            self.show_general_error(tr("Add a building first."))
            return
        self.new_kind = "room"
        self.start_new({"parent": building.id}, ask=False, title=tr("New room in {building}").format(
            building=building.name))
        self.widgets["name"].setFocus()

    def start_new(self, defaults=None, ask=True, title=None) -> bool:
        if ask:  # the generic "new" is a new building
            self.new_kind = "building"
        return super().start_new(defaults, ask, title)


# --- asset categories -------------------------------------------------------------------

def _category_choices(record) -> list[tuple[str, Any]]:
    cats = list(masterdata.listing("category", include_inactive=True))
    by_id = {c.id: c for c in cats}

    def path(c) -> str:
        names, seen = [], set()
        while c is not None and c.id not in seen:
            seen.add(c.id)
            names.append(builtin_name(c.name))
            c = by_id.get(c.parent_id)
        return " / ".join(reversed(names))

    current = getattr(record, "parent_id", None)
    return [(f"{path(c)}  [{c.code}]", c.id) for c in cats if c.active or c.id == current]


class CategoriesPage(RecordPage):
    key = "categories"
    title = N_("Asset categories")
    table = "category"
    tree = True
    new_title = N_("New top-level category")
    columns = [N_("Category"), N_("Code"), N_("GB/T 14885"), N_("Useful life"), N_("Special equipment"),
               N_("Status")]
    fields = [
        Field("parent", N_("Parent category"), "choice", choices=_category_choices, empty_label=N_("(top level)")),
        Field("code", N_("Code"), required=True,
              hint=N_("Capital letters or digits, e.g. JJ; it becomes part of asset numbers.")),
        Field("name", N_("Name"), required=True),
        Field("gb_code", N_("GB/T 14885 code")),
        Field("useful_life_years", N_("Useful life (years)"), "int", minimum=0, maximum=100,
              special=N_("Inherit from the parent"),
              hint=N_("Government accounting standard No. 3: computers 6 years, vehicles 8, machinery 10, "
                      "furniture 15, brick buildings 30, concrete or steel buildings 50.")),
        Field("depreciable", N_("Depreciated"), "check",
              hint=N_("Land, books and archives, cultural relics, animals and plants are not depreciated.")),
        Field("special_equipment", N_("Special equipment"), "check",
              hint=N_("Uses the fixed-asset threshold for special equipment.")),
    ]

    def build_actions(self) -> None:
        self.new_button = self.add_action(tr("New top-level category"), lambda: self.start_new())
        self.new_child_button = self.add_action(tr("New subcategory"), self.new_child)
        self.up_button = self.add_action(tr("Move up"), lambda: self.move(-1))
        self.down_button = self.add_action(tr("Move down"), lambda: self.move(1))
        self.finish_actions()

    def populate(self) -> None:
        cats = list(self.query())
        everything = {c.id: c for c in masterdata.listing("category", include_inactive=True)}
        self._all = everything
        children: dict[int | None, list] = {}
        shown_ids = {c.id for c in cats}
        for c in cats:
            parent = c.parent_id if c.parent_id in shown_ids else None
            children.setdefault(parent, []).append(c)

        def add(parent_item, parent_id):
            for c in children.get(parent_id, []):
                row = self.make_row(c)
                add(row[0], c.id)
                if parent_item is None:
                    self.items.appendRow(row)
                else:
                    parent_item.appendRow(row)

        add(None, None)

    def life_text(self, c) -> str:
        node, inherited, seen = c, False, 0
        while node is not None and seen < 20:
            if not node.depreciable:
                return tr("Not depreciated")
            if node.useful_life_years:
                years = tr("{n} years").format(n=node.useful_life_years)
                return tr("{life} (inherited)").format(life=years) if inherited else years
            node = self._all.get(node.parent_id)
            inherited = True
            seen += 1
        return tr("Not set")

    def is_special(self, c) -> bool:
        node, seen = c, 0
        while node is not None and seen < 20:
            if node.special_equipment:
                return True
            node = self._all.get(node.parent_id)
            seen += 1
        return False

    def row_texts(self, c) -> list[str]:
        special = tr("Yes") if self.is_special(c) else ""
        return [builtin_name(c.name), c.code, c.gb_code or "", self.life_text(c), special, self.status_text(c)]

    def describe(self, record) -> str:
        return f"{builtin_name(record.name)} [{record.code}]"

    def new_defaults(self) -> dict[str, Any]:
        return {"depreciable": True}

    def new_child(self) -> None:
        parent = self.record
        if parent is None:
            self.show_general_error(tr("Select the category the new one belongs under."))
            return
        if not self.confirm_leave():
            return
        self.start_new({"parent": parent.id, "depreciable": parent.depreciable}, ask=False,
                       title=tr("New subcategory of {name}").format(name=parent.name))
        self.widgets["code"].setFocus()

    def after_load(self) -> None:
        if hasattr(self, "up_button"):
            self.up_button.setEnabled(self.record is not None)
            self.down_button.setEnabled(self.record is not None)
            self.new_child_button.setEnabled(self.record is not None)
        self.form_changed()

    def form_changed(self) -> None:
        """Show the life the category gets when it inherits."""
        if self.widget_value(self.fields[4]) is not None or not self.widgets["depreciable"].isChecked():
            self.note_label.hide()
            return
        parent_id = self.widgets["parent"].value()
        parent = masterdata.find_record("category", parent_id) if parent_id else None
        life = masterdata.category_life_years(parent) if parent is not None else None
        text = (tr("Inherits a useful life of {n} years from “{name}”.").format(n=life, name=parent.name)
                if life else tr("Without a useful life of its own or a parent's, it is not depreciated."))
        self.note_label.setText(text)
        self.note_label.show()

    def write(self, values: dict[str, Any]):
        values["code"] = (values.get("code") or "").strip().upper()
        if self.record is None:
            values["sort_order"] = masterdata.next_position("category")
        return masterdata.save_record("category", values, self.record)


PAGES = [TermsPage, DepartmentsPage, PlacesPage, PeoplePage, SuppliersPage, CategoriesPage]
