"""The canteen's hygiene pages (issue 18): morning checks (晨检) with the workers' health certificates,
the disinfection of tableware per meal (餐用具消毒), and accompanied meals (陪餐). Keyboard first:
a day's morning check is a grid pre-filled "all fine" (Space toggles the cell, Enter records the day);
a meal's disinfection is proposed as the last one was (Enter records it)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import UserError
from ...core.i18n import N_, join_list, tr
from ...core.ui.dialogs import attempt, watch
from ...core.ui.table import read_only_table
from ...core.ui.widgets import ChoiceBox, DateBox, FieldErrors, ask_text, show_error
from . import hygiene, service
from .view import TimeBox  # the page is built by view.CanteenTab: imported once view is

GREEN, RED, AMBER, GREY = "#1e7e34", "#c0392b", "#b9770e", "#7f8c8d"


def _item(text: str, color: str | None = None, data=None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if color:
        it.setForeground(QColor(color))
    if data is not None:
        it.setData(Qt.ItemDataRole.UserRole, data)
    return it


def _people_items(workers_only: bool = False) -> list[tuple[str, int]]:
    rows = hygiene.canteen_workers() if workers_only else hygiene.people()
    return [(p.name, p.id) for p in rows]


def _meal_items() -> list[tuple[str, str]]:
    return [(tr(label), key) for key, label in service.MEALS.items()]


class _DayNav(QHBoxLayout):
    """◀ [date] ▶ Today."""

    def __init__(self, on_change):
        super().__init__()
        self.prev_btn = QPushButton("◀")
        self.prev_btn.setFixedWidth(32)
        self.prev_btn.setToolTip(tr("Previous day"))
        self.date_box = DateBox(value=clock.today())
        self.next_btn = QPushButton("▶")
        self.next_btn.setFixedWidth(32)
        self.next_btn.setToolTip(tr("Next day"))
        self.today_btn = QPushButton(tr("Today"))
        for w in (self.prev_btn, self.date_box, self.next_btn, self.today_btn):
            self.addWidget(w)
        self.prev_btn.clicked.connect(lambda: self.date_box.set_date(self.date_box.value() - _dt.timedelta(days=1)))
        self.next_btn.clicked.connect(lambda: self.date_box.set_date(self.date_box.value() + _dt.timedelta(days=1)))
        self.today_btn.clicked.connect(lambda: self.date_box.set_date(clock.today()))
        self.date_box.dateChanged.connect(lambda _d: on_change())


# --- health certificates ----------------------------------------------------------------

class CertificateDialog(QDialog):
    """A worker's health certificate: number, issue and expiry date."""

    def __init__(self, person_id: int, name: str, parent=None):
        super().__init__(parent)
        self.person_id = person_id
        self.setWindowTitle(tr("Health certificate of {name}").format(name=name))
        cert = hygiene.certificate(person_id)
        if cert is not None:  # a save over someone else's later change is refused, and the form shows it again
            watch(self, "canteen_health_cert", cert.id, self._reload)
            cert = hygiene.certificate(person_id)
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.number = QLineEdit(cert.number if cert else "")
        self.issued = DateBox(value=cert.issued_on if cert and cert.issued_on else clock.today())
        self.expires = DateBox(value=cert.expires_on if cert else clock.today().replace(
            year=clock.today().year + 1) - _dt.timedelta(days=1))
        for field, label, widget in (("number", tr("Certificate No."), self.number),
                                     ("issued_on", tr("Issued on"), self.issued),
                                     ("expires_on", tr("Valid until"), self.expires)):
            form.addRow(label, widget)
            form.addRow("", self.errors.make_label(field, widget))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def _reload(self) -> None:
        cert = hygiene.certificate(self.person_id)
        if cert is None:
            return
        self.number.setText(cert.number or "")
        if cert.issued_on:
            self.issued.set_date(cert.issued_on)
        if cert.expires_on:
            self.expires.set_date(cert.expires_on)

    def save(self) -> None:
        if attempt(self, self.errors, lambda: hygiene.save_certificate(
                self.person_id, self.number.text(), self.expires.value(), self.issued.value())):
            self.accept()


# --- morning checks ---------------------------------------------------------------------

class CheckGrid(QTableWidget):
    """Space toggles the flag under the cursor (present, a symptom); Enter records the day; F2 the action."""

    toggle_requested = Signal()
    confirm_requested = Signal()
    action_requested = Signal()

    def keyPressEvent(self, event):
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle_requested.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_requested.emit()
            return
        if key == Qt.Key.Key_F2:
            self.action_requested.emit()
            return
        super().keyPressEvent(event)


class MorningCheckPage(QWidget):
    """晨检: one row per canteen worker, proposed "present, all fine"."""

    changed = Signal()

    FLAGS = ["present", *hygiene.SYMPTOMS]
    COLUMNS = [N_("Worker"), N_("Health certificate"), N_("Present"), N_("Fever"), N_("Diarrhoea"),
               N_("Hand wound or infection"), N_("Sore throat"), N_("Result"), N_("Action")]
    FLAG_COL = 2  # the column of "present"; the symptoms follow

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.nav = _DayNav(self.reload)
        top.addLayout(self.nav)
        top.addWidget(QLabel(tr("Checked by")))
        self.checker = ChoiceBox(_people_items(), empty_label=tr("(choose)"))
        top.addWidget(self.checker)
        top.addStretch(1)
        lay.addLayout(top)
        hint = QLabel(tr("Arrows move, Space ticks or clears the cell (present, a symptom), F2 writes the action, "
                         "Enter records the day's check."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {GREY};")
        lay.addWidget(hint)
        self.state = QLabel()
        self.state.setObjectName("check_state")
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        self.grid = CheckGrid(0, len(self.COLUMNS))
        self.grid.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.grid, 1)
        buttons = QHBoxLayout()
        self.cert_btn = QPushButton(tr("Health certificate…"))
        self.all_fine_btn = QPushButton(tr("All fine"))
        self.save_btn = QPushButton(tr("Record the check (Enter)"))
        self.save_btn.setDefault(True)
        buttons.addWidget(self.cert_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.all_fine_btn)
        buttons.addWidget(self.save_btn)
        lay.addLayout(buttons)
        self.grid.toggle_requested.connect(self.toggle_current)
        self.grid.confirm_requested.connect(self.record)
        self.grid.action_requested.connect(self.write_action)
        self.grid.cellDoubleClicked.connect(lambda r, c: self.toggle_current())
        self.cert_btn.clicked.connect(self.edit_certificate)
        self.all_fine_btn.clicked.connect(self.all_fine)
        self.save_btn.clicked.connect(self.record)
        self.reload()

    @property
    def day(self) -> _dt.date:
        return self.nav.date_box.value()

    def set_day(self, day: _dt.date) -> None:
        self.nav.date_box.set_date(day)

    def reload_choices(self) -> None:
        keep = self.checker.value()
        self.checker.set_items(_people_items())
        self.checker.set_value(keep)

    def reload(self) -> None:
        if self.checker.value() is None:  # proposed: who checked last, else the canteen's sampler
            last = hygiene.last_checker()
            self.checker.set_value(last.id if last else None)
        self.rows = hygiene.morning_grid(self.day)
        self.render()
        if self.rows and self.grid.currentRow() < 0:
            self.grid.setCurrentCell(0, self.FLAG_COL)

    def render(self) -> None:
        keep = (self.grid.currentRow(), self.grid.currentColumn())
        self.grid.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            self.grid.setItem(i, 0, _item(r["name"]))
            if r["cert_number"]:
                text = tr("{number}, until {date}").format(number=r["cert_number"], date=r["cert_expires"].isoformat())
            else:
                text = tr("(none on record)")
            color = RED if r["cert_problem"] else AMBER if r["cert_warning"] else None
            cert = _item(text, color)
            cert.setToolTip(r["cert_problem"] or r["cert_warning"] or "")
            self.grid.setItem(i, 1, cert)
            for j, flag in enumerate(self.FLAGS):
                on = bool(r[flag])
                mark = "✓" if on else "—"
                bad = (flag != "present" and on) or (flag == "present" and not on)
                it = _item(mark, RED if bad else GREEN if flag == "present" else GREY)
                it.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(i, self.FLAG_COL + j, it)
            fit = r["present"] and not any(r[k] for k in hygiene.SYMPTOMS)
            result = tr("Absent") if not r["present"] else tr("Fit for work") if fit else tr("Not fit")
            self.grid.setItem(i, self.FLAG_COL + len(self.FLAGS), _item(result, GREEN if fit else RED))
            action = r["action"] or ("" if fit or not r["present"] else tr("Sent home"))
            self.grid.setItem(i, self.FLAG_COL + len(self.FLAGS) + 1, _item(action))
        self.grid.resizeColumnsToContents()
        if 0 <= keep[0] < len(self.rows):
            self.grid.setCurrentCell(*keep)
        done = sum(1 for r in self.rows if r["recorded"])
        if not self.rows:
            self.state.setText(service.no_sampler_text())
            self.state.setStyleSheet(f"color: {AMBER};")
        elif done == len(self.rows):
            self.state.setText(tr("Morning check of {date} recorded for all {n} workers.").format(
                date=self.day.isoformat(), n=len(self.rows)))
            self.state.setStyleSheet(f"color: {GREEN}; font-weight: bold;")
        else:
            self.state.setText(tr("Morning check of {date}: {done} of {n} workers recorded. Check the grid and "
                                  "press Enter.").format(date=self.day.isoformat(), done=done, n=len(self.rows)))
            self.state.setStyleSheet(f"color: {AMBER}; font-weight: bold;")

    def toggle_current(self) -> None:
        row, col = self.grid.currentRow(), self.grid.currentColumn()
        if not 0 <= row < len(self.rows):
            return
        j = col - self.FLAG_COL
        if not 0 <= j < len(self.FLAGS):
            if col == self.FLAG_COL + len(self.FLAGS) + 1:
                self.write_action()
            elif col == 1:
                self.edit_certificate()
            return
        flag = self.FLAGS[j]
        self.rows[row][flag] = not self.rows[row][flag]
        self.render()

    def all_fine(self) -> None:
        for r in self.rows:
            r.update({"present": True, "action": None, **{k: False for k in hygiene.SYMPTOMS}})
        self.render()

    def write_action(self) -> None:
        row = self.grid.currentRow()
        if not 0 <= row < len(self.rows):
            return
        text = ask_text(self, tr("Action"), tr("What was done (sent home, moved off food handling, to the "
                                               "doctor…):"), self.rows[row]["action"] or "")
        if text is not None:
            self.rows[row]["action"] = text.strip() or None
            self.render()

    def edit_certificate(self) -> None:
        row = self.grid.currentRow()
        if not 0 <= row < len(self.rows):
            return
        r = self.rows[row]
        if CertificateDialog(r["person_id"], r["name"], self).exec() == QDialog.DialogCode.Accepted:
            keep = {x["person_id"]: x for x in self.rows}
            self.rows = hygiene.morning_grid(self.day)
            for x in self.rows:  # the ticks not yet recorded stay as they were
                old = keep.get(x["person_id"])
                if old is not None:
                    x.update({k: old[k] for k in ("present", "action", *hygiene.SYMPTOMS)})
            self.render()
            self.changed.emit()

    def record(self) -> None:
        try:
            hygiene.record_morning_checks(self.day, self.rows, checked_by=self.checker.value())
        except UserError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.changed.emit()


# --- disinfection -----------------------------------------------------------------------

class DisinfectionPage(QWidget):
    """餐用具消毒: the meal's disinfection, proposed as the last one (Enter records it), and the day's list."""

    changed = Signal()

    COLUMNS = [N_("Meal"), N_("Items"), N_("Method"), N_("Start"), N_("Minutes"), N_("Disinfected by"), N_("Notes")]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        lay = QVBoxLayout(self)
        self.nav = _DayNav(self.reload)
        self.nav.addStretch(1)
        lay.addLayout(self.nav)
        lay.addLayout(self._build_form())
        buttons = QHBoxLayout()
        self.hint = QLabel(tr("Proposed as the last disinfection; change what differs and press Enter."))
        self.hint.setStyleSheet(f"color: {GREY};")
        buttons.addWidget(self.hint, 1)
        self.record_btn = QPushButton(tr("Record disinfection (Enter)"))
        self.record_btn.setDefault(True)
        self.void_btn = QPushButton(tr("Void…"))
        buttons.addWidget(self.record_btn)
        buttons.addWidget(self.void_btn)
        lay.addLayout(buttons)
        self.state = QLabel()
        self.state.setObjectName("disinfection_state")
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        self.table = read_only_table([tr(c) for c in self.COLUMNS], alternate=True)
        lay.addWidget(self.table, 1)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.record_btn.clicked.connect(self.record)
        self.void_btn.clicked.connect(self.void_selected)
        self.propose()
        self.reload()

    def _build_form(self) -> QGridLayout:
        """Meal, items, method, concentration, start, minutes, by whom, notes."""
        form = QGridLayout()
        form.addWidget(QLabel(tr("Meal")), 0, 0)
        self.meal = ChoiceBox(_meal_items())
        form.addWidget(self.meal, 0, 1)
        form.addWidget(QLabel(tr("Items")), 0, 2)
        items = QHBoxLayout()
        self.item_boxes: dict[str, QCheckBox] = {}
        for key, label in hygiene.DISINFECT_ITEMS.items():
            box = QCheckBox(tr(label))
            self.item_boxes[key] = box
            items.addWidget(box)
        items.addStretch(1)
        form.addLayout(items, 0, 3, 1, 3)
        form.addWidget(QLabel(tr("Method")), 1, 0)
        self.method = ChoiceBox([(tr(label), key) for key, label in hygiene.DISINFECT_METHODS.items()])
        form.addWidget(self.method, 1, 1)
        form.addWidget(QLabel(tr("Concentration")), 1, 2)
        self.concentration = QLineEdit()
        self.concentration.setPlaceholderText(tr("e.g. 250 mg/L chlorine"))
        form.addWidget(self.concentration, 1, 3)
        form.addWidget(QLabel(tr("Start")), 1, 4)
        self.start = TimeBox()
        self.start.setDisplayFormat("HH:mm")
        form.addWidget(self.start, 1, 5)
        form.addWidget(QLabel(tr("Minutes")), 2, 0)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, hygiene.MAX_MINUTES)
        form.addWidget(self.minutes, 2, 1)
        form.addWidget(QLabel(tr("Disinfected by")), 2, 2)
        self.person = ChoiceBox(_people_items(True), empty_label=tr("(choose)"))
        form.addWidget(self.person, 2, 3)
        form.addWidget(QLabel(tr("Notes")), 2, 4)
        self.note = QLineEdit()
        form.addWidget(self.note, 2, 5)
        return form

    @property
    def day(self) -> _dt.date:
        return self.nav.date_box.value()

    def set_day(self, day: _dt.date) -> None:
        self.nav.date_box.set_date(day)

    def keyPressEvent(self, event):
        """Enter in any field of the page (a field that does not use it itself) records the disinfection."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.record()
            return
        super().keyPressEvent(event)

    def _method_changed(self, _i=None) -> None:
        self.concentration.setEnabled(self.method.value() == "chemical")

    def reload_choices(self) -> None:
        keep = self.person.value()
        self.person.set_items(_people_items(True))
        self.person.set_value(keep)

    def propose(self) -> None:
        """The last disinfection's items, method, duration and person; the meal served now; the time now."""
        d = hygiene.disinfection_defaults()
        for key, box in self.item_boxes.items():
            box.setChecked(key in d["items"])
        self.method.set_value(d["method"])
        self.concentration.setText(d["concentration"] or "")
        self.minutes.setValue(int(d["minutes"] or 30))
        if d["person_id"]:
            self.person.set_value(d["person_id"])
        self.meal.set_value(service.current_meal())
        now = clock.now()
        self.start.setTime(QTime(now.hour, now.minute))
        self._method_changed()

    def reload(self) -> None:
        self.rows = hygiene.disinfections(self.day, self.day)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for c, text in enumerate([r["meal_label"], r["items_label"], r["method_label"],
                                      r["started_at"].strftime("%H:%M"), str(r["minutes"]), r["person_name"],
                                      r["note"] or ""]):
                self.table.setItem(i, c, _item(text, data=r["id"] if c == 0 else None))
        self.table.resizeColumnsToContents()
        done = {r["meal"] for r in self.rows}
        served = [m for m in service.served_meals()]
        missing = [service.meal_label(m) for m in served if m not in done]
        if missing:
            self.state.setText(tr("Not yet recorded on {date}: {meals}.").format(
                date=self.day.isoformat(), meals=join_list(missing)))
            self.state.setStyleSheet(f"color: {AMBER}; font-weight: bold;")
        else:
            self.state.setText(tr("Every meal of {date} has its disinfection recorded.").format(
                date=self.day.isoformat()))
            self.state.setStyleSheet(f"color: {GREEN}; font-weight: bold;")

    def record(self) -> None:
        t = self.start.time()
        started = _dt.datetime.combine(self.day, _dt.time(t.hour(), t.minute()))
        items = [k for k, box in self.item_boxes.items() if box.isChecked()]
        try:
            hygiene.record_disinfection(self.day, self.meal.value(), items, self.method.value(), started_at=started,
                                        minutes=self.minutes.value(), person=self.person.value(),
                                        concentration=self.concentration.text(), note=self.note.text())
        except UserError as exc:
            show_error(self, exc)
            return
        self.note.clear()
        self.reload()
        # the next meal proposed
        meals = service.served_meals() or list(service.MEALS)
        done = {r["meal"] for r in self.rows}
        nxt = next((m for m in meals if m not in done), None)
        if nxt:
            self.meal.set_value(nxt)
        self.changed.emit()

    def void_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        reason = ask_text(self, tr("Void…"), tr("Reason for voiding this record:"))
        if not reason:
            return
        try:
            hygiene.void_disinfection(self.rows[row]["id"], reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.changed.emit()


# --- accompanied meals ------------------------------------------------------------------

class AccompanyPage(QWidget):
    """陪餐: the leader, the meal, what was eaten, the remarks and what was done about them."""

    changed = Signal()

    COLUMNS = [N_("Date"), N_("Meal"), N_("School leader"), N_("Dishes eaten"), N_("Quality"), N_("Quantity"),
               N_("Hygiene"), N_("Price"), N_("Action taken")]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        lay = QVBoxLayout(self)
        self.nav = _DayNav(self._day_changed)
        self.nav.addStretch(1)
        lay.addLayout(self.nav)
        form = QFormLayout()
        self.errors = FieldErrors()
        head = QHBoxLayout()
        self.meal = ChoiceBox(_meal_items())
        self.meal.set_value("lunch")
        self.leader = ChoiceBox(_people_items(), empty_label=tr("(choose)"))
        head.addWidget(self.meal)
        head.addWidget(QLabel(tr("School leader")))
        head.addWidget(self.leader, 1)
        form.addRow(tr("Meal"), head)
        self.dishes = QLineEdit()
        self.quality = QLineEdit()
        self.quantity = QLineEdit()
        self.hygiene = QLineEdit()
        self.price = QLineEdit()
        self.action = QLineEdit()
        for field, label, widget in (("dishes", tr("Dishes eaten"), self.dishes),
                                     ("quality", tr("Quality"), self.quality),
                                     ("quantity", tr("Quantity"), self.quantity),
                                     ("hygiene", tr("Hygiene"), self.hygiene),
                                     ("price", tr("Price"), self.price),
                                     ("action", tr("Action taken"), self.action)):
            form.addRow(label, widget)
            form.addRow("", self.errors.make_label(field, widget))
            widget.returnPressed.connect(self.record)
        self.errors.make_label("leader", self.leader)
        lay.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.record_btn = QPushButton(tr("Record accompanied meal"))
        self.void_btn = QPushButton(tr("Void…"))
        buttons.addWidget(self.record_btn)
        buttons.addWidget(self.void_btn)
        lay.addLayout(buttons)
        lay.addWidget(QLabel(tr("The last 30 days")))
        self.table = read_only_table([tr(c) for c in self.COLUMNS], alternate=True)
        lay.addWidget(self.table, 1)
        self.meal.currentIndexChanged.connect(lambda _i: self._propose_dishes())
        self.record_btn.clicked.connect(self.record)
        self.void_btn.clicked.connect(self.void_selected)
        self._day_changed()

    @property
    def day(self) -> _dt.date:
        return self.nav.date_box.value()

    def set_day(self, day: _dt.date) -> None:
        self.nav.date_box.set_date(day)

    def reload_choices(self) -> None:
        keep = self.leader.value()
        self.leader.set_items(_people_items())
        self.leader.set_value(keep)

    def _day_changed(self) -> None:
        self.dishes.setModified(False)
        self.reload()

    def _propose_dishes(self) -> None:
        """The menu of the meal (from the sample page), to correct when less was eaten."""
        if self.dishes.isModified():
            return
        names = [r["dish_name"] for r in service.day_lines(self.day, self.meal.value())]
        self.dishes.setText(join_list(names))
        self.dishes.setModified(False)

    def reload(self) -> None:
        self._propose_dishes()
        self.rows = hygiene.accompanies(self.day - _dt.timedelta(days=30), max(self.day, clock.today()))
        self.rows.reverse()
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for c, text in enumerate([r["day"].isoformat(), r["meal_label"], r["leader_name"], r["dishes"] or "",
                                      r["quality"] or "", r["quantity"] or "", r["hygiene"] or "", r["price"] or "",
                                      r["action"] or ""]):
                self.table.setItem(i, c, _item(text))
        self.table.resizeColumnsToContents()

    def values(self) -> dict:
        return {"dishes": self.dishes.text(), "quality": self.quality.text(), "quantity": self.quantity.text(),
                "hygiene": self.hygiene.text(), "price": self.price.text(), "action": self.action.text()}

    def record(self) -> None:
        self.errors.clear()
        if not attempt(self, self.errors, lambda: hygiene.record_accompany(
                self.day, self.meal.value(), self.leader.value(), self.values())):
            return
        for w in (self.quality, self.quantity, self.hygiene, self.price, self.action):
            w.clear()
        self.dishes.setModified(False)
        self.reload()
        self.changed.emit()

    def void_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        reason = ask_text(self, tr("Void…"), tr("Reason for voiding this record:"))
        if not reason:
            return
        try:
            hygiene.void_accompany(self.rows[row]["id"], reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.changed.emit()
