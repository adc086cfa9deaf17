"""The repair log tab: tickets (list, deadlines, the status flow), inspections and figures."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core import clock, masterdata
from ...core.errors import UserError
from ...core.i18n import N_, tr
from ...core.ui.dialogs import RecordDialog
from ...core.ui.tab import ModuleTab
from ...core.ui.table import Column, PagedTableModel, money
from ...core.ui.widgets import ChoiceBox, DateBox, SearchBox, show_error, show_info
from . import service as rs
from .service import CAUSES, REPORT_CHANNELS, SCHEDULES, STATUSES, URGENCIES
from .today import tab_title

OVERDUE_COLOR = "#c0392b"


def _dt_text(value, _row=None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _to_qdt(value: _dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)


class DateTimeBox(QDateTimeEdit):
    def __init__(self, value: _dt.datetime | None = None, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.set_value(value or clock.now())

    def set_value(self, value: _dt.datetime) -> None:
        self.setDateTime(_to_qdt(value))

    def value(self) -> _dt.datetime:
        return self.dateTime().toPython().replace(microsecond=0)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go to the next field, as in every date field (not into the minutes)."""
        return QWidget.focusNextPrevChild(self, next)


def _people_items() -> list[tuple[str, object]]:
    return [(p.name + (f"（{p.department.name}）" if p.department_id else ""), p.id)
            for p in masterdata.people()]


def _assignee_items() -> list[tuple[str, object]]:
    """派工给: the repair workers and repair firms first, then everyone else."""
    workers, repair_firms, others, other_firms = rs.assignee_choices()

    def person(p):
        return (p.name + (f"（{p.department.name}）" if p.department_id else ""), f"p:{p.id}")

    def firm(s):
        return (tr("Firm: {name}").format(name=s.name), f"s:{s.id}")

    return [person(p) for p in workers] + [firm(s) for s in repair_firms] + [person(p) for p in others] \
        + [firm(s) for s in other_firms]


def _place_items() -> list[tuple[str, object]]:
    out = []
    for b in masterdata.buildings():
        out.append((b.name, b.id))
        out += [("    " + r.full_name, r.id) for r in masterdata.rooms(b)]
    return out


class ScanEdit(QLineEdit):
    """A field a barcode scanner types into (digits, then Enter): Enter looks the number up
    (``scanned``) and never presses the dialog's OK."""

    scanned = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.scanned.emit()
            return
        super().keyPressEvent(event)


class _Dialog(RecordDialog):
    """The repair tab's dialogs: a little tighter under each field; ``ok_button()`` is a method here;
    error texts are shown whole (the dialog grows to the height its wrapped lines need)."""

    row_spacing = 2

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)



class TicketDialog(_Dialog):
    """报修登记: a new ticket, or corrections to one."""

    def __init__(self, parent=None, ticket: rs.RepairTicket | None = None):
        super().__init__(parent, tr("Edit repair ticket") if ticket else tr("New repair ticket"))
        self.ticket = ticket
        self.setMinimumWidth(520)
        self.reported_at = self.add_row(tr("Reported at"), DateTimeBox(), "reported_at")
        self.reported_via = self.add_row(tr("How reported"), ChoiceBox(
            [(tr(v), k) for k, v in REPORT_CHANNELS.items()], empty_label=tr("(choose)")), "reported_via")
        self.reporter_class = self.add_row(tr("Class"), ChoiceBox(
            [(d.name, d.id) for d in masterdata.departments("class")],  # 初一 … 初三, (1)班 … (12)班
            empty_label=tr("(not a class)")), "reporter_department")
        self.reporter_name = self.add_row(tr("Reported by"), QLineEdit(), "reporter_name")
        self.reporter_name.setPlaceholderText(tr("Name of the teacher, student or staff member"))
        names = sorted({p.name for p in masterdata.people()})
        completer = QCompleter(names, self.reporter_name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.reporter_name.setCompleter(completer)
        self.contact = self.add_row(tr("Contact"), QLineEdit(), "contact")
        # the phone number follows the person reporting (a number typed by hand stays)
        self._auto_phone = ""
        self.reporter_name.textChanged.connect(self._reporter_changed)
        self.asset_number = ScanEdit()
        self.asset_number.setPlaceholderText(tr("Scan or type the asset number, then Enter"))
        self.asset_number.scanned.connect(self._scanned)
        self.asset_number.editingFinished.connect(self.look_up_asset)
        self._looked_up: str | None = None
        self._auto_place = None
        self._category_by_hand = False
        self.add_row(tr("Asset"), self.asset_number, "asset")
        self.asset_label = QLabel()
        self.asset_label.setWordWrap(True)
        self.form.addRow("", self.asset_label)
        self.place = self.add_row(tr("Place"), ChoiceBox(_place_items(), empty_label=tr("(choose)")), "place")
        self.category = self.add_row(tr("Category"), ChoiceBox(
            [(c.name, c.id) for c in rs.categories()], empty_label=tr("(choose)")), "category")
        self.category.activated.connect(self._category_chosen)
        self.urgency = self.add_row(tr("Urgency"), ChoiceBox([(tr(v), k) for k, v in URGENCIES.items()]), "urgency")
        self.urgency.set_value("minor")
        self.description = self.add_row(tr("What is broken"), QPlainTextEdit(), "description")
        self.description.setFixedHeight(70)
        self.assignee = None
        if ticket is None:
            self.assignee = self.add_row(tr("Assign to"), ChoiceBox(_assignee_items(),
                                                                    empty_label=tr("(assign later)")), "assignee")
        self.note = self.add_row(tr("Notes"), QLineEdit(), "note")
        self.finish()
        if ticket is not None:
            self.watch("repair_ticket", ticket.id, self._load)  # a save over someone else's change is refused
            self._load()

    def _load(self) -> None:
        """The ticket as it is now (again after someone else changed it: core/ui/dialogs.run_save)."""
        self.ticket = ticket = rs.get_ticket(self.ticket.id)
        self._looked_up = None
        self.reported_at.set_value(ticket.reported_at)
        self.reported_via.set_value(ticket.reported_via)
        self.reporter_class.set_value(ticket.reporter_department_id)
        self.reporter_name.setText(ticket.reporter_name or "")
        self.contact.setText(ticket.contact or "")
        if ticket.reporter_id and ticket.reporter.phone and ticket.contact == ticket.reporter.phone:
            self._auto_phone = ticket.contact
        self.asset_number.setText(ticket.asset.number if ticket.asset_id else "")
        self.look_up_asset()
        self.place.set_value(ticket.place_id)
        self.category.set_value(ticket.category_id)
        self.urgency.set_value(ticket.urgency)
        self.description.setPlainText(ticket.description)
        self.note.setText(ticket.note or "")

    def _reporter_changed(self, *_args) -> None:
        name = self.reporter_name.text().strip()
        person = masterdata.find_person(name) if name else None
        phone = (person.phone or "") if person is not None else ""
        typed = self.contact.text().strip()
        if typed and typed != self._auto_phone:
            return  # a number typed by hand stays
        self.contact.setText(phone)
        self._auto_phone = phone

    def _category_chosen(self, *_args) -> None:
        self._category_by_hand = self.category.value() is not None

    def _scanned(self) -> None:
        """Enter in the asset field (a scanner ends with it): look it up and go on to the next field."""
        if self.look_up_asset(force=True) is None:
            self.asset_number.selectAll()
            return
        for box in (self.place, self.category):
            if box.value() is None:
                box.setFocus()
                return
        self.description.setFocus()

    def look_up_asset(self, force: bool = False):
        """Show the asset; the place and the category follow it (unless chosen by hand). Returns the asset."""
        number = self.asset_number.text().strip()
        if not number:
            self.asset_label.clear()
            self._looked_up = None
            return None
        from ..assets import api as assets

        asset = assets.find_by_number(number)
        if asset is None:
            self.asset_label.setText(tr("No asset has the number {number}.").format(number=number))
            self.asset_label.setStyleSheet(f"color: {OVERDUE_COLOR};")
            self._looked_up = None
            return None
        if number == self._looked_up and not force:
            return asset
        self._looked_up = number
        self.asset_label.setStyleSheet("")
        stats = rs.asset_repair_stats(asset)
        text = f"{asset.name}  {asset.model_spec or ''}  {asset.place.full_name if asset.place_id else ''}"
        if stats["count"]:
            text += "  " + tr("(repaired {n} times before)").format(n=stats["count"])
        self.asset_label.setText(text)
        if asset.place_id and (self.place.value() is None or self.place.value() == self._auto_place):
            self.place.set_value(asset.place_id)
            self._auto_place = asset.place_id
        if not self._category_by_hand:
            category = rs.category_for_asset(asset)
            if category is not None:
                self.category.set_value(category.id)
        return asset

    def values(self) -> dict:
        name = self.reporter_name.text().strip()
        person = masterdata.find_person(name) if name else None
        return {
            "reported_at": self.reported_at.value(), "reporter": person.id if person else None,
            "reporter_department": self.reporter_class.value(), "reporter_name": name,
            "contact": self.contact.text(), "asset": self.asset_number.text().strip() or None,
            "place": self.place.value(), "category": self.category.value(), "urgency": self.urgency.value(),
            "description": self.description.toPlainText(), "note": self.note.text(),
            "reported_via": self.reported_via.value(),
        }

    def save(self):
        values = self.values()
        if self.ticket is not None:
            return rs.update_ticket(self.ticket, values)
        who = self.assignee.value() if self.assignee is not None else None
        if who:
            kind, _, ident = who.partition(":")
            values["assignee" if kind == "p" else "assignee_supplier"] = int(ident)
        return rs.create_ticket(values)


class AssignDialog(_Dialog):
    def __init__(self, ticket: rs.RepairTicket, parent=None):
        super().__init__(parent, tr("Assign {number}").format(number=ticket.number))
        self.ticket = ticket
        self.who = self.add_row(tr("Assign to"), ChoiceBox(_assignee_items(), empty_label=tr("(choose)")),
                                "assignee")
        if ticket.assignee_id:
            self.who.set_value(f"p:{ticket.assignee_id}")
        elif ticket.assignee_supplier_id:
            self.who.set_value(f"s:{ticket.assignee_supplier_id}")
        self.note = self.add_row(tr("Notes"), QLineEdit())
        self.finish()

    def save(self):
        who = self.who.value() or ""
        kind, _, ident = who.partition(":")
        return rs.assign(self.ticket, assignee=int(ident) if kind == "p" else None,
                         supplier=int(ident) if kind == "s" else None, note=self.note.text())


class CompleteDialog(_Dialog):
    """已完成: work done, parts, labour, cause (and compensation for damage)."""

    def __init__(self, ticket: rs.RepairTicket, parent=None):
        super().__init__(parent, tr("Repair done: {number}").format(number=ticket.number))
        self.ticket = ticket
        self.setMinimumWidth(560)
        self.assignee = None
        if not ticket.assignee_id and not ticket.assignee_supplier_id:
            self.assignee = self.add_row(tr("Repaired by"), ChoiceBox(_assignee_items(), empty_label=tr("(choose)")),
                                         "assignee")
        self.done_at = self.add_row(tr("Done at"), DateTimeBox(), "done_at")
        self.work_done = self.add_row(tr("Work done"), QPlainTextEdit(ticket.work_done or ""), "work_done")
        self.work_done.setFixedHeight(60)
        self.parts = QTableWidget(3, 4)
        self.parts.setHorizontalHeaderLabels([tr("Part"), tr("Unit"), tr("Quantity"), tr("Unit cost")])
        self.parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.parts.setFixedHeight(120)
        for i, p in enumerate(rs.parts_of(ticket)):
            if i >= self.parts.rowCount():
                self.parts.insertRow(i)
            for c, v in enumerate((p.name, p.unit or "", str(p.quantity), str(p.unit_cost))):
                self.parts.setItem(i, c, QTableWidgetItem(v))
        self.add_row(tr("Parts"), self.parts, "parts")
        add = QPushButton(tr("Add a row"))
        add.clicked.connect(lambda: self.parts.insertRow(self.parts.rowCount()))
        self.form.addRow("", add)
        self.labour = self.add_row(tr("Labour cost"), QLineEdit(str(ticket.labour_cost or "")), "labour_cost")
        self.labour.setPlaceholderText("0.00")
        self.cause = self.add_row(tr("Cause"), ChoiceBox([(tr(v), k) for k, v in CAUSES.items()]), "cause")
        self.cause.set_value(ticket.cause or "wear")
        self.responsible = self.add_row(tr("Person responsible"), QLineEdit(ticket.responsible_name or ""),
                                        "responsible_name")
        self.discipline = self.add_row(tr("Discipline note"), QLineEdit(ticket.discipline_note or ""),
                                       "discipline_note")
        self.compensation = None
        if not ticket.asset_id:
            self.compensation = self.add_row(tr("Compensation (yuan)"), QLineEdit(), "compensation")
        self.rule = QLabel()
        self.rule.setObjectName("compensation_rule")
        self.rule.setWordWrap(True)
        self.form.addRow("", self.rule)
        self.cause.currentIndexChanged.connect(self._cause_changed)
        self.parts.itemChanged.connect(lambda *_: self._cause_changed())
        self.labour.textChanged.connect(lambda *_: self._cause_changed())
        self._cause_changed()
        self.finish()

    def _cause_changed(self, *_args) -> None:
        """Damage by a person pays for the repair: its cost, or double (as the rule shown says)."""
        cause = self.cause.value()
        damage = cause in ("accidental", "deliberate")
        self.responsible.setEnabled(damage)
        self.discipline.setEnabled(cause == "deliberate")
        if self.compensation is not None:
            self.compensation.setEnabled(damage)
        if not damage:
            self.rule.clear()
            if self.compensation is not None:
                self.compensation.setPlaceholderText("")
            return
        cost = rs.repair_cost(self.part_rows(), self.labour.text())
        if cost is None:
            self.rule.setText(tr("The compensation follows the repair's cost (parts and labour)."))
            return
        comp = rs.compensation_for_repair(cause, cost)
        if cause == "accidental":
            text = tr("The person responsible pays the repair's cost: {amount} yuan.").format(amount=f"{comp:,.2f}")
        else:
            text = tr("The person responsible pays double the repair's cost (2 × {cost}): {amount} yuan.").format(
                cost=f"{cost:,.2f}", amount=f"{comp:,.2f}")
        if self.compensation is not None:
            self.compensation.setPlaceholderText(f"{comp:.2f}")
            text += " " + tr("Type another amount only if it was agreed otherwise.")
        self.rule.setText(text)

    def part_rows(self) -> list[dict]:
        rows = []
        for r in range(self.parts.rowCount()):
            cells = [(self.parts.item(r, c).text() if self.parts.item(r, c) else "").strip() for c in range(4)]
            if not any(cells):
                continue
            rows.append({"name": cells[0], "unit": cells[1], "quantity": cells[2] or 1, "unit_cost": cells[3] or 0})
        return rows

    def save(self):
        who = (self.assignee.value() if self.assignee is not None else "") or ""
        kind, _, ident = who.partition(":")
        return rs.complete(self.ticket, work_done=self.work_done.toPlainText(), cause=self.cause.value(),
                           parts=self.part_rows(), labour_cost=self.labour.text(), done_at=self.done_at.value(),
                           assignee=int(ident) if kind == "p" else None, supplier=int(ident) if kind == "s" else None,
                           responsible_name=self.responsible.text() if self.responsible.isEnabled() else "",
                           discipline_note=self.discipline.text() if self.discipline.isEnabled() else "",
                           compensation=self.compensation.text() if self.compensation is not None else None)


class AcceptDialog(_Dialog):
    """验收: the reporter signs off the repair."""

    def __init__(self, ticket: rs.RepairTicket, parent=None):
        super().__init__(parent, tr("Acceptance: {number}").format(number=ticket.number))
        self.ticket = ticket
        self.setMinimumWidth(480)
        workers = rs.repaired_by(ticket)
        self.repaired_by = self.add_row(tr("Repaired by"), QLabel(rs.assignee_text(ticket)))
        # the reporter signs (由报修人负责验收签字); never the one who did the work
        default = "" if rs.same_person(ticket.reporter_name or "", workers) else (ticket.reporter_name or "")
        self.accepted_by = self.add_row(tr("Accepted by"), QLineEdit(default), "accepted_by")
        self.accepted_by.setPlaceholderText(tr("The person who reported it, or another named person"))
        names = sorted({p.name for p in masterdata.people()} - set(workers))
        completer = QCompleter(names, self.accepted_by)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.accepted_by.setCompleter(completer)
        self.accepted_at = self.add_row(tr("Accepted at"), DateTimeBox(), "accepted_at")
        self.satisfied = QCheckBox(tr("Satisfied with the repair"))
        self.satisfied.setChecked(True)
        self.add_row("", self.satisfied)
        self.comment = self.add_row(tr("Comment"), QLineEdit(), "accept_comment")
        self.finish()

    def save(self):
        return rs.accept(self.ticket, accepted_by=self.accepted_by.text(), satisfied=self.satisfied.isChecked(),
                         comment=self.comment.text(), accepted_at=self.accepted_at.value())


class ReasonDialog(_Dialog):
    def __init__(self, title: str, label: str, action, parent=None):
        super().__init__(parent, title)
        self.action = action
        self.reason = self.add_row(label, QLineEdit(), "reason")
        self.reason.setMinimumWidth(320)
        self.finish()

    def save(self):
        return self.action(self.reason.text())


class CategoriesDialog(QDialog):
    """The school's own list of repair categories."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Repair categories"))
        v = QVBoxLayout(self)
        self.list = QListWidget()
        v.addWidget(self.list)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("New category"))
        add = QPushButton(tr("Add"))
        add.clicked.connect(self.add)
        rename = QPushButton(tr("Rename"))
        rename.clicked.connect(self.rename)
        toggle = QPushButton(tr("Use / stop using"))
        toggle.clicked.connect(self.toggle)
        for w in (self.name, add, rename, toggle):
            row.addWidget(w)
        v.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        v.addWidget(close)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for c in rs.categories(include_inactive=True):
            item = QListWidgetItem(c.name if c.active else tr("{name} (not used)").format(name=c.name))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)

    def _current(self):
        item = self.list.currentItem()
        return rs.find_category(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def add(self) -> None:
        try:
            rs.save_category(self.name.text())
        except UserError as exc:
            show_error(self, exc)
            return
        self.name.clear()
        self.fill()

    def rename(self) -> None:
        c = self._current()
        if c is None:
            return
        try:
            rs.save_category(self.name.text(), c)
        except UserError as exc:
            show_error(self, exc)
            return
        self.fill()

    def toggle(self) -> None:
        c = self._current()
        if c is not None:
            rs.set_category_active(c, not c.active)
            self.fill()


# --- the tickets page --------------------------------------------------------------

def _deadline_color(row: dict) -> str | None:
    return OVERDUE_COLOR if row.get("overdue") else None


def _status_color(row: dict) -> str | None:
    if row.get("overdue"):
        return OVERDUE_COLOR
    return {"done": "#2471a3", "accepted": "#1e8449", "cancelled": "#7f8c8d"}.get(row.get("status"))


# what is due and who has it come first: at 1366×768 (the detail pane open) the number, status,
# urgency, deadline, time left and worker stay in sight; the widths of the coded columns are
# fitted to the longest label of the language shown (``TicketsPage._fit_columns``)
COLUMNS = [
    Column("number", N_("Ticket No."), width=105),
    Column("status_label", N_("Status"), color=_status_color, width=60),
    Column("urgency_label", N_("Urgency"), width=60),
    Column("due_at", N_("Deadline"), fmt=_dt_text, color=_deadline_color, width=115),
    Column("deadline_text", N_("Time left"), sortable=False, color=_deadline_color, width=90),
    Column("assignee_text", N_("Assigned to"), sortable=False, width=80),
    Column("place_name", N_("Place"), sortable=True, width=130),
    Column("description", N_("What is broken"), sortable=False, width=200),
    Column("reporter", N_("Reported by"), width=110),
    Column("reported_at", N_("Reported at"), fmt=_dt_text, width=115),
    Column("category_name", N_("Category"), width=70),
    Column("done_at", N_("Done at"), fmt=_dt_text, width=115),
    Column("total_cost", N_("Cost"), align="right", fmt=lambda v, r: money(v) if v else "", width=80),
    Column("asset_number", N_("Asset"), sortable=False, width=110),
    Column("channel_label", N_("How reported"), sortable=False, width=70),
]
SORT_KEYS = {"place_name": "place", "category_name": "category", "urgency_label": "urgency",
             "status_label": "status", "reporter": "reporter"}


class _Source(rs.TicketSource):
    def fetch(self, filters, offset, limit, sort_key, descending):
        return super().fetch(filters, offset, limit, SORT_KEYS.get(sort_key, sort_key), descending)


PERIODS = [
    ("all", N_("All time")), ("today", N_("Today")), ("week", N_("This week")), ("month", N_("This month")),
    ("last_month", N_("Last month")), ("term", N_("This term")), ("year", N_("This year")),
]


def period_dates(key: str, today: _dt.date) -> tuple[_dt.date | None, _dt.date | None]:
    if key == "today":
        return today, today
    if key == "week":
        return rs.period_of("weekly", today)
    if key == "month":
        return rs.month_range(today)
    if key == "last_month":
        return rs.month_range(today.replace(day=1) - _dt.timedelta(days=1))
    if key == "term":
        term = masterdata.current_term(today)
        return (term.start_date, term.end_date) if term else (None, None)
    if key == "year":
        return _dt.date(today.year, 1, 1), _dt.date(today.year, 12, 31)
    return None, None


class TicketsPage(QWidget):
    def __init__(self, tab: RepairsTab):
        super().__init__(tab)
        self.tab = tab
        v = QVBoxLayout(self)
        v.addLayout(self._build_toolbar())
        # Ctrl+N: RepairsTab.key_action (the window's shared keys, core/ui/keys.py)
        v.addLayout(self._build_filters())
        v.addWidget(self._build_list(), 1)
        self.summary = QLabel()
        v.addWidget(self.summary)
        self.dialog: QDialog | None = None
        self.fill_choices()
        self.apply_filters()

    def _build_toolbar(self) -> QHBoxLayout:
        """One button per action on a ticket, then export and the categories."""
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("new", tr("New ticket"), self.new_ticket), ("edit", tr("Edit"), self.edit_ticket),
            ("assign", tr("Assign…"), self.assign), ("start", tr("Start"), self.start),
            ("parts", tr("Waiting for parts…"), self.wait_parts), ("done", tr("Done…"), self.complete),
            ("accept", tr("Acceptance…"), self.accept), ("reopen", tr("Reopen…"), self.reopen),
            ("cancel", tr("Cancel ticket…"), self.cancel), ("slip", tr("Print slip"), self.print_slip),
            ("export", tr("Export…"), self.export), ("categories", tr("Categories…"), self.edit_categories),
        ):
            b = QPushButton(label)
            b.setObjectName(f"repairs_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)
        return bar

    def _build_filters(self) -> QHBoxLayout:
        """The search box and the status, category, place, assignee and period filters."""
        filters = QHBoxLayout()
        self.search = SearchBox(tr("Search number, place, reporter, asset, description…"))
        self.search.search.connect(lambda _t: self.apply_filters())
        self.status = ChoiceBox([(tr("Open"), "open"), (tr("Overdue"), "overdue"), (tr("Done or accepted"), "done_all")]
                                + [(tr(v), k) for k, v in STATUSES.items()], empty_label=tr("All statuses"))
        self.category = ChoiceBox([], empty_label=tr("All categories"))
        self.place = ChoiceBox([], empty_label=tr("All places"))
        self.assignee = ChoiceBox([], empty_label=tr("Anyone assigned"))
        self.period = ChoiceBox([(tr(label), key) for key, label in PERIODS])
        for w in (self.status, self.category, self.place, self.assignee, self.period):
            w.currentIndexChanged.connect(self.apply_filters)
        filters.addWidget(self.search, 3)
        for w in (self.status, self.category, self.place, self.assignee, self.period):
            filters.addWidget(w, 1)
        return filters

    def _build_list(self) -> QSplitter:
        """The tickets (sorted by priority by default) with the chosen one's details at the right."""
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = PagedTableModel(COLUMNS, _Source(), self, default_sort="priority")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sectionClicked.connect(self._sort_clicked)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self._fit_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.table.doubleClicked.connect(lambda *_: self.edit_ticket())
        split.addWidget(self.table)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([1100, 320])
        return split

    def _fit_columns(self) -> None:
        """Each header whole, and the statuses, urgencies and times left of this language whole."""
        fm = self.table.fontMetrics()
        pad = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 14
        samples = {
            "status_label": [tr(v) for v in STATUSES.values()],
            "urgency_label": [tr(v) for v in URGENCIES.values()],
            "deadline_text": [template.format(span=span) for template in (tr("overdue {span}"), tr("{span} left"))
                              for span in (tr("{d} d {h} h").format(d=10, h=23),
                                           tr("{h} h {m} min").format(h=23, m=59))],
        }
        header_fm = self.table.horizontalHeader().fontMetrics()
        for i, c in enumerate(COLUMNS):
            width = max(c.width or 0, header_fm.horizontalAdvance(tr(c.title)) + pad + 12)  # + the sort arrow
            for text in samples.get(c.key, []):
                width = max(width, fm.horizontalAdvance(text) + pad)
            self.table.setColumnWidth(i, width)

    # --- list ---
    def fill_choices(self) -> None:
        for box, items in ((self.category, [(c.name, c.id) for c in rs.categories(include_inactive=True)]),
                           (self.place, _place_items()), (self.assignee, _assignee_items())):
            box.blockSignals(True)
            box.set_items(items)
            box.blockSignals(False)

    def filters(self) -> dict:
        date_from, date_to = period_dates(self.period.value() or "all", clock.today())
        return {"text": self.search.text(), "status": self.status.value(), "category": self.category.value(),
                "place": self.place.value(), "assignee": self.assignee.value(), "date_from": date_from,
                "date_to": date_to, "now": clock.now()}

    def apply_filters(self, *_args) -> None:
        current = self.current_id()
        self.model.set_filters(self.filters())
        self.update_summary()
        if current is not None:
            self.select_id(current)
        self.show_detail()

    def _sort_clicked(self, section: int) -> None:
        col = COLUMNS[section]
        if not col.sortable:
            return
        if self.model.sort_key == col.key:
            if self.model.descending:  # third click: back to the urgency order
                self.model.sort_key, self.model.descending = "priority", False
                self.table.horizontalHeader().setSortIndicatorShown(False)
                self.model.reload()
                return
            self.model.descending = True
        else:
            self.model.sort_key, self.model.descending = col.key, False
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder)
        self.model.reload()

    def update_summary(self) -> None:
        overdue = rs.overdue_count(clock.now())
        self.summary.setText(tr("{shown} tickets shown · {open} open · {overdue} overdue").format(
            shown=self.model.rowCount(), open=rs.open_count(), overdue=overdue))
        self.tab.set_overdue(overdue)

    def refresh(self) -> None:
        self.fill_choices()
        self.apply_filters()

    def current_id(self) -> int | None:
        idx = self.table.currentIndex() if hasattr(self, "table") else None
        return self.model.row_id(idx.row()) if idx is not None and idx.isValid() else None

    def current_ticket(self) -> rs.RepairTicket | None:
        tid = self.current_id()
        return rs.ticket_or_none(tid)

    def select_id(self, ticket_id: int) -> None:
        row = self.model.find_row(ticket_id)
        if row is None:
            for r in range(min(self.model.rowCount(), self.model.PAGE)):
                if self.model.row_id(r) == ticket_id:
                    row = r
                    break
        if row is not None:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def show_detail(self) -> None:
        t = self.current_ticket()
        self._enable_actions(t)
        if t is None:
            self.detail.setHtml(f"<p style='color:#777'>{tr('Choose a ticket to see its details.')}</p>")
            return
        self.detail.setHtml(ticket_html(t))

    def _enable_actions(self, t: rs.RepairTicket | None) -> None:
        nxt = rs.next_statuses(t) if t else ()
        open_ = t is not None and t.status in rs.OPEN_STATUSES
        self.buttons["edit"].setEnabled(t is not None and t.status not in ("accepted", "cancelled"))
        self.buttons["assign"].setEnabled(open_)
        self.buttons["start"].setEnabled("in_progress" in nxt and t.status != "done")
        self.buttons["parts"].setEnabled("waiting_parts" in nxt)
        self.buttons["done"].setEnabled("done" in nxt)
        self.buttons["accept"].setEnabled("accepted" in nxt)
        self.buttons["reopen"].setEnabled(t is not None and t.status == "done")
        self.buttons["cancel"].setEnabled("cancelled" in nxt)
        self.buttons["slip"].setEnabled(t is not None)

    # --- actions ---
    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after(getattr(dialog, "result_value", None)))
        dialog.open()
        return dialog

    def _after(self, ticket) -> None:
        self.refresh()
        if getattr(ticket, "id", None):
            self.select_id(ticket.id)
            self.show_detail()
        self.tab.data_changed.emit()

    def new_ticket(self) -> QDialog:
        return self._open(TicketDialog(self))

    def edit_ticket(self):
        t = self.current_ticket()
        if t is None or t.status in ("accepted", "cancelled"):
            return None
        return self._open(TicketDialog(self, t))

    def assign(self):
        t = self.current_ticket()
        return self._open(AssignDialog(t, self)) if t else None

    def _do(self, fn, *args) -> None:
        t = self.current_ticket()
        if t is None:
            return
        try:
            fn(t, *args)
        except Exception as exc:
            show_error(self, exc)
            return
        self._after(t)

    def start(self) -> None:
        self._do(rs.start)

    def wait_parts(self):
        t = self.current_ticket()
        if t is None:
            return None
        return self._open(ReasonDialog(tr("Waiting for parts"), tr("Parts awaited"),
                                       lambda text: rs.wait_for_parts(t, text), self))

    def complete(self):
        t = self.current_ticket()
        return self._open(CompleteDialog(t, self)) if t else None

    def accept(self):
        t = self.current_ticket()
        return self._open(AcceptDialog(t, self)) if t else None

    def reopen(self):
        t = self.current_ticket()
        if t is None:
            return None
        return self._open(ReasonDialog(tr("Reopen {number}").format(number=t.number), tr("Reason"),
                                       lambda text: rs.reopen(t, text), self))

    def cancel(self):
        t = self.current_ticket()
        if t is None:
            return None
        return self._open(ReasonDialog(tr("Cancel {number}").format(number=t.number), tr("Reason"),
                                       lambda text: rs.cancel(t, text), self))

    def edit_categories(self) -> None:
        dlg = CategoriesDialog(self)
        dlg.finished.connect(lambda *_: self.refresh())
        dlg.open()
        self.dialog = dlg

    def print_slip(self) -> None:
        t = self.current_ticket()
        if t is None:
            return
        from ...core.ui.work import run_in_worker
        from . import forms

        data = forms.slip_data(t)
        run_in_worker(self, tr("Preparing the repair slip…"), lambda p, c: forms.repair_slips([data]),
                      lambda pdf: self.tab.preview(pdf, tr("Repair slip"), f"{t.number}.pdf"))

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export repair tickets"), "repairs.xlsx",
                                              tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        from ...core.ui.work import run_with_progress
        from . import excel

        filters = self.filters()
        try:
            n = run_with_progress(self, tr("Exporting…"),
                                  lambda p, c: excel.export_tickets(path, filters, progress=p, cancelled=c))
        except Exception as exc:
            show_error(self, exc)
            return
        show_info(self, tr("{n} tickets exported to {path}.").format(n=n, path=path))


def ticket_html(t: rs.RepairTicket) -> str:
    from html import escape

    def row(label, value):
        return f"<tr><td style='color:#555;padding-right:8px'>{escape(label)}</td><td>{escape(str(value))}</td></tr>" \
            if value not in (None, "") else ""

    now = clock.now()
    status = rs.status_label(t.status)
    if rs.is_overdue(t, now):
        left = escape(rs.time_left_text(t.due_at, now))
        status = f"<span style='color:{OVERDUE_COLOR}'>{escape(status)} · {left}</span>"
    else:
        status = escape(status)
    parts = rs.parts_of(t)
    html = [f"<h3>{escape(t.number)}</h3><p>{status}</p><table>"]
    html.append(row(tr("Reported at"), _dt_text(t.reported_at)))
    html.append(row(tr("Reported by"), rs.reporter_text(t)))
    html.append(row(tr("How reported"), rs.channel_label(t.reported_via)))
    html.append(row(tr("Contact"), t.contact))
    html.append(row(tr("Place"), t.place.full_name if t.place_id else ""))
    html.append(row(tr("Asset"), f"{t.asset.number} {t.asset.name}" if t.asset_id else ""))
    html.append(row(tr("Category"), t.category.name))
    html.append(row(tr("Urgency"), rs.urgency_label(t.urgency)))
    html.append(row(tr("Deadline"), _dt_text(t.due_at)))
    html.append(row(tr("What is broken"), t.description))
    html.append(row(tr("Assigned to"), rs.assignee_text(t)))
    html.append(row(tr("Done at"), _dt_text(t.done_at)))
    html.append(row(tr("Work done"), t.work_done))
    for p in parts:
        html.append(row(tr("Part"),
                        f"{p.name} × {p.quantity} {p.unit or ''} @ {money(p.unit_cost)} = {money(p.amount)}"))
    if t.total_cost:
        html.append(row(tr("Cost"), tr("{total} yuan (parts {parts}, labour {labour})").format(
            total=money(t.total_cost), parts=money(t.parts_cost), labour=money(t.labour_cost))))
    html.append(row(tr("Cause"), rs.cause_label(t.cause)))
    if t.compensation or t.responsible_name:
        html.append(row(tr("Compensation"), tr("{name} pays {amount} yuan").format(
            name=t.responsible_name or "", amount=money(t.compensation))
            + (f" ({t.damage_doc})" if t.damage_doc else "")))
    html.append(row(tr("Discipline note"), t.discipline_note))
    if t.accepted_at:
        verdict = tr("satisfied") if t.satisfied else tr("not satisfied")
        html.append(row(tr("Accepted"),
                        f"{t.accepted_by} {_dt_text(t.accepted_at)} ({verdict}) {t.accept_comment or ''}"))
    html.append(row(tr("Cancelled"), t.cancel_reason))
    html.append(row(tr("Notes"), t.note))
    html.append("</table>")
    if t.asset_id:
        stats = rs.asset_repair_stats(t.asset)
        early = tr(" · failed early") if stats["failed_early"] else ""
        line = tr("This asset: {n} repairs, {cost} yuan in all").format(n=stats["count"], cost=stats["total_cost"])
        html.append(f"<p style='color:#555'>{escape(line)}{escape(early)}</p>")
    return "".join(html)


# --- the inspections page ----------------------------------------------------------

class ChecklistDialog(_Dialog):
    def __init__(self, parent=None, checklist=None):
        super().__init__(parent, tr("Edit checklist") if checklist else tr("New checklist"))
        self.checklist = checklist
        self.setMinimumWidth(520)
        self.name = self.add_row(tr("Name"), QLineEdit(checklist.name if checklist else ""), "name")
        self.schedule = self.add_row(tr("Schedule"), ChoiceBox([(tr(v), k) for k, v in SCHEDULES.items()]),
                                     "schedule")
        self.category = self.add_row(tr("Tickets in category"), ChoiceBox([(c.name, c.id) for c in rs.categories()]))
        self.responsible = self.add_row(tr("Responsible"), QLineEdit(checklist.responsible or "" if checklist else ""))
        self.items = self.add_row(tr("Items (one per line)"), QPlainTextEdit(), "items")
        self.items.setFixedHeight(120)
        self.places = QListWidget()
        self.places.setFixedHeight(160)
        chosen = {p.id for p in rs.checklist_places(checklist)} if checklist else set()
        for label, pid in _place_items():
            item = QListWidgetItem(label.strip())
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pid in chosen else Qt.CheckState.Unchecked)
            self.places.addItem(item)
        self.add_row(tr("Places (none: one check for the school)"), self.places, "places")
        self.finish()
        if checklist:
            self.schedule.set_value(checklist.schedule)
            self.category.set_value(checklist.category_id)
            self.items.setPlainText("\n".join(i.text for i in rs.checklist_items(checklist)))

    def chosen_places(self) -> list[int]:
        return [self.places.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.places.count())
                if self.places.item(i).checkState() == Qt.CheckState.Checked]

    def save(self):
        return rs.save_checklist({"name": self.name.text(), "schedule": self.schedule.value(),
                                  "category": self.category.value(), "responsible": self.responsible.text(),
                                  "items": self.items.toPlainText().splitlines(), "places": self.chosen_places()},
                                 self.checklist)


class RunInspectionDialog(_Dialog):
    """Run a checklist: each item 正常 or 有问题 with a note; problems open tickets."""

    def __init__(self, checklist, parent=None, place_id=None):
        super().__init__(parent, tr("Inspection: {name}").format(name=checklist.name))
        self.checklist = checklist
        self.setMinimumSize(700, 460)
        places = rs.checklist_places(checklist)
        empty = tr("(choose)") if places else tr("(whole school)")
        self.place = self.add_row(tr("Place"), ChoiceBox([(p.full_name, p.id) for p in places], empty_label=empty),
                                  "place")
        if place_id:
            self.place.set_value(place_id)
        self.inspector = self.add_row(tr("Inspector"), QLineEdit(checklist.responsible or ""), "inspector_name")
        self.at = self.add_row(tr("Inspected at"), DateTimeBox(), "inspected_at")
        self.item_rows = rs.checklist_items(checklist)
        # a whole-school check (no places): each problem says where it was found
        self.whole_school = not places
        if self.whole_school:
            self.setMinimumWidth(900)
        headers = [tr("Item"), tr("Result"), tr("Problem found")] + ([tr("Where")] if self.whole_school else []) \
            + [tr("Urgency")]
        self.table = QTableWidget(len(self.item_rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 160)
        self.results: list[tuple[ChoiceBox, QLineEdit, ChoiceBox, ChoiceBox | None]] = []
        place_items = _place_items() if self.whole_school else []
        for r, item in enumerate(self.item_rows):
            cell = QTableWidgetItem(item.text)
            cell.setToolTip(item.text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, cell)
            result = ChoiceBox([(tr("Normal"), True), (tr("Problem"), False)])
            note = QLineEdit()
            urgency = ChoiceBox([(tr(v), k) for k, v in URGENCIES.items()])
            urgency.set_value("minor")
            where = ChoiceBox(place_items, empty_label=tr("(choose)")) if self.whole_school else None
            self.table.setCellWidget(r, 1, result)
            self.table.setCellWidget(r, 2, note)
            if where is not None:
                self.table.setCellWidget(r, 3, where)
                self.table.setColumnWidth(3, 170)
            self.table.setCellWidget(r, len(headers) - 1, urgency)
            self.results.append((result, note, urgency, where))
        if self.results:  # the choices whole, in either language
            first = self.results[0]
            self.table.setColumnWidth(1, first[0].sizeHint().width())
            self.table.setColumnWidth(len(headers) - 1, first[2].sizeHint().width())
        self._normal_with_note: set[tuple[int, str]] = set()  # answered "normal, keep the note"
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(self.errors.make_label("results"))
        self.note = self.add_row(tr("Notes"), QLineEdit())
        self.finish()

    def set_problem(self, row: int, note: str, urgency: str = "minor", place=None) -> None:
        result, edit, urg, where = self.results[row]
        result.set_value(False)
        edit.setText(note)
        urg.set_value(urgency)
        if where is not None and place is not None:
            where.set_value(place)

    def ask_problem(self, item_text: str, note: str) -> bool | None:
        """Text typed on an item left at 正常: a problem (True), normal with the note (False), or go back (None)."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Is it a problem?"),
                          tr("“{item}” is marked normal, but something was written: “{note}”.\n\n"
                             "Is it a problem? A problem opens a repair ticket.").format(item=item_text, note=note),
                          parent=self)
        problem = box.addButton(tr("A problem: open a ticket"), QMessageBox.ButtonRole.YesRole)
        problem.setObjectName("answer_problem")
        normal = box.addButton(tr("Normal: keep it as a note"), QMessageBox.ButtonRole.NoRole)
        normal.setObjectName("answer_normal")
        back = box.addButton(tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("answer_back")
        box.setDefaultButton(problem)
        box.exec()
        clicked = box.clickedButton()
        if clicked is problem:
            return True
        if clicked is normal:
            return False
        return None

    def try_accept(self) -> None:
        """A problem typed on an item left at 正常 is never lost: ask first."""
        for row, (result, note, _urg, _where) in enumerate(self.results):
            text = note.text().strip()
            if not result.value() or not text or (row, text) in self._normal_with_note:
                continue
            answer = self.ask_problem(self.item_rows[row].text, text)
            if answer is None:
                note.setFocus()
                return
            if answer:
                result.set_value(False)
            else:
                self._normal_with_note.add((row, text))
        super().try_accept()

    def save(self):
        results = [{"item": item.id, "ok": bool(r.value()), "note": n.text(), "urgency": u.value(),
                    "place": w.value() if w is not None else None}
                   for item, (r, n, u, w) in zip(self.item_rows, self.results, strict=True)]
        insp = rs.run_inspection(self.checklist, results, place=self.place.value(),
                                 inspector_name=self.inspector.text(), inspected_at=self.at.value(),
                                 note=self.note.text())
        return insp


class InspectionsPage(QWidget):
    def __init__(self, tab: RepairsTab):
        super().__init__(tab)
        self.tab = tab
        self.dialog = None
        h = QHBoxLayout(self)
        h.addWidget(self._build_checklists())
        right = QVBoxLayout()
        right.addLayout(self._build_period_bar())
        self._add_tables(right)
        h.addLayout(right, 1)
        self.refresh()

    def _build_checklists(self) -> QWidget:
        """The checklists, and New, Edit and Run inspection."""
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Checklists")))
        self.checklists = QListWidget()
        self.checklists.currentRowChanged.connect(lambda *_: self.fill_ledger())
        left.addWidget(self.checklists, 1)
        for label, slot, name in ((tr("New checklist…"), self.new_checklist, "new"),
                                  (tr("Edit checklist…"), self.edit_checklist, "edit"),
                                  (tr("Run inspection…"), self.run_inspection, "run")):
            b = QPushButton(label)
            b.setObjectName(f"inspections_{name}")
            b.clicked.connect(slot)
            left.addWidget(b)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMaximumWidth(280)
        return holder

    def _build_period_bar(self) -> QHBoxLayout:
        """The period and which checklists the ledger shows; print and export the ledger."""
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("From")))
        today = clock.today()
        self.date_from = DateBox(value=today.replace(day=1))
        self.date_to = DateBox(value=today)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(tr("to")))
        bar.addWidget(self.date_to)
        self.all_lists = QCheckBox(tr("All checklists"))
        self.all_lists.setChecked(True)
        bar.addWidget(self.all_lists)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(lambda *_: self.fill_ledger())
        self.all_lists.toggled.connect(lambda *_: self.fill_ledger())
        bar.addStretch(1)
        pr = QPushButton(tr("Print ledger"))
        pr.clicked.connect(self.print_ledger)
        ex = QPushButton(tr("Export ledger…"))
        ex.clicked.connect(self.export_ledger)
        bar.addWidget(pr)
        bar.addWidget(ex)
        return bar

    def _add_tables(self, right: QVBoxLayout) -> None:
        """The inspection ledger, and the inspections missed (double-click one to run it)."""
        right.addWidget(QLabel(tr("Inspection ledger (安全检修台账)")))
        self.ledger = QTableWidget(0, 7)
        self.ledger.setHorizontalHeaderLabels([tr("Inspection No."), tr("Inspected at"), tr("Checklist"), tr("Place"),
                                               tr("Inspector"), tr("Items / problems"), tr("Findings")])
        self.ledger.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.ledger.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        right.addWidget(self.ledger, 3)
        self.missed_label = QLabel()
        right.addWidget(self.missed_label)
        self.missed = QTableWidget(0, 4)
        self.missed.setHorizontalHeaderLabels([tr("Checklist"), tr("Place"), tr("Period"), tr("State")])
        self.missed.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.missed.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missed.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.missed.doubleClicked.connect(self._run_missed)
        right.addWidget(self.missed, 2)

    def refresh(self) -> None:
        current = self.current_checklist()
        self.checklists.blockSignals(True)
        self.checklists.clear()
        for cl in rs.checklists():
            item = QListWidgetItem(f"{cl.name}（{tr(SCHEDULES[cl.schedule])}）")
            item.setData(Qt.ItemDataRole.UserRole, cl.id)
            self.checklists.addItem(item)
            if current is not None and cl.id == current.id:
                self.checklists.setCurrentItem(item)
        self.checklists.blockSignals(False)
        self.fill_ledger()

    def current_checklist(self):
        item = self.checklists.currentItem() if hasattr(self, "checklists") else None
        if item is None:
            return None
        return rs.checklist_or_none(item.data(Qt.ItemDataRole.UserRole))

    def fill_ledger(self) -> None:
        start, end = self.date_from.value(), self.date_to.value()
        cl = None if self.all_lists.isChecked() else self.current_checklist()
        rows = rs.inspections(start, end, cl)
        self.ledger.setRowCount(len(rows))
        for r, d in enumerate(rows):
            values = [d["number"], _dt_text(d["inspected_at"]), d["checklist"], d["place"], d["inspector"],
                      f"{d['items_checked']} / {d['problems']}", d["findings"]]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if d["problems"] and c in (5, 6):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.ledger.setItem(r, c, item)
        missed = [m for m in rs.missed_checks(start, end, clock.today(), include_current=True)
                  if cl is None or m["checklist_id"] == cl.id]
        self.missed_rows = missed
        self.missed_label.setText(tr("Checks due and not done: {n} (double-click to run one)").format(n=len(missed)))
        self.missed.setRowCount(len(missed))
        for r, m in enumerate(missed):
            state = tr("Due now") if m["current"] else tr("Missed")
            for c, v in enumerate((m["checklist"], m["place"] or tr("(whole school)"), m["period"], state)):
                item = QTableWidgetItem(v)
                if not m["current"]:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.missed.setItem(r, c, item)

    def _open(self, dialog):
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after(dialog))
        dialog.open()
        return dialog

    def _after(self, dialog) -> None:
        self.refresh()
        self.tab.tickets.refresh()
        self.tab.data_changed.emit()
        insp = getattr(dialog, "result_value", None)
        if getattr(insp, "problems", 0):
            self.tab.status_message(tr("Inspection {number}: {n} problems, {n} repair tickets opened.").format(
                number=insp.number, n=insp.problems))

    def new_checklist(self):
        return self._open(ChecklistDialog(self))

    def edit_checklist(self):
        cl = self.current_checklist()
        return self._open(ChecklistDialog(self, cl)) if cl else None

    def run_inspection(self, place_id=None):
        cl = self.current_checklist()
        if cl is None:
            show_error(self, UserError(tr("Choose a checklist first.")))
            return None
        return self._open(RunInspectionDialog(cl, self, place_id=place_id))

    def _run_missed(self, index) -> None:
        m = self.missed_rows[index.row()]
        for i in range(self.checklists.count()):
            if self.checklists.item(i).data(Qt.ItemDataRole.UserRole) == m["checklist_id"]:
                self.checklists.setCurrentRow(i)
        self.run_inspection(m["place_id"])

    def print_ledger(self) -> None:
        from ...core.ui.work import run_in_worker
        from . import forms

        start, end = self.date_from.value(), self.date_to.value()
        data = forms.ledger_data(start, end)
        run_in_worker(self, tr("Preparing the inspection ledger…"), lambda p, c: forms.inspection_ledger(data, p, c),
                      lambda pdf: self.tab.preview(pdf, tr("Inspection ledger"), f"inspections-{start}-{end}.pdf"))

    def export_ledger(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the inspection ledger"), "inspections.xlsx",
                                              tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        from . import excel

        try:
            n = excel.export_ledger(path, self.date_from.value(), self.date_to.value())
        except Exception as exc:
            show_error(self, exc)
            return
        show_info(self, tr("{n} inspections exported to {path}.").format(n=n, path=path))


# --- the figures page --------------------------------------------------------------

def _hours(value) -> str:
    return "—" if value is None else f"{value:.1f}"


def _pct(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def figures_html(f: dict) -> str:
    from html import escape

    t = f["total"]
    line1 = tr("Reported {r}, done {d} ({dr}), on time {o} ({orate}), still open {op} of which overdue {ov}; "
               "cancelled {c}.").format(r=t["reported"], d=t["done"], dr=_pct(t["done_rate"]), o=t["on_time"],
                                        orate=_pct(t["on_time_rate"]), op=t["open"], ov=t["overdue"],
                                        c=f["cancelled"])
    line2 = tr("Time to repair: average {avg} h, median {med} h. Cost {cost} yuan (parts {parts}, labour {labour}); "
               "compensation {comp} yuan.").format(avg=_hours(t["avg_hours"]), med=_hours(t["median_hours"]),
                                                   cost=money(t["cost"]), parts=money(t["parts_cost"]),
                                                   labour=money(t["labour_cost"]), comp=money(t["compensation"]))
    title = tr("Repairs {start} to {end}").format(start=f["start"], end=f["end"])
    head = f"<h3>{escape(title)}</h3><p>{escape(line1)}<br>{escape(line2)}</p>"

    def table(title, rows):
        cols = [tr("Tickets reported"), tr("Done"), tr("On time"), tr("On-time rate"), tr("Average h"), tr("Median h"),
                tr("Cost")]
        html = [f"<h4>{escape(title)}</h4><table border='1' cellspacing='0' cellpadding='3'><tr><th></th>"]
        html += [f"<th>{escape(c)}</th>" for c in cols] + ["</tr>"]
        for label, s in rows:
            vals = [s["reported"], s["done"], s["on_time"], _pct(s["on_time_rate"]), _hours(s["avg_hours"]),
                    _hours(s["median_hours"]), f"{s['cost']:,.2f}"]
            html.append(f"<tr><td>{escape(str(label))}</td>" + "".join(
                f"<td align='right'>{escape(str(v))}</td>" for v in vals) + "</tr>")
        html.append("</table>")
        return "".join(html)

    parts = [head, table(tr("By urgency"), [(rs.urgency_label(u), s) for u, s in f["by_urgency"]]),
             table(tr("By category"), f["by_category"]), table(tr("By building"), f["by_place"])]
    parts.append(f"<h4>{escape(tr('Repeat faults ({n} or more tickets)').format(n=f['threshold']))}</h4>")
    if not f["repeat_places"] and not f["repeat_assets"]:
        parts.append(f"<p>{escape(tr('None.'))}</p>")
    for p in f["repeat_places"]:
        line = tr("Place {place}: {n} tickets ({cats})").format(place=p["place"], n=p["count"], cats=p["categories"])
        parts.append(f"<p>{escape(line)}</p>")
    for a in f["repeat_assets"]:
        line = tr("Asset {number} {name}: {n} tickets, {cost} yuan").format(
            number=a["number"], name=a["name"], n=a["count"], cost=a["cost"])
        parts.append(f"<p>{escape(line)}</p>")
    return "".join(parts)


class FiguresPage(QWidget):
    def __init__(self, tab: RepairsTab):
        super().__init__(tab)
        self.tab = tab
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.kind = ChoiceBox([(tr("Month"), "month"), (tr("Term"), "term")])
        self.month = QComboBox()
        self.term = ChoiceBox([])
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.month.currentIndexChanged.connect(lambda *_: self.refresh_figures())
        self.term.currentIndexChanged.connect(lambda *_: self.refresh_figures())
        pr = QPushButton(tr("Print monthly report"))
        pr.setObjectName("repairs_report")
        pr.clicked.connect(self.print_report)
        for w in (QLabel(tr("Figures for")), self.kind, self.month, self.term):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(pr)
        v.addLayout(bar)
        self.browser = QTextBrowser()
        v.addWidget(self.browser, 1)
        self.fill_periods()
        self._kind_changed()

    def fill_periods(self) -> None:
        today = clock.today()
        months = []
        d = today.replace(day=1)
        for _ in range(24):
            months.append(d.strftime("%Y-%m"))
            d = (d - _dt.timedelta(days=1)).replace(day=1)
        self.month.blockSignals(True)
        self.month.clear()
        self.month.addItems(months)
        self.month.blockSignals(False)
        self.term.blockSignals(True)
        self.term.set_items(rs.term_choices())
        self.term.blockSignals(False)

    def _kind_changed(self, *_args) -> None:
        self.month.setVisible(self.kind.value() == "month")
        self.term.setVisible(self.kind.value() == "term")
        self.refresh_figures()

    def period(self) -> tuple[_dt.date, _dt.date, str]:
        if self.kind.value() == "term" and self.term.value():
            return rs.term_range(self.term.value())
        start, end = rs.month_range(self.month.currentText() or clock.today())
        return start, end, start.strftime("%Y-%m")

    def refresh_figures(self) -> None:
        start, end, _label = self.period()
        self.figures = rs.figures(start, end)
        self.browser.setHtml(figures_html(self.figures))

    def print_report(self) -> None:
        from ...core.ui.work import run_in_worker
        from . import forms

        start, end, label = self.period()
        data = forms.report_data(start, end, label)
        run_in_worker(self, tr("Preparing the repair report…"), lambda p, c: forms.repair_report(data),
                      lambda pdf: self.tab.preview(pdf, tr("Repair report"), f"repair-report-{label}.pdf"))


class RepairsTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 6, 6, 6)
        self.overdue = 0
        self.pages = QTabWidget()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.tickets = TicketsPage(self)
        self.inspections = InspectionsPage(self)
        self.figures = FiguresPage(self)
        self.pages.addTab(self.tickets, tr("Tickets"))
        self.pages.addTab(self.inspections, tr("Inspections"))
        self.pages.addTab(self.figures, tr("Figures"))
        self.pages.currentChanged.connect(self._page_shown)
        v.addWidget(self.pages, 1)
        v.addWidget(self.status)
        # deadlines pass while the window is open: look again every minute
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def set_overdue(self, n: int) -> None:
        self.overdue = n
        self.title_changed.emit(self.title())

    def title(self) -> str:
        return tab_title(self.overdue)

    def tick(self) -> None:
        """The minute's look at the deadlines, while the window is open (a closed window, or one being torn
        down, reads nothing: its database may be gone)."""
        window = self.window()
        if window is None or not window.isVisible():
            return
        self.tickets.apply_filters()

    def status_message(self, text: str) -> None:
        self.status.setText(text)

    def _page_shown(self, index: int) -> None:
        page = self.pages.widget(index)
        if page is self.figures:
            self.figures.refresh_figures()
        elif page is self.inspections:
            self.inspections.refresh()

    def refresh(self) -> None:
        self.tickets.refresh()
        self._page_shown(self.pages.currentIndex())

    def preview(self, pdf: bytes, title: str, filename: str) -> None:
        from ...core.ui.pdf_preview import preview_pdf

        self.last_pdf = pdf
        if getattr(self, "suppress_preview", False):
            return
        preview_pdf(self, pdf, title, filename)


    def show_today(self, target: dict) -> None:
        """A line of Today: the tickets list filtered (overdue, urgent and not yet sent, open by deadline),
        its first ticket selected."""
        page = self.tickets
        self.pages.setCurrentWidget(page)
        status = {"overdue": "overdue", "unassigned_urgent": "reported"}.get(target.get("filter"), "open")
        for box, value in ((page.status, status), (page.period, "all"), (page.category, None),
                           (page.place, None), (page.assignee, None)):
            box.blockSignals(True)
            box.set_value(value) if value is not None else box.setCurrentIndex(0)
            box.blockSignals(False)
        page.search.blockSignals(True)
        page.search.clear()
        page.search.blockSignals(False)
        page.apply_filters()
        if target.get("filter") == "unassigned_urgent":
            page.model.set_filters({**page.filters(), "urgency": "urgent"})
            page.update_summary()
        if target.get("id"):
            page.select_id(int(target["id"]))
        page.table.setFocus()

    def key_action(self, kind: str) -> bool:
        """The shared keys (core/ui/keys.py), on the page shown: tickets (new, the slip of the one chosen,
        export), inspections (new checklist, the ledger printed or exported), figures (the monthly report)."""
        page = self.pages.currentWidget()
        slots = {
            self.tickets: {"new": self.tickets.buttons["new"], "print": self.tickets.buttons["slip"],
                           "export": self.tickets.buttons["export"]},
            self.inspections: {"new": self.inspections.new_checklist, "print": self.inspections.print_ledger,
                               "export": self.inspections.export_ledger},
            self.figures: {"print": self.figures.print_report},
        }.get(page, {})
        if kind in ("new", "print", "export"):
            return self.press(slots.get(kind))
        return super().key_action(kind)
