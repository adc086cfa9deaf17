"""Page layout of the printing core, read back from the PDF: no orphan pages (signatures and totals
keep the last rows company), cells that wrap at word and number boundaries or shrink to fit,
English headers and amounts never broken, and the binding margin of portrait forms."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal

import pytest

from logistics_desk.core import i18n
from logistics_desk.core.printing import (
    Column,
    Fields,
    Section,
    SlipForm,
    SmallTable,
    TableForm,
    Text,
)
from logistics_desk.core.printing.table import KEEP_ROWS
from logistics_desk.core.printing.text import fit_cell, join_list, width, wrap

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils not installed")

MM = 72 / 25.4


def pages(pdf: bytes) -> int:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def text(pdf: bytes, page: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else [])
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + ["-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def flat(pdf: bytes, page: int | None = None) -> str:
    return re.sub(r"\s+", "", text(pdf, page))


def words(pdf: bytes, tmp_path, page: int = 1) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, word) of each word on ``page`` (pdftotext -bbox)."""
    path = tmp_path / "w.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, check=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def count_sheet(n_items: int, english: bool = True) -> bytes:
    """The stock-take count sheet of one room with ``n_items`` assets (the module's columns)."""
    from logistics_desk.modules.stocktake.forms import sheet_columns

    rows = [{"number": f"2024-JJ-{i:05d}", "name": "学生课桌椅" if i % 2 else "希沃交互智能平板",
             "model": "双层钢木 KZY-02", "unit": "套", "qty": 45} for i in range(1, n_items + 1)]
    section = Section(
        title="教学楼 101",
        meta=[("Stock-take", "PD-2026-0002 2026-2027学年第一学期期末盘点"), ("Place", "教学楼 101"),
              ("Custodian", "姚辉、毛红"), ("Expected", f"{n_items} items")],
        rows=rows, totals={"qty": 45 * n_items}, blank_rows=3,
        note="Tick one condition box per row and write the counted quantity. Items found here that are not "
             "listed: write them in the empty rows (number, name, quantity).")
    return TableForm("Stock-take count sheet", sheet_columns(), [section], doc_number="PD-2026-0002",
                     date=dt.date(2026, 11, 30), landscape=True, school="示范市实验中学",
                     signatures=["Counted by", "Count checked by", "Custodian"]).render()


# -- no orphan pages ---------------------------------------------------------------------


def test_a_count_sheet_of_an_8_item_room_keeps_its_last_rows_with_the_total_and_signatures():
    pdf = count_sheet(8)
    n = pages(pdf)
    assert n == 2  # 8 rows of barcodes, the total, the note and 3 signatures do not fit one landscape page
    first, last = flat(pdf, 1), flat(pdf, n)
    on_last = re.findall(r"2024-JJ-\d{5}", last)
    assert len(on_last) >= KEEP_ROWS, last  # not one row (or none) on the last page
    assert on_last[-1] == "2024-JJ-00008"
    assert "Total" in last and "360" in last and "Countedbysignature:" in last
    assert "signature:" not in first and "Total" not in first
    assert len(re.findall(r"2024-JJ-\d{5}", first)) + len(on_last) == 8


def test_a_room_that_fits_is_one_page_with_write_in_rows_instead_of_a_page_of_blank_rows():
    for n_items in (1, 4, 6):
        pdf = count_sheet(n_items)
        assert pages(pdf) == 1, n_items
        assert "Countedbysignature:" in flat(pdf, 1)


def test_every_section_length_has_rows_on_its_last_page():
    cols = [Column("no", "No.", 8, kind="index"), Column("n", "Asset No.", 30), Column("x", "Name", 40)]
    for n_rows in range(1, 70, 3):
        pdf = TableForm("Inventory", cols,
                        [Section([("Place", "Room")], [{"n": f"ZC-{i:05d}", "x": "Desk"} for i in range(n_rows)],
                                 {"n": "x"}, ["Custodian", "Head", "Clerk", "Director", "Principal"],
                                 note="Checked.")], school="S").render()
        k = pages(pdf)
        last = flat(pdf, k)
        assert "Custodiansignature:" in last
        assert len(re.findall(r"ZC-\d{5}", last)) >= min(n_rows, KEEP_ROWS if k > 1 else 1), (n_rows, last)


def test_a_slip_keeps_its_signatures_with_the_last_rows_of_its_table():
    rows = [{"d": dt.date(2026, 1, i % 28 + 1), "e": f"第{i}条 登记入账"} for i in range(1, 200)]
    for n_rows in range(20, 60):
        slip = SlipForm("卡片", [Fields([("资产编号", "ZC-1")]),
                                SmallTable([Column("d", "日期", 20, kind="date"), Column("e", "事项", 60)],
                                           rows[:n_rows])], signatures=["建卡人", "复核人"], school="S")
        pdf = slip.render()
        k = pages(pdf)
        last = flat(pdf, k)
        assert "建卡人signature:" in last or "建卡人签字" in last
        if k > 1:
            assert len(re.findall(r"第\d+条", last)) >= KEEP_ROWS, (n_rows, last)
        assert slip.pages() == k


# -- cells -------------------------------------------------------------------------------


def test_a_short_phrase_is_set_smaller_rather_than_broken_inside_a_word():
    w = width("最低价", 9) * 7 / 6  # a cell three and a half characters wide (the quote comparison's)
    lines, size = fit_cell("最低价、选定", w, 9, 3)
    assert lines == ["最低价、", "选定"] and 7.2 <= size < 9
    assert wrap("最低价、选定", w, 9) != lines  # what breaking anywhere gave: 最低/价、选/定


def test_document_numbers_and_amounts_are_never_broken():
    for text_, size in (("退回 QD-2026-B0001 号单据", 9), ("退回 QD-2026-B0001 号单据", 7.5),
                        ("见验收单 YS-2026-0012，补差 9,045.00 元", 9), ("见验收单 YS-2026-0012，补差 9,045.00 元", 8)):
        cell = width("QD-2026-B0001", size)  # the cell is as wide as the number at ``size``
        lines, got = fit_cell(text_, cell, 9, 3)
        assert got >= size - 0.5
        tokens = re.findall(r"[A-Z]{2}-\d{4}-[A-Z]?\d+|[\d,]+\.\d\d", text_)
        for token in tokens:
            assert any(token in line for line in lines), (token, lines)
        assert "".join(lines).replace(" ", "") == text_.replace(" ", "")
        # plain wrapping keeps them whole too
        line_w = max(width(text_, 9) / 2, width("QD-2026-B0001", 9) + 1)
        assert all(any(t in line for line in wrap(text_, line_w, 9)) for t in tokens)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_table_cells_headers_and_amounts_in_a_narrow_table(lang, tmp_path):
    i18n.set_language(lang)
    cols = [Column("no", "No.", 6, kind="index"), Column("name", "Item name", 20, max_lines=1),
            Column("kind", "Asset or consumable", 9, align="center"), Column("cond", "Damaged", 6, kind="checkbox"),
            Column("amount", "Amount", 9, kind="money"), Column("mark", "Comparison", 10, align="center"),
            Column("remark", "Remarks", 16)]
    rows = [{"name": "希沃交互智能平板一体机（教学专用 86 英寸）", "kind": "consumable", "amount": Decimal("9045"),
             "mark": "最低价、选定", "remark": "补差见 QD-2026-B0001，共 19,045.00 元"},
            {"name": "投影仪", "kind": "asset", "amount": Decimal("1234567.8"), "mark": "", "remark": ""}]
    pdf = TableForm("Quote comparison", cols, [Section([], rows, {"amount": Decimal("1243612.80")})],
                    school="S").render()
    lay = text(pdf, layout=True)
    for token in ("Damaged", "consumable", "Comparison", "9,045.00", "1,234,567.80", "1,243,612.80",
                  "QD-2026-B0001", "19,045.00", "Total" if lang == "en" else "合计", "最低价、"):
        assert token in lay, (token, lay)
    assert "希沃交互智能平板一体机（教学专用86英寸）" in flat(pdf)  # the name on one line, not cut
    assert "…" not in lay
    # the one-line name column really is one line: its words share one baseline
    ws = [w for w in words(pdf, tmp_path) if "希沃" in w[4] or "英寸" in w[4]]
    assert len({round(w[1]) for w in ws}) == 1, ws


def test_english_lists_use_commas():
    i18n.set_language("en")
    assert join_list(["Counted by", "Custodian"]) == "Counted by, Custodian"
    i18n.set_language("zh_CN")
    assert join_list(["盘点人", "保管人"]) == "盘点人、保管人"


# -- margins -----------------------------------------------------------------------------


def test_portrait_forms_keep_25_mm_on_the_left_for_binding(tmp_path):
    cols = [Column("no", "No.", 8, kind="index"), Column("n", "Name", 60), Column("a", "Amount", 20, kind="money")]
    portrait = TableForm("Sheet", cols, [Section([("Place", "Room 1")], [{"n": "Desk", "a": 12}], None,
                                                 ["Custodian"])], school="S").render()
    xs = [w[0] for w in words(portrait, tmp_path)]
    assert min(xs) >= 25 * MM - 0.5
    right = max(w[2] for w in words(portrait, tmp_path))
    assert right <= (210 - 15) * MM + 0.5
    slip = SlipForm("Slip", [Text("Left edge of the text")], school="S").render()
    assert min(w[0] for w in words(slip, tmp_path)) >= 25 * MM - 0.5
    land = TableForm("Sheet", cols, [Section([("Place", "Room 1")], [{"n": "Desk"}])], landscape=True,
                     school="S").render()
    xs = [w[0] for w in words(land, tmp_path)]
    assert 15 * MM - 0.5 <= min(xs) < 20 * MM  # landscape forms keep 15 mm
