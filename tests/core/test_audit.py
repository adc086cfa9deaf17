"""The change record: entries written with the change, hash-chained, tampering found."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk import cli
from logistics_desk.core import audit, clock, db, masterdata, settings
from logistics_desk.core.audit import AuditEntry
from logistics_desk.core.db import database as proxy
from logistics_desk.core.masterdata import Department, Supplier


def _sql(text: str) -> str:
    """``?`` placeholders as the open engine writes them (PostgreSQL: %s)."""
    return text.replace("?", proxy.obj.param)


def _make_history():
    clock.freeze(dt.datetime(2026, 3, 2, 9, 15, 0))
    supplier = masterdata.save(Supplier, {"name": "鸿达教学设备有限公司", "phone": "0755-26881234"})
    masterdata.save(Supplier, {"phone": "0755-26880000"}, supplier)
    dept = masterdata.save(Department, {"name": "总务处", "kind": "department"})
    masterdata.set_active(dept, False, reason="合并")
    return supplier, dept


def test_a_change_is_recorded_with_operator_time_old_and_new(database):
    supplier, dept = _make_history()
    entries = audit.history("supplier", supplier.id)
    assert [e.action for e in entries] == ["create", "update"]
    update = entries[1]
    assert (update.field, update.old_value, update.new_value) == ("phone", "0755-26881234", "0755-26880000")
    assert update.operator == "测试员"
    assert update.ts == dt.datetime(2026, 3, 2, 9, 15, 0)
    deact = audit.history("department", dept.id)[-1]
    assert (deact.action, deact.field, deact.old_value, deact.new_value, deact.note) == \
        ("deactivate", "active", "1", "0", "合并")


def test_settings_changes_are_recorded(database):
    settings.set("school.address", "育才路 88 号")
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (last.table_name, last.field, last.new_value) == ("setting", "school.address", "育才路 88 号")


def test_record_outside_a_transaction_is_refused(database):
    with pytest.raises(RuntimeError):
        audit.record("supplier", 1, "update", {"name": ("a", "b")})


def test_an_intact_chain_verifies(database):
    _make_history()
    assert AuditEntry.select().count() >= 6
    assert audit.verify_chain() == []


def test_a_row_altered_with_raw_sql_is_found(database):
    supplier, _ = _make_history()
    entry = audit.history("supplier", supplier.id)[1]
    proxy.execute_sql(_sql("UPDATE audit_entry SET new_value = ? WHERE id = ?"), ("0000-0000000", entry.id))
    problems = audit.verify_chain()
    assert problems and f"entry {entry.id} was altered" in problems[0]


def test_a_row_altered_and_rehashed_breaks_the_next_link(database):
    supplier, _ = _make_history()
    entry = audit.history("supplier", supplier.id)[1]
    row = AuditEntry.select().where(AuditEntry.id == entry.id).dicts().get()
    row["new_value"] = "0000-0000000"
    forged = audit._digest(row["prev_hash"], row)
    proxy.execute_sql(_sql("UPDATE audit_entry SET new_value = ?, hash = ? WHERE id = ?"),
                      ("0000-0000000", forged, entry.id))
    problems = audit.verify_chain()
    assert any(f"entry {entry.id + 1} does not follow" in p for p in problems)


def test_a_removed_row_is_found(database):
    supplier, _ = _make_history()
    entry = audit.history("supplier", supplier.id)[1]
    proxy.execute_sql(_sql("DELETE FROM audit_entry WHERE id = ?"), (entry.id,))
    problems = audit.verify_chain()
    assert any(f"entries {entry.id}–{entry.id} are missing" in p for p in problems)


def test_removing_the_newest_rows_is_found(database):
    _make_history()
    last = AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).scalar()
    proxy.execute_sql(_sql("DELETE FROM audit_entry WHERE id >= ?"), (last - 1,))
    problems = audit.verify_chain()
    assert any(f"entries {last - 1}–{last} are missing" in p for p in problems)
    # the ids are not reused: the gap stays visible after the next change
    masterdata.save(Supplier, {"name": "新供应商"})
    assert AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).scalar() == last + 1
    assert any("are missing" in p for p in audit.verify_chain())


def test_record_many_continues_the_same_chain(database):
    _make_history()
    with proxy.atomic():
        written = audit.record_many(
            ("supplier", i, "create", audit.create_changes({"name": f"供应商{i}"}), None) for i in range(1200))
    assert written == 1200
    assert audit.verify_chain() == []
    masterdata.save(Supplier, {"name": "之后的供应商"})
    assert audit.verify_chain() == []


def test_check_command_exits_1_after_tampering(db_path, capsys):
    db.open_database(db_path, backup=False)
    _make_history()
    db.close_database()
    assert cli.main(["--db", str(db_path), "--lang", "en", "check"]) == 0
    assert "change record intact" in capsys.readouterr().out

    db.open_database(db_path, backup=False)
    proxy.execute_sql("UPDATE audit_entry SET operator = 'someone else' WHERE id = 3")
    db.close_database()
    assert cli.main(["--db", str(db_path), "--lang", "en", "check"]) == 1
    out = capsys.readouterr().out
    assert "entry 3 was altered" in out and "Traceback" not in out


def test_entries_are_keyed_not_plain_sha256(database, db_path):
    _make_history()
    key = audit.key_path().read_bytes()
    for row in AuditEntry.select().order_by(AuditEntry.id).dicts():
        assert row["hash"] == audit._keyed_digest(key, row["prev_hash"], row)
        assert row["hash"] != audit._digest(row["prev_hash"], row)  # the public formula does not reproduce it


def test_record_inserted_registers_bulk_rows_as_record_create_would(database):
    before = audit.max_id(Supplier)
    with proxy.atomic():
        Supplier.insert_many([{"name": f"批量{i}", "active": True} for i in range(3)]).execute()
        assert audit.record_inserted(Supplier, before) == 3
    made = Supplier.select().where(Supplier.id > before).order_by(Supplier.id)
    for s in made:
        (entry,) = audit.history("supplier", s.id)
        assert (entry.action, entry.field) == ("create", "*")
        assert entry.new_value == audit.create_changes(audit.snapshot(s))["*"][1]
    from logistics_desk.core import integrity

    assert integrity.check().ok


def test_to_text_gives_each_kind_of_value_its_stored_text():
    """The change record's text of a value is part of every entry's hash: the fast lookup by exact type
    (issue 17, bulk imports) must give what the checks give, subclasses included."""
    import datetime as dt
    import enum
    from decimal import Decimal

    from logistics_desk.core.audit import to_text

    class Kind(enum.IntEnum):
        A = 3

    class Note(str):
        pass

    cases = [(None, None), ("", ""), ("甲", "甲"), (Note("x"), "x"), (5, "5"), (-7, "-7"), (Kind.A, str(Kind.A)),
             (True, "1"), (False, "0"), (1.5, "1.5"), (Decimal("12.50"), "12.50"), (Decimal("100.00"), "100"),
             (Decimal("0.10"), "0.10"), (Decimal("1E+2"), "100"),
             (dt.datetime(2026, 1, 2, 3, 4, 5), "2026-01-02 03:04:05"), (dt.date(2026, 1, 2), "2026-01-02")]
    assert [to_text(value) for value, _ in cases] == [text for _, text in cases]
