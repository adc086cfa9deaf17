"""The asset register's command line: exit status 0 / 2 / 1, reports, never a traceback."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from logistics_desk import cli
from logistics_desk.core import db
from logistics_desk.modules.assets.models import Asset

_SHARED_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
# ../shared/data beside the checkout when present, else the copy kept in tests/data
DATA = _SHARED_DATA if _SHARED_DATA.is_dir() else Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(autouse=True)
def only_assets(monkeypatch):
    """The CLI with just this module (other tabs are tested on their own)."""
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets"])


def run(capsys, *args) -> tuple[int, str]:
    code = cli.main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text
    return code, out.out


def count(db_path) -> int:
    db.open_database(db_path, backup=False)
    try:
        return Asset.select().count()
    finally:
        db.close_database()


def bad_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点"])
    ws.append(["投影仪", "办公设备", 1, 3500, "2025-09-01", "教学楼 301"])
    ws.append(["电脑", "没有的分类", "两台", 4200, "2025-09-01", "教学楼 302"])
    ws.append(["桌子", "家具", 2, 650, "2025/9/1", "教学楼 303"])
    wb.save(path)
    return path


def test_import_bad_rows_exit_2_and_report(db_path, tmp_path, capsys):
    path = bad_workbook(tmp_path / "bad.xlsx")
    code, out = run(capsys, "--db", db_path, "import", "assets", path)
    assert code == 2
    assert "Row 3" in out and "没有的分类" in out and "两台" in out
    assert "--skip-invalid" in out
    assert count(db_path) == 0


def test_skip_invalid_imports_the_rest(db_path, tmp_path, capsys):
    path = bad_workbook(tmp_path / "bad.xlsx")
    code, out = run(capsys, "--db", db_path, "import", "assets", path, "--skip-invalid")
    assert code == 0 and "2 assets imported" in out
    assert count(db_path) == 2


def test_dry_run_writes_nothing(db_path, capsys):
    code, out = run(capsys, "--db", db_path, "import", "assets", DATA / "资产登记表-样例.xlsx", "--dry-run")
    assert code == 0 and "38 rows would be imported" in out
    assert count(db_path) == 0


def test_import_real_files_then_export_and_check(db_path, tmp_path, capsys):
    assert run(capsys, "--db", db_path, "import", "assets", DATA / "资产登记表-样例.xlsx")[0] == 0
    assert run(capsys, "--db", db_path, "import", "assets", DATA / "资产清单-旧系统导出-GBK.csv")[0] == 0
    assert count(db_path) == 50
    out_file = tmp_path / "out.xlsx"
    code, out = run(capsys, "--db", db_path, "export", "assets", out_file, "--place", "教学楼")
    assert code == 0
    n = int(out.split()[0])
    assert 0 < n < 50 and openpyxl.load_workbook(out_file).active.max_row == n + 1
    code, out = run(capsys, "--db", db_path, "export", "assets", out_file, "--search", "钢琴", "--status", "in_use")
    assert code == 0 and out.startswith("5 assets")
    assert run(capsys, "--db", db_path, "check")[0] == 0


def test_bad_input_exit_2(db_path, tmp_path, capsys):
    code, out = run(capsys, "--db", db_path, "import", "assets", tmp_path / "missing.xlsx")
    assert code == 2 and "missing.xlsx" in out
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert run(capsys, "--db", db_path, "import", "assets", tmp_path / "old.xls")[0] == 2
    code, out = run(capsys, "--db", db_path, "export", "assets", tmp_path / "x.xlsx", "--place", "火星")
    assert code == 2 and "火星" in out
    assert run(capsys, "--db", db_path, "export", "assets", tmp_path / "x.csv")[0] == 2
    assert run(capsys, "--db", db_path, "export", "assets", tmp_path / "x.xlsx", "--acquired-from", "2026/13/1")[0] == 2


def test_a_folder_as_database_is_refused_with_exit_2(tmp_path, capsys):
    # the database path is a folder: the user's input, refused with a clear message and nothing created
    code, out = run(capsys, "--db", tmp_path, "export", "assets", tmp_path / "x.xlsx")
    assert code == 2 and "Traceback" not in out
    assert not (tmp_path / "x.xlsx").exists()


def test_other_failure_exit_1(db_path, tmp_path, capsys, monkeypatch):
    # a fault of the program itself (not the user's input): one line, exit 1, no traceback
    from logistics_desk.modules.assets import excel

    def broken(*args, **kwargs):
        raise RuntimeError("internal fault")

    monkeypatch.setattr(excel, "export", broken)
    code, out = run(capsys, "--db", db_path, "export", "assets", tmp_path / "x.xlsx")
    assert code == 1 and out.startswith("Failed") and "internal fault" in out and "Traceback" not in out


def test_template_command(db_path, tmp_path, capsys):
    path = tmp_path / "template.xlsx"
    assert run(capsys, "--db", db_path, "export", "assets-template", path)[0] == 0
    assert run(capsys, "--db", db_path, "import", "assets", path, "--dry-run")[0] == 0


def test_demo_refuses_a_database_with_data_unless_asked(tmp_path, capsys):
    """Issue 13 item 5: demo on a database that has records doubled them (557 -> 1,089)."""
    path = tmp_path / "school.db"
    assert run(capsys, "--db", path, "demo", "--assets", "12")[0] == 0
    before = count(path)
    code, _ = run(capsys, "--db", path, "demo", "--assets", "12")
    assert code == 2
    assert count(path) == before
    code, _ = run(capsys, "--db", path, "demo", "--assets", "12", "--add")
    assert code == 0 and count(path) == before + 12


def test_import_with_a_column_map(tmp_path, capsys):
    """Issue 13 item 7: `--map 购置时间=购置日期` names the file's column for a field."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["资产名称", "资产分类", "数量", "单价", "进校日子"])
    ws.append(["投影仪", "办公设备", 1, 3500, "2025-09-01"])
    path = tmp_path / "odd.xlsx"
    wb.save(path)
    db_path = tmp_path / "school.db"
    code, out = run(capsys, "--db", db_path, "import", "assets", path)
    assert code == 2
    code, out = run(capsys, "--db", db_path, "import", "assets", path, "--map", "进校日子=购置日期")
    assert code == 0 and count(db_path) == 1
    code, out = run(capsys, "--db", db_path, "import", "assets", path, "--map", "进校日子=没有的列")
    assert code == 2


def test_import_maps_another_systems_categories(tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Name", "Asset Tag", "Category", "Purchase Date", "Purchase Cost"])
    ws.append(["Teacher laptop", "100231", "Laptops", "2023-01-15", "1299.00"])
    path = tmp_path / "snipe.xlsx"
    wb.save(path)
    db_path = tmp_path / "school.db"
    assert run(capsys, "--db", db_path, "import", "assets", path)[0] == 2
    code, _ = run(capsys, "--db", db_path, "import", "assets", path, "--map-category", "Laptops=计算机设备")
    assert code == 0 and count(db_path) == 1
