"""The stock-take tab: scan, tick, count, close, sign off, apply — all from the keyboard.

The scan field has the focus whenever nothing else needs it: a USB scanner types
the asset number and Enter; the answer appears at once, big and coloured.
Keys: Enter (in the scan field) records; Ctrl+PgDown / Ctrl+PgUp next / previous
place; F2 the expected list (Space found, Del missing, D damaged, R needs
repair, G good, digits: counted quantity, U undo, Esc back to scanning);
Ctrl+P count sheets; Ctrl+N a new stock-take.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import UserError
from ...core.i18n import N_, tr
from ...core.ui.pdf_preview import preview_pdf
from ...core.ui.tab import ModuleTab
from ...core.ui.widgets import ChoiceBox, ask_text, confirm, show_error, show_info
from ...core.ui.work import run_in_worker, run_with_progress
from . import forms, service
from .dialogs import OpenDialog, SignOffDialog, SurplusDialog
from .models import CONDITIONS, SCAN_OUTCOMES, UNKNOWN_STATUSES

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
}
COL_STATE, COL_NUMBER, COL_NAME, COL_MODEL, COL_QTY, COL_COUNTED, COL_COND, COL_NOTE = range(8)


def state_label(state: str) -> str:
    fmt, _ = STATE_STYLE[state]
    return fmt.format(service.result_text(state)) if "{}" in fmt else tr("Not counted")


class ProgressBar(QWidget):
    """A progress bar that repaints later, not at once (QProgressBar.setValue repaints
    synchronously: ~10 ms a scan on a large window)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._done, self._total = 0, 0
        self.setMinimumHeight(22)

    def set_progress(self, done: int, total: int) -> None:
        if (done, total) != (self._done, self._total):
            self._done, self._total = done, total
            self.update()

    def value(self) -> int:
        return self._done

    def maximum(self) -> int:
        return self._total

    def text(self) -> str:
        return f"{self._done * 100 // self._total}%" if self._total else ""

    def paintEvent(self, _event):  # noqa: N802
        p = QPainter(self)
        r = self.rect().adjusted(0, 0, -1, -1)
        p.fillRect(r, QColor("#eceff1"))
        if self._total:
            w = int(r.width() * min(self._done, self._total) / self._total)
            done = self._done >= self._total
            p.fillRect(r.x(), r.y(), w, r.height(), QColor("#43a047" if done else "#1e88e5"))
        p.setPen(QColor("#90a4ae"))
        p.drawRect(r)
        p.setPen(QColor("#263238"))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text())
        p.end()


class ElidedLabel(QLabel):
    """One line that shows what fits and ends in "…" (the whole text in its tooltip), so a long text
    (a stock-take's scope naming every room) never makes the window wider than the screen."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text or ""
        self.setToolTip(self._full if self._full else "")
        self._elide()

    def text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(60, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width())))


class ExpectedTable(QTableWidget):
    """The expected list of the current place; keys tick, mark and count."""

    def __init__(self, tab: "StockTakeTab"):
        super().__init__(0, 8)
        self.tab = tab
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

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        text = event.text()
        if self.state() == QAbstractItemView.State.EditingState:
            return super().keyPressEvent(event)
        if key == Qt.Key.Key_Escape:
            self.tab.focus_scan()
            return
        actions = {Qt.Key.Key_Space: lambda: self.tab.tick_current(True),
                   Qt.Key.Key_Delete: lambda: self.tab.tick_current(False),
                   Qt.Key.Key_Backspace: lambda: self.tab.tick_current(False),
                   Qt.Key.Key_D: lambda: self.tab.mark_current("damaged"),
                   Qt.Key.Key_R: lambda: self.tab.mark_current("needs_repair"),
                   Qt.Key.Key_G: lambda: self.tab.mark_current("good"),
                   Qt.Key.Key_U: self.tab.undo_current}
        if key in actions and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                        | Qt.KeyboardModifier.AltModifier):
            actions[key]()
            return
        if text.isdigit() and self.currentRow() >= 0:
            row = self.currentRow()
            self.setCurrentCell(row, COL_COUNTED)
            item = self.item(row, COL_COUNTED)
            self.editItem(item)
            editor = self.editor()
            if editor is not None:
                editor.setText(text)
                editor.setFocus()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.setCurrentCell(self.currentRow(), COL_COUNTED)
            self.editItem(self.item(self.currentRow(), COL_COUNTED))
            return
        super().keyPressEvent(event)


class StockTakeTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.st = None  # the stock-take shown
        self.place_id = None  # the place being counted
        self._row_of: dict[int, int] = {}  # line id -> row of the expected table
        self._line_ids: list[int] = []  # row -> line id
        self._filling = False
        self._overall = [0, 0]
        self._build()
        self._shortcuts()
        self.refresh()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Stock-take:")))
        self.picker = ChoiceBox()
        self.picker.setObjectName("picker")
        self.picker.setMinimumWidth(380)
        self.picker.currentIndexChanged.connect(self._picked)
        top.addWidget(self.picker)
        self.status_label = ElidedLabel()
        self.status_label.setObjectName("status_label")
        top.addWidget(self.status_label, 1)
        self.new_button = QPushButton(tr("New stock-take…"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_stocktake)
        top.addWidget(self.new_button)
        root.addLayout(top)

        self.next_step = QLabel()
        self.next_step.setObjectName("next_step")
        self.next_step.setWordWrap(True)
        self.next_step.setStyleSheet("background: #e3f2fd; color: #0d47a1; padding: 8px; border-radius: 4px;"
                                     "font-size: 14px;")
        root.addWidget(self.next_step)

        actions = QHBoxLayout()
        self.sheets_button = QPushButton(tr("Print count sheets"))
        self.sheets_button.setToolTip("Ctrl+P")
        self.sheets_button.clicked.connect(self.print_sheets)
        self.report_button = QPushButton(tr("Print variance report"))
        self.report_button.clicked.connect(self.print_report)
        self.export_button = QPushButton(tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(tr("Close the count…"))
        self.close_button.clicked.connect(self.close_stocktake)
        self.sign_button = QPushButton(tr("Sign off…"))
        self.sign_button.clicked.connect(self.sign_off)
        for b in (self.sheets_button, self.report_button, self.export_button, self.close_button, self.sign_button):
            actions.addWidget(b)
        actions.addStretch(1)
        root.addLayout(actions)

        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        # empty state
        empty = QWidget()
        el = QVBoxLayout(empty)
        el.addStretch(1)
        self.empty_label = QLabel(tr("No stock-take yet.\n\nOpen one for this term: choose what to count, print the "
                                     "count sheets, then walk the rooms and scan."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 16px; color: #455a64;")
        el.addWidget(self.empty_label)
        big = QPushButton(tr("Open a stock-take…"))
        big.setStyleSheet("font-size: 16px; padding: 10px 24px;")
        big.clicked.connect(self.new_stocktake)
        el.addWidget(big, 0, Qt.AlignmentFlag.AlignCenter)
        el.addStretch(2)
        self.stack.addWidget(empty)

        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.stack.addWidget(self.pages)
        self.pages.addTab(self._build_count_page(), tr("Count"))
        self.pages.addTab(self._build_unknown_page(), tr("Unknown numbers"))
        self.pages.addTab(self._build_results_page(), tr("Results and applying"))
        self.pages.addTab(self._build_compare_page(), tr("Compare with previous"))
        self.pages.currentChanged.connect(self._page_shown)

    def _build_count_page(self) -> QWidget:
        page = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal, page)
        lay = QHBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
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
        split.addWidget(left)

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
        rl.addWidget(self.banner)

        lists = QSplitter(Qt.Orientation.Horizontal)
        exp = QWidget()
        xl = QVBoxLayout(exp)
        xl.setContentsMargins(0, 0, 0, 0)
        xl.addWidget(QLabel(tr("Expected here (F2: Space found · Del missing · D damaged · R needs repair · "
                               "digits: counted quantity · U undo · Esc back to scanning)")))
        self.table = ExpectedTable(self)
        self.table.itemChanged.connect(self._item_changed)
        xl.addWidget(self.table, 1)
        btns = QHBoxLayout()
        for text, slot, name in ((tr("Found"), lambda: self.tick_current(True), "found_button"),
                                 (tr("Missing"), lambda: self.tick_current(False), "missing_button"),
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
        lists.addWidget(exp)
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
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 1000])
        self._set_banner("idle", tr("Ready to scan"), "")
        return page

    def _build_unknown_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel(tr("Numbers nobody expected. Resolve each before closing: match it to an asset (a worn "
                                "or swapped tag), enter it as surplus (盘盈), or dismiss it.")))
        self.unknown_table = QTableWidget(0, 6)
        self.unknown_table.setObjectName("unknown_table")
        self.unknown_table.setHorizontalHeaderLabels([tr("Tag / number"), tr("Found in"), tr("Times scanned"),
                                                      tr("Status"), tr("Resolution"), tr("Remarks")])
        self.unknown_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unknown_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unknown_table.horizontalHeader().setStretchLastSection(True)
        for col, w in ((0, 170), (1, 170), (2, 90), (3, 130), (4, 240)):
            self.unknown_table.setColumnWidth(col, w)
        self.unknown_table.verticalHeader().setVisible(False)
        self.unknown_table.currentCellChanged.connect(self._unknown_selected)
        lay.addWidget(self.unknown_table, 1)
        row = QHBoxLayout()
        self.match_button = QPushButton(tr("Match to an asset…"))
        self.match_button.clicked.connect(self.match_unknown)
        self.surplus_button = QPushButton(tr("Enter as surplus…"))
        self.surplus_button.clicked.connect(self.enter_surplus)
        self.dismiss_button = QPushButton(tr("Dismiss…"))
        self.dismiss_button.clicked.connect(self.dismiss_unknown)
        self.untagged_button = QPushButton(tr("Add an untagged item found…"))
        self.untagged_button.clicked.connect(self.add_untagged)
        for b in (self.match_button, self.surplus_button, self.dismiss_button, self.untagged_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return page

    def _build_results_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Variance")))
        self.variance_by = ChoiceBox([(tr("by place"), "places"), (tr("by category"), "categories")])
        self.variance_by.currentIndexChanged.connect(lambda _i: self._fill_variance())
        top.addWidget(self.variance_by)
        self.variance_note = QLabel()
        self.variance_note.setObjectName("variance_note")
        top.addWidget(self.variance_note, 1)
        lay.addLayout(top)
        self.variance_table = QTableWidget(0, 10)
        self.variance_table.setObjectName("variance_table")
        self.variance_table.setHorizontalHeaderLabels([
            "", tr("Items expected"), tr("Qty expected"), tr("Book value"), tr("Qty found"), tr("Shortage qty"),
            tr("Shortage value"), tr("Surplus qty"), tr("Misplaced"), tr("Damaged")])
        self.variance_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.variance_table.verticalHeader().setVisible(False)
        self.variance_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the variance above, what to apply below, the line between them movable; the variance keeps
        # room for its rows and its total (see _fit_variance)
        self.results_split = QSplitter(Qt.Orientation.Vertical)
        self.results_split.setObjectName("results_split")
        self.results_split.setChildrenCollapsible(False)
        lay.addWidget(self.results_split, 1)
        self.results_split.addWidget(self.variance_table)
        lower = QWidget()
        lay = QVBoxLayout(lower)
        lay.setContentsMargins(0, 0, 0, 0)
        self.results_split.addWidget(lower)
        lay.addWidget(QLabel(tr("Applying the results (after sign-off): tick what to apply. Each choice is written "
                                "into the asset's history.")))
        self.apply_table = QTableWidget(0, 5)
        self.apply_table.setObjectName("apply_table")
        self.apply_table.setHorizontalHeaderLabels([tr("Apply"), tr("Action"), tr("Asset No."), tr("Name"),
                                                    tr("Details")])
        self.apply_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.apply_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.apply_table.verticalHeader().setVisible(False)
        self.apply_table.horizontalHeader().setStretchLastSection(True)
        for col, w in ((0, 50), (1, 190), (2, 160), (3, 180)):
            self.apply_table.setColumnWidth(col, w)
        lay.addWidget(self.apply_table, 1)
        row = QHBoxLayout()
        self.apply_button = QPushButton(tr("Apply ticked"))
        self.apply_button.setObjectName("apply_button")
        self.apply_button.clicked.connect(self.apply_ticked)
        self.writeoff_button = QPushButton(tr("Write-off approved…"))
        self.writeoff_button.clicked.connect(self.approve_writeoffs)
        self.repair_button_apply = QPushButton(tr("Open repair ticket"))
        self.repair_button_apply.clicked.connect(self.open_repair)
        for b in (self.apply_button, self.writeoff_button, self.repair_button_apply):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return page

    def _build_compare_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.compare_label = QLabel()
        self.compare_label.setObjectName("compare_label")
        self.compare_label.setWordWrap(True)
        lay.addWidget(self.compare_label)
        self.compare_table = QTableWidget(0, 4)
        self.compare_table.setObjectName("compare_table")
        self.compare_table.setHorizontalHeaderLabels([tr("What"), tr("Asset No."), tr("Name"), tr("Expected place")])
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.verticalHeader().setVisible(False)
        self.compare_table.horizontalHeader().setStretchLastSection(True)
        for col, w in ((0, 130), (1, 170), (2, 220)):
            self.compare_table.setColumnWidth(col, w)
        lay.addWidget(self.compare_table, 1)
        return page

    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for seq, slot in ((QKeySequence("Ctrl+PgDown"), lambda: self.step_place(1)),
                          (QKeySequence("Ctrl+PgUp"), lambda: self.step_place(-1)),
                          (QKeySequence("F2"), self.focus_table),
                          (QKeySequence("Ctrl+L"), self.focus_scan),
                          (QKeySequence("Ctrl+P"), self.print_sheets),
                          (QKeySequence("Ctrl+N"), self.new_stocktake)):
            sc = QShortcut(seq, self)
            sc.setContext(ctx)
            sc.activated.connect(slot)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        keep = self.st.id if self.st is not None else None
        items = []
        for st in service.all_stocktakes():
            items.append((f"{st.doc_no}  {st.title}  — {service.status_text(st)}", st.id))
        self.picker.blockSignals(True)
        self.picker.set_items(items)
        cur = service.current()
        target = keep if keep in [v for _l, v in items] else (cur.id if cur else (items[0][1] if items else None))
        if target is not None:
            self.picker.set_value(target)
        self.picker.blockSignals(False)
        self._load(target)

    def _picked(self, _index) -> None:
        self._load(self.picker.value())

    def _load(self, stocktake_id) -> None:
        self.st = service.get(stocktake_id) if stocktake_id else None
        has = self.st is not None
        self.stack.setCurrentIndex(1 if has else 0)
        for b in (self.sheets_button, self.report_button, self.export_button, self.close_button, self.sign_button):
            b.setEnabled(has)
        if not has:
            self.status_label.setText("")
            self.next_step.setText(tr("Next step: open a stock-take (Ctrl+N)."))
            return
        st = self.st
        is_open = st.status == "open"
        self.status_label.setText(tr("{status} · {scope}").format(status=service.status_text(st), scope=service.shown_scope(st)))
        self.close_button.setEnabled(is_open)
        self.sign_button.setEnabled(st.status == "closed")
        self.new_button.setEnabled(service.current() is None)
        self.scan_edit.setEnabled(is_open)
        for b in (self.found_button, self.missing_button, self.damaged_button, self.repair_button, self.undo_button,
                  self.match_button, self.surplus_button, self.dismiss_button, self.untagged_button):
            b.setEnabled(is_open)
        self._fill_places()
        self._fill_recent()
        self._fill_unknowns()
        self._update_next_step()
        if is_open:
            self._set_banner("idle", tr("Ready to scan"), tr("Stand in the room chosen on the left and scan each tag."))
            self.pages.setCurrentIndex(0)
            self.focus_scan()
        else:
            self._set_banner("idle", tr("This stock-take is closed"), tr("It can be read, printed and exported."))
            self.pages.setCurrentIndex(2)
            self._fill_results()

    def _update_next_step(self) -> None:
        st = self.st
        if st is None:
            return
        counted, total = self._overall
        open_unknowns = service.open_unknown_count(st.id)
        if st.status == "open":
            if counted < total:
                text = tr("Next step: scan or tick what is in each room ({left} still to count). When every room is "
                          "done, close the count.").format(left=f"{total - counted:,}")
            elif open_unknowns:
                text = (tr("Next step: resolve the unknown number, then close the count.") if open_unknowns == 1 else
                        tr("Next step: resolve the {n} unknown numbers, then close the count.").format(n=open_unknowns))
            else:
                text = tr("Everything is counted. Next step: close the count (Close the count…).")
            if open_unknowns and counted < total:
                text += " " + (tr("1 unknown number to resolve.") if open_unknowns == 1 else
                               tr("{n} unknown numbers to resolve.").format(n=open_unknowns))
        elif st.status == "closed":
            text = tr("Next step: print the variance report, have it signed, then record the sign-off (Sign off…).")
        else:
            pending = service.pending_actions(st.id)
            n = sum(len(v) for k, v in pending.items() if k != "writeoff")
            w = len(pending["writeoff"])
            if n:
                text = tr("Signed off. Next step: apply the results ({n} to apply) on the Results page.").format(n=n)
            elif w:
                text = tr("Results applied. {n} missing assets await write-off approval (Write-off approved…).").format(
                    n=w)
            else:
                text = tr("Done: the results are applied.")
        self.next_step.setText(text)

    # ------------------------------------------------------------------ places & progress
    def _fill_places(self) -> None:
        prog = service.place_progress(self.st.id)
        self._progress = prog
        self._overall = [sum(p["counted"] for p in prog.values()), sum(p["expected"] for p in prog.values())]
        keep = self.place_id
        self.place_list.blockSignals(True)
        self.place_list.clear()
        self._place_rows = {}
        self._place_ids = list(prog)  # (item.setData/data corrupt None's refcount in PySide6 6.12)
        for i, pid in enumerate(prog):
            it = QListWidgetItem()
            self.place_list.addItem(it)
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

    @staticmethod
    def _set_bar(bar: "ProgressBar", done: int, total: int) -> None:
        bar.set_progress(done, total)

    def _paint_overall(self) -> None:
        counted, total = self._overall
        self.overall_label.setText(tr("Overall: {counted} / {total} counted").format(
            counted=f"{counted:,}", total=f"{total:,}"))
        self._set_bar(self.overall_bar, counted, total)
        info = getattr(self, "_progress", {}).get(self.place_id)
        if info:
            self.place_count.setText(tr("{counted} / {total} counted here").format(
                counted=info["counted"], total=info["expected"]))
            self._set_bar(self.place_bar, info["counted"], info["expected"])

    def _place_chosen(self, row: int) -> None:
        if row < 0 or self.st is None:
            return
        self.place_id = self._place_ids[row]
        self.place_title.setText(self._progress[self.place_id]["name"])
        self._fill_lines()
        self._paint_overall()
        if self.st.status == "open" and self.pages.currentIndex() == 0:  # never pulled off another page
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

    # ------------------------------------------------------------------ the expected list
    def _fill_lines(self) -> None:
        self._filling = True
        rows = service.lines_for_place(self.st.id, self.place_id)
        self.table.setRowCount(len(rows))
        self._row_of = {}
        # line ids by row, kept here: QTableWidgetItem.setData/data corrupt None's refcount in PySide6 6.12
        self._line_ids = [d["id"] for d in rows]
        for r, d in enumerate(rows):
            self._row_of[d["id"]] = r
            self._paint_line(r, d)
        self._filling = False

    def _paint_line(self, r: int, d: dict) -> None:
        self._filling = True
        editable = self.st is not None and self.st.status == "open"
        state = d["state"]
        label = state_label(state)
        if state == "misplaced":
            label += " " + tr("(in {place})").format(place=service._place_name(d["found_place"]))
        values = [label, d["asset_number"], d["name"], d["model_spec"] or "", str(d["quantity"]),
                  "" if d["counted_qty"] is None else str(d["counted_qty"]),
                  tr(CONDITIONS[d["condition"]]) if d["condition"] else "", d["note"] or ""]
        for c, v in enumerate(values):
            it = QTableWidgetItem(v)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            if c == COL_COUNTED and editable:
                flags |= Qt.ItemFlag.ItemIsEditable
            it.setFlags(flags)
            if c in (COL_QTY, COL_COUNTED):
                it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0:
                it.setForeground(QColor(STATE_STYLE[state][1]))
                f = it.font()
                f.setBold(True)
                it.setFont(f)
            if c == COL_COND and d["condition"] in ("damaged", "needs_repair"):
                it.setForeground(QColor("#c62828"))
            self.table.setItem(r, c, it)
        self._filling = False

    def _refresh_line(self, line_id: int) -> None:
        r = self._row_of.get(line_id)
        if r is not None:
            self._paint_line(r, service.line_dict(line_id))

    def _current_line_id(self) -> int | None:
        r = self.table.currentRow()
        if r < 0:
            return None
        return self._line_ids[r] if r < len(self._line_ids) else None

    def _line_action(self, fn, *, keep_table_focus: bool = True) -> None:
        line_id = self._current_line_id()
        if line_id is None:
            self._set_banner("error", tr("Choose a line of the expected list first (F2)."), "")
            return
        try:
            fn(line_id)
        except UserError as exc:
            self._set_banner("error", exc.message, "")
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self._refresh_line(line_id)
        self._recount(self.place_id)
        self._update_next_step()
        if keep_table_focus:
            r = self._row_of.get(line_id, 0)
            if r + 1 < self.table.rowCount():
                self.table.setCurrentCell(r + 1, COL_STATE)
            self.table.setFocus()

    def tick_current(self, found: bool) -> None:
        self._line_action(lambda lid: service.tick(lid, found, self.place_id if found else None))

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
            self._set_banner("error", exc.message, "")
        self._refresh_line(line_id)
        self._recount(self.place_id)
        self._update_next_step()
        self.table.setFocus()

    # ------------------------------------------------------------------ scanning
    def focus_scan(self) -> None:
        if self.scan_edit.isEnabled():
            self.pages.setCurrentIndex(0)
            self.scan_edit.setFocus()
            self.scan_edit.selectAll()

    def focus_table(self) -> None:
        self.pages.setCurrentIndex(0)
        self.table.setFocus()
        if self.table.currentRow() < 0 and self.table.rowCount():
            self.table.setCurrentCell(0, COL_STATE)

    def _set_banner(self, outcome: str, message: str, detail: str) -> None:
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
            self._set_banner("error", exc.message, "")
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self._set_banner(res.outcome, res.message, res.detail)
        self._add_recent(res.outcome, code, res.message)
        if res.line_id is not None and res.outcome != "duplicate":
            self._refresh_line(res.line_id)
            if res.newly_counted and res.place_id in self._progress:
                self._progress[res.place_id]["counted"] += 1  # no query: the scan counted one more line
                self._overall[0] += 1
                self._paint_place(res.place_id)
                self._paint_overall()
            r = self._row_of.get(res.line_id)
            if r is not None:
                self.table.setCurrentCell(r, COL_STATE)
        if res.outcome == "unknown" or (res.line_id is None and res.unknown_id is not None
                                        and res.outcome != "duplicate"):
            self._fill_unknowns()
        self._update_next_step()  # after the figures above: it says what is left now
        self.scan_edit.setFocus()

    def _add_recent(self, outcome: str, code: str, message: str) -> None:
        it = QListWidgetItem(f"{clock.now():%H:%M}  {message}")
        it.setForeground(QColor(BANNER[outcome][1] if outcome != "duplicate" else "#9a7b00"))
        self.recent.insertItem(0, it)
        while self.recent.count() > 50:
            self.recent.takeItem(self.recent.count() - 1)

    def _fill_recent(self) -> None:
        self.recent.clear()
        for d in service.recent_scans(self.st.id, 50):
            text = f'{d["scanned_at"]:%H:%M}  {tr(SCAN_OUTCOMES[d["outcome"]])}: {d["code"]} {d["name"] or ""}'
            it = QListWidgetItem(text)
            it.setForeground(QColor(BANNER[d["outcome"]][1] if d["outcome"] != "duplicate" else "#9a7b00"))
            self.recent.addItem(it)

    # ------------------------------------------------------------------ unknown numbers
    def _fill_unknowns(self) -> None:
        rows = service.unknowns(self.st.id)
        self._unknown_rows = rows
        self.unknown_table.setRowCount(len(rows))
        open_n = 0
        for r, u in enumerate(rows):
            if u["status"] == "open":
                open_n += 1
            resolution = ""
            if u["status"] == "matched":
                resolution = u["matched_number"] or ""
            elif u["status"] == "surplus":
                resolution = f'{u["name"]} ×{u["quantity"]}'
                if u["registered_number"]:
                    resolution += " → " + u["registered_number"]
            values = [u["code"] or tr("(no tag)"), u["place_name"] or tr("(no place)"), str(u["times"]),
                      tr(UNKNOWN_STATUSES[u["status"]]), resolution, u["note"] or ""]
            for c, v in enumerate(values):
                it = QTableWidgetItem(v)
                if c == 3:
                    it.setForeground(QColor("#c62828" if u["status"] == "open" else "#1e8e3e"))
                self.unknown_table.setItem(r, c, it)
        title = tr("Unknown numbers") + (f" ({open_n})" if open_n else "")
        self.pages.setTabText(1, title)
        self._unknown_selected()

    def _unknown_selected(self, *_args) -> None:
        """Match, surplus and dismiss are offered for an entry still to resolve, and only for it."""
        r = self.unknown_table.currentRow()
        rows = getattr(self, "_unknown_rows", [])
        unresolved = (self.st is not None and self.st.status == "open" and 0 <= r < len(rows)
                      and rows[r]["status"] == "open")
        for b in (self.match_button, self.surplus_button, self.dismiss_button):
            b.setEnabled(unresolved)

    def _selected_unknown(self) -> dict | None:
        r = self.unknown_table.currentRow()
        if r < 0 or r >= len(self._unknown_rows):
            show_info(self, tr("Choose a line first."), tr("Unknown numbers"))
            return None
        return self._unknown_rows[r]

    def _reselect_unknown(self, unknown_id: int) -> None:
        for r, u in enumerate(self._unknown_rows):
            if u["id"] == unknown_id:
                self.unknown_table.setCurrentCell(r, 0)
                break
        self._unknown_selected()

    def _after_unknown(self) -> None:
        self._fill_unknowns()
        self._fill_places()
        self._update_next_step()

    def _ask_about_unknown(self, title: str, prompt: str, action) -> None:
        """Ask for a text about the chosen unknown number (prompt has {code}), then ``action(id, text)``."""
        u = self._selected_unknown()
        if u is None:
            return
        text = ask_text(self, title, prompt.format(code=u["code"] or ""))
        if not text:
            return
        try:
            action(u["id"], text)
        except UserError as exc:
            show_error(self, exc)
            return
        self._after_unknown()
        self._reselect_unknown(u["id"])

    def match_unknown(self) -> None:
        u = self._selected_unknown()
        if u is None:
            return
        number = service.match_suggestion(u["id"])
        if number is None:  # a worn or swapped tag: which asset is it?
            self._ask_about_unknown(tr("Match to an asset"), tr("Asset number of “{code}”:"), service.match_unknown)
            return
        # the scanned number is an asset's own number: it is that asset, nothing to type again
        if not confirm(self, tr("Match “{code}” to asset {number}?").format(code=u["code"] or "", number=number),
                       tr("Match to an asset")):
            return
        try:
            service.match_unknown(u["id"], number)
        except UserError as exc:
            show_error(self, exc)
            return
        self._after_unknown()
        self._reselect_unknown(u["id"])

    def enter_surplus(self) -> None:
        u = self._selected_unknown()
        if u is None:
            return
        dlg = SurplusDialog(self, code=u["code"] or "", place_id=u["found_place"])
        dlg.submit = lambda values: service.set_surplus(u["id"], values)
        if dlg.exec():
            self._after_unknown()
            self._reselect_unknown(u["id"])

    def add_untagged(self) -> None:
        dlg = SurplusDialog(self, place_id=self.place_id, title=tr("An untagged item found (盘盈)"))
        dlg.submit = lambda values: service.add_surplus(self.st.id, values)
        if dlg.exec():
            self._after_unknown()

    def dismiss_unknown(self) -> None:
        self._ask_about_unknown(tr("Dismiss"), tr("Why is “{code}” not an asset?"), service.dismiss_unknown)

    # ------------------------------------------------------------------ closing, sign-off
    def new_stocktake(self) -> None:
        cur = service.current()
        if cur is not None:
            show_info(self, tr("Stock-take {doc} is still open. Close it before opening another.").format(
                doc=cur.doc_no), tr("Stock-take"))
            return
        dlg = OpenDialog(self)
        if dlg.exec() and dlg.result_stocktake is not None:
            self.st = dlg.result_stocktake
            self.place_id = None
            self.refresh()
            self.data_changed.emit()
            QTimer.singleShot(0, self.focus_scan)  # after the dialog has given the focus back

    def close_stocktake(self) -> None:
        if self.st is None or self.st.status != "open":
            return
        try:
            service.check_can_close(self.st.id)  # what stops it is said before anything is asked
        except UserError as exc:
            show_error(self, exc)
            if service.open_unknown_count(self.st.id):
                self.pages.setCurrentIndex(1)
            return
        counted, total = service.progress(self.st.id)
        text = tr("Close the count of {doc}?\n\n{left} of {total} expected items have not been found: they will be "
                  "listed as shortage (盘亏). No asset is changed by closing; the results are applied after "
                  "sign-off.").format(doc=self.st.doc_no, left=f"{total - counted:,}", total=f"{total:,}")
        if not confirm(self, text, tr("Close the count")):
            return
        try:
            service.close(self.st.id)
        except UserError as exc:
            show_error(self, exc)
            if service.unknowns(self.st.id, "open"):
                self.pages.setCurrentIndex(1)
            return
        self.refresh()
        self.data_changed.emit()

    def sign_off(self) -> None:
        if self.st is None:
            return
        dlg = SignOffDialog(self, self.st)
        if dlg.exec():
            self.refresh()

    # ------------------------------------------------------------------ results & applying
    def _page_shown(self, index: int) -> None:
        if self.st is None:
            return
        if index == 2:
            self._fill_results()
        elif index == 3:
            self._fill_compare()
        elif index == 0:
            self.focus_scan()

    def _fill_results(self) -> None:
        self._variance = service.variance(self.st.id)
        self._fill_variance()
        self._fill_apply()

    def _fill_variance(self) -> None:
        v = getattr(self, "_variance", None)
        if v is None:
            return
        rows = v[self.variance_by.value() or "places"] + [v["totals"]]
        self.variance_note.setText(tr("Provisional: the count is still open.") if v["provisional"] else "")
        self.variance_table.setHorizontalHeaderItem(0, QTableWidgetItem(
            tr("Place") if self.variance_by.value() == "places" else tr("Category")))
        self.variance_table.setRowCount(len(rows))
        for r, d in enumerate(rows):
            values = [d["label"], d["expected"], d["expected_qty"], f'{d["expected_value"]:,.2f}', d["found_qty"],
                      d["missing_qty"], f'{d["missing_value"]:,.2f}', d["surplus_qty"], d["misplaced"], d["damaged"]]
            for c, val in enumerate(values):
                it = QTableWidgetItem(str(val))
                if c:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r == len(rows) - 1:
                    f = it.font()
                    f.setBold(True)
                    it.setFont(f)
                if c in (5, 6) and d["missing_qty"]:
                    it.setForeground(QColor("#c62828"))
                self.variance_table.setItem(r, c, it)
        self._fit_variance()

    def _fit_variance(self) -> None:
        """Give the variance table the height of its rows (up to 12) and the total, so the total row
        is seen without scrolling; the list of what to apply gets the rest."""
        t = self.variance_table
        rows = t.rowCount()
        row_h = t.verticalHeader().defaultSectionSize()
        shown = min(rows, 12)
        want = t.horizontalHeader().height() + shown * row_h + 2 * t.frameWidth() + 4
        if rows > shown:
            want += t.horizontalScrollBar().sizeHint().height()
        t.setMinimumHeight(min(want, 120 + 6 * row_h))
        total = max(self.results_split.height(), want + 160)
        self.results_split.setSizes([want, max(total - want, 160)])

    ACTION_LABELS = {
        "relocate": N_("Move to where found"),
        "relocate_extra": N_("Move to where found (from outside the scope)"),
        "shortage": N_("Mark as shortage (盘亏待批)"),
        "damage": N_("Record the damage"),
        "surplus": N_("Register as a new asset (盘盈)"),
        "writeoff": N_("Awaiting write-off approval"),
    }
    APPLY_ORDER = ("relocate", "relocate_extra", "shortage", "damage", "surplus", "writeoff")
    # ticked by default once signed off; a move is never: a wrong-room scan must not move an asset unseen
    TICKED = ("shortage", "damage", "surplus")

    @staticmethod
    def _apply_effect(kind: str, d: dict) -> str:
        """What applying this line will do to the register, in words."""
        unit = d.get("unit") or ""
        if kind in ("relocate", "relocate_extra"):
            return tr("The register moves it from {expected} to {found} (a transfer in its history).").format(
                expected=d["place_name"] or tr("(no place)"), found=d["found_place_name"])
        if kind == "shortage":
            missing = d["quantity"] - (d["counted_qty"] or 0)
            if missing < d["quantity"]:
                return tr("{n} of {qty} {unit} not found (expected in {place}): those {n} are split off into a "
                          "record of their own, marked 盘亏待批 until the write-off is approved; {left} stay on the "
                          "books.").format(n=missing, qty=d["quantity"], unit=unit, place=d["place_name"] or "—",
                                           left=d["quantity"] - missing)
            return tr("Not found (expected in {place}): its status becomes 盘亏待批 until the write-off is "
                      "approved.").format(place=d["place_name"] or "—")
        if kind == "writeoff":
            return tr("{number}: {n} {unit} to write off as lost once approved (Write-off approved…).").format(
                number=d["shortage_number"], n=d["shortage_qty"], unit=unit)
        if kind == "damage":
            text = tr("A damage record ({condition}: {note}), natural wear.").format(
                condition=tr(CONDITIONS[d["condition"]]), note=d["note"] or "")
            if d.get("repair_ref"):
                text += " · " + tr("repair ticket {id}").format(id=d["repair_ref"])
            return text
        return tr("A new asset: {qty} found in {place}.").format(qty=d["quantity"], place=d["place_name"] or "—")

    def _fill_apply(self) -> None:
        signed = self.st.status == "signed"
        pending = service.pending_actions(self.st.id) if self.st.status != "open" else {}
        rows = []
        for kind in self.APPLY_ORDER:
            for d in pending.get(kind, []):
                number = d.get("asset_number") or d.get("code") or ""
                rows.append((kind, d["id"], number, d["name"], self._apply_effect(kind, d)))
        self._apply_rows = rows
        self.apply_table.setRowCount(len(rows))
        for r, (kind, _id, number, name, detail) in enumerate(rows):
            check = QTableWidgetItem()
            if kind != "writeoff":
                check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                ticked = signed and kind in self.TICKED
                check.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            else:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.apply_table.setItem(r, 0, check)
            for c, v in enumerate((tr(self.ACTION_LABELS[kind]), number, name, detail), start=1):
                it = QTableWidgetItem(v)
                if c == 4:
                    it.setToolTip(v)
                self.apply_table.setItem(r, c, it)
        self.apply_button.setEnabled(signed and any(k != "writeoff" for k, *_ in rows))
        self.writeoff_button.setEnabled(signed and any(k == "writeoff" for k, *_ in rows))
        self.repair_button_apply.setVisible(service.repairs_available())
        self.repair_button_apply.setEnabled(signed and any(k == "damage" for k, *_ in rows))

    def apply_ticked(self) -> None:
        chosen = [(kind, rid) for r, (kind, rid, *_rest) in enumerate(self._apply_rows)
                  if kind != "writeoff" and self.apply_table.item(r, 0).checkState() == Qt.CheckState.Checked]
        if not chosen:
            show_info(self, tr("Tick what to apply first."), tr("Apply"))
            return
        if not confirm(self, tr("Apply {n} results to the asset register? Each is written into the asset's "
                                "history.").format(n=len(chosen)), tr("Apply")):
            return
        fns = service.APPLY

        def work(progress, cancelled):
            for i, (kind, rid) in enumerate(chosen):
                fns[kind](rid)
                progress(i + 1, len(chosen))
            return len(chosen)

        try:
            n = run_with_progress(self, tr("Applying the results…"), work)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            n = 0
        self._fill_results()
        self._update_next_step()
        self.data_changed.emit()
        if n:
            show_info(self, tr("{n} results applied.").format(n=n), tr("Apply"))

    def approve_writeoffs(self) -> None:
        ids = [rid for r, (kind, rid, *_rest) in enumerate(self._apply_rows) if kind == "writeoff"
               and (self.apply_table.item(r, 0).isSelected() or not self.apply_table.selectedItems())]
        if not ids:
            return
        approver = ask_text(self, tr("Write-off approved"),
                            tr("Who approved writing off these {n} missing assets?").format(n=len(ids)))
        if not approver:
            return
        try:
            for rid in ids:
                service.approve_writeoff(rid, approver=approver)
        except UserError as exc:
            show_error(self, exc)
        self._fill_results()
        self._update_next_step()
        self.data_changed.emit()

    def open_repair(self) -> None:
        r = self.apply_table.currentRow()
        if r < 0 or self._apply_rows[r][0] != "damage":
            show_info(self, tr("Choose a damaged asset first."), tr("Open repair ticket"))
            return
        try:
            ticket = service.open_repair_ticket(self._apply_rows[r][1])
        except UserError as exc:
            show_error(self, exc)
            return
        show_info(self, tr("Repair ticket {id} opened.").format(id=ticket), tr("Open repair ticket"))
        self._fill_results()
        self.data_changed.emit()

    def _fill_compare(self) -> None:
        cmp = service.compare_with_previous(self.st.id)
        prev = cmp["previous"]
        if prev is None:
            self.compare_label.setText(tr("No earlier closed stock-take to compare with."))
            self.compare_table.setRowCount(0)
            return
        self.compare_label.setText(tr(
            "Compared with {doc} ({title}): {new} newly missing, {rec} missing again, {back} found again.").format(
            doc=prev.doc_no, title=prev.title, new=len(cmp["new_missing"]), rec=len(cmp["recurring"]),
            back=len(cmp["recovered"]))
            + ("\n" + tr("This count is still open: items not counted yet are shown as missing.")
               if self.st.status == "open" else ""))
        rows = ([(tr("Missing again"), d) for d in cmp["recurring"]]
                + [(tr("Newly missing"), d) for d in cmp["new_missing"]]
                + [(tr("Found again"), d) for d in cmp["recovered"]])
        self.compare_table.setRowCount(len(rows))
        for r, (what, d) in enumerate(rows):
            for c, v in enumerate((what, d["asset_number"], d["name"], d["place_name"] or "")):
                it = QTableWidgetItem(v)
                if c == 0:
                    it.setForeground(QColor("#c62828" if what != tr("Found again") else "#1e8e3e"))
                self.compare_table.setItem(r, c, it)

    # ------------------------------------------------------------------ printing & export
    def _show_pdf(self, pdf: bytes, title: str, filename: str) -> None:
        preview_pdf(self, pdf, title, filename)

    def print_sheets(self) -> None:
        if self.st is None:
            return
        data = forms.sheet_data(self.st.id)
        doc = self.st.doc_no
        run_in_worker(self, tr("Preparing the count sheets…"), lambda progress, cancelled: forms.render_sheets(
            data, progress, cancelled), lambda pdf: self._show_pdf(pdf, tr("Stock-take count sheet"),
                                                                   f"{doc}-count-sheets.pdf"))

    def print_report(self) -> None:
        if self.st is None:
            return
        data = forms.report_data(self.st.id)
        doc = self.st.doc_no
        run_in_worker(self, tr("Preparing the variance report…"), lambda progress, cancelled: forms.render_report(
            data, progress, cancelled), lambda pdf: self._show_pdf(pdf, tr("Stock-take variance report"),
                                                                   f"{doc}-report.pdf"))

    def _ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export to Excel"), suggested, tr("Excel workbook (*.xlsx)"))
        return path

    def export(self) -> None:
        if self.st is None:
            return
        path = self._ask_save_path(f"{self.st.doc_no}.xlsx")
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from . import excel

        try:
            n = run_with_progress(self, tr("Exporting…"), lambda progress, cancelled: excel.export(
                self.st.id, path, progress, cancelled))
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        show_info(self, tr("Written: {path} ({n} rows)").format(path=Path(path).name, n=n), tr("Export to Excel"))

    def show_today(self, target: dict) -> None:
        """A line of Today: the stock-take in progress, on its counting page."""
        if target.get("id"):
            self.picker.set_value(int(target["id"]))  # loads it (unless it is the one shown)
