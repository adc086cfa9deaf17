"""The very first save of a new database is an edit of a standard category in the settings window (the clerk's
first act): it is saved (the change record's registration of the built-in lists, written by the same save, is
nobody else's change), and ``check`` then finds nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from logistics_desk.core import audit, db, integrity
from logistics_desk.core.masterdata import Category

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


def test_first_save_of_a_new_database_renames_a_standard_category(qtbot, db_path):
    from logistics_desk.core.ui import settings_pages

    db.open_database(db_path, backup=False)
    try:
        assert not audit.AuditEntry.select().exists()
        record = Category.select().where(Category.parent.is_null(False)).order_by(Category.id).first()
        page = settings_pages.CategoriesPage()
        qtbot.addWidget(page)
        page.show()
        page.select_and_load(record.id)
        box = page.widgets["name"]
        box.clear()
        qtbot.keyClicks(box, "PC sets")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert not page.general_error.isVisible(), page.general_error.text()
        assert Category.get_by_id(record.id).name == "PC sets"
        report = integrity.check()
        assert report.ok, report.problems
    finally:
        db.close_database()
