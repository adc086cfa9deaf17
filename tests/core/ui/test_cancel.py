"""Cancelling a workbook read or an export is a cancel, not an error box (one ``Cancelled``)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from logistics_desk.core import excel, tasks
from logistics_desk.core.ui import work


def test_cancelling_a_workbook_read_in_the_background_shows_no_error(qtbot, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self.text()) or 0)
    errors, results = [], []
    parent = QWidget()
    qtbot.addWidget(parent)

    def read(progress, cancelled):
        raise excel.Cancelled()  # what read_table / write_table raise when cancel() says so

    work.run_in_worker(parent, "读取", read, results.append, on_error=errors.append)
    work.wait_for_workers()
    qtbot.wait(50)
    assert results == [] and errors == [] and boxes == []


def test_there_is_one_cancelled():
    assert excel.Cancelled is tasks.Cancelled
    assert str(tasks.Cancelled()) and str(tasks.Cancelled("读取已取消。")) == "读取已取消。"
