"""Hostile and broken files given to ``import``: refused before anything is written.

Each test drives the command line the way the failure happened and checks what the
person sees (exit status 2, a message naming the file and the problem, never a
traceback) and what is stored (no asset, no change-record entry). The last test
fuzzes a few hundred broken workbooks and CSV files under a memory cap.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from logistics_desk import cli
from logistics_desk.core import db
from logistics_desk.core.excel import limits

ROOT = Path(__file__).resolve().parents[2]

# --- building workbooks by hand (as Excel writes them: shared strings, styles) ----------------

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<workbook xmlns="{NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="资产" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<styleSheet xmlns="{NS}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
)

HEADER = ["资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点"]
FIRST_ROW = ["投影仪", "通用设备", 1, 3500, 45900, "教学楼 301"]  # 45900: a date cell (style 1)
STRINGS = HEADER + ["投影仪", "通用设备", "教学楼 301"]


def sst(strings, declared: int | None = None) -> str:
    n = len(strings) if declared is None else declared
    body = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<sst xmlns="{NS}" count="{n}" uniqueCount="{n}">{body}</sst>')


def cell(ref: str, value) -> str:
    """A cell as Excel writes it: texts as shared strings, numbers (also numbers given as text) as numbers."""
    if isinstance(value, str) and value in STRINGS:
        return f'<c r="{ref}" t="s"><v>{STRINGS.index(value)}</v></c>'
    style = ' s="1"' if ref.startswith("E") else ""
    return f'<c r="{ref}"{style}><v>{value}</v></c>'


def row_xml(n: int, values) -> str:
    return f'<row r="{n}">' + "".join(cell(f"{'ABCDEF'[i]}{n}", v) for i, v in enumerate(values)) + "</row>"


def sheet(rows: str | None = None, dimension: str = "A1:F2", tail: str = "") -> str:
    rows = rows if rows is not None else row_xml(1, HEADER) + row_xml(2, FIRST_ROW)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">'
            f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData>{tail}</worksheet>')


def workbook_bytes(sheet_xml: str | bytes | None = None, shared: str | bytes | None = None,
                   extra: dict | None = None, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    parts = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": sheet() if sheet_xml is None else sheet_xml,
        "xl/sharedStrings.xml": sst(STRINGS) if shared is None else shared,
    }
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


GOOD_CSV = "资产名称,资产分类,数量,单价,购置日期,存放地点\n投影仪,通用设备,1,3500,2025-09-01,教学楼 301\n"


# --- running the command line --------------------------------------------------------------------

@pytest.fixture(autouse=True)
def only_assets(monkeypatch):
    import logistics_desk.modules as registry

    monkeypatch.setattr(registry, "MODULE_NAMES", ["assets"])


def run(db_path, *args) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--lang", "en", "--db", str(db_path), *map(str, args)])
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text and "Exception ignored" not in text, text
    return code, text


def stored(db_path) -> tuple[int, int]:
    """(assets, change-record entries) in the database."""
    from logistics_desk.core.audit import AuditEntry
    from logistics_desk.modules.assets.models import Asset

    db.open_database(db_path, backup=False)
    try:
        return Asset.select().count(), AuditEntry.select().count()
    finally:
        db.close_database()


def refused(db_path, path: Path, *words: str) -> str:
    """Import ``path``: exit 2, the file named, each of ``words`` in the message, nothing stored."""
    before = stored(db_path)
    code, text = run(db_path, "import", "assets", path)
    assert code == 2, text
    assert path.name in text, text
    for word in words:
        assert word.lower() in text.lower(), (word, text)
    assert stored(db_path) == before
    return text


def test_a_workbook_written_by_hand_like_excel_imports(db_path, tmp_path):
    """The baseline the broken files below are made from: shared strings, a date style."""
    path = write(tmp_path / "good.xlsx", workbook_bytes())
    code, text = run(db_path, "import", "assets", path)
    assert code == 0, text
    assert stored(db_path)[0] == 1


# --- damaged and malformed workbooks -------------------------------------------------------------

def _many_rows(n: int = 3000) -> str:
    return row_xml(1, HEADER) + "".join(row_xml(i, FIRST_ROW) for i in range(2, n + 2))


@pytest.mark.parametrize(("where", "bit"), [(0.5, 4), (0.8, 0), (0.97, 6)])
def test_a_bit_flipped_workbook_is_refused_as_damaged(db_path, tmp_path, where, bit):
    data = bytearray(workbook_bytes(sheet(_many_rows(), dimension="A1:F3001")))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + int(info.compress_size * where)] ^= 1 << bit  # one bit inside the compressed sheet
    path = write(tmp_path / "flipped.xlsx", bytes(data))
    refused(db_path, path, "damaged")


def test_a_cut_off_workbook_is_refused_as_damaged(db_path, tmp_path):
    data = workbook_bytes()
    path = write(tmp_path / "cut.xlsx", data[: len(data) * 2 // 3])
    refused(db_path, path, "damaged")


def test_a_shared_string_index_past_the_end_is_refused(db_path, tmp_path):
    rows = row_xml(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>57</v></c></row>'
    path = write(tmp_path / "sst.xlsx", workbook_bytes(sheet(rows)))
    refused(db_path, path, "damaged", "A2", "57")


def test_a_merged_range_written_backwards_is_refused(db_path, tmp_path):
    tail = '<mergeCells count="1"><mergeCell ref="F5:A3"/></mergeCells>'
    path = write(tmp_path / "merge.xlsx", workbook_bytes(sheet(tail=tail)))
    refused(db_path, path, "damaged", "F5:A3")


def test_broken_xml_is_refused(db_path, tmp_path):
    path = write(tmp_path / "xml.xlsx", workbook_bytes(sheet().replace("</sheetData>", "</sheetDat>")))
    refused(db_path, path, "damaged", "sheet1.xml")


def test_a_zip_that_is_not_a_workbook_is_refused(db_path, tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    path = write(tmp_path / "letter.xlsx", buf.getvalue())
    refused(db_path, path, "not an excel workbook")


def test_a_cell_that_should_hold_a_number_but_holds_text_is_refused(db_path, tmp_path):
    rows = row_xml(1, HEADER) + '<row r="2"><c r="C2"><v>lots</v></c></row>'
    path = write(tmp_path / "num.xlsx", workbook_bytes(sheet(rows)))
    refused(db_path, path, "damaged", "C2")


# --- numbers out of range --------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["1E+308", "123456789012345678901234567890123", "9" * 5000])
def test_huge_numbers_in_a_workbook_are_refused(db_path, tmp_path, number):
    rows = row_xml(1, HEADER) + row_xml(2, FIRST_ROW[:3] + [number] + FIRST_ROW[4:])
    path = write(tmp_path / "huge.xlsx", workbook_bytes(sheet(rows)))
    text = refused(db_path, path)
    assert "Row 2" in text or "D2" in text, text


@pytest.mark.parametrize("field", ["99999999999999999999999999999999", "1" * 400, "1,000,000,000,000,000,000,000"])
def test_huge_numbers_in_a_csv_are_refused(db_path, tmp_path, field):
    text_csv = GOOD_CSV.replace("3500", f'"{field}"')
    path = write(tmp_path / "huge.csv", text_csv)
    text = refused(db_path, path, "Row 2")
    assert "Unit price" in text or "单价" in text, text


def test_an_amount_only_row_cannot_pass_the_unit_price_limit(db_path, tmp_path):
    """Without a unit price the amount gives it: 5e11 / 2 is above the limit of 99,999,999,999 (the amount
    itself is within the largest amount a form or an import takes, 999,999,999,999.99)."""
    path = write(tmp_path / "amount.csv",
                 "资产名称,资产分类,数量,金额,购置日期\n投影仪,通用设备,2,500000000000,2025-09-01\n")
    text = refused(db_path, path, "Row 2")
    assert "99,999,999,999" in text or "99999999999" in text, text


def test_an_amount_above_what_a_form_takes_is_refused_in_its_cell(db_path, tmp_path):
    """The import reads money with core.money, so its maximum is the form's."""
    path = write(tmp_path / "amount.csv",
                 "资产名称,资产分类,数量,金额,购置日期\n投影仪,通用设备,2,500000000000000,2025-09-01\n")
    refused(db_path, path, "Row 2", "The amount is too large.")


def test_an_amount_above_what_can_be_stored_is_refused(db_path, tmp_path):
    path = write(tmp_path / "amount.csv",
                 "资产名称,资产分类,数量,单价,金额,购置日期\n投影仪,通用设备,1000000,99999999999,99999999999000000,2025-09-01\n")
    refused(db_path, path, "Row 2")


def test_an_import_marks_low_value_assets_exactly_as_the_asset_form_does(db_path, tmp_path):
    """The import asks the low-value rule a few times per category, not once per price: same answers."""
    from logistics_desk.core.masterdata import Category
    from logistics_desk.modules.assets import service
    from logistics_desk.modules.assets.models import Asset

    prices = ["0.01", "999.99", "1000.00", "1000.01", "1499.99", "1500.00", "1500.01", "2000", "99999"]
    lines = ["资产名称,资产分类,单价,购置日期"]
    lines += [f"物品{i},{cat},{price},2025-09-01" for i, (cat, price) in
              enumerate((c, p) for c in ("通用设备", "专用设备", "家具") for p in prices)]
    path = write(tmp_path / "prices.csv", "\n".join(lines) + "\n")
    code, text = run(db_path, "import", "assets", path)
    assert code == 0, text
    db.open_database(db_path, backup=False)
    try:
        assets = list(Asset.select())
        assert len(assets) == 27
        for asset in assets:
            assert asset.low_value == service.is_low_value(asset.unit_price, Category.get_by_id(asset.category_id)), (
                asset.name, asset.unit_price)
        assert {a.low_value for a in assets} == {True, False}
    finally:
        db.close_database()


# --- limits -----------------------------------------------------------------------------------------

def _child_peak_mb(script: str, *args, limit_mb: int = 1024,
                   timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``script`` in a fresh interpreter under an address-space cap; returns (result, seconds)."""

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, env=env,
                          timeout=timeout, preexec_fn=cap)
    return done, time.monotonic() - start


CLI_SCRIPT = "import sys; from logistics_desk.cli import main; sys.exit(main(sys.argv[1:]))"


def test_a_row_numbered_two_billion_is_refused_without_eating_memory(db_path, tmp_path):
    rows = (row_xml(1, HEADER) + row_xml(2, FIRST_ROW)
            + '<row r="2000000000"><c r="A2000000000" t="s"><v>6</v></c></row>')
    path = write(tmp_path / "far.xlsx", workbook_bytes(sheet(rows)))
    assert path.stat().st_size < 4000
    before = stored(db_path)
    done, seconds = _child_peak_mb(CLI_SCRIPT, "--lang", "en", "--db", db_path, "import", "assets", path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "far.xlsx" in done.stdout and "2000000000" in done.stdout.replace(",", "")
    assert "1048576" in done.stdout.replace(",", "")  # the limit is named
    assert "Traceback" not in done.stdout + done.stderr
    assert seconds < 30
    assert stored(db_path) == before


def test_a_declared_dimension_beyond_the_sheet_is_refused(db_path, tmp_path):
    path = write(tmp_path / "dim.xlsx", workbook_bytes(sheet(dimension="A1:F2000000000")))
    refused(db_path, path, "A1:F2000000000", "1,048,576")


def test_a_fifo_named_xlsx_is_refused_without_blocking(db_path, tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    before = stored(db_path)
    done, seconds = _child_peak_mb(CLI_SCRIPT, "--lang", "en", "--db", db_path, "import", "assets", fifo, timeout=30)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "pipe.xlsx" in done.stdout and "not an ordinary file" in done.stdout
    assert seconds < 20
    assert stored(db_path) == before


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_folder_and_a_device_are_refused_without_being_read(db_path, tmp_path, suffix):
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    refused(db_path, folder, "is a folder")
    code, text = run(db_path, "import", "assets", "/dev/zero")
    assert code == 2 and "/dev/zero" in text and "not an ordinary file" in text


class _RepeatingDeflate:
    """A deflate compressor that packs each piece on its own (a full flush after it), so the
    same 1 MiB piece packs to the same bytes every time and is packed only once."""

    def __init__(self):
        self.packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.known: dict[bytes, bytes] = {}

    def compress(self, data: bytes) -> bytes:
        key = data[:64] + len(data).to_bytes(8, "little")
        if key not in self.known:
            self.known[key] = self.packer.compress(data) + self.packer.flush(zlib.Z_FULL_FLUSH)
        return self.known[key]

    def flush(self) -> bytes:
        return self.packer.flush()


def _one_gib_shared_string(path: Path, monkeypatch) -> None:
    """A 1 GiB shared string packed into about a megabyte (written in pieces, never held whole)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="10" uniqueCount="10">'.encode()
    head += "".join(f"<si><t>{s}</t></si>" for s in STRINGS[:-1]).encode() + b"<si><t>"
    tail = b"</t></si></sst>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/styles.xml", STYLES), ("xl/worksheets/sheet1.xml", sheet())):
            z.writestr(name, data)
        info = zipfile.ZipInfo("xl/sharedStrings.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        block = b"A" * (1 << 20)
        with monkeypatch.context() as m:
            m.setattr(zipfile, "_get_compressor", lambda *args, **kwargs: _RepeatingDeflate())
            with z.open(info, "w", force_zip64=True) as out:
                out.write(head)
                for _ in range(1024):
                    out.write(block)
                out.write(tail)
    with zipfile.ZipFile(path) as z:  # what the directory says
        assert z.getinfo("xl/sharedStrings.xml").file_size > 1 << 30


def test_a_one_gib_shared_string_is_refused_from_the_zip_directory(db_path, tmp_path, monkeypatch):
    path = tmp_path / "bomb.xlsx"
    _one_gib_shared_string(path, monkeypatch)
    assert path.stat().st_size < 8 << 20
    before = stored(db_path)
    done, seconds = _child_peak_mb(CLI_SCRIPT, "--lang", "en", "--db", db_path, "import", "assets", path,
                                   limit_mb=1024)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "bomb.xlsx" in done.stdout and "sharedStrings.xml" in done.stdout, done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert seconds < 20
    assert stored(db_path) == before


def test_a_part_packed_far_tighter_than_any_spreadsheet_is_refused(db_path, tmp_path):
    padded = sheet().replace("<sheetData>", "<sheetData>" + " " * (20 << 20))
    path = write(tmp_path / "tight.xlsx", workbook_bytes(padded))
    refused(db_path, path, "sheet1.xml", "times")


def test_a_file_over_the_size_limit_is_refused_before_reading(db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1 << 20)
    path = write(tmp_path / "big.csv", GOOD_CSV + ("x," * 10 + "\n") * 100_000)
    refused(db_path, path, "1.0 MB")


def test_more_than_100000_data_rows_are_refused(db_path, tmp_path):
    lines = ["资产名称,资产分类,购置日期"] + ["桌子,家具,2025-09-01"] * 100_001
    path = write(tmp_path / "rows.csv", "\n".join(lines) + "\n")
    refused(db_path, path, "100,000")


def test_a_cell_longer_than_excel_allows_is_refused(db_path, tmp_path):
    rows = row_xml(1, HEADER) + f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"长" * 40_000}</t></is></c></row>'
    path = write(tmp_path / "long.xlsx", workbook_bytes(sheet(rows)))
    refused(db_path, path, "A2", "32,767")


def test_too_many_shared_strings_are_refused(db_path, tmp_path):
    path = write(tmp_path / "many.xlsx", workbook_bytes(shared=sst(STRINGS, declared=50_000_000)))
    refused(db_path, path, "50,000,000", "1,000,000")


def test_a_sheet_with_more_cells_than_the_limit_is_refused(db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 100)
    path = write(tmp_path / "cells.xlsx", workbook_bytes(sheet(_many_rows(30))))
    refused(db_path, path, "100 cells")


def test_rows_out_of_order_are_refused(db_path, tmp_path):
    rows = row_xml(1, HEADER) + row_xml(3, FIRST_ROW) + row_xml(2, FIRST_ROW)
    path = write(tmp_path / "order.xlsx", workbook_bytes(sheet(rows)))
    refused(db_path, path, "damaged", "row 2 comes after row 3")


def test_a_csv_line_with_more_fields_than_excel_has_columns_is_refused(db_path, tmp_path):
    path = write(tmp_path / "wide.csv", GOOD_CSV + "桌子" + "," * 20_000 + "\n")
    refused(db_path, path, "line 3", "16,384")


def test_a_utf16_csv_cut_in_the_middle_of_a_character_is_refused(db_path, tmp_path):
    path = write(tmp_path / "cut.csv", GOOD_CSV.encode("utf-16")[:-1])
    refused(db_path, path, "UTF-16")


# --- CSV text -----------------------------------------------------------------------------------------

def test_a_300000_character_csv_field_is_refused(db_path, tmp_path):
    path = write(tmp_path / "long.csv", GOOD_CSV.replace("投影仪", "长" * 300_000))
    refused(db_path, path, "32,767", "line 2")


def test_a_nul_byte_after_the_first_4_kb_of_a_csv_is_refused(db_path, tmp_path):
    filler = "".join(f"桌子{i},家具,1,100,2025-09-01,教学楼 301\n" for i in range(200))
    assert len(filler.encode()) > 4096
    path = write(tmp_path / "nul.csv", GOOD_CSV + filler + "椅子\x00,家具,1,100,2025-09-01,教学楼 301\n")
    text = refused(db_path, path, "U+0000", "line 203")
    assert "椅子" not in text or "imported" not in text


@pytest.mark.parametrize("char", ["\x01", "\x07", "\x1b", "\x7f"])
def test_control_characters_in_a_csv_are_refused(db_path, tmp_path, char):
    path = write(tmp_path / "ctl.csv", GOOD_CSV.replace("投影仪", f"投影{char}仪"))
    refused(db_path, path, f"U+{ord(char):04X}", "line 2")


def test_a_gbk_csv_with_a_control_character_is_refused(db_path, tmp_path):
    path = write(tmp_path / "gbk.csv", GOOD_CSV.replace("投影仪", "投影\x02仪").encode("gbk"))
    refused(db_path, path, "U+0002")


# --- the window shows the same messages -------------------------------------------------------------

@pytest.mark.gui
@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")
@pytest.mark.parametrize("name", ["flipped.xlsx", "nul.csv"])
def test_the_window_shows_the_same_message_as_the_command_line(qtbot, database, tmp_path, monkeypatch, name):
    from logistics_desk.core.errors import UserError
    from logistics_desk.core.ui import widgets
    from logistics_desk.core.ui.work import wait_for_workers
    from logistics_desk.modules.assets import excel, view

    shown = []
    monkeypatch.setattr(widgets.QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    data = b"PK\x03\x04" + bytes(range(256)) * 8 if name.endswith(".xlsx") else (GOOD_CSV + "椅\x00\n").encode()
    path = write(tmp_path / name, data)
    with pytest.raises(UserError) as raised:  # what the command line prints after "Error: "
        excel.plan_import(path)
    tab = view.AssetsTab()
    qtbot.addWidget(tab)
    tab.import_file(str(path))
    wait_for_workers()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [raised.value.message]
    assert name in shown[0]


# --- fuzzing: a few hundred broken workbooks and CSV files ------------------------------------------

FUZZ_EXAMPLES = 360
FUZZ_REPORT: dict = {}

NASTY_SNIPPETS = [
    "<", ">", "&", "&bogus;", "&#0;", "&#x1;", "]]>", "<![CDATA[<mergeCell ref=\"B2:A1\"/>]]>", '"', "'",
    "<row r=\"2000000000\"/>", "<row r=\"-1\"/>", "<row r=\"x\"/>", "<row/>" * 50, "<c r=\"XFE1\"><v>1</v></c>",
    "<c r=\"a1\"><v>1</v></c>", "<c r=\"A1\" t=\"s\"><v>99999</v></c>", "<c r=\"A1\" t=\"s\"><v>-1</v></c>",
    "<c r=\"A1\" t=\"d\"><v>not a date</v></c>", "<c r=\"A1\" t=\"n\"><v>1e400</v></c>", "<c r=\"A1\"><v>nan</v></c>",
    "<c r=\"A1\"><f>SUM(A1:A2)</f></c>", "<c r=\"A1\" t=\"inlineStr\"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c>",
    "<mergeCells><mergeCell ref=\"C9:A1\"/></mergeCells>", "<mergeCell ref=\"A1:XFE2\"/>", "<mergeCell ref=\"junk\"/>",
    "<dimension ref=\"A1:ZZZZ99999999999\"/>", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "\u0000", "\ud800",
    '<!DOCTYPE l [<!ENTITY a "xxxxxxxxxx"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    "<si><t>" + "长" * 40_000 + "</t></si>", "x" * 70_000, "<sheetData>", "</sheetData>", "<worksheet>",
]
ODD_VALUES = ["1E+308", "-1E+308", "1e-400", "99999999999999999999", "0x10", "１２", "1,2,3", "NaN", "inf", "-0",
              "2025-13-45", "45900.5", "  ", "", "9" * 4400, "=1+1", "#DIV/0!"]
PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
         "xl/styles.xml", "[Content_Types].xml", "_rels/.rels"]


def _base_parts() -> dict[str, str]:
    rows = (row_xml(1, HEADER) + row_xml(2, FIRST_ROW) + row_xml(3, FIRST_ROW)
            + '<row r="4"><c r="A4" t="s"><v>6</v></c><c r="B4" t="s"><v>7</v></c><c r="C4"><f>C2+C3</f><v>2</v></c>'
              '<c r="D4"><v>100</v></c><c r="E4" s="1"><v>45901</v></c></row>')
    return {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": sheet(rows, "A1:F4", '<mergeCells count="1"><mergeCell ref="F2:F3"/></mergeCells>'),
        "xl/sharedStrings.xml": sst(STRINGS),
    }


def _zip(parts: dict[str, str | bytes], stored: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return buf.getvalue()


def _broken_workbook(data) -> tuple[str, bytes]:  # one branch per kind of damage
    from hypothesis import strategies as st

    parts = _base_parts()
    kind = data.draw(st.sampled_from(["bits", "truncate", "xml", "dimension", "odd cells", "shared strings",
                                      "zip", "directory"]))
    if kind == "bits":
        raw = bytearray(_zip(parts))
        for _ in range(data.draw(st.integers(1, 8))):
            raw[data.draw(st.integers(0, len(raw) - 1))] ^= 1 << data.draw(st.integers(0, 7))
        return kind, bytes(raw)
    if kind == "truncate":
        raw = _zip(parts)
        return kind, raw[: data.draw(st.integers(0, len(raw) - 1))]
    if kind == "xml":
        part = data.draw(st.sampled_from(PARTS))
        text = parts[part]
        for _ in range(data.draw(st.integers(1, 3))):
            at = data.draw(st.integers(0, len(text)))
            action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
            snippet = data.draw(st.sampled_from(NASTY_SNIPPETS))
            if action == "insert":
                text = text[:at] + snippet + text[at:]
            elif action == "delete":
                text = text[:at] + text[at + data.draw(st.integers(1, 200)):]
            else:
                text = text[:at] + snippet + text[at + len(snippet):]
        parts[part] = text
        return f"xml {part}", _zip(parts)
    if kind == "dimension":
        ref = data.draw(st.sampled_from(["A1:F2000000000", "A1:XFD1048576", "A1:XFE1", "Z:Z", "A1:A", "", "A0:B0"]))
        row_no = data.draw(st.sampled_from([5, 1_048_576, 1_048_577, 2_000_000_000, 2**63]))
        rows = (row_xml(1, HEADER) + row_xml(2, FIRST_ROW)
                + f'<row r="{row_no}"><c r="A{row_no}" t="s"><v>6</v></c></row>')
        parts["xl/worksheets/sheet1.xml"] = sheet(rows, ref)
        return kind, _zip(parts)
    if kind == "odd cells":
        cells = []
        for col in "ABCDEF":
            t = data.draw(st.sampled_from(["n", "s", "str", "b", "e", "d", "inlineStr", "zz", None]))
            value = data.draw(st.sampled_from(ODD_VALUES + ["0", "3", "9", "45900"]))
            attr = f' t="{t}"' if t else ""
            style = data.draw(st.sampled_from(["", ' s="1"', ' s="999"', ' s="x"']))
            inner = f"<is><t>{value}</t></is>" if t == "inlineStr" else f"<v>{value}</v>"
            cells.append(f'<c r="{col}2"{attr}{style}>{inner}</c>')
        parts["xl/worksheets/sheet1.xml"] = sheet(row_xml(1, HEADER) + '<row r="2">' + "".join(cells) + "</row>")
        return kind, _zip(parts)
    if kind == "shared strings":
        variant = data.draw(st.sampled_from(["declared", "short", "rich", "long", "empty", "missing"]))
        if variant == "declared":
            parts["xl/sharedStrings.xml"] = sst(STRINGS, declared=data.draw(st.sampled_from([10**7, 2**40])))
        elif variant == "short":
            parts["xl/sharedStrings.xml"] = sst(STRINGS[:3])
        elif variant == "rich":
            parts["xl/sharedStrings.xml"] = sst(STRINGS).replace(
                "<si><t>投影仪</t></si>", "<si><r><t>投影</t></r><r><rPr/><t>仪</t></r><rPh><t>とう</t></rPh></si>")
        elif variant == "long":
            parts["xl/sharedStrings.xml"] = sst(STRINGS[:-1] + ["长" * data.draw(st.sampled_from([100, 40_000]))])
        elif variant == "empty":
            parts["xl/sharedStrings.xml"] = ""
        else:
            del parts["xl/sharedStrings.xml"]
        return f"sst {variant}", _zip(parts)
    if kind == "zip":
        variant = data.draw(st.sampled_from(["stored", "drop", "duplicate", "empty zip", "not a zip"]))
        if variant == "stored":
            return kind, _zip(parts, stored=True)
        if variant == "drop":
            del parts[data.draw(st.sampled_from(PARTS))]
            return kind, _zip(parts)
        if variant == "duplicate":
            raw = io.BytesIO(_zip(parts))
            with zipfile.ZipFile(raw, "a") as z, pytest.warns(UserWarning):
                z.writestr("xl/worksheets/sheet1.xml", sheet(row_xml(1, HEADER)))
            return kind, raw.getvalue()
        if variant == "empty zip":
            return kind, _zip({})
        return kind, data.draw(st.binary(max_size=300))
    # the zip directory lies: a part claims another size than it has
    raw = bytearray(_zip(parts))
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        info = z.getinfo(data.draw(st.sampled_from(PARTS)))
    name = info.filename.encode()
    at = raw.find(b"PK\x01\x02", 0)
    while at >= 0 and raw[at + 46: at + 46 + len(name)] != name:
        at = raw.find(b"PK\x01\x02", at + 4)
    claimed = data.draw(st.sampled_from([0, 1, 10, 2**31 - 1, 2**32 - 1]))
    raw[at + 24: at + 28] = claimed.to_bytes(4, "little")  # uncompressed size in the central directory
    return "directory", bytes(raw)


def _broken_csv(data) -> tuple[str, bytes]:
    from hypothesis import strategies as st

    lines = ["资产名称,资产分类,数量,单价,购置日期,存放地点"]
    lines += [f"桌子{i},家具,1,100,2025-09-01,教学楼 301" for i in range(data.draw(st.integers(0, 250)))]
    text = "\n".join(lines) + "\n"
    kind = data.draw(st.sampled_from(["control", "long field", "encoding", "quotes", "line endings", "bytes",
                                      "numbers", "sep"]))
    if kind == "control":
        char = data.draw(st.sampled_from([chr(c) for c in list(range(0, 9)) + [11, 12] + list(range(14, 32)) + [127]]))
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + char + text[at:]
    elif kind == "long field":
        size = data.draw(st.sampled_from([32_768, 131_073, 300_000]))
        text = text.replace("桌子", "长" * size, 1) if len(lines) > 1 else text + "长" * size + ",家具\n"
    elif kind == "quotes":
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + data.draw(st.sampled_from(['"', '""', '"a"b', "'"])) + text[at:]
    elif kind == "line endings":
        text = text.replace("\n", data.draw(st.sampled_from(["\r", "\r\n", "\r\r\n", "\u2028", "\x85"])))
    elif kind == "numbers":
        text = text.replace(",100,", "," + data.draw(st.sampled_from(ODD_VALUES)).replace(",", "") + ",")
    elif kind == "sep":
        text = data.draw(st.sampled_from(["sep=;\n", "sep=\n", "sep=ab\n"])) + text.replace(",", ";")
    if kind == "encoding":
        encoding = data.draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "gbk", "utf-8-sig", "latin-1",
                                              "utf-32", "cut utf-8", "cut utf-16"]))
        if encoding == "cut utf-8":
            raw = text.encode("utf-8")
            return f"csv {encoding}", raw[: data.draw(st.integers(0, len(raw)))] + b"\xe6"
        if encoding == "cut utf-16":
            raw = text.encode("utf-16")
            return f"csv {encoding}", raw[:-1]
        return f"csv {encoding}", text.encode(encoding, "replace")
    if kind == "bytes":
        raw = bytearray(text.encode("utf-8"))
        for _ in range(data.draw(st.integers(1, 5))):
            raw.insert(data.draw(st.integers(0, len(raw))), data.draw(st.integers(0, 255)))
        return "csv bytes", bytes(raw)
    return f"csv {kind}", text.encode("utf-8")


def _counts(db_path) -> tuple[int, int]:
    import sqlite3

    if hasattr(db_path, "dbname"):  # the suite on PostgreSQL (tests/conftest.py): a server database
        import psycopg

        with psycopg.connect(db_path.url) as con:
            return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("asset", "audit_entry"))
    con = sqlite3.connect(db_path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("asset", "audit_entry"))
    finally:
        con.close()


def _vm_bytes() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def test_fuzz_hundreds_of_broken_workbooks_and_csv_files(db_path, tmp_path):
    """Mutations of a small valid workbook and CSV file: every one is refused with exit 2 (or still
    imports, exit 0), never a traceback, nothing half-written, under a 1 GiB address-space cap."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    outcomes: dict[str, dict[int, int]] = {}
    examples = []

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data):
        csv_file = data.draw(st.sampled_from([True, False, False]))
        kind, raw = _broken_csv(data) if csv_file else _broken_workbook(data)
        path = tmp_path / ("fuzz.csv" if csv_file else "fuzz.xlsx")
        path.write_bytes(raw)
        before = _counts(db_path)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--lang", "en", "--db", str(db_path), "import", "assets", str(path)])
        text = out.getvalue() + err.getvalue()
        examples.append(kind)
        group = outcomes.setdefault(kind.split()[0], {})
        group[code] = group.get(code, 0) + 1
        assert code in (0, 2), (kind, code, text)
        assert "Traceback" not in text and "Failed" not in text, (kind, text)
        if code == 2:
            assert "fuzz." in text, (kind, text)  # the message names the file
            assert _counts(db_path) == before, kind  # refused: nothing written

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = _vm_bytes() + (1 << 30)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    start = time.monotonic()
    try:
        one()
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    seconds = time.monotonic() - start
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    FUZZ_REPORT.update(examples=len(examples), seconds=round(seconds, 1), outcomes=outcomes, rss_growth_mb=grown_mb)
    print(f"\nfuzz: {len(examples)} files in {seconds:.1f} s, peak RSS grew {grown_mb:.0f} MB; {outcomes}")
    assert len(examples) >= 300
    # on a server each of the 360 imports also connects and reads the schema's history over the network
    assert seconds < (180 if hasattr(db_path, "dbname") else 60)
    assert sum(o.get(2, 0) for o in outcomes.values()) > len(examples) // 2  # most are refused, as they should be
