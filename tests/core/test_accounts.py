"""Accounts and roles (core/accounts.py): off by default; turned on with the first administrator; scrypt
passwords; five wrong tries pause; the person logged in signs the change record; a role's refusals raise,
save nothing and are logged."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from logistics_desk.core import accounts, audit, integrity, settings
from logistics_desk.core.accounts import Account, LoginFailed, NotAllowed
from logistics_desk.core.errors import RuleError, ValidationError
from logistics_desk.core.masterdata import Category, Person


@pytest.fixture(autouse=True)
def nobody_logged_in():
    accounts.logout()
    accounts._failures.clear()
    yield
    accounts.logout()
    accounts._failures.clear()


@pytest.fixture
def turned_on(database):
    admin = accounts.turn_on("管理员", "admin-pass-1")
    return admin


def _as(account: Account) -> None:
    accounts.set_session(accounts.Session(account.id, account.name, account.role, account.person_id))


def test_passwords_are_salted_scrypt_with_their_parameters():
    first, second = accounts.hash_password("秘密口令123"), accounts.hash_password("秘密口令123")
    assert first != second  # a random salt each time
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, int(n), int(r), int(p), len(bytes.fromhex(salt))) == ("scrypt", 2 ** 14, 8, 1, 16)
    assert accounts.check_password("秘密口令123", first) and accounts.check_password("秘密口令123", second)
    assert not accounts.check_password("秘密口令124", first)
    cheap = accounts.hash_password("x" * 8, n=2 ** 10, r=4, p=1)  # the stored parameters are the ones used
    assert accounts.check_password("x" * 8, cheap) and cheap.split("$")[1:4] == ["1024", "4", "1"]
    assert not accounts.check_password("anything", "garbage")


def test_off_by_default_nobody_logs_in_and_the_clerk_signs_as_before(database):
    assert not accounts.enabled() and accounts.current() is None
    with audit.database.atomic():
        entry = audit.record("setting", None, "update", {"x": (None, "1")})[0]
    assert entry.operator == "测试员"


def test_turning_on_needs_the_first_administrator_in_the_same_step(database):
    with pytest.raises(ValidationError) as caught:
        accounts.turn_on("管理员", "short")
    assert "password" in caught.value.errors
    assert not accounts.enabled() and Account.select().count() == 0  # nothing half-done
    with pytest.raises(ValidationError):
        accounts.turn_on("  ", "long-enough-1")
    admin = accounts.turn_on("管理员", "admin-pass-1")
    assert accounts.enabled() and admin.role == accounts.ADMIN and admin.active
    assert accounts.login("管理员", "admin-pass-1").role == accounts.ADMIN


def test_the_password_hash_stays_out_of_the_change_record_and_check_passes(turned_on):
    entries = audit.AuditEntry.select().where(audit.AuditEntry.table_name == "account")
    assert entries.count() >= 1
    assert all("scrypt$" not in (e.new_value or "") + (e.old_value or "") for e in entries)
    _as(turned_on)
    accounts.set_password(turned_on, "another-pass-2")
    assert any(e.note == "New password" for e in audit.history("account", turned_on.id))
    report = integrity.check()
    assert report.ok, report.problems


def test_wrong_passwords_five_times_then_a_pause(turned_on, monkeypatch, caplog):
    clock = [1000.0]
    monkeypatch.setattr(accounts.time, "monotonic", lambda: clock[0])
    caplog.set_level(logging.WARNING, logger="logistics_desk.core.accounts")
    for i in range(4):
        with pytest.raises(LoginFailed) as caught:
            accounts.login("管理员", f"wrong-{i}")
        assert caught.value.message == "Wrong name or password."
    with pytest.raises(LoginFailed) as caught:
        accounts.login("管理员", "wrong-5")
    assert "wait 30 seconds" in caught.value.message
    clock[0] += 10
    with pytest.raises(LoginFailed) as caught:  # the right password too, during the pause
        accounts.login("管理员", "admin-pass-1")
    assert "Try again in 20 seconds" in caught.value.message
    assert accounts.current() is None
    clock[0] += 21
    assert accounts.login("管理员", "admin-pass-1").name == "管理员"
    assert sum("login failed" in r.getMessage() for r in caplog.records) == 5


def test_an_unknown_name_reads_like_a_wrong_password(turned_on):
    with pytest.raises(LoginFailed) as caught:
        accounts.login("没有这个人", "admin-pass-1")
    assert caught.value.message == "Wrong name or password."


def test_a_switched_off_account_cannot_log_in(turned_on):
    _as(turned_on)
    clerk = accounts.create_account("陈晓燕", accounts.CLERK, "clerk-pass-1")
    accounts.update_account(clerk, active=False, note="调离")
    accounts.logout()
    with pytest.raises(LoginFailed):
        accounts.login("陈晓燕", "clerk-pass-1")


def test_the_person_logged_in_signs_the_change_record_and_the_forms(turned_on):
    _as(turned_on)
    clerk = accounts.create_account("陈晓燕", accounts.CLERK, "clerk-pass-1")
    accounts.logout()
    accounts.login("陈晓燕", "clerk-pass-1")
    assert audit.current_operator() == "陈晓燕" and settings.get("operator.name") == "陈晓燕"
    from logistics_desk.modules.assets import service

    asset = service.register({"name": "台式计算机", "category": Category.select().first().id, "quantity": 1,
                              "unit_price": "4200", "acquired_on": dt.date(2025, 9, 1), "unit": "台"})[0]
    assert {e.operator for e in audit.history("asset", asset.id)} == {"陈晓燕"}
    assert clerk.id


def test_a_role_refused_a_change_raises_saves_nothing_and_is_logged(turned_on, caplog):
    from logistics_desk.modules.assets import service
    from logistics_desk.modules.assets.models import Asset

    asset = service.register({"name": "台式计算机", "category": Category.select().first().id, "quantity": 1,
                              "unit_price": "4200", "acquired_on": dt.date(2025, 9, 1), "unit": "台"})[0]
    _as(turned_on)
    cook = accounts.create_account("食堂王", accounts.CANTEEN, "canteen-pass-1")
    _as(cook)
    caplog.set_level(logging.WARNING, logger="logistics_desk.core.accounts")
    entries = audit.AuditEntry.select().count()
    with pytest.raises(NotAllowed) as caught:
        service.update(asset, {"brand": "联想"})
    assert "食堂王" in caught.value.message
    assert Asset.get_by_id(asset.id).brand is None and audit.AuditEntry.select().count() == entries
    assert any("refused" in r.getMessage() and "食堂王" in r.getMessage() for r in caplog.records)
    with pytest.raises(NotAllowed):  # settings are the administrator's
        settings.set("school.name", "别的学校")
    assert settings.get("school.name") == "测试实验学校"
    with pytest.raises(NotAllowed):  # and so are the accounts
        accounts.create_account("某人", accounts.CLERK, "whatever-1")
    with pytest.raises(NotAllowed):
        accounts.turn_off()


def test_what_each_role_may_change(monkeypatch):
    may = accounts.may_write
    assert may("clerk", "asset") and may("clerk", "person") and not may("clerk", "setting")
    assert not may("clerk", "account")
    assert may("admin", "setting") and may("admin", "account") and may("admin", "place")
    assert not may("admin", "asset")
    assert may("canteen", "canteen_sample") and not may("canteen", "repair_ticket", "status")
    assert may("canteen", "repair_ticket", "create")  # a fridge out of range is reported for repair
    assert may("approver", "purchase_approval") and may("approver", "purchase_request", "status")
    assert not may("approver", "purchase_request", "update") and not may("approver", "asset")
    monkeypatch.setattr(accounts, "_ticket_assignee", lambda ticket_id: {1: 7, 2: 8}.get(ticket_id))
    assert may("repair", "repair_ticket", "status", 1, person_id=7)  # their own ticket
    assert not may("repair", "repair_ticket", "status", 2, person_id=7)  # somebody else's
    assert not may("repair", "repair_ticket", "create", None, person_id=7)
    assert not may("repair", "asset", "update", 1, person_id=7)
    assert may("repair", "asset", "repair", 1, person_id=7)  # the asset's status while it is repaired


def test_a_role_sees_its_tabs_and_actions(turned_on):
    keys = ["assets", "stocktake", "purchases", "repairs", "canteen", "utilities"]
    assert accounts.visible_tabs(keys) == keys and accounts.allowed(accounts.SETTINGS)  # accounts off: all
    for role, tabs, settings_allowed in (("canteen", ["canteen"], False), ("repair", ["repairs"], False),
                                          ("approver", keys, False), ("clerk", keys, False), ("admin", keys, True)):
        accounts.set_session(accounts.Session(1, "x", role, None))
        assert accounts.visible_tabs(keys) == tabs, role
        assert accounts.allowed(accounts.SETTINGS) is settings_allowed
        assert accounts.allowed(accounts.ACCOUNTS) is settings_allowed


def test_the_last_administrator_cannot_be_switched_off_or_demoted(turned_on):
    _as(turned_on)
    with pytest.raises(RuleError):
        accounts.update_account(turned_on, active=False, note="离职")
    with pytest.raises(RuleError):
        accounts.update_account(turned_on, role=accounts.CLERK)
    second = accounts.create_account("副主任", accounts.ADMIN, "admin-pass-2")
    accounts.update_account(turned_on, active=False, note="离职")  # another administrator is left
    assert not Account.get_by_id(turned_on.id).active and second.active


def test_names_are_unique_and_a_repair_worker_names_a_person(turned_on):
    _as(turned_on)
    with pytest.raises(ValidationError) as caught:
        accounts.create_account("管理员", accounts.CLERK, "clerk-pass-1")
    assert "name" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        accounts.create_account("师傅", accounts.REPAIR, "repair-pass-1")
    assert "person" in caught.value.errors
    from logistics_desk.core import masterdata

    worker = masterdata.save(Person, {"name": "李师傅"})
    made = accounts.create_account("李师傅", accounts.REPAIR, "repair-pass-1", worker.id)
    assert made.person_id == worker.id


def test_turning_on_again_asks_for_an_existing_administrator(turned_on):
    _as(turned_on)
    accounts.turn_off()
    accounts.logout()
    assert not accounts.enabled()
    with pytest.raises(ValidationError):
        accounts.turn_on("管理员", "not-the-password")
    assert not accounts.enabled()
    accounts.turn_on("管理员", "admin-pass-1")
    assert accounts.enabled() and Account.select().count() == 1


@pytest.mark.sqlite_only  # compares SQLite's own description of the two tables
def test_migration_0021_makes_the_table_the_model_declares(database, db_path, tmp_path):
    import sqlite3

    from peewee import SqliteDatabase

    from logistics_desk.core.masterdata import Person as PersonModel

    declared = SqliteDatabase(str(tmp_path / "declared.db"))
    with declared.bind_ctx([PersonModel, Account]):
        declared.create_tables([PersonModel, Account])
    declared.close()

    def shape(path):
        con = sqlite3.connect(str(path))
        try:
            columns = {r[1]: (r[2].upper(), bool(r[3]), r[5]) for r in con.execute('PRAGMA table_info("account")')}
            listed = con.execute('PRAGMA index_list("account")').fetchall()
            indexes = {(tuple(i[2] for i in con.execute(f'PRAGMA index_info("{name}")')), bool(unique))
                       for _s, name, unique, origin, _p in listed if origin != "pk"}
            keys = {(r[3], r[2], r[4], r[6]) for r in con.execute('PRAGMA foreign_key_list("account")')}
        finally:
            con.close()
        return columns, indexes, keys

    assert shape(db_path) == shape(tmp_path / "declared.db")
