"""A form saved over someone else's later change: the message says who and when, and the form reloads."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import settings
from logistics_desk.core.masterdata import Category
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets.models import Asset
from logistics_desk.modules.assets.view import AssetDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


def test_the_asset_form_refuses_a_save_over_a_later_change_and_shows_the_record_again(qtbot, database):
    cat = Category.select().first()
    asset = service.register({"name": "台式计算机", "category": cat.id, "quantity": 1, "unit_price": "4200",
                              "acquired_on": dt.date(2025, 9, 1), "unit": "台"})[0]
    dialog = AssetDialog(None, asset)
    qtbot.addWidget(dialog)
    dialog.show()
    # meanwhile, at another desk
    settings.set("operator.name", "王老师")
    service.update(service.get_asset(asset.id), {"brand": "戴尔"})
    settings.set("operator.name", "测试员")
    dialog.serial_no.clear()
    qtbot.keyClicks(dialog.serial_no, "SN-42")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: the form stays open
    message = dialog.general_error.text()
    assert dialog.general_error.isVisible() and "王老师" in message and "after you opened it" in message
    assert dialog.brand.text() == "戴尔"  # reloaded: the other person's change shows
    assert dialog.serial_no.text() == ""
    assert Asset.get_by_id(asset.id).serial_no is None
    # the person types their change again over the record as it is now: it goes through
    qtbot.keyClicks(dialog.serial_no, "SN-42")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    fresh = Asset.get_by_id(asset.id)
    assert (fresh.brand, fresh.serial_no) == ("戴尔", "SN-42")


def test_any_record_form_can_watch_its_record(qtbot, database):
    """RecordDialog.watch: the base of the modules' forms refuses a save over a later change and reloads."""
    from PySide6.QtWidgets import QLineEdit

    from logistics_desk.core import masterdata
    from logistics_desk.core.masterdata import Supplier
    from logistics_desk.core.ui.dialogs import RecordDialog

    supplier = masterdata.save(Supplier, {"name": "联想"})

    class SupplierDialog(RecordDialog):
        def __init__(self, record):
            super().__init__(None, "supplier")
            self.watch("supplier", record.id, self.load)
            self.phone = self.add_row("Phone", QLineEdit(), "phone")
            self.finish()
            self.load()

        def load(self):
            self.record = Supplier.get_by_id(supplier.id)
            self.phone.setText(self.record.phone or "")

        def save(self):
            return masterdata.save(Supplier, {"phone": self.phone.text()}, self.record)

    dialog = SupplierDialog(supplier)
    qtbot.addWidget(dialog)
    dialog.show()
    settings.set("operator.name", "王老师")
    masterdata.save(Supplier, {"phone": "010-1"}, Supplier.get_by_id(supplier.id))
    qtbot.keyClicks(dialog.phone, "999")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "王老师" in dialog.general_error.text()
    assert dialog.phone.text() == "010-1" and Supplier.get_by_id(supplier.id).phone == "010-1"
