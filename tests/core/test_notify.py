"""On PostgreSQL open lists hear of other programs' changes by LISTEN/NOTIFY: each write transaction that adds
change record entries sends one notification, delivered at COMMIT; the window's counter
(``changes.counter`` → ``PostgresEngine.change_counter``) counts the other programs' ones without a query.
On SQLite (``PRAGMA data_version``) these tests are skipped: see tests/core/test_changes.py."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time

import pytest

from logistics_desk.core import audit, changes, db, engine, masterdata
from logistics_desk.core.errors import UserError
from logistics_desk.core.masterdata import Category, Supplier


@pytest.fixture(autouse=True)
def _on_a_server(server):
    """Skipped unless the suite runs on PostgreSQL (``LOGISTICS_DESK_TEST_DB``), like tests/core/test_postgres."""


def _write_elsewhere(db_path, name: str) -> None:
    """Another program (another PC) saves a supplier and ends."""
    script = textwrap.dedent(f"""
        import logistics_desk.cli
        from logistics_desk.core import db, masterdata
        from logistics_desk.core.masterdata import Supplier
        db.open_database({db_path.url!r}, backup=False)
        masterdata.save(Supplier, {{"name": {name!r}}})
        db.close_database()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


def _foreign_notify(db_path, payload: str = "99999-feedbeef:1") -> None:
    """A notification as another program's write sends it (a marker: it arrives after everything before it)."""
    import psycopg

    with psycopg.connect(db_path.url, autocommit=True) as con:
        con.execute("SELECT pg_notify(%s, %s)", (engine.CHANGE_CHANNEL, payload))


def _until(fn, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.02)


@pytest.fixture
def listener(db_path):
    """Another PC's window: a connection that listens, as the program's own listener does."""
    import psycopg

    con = psycopg.connect(db_path.url, autocommit=True)
    con.execute(f"LISTEN {engine.CHANGE_CHANNEL}")
    yield con
    con.close()


def _heard(con, wait: float = 0.3) -> list[str]:
    return [n.payload for n in con.notifies(timeout=wait)]


def test_another_programs_write_moves_the_counter(database, db_path):
    start = changes.counter()
    assert changes.counter() == start  # nothing happened
    _write_elsewhere(db_path, "远处的供应商")
    assert _until(lambda: changes.counter() != start)
    assert changes.counter() == start + 1  # one write, one notification


def test_this_programs_own_write_does_not_move_the_counter(database, db_path):
    start = changes.counter()
    masterdata.save(Supplier, {"name": "本机的供应商"})
    record = Supplier.get(Supplier.name == "本机的供应商")
    masterdata.save(Supplier, {"phone": "0755-12345678"}, record)
    _foreign_notify(db_path)  # sent after this program's own: once it is heard, the own ones were too
    assert _until(lambda: changes.counter() != start)
    assert changes.counter() == start + 1


def test_a_committed_write_notifies_once_with_its_last_entry(database, listener):
    masterdata.save(Supplier, {"name": "甲供应商", "phone": "0755-1", "contact": "王"})
    with db.database.atomic():  # several changes in one transaction: one notification
        masterdata.save(Supplier, {"name": "乙供应商"})
        masterdata.save(Supplier, {"name": "丙供应商"})
    heard = _heard(listener)
    assert len(heard) == 2
    token, last_id = heard[-1].rsplit(":", 1)
    assert token == engine.process_token() and token.split("-")[0].isdigit()
    first_of_second = audit.AuditEntry.select().where(audit.AuditEntry.record_id == Supplier.get(
        Supplier.name == "乙供应商").id, audit.AuditEntry.table_name == "supplier").get().id
    assert int(last_id) == first_of_second  # the entries this transaction had written when it announced them


def test_a_rolled_back_write_sends_no_notification(database, listener):
    with pytest.raises(UserError), db.database.atomic():
        masterdata.save(Supplier, {"name": "不会保存的供应商"})
        raise UserError("refused")
    assert _heard(listener) == []
    with db.database.atomic():  # a savepoint rolled back: its notification goes with it, the outer one stays
        try:
            with db.database.atomic():
                masterdata.save(Supplier, {"name": "撤销的供应商"})
                raise UserError("refused")
        except UserError:
            pass
        masterdata.save(Supplier, {"name": "保存的供应商"})
    heard = _heard(listener)
    assert len(heard) == 1 and heard[0].startswith(engine.process_token() + ":")
    assert Supplier.get_or_none(Supplier.name == "撤销的供应商") is None


def test_a_refused_save_sends_no_notification(database, listener):
    with pytest.raises(UserError):
        masterdata.save(Supplier, {"name": ""})
    assert _heard(listener) == []


def test_the_listener_reconnects_quietly_when_the_server_drops_it(database, db_path, server):
    import psycopg

    start = changes.counter()
    conn = db.database.obj._change_listener.conn
    with server.admin() as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))
    # no exception; connected again (the next read or the one after: the first may only read the server's
    # farewell), and one refresh for what it may have missed meanwhile
    assert _until(lambda: changes.counter() == start + 1)
    after = changes.counter()
    assert after == start + 1
    listener = db.database.obj._change_listener
    assert listener.conn is not conn and not listener.conn.closed
    _write_elsewhere(db_path, "重连后的供应商")
    assert _until(lambda: changes.counter() == after + 1)
    assert isinstance(conn, psycopg.Connection) and conn.closed


def test_a_server_out_of_reach_is_tried_again_later_without_an_error():
    listener = engine.ChangeListener("postgresql://clerk@127.0.0.1:1/zongwu")
    started = time.monotonic()
    assert listener.read() == 0 and listener.read() == 0  # the second call waits for the pause, no new try
    assert time.monotonic() - started < 5
    assert listener.conn is None and listener.retry_at > time.monotonic()


def test_closing_the_database_closes_the_listening_connection(database, db_path):
    changes.counter()
    listener = db.database.obj._change_listener
    conn = listener.conn
    assert not conn.closed
    db.close_database()
    assert conn.closed and listener.conn is None


def test_reading_the_counter_sends_no_query(database, db_path):
    changes.counter()
    obj = db.database.obj
    sent = []
    original = obj.execute_sql
    obj.execute_sql = lambda *a, **k: sent.append(a) or original(*a, **k)
    try:
        started = time.perf_counter()
        for _ in range(200):
            changes.counter()
        per_read = (time.perf_counter() - started) / 200
    finally:
        del obj.execute_sql
    assert sent == [] and per_read < 0.005


# --- the window -------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, database, tmp_path):
    from PySide6.QtCore import QSettings

    from logistics_desk.core import paths
    from logistics_desk.core.ui.main_window import MainWindow
    from logistics_desk.modules import modules as registry_specs

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    w.change_watcher.timer.setInterval(100)  # the window polls every 2 s; the test need not wait so long
    yield w
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def _register_asset_elsewhere(db_path, name: str) -> None:
    script = textwrap.dedent(f"""
        import datetime as dt
        from logistics_desk.core import db
        from logistics_desk.core.masterdata import Category
        from logistics_desk.modules.assets import service
        db.open_database({db_path.url!r}, backup=False)
        service.register({{"name": {name!r}, "category": Category.select().first().id, "quantity": 1,
                          "unit_price": "100", "acquired_on": dt.date(2025, 9, 1), "unit": "台"}})
        db.close_database()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


@pytest.mark.gui
@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
def test_the_tab_in_view_reloads_on_another_programs_write_and_not_on_its_own(window, qtbot, db_path):
    from logistics_desk.modules.assets import service

    window.show()
    qtbot.waitExposed(window)
    tab = window.module_tab("assets")
    window.tabs.setCurrentWidget(tab)
    service.register({"name": "台式计算机", "category": Category.select().first().id, "quantity": 1,
                      "unit_price": "4200", "acquired_on": dt.date(2025, 9, 1), "unit": "台"})  # this program's own
    qtbot.wait(500)
    assert window.change_watcher.refreshes == 0
    _register_asset_elsewhere(db_path, "投影仪")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
    assert window.change_watcher.refreshes == 1
