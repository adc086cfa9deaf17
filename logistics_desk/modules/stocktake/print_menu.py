"""Printing and exporting a stock-take from the window: count sheets, the variance report, Excel.
The PDFs are built off the GUI thread (``forms``), the workbook by ``excel``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ...core.i18n import tr
from ...core.tasks import Cancelled
from ...core.ui.pdf_preview import preview_pdf
from ...core.ui.widgets import show_error, show_info
from ...core.ui.work import run_in_worker, run_with_progress
from . import excel, forms


def print_sheets(parent, st) -> None:
    data = forms.sheet_data(st.id)
    doc = st.doc_no
    run_in_worker(parent, tr("Preparing the count sheets…"), lambda progress, cancelled: forms.render_sheets(
        data, progress, cancelled), lambda pdf: preview_pdf(parent, pdf, tr("Stock-take count sheet"),
                                                            f"{doc}-count-sheets.pdf"))


def print_report(parent, st) -> None:
    data = forms.report_data(st.id)
    doc = st.doc_no
    run_in_worker(parent, tr("Preparing the variance report…"), lambda progress, cancelled: forms.render_report(
        data, progress, cancelled), lambda pdf: preview_pdf(parent, pdf, tr("Stock-take variance report"),
                                                            f"{doc}-report.pdf"))


def ask_save_path(parent, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Export to Excel"), suggested, tr("Excel workbook (*.xlsx)"))
    return path


def export(parent, st) -> None:
    path = ask_save_path(parent, f"{st.doc_no}.xlsx")
    if not path:
        return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    try:
        n = run_with_progress(parent, tr("Exporting…"), lambda progress, cancelled: excel.export(
            st.id, path, progress, cancelled))
    except Cancelled:
        return
    except Exception as exc:
        show_error(parent, exc)
        return
    show_info(parent, tr("Written: {path} ({n} rows)").format(path=Path(path).name, n=n), tr("Export to Excel"))
