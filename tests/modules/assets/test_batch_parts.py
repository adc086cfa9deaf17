"""Issue 13 item 2 (second half): writing off, lending and transferring part of a batch line.

A part is split off into its own record (<number>-1 …) in the same transaction as the step, audited;
the quantities and amounts of the two records add up to the old line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from logistics_desk import cli
from logistics_desk.core import audit, db, integrity
from logistics_desk.core.errors import ValidationError
from logistics_desk.modules.assets import service, view
from logistics_desk.modules.assets.models import Asset, AssetDisposal, AssetLoan, AssetTransfer


def type_text(qtbot, widget, text):
    """Type like a person: ASCII as key presses, Chinese as an input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def desks(make_asset, world):
    return make_asset(name="课桌椅", category=world["cats"]["JJ"].id,
                      quantity=41, unit_price="300", unit="套", acquired_on=dt.date(2025, 9, 1))


def _no_findings():
    findings, _, _ = integrity.reconcile()
    assert [f.message for f in findings] == []


def _lines(name="课桌椅"):
    return {a.number: (a.quantity, a.amount, a.status) for a in Asset.select().where(Asset.name == name)}


def test_part_of_a_batch_line_is_written_off_lent_and_transferred(desks, world):
    n = desks.number
    service.write_off_many([desks], quantity=3, reason="损坏无法修复", approver="张建国", method="scrap")
    assert _lines() == {n: (38, Decimal("11400.00"), "in_use"), f"{n}-1": (3, Decimal("900.00"), "disposed")}
    d = AssetDisposal.get()
    assert d.asset.number == f"{n}-1"
    loan = service.lend(Asset.get_by_id(desks.id), quantity=2, borrower_name="李娜", due_on=dt.date(2026, 3, 20))
    assert loan.asset.number == f"{n}-2" and loan.asset.status == "lent" and loan.asset.quantity == 2
    (t,) = service.transfer_many([Asset.get_by_id(desks.id)], quantity=10, place=world["r302"].id,
                                 reason="302班扩班")
    assert t.asset.number == f"{n}-3" and t.asset.place_id == world["r302"].id
    lines = _lines()
    assert lines[n] == (26, Decimal("7800.00"), "in_use")
    assert lines[f"{n}-2"] == (2, Decimal("600.00"), "lent") and lines[f"{n}-3"] == (10, Decimal("3000.00"), "in_use")
    assert sum(q for q, _, _ in lines.values()) == 41
    assert sum(a for _, a, _ in lines.values()) == Decimal("12300.00")
    assert Asset.get_by_id(desks.id).place_id == world["r301"].id  # the rest stays where it was
    summaries = [audit.shown(e.summary) for e in service.history(Asset.get_by_id(desks.id))]
    assert any(f"{n}-1" in s for s in summaries) and any(f"{n}-3" in s for s in summaries)
    _no_findings()


def test_the_whole_line_is_not_split(desks, world):
    service.transfer_many([desks], quantity=41, place=world["r302"].id, reason="整体搬迁")
    service.lend(Asset.get_by_id(desks.id), quantity=41, borrower_name="李娜", due_on=dt.date(2026, 3, 20))
    assert _lines() == {desks.number: (41, Decimal("12300.00"), "lent")}
    _no_findings()


def test_a_bad_quantity_changes_nothing(desks, world):
    for q in (0, 42, -1):
        with pytest.raises(ValidationError) as exc:
            service.write_off_many([desks], quantity=q, reason="损坏", approver="张建国", method="scrap")
        assert "quantity" in exc.value.errors
    with pytest.raises(ValidationError):  # no reason: the split is undone with the transfer
        service.transfer_many([desks], quantity=5, place=world["r302"].id, reason="")
    with pytest.raises(ValidationError):
        service.lend(desks, quantity=5, borrower_name="", due_on=dt.date(2026, 3, 20))
    assert _lines() == {desks.number: (41, Decimal("12300.00"), "in_use")}
    assert AssetTransfer.select().count() == AssetLoan.select().count() == AssetDisposal.select().count() == 0
    _no_findings()


def test_check_is_clean_after_parts(desks, world, db_path, capsys):
    service.write_off_many([desks], quantity=3, reason="损坏", approver="张建国", method="scrap")
    service.transfer_many([Asset.get_by_id(desks.id)], quantity=4, place=world["r302"].id, reason="调整")
    db.close_database()
    try:
        code = cli.main(["--lang", "en", "--db", str(db_path), "check"])
        out = capsys.readouterr()
        assert code == 0, out.out + out.err
        assert "Traceback" not in out.err
    finally:
        db.open_database(db_path, backup=False)


# --- the dialogs -----------------------------------------------------------------

@pytest.fixture
def tab(qtbot, world):
    t = view.AssetsTab()
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    qtbot.waitExposed(t)
    return t


def _set_quantity(qtbot, dlg, n):
    dlg.quantity.lineEdit().selectAll()
    type_text(qtbot, dlg.quantity.lineEdit(), str(n))
    assert dlg.quantity.value() == n




GUI = [pytest.mark.gui, pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")]


@GUI[0]
@GUI[1]
def test_write_off_dialog_takes_a_quantity(qtbot, tab, desks):
    tab.refresh()
    tab.table.selectRow(0)
    dlg = tab.write_off()
    assert dlg.quantity.isVisible() and dlg.quantity.value() == 41 and dlg.quantity.maximum() == 41
    assert desks.number in dlg.info.text() and "课桌椅" in dlg.info.text()
    _set_quantity(qtbot, dlg, 3)
    assert "3 of 41" in dlg.info.text() and "the whole line" not in dlg.info.text()
    assert "3" in dlg.part_info.text() and f"{desks.number}-1" in dlg.part_info.text()
    type_text(qtbot, dlg.reason, "损坏")
    dlg.approver.clear()
    type_text(qtbot, dlg.approver, "张建国")
    dlg.method.set_value("scrap")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    rows = {tab.model.row_dict(i)["number"]: tab.model.row_dict(i) for i in range(tab.model.rowCount())}
    assert rows[desks.number]["quantity"] == 38 and rows[f"{desks.number}-1"]["quantity"] == 3
    assert rows[f"{desks.number}-1"]["status_label"] == "Disposed"
    _no_findings()


@GUI[0]
@GUI[1]
def test_lend_and_transfer_dialogs_take_a_quantity(qtbot, tab, desks, world):
    tab.refresh()
    tab.table.selectRow(0)
    dlg = tab.lend()
    assert dlg.quantity.value() == 41 and desks.number in dlg.info.text()
    _set_quantity(qtbot, dlg, 2)
    type_text(qtbot, dlg.borrower.lineEdit(), "李娜")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    tab.select_ids([desks.id])
    dlg = tab.transfer()
    assert dlg.quantity.value() == 39
    _set_quantity(qtbot, dlg, 10)
    type_text(qtbot, dlg.place.lineEdit(), "教学楼 302")
    type_text(qtbot, dlg.reason, "扩班")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.general_error.text()
    rows = {tab.model.row_dict(i)["number"]: tab.model.row_dict(i) for i in range(tab.model.rowCount())}
    n = desks.number
    assert (rows[n]["quantity"], rows[f"{n}-1"]["quantity"], rows[f"{n}-2"]["quantity"]) == (29, 2, 10)
    assert rows[f"{n}-2"]["place"] == "教学楼 302" and rows[n]["place"] == "教学楼 301"
    _no_findings()


@GUI[0]
@GUI[1]
def test_single_items_have_no_quantity_field(qtbot, tab, make_asset):
    make_asset()
    tab.refresh()
    tab.table.selectRow(0)
    for open_dialog in (tab.write_off, tab.lend, tab.transfer):
        dlg = open_dialog()
        assert dlg.quantity is None
        dlg.reject()
