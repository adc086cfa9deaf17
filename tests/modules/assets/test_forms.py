"""The asset register's printed forms: what pdftotext, pdffonts and zbarimg read back."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from logistics_desk import cli
from logistics_desk.core import i18n, masterdata, settings
from logistics_desk.core.errors import UserError
from logistics_desk.core.masterdata import Place
from logistics_desk.core.printing import label_sheet
from logistics_desk.modules.assets import forms, service

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm", "zbarimg", "pdfinfo")),
    reason="poppler-utils and zbar-tools needed",
)

ZBAR = "http://zbar.sourceforge.net/2008/barcode"
DPI = 300


def text(pdf: bytes, first: int | None = None, last: int | None = None) -> str:
    """The text with all whitespace removed (pdftotext spaces CJK text freely)."""
    cmd = ["pdftotext"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run(cmd + ["-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s+", "", out)


def pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def assert_embedded(pdf: bytes, tmp_path) -> None:
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, out
    assert any("WenQuanYi" in r[0] for r in rows), out
    for r in rows:
        assert r[-5] == "yes", out  # emb column


@pytest.fixture
def zh():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


@pytest.fixture
def room_assets(make_asset, world):
    a1 = make_asset(name="台式计算机", model_spec="联想启天M437", unit_price="4200")
    a2 = make_asset(name="学生课桌椅", category=world["cats"]["JJ"].id, quantity=50, unit="套", unit_price="320",
                    model_spec="双人")
    a3 = make_asset(name="投影仪", place=world["r302"].id, custodian=world["li"].id, unit_price="3500")
    gone = make_asset(name="旧打印机", unit_price="900")
    service.write_off(gone, reason="损坏无法修复", approver="王校长", method="scrap")
    return a1, a2, a3, gone


# --- inventory sheet -----------------------------------------------------------

def test_inventory_sheet_of_a_room_in_chinese(zh, room_assets, tmp_path):
    a1, a2, a3, gone = room_assets
    data = forms.inventory_data(place="教学楼 301")
    pdf = forms.render_inventory(data)
    t = text(pdf)
    assert "测试实验学校" in t and "资产清单" in t
    for head in ("序号", "资产编号", "名称", "规格型号", "单位", "数量", "单价", "金额", "购置日期", "状态", "备注"):
        assert head in t
    assert a1.number in t and a2.number in t
    assert a3.number not in t  # another room
    assert gone.number not in t  # written off: not on the sheet
    assert "合计" in t and "51" in t and "20,200.00" in t  # 1 + 50 pieces, 4,200 + 16,000 yuan
    for role in ("保管人（张伟）签字", "部门负责人签字", "总务干事签字"):
        assert role in t
    assert data["doc_no"].startswith("QD-20260310-") and data["doc_no"] in t
    assert "第1页/共1页" in t
    assert_embedded(pdf, tmp_path)


def test_inventory_resolves_names(room_assets, world):
    for value in ("教学楼 301", "教学楼301", world["r301"].id, world["r301"]):
        data = forms.inventory_data(place=value)
        assert [s["title"] for s in data["sections"]] == ["教学楼 301"]
    with pytest.raises(UserError):
        forms.inventory_data(place="没有这栋楼")
    with pytest.raises(UserError):
        forms.inventory_data(department="没有的部门")
    with pytest.raises(UserError):
        forms.inventory_data()


def test_whole_building_each_room_on_its_own_pages(zh, world, make_asset):
    teach = world["teach"]
    rooms = [world["r301"], world["r302"]]
    for n in range(3, 7):
        rooms.append(masterdata.save(Place, {"kind": "room", "name": f"30{n}", "parent": teach.id}))
    counts = [2, 40, 1, 3, 0, 5]  # 40 lines run over two pages; an empty room prints nothing
    for room, n in zip(rooms, counts, strict=True):
        if n:
            make_asset(name="课桌", place=room.id, copies=n) if n > 1 else make_asset(name="课桌", place=room.id)
    data = forms.inventory_data(building="教学楼")
    assert [s["title"] for s in data["sections"]] == [r.full_name for r, n in zip(rooms, counts, strict=True) if n]
    pdf = forms.render_inventory(data)
    n_pages = pages(pdf)
    starts = []
    for p in range(1, n_pages + 1):
        t = text(pdf, p)
        m = re.search(r"第(\d+)页/共(\d+)页", t)
        if m.group(1) == "1":
            starts.append(p)
            room_line = re.search(r"教学楼30\d", t).group(0)
            room = rooms[[i for i, n in enumerate(counts) if n][len(starts) - 1]]
            assert room_line == room.full_name.replace(" ", "")
    assert len(starts) == 5  # each room starts a new page with its own page count
    # the 40-line room (the second section) runs over several pages, the others take one each
    assert starts[:2] == [1, 2] and starts[2] - starts[1] >= 2 and n_pages == 4 + (starts[2] - starts[1])
    # the same through --place with the building name
    assert len(forms.inventory_data(place="教学楼")["sections"]) == 5


def test_inventory_of_a_department_and_a_custodian_list_the_place(room_assets, world):
    a1, a2, a3, gone = room_assets
    pdf = forms.render_inventory(forms.inventory_data(department="总务处"))
    t = text(pdf)
    assert a1.number in t and a3.number in t and "教学楼302" in t and "Place" in t
    pdf = forms.render_inventory(forms.inventory_data(custodian="李娜"))
    t = text(pdf)
    assert a3.number in t and a1.number not in t


def test_class_inventory_is_signed_by_the_class_head(zh, make_asset, world):
    make_asset(name="电子白板", department=world["cls"].id)
    t = text(forms.render_inventory(forms.inventory_data(department="初一(1)班")))
    assert "班主任签字" in t and "初一(1)班" in t


# --- asset card -------------------------------------------------------------------

def test_asset_card_has_every_field_depreciation_and_history(zh, make_asset, world, tmp_path):
    a = make_asset(name="台式计算机", brand="联想", serial_no="SN12345", invoice_no="FP001",
                   supplier=world["supplier"].id, funding_source="公用经费", note="总务处专用")
    for i in range(12):
        service.transfer(a, place=(world["r302"] if i % 2 == 0 else world["r301"]).id, reason=f"调整{i}")
    data = forms.card_data(a.id)
    pdf = forms.render_cards([data])
    t = text(pdf)
    for s in ("固定资产卡片", a.number, "联想", "SN12345", "FP001", "联想（北京）有限公司", "公用经费",
              "总务处专用", "使用年限", "6年", "累计折旧", "账面净值", "最近履历", "调整11", "建卡人签字"):
        assert s in t, s
    assert "调整0" not in t  # only the last 10 lines of history
    assert service.net_book_value(a) is not None
    assert f"{service.net_book_value(a):,.2f}" in t
    assert pages(pdf) == 1
    assert_embedded(pdf, tmp_path)


def test_two_cards_per_page(make_asset):
    assets = make_asset(name="椅子", copies=3)
    pdf = forms.render_cards([forms.card_data(a.id) for a in assets], per_page=2)
    assert pages(pdf) == 2
    assert assets[0].number in text(pdf, 1) and assets[1].number in text(pdf, 1)
    assert assets[2].number in text(pdf, 2)


# --- labels ------------------------------------------------------------------------

def decode_cells(pdf: bytes, sheet, tmp_path, skip: int = 0) -> list[list[str]]:
    path = tmp_path / "labels.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", "1", "-l", "1", str(path), str(tmp_path / "pg")],
                   check=True)
    from PIL import Image

    image = Image.open(next(tmp_path.glob("pg*.pgm")))
    k = DPI / 25.4
    paths = []
    for i in range(sheet.per_page):
        x, y = sheet.cell(i)
        crop = image.crop((int(x * k), int(y * k), int((x + sheet.label_w) * k), int((y + sheet.label_h) * k)))
        p = tmp_path / f"cell-{i:03d}.pgm"
        crop.save(p)
        paths.append(str(p))
    xml = subprocess.run(["zbarimg", "-q", "--xml", *paths], capture_output=True, text=True).stdout
    found = {p: [] for p in paths}
    for source in ET.fromstring(xml).iter(f"{{{ZBAR}}}source"):
        found[source.get("href")] = [d.text for d in source.iter(f"{{{ZBAR}}}data")]
    return [found[p] for p in paths]


@pytest.mark.parametrize("code,template", [("qr", "3x8"), ("code128", "4x10")])
def test_labels_decode_to_exactly_the_asset_numbers_in_order(code, template, make_asset, world, tmp_path):
    assets = make_asset(name="课桌椅", copies=7)
    make_asset(name="别处的东西", place=world["office"].id)
    items = forms.label_items(place="教学楼")
    assert [i["number"] for i in items] == sorted(a.number for a in assets)
    sheet = label_sheet(template)
    pdf = forms.render_asset_labels(items, template=template, code=code, skip=2, offset=(0, 0))
    cells = decode_cells(pdf, sheet, tmp_path)
    assert cells[:2] == [[], []]  # the start position leaves used labels blank
    assert [c for c in cells[2:9]] == [[i["number"]] for i in items]
    assert all(c == [] for c in cells[9:])
    t = text(pdf)
    assert "测试实验学校" in t and "课桌椅" in t and "教学楼301" in t
    for i in items:
        assert i["number"] in t  # the readable number beneath the code


def test_label_choices_range_since_and_selection(make_asset, world, frozen):
    from logistics_desk.core import clock

    first = make_asset(name="甲", copies=5)
    clock.freeze(dt.datetime(2026, 4, 1, 8, 0))
    later = make_asset(name="乙", copies=2)
    numbers = sorted(a.number for a in first)
    rng = forms.parse_number_range(f"{numbers[1]}..{numbers[3]}")
    assert [i["number"] for i in forms.label_items(numbers=rng)] == numbers[1:4]
    assert forms.parse_number_range(f"{numbers[3]}..{numbers[1]}") == rng
    with pytest.raises(UserError):
        forms.parse_number_range("abc")
    assert [i["number"] for i in forms.label_items(since=dt.date(2026, 4, 1))] == sorted(a.number for a in later)
    assert [i["number"] for i in forms.label_items(ids=[later[1].id, first[0].id])] == sorted(
        [later[1].number, first[0].number])


def test_label_code_and_template_come_from_the_settings(make_asset, tmp_path):
    a = make_asset()
    settings.set_many({"printing.label_code": "code128", "printing.label_template": "2x7"})
    pdf = forms.render_asset_labels(forms.label_items(ids=[a.id]), offset=(0, 0))
    assert decode_cells(pdf, label_sheet("2x7"), tmp_path)[0] == [a.number]
    with pytest.raises(UserError):
        forms.render_asset_labels([], code="ean13")


# --- slips -----------------------------------------------------------------------------

def test_transfer_and_loan_slips(zh, make_asset, world, tmp_path):
    a = make_asset()
    t = service.transfer(a, place=world["r302"].id, custodian=world["li"].id, reason="教室调整")
    pdf = forms.render_transfer_slip(forms.transfer_slip_data(t.doc_no))
    s = text(pdf)
    for w in ("资产调拨单", t.doc_no, a.number, "教学楼301", "教学楼302", "张伟", "李娜", "教室调整",
              "调出人签字", "接收人签字", "总务主任签字", "第一联", "第二联"):
        assert w in s, w
    assert pages(pdf) == 1
    assert_embedded(pdf, tmp_path)
    loan = service.lend(a, borrower_name="王老师", due_on=dt.date(2026, 3, 20), purpose="公开课")
    s = text(forms.render_loan_slip(forms.loan_slip_data(loan.doc_no)))
    for w in ("资产借用单", loan.doc_no, "王老师", "2026-03-20", "公开课", "借用人签字", "经办人签字"):
        assert w in s, w


def test_damage_notice_deliberate_pays_double_with_discipline_note(zh, make_asset, tmp_path):
    a = make_asset(unit_price="1000")
    d = service.report_damage(a, cause="deliberate", description="踢坏机箱", responsible_name="学生甲",
                              discipline_note="通报批评")
    pdf = forms.render_damage_notice(forms.damage_notice_data(d.doc_no))
    s = text(pdf)
    for w in ("损坏赔偿通知", d.doc_no, a.number, "故意损坏", "加倍赔偿", "踢坏机箱", "学生甲", "2,000.00",
              "通报批评", "责任人签字", "班主任签字", "总务主任签字"):
        assert w in s, w
    assert_embedded(pdf, tmp_path)


def test_writeoff_request_for_an_asset_and_for_a_recorded_write_off(zh, make_asset, tmp_path):
    a = make_asset()
    s = text(forms.render_writeoff_request(forms.writeoff_request_data(asset=a.number)))
    for w in ("资产报废申请表", a.number, "使用部门意见", "总务处意见", "校长意见", "校长签字", "申请人签字",
              "累计折旧", "账面净值"):
        assert w in s, w
    d = service.write_off(a, reason="主板烧毁", approver="王校长", method="scrap")
    pdf = forms.render_writeoff_request(forms.writeoff_request_data(doc=d.doc_no))
    s = text(pdf)
    assert d.doc_no in s and "主板烧毁" in s and "王校长" in s and "报废" in s
    assert_embedded(pdf, tmp_path)
    with pytest.raises(UserError):
        forms.writeoff_request_data(asset="NOPE")


def test_latest_doc(make_asset, world):
    a = make_asset()
    assert forms.latest_doc("transfer", a.id) is None
    service.transfer(a, place=world["r302"].id, reason="一")
    t2 = service.transfer(a, place=world["r301"].id, reason="二")
    assert forms.latest_doc("transfer", a.id) == t2.doc_no


# --- command line ------------------------------------------------------------------------

def run_cli(db_path, *args):
    from logistics_desk.core import db

    db.close_database()  # the CLI opens the file itself
    try:
        return cli.main(["--db", str(db_path), "--lang", "zh_CN", "print", *args])
    finally:
        db.open_database(db_path, backup=False)
        i18n.set_language("en")


def test_cli_prints_and_exit_codes(room_assets, world, db_path, tmp_path, capsys):
    a1, a2, a3, gone = room_assets
    t = service.transfer(a1, place=world["r302"].id, reason="调整")
    out = tmp_path / "x.pdf"
    ok = [
        ["inventory", "--place", "教学楼301"], ["inventory", "--building", "教学楼"],
        ["inventory", "--department", "总务处"], ["inventory", "--custodian", "李娜"],
        ["labels", "--numbers", f"{a1.number}..{a3.number}", "--code", "code128", "--template", "4x10"],
        ["labels", "--place", "教学楼 302", "--skip", "5"], ["labels", "--since", "2026-01-01"],
        ["labels", "--ids", a1.number, a2.number],
        ["asset-card", "--number", a1.number, "--per-page", "2"],
        ["transfer-slip", "--doc", t.doc_no],
        ["writeoff-request", "--number", a2.number],
    ]
    for args in ok:
        if out.exists():
            out.unlink()
        assert run_cli(db_path, *args, "-o", str(out)) == 0, args
        assert out.read_bytes().startswith(b"%PDF"), args
    bad = [
        ["inventory", "--place", "无此地"], ["inventory", "--custodian", "无此人"],
        ["labels", "--numbers", "nonsense"], ["labels", "--since", "yesterday"], ["labels", "--ids", "NOPE"],
        ["labels", "--numbers", "ZZ-1..ZZ-9"],
        ["asset-card", "--number", "NOPE"], ["transfer-slip", "--doc", "DB-1999-0001"],
        ["loan-slip", "--doc", "X"], ["damage-notice", "--doc", "X"], ["writeoff-request", "--doc", "X"],
    ]
    for args in bad:
        assert run_cli(db_path, *args, "-o", str(out)) == 2, args
    err = capsys.readouterr()
    assert "Traceback" not in err.out + err.err


def test_money_totals_are_decimal(room_assets):
    data = forms.inventory_data(place="教学楼301")
    assert data["sections"][0]["amount"] == Decimal("20200.00")


# --- paper an inspector accepts (issue 12) ------------------------------------------------

def layout(pdf: bytes, first: int | None = None) -> str:
    """The text with its layout kept (one printed row per line)."""
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(first)]
    return subprocess.run(cmd + ["-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def page_doc_no(pdf: bytes, page: int) -> str:
    return re.search(r"(?:编号：|No\.: )(\S+)", layout(pdf, page)).group(1)


def row_of(pdf: bytes, number: str) -> str:
    return next(line for line in layout(pdf).splitlines() if number in line)


def test_whole_building_each_room_sheet_has_its_own_number(zh, world, make_asset):
    make_asset(name="课桌", copies=30)  # 301: two pages
    make_asset(name="投影仪", place=world["r302"].id)
    data = forms.inventory_data(building="教学楼")
    pdf = forms.render_inventory(data)
    assert pages(pdf) == 3
    numbers = [page_doc_no(pdf, p) for p in (1, 2, 3)]
    assert numbers[0] == numbers[1] != numbers[2]  # one number per signed sheet, kept over its pages
    # the number a room's sheet carries is the one it carries when printed alone
    assert numbers[0] == forms.inventory_data(place=world["r301"].id)["doc_no"]
    assert numbers[2] == forms.inventory_data(place=world["r302"].id)["doc_no"]


def test_inventory_has_a_custodian_column_and_each_custodian_signs(zh, make_asset, world):
    a = make_asset(name="台式计算机")  # 张伟
    b = make_asset(name="投影仪", custodian=world["li"].id)
    pdf = forms.render_inventory(forms.inventory_data(place="教学楼 301"))
    header = next(line for line in layout(pdf).splitlines() if "资产编号" in line)
    assert "保管人" in header
    assert "张伟" in row_of(pdf, a.number) and "李娜" not in row_of(pdf, a.number)
    assert "李娜" in row_of(pdf, b.number)
    t = text(pdf)
    assert "保管人（张伟）签字" in t and "保管人（李娜）签字" in t


def test_inventory_one_sheet_per_custodian_wherever_things_stand(zh, make_asset, world):
    a = make_asset(name="台式计算机")  # 张伟, 教学楼 301
    b = make_asset(name="投影仪", place=world["r302"].id, custodian=world["li"].id)
    c = make_asset(name="打印机", place=world["office"].id)  # 张伟's too, in another building
    d = make_asset(name="书柜", custodian=None)  # nobody's, in 301
    data = forms.inventory_data(building="教学楼", per_custodian=True)
    pdf = forms.render_inventory(data)
    assert pages(pdf) == 3
    by_person = {}
    for p in (1, 2, 3):
        t = text(pdf, p)
        who = "张伟" if a.number in t else "李娜" if b.number in t else None
        by_person[who] = (t, page_doc_no(pdf, p))
    zhang, li, nobody = by_person["张伟"][0], by_person["李娜"][0], by_person[None][0]
    assert c.number in zhang and "行政楼102总务处" in zhang and b.number not in zhang and d.number not in zhang
    assert "保管人（张伟）签字" in zhang and "李娜" not in zhang
    assert "保管人（李娜）签字" in li and a.number not in li
    assert d.number in nobody and a.number not in nobody and "保管人（" not in nobody
    assert len({n for _t, n in by_person.values()}) == 3
    assert by_person["张伟"][1] == forms.inventory_data(custodian=world["zhang"].id)["doc_no"]


def test_asset_card_shows_the_gb_class_code(zh, make_asset):
    a = make_asset()  # 计算机设备, GB/T 14885 20101
    t = text(forms.render_cards([forms.card_data(a.id)]))
    assert "国标分类代码" in t and "20101" in t


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_cards_have_signature_lines_and_never_split(lang, make_asset, world):
    def with_history(reason: str):
        assets = make_asset(name="多媒体讲台", model_spec="钢木结构 带中控 1200×800×1000", copies=3)
        for a in assets:
            for i in range(12):
                service.transfer(a, place=(world["r302"] if i % 2 == 0 else world["r301"]).id,
                                 reason=f"第{i + 1}次，{reason}")
        return assets

    long = with_history("因教学调整，经总务处与教务处协商，" * 3)  # three lines a history row on a full card
    usual = with_history("教室调整")
    i18n.set_language(lang)
    try:
        sign = "建卡人签字" if lang == "zh_CN" else "Cardkeptbysignature"
        one_page = "第1页/共1页" if lang == "zh_CN" else "Page1of1"
        for per_page, assets in ((1, long), (2, long), (2, usual)):
            history = forms.CARD_HISTORY_HALF if per_page == 2 else forms.CARD_HISTORY
            pdf = forms.render_cards([forms.card_data(a.id, history=history) for a in assets], per_page=per_page)
            assert pages(pdf) == (2 if per_page == 2 else 3), per_page
            whole = text(pdf)
            assert whole.count(one_page) == 3, per_page  # each card on one slot, never continued
            assert whole.count(sign) == 3, per_page  # signature lines on every card, half-page ones too
            if assets is usual or per_page == 1 or lang == "zh_CN":
                assert whole.count("第12次") == 3, per_page  # the latest history line is kept
    finally:
        i18n.set_language("en")


def test_writeoff_request_for_a_disposed_asset_is_refused(room_assets, db_path, tmp_path, capsys):
    gone = room_assets[3]
    doc = forms.latest_doc("disposal", gone.id)
    with pytest.raises(UserError) as err:
        forms.writeoff_request_data(asset=gone.number)
    assert gone.number in err.value.message and doc in err.value.message
    out = tmp_path / "w.pdf"
    assert run_cli(db_path, "writeoff-request", "--number", gone.number, "-o", str(out)) == 2
    said = capsys.readouterr()
    assert doc in said.out + said.err and "Traceback" not in said.out + said.err
    assert not out.exists()
    # the recorded write-off still prints
    assert run_cli(db_path, "writeoff-request", "--doc", doc, "-o", str(out)) == 0


def test_writeoff_request_for_an_asset_has_a_document_number(zh, make_asset):
    a = make_asset()
    data = forms.writeoff_request_data(asset=a.number)
    assert data["doc_no"] and data["doc_no"].startswith("BFSQ-20260310-")
    assert page_doc_no(forms.render_writeoff_request(data), 1) == data["doc_no"]
    other = forms.writeoff_request_data(asset=make_asset().number)
    assert other["doc_no"] != data["doc_no"]


def test_damage_notice_for_a_student_has_a_parent_line_and_the_amount_in_words(zh, make_asset, world):
    a = make_asset(unit_price="1000")
    d = service.report_damage(a, cause="deliberate", description="踢坏机箱", responsible_name="学生甲",
                              discipline_note="通报批评")
    t = text(forms.render_damage_notice(forms.damage_notice_data(d.doc_no)))
    assert "家长签字" in t and "2,000.00" in t and "贰仟元整" in t
    staff = service.report_damage(a, cause="accidental", description="碰倒", responsible=world["zhang"].id)
    t = text(forms.render_damage_notice(forms.damage_notice_data(staff.doc_no)))
    assert "家长" not in t and "责任人签字" in t and "班主任" not in t and "部门负责人签字" in t


def test_damage_notice_for_natural_wear_asks_nobody_to_pay(zh, make_asset):
    a = make_asset(unit_price="1000")
    d = service.report_damage(a, cause="natural", description="使用多年，屏幕老化")
    t = text(forms.render_damage_notice(forms.damage_notice_data(d.doc_no)))
    assert "自然损耗" in t and "不需赔偿" in t
    for word in ("责任人", "交款日期", "赔偿金额", "家长", "交纳"):
        assert word not in t, word


def test_cli_inventory_per_custodian(room_assets, world, db_path, tmp_path):
    a1, a2, a3, gone = room_assets
    out = tmp_path / "per.pdf"
    assert run_cli(db_path, "inventory", "--building", "教学楼", "--per-custodian", "-o", str(out)) == 0
    pdf = out.read_bytes()
    assert pages(pdf) == 2  # 张伟 (a1, a2) and 李娜 (a3)
    t = text(pdf)
    assert "保管人（张伟）签字" in t and "保管人（李娜）签字" in t and a3.number in t
