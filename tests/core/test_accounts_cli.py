"""A forgotten password (the last administrator's too): ``accounts reset-password NAME`` at the console of a PC
that has the database itself, with an entry in the change record; ``accounts list`` (issue 20 point 3)."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from logistics_desk import cli
from logistics_desk.core import accounts, audit, db, integrity
from logistics_desk.core.accounts import Account


@pytest.fixture(autouse=True)
def nobody_logged_in():
    accounts.logout()
    accounts._failures.clear()
    yield
    accounts.logout()
    accounts._failures.clear()


@pytest.fixture
def school(db_path):
    """Accounts on with one administrator and a canteen account; the database closed again (the CLI opens it)."""
    db.open_database(db_path, backup=False)
    try:
        admin = accounts.turn_on("管理员", "old-admin-pass")
        accounts.set_session(accounts.Session(admin.id, admin.name, admin.role, admin.person_id))
        accounts.create_account("食堂", accounts.CANTEEN, "canteen-pass-1")
        accounts.update_account(Account.get(Account.name == "食堂"), active=False, note="调岗")
        accounts.logout()
    finally:
        db.close_database()
    return db_path


def run(capsys, monkeypatch, *args, stdin: str | None = None, answers=None) -> tuple[int, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    if answers is not None:
        it = iter(answers)
        monkeypatch.setattr("getpass.getpass", lambda prompt="": next(it))
    code = cli.main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def _check(db_path, name, password) -> bool:
    db.open_database(db_path, backup=False)
    try:
        return accounts.check_password(password, Account.get(Account.name == name).password_hash)
    finally:
        db.close_database()


def test_list_shows_every_account_its_role_and_whether_it_may_log_in(school, capsys, monkeypatch):
    code, out = run(capsys, monkeypatch, "--db", school, "accounts", "list")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("管理员  Administrator  password set ") for line in lines)
    assert any(line.startswith("食堂  Canteen") and "switched off (调岗)" in line for line in lines)
    assert lines[-1] == "Accounts are on: the window asks who logs in."
    assert "scrypt" not in out  # never the hash


def test_reset_password_asks_twice_and_writes_a_change_record_entry(school, capsys, monkeypatch):
    code, out = run(capsys, monkeypatch, "--db", school, "accounts", "reset-password", "管理员",
                    answers=["new-admin-pass", "new-admin-pass"])
    assert code == 0 and "New password set for 管理员 (Administrator)." in out
    assert _check(school, "管理员", "new-admin-pass") and not _check(school, "管理员", "old-admin-pass")
    db.open_database(school, backup=False)
    try:
        admin = Account.get(Account.name == "管理员")
        entry = audit.history("account", admin.id)[-1]
        assert entry.action == "password" and "New password set at the console (" in entry.note
        assert "@" in entry.note  # which system user on which computer
        assert "scrypt" not in (entry.new_value or "") + (entry.old_value or "")
        assert integrity.check().ok  # the change record's chain holds
        # and the person logs in with it
        assert accounts.login("管理员", "new-admin-pass").name == "管理员"
    finally:
        accounts.logout()
        db.close_database()


def test_reset_password_refuses_two_different_answers_a_short_one_and_an_unknown_name(school, capsys, monkeypatch):
    code, out = run(capsys, monkeypatch, "--db", school, "accounts", "reset-password", "管理员",
                    answers=["new-admin-pass", "new-admin-pasS"])
    assert code == cli.EXIT_INVALID and "The two passwords differ; nothing was changed." in out
    code, out = run(capsys, monkeypatch, "--db", school, "accounts", "reset-password", "管理员",
                    answers=["short", "short"])
    assert code == cli.EXIT_INVALID and "at least 8 characters" in out
    code, out = run(capsys, monkeypatch, "--db", school, "accounts", "reset-password", "校长",
                    answers=["new-admin-pass", "new-admin-pass"])
    assert code == cli.EXIT_INVALID and "There is no account named “校长”. The accounts: 管理员, 食堂" in out
    assert _check(school, "管理员", "old-admin-pass")  # nothing changed


def test_reset_password_from_standard_input_and_a_switched_off_account_says_so(school, capsys, monkeypatch):
    code, out = run(capsys, monkeypatch, "--db", school, "accounts", "reset-password", "食堂", "--password-stdin",
                    stdin="canteen-pass-2\n", answers=[])
    assert code == 0 and "switched off" in out
    assert _check(school, "食堂", "canteen-pass-2")


def test_without_the_database_there_is_nothing_to_reset(tmp_path, capsys, monkeypatch):
    code, out = run(capsys, monkeypatch, "--db", tmp_path / "nothing.db", "accounts", "reset-password", "管理员",
                    answers=["new-admin-pass", "new-admin-pass"])
    assert code != 0 and not (tmp_path / "nothing.db").exists()


def test_the_command_runs_as_a_program(school):
    where = str(getattr(school, "url", school))  # a server's address with its password
    done = subprocess.run([sys.executable, "-m", "logistics_desk", "--lang", "en", "--db", where, "accounts",
                           "reset-password", "管理员", "--password-stdin"], input="piped-pass-99\n",
                          capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "New password set for 管理员" in done.stdout
    assert _check(school, "管理员", "piped-pass-99")
