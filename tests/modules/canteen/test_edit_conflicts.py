"""The canteen's forms that edit a record (a sample, a fridge, a health certificate, a supplier's licence) refuse a
save over someone else's later change (issue 20 point 2): two desks open the same record, the second saves first;
the first is told who changed it and when, its form shows the record as it is now, and its change typed again
then goes through, keeping the other person's.

(QTest types ASCII only: the typed texts are English.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import masterdata, settings
from logistics_desk.core.masterdata import Supplier
from logistics_desk.core.ui import dialogs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def shown(monkeypatch):
    """The message boxes of ``attempt`` (a sample's, a fridge's, a certificate's dialog), kept instead of shown."""
    found: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, exc: found.append(exc.message))
    return found


def _ok(qtbot, dialog):
    """OK, as a person clicks it (a RecordDialog runs ``try_accept``, the others ``save``)."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _type(qtbot, box, text):
    box.clear()
    qtbot.keyClicks(box, text)


def _as_other(qtbot, dialog, box, text):
    """At the other desk: 王老师 types and saves."""
    settings.set("operator.name", "王老师")
    try:
        _type(qtbot, box, text)
        _ok(qtbot, dialog)
        assert not dialog.isVisible()
    finally:
        settings.set("operator.name", "测试员")


def _two(qtbot, make):
    here, there = make(), make()
    for d in (here, there):
        qtbot.addWidget(d)
        d.show()
    return here, there


def _refused(dialog, shown) -> str:
    message = shown[-1] if shown else dialog.general_error.text()
    assert dialog.isVisible()
    assert "王老师" in message and "after you opened it" in message and "2026-11-23 06:30" in message
    return message


def test_the_sample_dialog(qtbot, canteen, shown):
    from logistics_desk.modules.canteen import view

    sample = canteen.service.add_dish(canteen.day, "lunch", "清蒸鲈鱼")
    line = next(r for r in canteen.service.day_lines(canteen.day) if r["id"] == sample.id)
    here, there = _two(qtbot, lambda: view.SampleDialog(line))
    _as_other(qtbot, there, there.container, "B-7")
    _type(qtbot, here.note, "lid taped")
    _ok(qtbot, here)
    _refused(here, shown)
    assert here.container.text() == "B-7" and canteen.service.get_sample(sample.id).note in (None, "")
    _type(qtbot, here.note, "lid taped")
    _ok(qtbot, here)
    assert not here.isVisible()
    fresh = canteen.service.get_sample(sample.id)
    assert (fresh.container_no, fresh.note) == ("B-7", "lid taped")


def test_the_fridge_dialog(qtbot, canteen, shown):
    from logistics_desk.modules.canteen import view

    here, there = _two(qtbot, lambda: view.FridgeDialog(canteen.service.get_fridge(canteen.fridge.id)))
    _as_other(qtbot, there, there.location, "back room")
    _type(qtbot, here.max_temp, "-16")
    _ok(qtbot, here)
    _refused(here, shown)
    assert here.location.text() == "back room" and canteen.service.get_fridge(canteen.fridge.id).max_temp is None
    _type(qtbot, here.max_temp, "-16")
    _ok(qtbot, here)
    assert not here.isVisible()
    fresh = canteen.service.get_fridge(canteen.fridge.id)
    assert (fresh.location, float(fresh.max_temp)) == ("back room", -16.0)


def test_the_health_certificate_dialog(qtbot, canteen, shown):
    from logistics_desk.modules.canteen import hygiene
    from logistics_desk.modules.canteen.hygiene_view import CertificateDialog

    here, there = _two(qtbot, lambda: CertificateDialog(canteen.cook.id, canteen.cook.name))
    _as_other(qtbot, there, there.number, "JK-2026-101")
    _type(qtbot, here.number, "JK-2026-102")
    _ok(qtbot, here)
    _refused(here, shown)
    assert here.number.text() == "JK-2026-101" and hygiene.certificate(canteen.cook.id).number == "JK-2026-101"
    _type(qtbot, here.number, "JK-2026-102")
    _ok(qtbot, here)
    assert not here.isVisible() and hygiene.certificate(canteen.cook.id).number == "JK-2026-102"


def test_the_supplier_licence_dialog(qtbot, canteen, shown):
    import datetime as dt

    from logistics_desk.modules.canteen import receiving
    from logistics_desk.modules.canteen.receiving_view import LicenceDialog

    supplier = masterdata.save(Supplier, {"name": "绿源蔬菜配送"})
    receiving.save_licence(supplier.id, "JY-001", dt.date(2027, 12, 31))
    here, there = _two(qtbot, lambda: LicenceDialog(supplier.id))
    _as_other(qtbot, there, there.number, "JY-002")
    _type(qtbot, here.note, "copy in the file")
    _ok(qtbot, here)
    assert here.isVisible() and "王老师" in here.general_error.text()
    assert here.number.text() == "JY-002" and (receiving.licence_of(supplier.id).note or "") == ""
    _type(qtbot, here.note, "copy in the file")
    _ok(qtbot, here)
    assert not here.isVisible()
    fresh = receiving.licence_of(supplier.id)
    assert (fresh.licence_no, fresh.note) == ("JY-002", "copy in the file")
