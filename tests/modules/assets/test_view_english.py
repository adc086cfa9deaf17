"""The register dialog in English and Chinese (issue 13, finding 22): the default unit in the
interface's language, counts in words that agree with them, the Unit label apart from its field."""

from __future__ import annotations

import pytest

from logistics_desk.core import i18n
from logistics_desk.modules.assets import view

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support "
                                        r"(propagateSizeHints|raise|grabbing the keyboard)")]


@pytest.fixture
def tab(qtbot, world):
    t = view.AssetsTab()
    qtbot.addWidget(t)
    t.resize(1366, 700)
    t.show()
    qtbot.waitExposed(t)
    return t


def test_the_default_unit_and_copies_read_in_english(tab, qtbot):
    dlg = tab.register()
    assert dlg.unit.text() == "pc"  # was 台 in English too
    assert dlg.copies.suffix() == " record"  # was "1 records"
    dlg.copies.setValue(2)
    assert dlg.copies.suffix() == " records"
    dlg.reject()


def test_the_default_unit_is_tai_in_chinese(tab, qtbot):
    i18n.set_language("zh_CN")
    dlg = tab.register()
    assert dlg.unit.text() == "台"
    assert dlg.copies.suffix() == " 条"
    dlg.reject()


def test_the_unit_label_stands_apart_from_the_quantity(tab, qtbot):
    dlg = tab.register()
    qtbot.waitExposed(dlg)
    label = dlg.unit.parentWidget().findChildren(view.QLabel)[0]
    assert label.buddy() is dlg.unit
    gap = label.mapTo(dlg, label.rect().topLeft()).x() - dlg.quantity.mapTo(dlg, dlg.quantity.rect().topRight()).x()
    assert gap >= 10, gap  # the label touched the quantity field
    # the widest label of each column (Department / class, 部门/班级) touched its field
    forms = dlg.findChildren(view.QFormLayout)
    assert len(forms) >= 2 and all(form.horizontalSpacing() >= 10 for form in forms)
    dlg.reject()


def test_built_in_categories_read_in_english(tab, make_asset, world):
    """The categories every school starts with (GB/T 14885) stayed Chinese in English mode: they read in
    English there; the pick list shows the Chinese name first, to type; a school's own name is as written."""
    from logistics_desk.core import masterdata
    from logistics_desk.core.masterdata import Category

    make_asset()
    own = masterdata.save(Category, {"parent": world["cats"]["JJ"].id, "code": "KZY", "name": "课桌椅"})
    make_asset(name="学生课桌", category=own.id)
    tab.reload()
    column = [c.key for c in view.COLUMNS].index("category")
    shown = sorted(tab.model.index(r, column).data() for r in range(tab.model.rowCount()))
    assert shown == ["Computer equipment", "课桌椅"]
    labels = [label.strip("\u3000") for label, _ in view.category_items()]
    assert "计算机设备 · Computer equipment (JSJ)" in labels and "课桌椅 (KZY)" in labels
    i18n.set_language("zh_CN")
    assert "计算机设备 (JSJ)" in [label.strip("\u3000") for label, _ in view.category_items()]
