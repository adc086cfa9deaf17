"""How the clerk starts the program: the names it answers to, --version, and no silent exit without a console."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from logistics_desk import __version__, app
from logistics_desk.core import logs, paths

ROOT = Path(__file__).resolve().parents[2]


def _python(*args: str, cwd: Path = ROOT, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    env.pop("LOGISTICS_DESK_DB", None)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_version_is_the_one_in_pyproject():
    with open(ROOT / "pyproject.toml", "rb") as f:
        assert tomllib.load(f)["project"]["version"] == __version__


def test_python_dash_m_runs_the_program_and_names_itself(tmp_path):
    done = _python("-m", "logistics_desk", "--version", cwd=tmp_path, tmp_path=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == f"python -m logistics_desk {__version__}"
    done = _python("-m", "logistics_desk", "--help", cwd=tmp_path, tmp_path=tmp_path)
    assert done.stdout.startswith("usage: python -m logistics_desk ")


def test_main_py_names_itself(tmp_path):
    done = _python("main.py", "--help", tmp_path=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("usage: python main.py ")
    done = _python("main.py", "no-such-command", tmp_path=tmp_path)
    assert done.returncode == 2 and "usage: python main.py " in done.stderr


@pytest.fixture
def no_console(monkeypatch, tmp_path):
    """As under pythonw or the windowed build (message boxes recorded); ``gui`` runs gui_main without stdout/stderr."""
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    logs.shutdown()
    boxes = []

    def show(text, error=True):
        boxes.append((text, error))
        app._failure_shown = True

    monkeypatch.setattr(app, "show_start_failure", show)

    def gui(argv):
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = None
        try:
            code = app.gui_main(argv)
            assert sys.stdout is None and sys.stderr is None  # given back as they were
        finally:
            sys.stdout, sys.stderr = saved
        return code

    yield gui, boxes
    logs.shutdown()


def test_without_a_console_help_is_shown_in_a_box(no_console):
    gui, boxes = no_console
    assert gui(["--help"]) == 0
    [(text, error)] = boxes
    assert text.startswith("usage: ") and "--db PATH" in text and error is False


def test_without_a_console_a_usage_error_is_shown_in_a_box(no_console):
    gui, boxes = no_console
    assert gui(["--no-such-option"]) == 2
    [(text, error)] = boxes
    assert "unrecognized arguments: --no-such-option" in text and error is True


def test_without_a_console_a_command_that_fails_is_shown_in_a_box(no_console, tmp_path):
    gui, boxes = no_console
    assert gui(["--lang", "en", "--db", str(tmp_path / "missing" / "x.db"), "restore", str(tmp_path / "no.db")]) == 2
    [(text, error)] = boxes
    assert str(tmp_path / "no.db") in text and error is True


def test_without_a_console_a_failure_at_start_is_shown_once(no_console, monkeypatch, db_path):
    monkeypatch.setattr(app, "run_gui", lambda args: (_ for _ in ()).throw(OSError("no display")))
    gui, boxes = no_console
    assert gui(["--lang", "en", "--db", str(db_path)]) == 1
    assert len(boxes) == 1
    text, error = boxes[0]
    assert text.startswith("Failed: no display (the details are in the log ") and error is True


def test_with_a_console_gui_main_is_the_command_line(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    with pytest.raises(SystemExit):
        app.gui_main(["--version"])
    assert capsys.readouterr().out.strip().endswith(__version__)
