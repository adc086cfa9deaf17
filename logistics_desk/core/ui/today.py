"""The Today page (今日): the first tab, what needs doing today from every module.

Built from the registry's specs the window was handed (core never imports a
module): each spec's ``today`` function gives its lines (core.today). A line is
opened by one click or Enter: the page emits ``open_requested(item)`` and the
window switches to the owning tab and asks it to ``show_today(item.target)``.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import clock
from .. import today as core_today
from ..i18n import N_, tr

COLORS = {"start": "#1e8449", "overdue": "#c0392b", "today": "#b9770e", "soon": "#1f618d", "info": "#555555"}
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"))
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


class TodayPage(QWidget):
    """The list of the day's lines grouped by module, and on an empty database the first steps."""

    open_requested = Signal(object)  # a core.today.TodayItem
    refreshed = Signal()  # the lines were read again (the window puts their number in the tab's title)
    first_painted = Signal()  # the page was painted once (at the program's start the window reads the lines then)

    def __init__(self, specs, parent=None, *, read: bool = True):
        """``read``: read the lines at once (else the window calls ``refresh`` once it is painted)."""
        super().__init__(parent)
        self.painted = False  # painted once (the window reads the lines then, at the program's start)
        self.lines_painted = False  # painted since the lines were first read (what the clerk sees is there)
        self.setObjectName("today_page")
        self.specs = list(specs)
        self.groups: list[core_today.TodayGroup] = []
        self.items: list[core_today.TodayItem] = []  # in the order shown
        self.day: _dt.date | None = None
        self.read_at: _dt.datetime | None = None  # when the lines were last read
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("today_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.summary = QLabel()
        self.summary.setObjectName("today_summary")
        top.addWidget(self.summary)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setObjectName("today_print")
        self.print_button.clicked.connect(self.print_sheet)
        top.addWidget(self.print_button)
        lay.addLayout(top)

        # the first steps, on an empty database
        self.start_box = QFrame()
        self.start_box.setObjectName("today_start")
        self.start_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.start_box.setStyleSheet("#today_start { background: #eef7f0; border: 1px solid #1e8449; }")
        sb = QVBoxLayout(self.start_box)
        self.start_text = QLabel(tr("The database is still empty. To start:"))
        self.start_text.setObjectName("today_start_text")
        self.start_text.setWordWrap(True)
        self.start_text.setStyleSheet("font-size: 15px;")
        sb.addWidget(self.start_text)
        self.start_buttons_box = QVBoxLayout()
        sb.addLayout(self.start_buttons_box)
        self.start_buttons: list[QPushButton] = []
        lay.addWidget(self.start_box)
        self.start_box.hide()

        self.tree = QTreeWidget()
        self.tree.setObjectName("today_list")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([tr("What needs doing"), tr("When"), tr("How many")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)  # Enter, or a double click
        self.tree.itemClicked.connect(self._activated)  # one click opens, as a link does
        lay.addWidget(self.tree, 1)
        self.hint = QLabel(tr("One click or Enter opens the records of a line."))
        self.hint.setStyleSheet("color: #666;")
        lay.addWidget(self.hint)

        # the day turns at midnight while the window stays open
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self._new_day)
        if read:
            self.refresh()
        else:  # the heading at once, the lines once the window is painted
            self._show_heading(clock.today())

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.read_at is not None:
            self.lines_painted = True
        if not self.painted:
            self.painted = True
            self.first_painted.emit()

    # --- reading ---
    def refresh(self) -> None:
        self.read_at = clock.now()
        self.day = self.read_at.date()
        self.groups = core_today.collect(self.specs, self.day)
        self._fill()
        self._arm_midnight()
        self.refreshed.emit()

    def _arm_midnight(self) -> None:
        now = clock.now()
        tomorrow = _dt.datetime.combine(now.date() + _dt.timedelta(days=1), _dt.time(0, 0, 1))
        self.midnight.start(max(1000, int((tomorrow - now).total_seconds() * 1000)))

    def _new_day(self) -> None:
        self.refresh()

    def _show_heading(self, day: _dt.date) -> None:
        self.heading.setText(tr("Today {date}, {weekday}").format(date=day.isoformat(),
                                                                 weekday=tr(WEEKDAYS[day.weekday()])))

    def _fill(self) -> None:
        day = self.day
        self._show_heading(day)
        steps = core_today.start_steps(self.groups)
        self._fill_start(steps)
        self.tree.clear()
        self.items = []
        bold = QFont(self.tree.font())
        bold.setBold(True)
        first = None
        for group in self.groups:
            lines = [i for i in group.items if i.severity != "start"]
            if not lines:
                continue
            head = QTreeWidgetItem([group.title, "", ""])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            for item in lines:
                row = QTreeWidgetItem(["    " + item.text, item.severity_label, str(item.count) if item.count else ""])
                row.setData(0, ITEM_ROLE, len(self.items))
                row.setToolTip(0, item.text)
                color = QBrush(QColor(COLORS.get(item.severity, "#000000")))
                for col in range(3):
                    row.setForeground(col, color)
                row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.tree.addTopLevelItem(row)
                self.items.append(item)
                if first is None:
                    first = row
        if first is not None:
            self.tree.setCurrentItem(first)
        attention = core_today.needs_attention(self.groups)
        self.summary.setText(tr("{n} lines want something done").format(n=attention) if attention
                             else tr("Nothing pressing today."))

    def _fill_start(self, steps: list) -> None:
        for b in self.start_buttons:
            self.start_buttons_box.removeWidget(b)
            b.deleteLater()
        self.start_buttons = []
        for n, item in enumerate(steps, 1):
            b = QPushButton(f"{n}. {item.text}")
            b.setObjectName(f"today_start_{item.target.get('action', n)}")
            b.setMinimumHeight(34)
            b.setStyleSheet("text-align: left; padding: 4px 12px; font-size: 14px;")
            b.clicked.connect(lambda _c=False, i=item: self.open_requested.emit(i))
            self.start_buttons_box.addWidget(b)
            self.start_buttons.append(b)
        self.start_box.setVisible(bool(steps))

    # --- opening ---
    def item_at(self, row: QTreeWidgetItem | None):
        index = row.data(0, ITEM_ROLE) if row is not None else None
        return self.items[index] if index is not None and 0 <= index < len(self.items) else None

    def _activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item = self.item_at(row)
        if item is not None:
            self.open_requested.emit(item)

    def row_of(self, predicate) -> QTreeWidgetItem | None:
        """The row of the first line ``predicate(item)`` accepts (tests and the window use it)."""
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            item = self.item_at(row)
            if item is not None and predicate(item):
                return row
        return None

    # --- paper ---
    def print_sheet(self) -> None:
        from .pdf_preview import preview_pdf
        from .widgets import show_error

        try:
            pdf = core_today.render_pdf(self.groups, self.day or clock.today())
        except Exception as exc:
            show_error(self, exc)
            return
        self.last_pdf = pdf
        if getattr(self, "suppress_preview", False):
            return
        preview_pdf(self, pdf, tr("Today's round"), f"today-{QDateTime.currentDateTime().toString('yyyyMMdd')}.pdf")

    # --- the shared keys (core/ui/keys.py): F5 reads again, Ctrl+P prints the round; no filter, nothing to create
    def key_action(self, kind: str) -> bool:
        if kind == "refresh":
            self.refresh()
            return True
        if kind == "print":
            self.print_sheet()
            return True
        return False
