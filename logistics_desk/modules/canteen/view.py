"""The 食品留样 tab: today's state at a glance, the day's menu and samples (one key
per sample), disposal, fridge temperatures, and the check / print page."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTime, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import UserError
from ...core.i18n import N_, join_clauses, tr
from ...core.ui.dialogs import RecordDialog, attempt, watch
from ...core.ui.tab import ModuleTab
from ...core.ui.table import read_only_table
from ...core.ui.widgets import ChoiceBox, DateBox, FieldErrors, ask_text, confirm, show_error, show_info
from ...core.ui.work import run_in_worker, run_with_progress
from . import service

GREEN, RED, AMBER, GREY = "#1e7e34", "#c0392b", "#b9770e", "#7f8c8d"
WEEKDAYS = [N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")]


def _weekday(day: _dt.date) -> str:
    return tr(WEEKDAYS[day.weekday()])


def _item(text: str, data=None, color: str | None = None, align=None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if data is not None:
        it.setData(Qt.ItemDataRole.UserRole, data)
    if color:
        it.setForeground(QColor(color))
    if align is not None:
        it.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return it


class _TabLeaves:
    """Tab and Shift+Tab leave a time field (Qt's would walk into the minutes)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class TimeBox(_TabLeaves, QTimeEdit):
    pass


class DateTimeBox(_TabLeaves, QDateTimeEdit):
    pass


def _by_at_note(row: QHBoxLayout, by_label: str, note_hint: str) -> tuple[ChoiceBox, QDateTimeEdit, QLineEdit]:
    """The “<by_label> [staff] at [date-time] [notes]” part of an entry row."""
    row.addWidget(QLabel(by_label))
    by = ChoiceBox(_staff_items(), empty_label=tr("(choose)"))
    row.addWidget(by)
    row.addWidget(QLabel(tr("at")))
    at = DateTimeBox()
    at.setDisplayFormat("yyyy-MM-dd HH:mm")
    row.addWidget(at)
    note = QLineEdit()
    note.setPlaceholderText(note_hint)
    row.addWidget(note, 1)
    return by, at, note


def _table(headers: list[str]) -> QTableWidget:
    return read_only_table(headers, single=False, alternate=True)


def _staff_items() -> list[tuple[str, int]]:
    return [(p.name, p.id) for p in service.canteen_staff()]


def _fridge_items() -> list[tuple[str, int]]:
    return [(f.name, f.id) for f in service.active_fridges()]


def _preview(parent, pdf: bytes, title: str, filename: str) -> None:
    from ...core.ui.pdf_preview import preview_pdf

    parent._last_pdf = pdf  # tests and "print again" read it
    preview_pdf(parent, pdf, title, filename)


# --- the day grid ----------------------------------------------------------------------

class DayGrid(QTableWidget):
    """The day's dishes; Enter or Space records "taken now", Delete removes, F2 edits."""

    take_requested = Signal()
    edit_requested = Signal()
    remove_requested = Signal()

    def keyPressEvent(self, event):
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.take_requested.emit()
            return
        if key == Qt.Key.Key_Delete:
            self.remove_requested.emit()
            return
        if key == Qt.Key.Key_F2:
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)


def _rows_and_buttons(dialog: QDialog, form: QFormLayout, rows) -> None:
    """Each (field, label, widget) row with its error label under it, then OK (``dialog.save``) / Cancel."""
    for field, label, widget in rows:
        form.addRow(label, widget)
        form.addRow("", dialog.errors.make_label(field, widget))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


def _under_weight_label() -> QLabel:
    label = QLabel()
    label.setObjectName("under_weight")
    label.setStyleSheet(f"color: {RED}; font-weight: bold;")
    label.setWordWrap(True)
    label.hide()
    return label


def _mark_weight(box: QSpinBox, label: QLabel | None, value: int) -> bool:
    """Mark a weight under the minimum as it is typed (red box, and the label says so)."""
    min_w = service.min_weight()
    under = 0 < value < min_w
    box.setStyleSheet(f"QSpinBox {{ border: 2px solid {RED}; color: {RED}; }}" if under else "")
    box.setToolTip(tr("Under the minimum of {min} g.").format(min=min_w) if under else "")
    if label is not None:
        label.setText(tr("Under the minimum of {min} g: keep at least {min} g of this dish.").format(min=min_w))
        if label.isVisibleTo(label.window()) != under:
            label.setVisible(under)
            _refit(label)
    return under


def _refit(widget: QWidget) -> None:
    """Let a dialog grow to show a message that just appeared, whole (wrapped text included)."""
    window = widget.window()
    if isinstance(window, QDialog) and window.isVisible():
        window.layout().activate()
        window.adjustSize()


def _stacked(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    for w in widgets:
        box.addWidget(w)
    return holder


class WeightDialog(QDialog):
    """Space on a dish whose sample weight was not typed in the row: the weight is asked for
    (the last weight typed is proposed, selected; Enter confirms it, typing replaces it)."""

    def __init__(self, line: dict, proposed: int | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Sample weight"))
        lay = QVBoxLayout(self)
        prompt = QLabel(tr("Weigh the sample of “{dish}” ({meal}) and enter its weight:").format(
            dish=line["dish_name"], meal=service.meal_label(line["meal"])))
        prompt.setWordWrap(True)
        lay.addWidget(prompt)
        self.weight = QSpinBox()
        self.weight.setRange(1, service.MAX_WEIGHT_G)
        self.weight.setSuffix(" g")
        self.weight.setValue(proposed or service.min_weight() or 125)
        self.weight.selectAll()
        lay.addWidget(self.weight)
        self.warning = _under_weight_label()
        lay.addWidget(self.warning)
        self.weight.valueChanged.connect(lambda v: _mark_weight(self.weight, self.warning, v))
        _mark_weight(self.weight, self.warning, self.weight.value())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(440)
        self.weight.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        _refit(self)

    def value(self) -> int:
        return self.weight.value()


class SampleDialog(QDialog):
    """Enter or correct a dish's sample: weight, time, who, fridge, container."""

    def __init__(self, line: dict, parent=None):
        super().__init__(parent)
        self.line = line
        self.setWindowTitle(tr("Sample of “{dish}”").format(dish=line["dish_name"]))
        form = QFormLayout(self)
        self.errors = FieldErrors()
        form.addRow(tr("Record No."), QLabel(line["number"]))
        form.addRow(tr("Meal"), QLabel(f"{line['day'].isoformat()} {service.meal_label(line['meal'])}"))
        self.weight = QSpinBox()
        self.weight.setRange(0, service.MAX_WEIGHT_G)
        self.weight.setSuffix(" g")
        self.weight.setSpecialValueText(tr("(not entered)"))
        # the weight recorded, or nothing: never a default nobody weighed
        self.weight.setValue(line["weight_g"] if line.get("weight_g") is not None else 0)
        self.weight_warning = _under_weight_label()
        self.weight.valueChanged.connect(lambda v: _mark_weight(self.weight, self.weight_warning, v))
        _mark_weight(self.weight, self.weight_warning, self.weight.value())
        self.time = TimeBox()
        self.time.setDisplayFormat("HH:mm")
        t = line.get("taken_at")
        if t is None:
            now = clock.now()
            t = now if now.date() == line["day"] else _dt.datetime.combine(line["day"], _dt.time(12, 0))
        self.time.setTime(QTime(t.hour, t.minute))
        self.taken_by = ChoiceBox(_staff_items(), empty_label=tr("(not entered)"))
        default = service.default_sampler()
        self.taken_by.set_value(line.get("taken_by_id") or (default.id if default else None))
        self.fridge = ChoiceBox(_fridge_items(), empty_label=tr("(not entered)"))
        box = service.default_fridge()
        self.fridge.set_value(line.get("fridge_id") or (box.id if box else None))
        self.container = QLineEdit(line.get("container_no") or "")
        self.note = QLineEdit(line.get("note") or "")
        self.reason = QLineEdit(line.get("sampler_reason") or "")
        self.reason.setPlaceholderText(tr("Only when the sampler has no valid health certificate that day"))
        _rows_and_buttons(self, form, (("weight_g", tr("Weight"), _stacked(self.weight, self.weight_warning)),
                                       ("taken_at", tr("Time taken"), self.time),
                                       ("taken_by", tr("Taken by"), self.taken_by),
                                       ("sampler_reason", tr("Reason"), self.reason),
                                       ("fridge", tr("Fridge"), self.fridge),
                                       ("container_no", tr("Container No."), self.container),
                                       ("note", tr("Notes"), self.note)))
        watch(self, "canteen_sample", line["id"], self._reload)  # a save over someone else's change is refused
        self._reload()

    def _reload(self) -> None:
        """The sample as it is now (again after someone else changed it: core/ui/dialogs.attempt)."""
        s = service.get_sample(self.line["id"])
        self.weight.setValue(s.weight_g or 0)
        if s.taken_at is not None:
            self.time.setTime(QTime(s.taken_at.hour, s.taken_at.minute))
        if s.taken_by_id:
            self.taken_by.set_value(s.taken_by_id)
        if s.fridge_id:
            self.fridge.set_value(s.fridge_id)
        self.container.setText(s.container_no or "")
        self.note.setText(s.note or "")
        self.reason.setText(s.sampler_reason or "")

    def values(self) -> dict:
        q = self.time.time()
        return {"weight_g": self.weight.value() or None,
                "taken_at": _dt.datetime.combine(self.line["day"], _dt.time(q.hour(), q.minute())),
                "taken_by": self.taken_by.value(), "fridge": self.fridge.value(),
                "container_no": self.container.text(), "note": self.note.text(),
                "sampler_reason": self.reason.text()}

    def save(self) -> None:
        if attempt(self, self.errors,
                   lambda: service.record_sample(service.get_sample(self.line["id"]), self.values())):
            self.accept()
        else:
            _refit(self)  # the messages under the fields, whole


class DayPage(QWidget):
    changed = Signal()

    COLUMNS = [N_("Meal"), N_("Dish"), N_("Record No."), N_("Weight (g)"), N_("Time taken"), N_("Taken by"),
               N_("Fridge"), N_("Container"), N_("Keep until"), N_("Status")]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.day = clock.today()
        self.rows: list[dict] = []
        lay = QVBoxLayout(self)
        lay.addLayout(self._build_nav())
        lay.addLayout(self._build_quick_entry())
        self._build_hints(lay)
        lay.addLayout(self._build_add_row())
        self._build_grid(lay)
        lay.addLayout(self._build_actions())
        self._connect()
        QShortcut(QKeySequence("Ctrl+L"), self, activated=lambda: self.print_labels(None))
        self.reload_choices()
        self.reload()

    def _build_nav(self) -> QHBoxLayout:
        """◀ date ▶ Today, and the week's seven days with their samples taken."""
        nav = QHBoxLayout()
        self.prev_btn = QToolButton()
        self.prev_btn.setText("◀")
        self.prev_btn.setToolTip(tr("Previous day"))
        self.date_box = DateBox(value=self.day)
        self.next_btn = QToolButton()
        self.next_btn.setText("▶")
        self.next_btn.setToolTip(tr("Next day"))
        self.today_btn = QPushButton(tr("Today"))
        self.day_label = QLabel()
        nav.addWidget(self.prev_btn)
        nav.addWidget(self.date_box)
        nav.addWidget(self.next_btn)
        nav.addWidget(self.today_btn)
        nav.addWidget(self.day_label)
        nav.addStretch(1)
        self.week_buttons: list[QToolButton] = []
        for i in range(7):
            b = QToolButton()
            b.setCheckable(True)
            b.setAutoRaise(True)
            b.setMinimumWidth(74)
            b.clicked.connect(lambda _c=False, i=i: self.set_day(service.week_start(self.day) + _dt.timedelta(days=i)))
            nav.addWidget(b)
            self.week_buttons.append(b)
        return nav

    def _build_quick_entry(self) -> QHBoxLayout:
        """Who takes the samples, what they weigh, which fridge: used by Enter/Space."""
        quick = QHBoxLayout()
        quick.addWidget(QLabel(tr("Enter/Space = sample taken now by")))
        self.sampler = ChoiceBox(_staff_items(), empty_label=tr("(choose)"))
        quick.addWidget(self.sampler)
        # empty: each sample's weight is asked for; a weight typed here is used for every sample
        self.weight = QSpinBox()
        self.weight.setRange(0, service.MAX_WEIGHT_G)
        self.weight.setSuffix(" g")
        self.weight.setSpecialValueText(tr("(weigh each)"))
        self.weight.setToolTip(tr("Leave empty to enter each sample's weight as it is taken; a weight typed "
                                  "here is recorded for every sample taken with Space."))
        self.weight.setValue(0)
        self.weight.valueChanged.connect(lambda v: _mark_weight(self.weight, None, v))
        quick.addWidget(self.weight)
        quick.addWidget(QLabel(tr("into")))
        self.fridge = ChoiceBox(_fridge_items(), empty_label=tr("(choose)"))
        quick.addWidget(self.fridge)
        quick.addStretch(1)
        return quick

    def _build_hints(self, lay: QVBoxLayout) -> None:
        # the sampler's health certificate / morning check (issue 18): chosen only with a written reason
        self.sampler_state = QLabel()
        self.sampler_state.setObjectName("sampler_state")
        self.sampler_state.setWordWrap(True)
        self.sampler_state.hide()
        lay.addWidget(self.sampler_state)
        self.setup_hint = QLabel()
        self.setup_hint.setObjectName("setup_hint")
        self.setup_hint.setWordWrap(True)
        self.setup_hint.setStyleSheet(f"color: {AMBER}; padding: 2px 6px;")
        self.setup_hint.hide()
        lay.addWidget(self.setup_hint)

    def _build_add_row(self) -> QHBoxLayout:
        """Add a dish to a meal, or copy a menu from another day."""
        add = QHBoxLayout()
        add.addWidget(QLabel(tr("Add dish to")))
        self.meal_box = ChoiceBox([(tr(label), key) for key, label in service.MEALS.items()])
        self.meal_box.set_value(service.current_meal())  # the meal being served now, not always breakfast
        self._meal_chosen = False
        self.meal_box.activated.connect(lambda _i: setattr(self, "_meal_chosen", True))
        add.addWidget(self.meal_box)
        self.dish_edit = QLineEdit()
        self.dish_edit.setPlaceholderText(tr("Dish name (remembered dishes are suggested)"))
        self.dish_model = QStringListModel([], self)
        self.completer = QCompleter(self.dish_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.dish_edit.setCompleter(self.completer)
        add.addWidget(self.dish_edit, 1)
        self.add_btn = QPushButton(tr("Add"))
        add.addWidget(self.add_btn)
        self.copy_btn = QPushButton(tr("Copy menu from…"))
        copy_menu = QMenu(self.copy_btn)
        copy_menu.addAction(tr("The day before"), lambda: self.copy_from(-1))
        copy_menu.addAction(tr("The same day last week"), lambda: self.copy_from(-7))
        copy_menu.addAction(tr("Another day…"), self.copy_from_other)
        copy_menu.addAction(tr("Last week's menu to this whole week"), self.copy_last_week)
        self.copy_btn.setMenu(copy_menu)
        add.addWidget(self.copy_btn)
        return add

    def _build_grid(self, lay: QVBoxLayout) -> None:
        self.grid = DayGrid(0, len(self.COLUMNS))
        self.grid.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setStretchLastSection(False)
        lay.addWidget(self.grid, 1)
        self.empty_label = QLabel(tr("No dishes on this day yet: add them above, or copy a menu."))
        self.empty_label.setStyleSheet(f"color: {GREY}; padding: 6px;")
        lay.addWidget(self.empty_label)

    def _build_actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.take_btn = QPushButton(tr("Sample taken now (Space)"))
        self.edit_btn = QPushButton(tr("Enter / correct sample… (F2)"))
        self.clear_btn = QPushButton(tr("Undo sample"))
        self.remove_btn = QPushButton(tr("Remove dish (Del)"))
        self.up_btn = QToolButton()
        self.up_btn.setText("▲")
        self.down_btn = QToolButton()
        self.down_btn.setText("▼")
        self.labels_btn = QPushButton(tr("Print labels"))
        labels_menu = QMenu(self.labels_btn)
        labels_menu.addAction(tr("All labels of the day"), lambda: self.print_labels(None))
        labels_menu.addAction(tr("Labels of the selected meal"), lambda: self.print_labels(self._selected_meal()))
        self.labels_btn.setMenu(labels_menu)
        self.log_btn = QPushButton(tr("Print day log"))
        for w in (self.take_btn, self.edit_btn, self.clear_btn, self.remove_btn, self.up_btn, self.down_btn):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.labels_btn)
        actions.addWidget(self.log_btn)
        return actions

    def _connect(self) -> None:
        self.prev_btn.clicked.connect(lambda: self.set_day(self.day - _dt.timedelta(days=1)))
        self.next_btn.clicked.connect(lambda: self.set_day(self.day + _dt.timedelta(days=1)))
        self.today_btn.clicked.connect(lambda: self.set_day(clock.today()))
        self.date_box.dateChanged.connect(lambda _d: self.set_day(self.date_box.value()))
        self.add_btn.clicked.connect(self.add_dish)
        self.dish_edit.returnPressed.connect(self.add_dish)
        self.grid.take_requested.connect(self.take_selected)
        self.grid.edit_requested.connect(self.edit_selected)
        self.grid.remove_requested.connect(self.remove_selected)
        self.grid.doubleClicked.connect(lambda _i: self.edit_selected())
        self.take_btn.clicked.connect(self.take_selected)
        self.edit_btn.clicked.connect(self.edit_selected)
        self.clear_btn.clicked.connect(self.clear_selected)
        self.remove_btn.clicked.connect(self.remove_selected)
        self.up_btn.clicked.connect(lambda: self.move_selected(-1))
        self.down_btn.clicked.connect(lambda: self.move_selected(1))
        self.log_btn.clicked.connect(self.print_day_log)
        self.sampler.currentIndexChanged.connect(lambda _i: self._save_defaults())
        self.sampler.currentIndexChanged.connect(lambda _i: self.update_sampler_state())
        self.fridge.currentIndexChanged.connect(lambda _i: self._save_defaults())
        self.weight.editingFinished.connect(self._save_defaults)

    # --- choices and defaults ---
    def reload_choices(self) -> None:
        """The samplers and fridges as they are now (a fridge just added, a person just ticked as
        canteen staff); the remembered ones chosen, or the only one there is."""
        self._loading = True
        try:
            self.sampler.set_items(_staff_items())
            self.fridge.set_items(_fridge_items())
            s, f = service.default_sampler(), service.default_fridge()
            if s is not None or self.sampler.value() is None:
                self.sampler.set_value(s.id if s else None)
            if self.sampler.value() is None and self.sampler.count() == 2:
                self.sampler.setCurrentIndex(1)  # the only canteen cook
            if f is not None or self.fridge.value() is None:
                self.fridge.set_value(f.id if f else None)
            self.dish_model.setStringList(service.suggest_dishes())
        finally:
            self._loading = False
        hints = []
        if self.sampler.count() <= 1:
            hints.append(service.no_sampler_text())
        if self.fridge.count() <= 1:
            hints.append(service.no_fridge_text())
        self.setup_hint.setText("\n".join(hints))
        self.setup_hint.setVisible(bool(hints))

    def _save_defaults(self) -> None:
        if getattr(self, "_loading", False):
            return
        try:
            w = self.weight.value()
            service.set_defaults(sampler=self.sampler.value(), weight_g=w if w >= max(1,
                                                                                      service.min_weight()) else None,
                                 fridge=self.fridge.value())
        except UserError as exc:
            show_error(self, exc)

    def update_sampler_state(self) -> None:
        """Say when the sampler chosen has no valid health certificate that day or was sent home (red:
        a sample then needs a written reason), or when the certificate expires soon (amber)."""
        from . import hygiene

        pid = self.sampler.value()
        problem = hygiene.fitness_problem(pid, self.day) if pid else None
        warning = None if problem or not pid else hygiene.certificate_warning(pid, self.day)
        if problem:
            self.sampler_state.setText(problem + " " + tr("A sample taken by them needs a written reason."))
            self.sampler_state.setStyleSheet(f"color: {RED}; font-weight: bold; padding: 2px 6px;")
        elif warning:
            self.sampler_state.setText(warning)
            self.sampler_state.setStyleSheet(f"color: {AMBER}; padding: 2px 6px;")
        self.sampler_state.setVisible(bool(problem or warning))

    def sampler_reason(self) -> str | None:
        """"" when the sampler may take samples; the reason written when they may not; None: cancelled."""
        from . import hygiene

        problem = hygiene.fitness_problem(self.sampler.value(), self.day)
        if not problem:
            return ""
        reason = ask_text(self, tr("Sampler not fit"), problem + "\n" + tr("Why do they take the samples anyway?"))
        return (reason or "").strip() or None

    def default_meal(self) -> None:
        """The meal being served now on today's page (unless the clerk chose one for this day)."""
        if not self._meal_chosen:
            self.meal_box.set_value(service.current_meal() if self.day == clock.today()
                                    else (service.served_meals() or list(service.MEALS))[0])

    # --- the day ---
    def set_day(self, day: _dt.date) -> None:
        if day == self.day and self.date_box.value() == day:
            return
        self.day = day
        self.date_box.blockSignals(True)
        self.date_box.set_date(day)
        self.date_box.blockSignals(False)
        self._meal_chosen = False
        self.default_meal()
        self.reload()

    def reload(self, keep_id: int | None = None) -> None:
        day = self.day
        self.update_sampler_state()
        self._show_week(day)
        self.rows = service.day_lines(day)
        self.grid.setRowCount(len(self.rows))
        now = clock.now()
        min_w = service.min_weight()
        select_row = 0
        if keep_id is None and day == now.date():
            # today: the first dish of the meal served now still without a sample (Space takes it)
            meal = service.current_meal(now)
            mine = [i for i, ln in enumerate(self.rows) if ln["meal"] == meal]
            open_ = [i for i in mine if self.rows[i]["taken_at"] is None and self.rows[i]["weight_g"] is None]
            select_row = (open_ or mine or [0])[0]
        for r, line in enumerate(self.rows):
            if line["id"] == keep_id:
                select_row = r
            for c, it in enumerate(self._line_cells(line, day, now, min_w)):
                self.grid.setItem(r, c, it)
        self.grid.resizeColumnsToContents()
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label.setVisible(not self.rows)
        if self.rows:
            self.grid.selectRow(select_row)

    def _show_week(self, day: _dt.date) -> None:
        """The day's weekday (and closure), the week's buttons with their samples taken / dishes."""
        closed = service.closure(day)
        text = f"{_weekday(day)}"
        if closed:
            text += "  " + tr("Canteen closed: {reason}").format(reason=closed.reason)
        self.day_label.setText(text)
        monday = service.week_start(day)
        stats = service.days_with_menu(monday, monday + _dt.timedelta(days=6))
        for i, b in enumerate(self.week_buttons):
            d = monday + _dt.timedelta(days=i)
            n, s = stats.get(d, (0, 0))
            b.setText(f"{_weekday(d)} {d.month}/{d.day}\n{s}/{n}" if n else f"{_weekday(d)} {d.month}/{d.day}\n—")
            b.setChecked(d == day)

    @staticmethod
    def _line_cells(line: dict, day: _dt.date, now: _dt.datetime, min_w: int) -> list[QTableWidgetItem]:
        """One dish's cells, its state in the last one."""
        sampled = line["taken_at"] is not None or line["weight_g"] is not None
        if line["disposed_at"] is not None:
            status, color = tr("Disposed {at}").format(at=service.fmt_moment(line["disposed_at"])), GREY
        elif sampled and line["keep_until"] is not None and line["keep_until"] <= now:
            status, color = tr("Due for disposal"), AMBER
        elif sampled and line["weight_g"] is not None and line["weight_g"] < min_w:
            status, color = tr("Under {min} g").format(min=min_w), RED
        elif sampled and line["weight_g"] is None:
            status, color = tr("Weight missing"), RED
        elif sampled:
            status, color = tr("Kept"), GREEN
        else:
            status, color = tr("No sample yet"), RED if day < now.date() else GREY
        weight = line["weight_g"]
        under = weight is not None and weight < min_w
        weight_item = _item("" if weight is None else (f"⚠ {weight}" if under else str(weight)),
                            color=RED if under else None, align=Qt.AlignmentFlag.AlignRight)
        if under:
            font = weight_item.font()
            font.setBold(True)
            weight_item.setFont(font)
            weight_item.setToolTip(tr("Under the minimum of {min} g.").format(min=min_w))
        cells = [
            _item(service.meal_label(line["meal"]), line["id"]),
            _item(line["dish_name"]),
            _item(line["number"]),
            weight_item,
            _item(line["taken_at"].strftime("%H:%M") if line["taken_at"] else ""),
            _item(line["taken_by_name"] or ("" if not sampled else tr("(missing)")),
                  color=RED if sampled and not line["taken_by_name"] else None),
            _item(line["fridge_name"] or ""),
            _item(line["container_no"] or ""),
            _item(service.fmt_moment(line["keep_until"])),
            _item(status, color=color),
        ]
        return cells

    def selected_lines(self) -> list[dict]:
        rows = sorted({i.row() for i in self.grid.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def _selected_meal(self) -> str | None:
        sel = self.selected_lines()
        return sel[0]["meal"] if sel else self.meal_box.value()

    def _after_write(self, keep_id: int | None = None) -> None:
        self.reload(keep_id)
        self.changed.emit()

    # --- actions ---
    def add_dish(self) -> None:
        name = self.dish_edit.text().strip()
        try:
            line = service.add_dish(self.day, self.meal_box.value(), name)
        except UserError as exc:
            show_error(self, exc)
            return
        self.dish_edit.clear()
        self.dish_model.setStringList(service.suggest_dishes())
        self._after_write(line.id)
        self.dish_edit.setFocus()

    def take_selected(self) -> None:
        lines = [ln for ln in self.selected_lines() if ln["taken_at"] is None and ln["weight_g"] is None]
        if not lines:
            sel = self.selected_lines()
            if sel:
                self.edit_selected()
            return
        missing = (service.no_sampler_text() if self.sampler.value() is None
                   else service.no_fridge_text() if self.fridge.value() is None else None)
        if missing:
            show_error(self, UserError(missing))
            return
        reason = self.sampler_reason()
        if reason is None:
            return  # no reason written: the sampler without a valid certificate is refused
        last = None
        try:
            for ln in lines:
                weight = self.weight.value() or self.ask_weight(ln)
                if not weight:
                    break  # cancelled: no sample recorded without its weight
                last = service.quick_take(service.get_sample(ln["id"]), taken_by=self.sampler.value(),
                                          weight_g=weight, fridge=self.fridge.value(), reason=reason or None)
                if last.weight_g is not None and last.weight_g >= service.min_weight() \
                        and last.weight_g != service.default_weight():
                    service.set_defaults(weight_g=last.weight_g)  # proposed next time
        except UserError as exc:
            show_error(self, exc)
        if last is None:
            return
        # move to the next dish still without a sample: three key presses for three dishes
        self.reload(last.id)
        index = next((i for i, r in enumerate(self.rows) if r["id"] == last.id), 0)
        for j in range(index + 1, len(self.rows)):
            if self.rows[j]["taken_at"] is None and self.rows[j]["weight_g"] is None:
                self.grid.selectRow(j)
                break
        self.changed.emit()

    def ask_weight(self, line: dict) -> int | None:
        """The weight of one sample, typed or confirmed by the person who weighed it."""
        dlg = WeightDialog(line, service.default_weight(), self)
        return dlg.value() if dlg.exec() == QDialog.DialogCode.Accepted else None

    def edit_selected(self) -> None:
        sel = self.selected_lines()
        if not sel:
            return
        dlg = SampleDialog(sel[0], self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self._after_write(sel[0]["id"])

    def clear_selected(self) -> None:
        sel = [ln for ln in self.selected_lines() if ln["taken_at"] is not None or ln["weight_g"] is not None]
        if not sel:
            return
        try:
            for ln in sel:
                service.clear_sample(service.get_sample(ln["id"]))
        except UserError as exc:
            show_error(self, exc)
        self._after_write(sel[0]["id"])

    def remove_selected(self) -> None:
        sel = self.selected_lines()
        if not sel:
            return
        reason = None
        if any(ln["taken_at"] is not None or ln["weight_g"] is not None for ln in sel):
            reason = ask_text(self, tr("Void sample record"), tr("Reason for voiding the recorded sample:"))
            if not reason:
                return
        elif not confirm(self, tr("Take {n} dish(es) off the menu?").format(n=len(sel))):
            return
        try:
            for ln in sel:
                service.remove_dish(service.get_sample(ln["id"]), reason)
        except UserError as exc:
            show_error(self, exc)
        self._after_write()

    def move_selected(self, step: int) -> None:
        sel = self.selected_lines()
        if sel:
            service.move_dish(service.get_sample(sel[0]["id"]), step)
            self.reload(sel[0]["id"])

    def copy_from(self, days_back: int) -> None:
        self._copy(self.day + _dt.timedelta(days=days_back))

    def copy_from_other(self) -> None:
        text = ask_text(self, tr("Copy menu"), tr("Copy the dishes of which day (YYYY-MM-DD)?"),
                        (self.day - _dt.timedelta(days=7)).isoformat())
        if not text:
            return
        try:
            source = _dt.date.fromisoformat(text)
        except ValueError:
            show_error(self, UserError(tr("“{text}” is not a date; write it as 2026-11-23.").format(text=text)))
            return
        self._copy(source)

    def _copy(self, source: _dt.date) -> None:
        try:
            n = service.copy_menu(source, self.day)
        except UserError as exc:
            show_error(self, exc)
            return
        if n == 0:
            show_info(self, tr("Nothing to copy: {day} has no other dishes.").format(day=source.isoformat()))
        self._after_write()

    def copy_last_week(self) -> None:
        monday = service.week_start(self.day)
        try:
            n = service.copy_week(monday - _dt.timedelta(days=7), monday)
        except UserError as exc:
            show_error(self, exc)
            return
        show_info(self, tr("{n} dishes copied from last week.").format(n=n))
        self._after_write()

    def print_labels(self, meal: str | None) -> None:
        from . import forms

        rows = service.day_lines(self.day, meal)
        if not rows:
            show_error(self, UserError(tr("No dishes to print labels for.")))
            return
        name = f"sample-labels-{self.day.isoformat()}{'-' + meal if meal else ''}.pdf"
        run_in_worker(self, tr("Printing labels…"),
                      lambda progress, cancelled: forms.sample_labels(rows, progress=progress, cancel=cancelled),
                      lambda pdf: _preview(self, pdf, tr("Sample labels"), name))

    def print_day_log(self) -> None:
        from . import forms

        rows = service.day_lines(self.day)
        day = self.day
        hours, min_w = service.retention_hours(), service.min_weight()
        run_in_worker(self, tr("Printing…"),
                      lambda progress, cancelled: forms.sample_log(rows, day, day, retention_hours=hours,
                                                                   min_weight=min_w, progress=progress,
                                                                   cancel=cancelled),
                      lambda pdf: _preview(self, pdf, tr("Food sample log"), f"sample-log-{day.isoformat()}.pdf"))


# --- disposal ---------------------------------------------------------------------------

class DisposalPage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        lay = QVBoxLayout(self)
        self.info = QLabel()
        lay.addWidget(self.info)
        self.table = _table([tr("Dispose"), tr("Record No."), tr("Date"), tr("Meal"), tr("Dish"), tr("Time taken"),
                             tr("Keep until"), tr("Fridge"), tr("State")])
        lay.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.by, self.at, self.note = _by_at_note(form, tr("Disposed by"), tr("Notes (optional)"))
        self.all_due_btn = QPushButton(tr("Tick all due"))
        self.dispose_btn = QPushButton(tr("Dispose of ticked samples"))
        form.addWidget(self.all_due_btn)
        form.addWidget(self.dispose_btn)
        lay.addLayout(form)
        self.all_due_btn.clicked.connect(self.tick_due)
        self.dispose_btn.clicked.connect(self.dispose)
        self.reload()

    def reload(self) -> None:
        now = clock.now()
        self.by.set_items(_staff_items())
        self.at.setDateTime(QDateTime(now))
        self.rows = list(service.stored_samples())
        due = sum(1 for r in self.rows if r.keep_until is not None and r.keep_until <= now)
        self.info.setText(tr("{n} samples in the fridges, {due} of them past their retention time.").format(
            n=len(self.rows), due=due))
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            is_due = r.keep_until is not None and r.keep_until <= now
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if is_due else Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, r.id)
            self.table.setItem(i, 0, check)
            if is_due:
                state, color = tr("Due"), AMBER
            elif r.keep_until is None:
                state, color = tr("No sampling time"), RED
            else:
                state, color = tr("Keep {left} more").format(left=service.fmt_duration(r.keep_until - now)), GREY
            texts = [r.number, r.day.isoformat(), service.meal_label(r.meal), r.dish_name,
                     r.taken_at.strftime("%H:%M") if r.taken_at else "",
                     service.fmt_moment(r.keep_until), r.fridge.name if r.fridge_id else "", state]
            for c, text in enumerate(texts, 1):
                self.table.setItem(i, c, _item(text, color=color if c == 8 else None))
        self.table.resizeColumnsToContents()

    def tick_due(self) -> None:
        now = clock.now()
        for i, r in enumerate(self.rows):
            due = r.keep_until is not None and r.keep_until <= now
            self.table.item(i, 0).setCheckState(Qt.CheckState.Checked if due else Qt.CheckState.Unchecked)

    def ticked(self) -> list:
        return [r for i, r in enumerate(self.rows) if self.table.item(i, 0).checkState() == Qt.CheckState.Checked]

    def disposal_text(self, chosen: list) -> str:
        """What the confirmation lists: each ticked sample (the first 12), who and when."""
        lines = [tr("Dispose of these {n} samples?").format(n=len(chosen))]
        for r in chosen[:12]:
            lines.append(tr("• {number}  {day} {meal}  {dish} (kept until {until})").format(
                number=r.number, day=f"{r.day.month}/{r.day.day}", meal=service.meal_label(r.meal), dish=r.dish_name,
                until=service.fmt_moment(r.keep_until) or "—"))
        if len(chosen) > 12:
            lines.append(tr("… and {n} more.").format(n=len(chosen) - 12))
        at = self.at.dateTime().toPython()
        lines.append("")
        lines.append(tr("Disposed of by {name} at {at}.").format(
            name=self.by.currentText() if self.by.value() is not None else tr("(not chosen)"),
            at=at.strftime("%Y-%m-%d %H:%M")))
        return "\n".join(lines)

    def dispose(self) -> None:
        chosen = self.ticked()
        if chosen and self.by.value() is not None and not confirm(self, self.disposal_text(chosen),
                                                                   tr("Dispose of samples")):
            return
        try:
            n = service.dispose(chosen, disposed_by=self.by.value(), at=self.at.dateTime().toPython(),
                                note=self.note.text())
        except UserError as exc:
            show_error(self, exc)
            return
        self.note.clear()
        self.reload()
        show_info(self, tr("{n} samples disposed of.").format(n=n))
        self.changed.emit()


# --- fridges and temperatures ----------------------------------------------------------

class FridgeDialog(QDialog):
    def __init__(self, fridge: service.CanteenFridge | None = None, parent=None):
        super().__init__(parent)
        self.fridge = fridge
        self.setWindowTitle(tr("Sample fridge"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.name = QLineEdit(fridge.name if fridge else "")
        self.location = QLineEdit(fridge.location or "" if fridge else "")
        lo, hi = service.fridge_range(fridge)
        self.min_temp = QLineEdit("" if fridge is None or fridge.min_temp is None else str(fridge.min_temp))
        self.min_temp.setPlaceholderText(tr("default {t} °C").format(t=service.fmt_temp(lo)))
        self.max_temp = QLineEdit("" if fridge is None or fridge.max_temp is None else str(fridge.max_temp))
        self.max_temp.setPlaceholderText(tr("default {t} °C").format(t=service.fmt_temp(hi)))
        from PySide6.QtWidgets import QCheckBox

        self.active = QCheckBox(tr("In use"))
        self.active.setChecked(fridge.active if fridge else True)
        _rows_and_buttons(self, form, (("name", tr("Name"), self.name), ("location", tr("Location"), self.location),
                                       ("min_temp", tr("Lowest allowed (°C)"), self.min_temp),
                                       ("max_temp", tr("Highest allowed (°C)"), self.max_temp),
                                       ("active", "", self.active)))
        if fridge is not None:  # a save over someone else's change is refused; the form then shows it as it is
            watch(self, "canteen_fridge", fridge.id, self._reload)
            self._reload()

    def _reload(self) -> None:
        self.fridge = f = service.get_fridge(self.fridge.id)
        self.name.setText(f.name)
        self.location.setText(f.location or "")
        self.min_temp.setText("" if f.min_temp is None else str(f.min_temp))
        self.max_temp.setText("" if f.max_temp is None else str(f.max_temp))
        self.active.setChecked(f.active)

    def save(self) -> None:
        if attempt(self, self.errors, lambda: service.save_fridge(
                {"name": self.name.text(), "location": self.location.text(), "min_temp": self.min_temp.text(),
                 "max_temp": self.max_temp.text(), "active": self.active.isChecked()}, self.fridge)):
            self.accept()
        else:
            _refit(self)


def _place_items() -> list[tuple[str, int]]:
    from ...core import masterdata

    out = []
    for b in masterdata.buildings():
        out.append((b.name, b.id))
        out += [("    " + r.full_name, r.id) for r in masterdata.rooms(b)]
    return out


def _guess_place(fridge: service.CanteenFridge, items: list[tuple[str, int]]) -> int | None:
    """The place of the fridge for a repair ticket: the one its location names best, else the canteen."""
    words = [w for w in (fridge.location or "").replace("，", " ").split() if w]
    best, score = None, 0
    for label, pid in items:
        name = label.strip()
        n = sum(len(w) for w in words if w in name) + (1 if "食堂" in name else 0)
        if n > score:
            best, score = pid, n
    return best


class OutOfRangeDialog(RecordDialog):
    """A reading outside the allowed range: what was done, when it is read again, and a repair
    ticket for the fridge if the repair log is part of this version."""

    def __init__(self, fridge: service.CanteenFridge, temperature: float, read_at: _dt.datetime, read_by=None,
                 note: str = "", parent=None):
        super().__init__(parent, tr("Temperature out of range"))
        self.fridge, self.temperature, self.read_at = fridge, temperature, read_at
        self.read_by, self.note = read_by, note
        self.reading = None
        lo, hi = service.fridge_range(fridge)
        head = QLabel(tr("“{fridge}” reads {temp} °C at {time}: outside the allowed {lo}–{hi} °C. Record what was "
                         "done and when the fridge will be read again.").format(
            fridge=fridge.name, temp=service.fmt_temp(temperature), time=read_at.strftime("%H:%M"),
            lo=service.fmt_temp(lo), hi=service.fmt_temp(hi)))
        head.setWordWrap(True)
        head.setStyleSheet(f"color: {RED}; font-weight: bold;")
        self.form.addRow(head)
        self.action = self.add_row(tr("Action taken"), QLineEdit(), "action")
        self.action.setPlaceholderText(tr("e.g. door closed properly; samples moved to another fridge"))
        self.recheck = self.add_row(tr("Read again at"), DateTimeBox(), "recheck_at")
        self.recheck.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.recheck.setDateTime(QDateTime(read_at + _dt.timedelta(minutes=30)))
        self.repair = QCheckBox(tr("Open a repair ticket for this fridge"))
        self.place = ChoiceBox(_place_items(), empty_label=tr("(choose)"))
        self.place.set_value(_guess_place(fridge, _place_items()))
        self.place.setEnabled(False)
        self.repair.toggled.connect(self.place.setEnabled)
        if service.repairs_available():
            self.add_row("", self.repair)
            self.add_row(tr("Place"), self.place, "repair")
        else:
            self.repair.hide()
            self.place.hide()
        self.setMinimumWidth(560)
        self.finish(tr("Record reading"))

    def try_accept(self) -> None:
        super().try_accept()
        if not self.result():
            _refit(self)  # the messages under the fields, whole

    def save(self):
        repair = {"place": self.place.value()} if self.repair.isChecked() else None
        self.reading = service.record_reading(
            self.fridge, self.temperature, read_at=self.read_at, read_by=self.read_by, note=self.note,
            action=self.action.text(), recheck_at=self.recheck.dateTime().toPython(), repair=repair)
        return self.reading


class FridgePage(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Sample fridges")))
        self.add_fridge_btn = QPushButton(tr("Add fridge…"))
        self.edit_fridge_btn = QPushButton(tr("Edit fridge…"))
        top.addStretch(1)
        top.addWidget(self.add_fridge_btn)
        top.addWidget(self.edit_fridge_btn)
        lay.addLayout(top)
        self.fridges = _table([tr("Name"), tr("Location"), tr("Allowed range (°C)"), tr("State")])
        self.fridges.setMaximumHeight(130)
        lay.addWidget(self.fridges)

        entry = QHBoxLayout()
        entry.addWidget(QLabel(tr("Reading:")))
        self.fridge_box = ChoiceBox(_fridge_items())
        entry.addWidget(self.fridge_box)
        self.temp = QDoubleSpinBox()
        self.temp.setRange(-40, 40)
        self.temp.setDecimals(1)
        self.temp.setSingleStep(0.5)
        self.temp.setSuffix(" °C")
        self.temp.setValue(4.0)
        entry.addWidget(self.temp)
        self.by, self.at, self.note = _by_at_note(entry, tr("by"), tr("Notes (e.g. door left open, re-checked)"))
        self.record_btn = QPushButton(tr("Record reading"))
        entry.addWidget(self.record_btn)
        lay.addLayout(entry)

        day_row = QHBoxLayout()
        day_row.addWidget(QLabel(tr("Readings of")))
        self.day_box = DateBox(value=clock.today())
        day_row.addWidget(self.day_box)
        self.summary = QLabel()
        day_row.addWidget(self.summary, 1)
        self.void_btn = QPushButton(tr("Void reading…"))
        day_row.addWidget(self.void_btn)
        lay.addLayout(day_row)
        self.table = _table([tr("Time"), tr("Fridge"), tr("Temperature (°C)"), tr("Allowed range (°C)"),
                             tr("Within range?"),
                             tr("Recorded by"), tr("Notes")])
        lay.addWidget(self.table, 1)
        self.rows: list[dict] = []

        self.add_fridge_btn.clicked.connect(lambda: self.edit_fridge(None))
        self.edit_fridge_btn.clicked.connect(self.edit_selected_fridge)
        self.fridges.doubleClicked.connect(lambda _i: self.edit_selected_fridge())
        self.record_btn.clicked.connect(self.record)
        self.day_box.dateChanged.connect(lambda _d: self.reload_readings())
        self.void_btn.clicked.connect(self.void_selected)
        self.reload()

    def reload(self) -> None:
        fridges = list(service.all_fridges())
        self.fridges.setRowCount(len(fridges))
        for i, f in enumerate(fridges):
            lo, hi = service.fridge_range(f)
            self.fridges.setItem(i, 0, _item(f.name, f.id))
            self.fridges.setItem(i, 1, _item(f.location or ""))
            self.fridges.setItem(i, 2, _item(f"{service.fmt_temp(lo)} – {service.fmt_temp(hi)}"))
            self.fridges.setItem(i, 3, _item(tr("In use") if f.active else tr("Not in use")))
        self.fridges.resizeColumnsToContents()
        self.fridge_box.set_items(_fridge_items())
        self.by.set_items(_staff_items())
        if self.by.value() is None:
            s = service.default_sampler()
            self.by.set_value(s.id if s else None)
        self.at.setDateTime(QDateTime(clock.now()))
        self.reload_readings()

    def reload_readings(self) -> None:
        day = self.day_box.value()
        self.rows = service.readings(day, day)
        self.table.setRowCount(len(self.rows))
        bad = 0
        for i, r in enumerate(self.rows):
            color = RED if r["out_of_range"] else None
            bad += bool(r["out_of_range"])
            cells = [r["read_at"].strftime("%H:%M"), r["fridge_name"], service.fmt_temp(r["temperature"]),
                     f"{service.fmt_temp(r['min_temp'])} – {service.fmt_temp(r['max_temp'])}",
                     tr("Out of range") if r["out_of_range"] else tr("Normal"), r["read_by_name"] or "",
                     service.reading_note(r)]
            for c, text in enumerate(cells):
                self.table.setItem(i, c, _item(text, r["id"] if c == 0 else None, color))
        self.table.resizeColumnsToContents()
        self.summary.setText(tr("{n} readings, {bad} out of range; {need} a day required for each fridge holding "
                                "samples.").format(n=len(self.rows), bad=bad, need=service.readings_per_day()))

    def edit_fridge(self, fridge) -> None:
        if FridgeDialog(fridge, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()

    def edit_selected_fridge(self) -> None:
        row = self.fridges.currentRow()
        if row < 0:
            return
        fid = self.fridges.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self.edit_fridge(service.get_fridge(fid))

    def record(self) -> None:
        fid, temp = self.fridge_box.value(), self.temp.value()
        read_at = self.at.dateTime().toPython().replace(second=0, microsecond=0)
        if fid is not None and service.is_out_of_range(fid, temp):
            dlg = OutOfRangeDialog(service.get_fridge(fid), temp, read_at, self.by.value(), self.note.text(), self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return
            if dlg.reading.repair_ticket:
                show_info(self, tr("Repair ticket {number} opened for “{fridge}”.").format(
                    number=dlg.reading.repair_ticket, fridge=dlg.fridge.name))
        else:
            try:
                service.record_reading(fid, temp, read_at=read_at, read_by=self.by.value(), note=self.note.text())
            except UserError as exc:
                show_error(self, exc)
                return
        self.note.clear()
        self.day_box.set_date(self.at.dateTime().toPython().date())
        self.reload_readings()
        self.changed.emit()

    def void_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            return
        reason = ask_text(self, tr("Void reading"), tr("Reason for voiding this reading:"))
        if not reason:
            return
        try:
            service.void_reading(service.get_reading(self.rows[row]["id"]), reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self.reload_readings()
        self.changed.emit()


# --- check and print --------------------------------------------------------------------

class CheckPage(QWidget):
    """The compliance check over any period, and the printed log/report/export of it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.breaches: list[service.Breach] = []
        lay = QVBoxLayout(self)
        period = QHBoxLayout()
        period.addWidget(QLabel(tr("From")))
        today = clock.today()
        self.start = DateBox(value=today.replace(day=1))
        period.addWidget(self.start)
        period.addWidget(QLabel(tr("to")))
        self.end = DateBox(value=today)
        period.addWidget(self.end)
        for label, fn in ((tr("Today"), self._today), (tr("This week"), self._week), (tr("This month"), self._month),
                          (tr("This term"), self._term)):
            b = QPushButton(label)
            b.clicked.connect(fn)
            period.addWidget(b)
        period.addStretch(1)
        self.check_btn = QPushButton(tr("Check"))
        period.addWidget(self.check_btn)
        lay.addLayout(period)
        self.result = QLabel(tr("Choose a period and press Check."))
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        self.table = _table([tr("Date"), tr("Item"), tr("Level"), tr("Meal"), tr("Record No."), tr("Description")])
        lay.addWidget(self.table, 1)
        out = QHBoxLayout()
        out.addStretch(1)
        self.log_btn = QPushButton(tr("Print sample log"))
        self.fridge_btn = QPushButton(tr("Print temperature log"))
        self.report_btn = QPushButton(tr("Print compliance report"))
        self.export_btn = QPushButton(tr("Export to Excel…"))
        # issue 18: the hygiene logs on paper, every ledger to Excel
        self.hygiene_btn = QPushButton(tr("Print hygiene logs"))
        hygiene_menu = QMenu(self.hygiene_btn)
        hygiene_menu.addAction(tr("Tableware disinfection log"), lambda: self.print_hygiene("disinfection"))
        hygiene_menu.addAction(tr("Canteen staff morning check log"), lambda: self.print_hygiene("morning"))
        hygiene_menu.addAction(tr("Accompanied meal log"), lambda: self.print_hygiene("accompany"))
        self.hygiene_btn.setMenu(hygiene_menu)
        self.export_all_btn = QPushButton(tr("Export all ledgers…"))
        for b in (self.log_btn, self.fridge_btn, self.hygiene_btn, self.report_btn, self.export_btn,
                  self.export_all_btn):
            out.addWidget(b)
        lay.addLayout(out)
        self.check_btn.clicked.connect(self.run_check)
        self.log_btn.clicked.connect(self.print_log)
        self.fridge_btn.clicked.connect(self.print_fridge_log)
        self.report_btn.clicked.connect(self.print_report)
        self.export_btn.clicked.connect(self.export)
        self.export_all_btn.clicked.connect(lambda: self.export_all())

    def _set(self, a: _dt.date, b: _dt.date) -> None:
        self.start.set_date(a)
        self.end.set_date(b)

    def _today(self):
        t = clock.today()
        self._set(t, t)

    def _week(self):
        t = clock.today()
        self._set(service.week_start(t), t)

    def _month(self):
        t = clock.today()
        self._set(t.replace(day=1), t)

    def _term(self):
        from ...core import masterdata

        t = clock.today()
        term = masterdata.current_term(t)
        self._set(term.start_date if term else t.replace(month=1, day=1), min(t, term.end_date) if term else t)

    def period(self) -> tuple[_dt.date, _dt.date] | None:
        a, b = self.start.value(), self.end.value()
        if b < a:
            show_error(self, UserError(tr("The end date is before the start date.")))
            return None
        return a, b

    def run_check(self) -> None:
        p = self.period()
        if p is None:
            return
        try:
            report = run_with_progress(self, tr("Checking…"),
                                       lambda progress, cancelled: service.period_report(
                                           p[0], p[1], progress=progress, cancel=cancelled))
        except UserError as exc:
            show_error(self, exc)
            return
        self.show_report(report)

    def show_report(self, report: dict) -> None:
        self.breaches = [b for b in report["breaches"] if b.severity != "pending"]
        self.table.setRowCount(len(self.breaches))
        for i, b in enumerate(self.breaches):
            color = AMBER if b.severity == "reminder" else RED
            for c, text in enumerate([b.day.isoformat(), b.kind_label, b.severity_label, b.meal_label, b.number or "",
                                      b.message]):
                self.table.setItem(i, c, _item(text, color=color if c in (1, 2) else None))
        self.table.resizeColumnsToContents()
        counts = join_clauses(f"{tr(service.BREACH_KINDS[k])} {v}" for k, v in report["summary"].items())
        if self.breaches:
            self.result.setText(tr("{days} days checked, {dishes} dishes, {sampled} samples: {n} findings ({counts}).")
                                .format(days=report["days_checked"], dishes=report["dishes"],
                                        sampled=report["sampled"], n=len(self.breaches), counts=counts))
            self.result.setStyleSheet(f"color: {RED}; font-weight: bold;")
        else:
            self.result.setText(tr("{days} days checked, {dishes} dishes, {sampled} samples: no breaches.").format(
                days=report["days_checked"], dishes=report["dishes"], sampled=report["sampled"]))
            self.result.setStyleSheet(f"color: {GREEN}; font-weight: bold;")
        led = report.get("ledgers")
        if led:  # issue 18: the other ledgers' figures
            text = tr("Disinfections {d}, days with morning checks {m}, accompanied meals {a}.").format(
                d=led["disinfections"], m=led["morning_check_days"], a=led["accompanied"])
            if led.get("deliveries") is not None:
                text += " " + tr("Deliveries checked in: {n}.").format(n=led["deliveries"])
            self.result.setText(self.result.text() + "\n" + text)

    def print_log(self) -> None:
        from . import forms

        p = self.period()
        if p is None:
            return
        rows = service.log_lines(*p)
        hours, min_w = service.retention_hours(), service.min_weight()
        run_in_worker(self, tr("Printing…"),
                      lambda progress, cancelled: forms.sample_log(rows, p[0], p[1], retention_hours=hours,
                                                                   min_weight=min_w, progress=progress,
                                                                   cancel=cancelled),
                      lambda pdf: _preview(self, pdf, tr("Food sample log"), f"sample-log-{p[0]}-{p[1]}.pdf"))

    def print_fridge_log(self) -> None:
        from . import forms

        p = self.period()
        if p is None:
            return
        rows = service.readings(*p)
        need = service.readings_per_day()
        fridges = service.fridge_summary(*p)
        run_in_worker(self, tr("Printing…"),
                      lambda progress, cancelled: forms.fridge_log(rows, p[0], p[1], per_day=need, fridges=fridges,
                                                                   progress=progress, cancel=cancelled),
                      lambda pdf: _preview(self, pdf, tr("Sample fridge temperature log"),
                                           f"fridge-log-{p[0]}-{p[1]}.pdf"))

    def print_report(self) -> None:
        from . import forms

        p = self.period()
        if p is None:
            return
        report = service.period_report(*p)
        self.show_report(report)
        run_in_worker(self, tr("Printing…"),
                      lambda progress, cancelled: forms.compliance_report(
                          report["breaches"], p[0], p[1], summary=report["summary"], kinds=service.BREACH_KINDS,
                          days_checked=report["days_checked"], dishes=report["dishes"], sampled=report["sampled"],
                          fridges=report["fridges"], ledgers=report.get("ledgers"), progress=progress,
                          cancel=cancelled),
                      lambda pdf: _preview(self, pdf, tr("Canteen compliance report"),
                                           f"sample-compliance-{p[0]}-{p[1]}.pdf"))

    HYGIENE_LOGS = {"disinfection": ("disinfections", "disinfection_log", N_("Tableware disinfection log"),
                                     "disinfection-log"),
                    "morning": ("morning_checks", "morning_check_log", N_("Canteen staff morning check log"),
                                "morning-check"),
                    "accompany": ("accompanies", "accompany_log", N_("Accompanied meal log"), "accompany-log")}

    def print_hygiene(self, which: str) -> None:
        """The disinfection, morning check or accompanied meal log of the period (issue 18)."""
        from . import hygiene, hygiene_forms

        p = self.period()
        if p is None:
            return
        rows_fn, form_fn, title, stem = self.HYGIENE_LOGS[which]
        rows = getattr(hygiene, rows_fn)(*p)
        form = getattr(hygiene_forms, form_fn)
        run_in_worker(self, tr("Printing…"),
                      lambda progress, cancelled: form(rows, p[0], p[1], progress=progress, cancel=cancelled),
                      lambda pdf: _preview(self, pdf, tr(title), f"{stem}-{p[0]}-{p[1]}.pdf"))

    def export_all(self, path: str | None = None) -> None:
        """Every canteen ledger of the period to one workbook, a sheet each (``export canteen``)."""
        from PySide6.QtWidgets import QFileDialog

        from . import excel

        p = self.period()
        if p is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export all ledgers…"), f"食堂台账-{p[0]}-{p[1]}.xlsx",
                                                  "Excel (*.xlsx)")
        if not path:
            return
        try:
            counts = run_with_progress(self, tr("Exporting…"), lambda progress, cancelled: excel.export_canteen(
                path, p[0], p[1], progress=progress, cancel=cancelled))
        except UserError as exc:
            show_error(self, exc)
            return
        show_info(self, tr("Canteen ledgers written to {path}: {sheets}.").format(
            path=path, sheets=join_clauses(f"{k} {v}" for k, v in counts.items())))

    def export(self, path: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        from . import excel

        p = self.period()
        if p is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export to Excel…"), f"食品留样-{p[0]}-{p[1]}.xlsx",
                                                  "Excel (*.xlsx)")
        if not path:
            return
        try:
            n = run_with_progress(self, tr("Exporting…"), lambda progress, cancelled: excel.export_samples(
                path, p[0], p[1], progress=progress, cancel=cancelled))
        except UserError as exc:
            show_error(self, exc)
            return
        show_info(self, tr("{n} sample records written to {path}.").format(n=n, path=path))


# --- the tab ----------------------------------------------------------------------------

class CanteenTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        banner = QHBoxLayout()
        self.banner = QLabel()
        self.banner.setObjectName("status_banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        banner.addWidget(self.banner, 1)
        self.details_btn = QPushButton(tr("Details"))
        banner.addWidget(self.details_btn, 0, Qt.AlignmentFlag.AlignTop)
        # shown while the ledgers have not started: the daily check begins today
        self.start_btn = QPushButton(tr("Start checking today"))
        self.start_btn.setVisible(False)
        banner.addWidget(self.start_btn, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(banner)
        self.pages = QTabWidget()
        self.day_page = DayPage()
        self.disposal_page = DisposalPage()
        self.fridge_page = FridgePage()
        self.check_page = CheckPage()
        from .hygiene_view import AccompanyPage, DisinfectionPage, MorningCheckPage

        self.morning_page = MorningCheckPage()
        self.disinfection_page = DisinfectionPage()
        self.accompany_page = AccompanyPage()
        self.pages.addTab(self.day_page, tr("Daily samples"))
        self.pages.addTab(self.morning_page, tr("Morning check"))
        self.pages.addTab(self.disinfection_page, tr("Disinfection"))
        self.pages.addTab(self.disposal_page, tr("Disposal"))
        self.pages.addTab(self.fridge_page, tr("Fridge temperatures"))
        # food-in's pages (issue 18: receiving, food store)
        from .food_store_view import FoodStorePage
        from .receiving_view import ReceivingPage

        self.receiving_page = ReceivingPage()
        self.store_page = FoodStorePage()
        self.pages.addTab(self.receiving_page, tr("Receiving"))
        self.pages.addTab(self.store_page, tr("Food store"))
        self.receiving_page.changed.connect(self._changed)
        self.receiving_page.changed.connect(self.store_page.reload)
        self.store_page.changed.connect(self._changed)

        def food_page_shown(index: int) -> None:
            if self.pages.widget(index) in (self.receiving_page, self.store_page):
                self.pages.widget(index).shown()

        self.pages.currentChanged.connect(food_page_shown)
        self.pages.addTab(self.accompany_page, tr("Accompanied meals"))
        self.pages.addTab(self.check_page, tr("Check and print"))  # the last page
        lay.addWidget(self.pages, 1)
        for page in (self.day_page, self.disposal_page, self.fridge_page, self.morning_page,
                     self.disinfection_page, self.accompany_page):
            page.changed.connect(self._changed)
        self.fridge_page.changed.connect(self.day_page.reload_choices)  # a fridge added is there at once
        self.morning_page.changed.connect(self.day_page.update_sampler_state)  # a worker sent home, a certificate
        self.pages.currentChanged.connect(self._page_shown)
        self.details_btn.clicked.connect(self.show_details)
        self.start_btn.clicked.connect(self.start_checks)
        self.update_status()

    def _changed(self) -> None:
        self.update_status()
        self.data_changed.emit()

    def _page_shown(self, index: int) -> None:
        page = self.pages.widget(index)
        if page is self.disposal_page:
            self.disposal_page.reload()
        elif page is self.fridge_page:
            self.fridge_page.reload()
        elif page in (self.morning_page, self.disinfection_page, self.accompany_page):
            page.reload_choices()
            page.reload()
        elif page is self.day_page:
            self.day_page.reload_choices()
            self.day_page.default_meal()
            self.day_page.reload()

    def update_status(self) -> None:
        status = service.day_status()
        self.status = status
        day = status.day
        head = tr("Today {date} ({weekday}): {sampled} of {dishes} dishes sampled.").format(
            date=day.isoformat(), weekday=_weekday(day), sampled=status.sampled, dishes=status.dishes)
        self.start_btn.setVisible(status.state == "not_started")
        self.details_btn.setVisible(status.state != "not_started")
        if status.state == "not_started":  # nothing is checked yet: how to start, in calm colours
            lines = [status.not_started, tr(
                "To start: record the first sample (Daily samples), morning check or disinfection, or press "
                "“Start checking today”. From then on every service day's meals are checked against the rules.")]
            self.banner.setText("\n".join(lines))
            self.banner.setStyleSheet(f"color: #1f4e79; background: #eef4fa; border: 1px solid {GREY}; padding: 6px;")
            self.title_changed.emit(tr("Canteen"))
            return
        if status.state == "ok":
            lines = [head + " " + tr("All in order.")]
            if status.pending:
                lines.append(tr("Still to do: {items}").format(
                    items=join_clauses(b.message for b in status.pending[:4])))
            color, bg = GREEN, "#e9f7ef"
        else:
            hard = [b for b in status.breaches if b.severity == "breach"]
            due = [b for b in status.breaches if b.severity == "reminder"]
            if hard:
                lines = [head + " " + tr("{n} problems:").format(n=len(hard))]
                lines += [f"• {b.kind_label}: {b.message}" for b in hard[:6]]
                if len(hard) > 6:
                    lines.append(tr("… and {n} more (Details).").format(n=len(hard) - 6))
            else:
                lines = [head]
            # samples waiting for disposal in one line; the other reminders (no delivery, no accompanied
            # meal…) each as they are, never counted as samples
            waiting = [b for b in due if b.kind == "not_disposed"]
            others = [b for b in due if b.kind != "not_disposed"]
            if len(waiting) == 1:
                others.insert(0, waiting[0])
            elif waiting:
                lines.append("• " + tr("{n} samples are past their retention time and wait for disposal "
                                       "(see Disposal).").format(n=len(waiting)))
            lines += [f"• {b.kind_label}: {b.message}" for b in others]
            if status.pending:
                lines.append(tr("Still to do: {items}").format(
                    items=join_clauses(b.message for b in status.pending[:3])))
            color, bg = (RED, "#fdedec") if status.state == "breach" else (AMBER, "#fef5e7")
        if status.picture:  # issue 18: per meal samples / disinfection, the day's other ledgers
            lines[1:1] = service.picture_lines(status.picture, compact=True)
        self.banner.setText("\n".join(lines))
        self.banner.setStyleSheet(f"color: {color}; background: {bg}; border: 1px solid {color}; padding: 6px;")
        bad = sum(1 for b in status.breaches if b.severity == "breach")
        self.title_changed.emit(tr("Canteen") + (f" ({bad})" if bad else ""))

    def start_checks(self) -> None:
        """Start the daily check today (the canteen's start date), after a confirmation."""
        today = clock.today()
        if not confirm(self, tr("Check the canteen's records every service day from today ({date}) on? Meals "
                                "without samples, disinfection or morning checks will then show as breaches.")
                       .format(date=today.isoformat()), tr("Start the canteen ledgers")):
            return
        try:
            service.start_checks(today)
        except UserError as exc:
            show_error(self, exc)
            return
        self._changed()

    def show_details(self) -> None:
        today = clock.today()
        self.check_page._set(today, today)
        self.pages.setCurrentWidget(self.check_page)
        report = service.period_report(today, today)
        report["breaches"] = self.status.breaches + self.status.pending
        self.check_page.show_report(report)

    def refresh(self) -> None:
        self.day_page.reload_choices()
        self._page_shown(self.pages.currentIndex())
        self.update_status()

    def show_today(self, target: dict) -> None:
        """A line of Today: today's samples, the disposal list, the fridge temperatures, a hygiene ledger or
        the food store (expired and expiring food in red)."""
        page = {"disposal": self.disposal_page, "fridge": self.fridge_page, "morning": self.morning_page,
                "disinfection": self.disinfection_page, "accompany": self.accompany_page,
                "store": self.store_page, "receiving": self.receiving_page,
                "check": self.check_page}.get(target.get("page"), self.day_page)
        if page in (self.morning_page, self.disinfection_page, self.accompany_page):
            page.set_day(clock.today())
        if page is self.day_page:
            self.day_page.set_day(clock.today())
        if page in (self.receiving_page, self.store_page) and self.pages.currentWidget() is page:
            page.shown()  # already the page shown: read again (switching pages reloads it)
        self.pages.setCurrentWidget(page)
        self._page_shown(self.pages.currentIndex())

    def key_action(self, kind: str) -> bool:
        """The shared keys (core/ui/keys.py), on the page shown: a new dish (the dish box) or a new fridge
        reading (the temperature box); the day log or the sample log printed; the check exported."""

        def focus(box):
            def go():
                box.setFocus()
                box.selectAll()
            return go

        page = self.pages.currentWidget()
        slots = {
            self.day_page: {"new": focus(self.day_page.dish_edit), "print": self.day_page.log_btn},
            self.fridge_page: {"new": focus(self.fridge_page.temp)},
            self.check_page: {"print": self.check_page.log_btn, "export": self.check_page.export_btn},
            self.morning_page: {"new": self.morning_page.grid.setFocus},
            self.disinfection_page: {"new": self.disinfection_page.meal.setFocus},
            self.accompany_page: {"new": self.accompany_page.leader.setFocus},
        }.get(page, {})
        if kind in ("new", "print", "export"):
            return self.press(slots.get(kind))
        return super().key_action(kind)
