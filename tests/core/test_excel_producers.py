"""core/excel: workbooks written by the programs clerks use, read alike.

Producers available here: openpyxl, LibreOffice Calc (fixture files under tests/data made with
``soffice --headless --convert-to xlsx|xls``, since CI has no soffice; where soffice is installed
a fresh export is re-saved too), Excel 97-2003 files (.xls, read with xlrd) and workbooks written
by hand the way Excel, WPS and others write them (inline strings, rich-text runs with phonetic
guides, shared formulas, escapes, parts found by content type or in another case). Where our own
reader cannot read a workbook, openpyxl's public read-only path reads it instead of a refusal.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from logistics_desk import cli
from logistics_desk.core import db
from logistics_desk.core.errors import UserError
from logistics_desk.core.excel import ColumnSpec, limits, read_table, reading, xlsx

DATA = Path(__file__).resolve().parents[1] / "data"
RESAVED = DATA / "register-resaved-by-libreoffice.xlsx"  # the program's export (24 assets), saved again by Calc
FORMULAS = DATA / "formulas-saved-by-libreoffice.xlsx"  # =C2*D2, =IF(C2>2,"批量",""), =SUM(...) calculated by Calc
XLS_EXPORT = DATA / "register-saved-by-libreoffice.xls"  # the same export saved as Excel 97-2003 by Calc
XLS_SAMPLE = DATA / "sample-register-saved-by-libreoffice.xls"  # 资产登记表-样例.xlsx saved as .xls by Calc
SAMPLE = DATA / "资产登记表-样例.xlsx"

D = Decimal

COLUMNS = [
    ColumnSpec("number", ["资产编号", "编号"], max_length=30),
    ColumnSpec("name", ["资产名称", "名称"], required=True, max_length=20),
    ColumnSpec("category", ["资产分类", "分类"], required=True),
    ColumnSpec("model", ["规格型号", "型号"]),
    ColumnSpec("unit", ["计量单位", "单位"]),
    ColumnSpec("quantity", ["数量"], kind="int", min_value=1),
    ColumnSpec("unit_price", ["单价"], kind="money", required=True, min_value=0),
    ColumnSpec("amount", ["金额"], kind="money"),
    ColumnSpec("acquired", ["购置日期", "取得日期"], kind="date"),
    ColumnSpec("place", ["存放地点", "地点"]),
    ColumnSpec("department", ["使用部门", "部门"]),
    ColumnSpec("custodian", ["保管人"]),
    ColumnSpec("note", ["备注"]),
]


def asset_columns():
    from logistics_desk.modules.assets import excel as assets_excel

    return assets_excel.import_columns()


def values(result) -> list[dict]:
    return [dict(r.values) for r in result.rows]


def filled(result) -> list[dict]:
    return [{k: v for k, v in r.values.items() if v is not None} for r in result.rows]


def openpyxl_rows(path: Path) -> list[tuple]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [row for row in wb.worksheets[0].iter_rows(values_only=True) if any(v is not None for v in row)]
    finally:
        wb.close()


@pytest.fixture(autouse=True)
def only_assets(monkeypatch):
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets"])


def run(db_path, *args) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--lang", "en", "--db", str(db_path), *map(str, args)])
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text
    return code, text


def registered(db_path) -> list[tuple]:
    from logistics_desk.modules.assets.models import Asset

    db.open_database(db_path, backup=False)
    try:
        return [(a.number, a.name, a.quantity, a.unit_price, a.acquired_on, a.place.full_name if a.place_id else None)
                for a in Asset.select().order_by(Asset.number)]
    finally:
        db.close_database()


# --- LibreOffice ------------------------------------------------------------------------------------

def test_the_programs_export_saved_again_by_libreoffice_imports(db_path):
    """Issue 13, finding 6: this file made the import fail with "list index out of range" (exit 1)."""
    code, text = run(db_path, "import", "assets", RESAVED)
    assert code == 0, text
    rows = registered(db_path)
    assert len(rows) == 24 == len(openpyxl_rows(RESAVED)) - 1
    assert rows[0][:2] == ("2018-JSJ-00007", "学生计算机")


def test_libreoffice_reads_like_openpyxl_cell_for_cell():
    result = read_table(RESAVED, asset_columns())
    assert result.ok and not result.skipped
    first = openpyxl_rows(RESAVED)[1]
    assert result.rows[0].raw["number"] == first[0] and result.rows[0].raw["acquired_on"] == first[10]
    # the header 使用部门/班级 is rich text in Calc's shared strings (two fonts): it is still a column name
    assert result.headers["department"] == "使用部门/班级"


def test_formulas_calculated_by_libreoffice_and_an_empty_text_result():
    """=IF(C2>2,"批量","") saved by Calc as t="str" with <v></v> is a calculated blank, not an
    uncalculated formula; the totals row of =SUM() is skipped."""
    result = read_table(FORMULAS, COLUMNS)
    assert result.ok, [str(e) for e in result.errors]
    assert [(r["name"], r["amount"], r["note"]) for r in result.rows] == [
        ("办公桌", D("1700.00"), None), ("投影仪", D("3500.00"), None), ("文件柜", D("3601.50"), "批量")]
    assert result.skipped == [(5, "totals row")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_fresh_export_saved_again_by_libreoffice_reads_the_same(database, tmp_path):
    from logistics_desk.core import masterdata  # noqa: F401 - the register needs its master data
    from logistics_desk.modules.assets import excel as assets_excel
    from logistics_desk.modules.assets import service

    category = service.Category.select().first()
    service.register({"name": "办公桌", "category": category.id, "quantity": 3, "unit": "张",
                      "unit_price": D("850"), "acquired_on": dt.date(2024, 9, 1)}, copies=2)
    own = tmp_path / "export.xlsx"
    assets_excel.export(own)
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(own)],
                   check=True, capture_output=True, timeout=120)
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", str(out), str(own)],
                   check=True, capture_output=True, timeout=120)
    ours = read_table(own, asset_columns())
    assert len(ours.rows) == 2
    for saved in (out / "export.xlsx", out / "export.xls"):
        again = read_table(saved, asset_columns())
        assert values(again) == values(ours), saved.name


# --- Excel 97-2003 (.xls) -----------------------------------------------------------------------------

def test_an_old_xls_register_imports_directly(db_path):
    """Issue 13, finding 8: .xls workbooks import with xlrd instead of asking for a re-save."""
    code, text = run(db_path, "import", "assets", XLS_EXPORT)
    assert code == 0, text
    from_xls = registered(db_path)
    assert len(from_xls) == 24
    assert from_xls[0][:5] == ("2018-JSJ-00007", "学生计算机", 1, D("4780.00"), dt.date(2018, 9, 21))


def test_xls_reads_exactly_like_the_same_register_as_xlsx():
    """Merged title rows, notes, totals and signature lines, dates in five spellings and a serial number:
    the .xls Calc saved from the sample register reads row for row, value for value like the .xlsx."""
    as_xlsx, as_xls = read_table(SAMPLE, COLUMNS), read_table(XLS_SAMPLE, COLUMNS)
    assert len(as_xls.rows) == len(as_xlsx.rows) > 30
    assert values(as_xls) == values(as_xlsx)
    assert [str(e) for e in as_xls.errors] == [str(e) for e in as_xlsx.errors]
    assert as_xls.skipped == as_xlsx.skipped and as_xls.header_row == as_xlsx.header_row
    assert read_table(XLS_EXPORT, asset_columns()).ok


def test_a_damaged_xls_is_refused_with_what_to_do(tmp_path):
    data = XLS_SAMPLE.read_bytes()
    cut = tmp_path / "cut.xls"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(UserError, match=r"cut\.xls.*old Excel format.*password.*save it as \.xlsx"):
        read_table(cut, COLUMNS)
    renamed = tmp_path / "renamed.xlsx"  # an .xls given the new name is still read
    renamed.write_bytes(data)
    assert len(read_table(renamed, COLUMNS).rows) == len(read_table(XLS_SAMPLE, COLUMNS).rows)


# --- openpyxl --------------------------------------------------------------------------------------

def test_openpyxl_libreoffice_and_xls_producers_agree(tmp_path):
    """The same register written by openpyxl reads the same as Calc's .xlsx and .xls of it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in openpyxl_rows(RESAVED):
        ws.append(list(row))
    path = tmp_path / "openpyxl.xlsx"
    wb.save(path)
    by_openpyxl = values(read_table(path, asset_columns()))
    resaved, from_xls = read_table(RESAVED, asset_columns()), read_table(XLS_EXPORT, asset_columns())
    assert by_openpyxl == values(resaved) == values(from_xls)


# --- written by hand, the way other programs write -----------------------------------------------------

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def hand_made(path: Path, rows: str, strings: list[str] = (), *, sst_rel: bool = True,
              sst_name: str = "sharedStrings.xml",
              sheet_target: str = "worksheets/sheet1.xml", tail: str = "") -> Path:
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             f'<Override PartName="/xl/{sst_name}" ContentType="{SST_TYPE}"/></Types>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="{sheet_target}"/>'
            + (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="{sst_name}"/>' if sst_rel else "")
            + f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    sst = (f'<sst xmlns="{NS}">' + "".join(s if s.startswith("<si>") else f"<si><t>{s}</t></si>" for s in strings)
           + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                  f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                                  "</Relationships>")
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
                                      '<sheet name="资产" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr(f"xl/{sst_name}", sst)
        z.writestr("xl/styles.xml", f'<styleSheet xmlns="{NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/>'
                                    "</cellXfs></styleSheet>")
        z.writestr("xl/worksheets/sheet1.xml",
                   f'<worksheet xmlns="{NS}"><sheetData>{rows}</sheetData>{tail}</worksheet>')
    return path


def inline(ref: str, body: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is>{body}</is></c>'


HEADER_INLINE = ('<row r="1">' + inline("A1", "<t>资产名称</t>") + inline("B1", "<t>资产分类</t>")
                 + inline("C1", "<t>数量</t>") + inline("D1", "<t>单价</t>") + inline("E1", "<t>金额</t>")
                 + inline("F1", "<t>购置日期</t>") + "</row>")


def test_inline_strings_with_rich_text_runs_and_phonetic_guides(tmp_path):
    """Writers that never use shared strings (xlsxwriter's constant memory mode, many .NET and Java
    libraries) keep each text in its cell, sometimes in runs of several fonts."""
    rows = (HEADER_INLINE
            + '<row r="2">' + inline("A2", '<r><rPr><b/></rPr><t>投影</t></r><r><t xml:space="preserve">仪 </t></r>'
                                           '<rPh sb="0" eb="2"><t>とうえい</t></rPh>')
            + inline("B2", "<t>通用设备</t>") + '<c r="C2"><v>2</v></c><c r="D2"><v>3500</v></c>'
            + '<c r="E2"><f>C2*D2</f><v>7000</v></c><c r="F2" s="1"><v>45901</v></c></row>')
    result = read_table(hand_made(tmp_path / "inline.xlsx", rows), COLUMNS)
    assert result.ok, [str(e) for e in result.errors]
    assert filled(result) == [{"name": "投影仪", "category": "通用设备", "quantity": 2, "unit_price": D("3500.00"),
                               "amount": D("7000.00"), "acquired": dt.date(2025, 9, 1)}]


def test_rich_text_shared_strings_and_excel_escapes(tmp_path):
    strings = ["资产名称", "资产分类", "数量", "单价",
               "<si><r><t>文件</t></r><r><rPr><i/></rPr><t>柜</t></r><rPh sb='0' eb='1'><t>ぶんしょ</t></rPh></si>",
               "家具", "书柜_x000D_二号", "a_x005F_x000D_b"]
    rows = ('<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD")) + "</row>"
            '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2"><v>1</v></c>'
            '<c r="D2"><v>100</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>5</v></c><c r="C3"><v>1</v></c>'
            '<c r="D3"><v>100</v></c></row>'
            '<row r="4"><c r="A4" t="s"><v>7</v></c><c r="B4" t="s"><v>5</v></c><c r="C4"><v>1</v></c>'
            '<c r="D4"><v>100</v></c></row>')
    result = read_table(hand_made(tmp_path / "rich.xlsx", rows, strings), COLUMNS)
    assert [r.raw["name"] for r in result.rows] == ["文件柜", "书柜\r二号", "a_x000D_b"]


def test_shared_formulas_as_excel_writes_them(tmp_path):
    """Excel writes a column of like formulas once (t="shared" with a ref) and the other cells point to it
    (si only). Saved results are read; a shared formula without one is an error, never a number."""
    rows = (HEADER_INLINE
            + '<row r="2">' + inline("A2", "<t>课桌</t>") + inline("B2", "<t>家具</t>")
            + '<c r="C2"><v>40</v></c><c r="D2"><v>300</v></c>'
              '<c r="E2"><f t="shared" ref="E2:E4" si="0">C2*D2</f><v>12000</v></c></row>'
            + '<row r="3">' + inline("A3", "<t>椅子</t>") + inline("B3", "<t>家具</t>")
            + '<c r="C3"><v>40</v></c><c r="D3"><v>120</v></c><c r="E3"><f t="shared" si="0"/><v>4800</v></c></row>'
            + '<row r="4">' + inline("A4", "<t>讲台</t>") + inline("B4", "<t>家具</t>")
            + '<c r="C4"><v>1</v></c><c r="D4"><v>900</v></c><c r="E4"><f t="shared" si="0"/></c></row>')
    result = read_table(hand_made(tmp_path / "shared.xlsx", rows), COLUMNS)
    assert [r["amount"] for r in result.rows] == [D("12000.00"), D("4800.00"), None]
    assert [(e.row, e.column) for e in result.errors] == [(4, "金额")]
    assert "result is not saved" in result.errors[0].message


@pytest.mark.parametrize("variant", ["content type only", "other case", "target from the root"])
def test_parts_found_as_excel_finds_them(tmp_path, variant):
    """Shared strings without a relationship (found by their content type), part names in another case,
    a target written from the archive's root: Excel opens these, and so do we."""
    strings = ["资产名称", "资产分类", "数量", "单价", "投影仪", "通用设备"]
    rows = ('<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD")) + "</row>"
            '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2"><v>1</v></c>'
            '<c r="D2"><v>3500</v></c></row>')
    options = {"content type only": {"sst_rel": False, "sst_name": "strings/table.xml"},
               "other case": {"sheet_target": "Worksheets/Sheet1.XML", "sst_name": "sharedStrings.xml"},
               "target from the root": {"sheet_target": "xl/worksheets/sheet1.xml"}}[variant]
    result = read_table(hand_made(tmp_path / "parts.xlsx", rows, strings, **options), COLUMNS)
    assert filled(result) == [{"name": "投影仪", "category": "通用设备", "quantity": 1, "unit_price": D("3500.00")}]


# --- where our reader cannot read a workbook, openpyxl's public path does --------------------------------

def test_a_workbook_our_reader_fails_on_is_read_by_openpyxl_instead(tmp_path, monkeypatch, caplog):
    path = tmp_path / "register.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["XX学校资产登记表"])
    ws.append(["资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点"])
    ws.append(["投影仪", "通用设备", 2, 3500, dt.date(2025, 9, 1), "教学楼 301"])
    ws.append([None, "通用设备", 1, 200, dt.date(2025, 9, 2), None])
    ws.merge_cells("F3:F4")  # the room merged down two rows: both rows are in it
    ws.append(["合计", None, 3])
    wb.save(path)
    expected = read_table(path, COLUMNS)

    def broken(*_args, **_kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(xlsx._XlsxSource, "_value", broken)
    again = read_table(path, COLUMNS)
    assert values(again) == values(expected) and again.skipped == expected.skipped
    assert [r["place"] for r in again.rows] == ["教学楼 301", "教学楼 301"]
    assert [str(e) for e in again.errors] == [str(e) for e in expected.errors]


def test_a_shared_text_missing_for_both_readers_is_still_refused_as_damaged(tmp_path):
    """openpyxl is the second try, not a way around a verdict: when it cannot read the file either, the
    first reader's message (naming the cell) stands."""
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>57</v></c></row>'
    with pytest.raises(UserError, match=r"damaged.*B1.*57"):
        read_table(hand_made(tmp_path / "missing.xlsx", rows, ["资产名称"]), COLUMNS)


def test_limits_are_never_retried_with_openpyxl(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(reading, "_OpenpyxlSource", lambda *a: calls.append(a))
    monkeypatch.setattr(limits, "MAX_CELL_CHARS", 10)
    rows = HEADER_INLINE + '<row r="2">' + inline("A2", "<t>" + "长" * 11 + "</t>") + "</row>"
    with pytest.raises(UserError, match="more than 10 characters"):
        read_table(hand_made(tmp_path / "long.xlsx", rows), COLUMNS)
    rows = '<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>'
    with pytest.raises(UserError, match="out of order"):
        read_table(hand_made(tmp_path / "order.xlsx", rows), COLUMNS)
    assert calls == []
