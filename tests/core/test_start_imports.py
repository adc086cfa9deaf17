"""Issue 17, the window's start: PostgreSQL's driver is not imported with peewee (~150 ms of every start)
unless a server database is opened; then peewee gets it as its own import would have given it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CHILD = r"""
import json, sys
from logistics_desk.core import db, engine
import peewee
before = {"psycopg": "psycopg" in sys.modules, "peewee_has_it": peewee.psycopg is not None}
try:
    server = db.ServerDatabase(engine.parse_server_url("postgresql://nobody@127.0.0.1:1/none"))
except ImportError:
    after = None
else:
    after = {"adapter": type(server._adapter).__name__, "idle": int(server._adapter.txn_idle),
             "driver": peewee.psycopg.__name__}
print(json.dumps({"before": before, "after": after}))
"""


def test_peewee_is_imported_without_psycopg_and_a_server_database_loads_it():
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["before"] == {"psycopg": False, "peewee_has_it": False}
    if found["after"] is None:
        pytest.skip("psycopg is not installed")
    assert found["after"] == {"adapter": "Psycopg3Adapter", "idle": 0, "driver": "psycopg"}


START_CHILD = r"""
import json, sys
from logistics_desk.app import import_before_qt
from logistics_desk.core import db
from logistics_desk.modules import modules
import_before_qt()
qt_before = any(name.startswith("PySide6") for name in sys.modules)
providers = sorted({path.split(":", 1)[0] for spec in modules() for path in (spec.today, getattr(spec, "badge", None))
                    if path})
missing = [name for name in providers if name not in sys.modules]
db.open_database(sys.argv[1], backup=False)  # made and migrated by the test: up to date
db.close_database()
print(json.dumps({"qt_before": qt_before, "providers": providers, "missing": missing,
                  "playhouse": "playhouse.migrations" in sys.modules, "psycopg": "psycopg" in sys.modules}))
"""


def test_the_start_imports_todays_providers_before_qt_and_no_migration_runner(tmp_path):
    """Issue 17: what Today reads just after the first paint is imported before PySide6 (whose import hook
    makes every later import dearer); an up-to-date database opens without playhouse's migration runner."""
    path = tmp_path / "start.db"
    made = subprocess.run([sys.executable, "-c", "import sys; from logistics_desk.core import db; "
                           "db.open_database(sys.argv[1], backup=False); db.close_database()", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, "-c", START_CHILD, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["qt_before"] is False
    assert len(found["providers"]) >= 6 and found["missing"] == []
    assert found["playhouse"] is False
    assert found["psycopg"] is False


WINDOW_CLI_CHILD = r"""
import json, sys
import logistics_desk.app as app_module
from logistics_desk import cli

def run_gui(args):  # where the window would be built: what the command line has imported by then
    print(json.dumps({"command": args.command, "db": args.db,
                      "heavy": sorted({m.split(".")[0] for m in sys.modules} & {"reportlab", "openpyxl", "PIL",
                                                                                 "segno", "PySide6"})}))
    return 0

app_module.run_gui = run_gui
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("argv", [["--db", "X.db"], ["--db=X.db", "--lang", "en", "gui"]])
def test_the_window_start_builds_no_command_parser(argv, tmp_path):
    """Issue 17: ``main.py`` with no command goes to the window without building every module's commands
    (their forms import ReportLab, Pillow and segno: ~150 ms before the window) and without Qt yet."""
    done = subprocess.run([sys.executable, "-c", WINDOW_CLI_CHILD, *argv], capture_output=True, text=True,
                          timeout=120, env={**__import__("os").environ, "LOGISTICS_DESK_DATA": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"command": "gui" if "gui" in argv else None, "db": "X.db", "heavy": []}


def test_help_and_commands_still_see_every_command(tmp_path):
    env = {**__import__("os").environ, "LOGISTICS_DESK_DATA": str(tmp_path)}
    shown = subprocess.run([sys.executable, "main.py", "print", "--help"], capture_output=True, text=True,
                           timeout=120, env=env, cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    assert shown.returncode == 0, shown.stderr
    assert "repair-slip" in shown.stdout and "labels" in shown.stdout


OPEN_CHILD = r"""
import json, sys
from logistics_desk import app
from logistics_desk.core import i18n
i18n.set_language("zh_CN")
qapp = app.create_application()
opened = app.open_database_for_window(qapp, sys.argv[1])
print(json.dumps({"opened": opened, "ts_read": i18n._catalogs_of is not None,
                  "xml": "xml.etree.ElementTree" in sys.modules}))
"""


def test_opening_the_database_for_the_window_reads_no_translation_file(tmp_path):
    """Before Qt's translators are installed, ``tr`` parses every .ts file (~0.5 MB of XML): the window's start
    asks for no string until then (a message only when the database cannot be opened)."""
    done = subprocess.run([sys.executable, "-c", OPEN_CHILD, str(tmp_path / "new.db")], capture_output=True,
                          text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                                                       "LOGISTICS_DESK_DATA": str(tmp_path / "data")})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"opened": True, "ts_read": False, "xml": False}
