"""Characters the body font lacks (CJK Extension A–F, ℃, pinyin tones) print through the font
fallback chain; a character no font has stops the printing and names the record and the character."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from logistics_desk.core import i18n
from logistics_desk.core.errors import UserError
from logistics_desk.core.printing import (
    BarChart,
    Column,
    Field,
    Fields,
    Section,
    SlipForm,
    TableForm,
    Text,
    fonts,
)
from logistics_desk.core.printing.fonts import FONT, MissingGlyph, face_covers, runs

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdftoppm")),
    reason="poppler-utils not installed",
)

RARE_NAME = "𠮷堃喆"  # 𠮷 U+20BB7 (Extension B)
RARE = "𠮷䶮𬱖℃ǎǚ鿏"  # Ext B, Ext A, Ext E (通用规范汉字表), degree Celsius, pinyin tones, U+9FCF
NO_FONT = "\U00031350"  # CJK Extension H (Unicode 15): in none of the fonts


@pytest.fixture(autouse=True)
def bundled_chain_only():
    """The same chain on every machine: the body font, then the bundled fallbacks (no system fonts)."""
    fonts.configure(system_fonts=[])
    yield
    fonts.configure()


def pdf_text(pdf: bytes, layout: bool = False) -> str:
    args = ["pdftotext", "-layout", "-", "-"] if layout else ["pdftotext", "-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def pdffonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def test_the_body_font_lacks_these_characters_or_draws_them_empty():
    # the reason for the chain: WenQuanYi Micro Hei maps ℃ and ǎ to empty outlines, and has no 𠮷 䶮 𬱖
    for ch in RARE:
        assert not face_covers(FONT, ch), ch


def test_every_character_prints_in_a_font_whose_cmap_has_an_outline_for_it():
    text = f"保管人：{RARE_NAME}，冷藏 4℃，{RARE}，Lǚ Zǎi，ZC-2026-00001"
    pieces = runs(text)
    assert "".join(p for _, p in pieces) == text
    for name, piece in pieces:
        for ch in piece:
            if not ch.isspace():
                assert face_covers(name, ch), (name, ch, f"U+{ord(ch):04X}")
    used = {name for name, _ in pieces}
    assert FONT in used and {"LDHanExtA", "LDHanExtB"} <= used


def test_invisible_format_characters_are_left_out_not_printed_as_boxes():
    assert runs("张\u200b三\ufeff") == ((FONT, "张三"),)
    assert "".join(p for _, p in runs("葛\U000E0100城")) == "葛城"  # an ideographic variation selector


@needs_poppler
def test_a_rare_name_prints_and_reads_back_from_the_pdf(tmp_path):
    i18n.set_language("zh_CN")
    cols = [Column("no", "序号", 8, kind="index"), Column("name", "名称", 30), Column("keeper", "保管人", 20),
            Column("remark", "备注", 30)]
    rows = [{"name": "留样冰箱", "keeper": RARE_NAME, "remark": "冷藏 0～8℃"},
            {"name": "课桌", "keeper": "䶮 𬱖", "remark": "Lǚ"}]
    pdf = TableForm("资产清单", cols, [Section([("保管人", RARE_NAME)], rows, None, [f"保管人（{RARE_NAME}）"],
                                              title=f"{RARE_NAME}的资产")],
                    school="测试实验学校", doc_number="QD-1", date=dt.date(2026, 3, 1)).render()
    text = re.sub(r"\s", "", pdf_text(pdf))
    assert text.count(RARE_NAME) >= 4  # subtitle, meta line, cell, signature line
    for s in ("冷藏0～8℃", "䶮", "𬱖", "Lǚ", f"保管人（{RARE_NAME}）签字："):
        assert s in text, s
    found = {row[0].split("+")[-1]: row for row in pdffonts(pdf, tmp_path)}
    assert {"WenQuanYiMicroHei-0", "LDHanExtA", "LDHanExtB"} <= set(found)
    for row in found.values():
        assert row[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, with ToUnicode


@needs_poppler
def test_the_fallback_glyph_is_drawn_not_blank(tmp_path):
    """𠮷 alone, large, on a slip: the page has ink where it stands (the old output was empty)."""
    pdf = SlipForm("", [Text(RARE_NAME[0], size=60)], school="", date="").render()
    (tmp_path / "g.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", str(tmp_path / "g.pdf"),
                    str(tmp_path / "g")], check=True)
    pgm = next(tmp_path.glob("g*.pgm")).read_bytes()
    # P5 header: magic, width, height, maxval; then one byte per pixel
    parts = pgm.split(b"\n", 3) if pgm.startswith(b"P5\n") else pgm.split(maxsplit=4)
    pixels = parts[-1]
    dark = sum(1 for b in pixels if b < 128)
    assert dark > 50, dark


def test_a_character_no_font_has_stops_printing_naming_record_row_column_and_code():
    cols = [Column("no", "No.", 8, kind="index"), Column("name", "Name", 30), Column("keeper", "Custodian", 20)]
    rows = [{"name": "Desk", "keeper": "Wang"}, {"name": "Chair", "keeper": f"Zhang {NO_FONT}"}]
    with pytest.raises(MissingGlyph) as info:
        TableForm("Asset inventory sheet", cols, [Section([("Place", "Building 301")], rows, title="Building 301")],
                  school="S").render()
    e = info.value
    assert isinstance(e, UserError)
    msg = e.message
    assert "U+31350" in msg and NO_FONT in msg and f"“Zhang {NO_FONT}”" in msg
    assert "Asset inventory sheet" in msg and "Building 301" in msg and "row 2" in msg and "Custodian" in msg


def test_a_missing_character_in_a_slip_field_or_the_page_head_names_where_it_is():
    slip = SlipForm("Damage notice", [Fields([("Student", "Li"), Field("Responsible", f"Li {NO_FONT}")])],
                    doc_number="SH-2026-0001", school="S")
    with pytest.raises(MissingGlyph) as info:
        slip.render()
    assert "Damage notice" in info.value.message and "Responsible" in info.value.message
    assert "U+31350" in info.value.message
    with pytest.raises(MissingGlyph) as info:
        TableForm("Sheet", [Column("a", "A")], [Section([("Custodian", f"Wu {NO_FONT}")], [{"a": 1}])],
                  school="S").render()
    assert "page heading" in info.value.message and f"Custodian: Wu {NO_FONT}" in info.value.message


def test_chinese_message_for_a_missing_character():
    i18n.set_language("zh_CN")
    with pytest.raises(MissingGlyph) as info:
        TableForm("资产清单", [Column("a", "保管人")], [Section([], [{"a": f"张{NO_FONT}"}])], school="S").render()
    msg = info.value.message
    assert "U+31350" in msg and "第 1 行" in msg and "保管人" in msg and "无法打印" in msg
    assert re.search(r"[\u4e00-\u9fff]", msg.replace("保管人", "").replace("资产清单", "").replace("张", ""))


def test_a_system_font_comes_before_the_bundled_ones_and_unusable_files_are_skipped(tmp_path):
    not_a_font = tmp_path / "NotoSansCJK-Regular.ttc"
    not_a_font.write_bytes(b"OTTO" + b"\0" * 64)  # a CFF font ReportLab cannot embed (or any broken file)
    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    chain = [(str(not_a_font), 0), (str(tmp_path / "missing.ttf"), 0)]
    if Path(dejavu).exists():
        chain.append((dejavu, 0))
    fonts.configure(system_fonts=chain)
    (name, _), = runs("℃")
    if Path(dejavu).exists():
        assert name == "LDSysDejaVuSans0"
    else:
        assert name == "LDHanExtA"
    assert runs("𠮷")[0][0] == "LDHanExtB"


@needs_poppler
def test_chart_titles_and_category_names_use_the_chain():
    pdf = SlipForm("Report", [BarChart([RARE_NAME, "䶮组"], [3, 5], title="按保管人 ℃")], school="S").render()
    text = re.sub(r"\s", "", pdf_text(pdf))
    assert RARE_NAME in text and "䶮组" in text and "按保管人℃" in text
