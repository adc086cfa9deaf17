"""The count page: walk the rooms, scan, tick and type quantities — all from the keyboard.

The scan field has the focus whenever nothing else needs it: a USB scanner types the asset
number and Enter; the answer appears at once, big and coloured. In the expected list (F2):
Space found, Del missing, L on loan (the loan slip seen), D damaged, R needs repair, G good, digits: counted
quantity, U undo, Esc back to scanning. A line whose asset is out on loan says who has it and until when.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....core import clock
from ....core.errors import UserError
from ....core.i18n import tr
from ....core.ui.widgets import ask_text, show_error
from .. import service
from ..models import CONDITIONS, SCAN_OUTCOMES
from .widgets import ProgressBar

BANNER = {  # outcome -> (text colour, background)
    "found": ("#ffffff", "#1e8e3e"),
    "misplaced": ("#ffffff", "#e67e00"),
    "duplicate": ("#3d3000", "#ffd54f"),
    "unknown": ("#ffffff", "#c62828"),
    "idle": ("#37474f", "#eceff1"),
    "error": ("#ffffff", "#6d4c41"),
}
STATE_STYLE = {  # line state -> (label, colour)
    "not_counted": ("—", "#78909c"),
    "found": ("✓ {}", "#1e8e3e"),
    "misplaced": ("→ {}", "#e67e00"),
    "missing": ("✗ {}", "#c62828"),
    "partial": ("◐ {}", "#e67e00"),
    "lent": ("⇄ {}", "#1565c0"),  # on loan: expected not on the shelf
}
LOAN_COLOUR, OVERDUE_COLOUR = "#1565c0", "#c62828"
COL_STATE, COL_NUMBER, COL_NAME, COL_MODEL, COL_QTY, COL_COUNTED, COL_COND, COL_NOTE = range(8)


def state_label(state: str) -> str:
    fmt, _ = STATE_STYLE[state]
    return fmt.format(service.result_text(state)) if "{}" in fmt else tr("Not counted")


def recent_colour(outcome: str) -> QColor:
    return QColor(BANNER[outcome][1] if outcome != "duplicate" else "#9a7b00")


class ExpectedTable(QTableWidget):
    """The expected list of the current place; keys tick, mark and count."""

    def __init__(self, page: CountPage):
        super().__init__(0, 8)
        self.page = page
        self.setObjectName("expected_table")
        self.setHorizontalHeaderLabels([tr("State"), tr("Asset No."), tr("Name"), tr("Model / spec"),
                                        tr("Expected"), tr("Counted"), tr("Condition"), tr("Remarks")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        h = self.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the name takes what is left, so condition and remarks stay in view on a 1366-pixel screen
        h.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        h.setStretchLastSection(False)
        metrics = h.fontMetrics()
        for col, w in ((COL_STATE, 90), (COL_NUMBER, 140), (COL_MODEL, 120), (COL_QTY, 56),
                       (COL_COUNTED, 64), (COL_COND, 80), (COL_NOTE, 110)):
            header = self.horizontalHeaderItem(col).text()
            self.setColumnWidth(col, max(w, metrics.horizontalAdvance(header) + 24))

    def editor(self) -> QLineEdit | None:
        """The open cell editor, if any."""
        for w in self.viewport().findChildren(QLineEdit):
            if w.isVisible():
                return w
        return None

    def _edit_counted(self, text: str = "") -> None:
        row = self.currentRow()
        self.setCurrentCell(row, COL_COUNTED)
        self.editItem(self.item(row, COL_COUNTED))
        editor = self.editor()
        if text and editor is not None:
            editor.setText(text)
            editor.setFocus()

    def keyPressEvent(self, event):
        key = event.key()
        if self.state() == QAbstractItemView.State.EditingState:
            return super().keyPressEvent(event)
        if key == Qt.Key.Key_Escape:
            self.page.focus_scan()
            return
        page = self.page
        actions = {Qt.Key.Key_Space: lambda: page.tick_current(True),
                   Qt.Key.Key_Delete: lambda: page.tick_current(False),
                   Qt.Key.Key_Backspace: lambda: page.tick_current(False),
                   Qt.Key.Key_L: page.confirm_loan_current,
                   Qt.Key.Key_D: lambda: page.mark_current("damaged"),
                   Qt.Key.Key_R: lambda: page.mark_current("needs_repair"),
                   Qt.Key.Key_G: lambda: page.mark_current("good"),
                   Qt.Key.Key_U: page.undo_current}
        if key in actions and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                        | Qt.KeyboardModifier.AltModifier):
            actions[key]()
        elif event.text().isdigit() and self.currentRow() >= 0:
            self._edit_counted(event.text())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._edit_counted()
        else:
            super().keyPressEvent(event)


class CountPage(QWidget):
    """Places on the left with their progress; the scan field, its answer, the expected list of the place
    and the recent scans on the right."""

    counted = Signal()  # a line was counted, marked or reset: what is left to do changed
    unknowns_changed = Signal()  # a scan added or counted an unknown number

    def __init__(self, parent=None):
        super().__init__(parent)
        self.st = None
        self.place_id = None  # the place being counted
        self._progress: dict = {}  # place id -> {"name", "counted", "expected"}
        self._overall = [0, 0]
        self._place_ids: list = []  # row -> place id (item.setData/data corrupt None's refcount in PySide6 6.12)
        self._place_rows: dict = {}
        self._row_of: dict[int, int] = {}  # line id -> row of the expected table
        self._line_ids: list[int] = []  # row -> line id
        self._filling = False
        split = QSplitter(Qt.Orientation.Horizontal, self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        split.addWidget(self._build_places())
        split.addWidget(self._build_counting())
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 1000])
        self.set_banner("idle", tr("Ready to scan"), "")

    # ------------------------------------------------------------------ layout
    def _build_places(self) -> QWidget:
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(tr("Places (Ctrl+PgDown / Ctrl+PgUp)")))
        self.place_list = QListWidget()
        self.place_list.setObjectName("place_list")
        self.place_list.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 3px; }")
        self.place_list.currentRowChanged.connect(self._place_chosen)
        ll.addWidget(self.place_list, 1)
        self.overall_label = QLabel()
        self.overall_label.setObjectName("overall_label")
        ll.addWidget(self.overall_label)
        self.overall_bar = ProgressBar()
        self.overall_bar.setObjectName("overall_bar")
        ll.addWidget(self.overall_bar)
        return left

    def _build_counting(self) -> QWidget:
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        head = QHBoxLayout()
        self.place_title = QLabel()
        self.place_title.setObjectName("place_title")
        self.place_title.setStyleSheet("font-size: 20px; font-weight: bold;")
        head.addWidget(self.place_title, 1)
        self.place_count = QLabel()
        self.place_count.setObjectName("place_count")
        self.place_count.setStyleSheet("font-size: 18px;")
        head.addWidget(self.place_count)
        rl.addLayout(head)
        self.place_bar = ProgressBar()
        self.place_bar.setObjectName("place_bar")
        rl.addWidget(self.place_bar)

        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scan_edit")
        self.scan_edit.setPlaceholderText(tr("Scan or type an asset number, then Enter"))
        font = QFont(self.scan_edit.font())
        font.setPointSize(20)
        self.scan_edit.setFont(font)
        self.scan_edit.setMinimumHeight(48)
        self.scan_edit.returnPressed.connect(self.scan_entered)
        rl.addWidget(self.scan_edit)
        rl.addWidget(self._build_banner())

        lists = QSplitter(Qt.Orientation.Horizontal)
        lists.addWidget(self._build_expected())
        rec = QWidget()
        rcl = QVBoxLayout(rec)
        rcl.setContentsMargins(0, 0, 0, 0)
        rcl.addWidget(QLabel(tr("Recent scans")))
        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rcl.addWidget(self.recent)
        lists.addWidget(rec)
        lists.setStretchFactor(0, 1)
        lists.setStretchFactor(1, 0)
        lists.setSizes([760, 200])
        rl.addWidget(lists, 1)
        return right

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        bl = QVBoxLayout(self.banner)
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)
        self.feedback_detail = QLabel()
        self.feedback_detail.setObjectName("feedback_detail")
        self.feedback_detail.setWordWrap(True)
        bl.addWidget(self.feedback)
        bl.addWidget(self.feedback_detail)
        self.banner.setMinimumHeight(96)
        self.banner.setAutoFillBackground(True)
        big = QFont(self.feedback.font())
        big.setPixelSize(26)
        big.setBold(True)
        self.feedback.setFont(big)
        small = QFont(self.feedback_detail.font())
        small.setPixelSize(16)
        self.feedback_detail.setFont(small)
        return self.banner

    def _build_expected(self) -> QWidget:
        exp = QWidget()
        xl = QVBoxLayout(exp)
        xl.setContentsMargins(0, 0, 0, 0)
        xl.addWidget(QLabel(tr("Expected here (F2: Space found · Del missing · L on loan · D damaged · R needs repair "
                               "· digits: counted quantity · U undo · Esc back to scanning)")))
        self.table = ExpectedTable(self)
        self.table.itemChanged.connect(self._item_changed)
        xl.addWidget(self.table, 1)
        btns = QHBoxLayout()
        for text, slot, name in ((tr("Found"), lambda: self.tick_current(True), "found_button"),
                                 (tr("Missing"), lambda: self.tick_current(False), "missing_button"),
                                 (tr("On loan (slip seen)"), self.confirm_loan_current, "loan_button"),
                                 (tr("Damaged…"), lambda: self.mark_current("damaged"), "damaged_button"),
                                 (tr("Needs repair…"), lambda: self.mark_current("needs_repair"), "repair_button"),
                                 (tr("Undo"), self.undo_current, "undo_button")):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            btns.addWidget(b)
            setattr(self, name, b)
        btns.addStretch(1)
        xl.addLayout(btns)
        return exp

    # ------------------------------------------------------------------ loading
    def load(self, st) -> None:
        """Show the stock-take ``st`` (None: nothing)."""
        self.st = st
        if st is None:
            return
        is_open = st.status == "open"
        for w in (self.scan_edit, self.found_button, self.missing_button, self.loan_button, self.damaged_button,
                  self.repair_button, self.undo_button):
            w.setEnabled(is_open)
        self.fill_places()
        self._fill_recent()
        if is_open:
            self.set_banner("idle", tr("Ready to scan"), tr("Stand in the room chosen on the left and scan each tag."))
        else:
            self.set_banner("idle", tr("This stock-take is closed"), tr("It can be read, printed and exported."))

    def overall(self) -> tuple[int, int]:
        """(counted, expected) over every place."""
        return self._overall[0], self._overall[1]

    # ------------------------------------------------------------------ places & progress
    def fill_places(self) -> None:
        prog = service.place_progress(self.st.id)
        self._progress = prog
        self._overall = [sum(p["counted"] for p in prog.values()), sum(p["expected"] for p in prog.values())]
        keep = self.place_id
        self.place_list.blockSignals(True)
        self.place_list.clear()
        self._place_rows = {}
        self._place_ids = list(prog)
        for i, pid in enumerate(prog):
            self.place_list.addItem(QListWidgetItem())
            self._place_rows[pid] = i
            self._paint_place(pid)
        self.place_list.blockSignals(False)
        row = self._place_rows.get(keep, 0) if prog else -1
        self.place_list.setCurrentRow(row)
        if row >= 0:
            self._place_chosen(row)
        self._paint_overall()

    def _paint_place(self, pid) -> None:
        info = self._progress[pid]
        it = self.place_list.item(self._place_rows[pid])
        done = info["counted"] >= info["expected"]
        it.setText(f'{info["name"]}    {info["counted"]} / {info["expected"]}' + ("  ✓" if done else ""))
        it.setForeground(QColor("#1e8e3e" if done else ("#e67e00" if info["counted"] else "#263238")))

    def _paint_overall(self) -> None:
        counted, total = self._overall
        self.overall_label.setText(tr("Overall: {counted} / {total} counted").format(
            counted=f"{counted:,}", total=f"{total:,}"))
        self.overall_bar.set_progress(counted, total)
        info = self._progress.get(self.place_id)
        if info:
            self.place_count.setText(tr("{counted} / {total} counted here").format(
                counted=info["counted"], total=info["expected"]))
            self.place_bar.set_progress(info["counted"], info["expected"])

    def _place_chosen(self, row: int) -> None:
        if row < 0 or self.st is None:
            return
        self.place_id = self._place_ids[row]
        self.place_title.setText(self._progress[self.place_id]["name"])
        self._fill_lines()
        self._paint_overall()
        if self.st.status == "open" and self.isVisibleTo(self.window()):  # never pulled off another page
            self.focus_scan()

    def step_place(self, delta: int) -> None:
        n = self.place_list.count()
        if n:
            self.place_list.setCurrentRow((self.place_list.currentRow() + delta) % n)

    def _recount(self, pid) -> None:
        """Re-read one place's figures and adjust the overall figure."""
        if pid not in self._progress:
            return
        counted, _total = service.counts_for_place(self.st.id, pid)
        info = self._progress[pid]
        self._overall[0] += counted - info["counted"]
        info["counted"] = counted
        self._paint_place(pid)
        self._paint_overall()

    def _count_one_more(self, pid) -> None:
        """A scan counted one more line of ``pid``: no query."""
        if pid in self._progress:
            self._progress[pid]["counted"] += 1
            self._overall[0] += 1
            self._paint_place(pid)
            self._paint_overall()

    # ------------------------------------------------------------------ the expected list
    def _fill_lines(self) -> None:
        self._filling = True
        rows = service.lines_for_place(self.st.id, self.place_id)
        self.table.setRowCount(len(rows))
        # line ids by row, kept here: QTableWidgetItem.setData/data corrupt None's refcount in PySide6 6.12
        self._line_ids = [d["id"] for d in rows]
        self._row_of = {d["id"]: r for r, d in enumerate(rows)}
        for r, d in enumerate(rows):
            self._paint_line(r, d)
        if any(d.get("loan") for d in rows):  # who has it and until when: wide enough to read
            self.table.setColumnWidth(COL_NOTE, max(self.table.columnWidth(COL_NOTE), 250))
        self._filling = False

    def _paint_line(self, r: int, d: dict) -> None:
        self._filling = True
        editable = self.st is not None and self.st.status == "open"
        state = d["state"]
        label = state_label(state)
        loan = d.get("loan")
        colour = STATE_STYLE[state][1]
        if state == "misplaced":
            label += " " + tr("(in {place})").format(place=service.place_name(d["found_place"]))
        elif state == "not_counted" and loan:
            label, colour = tr("Lent: check slip"), LOAN_COLOUR
        slip = tr("(slip seen)") if state == "lent" and d.get("method") == service.LOAN else ""
        remark = " · ".join(t for t in (d["note"] or "", service.loan_text(loan) if state in (
            "not_counted", "lent") else (tr("Returned? The register has it on loan") if loan else ""), slip) if t)
        values = [label, d["asset_number"], d["name"], d["model_spec"] or "", str(d["quantity"]),
                  "" if d["counted_qty"] is None else str(d["counted_qty"]),
                  tr(CONDITIONS[d["condition"]]) if d["condition"] else "", remark]
        for c, v in enumerate(values):
            it = QTableWidgetItem(v)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            if c == COL_COUNTED and editable:
                flags |= Qt.ItemFlag.ItemIsEditable
            it.setFlags(flags)
            if c in (COL_QTY, COL_COUNTED):
                it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == COL_STATE:
                it.setForeground(QColor(colour))
                f = it.font()
                f.setBold(True)
                it.setFont(f)
            if c == COL_COND and d["condition"] in ("damaged", "needs_repair"):
                it.setForeground(QColor("#c62828"))
            if c == COL_NOTE and loan:
                it.setForeground(QColor(OVERDUE_COLOUR if loan.get("overdue_days") else LOAN_COLOUR))
                it.setToolTip(remark)
            self.table.setItem(r, c, it)
        self._filling = False

    def _refresh_line(self, line_id: int) -> None:
        r = self._row_of.get(line_id)
        if r is not None:
            self._paint_line(r, service.line_dict(line_id))

    def _current_line_id(self) -> int | None:
        r = self.table.currentRow()
        return self._line_ids[r] if 0 <= r < len(self._line_ids) else None

    def _line_action(self, fn) -> None:
        line_id = self._current_line_id()
        if line_id is None:
            self.set_banner("error", tr("Choose a line of the expected list first (F2)."), "")
            return
        try:
            fn(line_id)
        except UserError as exc:
            self.set_banner("error", exc.message, "")
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self._refresh_line(line_id)
        self._recount(self.place_id)
        self.counted.emit()
        r = self._row_of.get(line_id, 0)
        if r + 1 < self.table.rowCount():
            self.table.setCurrentCell(r + 1, COL_STATE)
        self.table.setFocus()

    def tick_current(self, found: bool) -> None:
        self._line_action(lambda lid: service.tick(lid, found, self.place_id if found else None))

    def confirm_loan_current(self) -> None:
        """The asset of the chosen line is out on loan and the clerk has seen the slip: on loan, not missing."""
        self._line_action(service.confirm_loan)

    def undo_current(self) -> None:
        self._line_action(service.reset_line)

    def mark_current(self, condition: str) -> None:
        def act(lid):
            note = ""
            if condition != "good":
                d = service.line_dict(lid)
                note = ask_text(self, tr(CONDITIONS[condition]),
                                tr("{number} {name}: what is wrong?").format(number=d["asset_number"],
                                                                               name=d["name"]), d["note"] or "")
                if note is None:
                    raise UserError(tr("Not marked."))
            service.set_condition(lid, condition, note, place_id=self.place_id)
        self._line_action(act)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != COL_COUNTED:
            return
        line_id = self._line_ids[item.row()]
        text = item.text().strip()
        try:
            if text == "":
                service.reset_line(line_id)
            else:
                service.set_quantity(line_id, text, self.place_id)
        except UserError as exc:
            self.set_banner("error", exc.message, "")
        self._refresh_line(line_id)
        self._recount(self.place_id)
        self.counted.emit()
        self.table.setFocus()

    # ------------------------------------------------------------------ scanning
    def focus_scan(self) -> None:
        if self.scan_edit.isEnabled():
            self.scan_edit.setFocus()
            self.scan_edit.selectAll()

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.table.currentRow() < 0 and self.table.rowCount():
            self.table.setCurrentCell(0, COL_STATE)

    def set_banner(self, outcome: str, message: str, detail: str) -> None:
        """Colour by palette (cheap), not by style sheet (re-polishes the whole banner on every scan)."""
        fg, bg = BANNER[outcome]
        pal = self.banner.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(bg))
        pal.setColor(QPalette.ColorRole.WindowText, QColor(fg))
        self.banner.setPalette(pal)
        self.feedback.setText(message)
        self.feedback_detail.setText(detail)
        self.banner.setProperty("outcome", outcome)

    def scan_entered(self) -> None:
        code = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not code or self.st is None:
            return
        try:
            res = service.scan(self.st.id, code, self.place_id)
        except UserError as exc:
            self.set_banner("error", exc.message, "")
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.set_banner(res.outcome, res.message, res.detail)
        self._add_recent(res.outcome, res.message)
        if res.line_id is not None and res.outcome != "duplicate":
            self._refresh_line(res.line_id)
            if res.newly_counted:
                self._count_one_more(res.place_id)
            r = self._row_of.get(res.line_id)
            if r is not None:
                self.table.setCurrentCell(r, COL_STATE)
        if res.outcome == "unknown" or (res.line_id is None and res.unknown_id is not None
                                        and res.outcome != "duplicate"):
            self.unknowns_changed.emit()
        self.counted.emit()  # after the figures above: the next step says what is left now
        self.scan_edit.setFocus()

    def _add_recent(self, outcome: str, message: str) -> None:
        it = QListWidgetItem(f"{clock.now():%H:%M}  {message}")
        it.setForeground(recent_colour(outcome))
        self.recent.insertItem(0, it)
        while self.recent.count() > 50:
            self.recent.takeItem(self.recent.count() - 1)

    def _fill_recent(self) -> None:
        self.recent.clear()
        for d in service.recent_scans(self.st.id, 50):
            text = f'{d["scanned_at"]:%H:%M}  {tr(SCAN_OUTCOMES[d["outcome"]])}: {d["code"]} {d["name"] or ""}'
            it = QListWidgetItem(text)
            it.setForeground(recent_colour(d["outcome"]))
            self.recent.addItem(it)
