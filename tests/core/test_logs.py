"""The log file a clerk can send: rotating, INFO and up, every unexpected error with its traceback."""

from __future__ import annotations

import logging
import os

import pytest

from logistics_desk import cli
from logistics_desk.core import logs, paths


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """The program's data folder (and so its log) in a temporary folder."""
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    logs.shutdown()
    yield tmp_path / "data"
    logs.shutdown()


def test_the_log_is_written_in_the_data_folder_from_info_up(data_folder):
    path = logs.setup()
    assert path == data_folder / "logs" / "logistics-desk.log"
    logging.getLogger("logistics_desk.test").debug("not this")
    logging.getLogger("logistics_desk.test").info("the clerk printed a form")
    logging.getLogger("logistics_desk.test").warning("a warning")
    text = path.read_text(encoding="utf-8")
    assert "INFO" in text and "the clerk printed a form" in text and "a warning" in text
    assert "not this" not in text
    assert f"[{os.getpid()}]" in text


def test_setting_up_twice_adds_no_second_handler(data_folder):
    logs.setup()
    logs.setup()
    logging.getLogger("logistics_desk.test").info("once")
    assert (data_folder / "logs" / "logistics-desk.log").read_text(encoding="utf-8").count("once") == 1


def test_the_log_rotates_at_one_megabyte_keeping_three_older_files(data_folder):
    path = logs.setup()
    line = "x" * 1000
    for _ in range(5000):  # about 5 MB
        logging.getLogger("logistics_desk.test").info(line)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["logistics-desk.log", "logistics-desk.log.1", "logistics-desk.log.2", "logistics-desk.log.3"]
    assert all(p.stat().st_size <= logs.MAX_BYTES + 2000 for p in path.parent.iterdir())


def test_a_rotation_another_process_prevents_is_skipped(data_folder, monkeypatch):
    path = logs.setup()
    logging.getLogger("logistics_desk.test").info("before")

    def refuse(*_args):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "rename", refuse)
    monkeypatch.setattr(logs._file_handler, "rotate", lambda src, dst: refuse())
    logs._file_handler.doRollover()
    logging.getLogger("logistics_desk.test").info("after")
    text = path.read_text(encoding="utf-8")
    assert "before" in text and "after" in text


def test_a_folder_that_cannot_be_written_costs_the_log_not_the_program(tmp_path, monkeypatch):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setattr(paths, "data_dir", lambda: blocker)
    logs.shutdown()
    try:
        assert logs.setup() is None
        assert logs.current_log_file() is None
    finally:
        logs.shutdown()


def test_an_unexpected_failure_prints_one_line_and_logs_the_traceback(data_folder, monkeypatch, capsys, db_path):
    def broken(args):
        raise RuntimeError("the printer driver exploded")

    monkeypatch.setattr(cli, "run", broken)
    code = cli.main(["--lang", "en", "--db", str(db_path), "check"])
    captured = capsys.readouterr()
    out = captured.out
    assert code == 1
    assert captured.err == ""  # the traceback goes to the log only
    log_file = data_folder / "logs" / "logistics-desk.log"
    assert out.strip() == f"Failed: the printer driver exploded (the details are in the log {log_file})"
    assert "Traceback" not in out
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "RuntimeError: the printer driver exploded" in text
    assert "check" in text  # the command that failed


def test_a_failure_before_the_window_opens_also_shows_a_message_box(data_folder, monkeypatch, capsys, db_path):
    from logistics_desk import app

    shown = []
    monkeypatch.setattr(app, "show_start_failure", lambda text, error=True: shown.append(text))
    monkeypatch.setattr(app, "run_gui", lambda args: 1 / 0)
    assert cli.main(["--lang", "en", "--db", str(db_path)]) == 1
    assert len(shown) == 1 and shown[0].startswith("Failed: division by zero (the details are in the log ")
    assert "ZeroDivisionError" in (data_folder / "logs" / "logistics-desk.log").read_text(encoding="utf-8")


def test_user_errors_are_not_logged_as_failures(data_folder, capsys, tmp_path):
    code = cli.main(["--db", str(tmp_path / "nowhere" / "x.db"), "restore", str(tmp_path / "missing.db")])
    assert code == 2
    assert "Traceback" not in (data_folder / "logs" / "logistics-desk.log").read_text(encoding="utf-8")
