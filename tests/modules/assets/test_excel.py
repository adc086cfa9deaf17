"""Import and export of the asset register: real files, bad files, the round trip."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from logistics_desk.core import audit, db
from logistics_desk.core.errors import RuleError, UserError, ValidationError
from logistics_desk.core.masterdata import Person, Place
from logistics_desk.core.tasks import Cancelled
from logistics_desk.modules.assets import excel, service
from logistics_desk.modules.assets.models import Asset

_SHARED_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
# ../shared/data beside the checkout when present, else the copy kept in tests/data
DATA = _SHARED_DATA if _SHARED_DATA.is_dir() else Path(__file__).resolve().parents[2] / "data"
SAMPLE_XLSX = DATA / "资产登记表-样例.xlsx"
SAMPLE_CSV = DATA / "资产清单-旧系统导出-GBK.csv"

HEADER = ["资产编号", "资产名称", "资产分类", "规格型号", "计量单位", "数量", "单价", "购置日期", "存放地点",
          "使用部门", "保管人"]


def workbook(path: Path, rows: list[list], header: list[str] = HEADER, before: list[list] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in before:
        ws.append(r)
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def good_row(number="", name="投影仪", qty=1, price="3500", when="2025-09-01", place="教学楼 301"):
    return [number, name, "办公设备", "CB-X06", "台", qty, price, when, place, "总务处", "张伟"]


# --- the clerk's real files ----------------------------------------------------------

@pytest.mark.skipif(not SAMPLE_XLSX.exists(), reason="sample data not available")
def test_the_real_register_imports(world):
    plan = excel.plan_import(SAMPLE_XLSX)
    assert plan.ok, [str(e) for e in plan.errors]
    assert plan.valid_count == 38
    assert "音乐室" in plan.new_places and "教学楼 203" in plan.new_places
    assert "王芳" in plan.new_people and "张伟" not in plan.new_people  # 张伟 exists already
    outcome = excel.apply(plan)
    assert len(outcome.asset_ids) == 38
    pcs = Asset.select().where(Asset.model_spec == "型号696").get()
    assert pcs.quantity == 12 and pcs.unit_price == Decimal("4200.00") and pcs.amount == Decimal("50400.00")
    assert pcs.acquired_on == dt.date(2019, 9, 1) and pcs.custodian.name == "王芳"
    assert pcs.number.startswith("2019-TY-")
    serial = Asset.select().where(Asset.model_spec == "型号504").get()
    assert serial.acquired_on == dt.date(2019, 9, 1)  # an Excel serial number
    assert Asset.select().where(Asset.model_spec == "型号695").get().unit_price == Decimal("3500.00")  # ¥3500
    assert Place.get(Place.full_name == "教学楼 203")  # 教学楼２０３ in full-width digits
    assert audit.verify_chain() == []


@pytest.mark.skipif(not SAMPLE_CSV.exists(), reason="sample data not available")
def test_the_gbk_csv_imports(world):
    plan = excel.plan_import(SAMPLE_CSV)
    assert plan.ok, [str(e) for e in plan.errors]
    assert plan.valid_count == 12
    excel.apply(plan)
    piano = Asset.select().where(Asset.model_spec == "型号901").get()
    assert piano.name == "钢琴" and piano.quantity == 50 and piano.amount == Decimal("800000.00")
    assert piano.department.name == "总务处"


def test_utf8_csv_with_bom_and_gbk_written_here(world, tmp_path):
    text = ",".join(HEADER) + "\n" + ",".join(str(v) for v in good_row("A-1")) + "\n"
    for enc, name in (("utf-8-sig", "bom.csv"), ("utf-8", "plain.csv"), ("gbk", "gbk.csv")):
        path = tmp_path / name
        path.write_bytes(text.encode(enc))
        plan = excel.plan_import(path)
        assert plan.ok and plan.rows[0]["name"] == "投影仪" and plan.rows[0]["number"] == "A-1", enc


# --- bad files ------------------------------------------------------------------------

def test_missing_required_columns_refuse_the_file(world, tmp_path):
    path = workbook(tmp_path / "cols.xlsx", [["投影仪", "3500"]], header=["资产名称", "单价"])
    plan = excel.plan_import(path)
    assert plan.file_broken and not plan.ok
    text = " ".join(str(e) for e in plan.errors)
    assert "Asset category" in text and "Acquisition date" in text
    with pytest.raises(UserError):
        excel.apply(plan, only_valid=True)


def test_every_bad_row_is_reported_and_nothing_imported(world, tmp_path):
    service.register({"number": "OLD-1", "name": "旧电脑", "category": world["cats"]["JSJ"].id,
                      "unit_price": "4000", "acquired_on": dt.date(2025, 1, 1)})
    rows = [
        good_row("N-1"),
        good_row("N-1"),  # repeats row 2
        good_row("OLD-1"),  # exists already
        good_row(qty="很多"),  # not a number
        good_row(price="abc"),
        good_row(when="明年"),
        good_row(when="2027-01-01"),  # the future (the clock says 2026-03-10)
        ["", "", "办公设备", "", "台", 1, "100", "2025-01-01", "", "", ""],  # no name
        ["", "神秘物品", "外星科技", "", "台", 1, "100", "2025-01-01", "", "", ""],  # unknown category
        good_row(name="长" * 300),  # too long
        good_row("N-2", when="2026年3月1日"),
    ]
    path = workbook(tmp_path / "bad.xlsx", rows, before=[["某校资产登记表"], []])
    plan = excel.plan_import(path)
    assert not plan.ok
    bad_rows = sorted({e.row for e in plan.errors})
    # the header is on row 3; data rows 4..14; rows 4 and 14 are fine
    assert bad_rows == list(range(5, 14))
    by_row = {e.row: e for e in plan.errors}
    assert by_row[5].column == "资产编号" and "row 4" in by_row[5].message
    assert "already exists" in by_row[6].message
    assert by_row[7].column == "数量" and by_row[7].value == "很多"
    assert by_row[12].column == "资产分类" and by_row[12].value == "外星科技"
    assert "200" in by_row[13].message
    with pytest.raises(UserError):
        excel.apply(plan)
    assert Asset.select().count() == 1
    report = tmp_path / "report.xlsx"
    from logistics_desk.core import excel as xl

    xl.write_error_report(report, plan.errors)
    ws = openpyxl.load_workbook(report).active
    assert ws.max_row == len(plan.errors) + 1 and ws.cell(2, 1).value == 5
    # only the valid rows
    outcome = excel.apply(plan, only_valid=True)
    assert len(outcome.asset_ids) == 2 and outcome.skipped_rows == 9
    assert {a.number for a in Asset.select()} >= {"N-1", "N-2"}


def test_empty_rows_totals_and_merged_cells(world, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["固定资产登记表"])
    ws.merge_cells("A1:K1")
    ws.append(HEADER)
    ws.append(good_row(place="实验楼 生物实验室"))
    ws.append(good_row(name="显微镜", place=None))
    ws.append(good_row(name="天平", place=None))
    ws.merge_cells("I3:I5")  # the place written once for three rows
    ws.append([None] * 11)
    ws.append(["合计", None, None, None, None, "=SUM(F3:F5)", None, None, None, None, None])
    ws.append(["制表人：王芳"])
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    plan = excel.plan_import(path)
    assert plan.ok, [str(e) for e in plan.errors]
    assert [r["place"] for r in plan.rows] == ["实验楼 生物实验室"] * 3


def test_uncalculated_formula_is_an_error_not_text(world, tmp_path):
    path = workbook(tmp_path / "formula.xlsx", [good_row(price="=1000*3")])
    plan = excel.plan_import(path)
    assert not plan.ok
    assert plan.errors[0].column == "单价" and "=1000*3" in plan.errors[0].value


def test_amount_must_agree_with_quantity_and_price(world, tmp_path):
    header = HEADER + ["金额"]
    path = workbook(tmp_path / "amount.xlsx", [good_row(qty=2, price="100") + ["250"],
                                               good_row(qty=2, price=None) + ["300"]], header=header)
    plan = excel.plan_import(path)
    assert [e.column for e in plan.errors] == ["金额"]
    assert plan.rows[0]["unit_price"] == Decimal("150.00")  # from the amount


def test_cancelled_import_writes_nothing(world, tmp_path):
    path = workbook(tmp_path / "many.xlsx", [good_row(name=f"椅子{i}") for i in range(40)])
    plan = excel.plan_import(path)
    before = audit.AuditEntry.select().count()
    with pytest.raises(Cancelled):
        excel.apply(plan, cancelled=lambda: True)
    assert Asset.select().count() == 0
    assert Person.select().where(Person.name == "张伟").count() == 1
    assert audit.AuditEntry.select().count() == before


# --- export and the round trip ---------------------------------------------------------

def test_export_headers_formats_and_no_formulas(make_asset, world, tmp_path):
    make_asset(name="=HYPERLINK(\"http://x\")", note="+1 备用", unit_price="4200")
    make_asset(name="投影仪", unit_price="3500", place=world["r302"].id)
    path = tmp_path / "out.xlsx"
    assert excel.export(path, {"text": "投影"}) == 1
    assert excel.export(path) == 2
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Asset number", "Asset name", "Asset category"]
    assert ws.freeze_panes == "A2"
    col = {h: i + 1 for i, h in enumerate(headers)}
    names = [ws.cell(r, col["Asset name"]).value for r in (2, 3)]
    assert "=HYPERLINK(\"http://x\")" in names
    formula_row = 2 if names[0].startswith("=") else 3
    assert ws.cell(formula_row, col["Asset name"]).data_type == "s"
    assert isinstance(ws.cell(2, col["Acquisition date"]).value, dt.datetime)
    assert isinstance(ws.cell(2, col["Amount"]).value, (int, float))


def test_export_uses_chinese_headers_in_the_chinese_interface(make_asset, tmp_path):
    from logistics_desk.core import i18n

    make_asset()
    i18n.set_language("zh_CN")
    path = tmp_path / "zh.xlsx"
    excel.export(path)
    headers = [c.value for c in openpyxl.load_workbook(path).active[1]]
    assert "资产编号" in headers and "资产名称" in headers and "存放地点" in headers


def test_template_reads_back(world, tmp_path):
    path = tmp_path / "template.xlsx"
    excel.write_template(path)
    plan = excel.plan_import(path)
    assert plan.ok, [str(e) for e in plan.errors]
    assert plan.valid_count == 2


def test_round_trip_into_an_empty_database(make_asset, world, tmp_path, template_db):
    make_asset(name="台式计算机", model_spec="启天M435", brand="联想", serial_no="LX123",
               warranty_end=dt.date(2028, 8, 31), supplier=world["supplier"].id, invoice_no="0012",
               funding_source="公用经费", note="第一行\n第二行")
    make_asset(name="学生课桌椅", category=world["cats"]["JJ"].id, quantity=50, unit_price="180.50", unit="套",
               department=world["cls"].id, place=world["r302"].id, custodian=world["li"].id, source="donation")
    make_asset(name="图书", category=world["cats"]["TS"].id, quantity=300, unit_price="35", unit="册",
               place=None, department=None, custodian=None, status="idle")
    gone = make_asset(name="旧打印机", category=world["cats"]["BGSB"].id, acquired_on=dt.date(2018, 3, 1))
    service.write_off(gone, reason="坏了", approver="张建国", method="scrap")

    def snapshot():
        out = {}
        for a in Asset.select().order_by(Asset.number):
            out[a.number] = (a.name, a.category.code, a.model_spec, a.brand, a.unit, a.quantity, a.unit_price,
                             a.amount, a.acquired_on, a.source, a.supplier.name if a.supplier else None, a.invoice_no,
                             a.funding_source, a.place.full_name if a.place else None,
                             a.department.name if a.department else None,
                             a.custodian.name if a.custodian else None, a.status, a.low_value, a.warranty_end,
                             a.serial_no, a.note)
        return out

    before = snapshot()
    path = tmp_path / "roundtrip.xlsx"
    assert excel.export(path) == 4
    other = tmp_path / "empty.db"
    if isinstance(template_db, Path):
        shutil.copy(template_db, other)
    db.open_database(other, backup=False)  # (the suite on PostgreSQL: a new file, made and migrated here)
    assert Asset.select().count() == 0
    plan = excel.plan_import(path)
    assert plan.ok, [str(e) for e in plan.errors]
    excel.apply(plan)
    assert snapshot() == before
    assert audit.verify_chain() == []


# --- issue 13 item 3: importing the same rows twice ----------------------------------

def test_identical_rows_with_their_own_new_tag_numbers_are_not_duplicates(world, tmp_path):
    """40 identical chairs, each tagged, registered in two batches: the second batch is 20 more chairs."""
    first = [good_row(number=f"YZ-{i:03d}", name="椅子", price="120") for i in range(20)]
    second = [good_row(number=f"YZ-{i:03d}", name="椅子", price="120") for i in range(20, 40)]
    assert len(excel.apply(excel.plan_import(workbook(tmp_path / "a.xlsx", first))).asset_ids) == 20
    plan = excel.plan_import(workbook(tmp_path / "b.xlsx", second))
    assert plan.ok and plan.duplicates == []
    assert len(excel.apply(plan).asset_ids) == 20
    again = excel.plan_import(workbook(tmp_path / "a-again.xlsx", first))  # the same tags again: row errors
    assert not again.ok and "already exists" in str(again.errors[0])
    assert Asset.select().where(Asset.name == "椅子").count() == 40


def test_rows_identical_to_registered_assets_are_skipped_unless_included(world, tmp_path):
    rows = [good_row(name="投影仪"), good_row(name="讲台", price="900"), good_row(name="饮水机", qty=2, price="600")]
    path = workbook(tmp_path / "first.xlsx", rows)
    assert len(excel.apply(excel.plan_import(path)).asset_ids) == 3
    again = workbook(tmp_path / "again.xlsx", rows + [good_row(name="投影仪", place="教学楼 302")])
    plan = excel.plan_import(again)
    assert plan.ok and plan.valid_count == 4
    dups = plan.duplicates
    assert [row for row, _number in dups] == [2, 3, 4]
    assert all(number for _row, number in dups)
    outcome = excel.apply(plan)
    assert len(outcome.asset_ids) == 1  # only the projector in 302 is new
    assert "3 rows identical to registered assets were left out" in outcome.summary()
    assert Asset.select().count() == 4
    plan = excel.plan_import(again)
    assert len(plan.duplicates) == 4
    with pytest.raises(UserError, match="identical"):
        excel.apply(plan)
    assert len(excel.apply(plan, include_duplicates=True).asset_ids) == 4
    assert Asset.select().count() == 8


# --- issue 13 item 7: headers as schools write them ----------------------------------

def test_headers_as_schools_write_them(world, tmp_path):
    header = ["资产编号", "资产名称", "资产类别", "规格型号", "单位", "数量", "单价（元）", "总价", "购置时间",
              "存放位置", "使用部门", "责任人"]
    rows = [["", "投影仪", "办公设备", "CB-X06", "台", 2, 3500, 7000, "2025-09-01", "教学楼 301", "总务处", "张伟"]]
    plan = excel.plan_import(workbook(tmp_path / "school.xlsx", rows, header=header))
    assert plan.ok, [str(e) for e in plan.errors]
    for amount, date, place, who in (("金额", "购入时间", "存放地点", "保管人"),
                                     ("总金额", "入账时间", "放置地点", "管理人"),
                                     ("合计金额", "购买时间", "所在地点", "负责人")):
        h = header[:7] + [amount, date, place, "使用部门", who]
        plan = excel.plan_import(workbook(tmp_path / "other.xlsx", rows, header=h))
        assert plan.ok, (h, [str(e) for e in plan.errors])


def test_a_column_mapped_by_the_clerk_is_used_and_remembered(world, tmp_path):
    header = ["资产名称", "资产分类", "数量", "单价", "进校日子", "存放地点"]
    path = workbook(tmp_path / "odd.xlsx", [["投影仪", "办公设备", 1, 3500, "2025-09-01", "教学楼 301"]], header=header)
    plan = excel.plan_import(path)
    assert plan.file_broken and plan.result.missing_columns == ["acquired_on"]
    assert "进校日子" in excel.mappable_headers(plan)
    plan = excel.plan_import(path, mapping={"进校日子": "acquired_on"})
    assert plan.ok and plan.rows[0]["acquired_on"] == dt.date(2025, 9, 1)
    excel.remember_mapping(plan, {"进校日子": "acquired_on"})
    other = workbook(tmp_path / "odd2.xlsx", [["讲台", "家具", 1, 900, "2024-03-01", "教学楼 302"]], header=header)
    plan = excel.plan_import(other)  # the same headers: the mapping is used again
    assert plan.ok and plan.rows[0]["acquired_on"] == dt.date(2024, 3, 1)
    assert audit.verify_chain() == []


# --- issue 13 item 9: place names are kept as written --------------------------------

def test_place_names_are_kept_as_written(world, tmp_path):
    places = ["一(2)班教室", "行政楼办公室", "教学楼303", "实验楼/101物理实验室", "图书馆 二楼阅览室", "实验楼102"]
    rows = [good_row(name=f"物品{i}", place=p) for i, p in enumerate(places)]
    plan = excel.plan_import(workbook(tmp_path / "places.xlsx", rows))
    assert plan.ok, [str(e) for e in plan.errors]
    # 行政楼 and 教学楼 are buildings the school has; 实验楼 is named with a separator in row 5
    assert plan.new_places == ["一(2)班教室", "行政楼 办公室", "教学楼 303", "实验楼 101物理实验室",
                               "图书馆 二楼阅览室", "实验楼 102"]
    ids = excel.apply(plan).asset_ids
    stored = [Asset.get_by_id(i) for i in ids]
    assert [a.name for a in stored] == [f"物品{i}" for i in range(len(places))]  # the spreadsheet's order
    assert [a.place.full_name for a in stored] == plan.new_places
    whole = Place.get(Place.full_name == "一(2)班教室")
    assert whole.name == "一(2)班教室" and whole.parent is None
    assert Place.get(Place.full_name == "行政楼 办公室").parent.name == "行政楼"
    assert audit.verify_chain() == []


def test_new_places_are_stored_as_the_preview_shows_them(database, frozen, tmp_path):
    rows = [good_row(name="显微镜", place="实验楼生物室"), good_row(name="讲台", place="实验楼 101"),
            good_row(name="电脑", place="教学楼203"), good_row(name="钢琴", place="音乐室")]
    header = HEADER[:-2]
    rows = [r[:-2] for r in rows]
    plan = excel.plan_import(workbook(tmp_path / "empty.xlsx", rows, header=header))
    assert plan.ok, [str(e) for e in plan.errors]
    assert plan.new_places == ["实验楼 生物室", "实验楼 101", "教学楼 203", "音乐室"]
    ids = excel.apply(plan).asset_ids
    assert [Asset.get_by_id(i).place.full_name for i in ids] == plan.new_places


# --- issue 13 item 4: a way back from a mistake --------------------------------------

def test_a_whole_import_is_voided_as_one_step_and_nothing_is_deleted(world, tmp_path):
    from logistics_desk.core import integrity
    from logistics_desk.modules.assets.models import AssetEvent

    rows = [good_row(name=f"物品{i}") for i in range(5)]
    ids = excel.apply(excel.plan_import(workbook(tmp_path / "wrong.xlsx", rows))).asset_ids
    batch = service.import_of(Asset.get_by_id(ids[2]))
    assert batch["count"] == 5 and "wrong.xlsx" in batch["summary"] and sorted(batch["ids"]) == sorted(ids)
    with pytest.raises(ValidationError):
        service.void_registrations(batch["ids"], reason="")
    service.transfer(Asset.get_by_id(ids[0]), place=world["r302"].id, reason="搬走")  # touched since
    with pytest.raises(RuleError, match=Asset.get_by_id(ids[0]).number):
        service.void_registrations(batch["ids"], reason="导错了文件")
    assert Asset.select().where(Asset.status == "voided").count() == 0  # nothing half-done
    untouched = ids[1:]
    service.void_registrations(untouched, reason="导错了文件")
    assert Asset.select().count() == 5  # nothing deleted
    assert {a.status for a in Asset.select().where(Asset.id.in_(untouched))} == {"voided"}
    q = service.AssetQuery()
    assert q.count({}) == 1 and q.count({"status": "voided"}) == 4  # gone from the register, still findable
    assert AssetEvent.select().where(AssetEvent.kind == "void").count() == 4
    assert all(e.note == "导错了文件" for e in audit.AuditEntry.select().where(audit.AuditEntry.action == "void"))
    assert integrity.check().ok
    with pytest.raises(RuleError):
        service.void_registrations(untouched[:1], reason="again")


def test_a_registration_made_in_error_is_voided(make_asset):
    a = make_asset()
    service.void_registrations([a.id], reason="重复登记")
    assert Asset.get_by_id(a.id).status == "voided"
    with pytest.raises(ValidationError):
        service.update(Asset.get_by_id(a.id), {"name": "别的"})


# --- issue 13 item 8: registers from the systems schools leave -----------------------

SNIPE_HEADER = ["ID", "Company", "Name", "Asset Tag", "Model", "Model Number", "Category", "Manufacturer", "Serial",
                "Purchase Date", "Purchase Cost", "Order Number", "Supplier", "Location", "Default Location",
                "Checked Out To", "Status", "Warranty", "Notes"]


def snipe_row(tag, name, category, cost="1299.00"):
    return ["1", "Acme School", name, tag, "Latitude 5590", "5590", category, "Dell", f"SN{tag}", "2023-01-15", cost,
            "PO-77", "Dell Inc.", "教学楼 301", "", "", "Ready to Deploy", "36 months", ""]


def test_a_snipe_it_export_imports_with_its_tags_and_mapped_categories(world, tmp_path):
    rows = [snipe_row("100231", "Teacher laptop", "Laptops"), snipe_row("100232", "Teacher laptop 2", "Laptops"),
            snipe_row("100233", "Projector", "Projectors", "499.00")]
    path = workbook(tmp_path / "snipe.xlsx", rows, header=SNIPE_HEADER)
    plan = excel.plan_import(path)
    assert not plan.file_broken, [str(e) for e in plan.errors]
    assert plan.unknown_categories == {"Laptops": 2, "Projectors": 1}  # each offered once
    jsj, bgsb = world["cats"]["JSJ"], world["cats"]["BGSB"]
    excel.remember_category_map({"Laptops": jsj.id, "Projectors": bgsb.id})
    plan = excel.plan_import(path)
    assert plan.ok, [str(e) for e in plan.errors]
    ids = excel.apply(plan).asset_ids
    laptop = Asset.get_by_id(ids[0])
    assert laptop.number == "100231" and laptop.category_id == jsj.id and laptop.serial_no == "SN100231"
    assert laptop.unit_price == Decimal("1299.00") and laptop.acquired_on == dt.date(2023, 1, 15)
    assert laptop.brand == "Dell" and laptop.status == "idle" and laptop.place.full_name == "教学楼 301"


def test_a_glpi_and_a_generic_english_register_are_recognised(world, tmp_path):
    glpi = ["Name", "Inventory number", "Type", "Model", "Manufacturer", "Location", "Status", "Date of purchase",
            "Value", "Serial number", "Comments"]
    row = ["PC-01", "GLPI-0001", "计算机设备", "OptiPlex", "Dell", "教学楼 302", "In use", "2022-09-01", "3999",
           "X1", ""]
    plan = excel.plan_import(workbook(tmp_path / "glpi.xlsx", [row], header=glpi))
    assert plan.ok, [str(e) for e in plan.errors]
    generic = ["Asset Name", "Category", "Qty", "Unit Price", "Date Acquired", "Room", "Custodian"]
    plan = excel.plan_import(workbook(tmp_path / "generic.xlsx", [["Desk", "家具", 4, 300, "2021-03-01",
                                                                   "教学楼 301", "张伟"]], header=generic))
    assert plan.ok, [str(e) for e in plan.errors]
