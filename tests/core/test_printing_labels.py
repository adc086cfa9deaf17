"""Label sheets: every code on a printed page decodes to exactly the numbers printed, in order."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from logistics_desk.core import i18n, settings
from logistics_desk.core.errors import ValidationError
from logistics_desk.core.printing import (
    LABEL_PRESETS,
    Label,
    LabelSheet,
    asset_label,
    calibration_page,
    custom_sheet,
    label_offset,
    label_presets,
    label_sheet,
    render_labels,
)

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftoppm", "zbarimg", "pdftotext", "pdffonts")),
    reason="poppler-utils and zbar-tools needed",
)

DPI = 300
ZBAR = "http://zbar.sourceforge.net/2008/barcode"


def render_page(pdf: bytes, tmp_path, page: int = 1, dpi: int = DPI) -> Image.Image:
    path = tmp_path / "labels.pdf"
    path.write_bytes(pdf)
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page),
                    str(path), str(prefix)], check=True)  # PGM: much faster to write than PNG
    return Image.open(next(tmp_path.glob(f"page{page}*.pgm")))


def decode(image: Image.Image, tmp_path) -> list[str]:
    path = tmp_path / "decode.pgm"
    image.save(path)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True).stdout
    return out.split()


def decode_cells(pdf: bytes, sheet: LabelSheet, tmp_path, page: int = 1) -> list[list[str]]:
    """What zbarimg reads in each label cell of a page, in label order (one zbarimg run for all cells)."""
    image = render_page(pdf, tmp_path, page)
    k = DPI / 25.4
    paths = []
    for i in range(sheet.per_page):
        x, y = sheet.cell(i)
        crop = image.crop((int(x * k), int(y * k), int((x + sheet.label_w) * k), int((y + sheet.label_h) * k)))
        path = tmp_path / f"cell-{page}-{i:03d}.pgm"
        crop.save(path)
        paths.append(str(path))
    xml = subprocess.run(["zbarimg", "-q", "--xml", *paths], capture_output=True, text=True).stdout
    found: dict[str, list[str]] = {p: [] for p in paths}
    for source in ET.fromstring(xml).iter(f"{{{ZBAR}}}source"):
        found[source.get("href")] = [d.text for d in source.iter(f"{{{ZBAR}}}data")]
    return [found[p] for p in paths]


def numbers(n: int, start: int = 1) -> list[str]:
    return [f"ZC-2026-{i:05d}" for i in range(start, start + n)]


@pytest.mark.parametrize("kind", ["qr", "code128"])
def test_3x8_sheet_decodes_to_exactly_the_numbers_in_order(kind, tmp_path):
    nums = numbers(20)
    labels = [asset_label(n, "联想台式计算机", "教学楼 301", kind, school="测试实验学校") for n in nums]
    pdf = render_labels(labels, "3x8", offset=(0, 0))
    # each label, as a scanner sees it, holds exactly its own number (zbar's whole-page scan
    # of a grid of QR codes misses some even where each label alone decodes: not a test of the labels)
    cells = decode_cells(pdf, label_sheet("3x8"), tmp_path)
    assert cells == [[n] for n in nums] + [[]] * 4
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    for n in nums:
        assert n in text
    assert text.count("测试实验学校") == 20 and text.count("联想台式计算机") == 20


@pytest.mark.parametrize("key", ["4x10", "2x7"])
def test_other_presets_decode_too(key, tmp_path):
    sheet = label_sheet(key)
    nums = numbers(sheet.per_page)
    kinds = ["qr", "code128"]
    labels = [asset_label(n, "学生课桌椅（双人）", "教学楼 2 层 203 教室", kinds[i % 2], school="测试实验学校")
              for i, n in enumerate(nums)]
    cells = decode_cells(render_labels(labels, key, offset=(0, 0)), sheet, tmp_path)
    assert cells == [[n] for n in nums]


def test_start_position_skips_used_labels_and_continues_on_the_next_sheet(tmp_path):
    sheet = label_sheet("3x8")
    nums = numbers(24)
    pdf = render_labels([asset_label(n, "投影仪", "", "qr", school="S") for n in nums], sheet, skip=5, offset=(0, 0))
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert re.search(r"Pages:\s+2", out)
    first = decode_cells(pdf, sheet, tmp_path, 1)
    assert first == [[]] * 5 + [[n] for n in nums[:19]]
    second = decode_cells(pdf, sheet, tmp_path, 2)
    assert second == [[n] for n in nums[19:]] + [[]] * 19


def word_boxes(pdf: bytes, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points, y downwards, of every word pdftotext finds on ``page``."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()
    return [(m[4], float(m[0]), float(m[1]), float(m[2]), float(m[3])) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def test_printer_offset_from_settings_moves_every_label(database, tmp_path):
    assert label_offset() == (0.0, 0.0)  # registered defaults
    settings.set_many({"printing.label_offset_x": 3.0, "printing.label_offset_y": -2.0})
    assert label_offset() == (3.0, -2.0)

    def school_box(pdf: bytes) -> tuple[float, float]:
        """The centre x and the top of the first label's heading (it is centred on the label)."""
        box = next(b for b in word_boxes(pdf) if b[0] == "测试实验学校")
        return (box[1] + box[3]) / 2, box[2]

    labels = [asset_label("ZC-2026-00001", "投影仪", "", "qr")]
    mm_pt = 72 / 25.4
    for key in ("2x7", "3x8"):
        moved = school_box(render_labels(labels, key))
        still = school_box(render_labels(labels, key, offset=(0, 0)))
        assert moved[0] - still[0] == pytest.approx(3 * mm_pt, abs=0.05), key
        if key == "2x7":  # far from the top edge: the label's content moves by exactly the offset
            assert moved[1] - still[1] == pytest.approx(-2 * mm_pt, abs=0.05)  # pdftotext y grows downwards
    # the school name comes from the settings
    text = subprocess.run(["pdftotext", "-", "-"], input=render_labels(labels, "3x8"), capture_output=True,
                          check=True).stdout.decode()
    assert "测试实验学校" in text


def ink_margins(pdf: bytes, tmp_path, page: int = 1, dpi: int = 150) -> tuple[float, float, float, float]:
    """How far (mm) the printing on ``page`` keeps from the sheet's left, right, top and bottom edges."""
    image = render_page(pdf, tmp_path, page, dpi)
    left, top, right, bottom = image.point(lambda v: 255 if v < 250 else 0).getbbox()
    k = 25.4 / dpi
    return left * k, (image.width - right) * k, top * k, (image.height - bottom) * k


@pytest.mark.parametrize("key", ["3x8", "4x10", "2x7"])
def test_nothing_prints_within_4_mm_of_the_sheet_edge(key, tmp_path):
    """Office printers cannot print near the paper's edge: the 3 × 8 sheet's labels touch it, their
    printing must not (it was 2.2 mm from the sides and 3 mm from the top)."""
    sheet = label_sheet(key)
    long = "联想台式计算机 ThinkCentre M720t 商用台式机（含显示器）"
    for kind in ("qr", "code128"):
        labels = [asset_label(n, long, "教学楼 3 层 301 教室", kind, school="测试实验学校")
                  for n in numbers(sheet.per_page)]
        for offset in ((0, 0), (1.5, -1.5), (-2, 2)):
            pdf = render_labels(labels, sheet, offset=offset)
            margins = ink_margins(pdf, tmp_path)
            assert min(margins) >= 4.0 - 25.4 / 150, (kind, offset, margins)
    # a canteen sample label (lines, no asset number) too
    lines = ["2026-03-02 午餐留样", "红烧肉", "留样量：125 g", "留样时间：11:30", "留样人：王师傅",
             "保留至：03-04 11:30"]
    pdf = render_labels([Label(lines, "LY-2026-0001", "qr", heading="测试实验学校食堂")] * sheet.per_page, sheet,
                        offset=(0, 0))
    assert min(ink_margins(pdf, tmp_path)) >= 4.0 - 25.4 / 150
    if key == "3x8":  # the labels themselves reach the edges: the printing keeps just clear of them
        assert min(ink_margins(pdf, tmp_path)) < 5


@pytest.mark.parametrize("key", ["3x8", "4x10", "2x7"])
@pytest.mark.parametrize("kind", ["qr", "code128"])
def test_the_asset_number_is_the_largest_text_on_the_label(key, kind):
    sheet = label_sheet(key)
    labels = [asset_label(n, "联想台式计算机 ThinkCentre", "教学楼 301", kind, school="测试实验学校")
              for n in numbers(sheet.per_page)]
    boxes = word_boxes(render_labels(labels, sheet, offset=(0, 0)))
    heights = {}
    for word, _x0, y0, _x1, y1 in boxes:
        heights.setdefault("number" if word.startswith("ZC-2026-") else "other", []).append(y1 - y0)
    assert len(heights["number"]) == sheet.per_page
    assert min(heights["number"]) > max(heights["other"]) * 1.15  # clearly the largest, on every label


def test_long_lines_shrink_to_stay_inside_the_label(tmp_path):
    sheet = label_sheet("4x10")
    lines = ["2026-03-02 午餐留样", "菜品：红烧肉、番茄炒蛋、清炒时蔬、紫菜蛋花汤", "留样量：每样 125 克",
             "留样时间：11:30  销毁时间：03-04 11:30", "留样人：王师傅"]
    pdf = render_labels([Label(lines, "LY-2026-0001", "qr", heading="测试实验学校食堂")], sheet, offset=(0, 0))
    html = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    boxes = [tuple(map(float, m)) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    assert boxes
    mm_pt = 72 / 25.4
    left, top = sheet.left * mm_pt, sheet.top * mm_pt
    right, bottom = left + sheet.label_w * mm_pt, top + sheet.label_h * mm_pt
    for x0, y0, x1, y1 in boxes:
        assert left <= x0 and x1 <= right + 0.5 and top <= y0 and y1 <= bottom + 0.5
    words = re.sub(r"<[^>]+>|\s", "", html)
    assert "留样人：王师傅" in words and "LY-2026-0001" in words
    assert decode_cells(pdf, sheet, tmp_path)[0] == ["LY-2026-0001"]


def test_presets_by_key_and_custom_grid(database):
    i18n.set_language("zh_CN")
    keys = [k for k, _ in label_presets()]
    assert keys == ["3x8", "4x10", "2x7", "custom"]
    assert dict(label_presets())["3x8"] == "3 × 8 张标签，70 × 37 毫米"
    assert label_sheet("3x8").per_page == 24 and label_sheet("4x10").per_page == 40
    assert label_sheet("2x7").per_page == 14
    assert (label_sheet("4x10").label_w, label_sheet("4x10").label_h) == (48.5, 25.4)
    assert label_sheet(None) == LABEL_PRESETS["3x8"][1]  # settings default
    settings.set_many({"printing.label_template": "custom", "printing.label_custom": {
        "cols": 2, "rows": 5, "label_w": 90, "label_h": 50, "top": 10, "left": 10, "pitch_x": 100, "pitch_y": 55}})
    sheet = label_sheet(None)
    assert (sheet.cols, sheet.rows, sheet.per_page) == (2, 5, 10)
    assert sheet.cell(3) == (110, 65)
    with pytest.raises(ValidationError):
        label_sheet("5x5")
    with pytest.raises(ValidationError):
        LabelSheet(3, 8, 80, 37).validate()  # 240 mm wide: not on A4
    with pytest.raises(ValidationError):
        LabelSheet(3, 8, 70, 37, pitch_x=60).validate()


def custom(**values) -> dict:
    base = {"cols": 3, "rows": 8, "label_w": 70, "label_h": 37, "top": 0.5, "left": 0, "pitch_x": 70, "pitch_y": 37}
    base.update(values)
    return base


def test_custom_grid_that_cannot_keep_clear_of_the_edges_is_refused_beside_its_field(tmp_path):
    # labels to the sheet's edge are fine while they keep room to print on
    sheet = custom_sheet(custom(cols=4, rows=10, label_w=52.5, label_h=29.7, top=0, pitch_x=52.5, pitch_y=29.7))
    assert sheet.insets() == (4.0, 4.0)
    pdf = render_labels([asset_label(n, "投影仪", "", "qr", school="S") for n in numbers(40)], sheet, offset=(0, 0))
    assert min(ink_margins(pdf, tmp_path)) >= 4.0 - 25.4 / 150
    assert decode_cells(pdf, sheet, tmp_path) == [[n] for n in numbers(40)]
    # 8 columns of 26.25 mm from edge to edge: 4 mm clear each side leaves 18.25 mm per label
    with pytest.raises(ValidationError) as exc:
        custom_sheet(custom(cols=8, label_w=26.25, pitch_x=26.25))
    assert list(exc.value.errors) == ["left"]
    assert "left or right edge" in exc.value.errors["left"] and "4 mm" in exc.value.errors["left"]
    assert "18.2 mm" in exc.value.errors["left"] or "18.3 mm" in exc.value.errors["left"]
    # 21 rows of 14.1 mm from the top: 4 mm clear leaves 6.1 mm
    with pytest.raises(ValidationError) as exc:
        custom_sheet(custom(rows=21, label_h=14.1, pitch_y=14.1, top=0))
    assert list(exc.value.errors) == ["top"] and "top or bottom edge" in exc.value.errors["top"]
    # the same small labels away from the edges are the user's choice, not the edge's fault
    custom_sheet(custom(cols=8, label_w=24, pitch_x=24, left=9))
    # a printer offset that pushes the labels too far over the sheet's edge is refused when printing
    with pytest.raises(ValidationError) as exc:
        render_labels([asset_label("A-1", "x", "", "qr", school="S")], "4x10", offset=(20, 0))
    assert list(exc.value.errors) == ["offset_x"] and "Use a smaller offset" in exc.value.errors["offset_x"]
    # a grid wider than A4 is a whole-grid problem
    with pytest.raises(ValidationError) as exc:
        custom_sheet(custom(cols=5))
    assert list(exc.value.errors) == ["grid"] and "A4" in exc.value.errors["grid"]


def test_a_start_position_beyond_the_sheet_is_refused_not_wrapped():
    labels = [asset_label(n, "投影仪", "", "qr", school="S") for n in numbers(3)]
    for skip in (24, 100, -1):
        with pytest.raises(ValidationError) as exc:
            render_labels(labels, "3x8", skip=skip, offset=(0, 0))
        assert exc.value.errors == {"skip": f"A sheet of this kind has 24 labels: you can leave 0 to 23 of them "
                                            f"blank, not {skip}."}
    render_labels(labels, "3x8", skip=23, offset=(0, 0))  # the last label of the sheet: fine
    with pytest.raises(ValidationError):
        render_labels(labels, "4x10", skip=40, offset=(0, 0))


def test_calibration_page_and_fonts(tmp_path):
    pdf = calibration_page("2x7", offset=(0, 0))
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Label 14" in text and "Column 2, row 7" in text
    path = tmp_path / "l.pdf"
    path.write_bytes(render_labels([asset_label("A-1", "名称", "地点", "qr", school="学校")], "3x8", offset=(0, 0)))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert len(out) == 1 and "WenQuanYiMicroHei" in out[0] and out[0].split()[-5:-2] == ["yes", "yes", "yes"]


def test_a_name_outside_the_main_font_prints_on_a_label(database, tmp_path):
    """𠮷 (CJK Extension B) and ℃ come from the fallback fonts: never a blank on the tag."""
    import subprocess

    from logistics_desk.core.printing.labels import asset_label, render_labels

    pdf = tmp_path / "labels.pdf"
    pdf.write_bytes(render_labels([asset_label("2026-JJ-00001", "𠮷堃喆的冰柜 4℃", "教学楼 201")], sheet="3x8"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "𠮷堃喆" in text.replace("\n", "") and "℃" in text
