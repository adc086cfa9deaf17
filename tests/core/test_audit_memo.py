"""Within one write transaction the change record reads once what cannot change inside it (issue 17):
the operator's name, the key and the head file, the anchor it has just set. The entries stay the same."""

from __future__ import annotations

from logistics_desk.core import audit, settings
from logistics_desk.core.audit import AuditEntry
from logistics_desk.core.db import database as proxy


def _count(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _records(n, start=0):
    for i in range(start, start + n):
        audit.record("supplier", 9000 + i, "update", {"phone": (str(i), str(i + 1))})


def test_operator_is_read_once_per_transaction(database, monkeypatch):
    with proxy.atomic():
        _records(1)
    calls = _count(monkeypatch, settings, "get")
    with proxy.atomic():
        _records(20)
    assert [c for c in calls if c[:1] == ("operator.name",)] == [("operator.name",)]
    assert {e.operator for e in AuditEntry.select().where(AuditEntry.record_id >= 9000)} == {"测试员"}


def test_renaming_the_operator_inside_a_transaction_names_the_new_one(database):
    with proxy.atomic():
        _records(2)
        settings.set("operator.name", "李老师")
        _records(2, start=2)
    ops = [e.operator for e in AuditEntry.select().where(AuditEntry.record_id >= 9000).order_by(AuditEntry.id)]
    assert ops == ["测试员", "测试员", "李老师", "李老师"]
    assert audit.verify_chain() == []


def test_key_head_and_anchor_are_read_once_per_transaction(database, monkeypatch):
    with proxy.atomic():
        _records(1)  # the change record and its head exist
    keys = _count(monkeypatch, audit, "_read_key")
    heads = _count(monkeypatch, audit, "read_head")
    anchors = _count(monkeypatch, audit, "_anchor")
    with proxy.atomic():
        _records(30)
    # once for the entries, once after COMMIT to move the head (not once per entry)
    assert (len(keys), len(heads), len(anchors)) == (2, 2, 1)
    with proxy.atomic():  # a new transaction reads them again
        _records(1, start=30)
    assert (len(keys), len(heads), len(anchors)) == (4, 4, 2)
    assert audit.verify_chain() == []


def test_a_rolled_back_savepoint_still_chains_and_numbers_right(database):
    with proxy.atomic():
        _records(2)
        with proxy.atomic() as sp:
            _records(3, start=2)
            sp.rollback()
        _records(2, start=5)
    ids = [e.id for e in AuditEntry.select().where(AuditEntry.record_id >= 9000).order_by(AuditEntry.id)]
    assert len(ids) == 4
    assert audit.verify_chain() == []
