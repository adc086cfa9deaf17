"""The settings window, driven like a person: type, click, read what is shown."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from logistics_desk import modules as registry
from logistics_desk.core import audit, clock, db, masterdata, settings
from logistics_desk.core.errors import ValidationError
from logistics_desk.core.masterdata import Category, Department, Person, Place, Supplier, Term
from logistics_desk.core.ui.settings_window import SettingsWindow
from logistics_desk.core.ui.widgets import FieldErrors
from logistics_desk.modules import modules as registry_specs

pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def window(qtbot):
    clock.freeze(dt.datetime(2026, 10, 12, 9, 0, 0))
    w = SettingsWindow(specs=registry_specs())
    qtbot.addWidget(w)
    return w


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_text(qtbot, widget, text: str):
    """Type like a person: ASCII as key presses, Chinese as an input method commits it
    (QTest cannot press keys for characters outside Latin-1)."""
    run = ""
    for ch in text + "\0":
        if ch != "\0" and (ord(ch) < 128) == (not run or ord(run[0]) < 128):
            run += ch
            continue
        if run and ord(run[0]) < 128:
            qtbot.keyClicks(widget, run)
        elif run:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
        run = ch if ch != "\0" else ""


def retype(qtbot, widget: QLineEdit, text: str):
    widget.clear()
    type_text(qtbot, widget, text)


def error_text(page, field: str) -> str:
    label = page.errors.labels[field]
    return label.text() if label.isVisibleTo(page) else ""


# --- school and general --------------------------------------------------------

def test_type_the_school_name_and_save(qtbot, window):
    page = window.show_page("general")
    assert page.widgets["school.name"].text() == "测试实验学校"
    retype(qtbot, page.widgets["school.name"], "示范市第二中学")
    retype(qtbot, page.widgets["school.director"], "李卫东")
    assert page.has_unsaved_changes()
    click(qtbot, page.save_button)
    assert settings.get("school.name") == "示范市第二中学"
    assert settings.get("school.director") == "李卫东"
    assert masterdata.school_name() == "示范市第二中学"
    assert not page.has_unsaved_changes()
    assert "saved" in window.status.text()
    entry = audit.AuditEntry.select().order_by(audit.AuditEntry.id.desc()).first()
    assert entry.operator == "测试员"


def test_an_empty_school_name_is_refused_beside_the_field(qtbot, window):
    page = window.show_page("general")
    page.widgets["school.name"].clear()
    retype(qtbot, page.widgets["school.address"], "育才路 88 号")
    click(qtbot, page.save_button)
    assert "school's name" in error_text(page, "school.name")
    assert settings.get("school.name") == "测试实验学校"
    assert settings.get("school.address") == ""  # nothing half-saved
    assert page.has_unsaved_changes()


def test_asset_number_pattern_preview_and_check(qtbot, window):
    page = window.show_page("general")
    assert page.widgets["assets.number_pattern"].text() == "{year}-{code}-{seq:05d}"
    assert page.pattern_preview.text() == "Example: 2026-JJ-00012"
    retype(qtbot, page.widgets["assets.number_pattern"], "资产{seq}")
    assert "letters" in page.pattern_preview.text()
    click(qtbot, page.save_button)
    assert "letters" in error_text(page, "assets.number_pattern")
    retype(qtbot, page.widgets["assets.number_pattern"], "ZC{year}{seq:06d}")
    assert page.pattern_preview.text() == "Example: ZC2026000012"
    click(qtbot, page.save_button)
    assert settings.get("assets.number_pattern") == "ZC{year}{seq:06d}"
    assert error_text(page, "assets.number_pattern") == ""


def test_thresholds_basis_language_and_operator(qtbot, window):
    page = window.show_page("general")
    assert page.widgets["assets.threshold_general"].value() == 1000
    assert page.widgets["assets.threshold_special"].value() == 1500
    page.widgets["assets.threshold_general"].setValue(800)
    page.widgets["assets.compensation_basis"].set_value("net_book_value")
    page.widgets["ui.language"].set_value("en")
    retype(qtbot, page.widgets["operator.name"], "陈晓燕")
    click(qtbot, page.save_button)
    assert settings.get("assets.threshold_general") == 800
    assert settings.get("assets.compensation_basis") == "net_book_value"
    assert settings.get("ui.language") == "en"
    assert settings.get("operator.name") == "陈晓燕"
    assert "restarted" in window.status.text()
    masterdata.save(Supplier, {"name": "之后的供应商"})
    assert audit.AuditEntry.select().order_by(audit.AuditEntry.id.desc()).first().operator == "陈晓燕"


def test_back_up_now(qtbot, window, db_path):
    page = window.show_page("general")
    assert "None yet" in page.backup_latest.text()
    click(qtbot, page.backup_button)
    made = list((db.current_path().parent / "backups").glob("logistics-manual-*.db"))  # (a server's: data folder)
    assert len(made) == 1
    assert made[0].name in page.backup_latest.text()
    assert "Backup written" in window.status.text()


def test_a_second_backup_folder_gets_a_copy_of_every_backup(qtbot, window, db_path, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    page = window.show_page("general")
    field = page.widgets["backup.second_folder"]
    retype(qtbot, field, "relative/folder")
    click(qtbot, page.save_button)
    error = page.errors.labels["backup.second_folder"]
    assert error.isVisibleTo(page) and "whole path" in error.text()
    assert settings.get("backup.second_folder") == ""  # nothing saved
    retype(qtbot, field, str(db.current_path().parent / "backups"))
    (db.current_path().parent / "backups").mkdir(exist_ok=True)
    click(qtbot, page.save_button)
    assert "another disk" in error.text()
    retype(qtbot, field, str(stick))
    click(qtbot, page.save_button)
    assert settings.get("backup.second_folder") == str(stick)
    click(qtbot, page.backup_button)
    made = list((db.current_path().parent / "backups").glob("logistics-manual-*.db"))  # (a server's: data folder)
    copies = list(stick.glob("logistics-manual-*.db"))
    assert len(made) == 1 and [c.name for c in copies] == [made[0].name]
    assert copies[0].read_bytes() == made[0].read_bytes()
    assert str(copies[0]) in window.status.text()
    assert (stick / "logistics-desk.key").is_file()  # the change record's key goes with the copies
    shutil.rmtree(stick)  # the stick is pulled out
    click(qtbot, page.backup_button)  # the stick is gone: the backup is still written, and the clerk is told
    assert len(list((db.current_path().parent / "backups").glob("logistics-manual-*.db"))) == 2
    assert "USB stick" in window.status.text()
    assert not stick.exists()


# --- places --------------------------------------------------------------------

def test_add_a_building_and_a_room(qtbot, window):
    page = window.show_page("places")
    click(qtbot, page.add_building_button)
    assert not page.rows["parent"].isVisibleTo(page)  # a building is in no other place
    type_text(qtbot, page.widgets["name"], "科技楼")
    click(qtbot, page.save_button)
    building = Place.get(Place.name == "科技楼")
    assert building.kind == "building" and building.parent_id is None
    assert page.record == building  # the new building stays selected

    click(qtbot, page.add_room_button)
    assert page.rows["parent"].isVisibleTo(page)
    assert page.widgets["parent"].currentText() == "科技楼"
    type_text(qtbot, page.widgets["name"], "201创客教室")
    assert page.note_label.text() == "Full name: 科技楼 201创客教室"
    click(qtbot, page.save_button)
    room = Place.get(Place.full_name == "科技楼 201创客教室")
    assert room.kind == "room" and room.parent_id == building.id
    assert "科技楼 201创客教室" in page.visible_texts(2)
    assert "Saved" in window.status.text()

    # the same room again is refused next to the name
    click(qtbot, page.add_room_button)
    type_text(qtbot, page.widgets["name"], "201创客教室")
    click(qtbot, page.save_button)
    assert "already exists" in error_text(page, "name")
    assert Place.select().where(Place.parent == building).count() == 1


def test_rename_a_building_renames_its_rooms(qtbot, window):
    building = masterdata.save(Place, {"name": "教学楼"})
    room = masterdata.save(Place, {"name": "301", "parent": building.id})
    page = window.show_page("places")
    page.reload()
    page.select_and_load(building.id)
    retype(qtbot, page.widgets["name"], "明德楼")
    click(qtbot, page.save_button)
    assert Place.get_by_id(room.id).full_name == "明德楼 301"
    assert "明德楼 301" in page.visible_texts(2)


def test_walk_order_and_deactivation(qtbot, window):
    building = masterdata.save(Place, {"name": "教学楼"})
    rooms = [masterdata.save(Place, {"name": n, "parent": building.id, "sort_order": i})
             for i, n in enumerate(("101", "102", "103"), start=1)]
    page = window.show_page("places")
    page.reload()
    page.select_and_load(rooms[2].id)
    click(qtbot, page.up_button)
    assert [p.name for p in masterdata.rooms(building)] == ["101", "103", "102"]
    assert page.visible_texts(0) == ["教学楼", "101", "103", "102"]

    page.select_and_load(rooms[0].id)
    click(qtbot, page.active_button)
    assert not Place.get_by_id(rooms[0].id).active
    assert "101" not in page.visible_texts(0)
    assert page.active_button.text() == "Reactivate"
    page.show_inactive.setChecked(True)
    assert "101" in page.visible_texts(0)
    click(qtbot, page.active_button)
    assert Place.get_by_id(rooms[0].id).active


def test_filter_as_you_type(qtbot, window):
    for name, rooms in (("教学楼", ["301", "302"]), ("实验楼", ["301物理实验室", "化学实验室"])):
        b = masterdata.save(Place, {"name": name})
        for r in rooms:
            masterdata.save(Place, {"name": r, "parent": b.id})
    page = window.show_page("places")
    page.reload()
    type_text(qtbot, page.filter_box, "301")
    # buildings in walk order (both 0 here, then by name), each with only its matching rooms
    assert page.visible_texts(2) == ["实验楼", "实验楼 301物理实验室", "教学楼", "教学楼 301"]
    assert page.count_label.text() == "4 of 6 shown"
    retype(qtbot, page.filter_box, "化学")
    assert page.visible_texts(0) == ["实验楼", "化学实验室"]
    page.filter_box.clear()
    assert len(page.visible_texts(0)) == 6


# --- categories --------------------------------------------------------------------

def test_add_a_category_with_a_bad_code_shows_the_message_next_to_the_field(qtbot, window):
    page = window.show_page("categories")
    furniture = Category.get(Category.code == "JJ")
    page.select_and_load(furniture.id)
    click(qtbot, page.new_child_button)
    assert page.widgets["parent"].value() == furniture.id
    type_text(qtbot, page.widgets["code"], "课桌")
    type_text(qtbot, page.widgets["name"], "课桌椅")
    count = Category.select().count()
    click(qtbot, page.save_button)
    assert error_text(page, "code") == "Use 1–10 capital letters or digits (it becomes part of asset numbers)."
    assert error_text(page, "name") == ""
    assert Category.select().count() == count
    assert page.has_unsaved_changes()

    retype(qtbot, page.widgets["code"], "kzy")
    assert "Inherits a useful life of 15 years" in page.note_label.text()
    click(qtbot, page.save_button)
    made = Category.get(Category.code == "KZY")
    assert made.parent_id == furniture.id and made.useful_life_years is None
    assert masterdata.category_life_years(made) == 15
    assert error_text(page, "code") == ""
    item = page.source_item(made.id)
    row = [page.items.itemFromIndex(item.index().siblingAtColumn(c)).text() for c in range(4)]
    assert row == ["课桌椅", "KZY", "", "15 years (inherited)"]


def test_a_category_cannot_be_put_under_its_own_subcategory(qtbot, window):
    page = window.show_page("categories")
    equipment = Category.get(Category.code == "SB")
    page.select_and_load(equipment.id)
    page.widgets["parent"].set_value(Category.get(Category.code == "JSJ").id)
    click(qtbot, page.save_button)
    assert "under itself" in error_text(page, "parent")
    assert Category.get_by_id(equipment.id).parent_id is None


def test_category_life_and_flags(qtbot, window):
    page = window.show_page("categories")
    vehicles = Category.get(Category.code == "CL")
    page.select_and_load(vehicles.id)
    assert page.widgets["useful_life_years"].value() == 8
    page.widgets["useful_life_years"].setValue(10)
    page.widgets["special_equipment"].setChecked(True)
    click(qtbot, page.save_button)
    vehicles = Category.get_by_id(vehicles.id)
    assert vehicles.useful_life_years == 10 and vehicles.special_equipment
    page.widgets["useful_life_years"].setValue(0)  # shown as "Inherit from the parent"
    assert page.widgets["useful_life_years"].text() == "Inherit from the parent"
    click(qtbot, page.save_button)
    assert Category.get_by_id(vehicles.id).useful_life_years is None


# --- terms, departments, people, suppliers --------------------------------------------

def test_add_a_term_with_suggested_dates(qtbot, window):
    page = window.show_page("terms")
    click(qtbot, page.new_button)
    assert page.widgets["name"].text() == "2026-2027 school year, first term"
    retype(qtbot, page.widgets["name"], "2026-2027学年第一学期")
    click(qtbot, page.save_button)
    term = Term.get(Term.name == "2026-2027学年第一学期")
    assert (term.start_date, term.end_date) == (dt.date(2026, 9, 1), dt.date(2027, 1, 20))
    assert page.visible_texts(3) == ["Current term"]

    click(qtbot, page.new_button)  # the next one follows the last
    assert page.widgets["start_date"].value() == dt.date(2027, 2, 20)
    page.widgets["start_date"].set_date(dt.date(2027, 1, 10))
    click(qtbot, page.save_button)
    assert "overlap" in error_text(page, "start_date")
    page.widgets["start_date"].set_date(dt.date(2027, 7, 20))
    click(qtbot, page.save_button)
    assert error_text(page, "end_date") == "The term must end after it starts."
    assert Term.select().count() == 1


def test_add_a_class_and_a_person_in_a_new_department(qtbot, window):
    page = window.show_page("departments")
    click(qtbot, page.new_class_button)
    assert page.widgets["kind"].value() == "class"
    type_text(qtbot, page.widgets["name"], "初一(1)班")
    type_text(qtbot, page.widgets["head"], "王老师")
    click(qtbot, page.save_button)
    klass = Department.get(Department.name == "初一(1)班")
    assert klass.kind == "class" and klass.head == "王老师"
    click(qtbot, page.new_button)
    type_text(qtbot, page.widgets["name"], "总务处")
    click(qtbot, page.save_button)
    office = Department.get(Department.name == "总务处")

    people = window.show_page("people")  # the new departments are offered at once
    click(qtbot, people.new_button)
    labels = [people.widgets["department"].itemText(i) for i in range(people.widgets["department"].count())]
    assert labels == ["(none)", "总务处", "初一(1)班 (class)"]
    type_text(qtbot, people.widgets["name"], "陈晓燕")
    people.widgets["department"].set_value(office.id)
    type_text(qtbot, people.widgets["title"], "干事")
    people.widgets["is_canteen_staff"].setChecked(True)
    click(qtbot, people.save_button)
    person = Person.get(Person.name == "陈晓燕")
    assert (person.department_id, person.title, person.is_canteen_staff) == (office.id, "干事", True)
    assert people.visible_texts(1) == ["总务处"]


def test_supplier_deactivated_not_deleted_and_history(qtbot, window, monkeypatch):
    page = window.show_page("suppliers")
    click(qtbot, page.new_button)
    type_text(qtbot, page.widgets["name"], "鸿达教学设备有限公司")
    type_text(qtbot, page.widgets["phone"], "0755-26881234")
    click(qtbot, page.save_button)
    supplier = Supplier.get(Supplier.name == "鸿达教学设备有限公司")
    retype(qtbot, page.widgets["phone"], "0755-26880000")
    click(qtbot, page.save_button)
    click(qtbot, page.active_button)
    assert Supplier.get_by_id(supplier.id).active is False
    assert page.visible_texts(0) == []
    page.show_inactive.setChecked(True)
    assert page.visible_texts(4) == ["Deactivated"]

    shown = {}

    def fake_exec(dialog):
        table = dialog.table
        shown["rows"] = [[table.item(r, c).text() for c in range(table.columnCount())]
                         for r in range(table.rowCount())]
        return 0

    from logistics_desk.core.ui import settings_pages

    monkeypatch.setattr(settings_pages.HistoryDialog, "exec", fake_exec)
    click(qtbot, page.history_button)
    actions = [(r[2], r[3], r[4], r[5]) for r in shown["rows"]]
    assert actions[1] == ("Changed", "Phone", "0755-26881234", "0755-26880000")
    assert actions[2] == ("Deactivated", "Active", "Yes", "No")
    assert "Name: 鸿达教学设备有限公司" in shown["rows"][0][5]


def history_rows(qtbot, page, monkeypatch) -> list[list[str]]:
    from logistics_desk.core.ui import settings_pages

    shown = {}

    def fake_exec(dialog):
        table = dialog.table
        shown["rows"] = [[table.item(r, c).text() for c in range(table.columnCount())]
                         for r in range(table.rowCount())]
        return 0

    monkeypatch.setattr(settings_pages.HistoryDialog, "exec", fake_exec)
    click(qtbot, page.history_button)
    return shown["rows"]


def test_history_shows_linked_records_by_name_not_id(qtbot, window, monkeypatch):
    """Issue 13, finding 15: a person's department, a category's parent and a tick read as text."""
    office, _ = masterdata.find_or_create_department("总务处")
    teachers, _ = masterdata.find_or_create_department("教务处")
    person = masterdata.save(Person, {"name": "陈晓燕", "department": office.id, "is_canteen_staff": True})
    masterdata.save(Person, {"name": "陈晓燕", "department": teachers.id, "is_canteen_staff": True}, person)
    page = window.show_page("people")
    page.select_and_load(person.id)
    rows = history_rows(qtbot, page, monkeypatch)
    created, changed = rows[0], rows[1]
    assert "Department: 总务处" in created[5] and "Canteen staff (may take food samples): Yes" in created[5]
    assert str(office.id) not in created[5].replace("总务处", "")
    assert changed[2:] == ["Changed", "Department", "总务处", "教务处"]

    furniture = Category.get(Category.code == "JJ")
    child = masterdata.save(Category, {"parent": furniture.id, "code": "KZY", "name": "课桌椅"})
    page = window.show_page("categories")
    page.reload()
    page.select_and_load(child.id)
    rows = history_rows(qtbot, page, monkeypatch)
    # a built-in category reads in the interface's language (finding 22)
    assert "Parent category: Furniture" in rows[0][5] and "Code: KZY" in rows[0][5]
    assert page.visible_texts(0)[:1] == ["Buildings and structures"]


def test_a_second_supplier_with_the_same_name_is_refused(qtbot, window):
    masterdata.save(Supplier, {"name": "得力集团有限公司"})
    page = window.show_page("suppliers")
    page.reload()
    click(qtbot, page.new_button)
    type_text(qtbot, page.widgets["name"], "得力集团有限公司")
    click(qtbot, page.save_button)
    assert error_text(page, "name") == "“得力集团有限公司” already exists."
    assert "correct the fields" in window.status.text()


def test_pages_are_built_when_first_shown(qtbot, window):
    assert set(window.pages) == {"general"}
    assert [window.nav.item(i).text() for i in range(7)] == [
        "School and general", "Terms", "Departments and classes", "Places", "People", "Suppliers",
        "Asset categories"]
    window.nav.setCurrentRow(3)  # a click on 地点
    assert window.stack.currentWidget() is window.page("places")
    assert set(window.pages) == {"general", "places"}


def test_closing_with_nothing_unsaved_does_not_ask(qtbot, window):
    assert window.unsaved_pages() == []
    window.reject()
    assert not window.isVisible()


# --- a module's page -------------------------------------------------------------------

class _ModulePage(QWidget):
    title = "Label printing"

    def __init__(self):
        super().__init__()
        self.errors = FieldErrors()
        self.offset = QLineEdit("0")
        self.error_label = self.errors.make_label("offset", self.offset)
        self.saved = []

    def save(self):
        try:
            value = float(self.offset.text())
        except ValueError:
            raise ValidationError({"offset": "Enter a number of millimetres."}) from None
        self.saved.append(value)


def test_a_module_contributes_a_page(qtbot, monkeypatch):
    spec = registry.ModuleSpec(key="labels", title="Labels", view="x:y",
                               settings_page=f"{__name__}:_ModulePage")
    w = SettingsWindow(specs=[spec])
    qtbot.addWidget(w)
    host = w.show_page("module:labels")
    assert w.nav.item(w.nav.count() - 1).text() == "Label printing"
    host.page.offset.setText("abc")
    click(qtbot, host.save_button)
    assert host.page.error_label.text() == "Enter a number of millimetres."
    assert host.page.saved == []
    host.page.offset.setText("1.5")
    click(qtbot, host.save_button)
    assert host.page.saved == [1.5]
    assert w.status.text() == "Settings saved."


def test_a_broken_module_page_does_not_stop_the_window(qtbot, monkeypatch):
    spec = registry.ModuleSpec(key="broken", title="Broken", view="x:y", settings_page="no.such.module:Page")
    w = SettingsWindow(specs=[spec])
    qtbot.addWidget(w)
    assert "could not be opened" in w.page("module:broken").findChild(type(w.status)).text()
