"""The fast sheet writer and the lean sheet reader lean on openpyxl's and et_xmlfile's internals.

pyproject.toml pins the versions they were written against (openpyxl 3.1.x,
et_xmlfile 2.0.x). These tests fail loudly, naming what moved, when an upgrade
changes one of those private names, and check that the fast path really is taken
with the standard library's XML writer and with lxml (openpyxl switches to lxml
whenever it is installed), writing the same workbook both ways.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (module, attribute path) for every private name core/excel/ uses (the fast writer, the lean reader)
PRIVATE_NAMES = [
    ("openpyxl.worksheet._writer", "WorksheetWriter"),
    ("openpyxl.worksheet._writer", "WorksheetWriter.get_stream"),
    ("openpyxl.worksheet._writer", "WorksheetWriter.write_top"),
    ("openpyxl.worksheet._writer", "WorksheetWriter.write_row"),
    ("openpyxl.worksheet._write_only", "WriteOnlyWorksheet._writer"),
    ("openpyxl.worksheet._write_only", "WriteOnlyWorksheet._rows"),
    ("openpyxl.worksheet._write_only", "WriteOnlyWorksheet._values_to_row"),
    ("openpyxl.styles.numbers", "BUILTIN_FORMATS"),  # the reader's date detection
    ("openpyxl.styles.numbers", "is_date_format"),
    ("openpyxl.styles.numbers", "is_timedelta_format"),
    ("openpyxl.utils.datetime", "from_excel"),
    ("openpyxl.utils.datetime", "from_ISO8601"),
    ("zipfile", "_EndRecData"),  # the reader checks a workbook's zip directory before opening it
    ("openpyxl.xml", "LXML"),
    ("openpyxl.xml.functions", "xmlfile"),
    ("openpyxl.xml.constants", "SHEET_MAIN_NS"),
    ("et_xmlfile.xmlfile", "_IncrementalFileWriter"),
]


@pytest.mark.parametrize(("module", "name"), PRIVATE_NAMES, ids=[f"{m}:{n}" for m, n in PRIVATE_NAMES])
def test_the_private_names_core_excel_uses_are_still_there(module, name):
    obj = importlib.import_module(module)
    for part in name.split("."):
        assert hasattr(obj, part), (
            f"{module}.{name} is gone: core/excel/'s fast writer or lean reader must be adapted "
            "before the openpyxl/et_xmlfile pins in pyproject.toml are widened")
        obj = getattr(obj, part)


def test_the_pinned_versions_are_the_ones_installed():
    from importlib.metadata import version

    assert version("openpyxl").startswith("3.1."), version("openpyxl")
    assert version("et_xmlfile").startswith("2.0."), version("et_xmlfile")


def test_et_xmlfiles_writer_keeps_its_raw_text_writer(tmp_path):
    """The standard-library path writes rows as text through the writer's ``_file``."""
    from et_xmlfile import xmlfile

    with open(tmp_path / "x.xml", "wb") as fh, xmlfile(fh) as xf, xf.element("a"):
        xf.write("x")
        xf._file("<raw/>")
        xf.write("y")
    assert (tmp_path / "x.xml").read_text(encoding="utf-8") == "<a>x<raw/>y</a>"


SCRIPT = r"""
import datetime as dt, json, sys
from decimal import Decimal
import openpyxl
from openpyxl.xml import LXML
from logistics_desk.core import excel
from logistics_desk.core.excel import writing

columns = [excel.WriteColumn("n", "编号"), excel.WriteColumn("q", "数量", "int"),
           excel.WriteColumn("m", "金额", "money"), excel.WriteColumn("d", "日期", "date"),
           excel.WriteColumn("b", "在用", "bool"), excel.WriteColumn("t", "备注", wrap=True)]
rows = [{"n": f"2026-JJ-{i:05d}", "q": i, "m": Decimal(i) + Decimal("0.5"), "d": dt.date(2026, 9, 1),
         "b": i % 2 == 0, "t": "=1+1 <&> 多行\n备注" if i % 100 == 0 else f"普通 {i}"} for i in range(3000)]
written = {"raw": 0, "fallback": 0}
original = writing._SheetWriter.append_openpyxl
def counting(self, values):
    written["fallback"] += 1
    return original(self, values)
writing._SheetWriter.append_openpyxl = counting
start = writing._SheetWriter.start
def started(self):
    start(self)
    written["raw"] = self.raw is not None
writing._SheetWriter.start = started
excel.write_table(sys.argv[1], "资产", columns, rows)
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
back = [[c.value for c in r] for r in ws.iter_rows()]
print(json.dumps({"lxml": LXML, "written": written, "rows": len(back), "first": back[:2], "wrapped": back[101][5],
                  "quoted": ws.cell(102, 6).quotePrefix, "money_format": ws.cell(2, 3).number_format,
                  "date": str(back[1][3]), "last": back[-1][:2]}, default=str, ensure_ascii=False))
"""


def _write_in_subprocess(tmp_path, use_lxml: bool) -> dict:
    env = {**os.environ, "OPENPYXL_LXML": "True" if use_lxml else "False",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / ("lxml.xlsx" if use_lxml else "stdlib.xlsx")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(out)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _check(result: dict) -> None:
    assert result["written"] == {"raw": True, "fallback": 0}, "the fast path was not taken"
    assert result["rows"] == 3001
    assert result["first"][0] == ["编号", "数量", "金额", "日期", "在用", "备注"]
    assert result["first"][1][:3] == ["2026-JJ-00000", 0, 0.5]
    assert result["date"].startswith("2026-09-01")
    assert result["wrapped"] == "=1+1 <&> 多行\n备注" and result["quoted"] is True
    assert result["money_format"] != "General"
    assert result["last"] == ["2026-JJ-02999", 2999]


def test_the_fast_path_is_taken_with_the_standard_librarys_xml_writer(tmp_path):
    result = _write_in_subprocess(tmp_path, use_lxml=False)
    assert result["lxml"] is False
    _check(result)


def test_the_fast_path_is_taken_with_lxml(tmp_path):
    pytest.importorskip("lxml")  # .ci/run installs lxml for a second run of this file
    result = _write_in_subprocess(tmp_path, use_lxml=True)
    assert result["lxml"] is True
    _check(result)
