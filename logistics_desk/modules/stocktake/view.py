"""The stock-take tab: the navigation around its pages (``pages/``) — choose a stock-take, see the
next step, open, close, sign off, print and export.

Keys: Enter (in the scan field) records; Ctrl+PgDown / Ctrl+PgUp next / previous place; F2 the
expected list (see ``pages/count.py``); Ctrl+L back to scanning; Ctrl+P count sheets; Ctrl+N a new
stock-take.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from ...core.errors import UserError
from ...core.i18n import tr
from ...core.ui.tab import ModuleTab
from ...core.ui.widgets import ChoiceBox, confirm, show_error, show_info
from . import print_menu as output
from . import service
from .dialogs import OpenDialog, SignOffDialog
from .pages.compare import ComparePage
from .pages.count import CountPage
from .pages.results import ResultsPage
from .pages.unknowns import UnknownsPage
from .pages.widgets import ElidedLabel

COUNT, UNKNOWNS, RESULTS, COMPARE = range(4)  # the pages, in tab order


class StockTakeTab(ModuleTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.st = None  # the stock-take shown
        root = QVBoxLayout(self)
        root.addLayout(self._build_top())
        self.next_step = QLabel()
        self.next_step.setObjectName("next_step")
        self.next_step.setWordWrap(True)
        self.next_step.setStyleSheet("background: #e3f2fd; color: #0d47a1; padding: 8px; border-radius: 4px;"
                                     "font-size: 14px;")
        root.addWidget(self.next_step)
        root.addLayout(self._build_actions())
        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_empty())
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.stack.addWidget(self.pages)
        self.count_page = CountPage()
        self.unknowns_page = UnknownsPage(current_place=lambda: self.count_page.place_id)
        self.results_page = ResultsPage()
        self.compare_page = ComparePage()
        self.pages.addTab(self.count_page, tr("Count"))
        self.pages.addTab(self.unknowns_page, tr("Unknown numbers"))
        self.pages.addTab(self.results_page, tr("Results and applying"))
        self.pages.addTab(self.compare_page, tr("Compare with previous"))
        self.pages.currentChanged.connect(self._page_shown)
        self._connect_pages()
        self._shortcuts()
        self.refresh()

    # ------------------------------------------------------------------ layout
    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Stock-take:")))
        self.picker = ChoiceBox()
        self.picker.setObjectName("picker")
        self.picker.setMinimumWidth(380)
        self.picker.currentIndexChanged.connect(lambda _i: self._load(self.picker.value()))
        top.addWidget(self.picker)
        self.status_label = ElidedLabel()
        self.status_label.setObjectName("status_label")
        top.addWidget(self.status_label, 1)
        self.new_button = QPushButton(tr("New stock-take…"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_stocktake)
        top.addWidget(self.new_button)
        return top

    def _build_actions(self) -> QHBoxLayout:
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
        for b in self._stocktake_buttons():
            actions.addWidget(b)
        actions.addStretch(1)
        return actions

    def _stocktake_buttons(self) -> tuple[QPushButton, ...]:
        return (self.sheets_button, self.report_button, self.export_button, self.close_button, self.sign_button)

    def _build_empty(self) -> QWidget:
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
        return empty

    def _connect_pages(self) -> None:
        """What one page changes, the tab passes on: the pages never reach into each other."""
        self.count_page.counted.connect(self._update_next_step)
        self.count_page.unknowns_changed.connect(self.unknowns_page.fill)
        self.unknowns_page.resolved.connect(self.count_page.fill_places)
        self.unknowns_page.resolved.connect(self._update_next_step)
        self.unknowns_page.open_count_changed.connect(
            lambda n: self.pages.setTabText(UNKNOWNS, tr("Unknown numbers") + (f" ({n})" if n else "")))
        self.results_page.applied.connect(self._results_applied)

    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for seq, slot in ((QKeySequence("Ctrl+PgDown"), lambda: self.count_page.step_place(1)),
                          (QKeySequence("Ctrl+PgUp"), lambda: self.count_page.step_place(-1)),
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
        items = [(f"{st.doc_no}  {st.title}  — {service.status_text(st)}", st.id) for st in service.all_stocktakes()]
        self.picker.blockSignals(True)
        self.picker.set_items(items)
        cur = service.current()
        target = keep if keep in [v for _l, v in items] else (cur.id if cur else (items[0][1] if items else None))
        if target is not None:
            self.picker.set_value(target)
        self.picker.blockSignals(False)
        self._load(target)

    def _load(self, stocktake_id) -> None:
        self.st = service.get(stocktake_id) if stocktake_id else None
        has = self.st is not None
        self.stack.setCurrentIndex(1 if has else 0)
        for b in self._stocktake_buttons():
            b.setEnabled(has)
        if not has:
            self.status_label.setText("")
            self.next_step.setText(tr("Next step: open a stock-take (Ctrl+N)."))
            return
        st = self.st
        self.status_label.setText(tr("{status} · {scope}").format(status=service.status_text(st),
                                                                  scope=service.shown_scope(st)))
        self.close_button.setEnabled(st.status == "open")
        self.sign_button.setEnabled(st.status == "closed")
        self.new_button.setEnabled(service.current() is None)
        self.count_page.load(st)
        self.unknowns_page.load(st)
        self._update_next_step()
        if st.status == "open":
            self.pages.setCurrentIndex(COUNT)
            self.focus_scan()
        else:
            self.pages.setCurrentIndex(RESULTS)
            self.results_page.load(st)

    def _page_shown(self, index: int) -> None:
        if self.st is None:
            return
        if index == RESULTS:
            self.results_page.load(self.st)
        elif index == COMPARE:
            self.compare_page.load(self.st)
        elif index == COUNT:
            self.focus_scan()

    def _results_applied(self, applied) -> None:
        self._update_next_step()
        self.announce(applied.modules)  # only the tabs of the modules whose records changed read again

    def _update_next_step(self) -> None:
        if self.st is not None:
            self.next_step.setText(self._next_step_text(self.st))

    def _next_step_text(self, st) -> str:
        if st.status == "open":
            counted, total = self.count_page.overall()
            open_unknowns = service.open_unknown_count(st.id)
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
            return text
        if st.status == "closed":
            return tr("Next step: print the variance report, have it signed, then record the sign-off (Sign off…).")
        pending = service.pending_actions(st.id)
        n = sum(len(v) for k, v in pending.items() if k != "writeoff")
        w = len(pending["writeoff"])
        if n:
            return tr("Signed off. Next step: apply the results ({n} to apply) on the Results page.").format(n=n)
        if w:
            return tr("Results applied. {n} missing assets await write-off approval (Write-off approved…).").format(n=w)
        return tr("Done: the results are applied.")

    # ------------------------------------------------------------------ opening, closing, sign-off
    def new_stocktake(self) -> None:
        cur = service.current()
        if cur is not None:
            show_info(self, tr("Stock-take {doc} is still open. Close it before opening another.").format(
                doc=cur.doc_no), tr("Stock-take"))
            return
        dlg = OpenDialog(self)
        if dlg.exec() and dlg.result_stocktake is not None:
            self.st = dlg.result_stocktake
            self.count_page.place_id = None
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
                self.pages.setCurrentIndex(UNKNOWNS)
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
                self.pages.setCurrentIndex(UNKNOWNS)
            return
        self.refresh()
        self.data_changed.emit()

    def sign_off(self) -> None:
        if self.st is None:
            return
        dlg = SignOffDialog(self, self.st)
        if dlg.exec():
            self.refresh()

    # ------------------------------------------------------------------ printing & export (print_menu.py)
    def print_sheets(self) -> None:
        if self.st is not None:
            output.print_sheets(self, self.st)

    def print_report(self) -> None:
        if self.st is not None:
            output.print_report(self, self.st)

    def export(self) -> None:
        if self.st is not None:
            output.export(self, self.st)

    # ------------------------------------------------------------------ navigation
    def focus_scan(self) -> None:
        if self.count_page.scan_edit.isEnabled():
            self.pages.setCurrentIndex(COUNT)
            self.count_page.focus_scan()

    def focus_table(self) -> None:
        self.pages.setCurrentIndex(COUNT)
        self.count_page.focus_table()

    def show_today(self, target: dict) -> None:
        """A line of Today: the stock-take in progress, on its counting page."""
        if target.get("id"):
            self.picker.set_value(int(target["id"]))  # loads it (unless it is the one shown)
        if self.st is not None and self.st.status == "open":
            self.focus_scan()

    def key_action(self, kind: str) -> bool:
        """The shared keys (core/ui/keys.py): Ctrl+E exports the stock-take shown (Ctrl+N and Ctrl+P are the
        tab's own shortcuts, which the window leaves to it; the buttons here are for completeness)."""
        button = {"new": self.new_button, "print": self.sheets_button, "export": self.export_button}.get(kind)
        return self.press(button) if button is not None else super().key_action(kind)
