"""core/excel: reading registers as people keep them, writing exports, reports and templates."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from logistics_desk.core import i18n
from logistics_desk.core.errors import UserError
from logistics_desk.core.excel import (
    Cancelled,
    ColumnSpec,
    SheetData,
    WriteColumn,
    fold,
    fold_header,
    parse_value,
    read_table,
    write_error_report,
    write_table,
    write_template,
    write_workbook,
)

_SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
# ../shared/data beside the checkout when present, else the copy kept in tests/data
DATA = _SHARED_DATA if _SHARED_DATA.is_dir() else Path(__file__).resolve().parents[1] / "data"
SAMPLE_XLSX = DATA / "资产登记表-样例.xlsx"
SAMPLE_CSV = DATA / "资产清单-旧系统导出-GBK.csv"

D = Decimal

COLUMNS = [
    ColumnSpec("number", ["资产编号", "编号", "asset number", "number"], max_length=30),
    ColumnSpec("name", ["资产名称", "名称", "name"], required=True, max_length=20),
    ColumnSpec("category", ["资产分类", "分类", "category"], required=True),
    ColumnSpec("model", ["规格型号", "型号", "model"]),
    ColumnSpec("unit", ["计量单位", "单位", "unit"]),
    ColumnSpec("quantity", ["数量", "quantity", "qty"], kind="int", min_value=1),
    ColumnSpec("unit_price", ["单价", "unit price"], kind="money", required=True, min_value=0),
    ColumnSpec("amount", ["金额", "amount"], kind="money"),
    ColumnSpec("acquired", ["购置日期", "取得日期", "acquisition date"], kind="date"),
    ColumnSpec("place", ["存放地点", "地点", "place"]),
    ColumnSpec("department", ["使用部门", "部门", "department"]),
    ColumnSpec("custodian", ["保管人", "custodian"]),
    ColumnSpec("status", ["状态", "status"], kind="choice",
               choices={"在用": "in_use", "闲置": "idle", "in use": "in_use"}),
    ColumnSpec("lendable", ["可外借", "lendable"], kind="bool"),
]

HEADER = ["序号", "资产编号", "资产名称", "资产分类", "规格型号", "计量单位", "数量", "单价", "金额", "购置日期",
          "存放地点", "保管人"]


def make_xlsx(path: Path, rows, merges=(), title="Sheet1", extra_sheets=()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    for name, sheet_rows in extra_sheets:
        other = wb.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    wb.save(path)
    return path


def set_cached_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells a cached result, as Excel does when it saves."""
    with zipfile.ZipFile(path) as z:
        items = {name: z.read(name) for name in z.namelist()}
    xml = items["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        xml, n = re.subn(rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)', rf"\g<1><v>{value}</v>", xml)
        assert n == 1, ref
    items["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)


def by_row(result):
    return {r.row: r for r in result.rows}


def errors_of(result):
    return [(e.row, e.column, e.value, e.message) for e in result.errors]


# ---------------------------------------------------------------------------
# the real sample files
# ---------------------------------------------------------------------------


def test_sample_register_reads_as_a_person_reads_it():
    result = read_table(SAMPLE_XLSX, COLUMNS)
    assert result.errors == []
    assert result.sheet == "固定资产"
    assert result.header_row == 3
    assert result.headers["unit_price"] == "单价"
    assert result.missing_columns == []
    assert result.extra_columns == []  # 序号 is recognised, not "unknown"
    assert [r.row for r in result.rows] == list(range(4, 17)) + list(range(18, 31)) + list(range(32, 44))
    assert len(result.rows) == 38
    assert dict(result.skipped) == {
        17: "blank row",
        31: "blank row",
        44: "totals row",
        45: "blank row",
        46: "signature or note line",
    }
    rows = by_row(result)
    # Excel serial 43709 in a number cell
    assert rows[4].values == {
        "number": None, "name": "显微镜", "category": "专用设备", "model": "型号504", "unit": "台",
        "quantity": 2, "unit_price": D("2600.00"), "amount": None, "acquired": dt.date(2019, 9, 1),
        "place": "教学楼101", "department": None, "custodian": "张伟", "status": None, "lendable": None,
    }
    assert rows[4].raw["acquired"] == 43709
    # full-width quantity, "4,200.00", a date cell, a custodian with a trailing space
    r5 = rows[5].values
    assert (r5["quantity"], r5["unit_price"], r5["acquired"], r5["custodian"]) == (
        12, D("4200.00"), dt.date(2019, 9, 1), "王芳")
    assert rows[5].raw["quantity"] == "１２"
    # money as text, date with slashes
    assert (rows[6]["unit_price"], rows[6]["acquired"]) == (D("180.00"), dt.date(2020, 3, 15))
    # "10 " with a trailing space
    assert rows[7]["quantity"] == 10
    assert rows[8]["acquired"] == dt.date(2021, 9, 1)  # 2021年9月1日
    assert rows[11]["unit_price"] == D("3500.00")  # ¥3500
    assert (rows[14]["acquired"], rows[14]["place"], rows[14]["name"]) == (
        dt.date(2019, 9, 1), "教学楼203", "图书（教辅）")
    assert rows[15]["acquired"] == dt.date(2019, 9, 1)  # 2019.09.01
    assert rows[43]["name"] == "图书（教辅）"
    # the whole register adds up the way the clerk's own sum would
    assert sum(r["quantity"] for r in result.rows) == 445
    assert sum(r["quantity"] * r["unit_price"] for r in result.rows) == D("1979850.00")
    assert {r["acquired"] for r in result.rows} == {dt.date(2019, 9, 1), dt.date(2020, 3, 15), dt.date(2021, 9, 1)}
    assert {r["place"] for r in result.rows} == {
        "教学楼101", "教学楼102", "教学楼203", "实验楼生物实验室", "音乐室", "行政楼 总务处"}
    assert all(r["number"] is None for r in result.rows)  # to be assigned


def test_sample_register_totals_match_openpyxl_reading():
    """An independent check of the quantities: read the cells with openpyxl and convert by hand."""
    ws = openpyxl.load_workbook(SAMPLE_XLSX, data_only=True).active
    expected = []
    for row in ws.iter_rows(min_row=4, max_row=43, values_only=True):
        if row[0] is None:
            continue
        q = row[6]
        expected.append(int(str(q).strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))))
    assert [r["quantity"] for r in read_table(SAMPLE_XLSX, COLUMNS).rows] == expected


def test_sample_gbk_csv():
    result = read_table(SAMPLE_CSV, COLUMNS)
    assert result.errors == []
    assert result.encoding == "gb18030"
    assert result.delimiter == ","
    assert result.header_row == 1
    assert len(result.rows) == 12
    rows = by_row(result)
    assert rows[2].values == {
        "number": None, "name": "显微镜", "category": "专用设备", "model": "型号250", "unit": "台",
        "quantity": 50, "unit_price": D("2600.00"), "amount": None, "acquired": dt.date(2021, 9, 1),
        "place": "教学楼101", "department": "总务处", "custodian": "李娜", "status": None, "lendable": None,
    }
    assert (rows[3]["unit_price"], rows[3]["place"]) == (D("4200.00"), "教学楼203")  # "4,200.00" quoted, full-width 203
    assert rows[5]["acquired"] == dt.date(2019, 9, 1)
    assert rows[6]["acquired"] == dt.date(2020, 3, 15)
    assert rows[13].values["name"] == "钢琴"
    assert sum(r["quantity"] for r in result.rows) == 309


# ---------------------------------------------------------------------------
# csv encodings and separators
# ---------------------------------------------------------------------------

CSV_TEXT = "资产名称,资产分类,数量,单价,购置日期\n投影仪,通用设备,２,\"￥3,500元\",2026年9月1日\n\n合计,,2,7000,\n"


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("utf-16"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16"],
)
def test_csv_encodings(tmp_path, encode, encoding):
    path = tmp_path / "in.csv"
    path.write_bytes(encode(CSV_TEXT))
    result = read_table(path, COLUMNS)
    assert result.encoding == encoding
    assert result.errors == []
    assert [(r.row, r["name"], r["quantity"], r["unit_price"], r["acquired"]) for r in result.rows] == [
        (2, "投影仪", 2, D("3500.00"), dt.date(2026, 9, 1))
    ]
    assert result.skipped == [(3, "blank row"), (4, "totals row")]


def test_csv_tab_separated_crlf(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes("资产名称\t资产分类\t单价\r\n台式计算机\t通用设备\t4,200.00\r\n".encode("gbk"))
    result = read_table(path, COLUMNS)
    assert result.delimiter == "\t"
    assert [(r["name"], r["category"], r["unit_price"]) for r in result.rows] == [
        ("台式计算机", "通用设备", D("4200.00"))]


def test_csv_quoted_field_with_line_break(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('资产名称,资产分类,单价,型号\n"显微镜",专用设备,2600,"XSP-\n504"\n钢琴,专用设备,16000,\n',
                    encoding="utf-8")
    result = read_table(path, COLUMNS)
    assert [(r.row, r["model"]) for r in result.rows] == [(2, "XSP-\n504"), (3, None)]


# ---------------------------------------------------------------------------
# headers
# ---------------------------------------------------------------------------


def test_headers_any_order_any_spelling(tmp_path):
    path = make_xlsx(
        tmp_path / "h.xlsx",
        [
            ["某校资产表"],
            [],
            ["Unit Price (yuan)", "购置\n日期", "资产 名称", "ＣＡＴＥＧＯＲＹ", "数量（台）", "单价（元）*", "备注"],
            ["3500", "2026-09-01", "投影仪", "通用设备", "2", "3,500", "new"],
        ],
    )
    result = read_table(path, COLUMNS)
    assert result.header_row == 3
    # the first of two columns that mean the same thing wins; the other is listed
    assert result.headers == {
        "unit_price": "Unit Price (yuan)",
        "acquired": "购置\n日期",
        "name": "资产 名称",
        "category": "ＣＡＴＥＧＯＲＹ",
        "quantity": "数量（台）",
    }
    assert result.extra_columns == ["单价（元）*", "备注"]
    assert [r.values["unit_price"] for r in result.rows] == [D("3500.00")]
    assert result.errors == []


def test_fold_header():
    assert fold_header(" 单价\n（元） ") == "单价"
    assert fold_header("Unit  Price [CNY]") == "unitprice"
    assert fold_header("资产名称*") == "资产名称"
    assert fold_header("（备注）") == "(备注)"  # only brackets: keep the text
    assert fold("教学楼 ２０３") == "教学楼203"


def test_missing_required_columns_reported_once(tmp_path):
    path = make_xlsx(
        tmp_path / "m.xlsx",
        [["资产名称", "数量", "备注"], ["投影仪", 2, ""], ["钢琴", 1, "x"], ["显微镜", "x", ""]],
    )
    result = read_table(path, COLUMNS)
    assert result.missing_columns == ["category", "unit_price"]
    assert result.extra_columns == ["备注"]
    assert result.errors[0].row == 1
    assert result.errors[0].message == (
        "Required columns are missing: 资产分类, 单价. Columns found in the file: 资产名称, 数量, 备注."
    )
    assert sum("missing" in e.message for e in result.errors) == 1
    # the rows are still read, so every other mistake is shown at once
    assert len(result.rows) == 3
    assert errors_of(result)[1:] == [(4, "数量", "x", "Not a whole number.")]
    assert not result.ok


def test_no_header_row(tmp_path):
    path = make_xlsx(tmp_path / "n.xlsx", [["hello", "world"], [1, 2]])
    result = read_table(path, COLUMNS)
    assert result.rows == []
    assert result.header_row is None
    assert len(result.errors) == 1
    assert result.errors[0].message.startswith("No header row found in the first 30 rows.")
    assert "资产名称" in result.errors[0].message


def test_best_sheet_is_chosen(tmp_path):
    path = make_xlsx(
        tmp_path / "s.xlsx",
        [["说明"], ["这张表是封面"]],
        title="封面",
        extra_sheets=[("资产", [["资产名称", "资产分类", "单价"], ["钢琴", "专用设备", 16000]])],
    )
    result = read_table(path, COLUMNS)
    assert result.sheet == "资产"
    assert [(r["name"], r["unit_price"]) for r in result.rows] == [("钢琴", D("16000.00"))]
    assert read_table(path, COLUMNS, sheet="封面").header_row is None


# ---------------------------------------------------------------------------
# rows that are not data
# ---------------------------------------------------------------------------


def test_blank_totals_signature_and_serial_only_rows(tmp_path):
    path = make_xlsx(
        tmp_path / "r.xlsx",
        [
            ["XX学校资产登记表"],
            ["填表单位：总务处"],
            HEADER,
            [1, None, "显微镜", "专用设备", None, "台", 2, 2600, "=G4*H4", "2019-09-01", "教学楼101", "张伟"],
            [],
            [None, "  ", "\u3000", None],
            [2],  # a numbered line nobody filled in
            [3, None, None, None, None, None, None, None, "=G8*H8"],  # numbered, only a formula
            [4, None, "钢琴", "专用设备", None, "台", 1, 16000, None, "2020/3/15", "音乐室", "李娜"],
            HEADER,  # the header printed again on page 2
            ["小 计", None, None, None, None, None, 3, None, 21200],
            [None, "本页合计：", None, None, None, None, 3],
            ["总计", None, None, None, None, None, 3],
            ["制表人：王芳", None, None, "审核人：", None, None, "日期：2026年9月1日"],
            ["负责人", None, "李明"],
            ["注：金额单位为元"],
        ],
    )
    result = read_table(path, COLUMNS)
    assert [(r.row, r["name"]) for r in result.rows] == [(4, "显微镜"), (9, "钢琴")]
    assert result.skipped == [
        (5, "blank row"),
        (6, "blank row"),
        (7, "nothing but a serial number"),
        (8, "nothing but a serial number"),
        (10, "header repeated"),
        (11, "totals row"),
        (12, "totals row"),
        (13, "totals row"),
        (14, "signature or note line"),
        (15, "signature or note line"),
        (16, "signature or note line"),
    ]
    # the amount in row 4 is a formula nobody calculated: reported, never read as "=G4*H4"
    assert errors_of(result) == [
        (
            4,
            "金额",
            "=G4*H4",
            "This cell holds a formula (=G4*H4) whose result is not saved in the file. "
            "Open the file in Excel or WPS, save it, and import it again.",
        )
    ]
    assert by_row(result)[4].values["amount"] is None
    assert by_row(result)[4].raw["amount"] == "=G4*H4"


def test_names_that_only_look_like_totals_are_data(tmp_path):
    path = make_xlsx(tmp_path / "t.xlsx", [HEADER, [1, None, "小计算器", "通用设备", None, None, 1, 20]])
    result = read_table(path, COLUMNS)
    assert [r["name"] for r in result.rows] == ["小计算器"]


def test_formula_with_cached_value_is_read(tmp_path):
    path = make_xlsx(
        tmp_path / "f.xlsx",
        [HEADER, [1, None, "显微镜", "专用设备", None, "台", 2, 2600, "=G2*H2", "2019-09-01"]],
    )
    set_cached_values(path, {"I2": "5200"})
    result = read_table(path, COLUMNS)
    assert result.errors == []
    assert result.rows[0]["amount"] == D("5200.00")


def test_excel_error_value(tmp_path):
    path = make_xlsx(tmp_path / "e.xlsx", [HEADER, [1, None, "显微镜", "专用设备", None, "台", 2, 2600, "=G2/0"]])
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    xml = items["xl/worksheets/sheet1.xml"].decode()
    xml, n = re.subn(r'<c r="I2"><f>G2/0</f>(?:<v\s*/>|<v></v>)</c>',
                     '<c r="I2" t="e"><f>G2/0</f><v>#DIV/0!</v></c>', xml)
    assert n == 1
    items["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in items.items():
            z.writestr(n, data)
    result = read_table(path, COLUMNS)
    assert errors_of(result) == [(2, "金额", "#DIV/0!", "The cell shows an Excel error: #DIV/0!.")]


# ---------------------------------------------------------------------------
# merged cells
# ---------------------------------------------------------------------------


def test_merged_cells(tmp_path):
    path = make_xlsx(
        tmp_path / "mc.xlsx",
        [
            ["XX学校资产登记表"],  # merged title A1:L1
            HEADER,
            [1, None, "显微镜", "专用设备", None, "台", 2, 2600, None, "2019-09-01", "实验楼生物实验室", "张伟"],
            [2, None, "钢琴", "专用设备", None, "台", 1, 16000, None, None, None, "李娜"],
            [3, None, "文件柜", "家具和用具", None, "个", 3, 900, None, None, None, "刘洋"],
            [4, None, "办公桌", "家具和用具", None, "张", 5, None, None, "2020-03-15", "音乐室", None],
            [5, None, "办公椅", "家具和用具", None, "把", None, None, None, "2020-03-15", "音乐室", None],
        ],
        # place and date merged down three rows; the price merged over rows 6-7;
        # custodian merged across two columns in row 6 (K6:L6 starts at K)
        merges=["A1:L1", "J3:J5", "K3:K5", "H6:H7"],
    )
    result = read_table(path, COLUMNS)
    rows = by_row(result)
    assert result.header_row == 2
    assert [(r.row, r["place"], r["acquired"]) for r in result.rows] == [
        (3, "实验楼生物实验室", dt.date(2019, 9, 1)),
        (4, "实验楼生物实验室", dt.date(2019, 9, 1)),
        (5, "实验楼生物实验室", dt.date(2019, 9, 1)),
        (6, "音乐室", dt.date(2020, 3, 15)),
        (7, "音乐室", dt.date(2020, 3, 15)),
    ]
    assert rows[4].raw["place"] == "实验楼生物实验室"
    # H6:H7 holds nothing, so nothing is shared; the price is simply missing in both
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (6, "单价", "Required; this cell is empty."),
        (7, "单价", "Required; this cell is empty."),
    ]


def test_merged_number_over_rows_is_an_error(tmp_path):
    path = make_xlsx(
        tmp_path / "mn.xlsx",
        [
            HEADER,
            [1, None, "显微镜", "专用设备", None, "台", 2, 2600],
            [2, None, "钢琴", "专用设备", None, "台", None, None],
            [3, None, "文件柜", "家具和用具", None, "个", 3, 900, None, None, "音乐室"],
        ],
        merges=["G2:G3", "H2:H3", "K4:L4"],
    )
    result = read_table(path, COLUMNS)
    rows = by_row(result)
    assert (rows[2]["quantity"], rows[2]["unit_price"]) == (2, D("2600.00"))
    assert (rows[3]["quantity"], rows[3]["unit_price"]) == (None, None)
    assert [(e.row, e.column) for e in result.errors] == [(3, "数量"), (3, "单价")]
    assert "G2:G3" in result.errors[0].message and "Unmerge" in result.errors[0].message
    # merged across columns: the value belongs to the first column only
    assert (rows[4]["place"], rows[4]["custodian"]) == ("音乐室", None)


def test_merged_header_row_title_is_ignored(tmp_path):
    path = make_xlsx(
        tmp_path / "mh.xlsx",
        [["资产登记表"], ["资产名称", "资产分类", "单价"], ["钢琴", "专用设备", 16000]],
        merges=["A1:C1"],
    )
    result = read_table(path, COLUMNS)
    assert (result.header_row, [r["name"] for r in result.rows]) == (2, ["钢琴"])


# ---------------------------------------------------------------------------
# typed parsing and wrong values
# ---------------------------------------------------------------------------


def test_wrong_types_are_reported_per_cell(tmp_path):
    long_name = "多功能" * 7 + "柜"  # 22 characters, at most 20
    path = make_xlsx(
        tmp_path / "w.xlsx",
        [
            ["资产名称", "资产分类", "数量", "单价", "购置日期", "状态", "可外借"],
            ["投影仪", "通用设备", "两台", "4,2000", "2026-02-30", "在用", "是"],
            [long_name, None, "12.5", "12.345", "明天", "坏了", "也许"],
            ["钢琴", "专用设备", "0", "-1", "2026-9", "IN USE", "N"],
            ["显微镜", "专用设备", "12 kg", "abc", "1850-01-01", "闲置", "√"],
        ],
    )
    result = read_table(path, COLUMNS)
    assert errors_of(result) == [
        (2, "数量", "两台", "Not a whole number."),
        (2, "单价", "4,2000", "Not an amount of money."),
        (2, "购置日期", "2026-02-30", "There is no such day in the calendar."),
        (3, "资产名称", long_name, "Too long: 22 characters, at most 20 allowed."),
        (3, "资产分类", "", "Required; this cell is empty."),
        (3, "数量", "12.5", "Not a whole number."),
        (3, "单价", "12.345", "More than two decimal places: an amount is in yuan and fen."),
        (3, "购置日期", "明天", "Not a date. Write it like 2026-09-01."),
        (3, "状态", "坏了", "Not one of the accepted values: 在用, 闲置."),
        (3, "可外借", "也许", "Write 是 or 否 (yes or no)."),
        (4, "数量", "0", "Must be at least 1."),
        (4, "单价", "-1", "Must be at least 0."),
        (4, "购置日期", "2026-9", "The day is missing. Write the whole date, like 2026-09-01."),
        (5, "数量", "12 kg", "Not a whole number."),
        (5, "单价", "abc", "Not an amount of money."),
        (5, "购置日期", "1850-01-01", "The year 1850 is not plausible."),
    ]
    rows = by_row(result)
    assert (rows[2]["status"], rows[2]["lendable"], rows[2]["quantity"]) == ("in_use", True, None)
    assert (rows[4]["status"], rows[4]["lendable"]) == ("in_use", False)
    assert (rows[5]["status"], rows[5]["lendable"]) == ("idle", True)
    assert [r.row for r in result.valid_rows()] == []
    assert str(result.errors[0]) == "Row 2, 数量 “两台”: Not a whole number."


def test_very_long_text_in_a_cell(tmp_path):
    text = "很长的说明" * 2000  # 10,000 characters
    path = make_xlsx(tmp_path / "l.xlsx", [["资产名称", "资产分类", "单价"], [text, "通用设备", 1]])
    result = read_table(path, COLUMNS)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "资产名称", "Too long: 10000 characters, at most 20 allowed.")
    ]
    assert result.errors[0].value == text
    assert result.rows[0]["name"] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-09-01", dt.date(2026, 9, 1)),
        ("2026/9/1", dt.date(2026, 9, 1)),
        ("2026.9.1", dt.date(2026, 9, 1)),
        ("2026.09.01", dt.date(2026, 9, 1)),
        ("2026年9月1日", dt.date(2026, 9, 1)),
        ("2026 年 9 月 1 号", dt.date(2026, 9, 1)),
        ("２０２６年９月１日", dt.date(2026, 9, 1)),
        ("20260901", dt.date(2026, 9, 1)),
        ("2026-09-01 08:30", dt.date(2026, 9, 1)),
        ("2026-09-01T00:00:00", dt.date(2026, 9, 1)),
        (" 2026-9-1 ", dt.date(2026, 9, 1)),
        ("46266", dt.date(2026, 9, 1)),  # a serial number that came through a CSV
        (46266, dt.date(2026, 9, 1)),
        (46266.75, dt.date(2026, 9, 1)),
        (20260901, dt.date(2026, 9, 1)),
        (dt.datetime(2026, 9, 1, 14, 0), dt.date(2026, 9, 1)),
        (dt.date(2026, 9, 1), dt.date(2026, 9, 1)),
        (43709, dt.date(2019, 9, 1)),
    ],
)
def test_date_spellings(value, expected):
    assert parse_value(value, ColumnSpec("d", ["d"], kind="date")) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-9", "The day is missing. Write the whole date, like 2026-09-01."),
        ("2026年9月", "The day is missing. Write the whole date, like 2026-09-01."),
        ("2026-13-01", "There is no such day in the calendar."),
        ("26/9/1", "Not a date. Write it like 2026-09-01."),
        ("9/1/2026", "Not a date. Write it like 2026-09-01."),
        ("12345", "Not a date. Write it like 2026-09-01."),
        (-3, "Not a date. Write it like 2026-09-01."),
        (True, "Not a date. Write it like 2026-09-01."),
    ],
)
def test_bad_dates(value, message):
    with pytest.raises(UserError) as info:
        parse_value(value, ColumnSpec("d", ["d"], kind="date"))
    assert info.value.message == message


def test_month_only_dates_when_allowed():
    spec = ColumnSpec("d", ["d"], kind="date", month_ok=True)
    assert parse_value("2019年9月", spec) == dt.date(2019, 9, 1)
    assert parse_value("2019-09", spec) == dt.date(2019, 9, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("4,200.00", D("4200.00")),
        ("¥3500", D("3500.00")),
        ("￥3,500元", D("3500.00")),
        ("3500元", D("3500.00")),
        ("３５００", D("3500.00")),
        ("RMB 35.5", D("35.50")),
        ("1.2万元", D("12000.00")),
        ("0.5万", D("5000.00")),
        (" 180 ", D("180.00")),
        (".5", D("0.50")),
        ("12.3400", D("12.34")),
        ("-20", D("-20.00")),
        (2600, D("2600.00")),
        (4200.0, D("4200.00")),
        (0.1 + 0.2, D("0.30")),
        (12.345, D("12.35")),  # a computed cell is rounded to the fen
        (D("7.5"), D("7.50")),
    ],
)
def test_money_spellings(value, expected):
    result = parse_value(value, ColumnSpec("m", ["m"], kind="money"))
    assert result == expected
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize("value", ["4,2000", "12.345", "三千", "35$", "1,2", "¥", dt.date(2026, 1, 1), True])
def test_bad_money(value):
    with pytest.raises(UserError):
        parse_value(value, ColumnSpec("m", ["m"], kind="money"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("１２", 12), ("12 ", 12), ("\u300012", 12), ("1,200", 1200), ("12.0", 12), (12.0, 12), (7, 7),
     ("12台", 12), ("50 套", 50), ("+3", 3)],
)
def test_int_spellings(value, expected):
    assert parse_value(value, ColumnSpec("q", ["q"], kind="int")) == expected


@pytest.mark.parametrize("value", ["12.5", 12.5, "12kg", "12 pcs", "十二", "1 2", "12台半", True])
def test_bad_ints(value):
    with pytest.raises(UserError):
        parse_value(value, ColumnSpec("q", ["q"], kind="int"))


def test_decimal_units_only_when_declared():
    spec = ColumnSpec("w", ["w"], kind="decimal", units=["克", "g"])
    assert parse_value("125克", spec) == D("125")
    assert parse_value("125.5 g", spec) == D("125.5")
    assert parse_value("１２５", spec) == D("125")
    with pytest.raises(UserError):
        parse_value("0.125千克", spec)
    with pytest.raises(UserError):
        parse_value("125克", ColumnSpec("w", ["w"], kind="decimal"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("是", True), ("否", False), ("Y", True), ("n", False), ("YES", True), ("No", False), ("√", True), ("×", False),
     ("有", True), ("无", False), (1, True), (0, False), (True, True), ("TRUE", True), (" 是 ", True)],
)
def test_bool_spellings(value, expected):
    assert parse_value(value, ColumnSpec("b", ["b"], kind="bool")) is expected


def test_text_normalisation():
    spec = ColumnSpec("t", ["t"])
    assert parse_value("  教学楼２０３\u3000", spec) == "教学楼203"
    assert parse_value("图书（教辅）", spec) == "图书（教辅）"  # full-width punctuation stays
    assert parse_value("ＡＢＣ-１", spec) == "ABC-1"
    assert parse_value(13800138000.0, spec) == "13800138000"
    assert parse_value(12, spec) == "12"
    assert parse_value(1.5, spec) == "1.5"
    assert parse_value(dt.datetime(2026, 9, 1), spec) == "2026-09-01"
    assert parse_value("教学楼２０３", ColumnSpec("t", ["t"], normalize=False)) == "教学楼２０３"
    assert parse_value("   ", spec) is None


def test_choice_matching():
    spec = ColumnSpec("s", ["s"], kind="choice", choices={"在用": "in_use", "闲置": "idle", "in use": "in_use"})
    assert parse_value(" 在 用 ", spec) == "in_use"
    assert parse_value("In Use", spec) == "in_use"
    assert parse_value("idle", spec) == "idle"  # the stored value itself
    assert spec.choice_labels() == ["在用", "闲置"]


def test_column_spec_is_checked():
    with pytest.raises(ValueError):
        ColumnSpec("x", ["x"], kind="number")
    with pytest.raises(ValueError):
        ColumnSpec("x", ["x"], kind="choice")
    with pytest.raises(ValueError):
        read_table(SAMPLE_CSV, [ColumnSpec("a", ["a"]), ColumnSpec("a", ["b"])])


def test_label_is_a_header_name_in_both_languages(tmp_path):
    spec = ColumnSpec("name", label="Asset name", required=True)
    path = make_xlsx(tmp_path / "lbl.xlsx", [["Asset Name", "x"], ["钢琴", 1]])
    assert [r["name"] for r in read_table(path, [spec]).rows] == ["钢琴"]
    assert spec.header == "Asset name"


# ---------------------------------------------------------------------------
# files that are not what they claim
# ---------------------------------------------------------------------------


def test_old_xls_and_broken_files_are_refused(tmp_path):
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(UserError, match="old Excel format"):
        read_table(xls, COLUMNS)
    disguised = tmp_path / "old.xlsx"
    disguised.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(UserError, match="password"):
        read_table(disguised, COLUMNS)
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    with pytest.raises(UserError, match="cannot be read as a spreadsheet"):
        read_table(broken, COLUMNS)
    with pytest.raises(UserError, match="File not found"):
        read_table(tmp_path / "nowhere.xlsx", COLUMNS)
    with pytest.raises(UserError, match="File not found"):
        read_table(tmp_path / "nowhere.csv", COLUMNS)


def test_undecodable_csv(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\x80\xff\x80\xff")
    with pytest.raises(UserError, match="neither UTF-8 nor GBK"):
        read_table(path, COLUMNS)


# ---------------------------------------------------------------------------
# progress and cancel
# ---------------------------------------------------------------------------


def big_rows(n):
    return [
        {
            "number": f"2026-JJ-{i:05d}",
            "name": f"课桌{i}",
            "category": "家具和用具",
            "quantity": i % 50 + 1,
            "unit_price": D(i % 1000) + D("0.25"),
            "acquired": dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000),
            "place": "教学楼101",
        }
        for i in range(n)
    ]


WRITE_COLUMNS = [
    WriteColumn("number", "资产编号"),
    WriteColumn("name", "资产名称"),
    WriteColumn("category", "资产分类"),
    WriteColumn("quantity", "数量", "int"),
    WriteColumn("unit_price", "单价", "money"),
    WriteColumn("acquired", "购置日期", "date"),
    WriteColumn("place", "存放地点"),
]


def test_progress_and_cancel(tmp_path):
    path = tmp_path / "big.xlsx"
    seen = []
    assert write_table(path, "资产", WRITE_COLUMNS, big_rows(1200), progress=lambda d, t: seen.append((d, t))) == 1200
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]

    read_seen = []
    result = read_table(path, COLUMNS, progress=lambda d, t: read_seen.append((d, t)))
    assert len(result.rows) == 1200
    assert read_seen[-1] == (1201, 1201)
    assert all(d <= t for d, t in read_seen)

    with pytest.raises(Cancelled):
        read_table(path, COLUMNS, cancel=lambda: True)

    target = tmp_path / "cancelled.xlsx"
    with pytest.raises(Cancelled) as info:
        write_table(target, "资产", WRITE_COLUMNS, big_rows(1200), cancel=lambda: True)
    assert info.value.message == "Cancelled. Nothing was changed."  # the one Cancelled (core/tasks.py)
    assert not target.exists()
    assert list(tmp_path.glob(".~*")) == []  # no temporary file left behind


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------


@pytest.fixture(params=["fast", "openpyxl"])
def writer_path(request, monkeypatch):
    """Run a writing test through the raw-XML row writer and through openpyxl's cells."""
    if request.param == "openpyxl":
        from logistics_desk.core.excel import writing

        original = writing._SheetWriter.start

        def start(self):
            original(self)
            self.raw = None

        monkeypatch.setattr(writing._SheetWriter, "start", start)
    return request.param


def test_write_then_read_back_1000_rows(tmp_path, writer_path):
    rows = big_rows(1000)
    rows[3]["name"] = "=HYPERLINK(\"x\")"
    rows[4]["place"] = "+教学楼"
    rows[5]["place"] = "-1"
    rows[6]["place"] = "@SUM(A1)"
    path = tmp_path / "export.xlsx"
    write_table(path, "资产", WRITE_COLUMNS, rows)
    result = read_table(path, COLUMNS)
    assert result.errors == []
    assert result.header_row == 1
    assert len(result.rows) == 1000
    for written, read in zip(rows, result.rows, strict=True):
        for key, value in written.items():
            assert read.values[key] == value, (read.row, key)


def test_written_sheet_looks_right(tmp_path, writer_path):
    path = tmp_path / "look.xlsx"
    write_table(path, "资产/台账:2026", WRITE_COLUMNS + [WriteColumn("ok", "在用", "bool")], [
        {**big_rows(1)[0], "name": "一个很长很长很长很长很长很长的资产名称", "ok": True},
        {**big_rows(2)[1], "ok": False},
    ])
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws.title == "资产_台账_2026"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:H3"
    assert [c.value for c in ws[1]] == [
        "资产编号", "资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点", "在用"]
    assert all(c.font.b for c in ws[1])
    price, date = ws["E2"], ws["F2"]
    assert (price.value, price.number_format, price.data_type) == (0.25, "#,##0.00", "n")
    assert (date.value, date.number_format, date.is_date) == (dt.datetime(2020, 1, 1), "yyyy-mm-dd", True)
    assert ws["D2"].value == 1 and ws["D2"].data_type == "n"
    assert (ws["H2"].value, ws["H3"].value) == ("Yes", "No")
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["B"] == 2 * 19 + 2  # CJK counts double
    assert widths["E"] >= 12 and widths["F"] >= 12


@pytest.mark.parametrize("text", ["=1+1", "=HYPERLINK(\"http://evil\",\"click\")", "+1", "-1", "@SUM(A1:A2)", "=", "-"])
def test_formula_injection_comes_back_as_text(tmp_path, text, writer_path):
    path = tmp_path / "inj.xlsx"
    write_table(path, "s", [WriteColumn("a", "备注")], [{"a": text}])
    ws = openpyxl.load_workbook(path).active
    cell = ws["A2"]
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix  # Excel keeps it text even when the cell is edited
    raw = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in raw
    assert openpyxl.load_workbook(path, data_only=True).active["A2"].value == text
    assert read_table(path, [ColumnSpec("a", ["备注"])]).rows[0]["a"] == text.strip()


def test_control_characters_are_dropped(tmp_path, writer_path):
    path = tmp_path / "ctl.xlsx"
    write_table(path, "s", [("a", "备注")], [("a\x07b\x1f",)])
    assert openpyxl.load_workbook(path).active["A2"].value == "ab"


def test_write_workbook_several_sheets(tmp_path):
    path = tmp_path / "multi.xlsx"
    n = write_workbook(path, [
        SheetData("资产", WRITE_COLUMNS, big_rows(3)),
        SheetData("汇总", [("k", "分类"), ("v", "金额", "money", 20)], iter([("家具和用具", D("12.5"))])),
    ])
    assert n == 4
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["资产", "汇总"]
    assert wb["汇总"]["B2"].value == 12.5
    assert wb["汇总"].column_dimensions["B"].width == 20


def test_write_refuses_missing_folder(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        write_table(tmp_path / "no" / "x.xlsx", "s", WRITE_COLUMNS, [])


def test_error_report_in_chinese(tmp_path):
    path = make_xlsx(tmp_path / "bad.xlsx", [["资产名称", "资产分类", "单价"], ["钢琴", None, "abc"]])
    i18n.set_language("zh_CN")
    result = read_table(path, COLUMNS)
    assert [e.message for e in result.errors] == ["必填项，此处为空。", "不是金额。"]
    report = tmp_path / "report.xlsx"
    write_error_report(report, result)
    ws = openpyxl.load_workbook(report).active
    assert ws.title == "错误"
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["行号", "列", "值", "原因"],
        [2, "资产分类", None, "必填项，此处为空。"],
        [2, "单价", "abc", "不是金额。"],
    ]
    assert str(result.errors[1]) == "第 2 行，单价“abc”：不是金额。"


def test_error_report_with_file_level_error(tmp_path):
    path = make_xlsx(tmp_path / "m.xlsx", [["资产名称", "数量"], ["钢琴", 1]])
    result = read_table(path, COLUMNS)
    report = tmp_path / "r.xlsx"
    write_error_report(report, result.errors)
    ws = openpyxl.load_workbook(report).active
    assert [c.value for c in ws[1]] == ["File row", "File column", "Value in the file", "What is wrong"]
    assert ws["A2"].value == 1 and ws["D2"].value.startswith("Required columns are missing")


def test_add_error_uses_the_files_header(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [["名称", "分类", "单价"], ["钢琴", "乐器", 100]])
    result = read_table(path, COLUMNS)
    row = result.rows[0]
    error = result.add_error(row, "category", "Unknown category.")
    assert (error.row, error.column, error.value, error.message) == (2, "分类", "乐器", "Unknown category.")
    result.add_error(row, None, "Whole row is wrong.")
    assert not row.ok and not result.ok
    assert [e.message for e in result.errors] == ["Unknown category.", "Whole row is wrong."]
    assert result.header_of("place") == "存放地点"  # a column the file lacks: its first name


def test_template_reads_back(tmp_path):
    i18n.set_language("zh_CN")
    specs = [
        ColumnSpec("name", ["资产名称", "asset name"], required=True, max_length=50, help="Text"),
        ColumnSpec("price", ["单价", "unit price"], kind="money", required=True),
        ColumnSpec("date", ["购置日期"], kind="date"),
        ColumnSpec("status", ["状态"], kind="choice", choices={"在用": "in_use", "闲置": "idle"}),
        ColumnSpec("lend", ["可外借"], kind="bool"),
        ColumnSpec("number", ["资产编号"]),
    ]
    path = tmp_path / "template.xlsx"
    example = {"name": "投影仪", "price": D("3500"), "date": dt.date(2026, 9, 1), "status": "在用", "lend": True,
               "number": "-001"}
    write_template(path, specs, [example])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["导入", "填写说明"]
    ws = wb["导入"]
    assert [c.value for c in ws[1]] == ["资产名称", "单价", "购置日期", "状态", "可外借", "资产编号"]
    assert ws["A1"].font.color.rgb.endswith("C00000") and not ws["C1"].font.color.rgb.endswith("C00000")
    assert ws["B3"].number_format == "#,##0.00" and ws["C3"].number_format == "yyyy-mm-dd"
    assert ws["F2"].data_type == "s" and ws["F2"].value == "-001"
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists == {"D2:D501": '"在用,闲置"', "E2:E501": '"是,否"'}
    assert "金额（元）" in ws["B1"].comment.text
    notes = wb["填写说明"]
    assert [c.value for c in notes[5]] == ["列名", "必填", "填写内容"]
    assert [c.value for c in notes[6]] == ["资产名称", "是", "文本；最多 50 个字；文本"]
    assert [c.value for c in notes[9]] == ["状态", None, "从下列值中选一个；在用、闲置"]

    result = read_table(path, specs)
    assert result.errors == []
    assert [r.values for r in result.rows] == [
        {"name": "投影仪", "price": D("3500.00"), "date": dt.date(2026, 9, 1), "status": "in_use", "lend": True,
         "number": "-001"}
    ]


def test_two_row_header(tmp_path):
    path = make_xlsx(
        tmp_path / "two.xlsx",
        [
            ["资产登记表"],
            ["序号", "资产名称", "资产分类", "价值（元）", None, "购置日期"],
            [None, None, None, "单价", "金额", None],
            [1, "显微镜", "专用设备", 2600, 5200, "2019-09-01"],
            ["以下空白"],
        ],
        merges=["A1:F1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3"],
    )
    result = read_table(path, COLUMNS)
    assert result.header_row == 2
    assert result.headers == {
        "name": "资产名称", "category": "资产分类", "unit_price": "单价", "amount": "金额", "acquired": "购置日期"
    }
    assert result.errors == []
    assert [(r.row, r["unit_price"], r["amount"]) for r in result.rows] == [(4, D("2600.00"), D("5200.00"))]
    assert result.skipped == [(5, "signature or note line")]


def test_two_row_header_group_label_that_is_a_column_name(tmp_path):
    path = make_xlsx(
        tmp_path / "two2.xlsx",
        [
            ["资产名称", "资产分类", "金额", None],
            [None, None, "单价", "金额"],
            ["显微镜", "专用设备", 2600, 5200],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1"],
    )
    result = read_table(path, COLUMNS)
    assert (result.headers["unit_price"], result.headers["amount"]) == ("单价", "金额")
    assert [(r["unit_price"], r["amount"]) for r in result.rows] == [(D("2600.00"), D("5200.00"))]


def test_csv_separator_hint(tmp_path):
    path = tmp_path / "hint.csv"
    path.write_text("sep=;\n资产名称;资产分类;单价\n钢琴;专用设备;16000,00\n", encoding="utf-8")
    result = read_table(path, COLUMNS)
    assert result.delimiter == ";"
    assert errors_of(result) == [(2, "单价", "16000,00", "Not an amount of money.")]  # a decimal comma is refused


def test_missing_columns_message_in_chinese(tmp_path):
    i18n.set_language("zh_CN")
    path = make_xlsx(tmp_path / "m.xlsx", [["资产名称", "数量"], ["钢琴", 1]])
    result = read_table(path, COLUMNS)
    assert str(result.errors[0]) == "第 1 行：缺少必需的列：资产分类、单价。文件中的列有：资产名称、数量。"


def test_unknown_sheet(tmp_path):
    path = make_xlsx(tmp_path / "s.xlsx", [["资产名称", "资产分类"]], title="资产")
    with pytest.raises(UserError) as info:
        read_table(path, COLUMNS, sheet="汇总")
    assert info.value.message == "s.xlsx has no sheet “汇总”. Its sheets: 资产."


def test_wrapped_column_and_print_setup(tmp_path, writer_path):
    path = tmp_path / "wrap.xlsx"
    write_table(path, "s", [WriteColumn("a", "名称"), WriteColumn("b", "说明", width=30, wrap=True)],
                [("钢琴", "很长的说明" * 20), ("琴凳", "=危险")])
    ws = openpyxl.load_workbook(path).active
    assert ws["B2"].alignment.wrap_text and ws["B3"].alignment.wrap_text
    assert (ws["B3"].value, ws["B3"].data_type, ws["B3"].quotePrefix) == ("=危险", "s", True)
    assert not ws["A2"].alignment.wrap_text
    assert ws.row_dimensions[2].height == 15 * 7 and ws.row_dimensions[3].height is None  # 200 units of text in 29
    assert ws.column_dimensions["B"].width == 30
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"


def test_the_chinese_catalogue_gives_header_names_in_any_interface_language(monkeypatch):
    """Read from the real catalogue (a wrong import inside core/excel/ once left it silently empty)."""
    from logistics_desk.core.excel import table

    monkeypatch.setattr(table, "_ZH_CATALOG", None)
    assert table._chinese_catalog()
    assert i18n.load_ts_catalog("zh_CN")["File row"] in ColumnSpec("row", label="File row").aliases()


def test_a_file_exported_in_chinese_imports_in_english(tmp_path, monkeypatch):
    from logistics_desk.core.excel import table

    monkeypatch.setattr(table, "_ZH_CATALOG", {"Asset label": "资产标签", "Count": "件数"})
    spec = [ColumnSpec("name", label="Asset label", required=True), ColumnSpec("q", label="Count", kind="int")]
    path = tmp_path / "zh.xlsx"
    write_table(path, "s", [WriteColumn("name", "资产标签"), WriteColumn("q", "件数", "int")], [("钢琴", 2)])
    result = read_table(path, spec)  # English interface
    assert result.errors == []
    assert [(r["name"], r["q"]) for r in result.rows] == [("钢琴", 2)]


def test_values_of_every_type_in_order(tmp_path, writer_path):
    path = tmp_path / "types.xlsx"
    cols = [WriteColumn("a", "甲"), WriteColumn("b", "乙", "money"), WriteColumn("c", "丙", "datetime"),
            WriteColumn("d", "丁", "decimal")]
    rows = [
        ("<b>&\"x\"</b>", 1.005, dt.datetime(2026, 9, 1, 8, 30), D("1.5")),
        (dt.time(8, 30), 7, dt.date(2026, 9, 2), 2.25),  # a time: the row goes through openpyxl's cells
        ("  空格  ", D("3.456"), None, True),
        ("", float("nan"), None, D("1E+3")),
        ("尾", None, None, None),
    ]
    write_table(path, "s", cols, rows)
    ws = openpyxl.load_workbook(path).active
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert got == [
        ["<b>&\"x\"</b>", 1.0, dt.datetime(2026, 9, 1, 8, 30), 1.5],
        [dt.time(8, 30), 7, dt.datetime(2026, 9, 2), 2.25],
        ["  空格  ", 3.456, None, True],
        [None, None, None, 1000],
        ["尾", None, None, None],
    ]
    assert ws["B3"].number_format == "#,##0.00" and ws["C2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["C3"].number_format == "yyyy-mm-dd"


def test_parse_functions_raise_user_errors():
    from logistics_desk.core.excel import parse_date, parse_money

    with pytest.raises(UserError) as info:
        parse_money("abc")
    assert info.value.message == "Not an amount of money."
    assert parse_date("2026年9月1日") == dt.date(2026, 9, 1)


# --- workbooks as Excel and WPS save them (shared strings, styles), read by our own reader -------------

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def excel_saved(path: Path, sheet_rows: str, strings: list[str], *, prefix: str = "", date1904: bool = False,
                extra_sheet: bool = False, numfmts: str = "", xfs: str = '<xf numFmtId="0"/>') -> Path:
    """A workbook as Excel writes it: texts in shared strings, dates as styled numbers.
    ``prefix`` writes every element with a namespace prefix (as some .NET writers do)."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{_NS}"' if prefix else f'xmlns="{_NS}"'
    sheets = f'<{p}sheet name="隐藏" sheetId="2" state="hidden" r:id="rId9"/>' if extra_sheet else ""
    workbook = (f'<{p}workbook {xmlns} xmlns:r="{_REL}">'
                + (f'<{p}workbookPr date1904="1"/>' if date1904 else "")
                + f'<{p}sheets>{sheets}<{p}sheet name="资产" sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId9" Type="{_REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
    sst = (f'<{p}sst {xmlns} uniqueCount="{len(strings)}">'
           + "".join(s if s.startswith("<") else f"<{p}si><{p}t>{s}</{p}t></{p}si>" for s in strings) + f"</{p}sst>")
    styles = (f'<{p}styleSheet {xmlns}>' + (f"<{p}numFmts>{numfmts}</{p}numFmts>" if numfmts else "")
              + f'<{p}cellXfs>{xfs}</{p}cellXfs></{p}styleSheet>')
    sheet = f'<{p}worksheet {xmlns}><{p}sheetData>{sheet_rows}</{p}sheetData></{p}worksheet>'
    root_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>")
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        if extra_sheet:
            z.writestr("xl/worksheets/sheet2.xml", f'<worksheet xmlns="{_NS}"><sheetData/></worksheet>')
    return path


def _header_and_row(p: str = "") -> str:
    head = "".join(f'<{p}c r="{c}1" t="s"><{p}v>{i}</{p}v></{p}c>' for i, c in enumerate("ABCDE"))
    row = (f'<{p}c r="A2" t="s"><{p}v>5</{p}v></{p}c><{p}c r="B2" t="s"><{p}v>6</{p}v></{p}c>'
           f'<{p}c r="C2"><{p}v>2</{p}v></{p}c><{p}c r="D2" s="1"><{p}v>3500.5</{p}v></{p}c>'
           f'<{p}c r="E2" s="2"><{p}v>45901</{p}v></{p}c>')
    return f'<{p}row r="1">{head}</{p}row><{p}row r="2">{row}</{p}row>'


EXCEL_STRINGS = ["资产名称", "资产分类", "数量", "单价", "购置日期",
                 "<si><r><t>投影</t></r><r><rPr><b/></rPr><t>仪</t></r><rPh sb='0' eb='2'><t>とうえい</t></rPh></si>",
                 "通用设备"]


@pytest.mark.parametrize("prefix", ["", "x"])
def test_a_workbook_saved_by_excel_reads_with_shared_strings_rich_text_and_date_styles(tmp_path, prefix):
    p = f"{prefix}:" if prefix else ""
    path = excel_saved(tmp_path / "excel.xlsx", _header_and_row(p), EXCEL_STRINGS, prefix=prefix,
                       numfmts=f'<{p}numFmt numFmtId="176" '
                               'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>',
                       xfs=f'<{p}xf numFmtId="0"/><{p}xf numFmtId="4"/><{p}xf numFmtId="176"/>')
    result = read_table(path, COLUMNS[1:3] + [COLUMNS[5], COLUMNS[6], COLUMNS[8]])
    assert result.ok, result.errors
    row = result.rows[0]
    assert row.values == {"name": "投影仪", "category": "通用设备", "quantity": 2, "unit_price": D("3500.50"),
                          "acquired": dt.date(2025, 9, 1)}  # the phonetic guide is not part of the name
    assert dict(row.raw)["acquired"] == dt.datetime(2025, 9, 1)


def test_chinese_builtin_date_formats_and_the_1904_calendar(tmp_path):
    path = excel_saved(tmp_path / "mac.xlsx", _header_and_row(), EXCEL_STRINGS, date1904=True,
                       xfs='<xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="31"/>')
    result = read_table(path, COLUMNS[1:3] + [COLUMNS[5], COLUMNS[6], COLUMNS[8]])
    assert result.rows[0].raw["acquired"] == dt.datetime(2029, 9, 2)  # 45901 days after 1904-01-01


def test_hidden_sheets_come_after_the_visible_one(tmp_path):
    path = excel_saved(tmp_path / "two.xlsx", _header_and_row(), EXCEL_STRINGS, extra_sheet=True)
    result = read_table(path, COLUMNS[1:3] + [COLUMNS[5], COLUMNS[6], COLUMNS[8]])
    assert result.sheet == "资产" and len(result.rows) == 1
    with pytest.raises(UserError, match="隐藏"):
        read_table(path, COLUMNS, sheet="没有")


def test_cells_of_every_type_as_excel_stores_them(tmp_path):
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
            '<c r="D1" t="s"><v>3</v></c></row>'
            '<row r="2"><c r="A2" t="str"><f>A1&amp;"x"</f><v>计算的名称</v></c><c r="B2" t="s"><v>6</v></c>'
            '<c r="C2"><f>1+1</f></c><c r="D2" t="e"><v>#DIV/0!</v></c></row>'
            '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> 书柜 </t></is></c>'
            '<c r="B3" t="s"><v>6</v></c><c r="C3" t="b"><v>1</v></c><c r="D3"><v>1.5E+3</v></c></row>')
    path = excel_saved(tmp_path / "types.xlsx", rows, EXCEL_STRINGS)
    result = read_table(path, COLUMNS[1:3] + [COLUMNS[5], COLUMNS[6]])
    first, second = result.rows
    assert first.values["name"] == "计算的名称" and first.values["quantity"] is None
    assert [e.column for e in first.errors] == ["数量", "单价"]
    assert "result is not saved" in first.errors[0].message and first.raw["quantity"] == "=1+1"
    assert "#DIV/0!" in first.errors[1].message
    assert second.values["name"] == "书柜" and second.values["unit_price"] == D("1500.00")
    assert [e.column for e in second.errors] == ["数量"]  # TRUE is not a quantity


def test_row_values_behave_like_a_dict(tmp_path):
    path = excel_saved(tmp_path / "excel.xlsx", _header_and_row(), EXCEL_STRINGS)
    row = read_table(path, COLUMNS[1:3] + [COLUMNS[5], COLUMNS[6], COLUMNS[8]]).rows[0]
    assert set(row.values) == {"name", "category", "quantity", "unit_price", "acquired"}
    assert row.values.get("nothing", "-") == "-" and "name" in row.values and len(row.values) == 5
    row.values["extra"] = 1
    assert row.values["extra"] == 1 and row.get("extra") == 1
    with pytest.raises(KeyError):
        row.values["nothing"]
