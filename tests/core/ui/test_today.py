"""Issue 15 item 1: Today, the first tab — each kind of line on the demo database, opened with Enter or a
click; the first steps on an empty database; refreshed after a write and at midnight; tabs built when opened."""

from __future__ import annotations

import datetime as _dt
import shutil

import pytest
from PySide6.QtCore import QSettings, Qt

from logistics_desk.core import clock, db, paths
from logistics_desk.modules import modules as registry_specs


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    from logistics_desk.core import demo, i18n
    from logistics_desk.modules import demo_steps

    folder = tmp_path_factory.mktemp("today-demo")
    i18n.set_language("en")
    db.open_database(folder / "logistics.db", backup=False)
    try:
        demo.populate(n_assets=150, seed=11, steps=demo_steps())
    finally:
        db.close_database()
    return folder


@pytest.fixture
def settings_folder(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


@pytest.fixture
def demo_db(demo_folder, tmp_path, settings_folder):
    folder = tmp_path / "data"
    shutil.copytree(demo_folder, folder)
    db.open_database(folder / "logistics.db", backup=False)
    yield folder / "logistics.db"
    db.close_database()


def add_the_kinds_the_demo_lacks() -> None:
    """Through the services: a loan due back today, an urgent ticket nobody was sent to, a budget line over,
    a fridge reading out of range."""
    from logistics_desk.modules.assets import service as assets
    from logistics_desk.modules.assets.models import Asset
    from logistics_desk.modules.canteen import service as canteen
    from logistics_desk.modules.purchases import service as purchases
    from logistics_desk.modules.repairs import service as repairs

    today = clock.today()
    free = list(Asset.select().where(Asset.status == "in_use").order_by(Asset.id).limit(3))
    assets.lend(free[0], borrower_name="张伟", due_on=today, lent_on=today)
    assets.lend(free[1], borrower_name="王芳", due_on=today - _dt.timedelta(days=3),
                lent_on=today - _dt.timedelta(days=10))
    assets.update(free[2], {"warranty_end": today + _dt.timedelta(days=12)})
    place = free[0].place_id
    repairs.create_ticket(reporter_name="李老师", place=place, category="水电", description="电线裸露",
                          urgency="urgent")
    used = [r for r in purchases.budget_rows(today.year) if r["committed"] + r["spent"] > 0]
    line = purchases.BudgetLine.get_by_id(used[0]["id"])
    purchases.save_budget({"amount": "1.00"}, line)
    fridge = next(iter(canteen.active_fridges()))
    canteen.record_reading(fridge, "15", action="门没关好，已关上", recheck_at=clock.now() + _dt.timedelta(hours=1))


def window_on(qtbot):
    from logistics_desk.core.ui.main_window import MainWindow

    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    return w


KINDS = [  # (module, words every line of that kind starts with)
    ("assets", "Loans overdue"), ("assets", "Loans due back today"), ("assets", "Warranties ending within"),
    ("repairs", "Repair tickets overdue"), ("repairs", "Repair tickets due today"),
    ("repairs", "Urgent repair tickets nobody has been sent to"),
    ("purchases", "Purchase requests waiting for a signature"), ("purchases", "Purchase requests waiting for"),
    ("purchases", "Purchase orders waiting for delivery"), ("purchases", "Deliveries waiting for acceptance"),
    ("purchases", "Budget lines over budget"), ("purchases", "Store items below their minimum"),
    ("canteen", "Samples to dispose of today"), ("canteen", "Fridge temperatures out of range"),
    ("stocktake", "Stock-take"), ("core", "Last backup"), ("core", "Last check"),
]


def test_today_is_the_first_tab_and_shows_each_kind_of_line(qtbot, demo_db, capsys):
    from logistics_desk import cli
    from logistics_desk.core import backup

    add_the_kinds_the_demo_lacks()
    backup.make_backup(kind="manual")
    db.close_database()
    assert cli.main(["--db", str(demo_db), "--lang", "en", "check"]) == 0  # remembered for Today
    capsys.readouterr()
    db.open_database(demo_db, backup=False)
    w = window_on(qtbot)
    assert w.tabs.currentIndex() == 0 and w.tabs.currentWidget() is w.today
    assert w.tabs.tabText(0).startswith("Today")
    shown = [(i.module, w.today.tree.topLevelItem(r).text(0).strip()) for r in range(w.today.tree.topLevelItemCount())
             for i in [w.today.item_at(w.today.tree.topLevelItem(r))] if i is not None]
    for module, words in KINDS:
        assert any(m == module and text.startswith(words) for m, text in shown), (module, words, shown)
    # meals without samples or fridge readings due: one of them at any hour of the day
    assert any(text.startswith(("Today's meals without samples", "Fridge readings due")) or m == "canteen"
               for m, text in shown)
    # repairs: the urgent ticket nobody was sent to comes before those due today
    repairs_lines = [t for m, t in shown if m == "repairs"]
    assert repairs_lines.index(next(t for t in repairs_lines if t.startswith("Urgent"))) < \
        repairs_lines.index(next(t for t in repairs_lines if t.startswith("Repair tickets due today")))
    assert not w.is_built("repairs") and not w.is_built("assets")  # nothing built before it is opened


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_enter_on_a_line_opens_its_records(qtbot, demo_db):
    from logistics_desk.modules.assets.models import AssetLoan

    add_the_kinds_the_demo_lacks()
    w = window_on(qtbot)
    w.show()
    qtbot.waitExposed(w)
    tree = w.today.tree
    row = w.today.row_of(lambda i: i.module == "repairs" and i.target.get("filter") == "overdue")
    tree.setFocus()
    tree.setCurrentItem(row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    tab = w.module_tab("repairs")
    assert w.tabs.currentWidget() is tab
    page = tab.tickets
    assert page.status.value() == "overdue"
    assert page.model.rowCount() == w.today.item_at(row).count
    assert page.current_id() == w.today.item_at(row).target["id"]

    # one click on the overdue loans line: the register shows exactly the overdue loans
    w.tabs.setCurrentIndex(0)
    row = w.today.row_of(lambda i: i.module == "assets" and i.target.get("filter") == "overdue_loans")
    assert row is not None
    rect = tree.visualItemRect(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assets = w.module_tab("assets")
    assert w.tabs.currentWidget() is assets
    overdue = AssetLoan.select().where(AssetLoan.returned_on.is_null() & (AssetLoan.due_on < clock.today())).count()
    assert assets.model.rowCount() == overdue == w.today.item_at(row).count


def test_a_write_in_a_tab_refreshes_today(qtbot, demo_db):
    from logistics_desk.modules.purchases import service as purchases

    w = window_on(qtbot)
    before = w.today.row_of(lambda i: i.text.startswith("Purchase requests waiting for a signature"))
    n = w.today.item_at(before).count
    tab = w.module_tab("purchases")
    w.tabs.setCurrentWidget(tab)
    request = purchases.PurchaseRequest.get(purchases.PurchaseRequest.status == "submitted")
    purchases.cancel(request, "不再需要")
    tab.data_changed.emit()  # what the tab does after a write
    w.tabs.setCurrentIndex(0)
    after = w.today.row_of(lambda i: i.text.startswith("Purchase requests waiting for a signature"))
    assert (w.today.item_at(after).count if after is not None else 0) == n - 1


def test_today_reads_again_at_midnight(qtbot, demo_db):
    w = window_on(qtbot)
    first = w.today.day
    assert 0 < w.today.midnight.remainingTime() <= 24 * 3600 * 1000 + 2000
    clock.freeze(_dt.datetime.combine(first + _dt.timedelta(days=1), _dt.time(0, 0, 2)))
    w.today.midnight.timeout.emit()
    assert w.today.day == first + _dt.timedelta(days=1)
    assert str(first + _dt.timedelta(days=1)) in w.today.heading.text()


def test_badges_are_on_the_tabs_before_they_are_built(qtbot, demo_db):
    from logistics_desk.modules.repairs import service as repairs

    w = window_on(qtbot)
    n = repairs.overdue_count(clock.now())
    titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
    assert f"Repair log ({n} overdue)" in titles
    assert not w.is_built("repairs")
    w.tabs.setCurrentIndex(titles.index(f"Repair log ({n} overdue)"))
    assert w.is_built("repairs") and w.tabs.currentWidget() is w.module_tab("repairs")
    assert w.tabs.tabText(w.tabs.currentIndex()) == f"Repair log ({n} overdue)"


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_an_empty_database_says_how_to_start(qtbot, db_path, settings_folder, monkeypatch):
    db.open_database(db_path, backup=False)
    try:
        w = window_on(qtbot)
        page = w.today
        assert not page.start_box.isHidden()
        labels = [b.text() for b in page.start_buttons]
        assert [label.split(". ", 1)[1] for label in labels] == [
            "Set up the school: its name heads every printed form.",
            "Import the old register (the Excel file kept until now).", "Register the first asset."]
        opened = []
        monkeypatch.setattr(w, "open_settings", lambda: opened.append("settings"))
        page.start_buttons[0].click()
        assert opened == ["settings"]
        # "Register the first asset" opens the register with its dialog
        page.start_buttons[2].click()
        assets = w.module_tab("assets")
        assert w.tabs.currentWidget() is assets
        assert assets.dialog is not None and assets.dialog.isVisible()
        assets.dialog.reject()
    finally:
        db.close_database()


def test_every_line_opens_its_tab_on_its_records(qtbot, demo_db, monkeypatch):
    from logistics_desk.core.ui import main_window

    add_the_kinds_the_demo_lacks()
    errors = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, exc: errors.append(exc))
    w = window_on(qtbot)
    lines = [i for g in w.today.groups for i in g.items if i.module != "core"]
    assert {i.module for i in lines} >= {"assets", "repairs", "purchases", "canteen", "stocktake"}
    for item in lines:
        w.tabs.setCurrentIndex(0)
        w.open_today_item(item)
        tab = w.module_tab(item.module)
        assert w.tabs.currentWidget() is tab, item
        target = item.target
        if item.module == "purchases" and target.get("id") and not target.get("page"):
            assert tab.sub.currentWidget() is tab.requests and tab.requests.current.id == target["id"], item
        elif item.module == "purchases" and target.get("page") == "store":
            assert tab.sub.currentWidget() is tab.store and tab.store.only_low.isChecked()
        elif item.module == "purchases":
            assert tab.sub.currentWidget() is tab.budgets
        elif item.module == "canteen":
            page = {"disposal": tab.disposal_page, "fridge": tab.fridge_page, "morning": tab.morning_page,
                    "disinfection": tab.disinfection_page, "accompany": tab.accompany_page,
                    "store": tab.store_page}.get(target["page"], tab.day_page)
            assert tab.pages.currentWidget() is page, item
        elif item.module == "stocktake":
            assert tab.st is not None and tab.st.id == target["id"]
        elif item.module == "repairs":
            assert tab.tickets.current_id() == target["id"], item
        elif item.module == "assets" and target.get("ids"):
            assert tab.model.rowCount() == len(target["ids"]) == item.count, item
    assert errors == []
