"""Error texts in a dialog are shown whole: the dialog grows for word-wrapped messages (issue 14, 22)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from logistics_desk.core.errors import ValidationError
from logistics_desk.core.ui.dialogs import RecordDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]

LONG = ("The order of 3,100.00 yuan is 100.00 yuan above the approved 3,000.00 yuan: "
        "the Principal must sign again. Enter who signed and when, then place the order.")


class Form(RecordDialog):
    def __init__(self):
        super().__init__(None, "test")
        self.a = self.add_row("Signed by", QLineEdit(), "signed_by")
        self.b = self.add_row("Buyer", QLineEdit(), "buyer")
        self.finish()

    def save(self):
        raise ValidationError({"signed_by": LONG, "buyer": LONG, "other": LONG})


def test_every_error_line_is_inside_the_dialog(qtbot):
    dlg = Form()
    qtbot.addWidget(dlg)
    dlg.resize(420, 10)
    dlg.show()
    qtbot.waitExposed(dlg)
    before = dlg.height()
    dlg.try_accept()
    qtbot.wait(20)
    labels = [dlg.errors.labels["signed_by"], dlg.errors.labels["buyer"], dlg.general_error]
    assert dlg.height() > before and dlg.isVisible()
    for label in labels:
        assert label.isVisible()
        assert label.height() >= label.heightForWidth(label.width())  # not cut
        assert label.mapTo(dlg, label.rect().bottomLeft()).y() <= dlg.height()
