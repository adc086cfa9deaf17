"""The asset register in Excel: export, the import template, and import (no Qt).

Import is two steps so that nothing is written before everything is checked:

1. ``read_file(path)`` parses the workbook or CSV (pure: no database; the GUI
   runs it in a worker), then ``check(result)`` checks every row against the
   database (categories, numbers already used, places/departments/people/
   suppliers that will be created) and returns an ``ImportPlan``.
   ``plan_import(path)`` does both.
2. ``apply(plan, only_valid=False)`` writes everything in one transaction:
   refused while any row is bad unless ``only_valid``; ``cancelled()`` → nothing
   is written.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from peewee import JOIN

from ...core import audit, clock, masterdata, settings
from ...core import excel as xl
from ...core.db import database
from ...core.errors import UserError
from ...core.i18n import N_, join_list, ntr, tr
from ...core.masterdata import Category, Department, Person, Place, Supplier
from . import service
from .models import SOURCES, STATUSES, Asset

# The largest unit price the register takes (as the asset form: below 100 billion yuan) and the largest
# amount it can keep (quantity × unit price, 14 digits before the decimal point)
MAX_UNIT_PRICE = Decimal("99999999999.99")
MAX_AMOUNT = Decimal("99999999999999.99")
APPLY_PIECE = 10_000  # rows handed to service.register_many at a time, all in one transaction

# Chinese spellings a register may use, besides the interface's own labels
_STATUS_SPELLINGS = {
    "在用": "in_use", "正常": "in_use", "使用中": "in_use", "闲置": "idle", "借出": "lent", "外借": "lent",
    "维修中": "repair", "在修": "repair", "维修": "repair", "待修": "repair",
    "盘亏待批": "shortage", "盘亏": "shortage",
    "丢失": "lost", "遗失": "lost", "已处置": "disposed", "报废": "disposed", "已报废": "disposed", "处置": "disposed",
    # Snipe-IT and GLPI status labels
    "Ready to Deploy": "idle", "Deployable": "idle", "Pending": "idle", "Deployed": "in_use", "In stock": "idle",
    "Stock": "idle", "Broken": "repair", "Out for Repair": "repair", "Out for Diagnostics": "repair",
    "Lost/Stolen": "lost", "Stolen": "lost", "Archived": "disposed", "Retired": "disposed",
}
_SOURCE_SPELLINGS = {
    "购置": "purchase", "采购": "purchase", "购买": "purchase", "新购": "purchase", "捐赠": "donation",
    "受赠": "donation", "接受捐赠": "donation", "调入": "transfer_in", "划拨": "transfer_in", "无偿调入": "transfer_in",
    "自制": "self_made", "自建": "self_made", "其他": "other",
}


def _choices(labels: dict[str, str], spellings: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, label in labels.items():
        out[tr(label)] = code
    for code, label in labels.items():
        out.setdefault(label, code)
    for spelling, code in spellings.items():
        out.setdefault(spelling, code)
    return out


def import_columns() -> list[xl.ColumnSpec]:
    """The columns an imported register may have (headers in Chinese or English, any order)."""
    C = xl.ColumnSpec
    return [
        C("number", ("资产编号", "编号", "资产代码", "资产条码", "条码", "固定资产编号", "资产卡片编号", "卡片编号",
                     "资产标签", "标签号", "Asset No.", "Number", "Asset Tag", "Tag", "Asset ID",
                     "Inventory number", "Inventory No."), "text",
          max_length=40, label=N_("Asset number"), help=N_("Leave empty: the program assigns the next number")),
        C("name", ("资产名称", "名称", "品名", "物品名称", "设备名称", "资产名", "器材名称", "仪器名称", "设备名",
                   "Name", "Asset Name", "Item",
                   "Item Name"), "text", required=True, max_length=200,
          label=N_("Asset name")),
        C("category", ("资产分类", "分类", "类别", "资产类别", "分类名称", "类别名称", "资产类型", "类型",
                       "Category", "Type", "Asset Type"), "text", required=True,
          label=N_("Asset category"), help=N_("A category name or code from the settings, e.g. 通用设备 or TY")),
        C("category_code", ("分类代码", "分类编码", "类别代码"), "text", label=N_("Category code")),
        C("model_spec", ("规格型号", "型号", "规格", "型号规格", "规格/型号", "型号及规格", "规格及型号", "Model",
                         "Model Number",
                         "Model No.", "Specification"), "text", max_length=200,
          label=N_("Model / specification")),
        C("brand", ("品牌", "厂牌", "生产厂家", "厂家", "Manufacturer", "Brand", "Make"), "text", max_length=100,
          label=N_("Brand")),
        C("unit", ("计量单位", "单位", "计量", "Unit", "UOM"), "text", max_length=20, label=N_("Unit of measure")),
        C("quantity", ("数量", "台数", "件数", "实有数量", "账面数量", "Quantity", "Qty"), "int", min_value=1,
          max_value=1_000_000, label=N_("Quantity"),
          help=N_("Empty: 1")),
        C("unit_price", ("单价", "价格", "原值", "单位价格", "单台价格", "单件价格", "Purchase Cost", "Unit Price",
                             "Unit Cost", "Cost", "Price", "Value"), "money", min_value=Decimal(0),
          max_value=MAX_UNIT_PRICE, label=N_("Unit price")),
        C("amount", ("金额", "总价", "总金额", "合计金额", "原值合计", "总额", "总价值", "金额合计", "合计",
                     "Total", "Total Cost",
                        "Amount"), "money", min_value=Decimal(0),
          max_value=MAX_AMOUNT, label=N_("Amount"), help=N_("Quantity × unit price; may be left empty")),
        C("acquired_on", ("购置日期", "取得日期", "购入日期", "入账日期", "购买日期", "购进日期", "购置时间",
                          "取得时间",
                           "购入时间", "入账时间", "购买时间", "购进时间", "采购日期", "采购时间", "购置年月",
                           "入库日期", "入库时间", "登记日期", "Purchase Date", "Date of purchase",
                           "Date Acquired", "Acquisition Date", "Acquired", "Purchased"), "date",
          required=True, month_ok=True, label=N_("Acquisition date")),
        C("source", ("取得方式", "来源", "资产来源"), "choice", choices=_choices(SOURCES, _SOURCE_SPELLINGS),
          label=N_("Acquisition source")),
        C("supplier", ("供应商", "供货单位", "供货商", "销售单位", "供货方", "Supplier", "Vendor"), "text",
          max_length=200, label=N_("Supplier")),
        C("invoice_no", ("发票号", "发票号码", "Invoice", "Invoice number", "Invoice No."), "text", max_length=100,
          label=N_("Invoice number")),
        C("funding_source", ("经费来源", "资金来源", "经费", "资金性质", "Funding", "Funding Source"), "text",
          max_length=100,
          label=N_("Funding source")),
        C("place", ("存放地点", "地点", "位置", "存放位置", "所在位置", "使用地点", "存放处", "放置地点", "放置位置",
                     "所在地点", "安放地点", "存放场所", "使用位置", "Location", "Room", "Place"), "text",
          max_length=200, label=N_("Storage place")),
        C("department", ("使用部门", "部门", "使用部门/班级", "部门/班级", "班级", "使用单位", "使用科室", "所属部门",
                          "管理部门", "使用班级", "Department"), "text",
          max_length=100, label=N_("Department or class")),
        C("custodian", ("保管人", "使用人", "责任人", "领用人", "保管员", "管理人", "负责人", "保管责任人",
                        "使用者", "Custodian", "Checked Out To", "Assigned To", "User", "Owner"), "text",
          max_length=100,
          label=N_("Custodian")),
        C("status", ("状态", "使用状态", "资产状态", "Status"), "choice",
          choices=_choices({k: v for k, v in STATUSES.items() if k != "voided"}, _STATUS_SPELLINGS),
          label=N_("Status"), help=N_("Empty: in use")),
        C("warranty_end", ("保修截止", "保修期至", "保修到期", "保修截止日期", "保修期", "Warranty Expires",
                             "Warranty expiration date"), "date",
          label=N_("Warranty until")),
        C("serial_no", ("序列号", "出厂编号", "SN", "S/N", "设备序列号", "Serial", "Serial number"), "text",
          max_length=100, label=N_("Serial number")),
        C("note", ("备注", "说明", "备考", "附注", "Notes", "Comments"), "text", max_length=2000, normalize=False,
          label=N_("Notes")),
    ]


# --- export ------------------------------------------------------------------------

def export_columns() -> list[xl.WriteColumn]:
    W = xl.WriteColumn
    return [
        W("number", tr("Asset number")), W("name", tr("Asset name")), W("category", tr("Asset category")),
        W("category_code", tr("Category code")), W("model_spec", tr("Model / specification")), W("brand", tr("Brand")),
        W("unit", tr("Unit of measure")), W("quantity", tr("Quantity"), "int"), W("unit_price", tr("Unit price"),
                                                                                  "money"),
        W("amount", tr("Amount"), "money"), W("acquired_on", tr("Acquisition date"), "date"),
        W("source_label", tr("Acquisition source")), W("supplier", tr("Supplier")), W("invoice_no",
                                                                                      tr("Invoice number")),
        W("funding_source", tr("Funding source")), W("place", tr("Storage place")),
        W("department", tr("Department or class")), W("custodian", tr("Custodian")),
        W("status_label", tr("Status")), W("warranty_end", tr("Warranty until"), "date"),
        W("serial_no", tr("Serial number")), W("net_book_value", tr("Net book value"), "money"),
        W("note", tr("Notes")),
    ]


class _NetValue:
    """Net book value for exported rows without one query per row."""

    def __init__(self, on: _dt.date):
        self.on = on
        self.life = {c.id: masterdata.category_life_years(c) for c in Category.select()}

    def __call__(self, row: dict) -> Decimal | None:
        life = self.life.get(row["category_id"])
        if life is None or row.get("low_value"):
            return None
        total = life * 12
        months = min(service.months_depreciated(row["acquired_on"], self.on), total)
        value = Decimal(row["amount"])
        return (value - value * months / total).quantize(service.CENT)


def export(path: str | os.PathLike, filters: dict | None = None, progress: Callable | None = None,
           cancelled: Callable | None = None, sort_key: str | None = "number", descending: bool = False) -> int:
    """Write the register (all, or what ``filters`` select) to .xlsx; returns the number of rows."""
    query = service.AssetQuery()
    total = query.count(filters)
    nbv = _NetValue(clock.today())

    def rows():
        for row in query.iter_rows(filters, sort_key, descending):
            row["net_book_value"] = nbv(row)
            yield row

    return xl.write_table(path, tr("Asset register"), export_columns(), rows(), progress, cancelled, total=total)


def write_template(path: str | os.PathLike) -> None:
    example = {
        "number": "", "name": "台式计算机", "category": "计算机设备", "model_spec": "联想 启天M430",
        "brand": "联想", "unit": "台", "quantity": 1, "unit_price": Decimal("4200.00"),
        "acquired_on": _dt.date(2025, 9, 1), "source": "购置", "supplier": "联想（北京）有限公司",
        "invoice_no": "", "funding_source": "公用经费", "place": "教学楼 301", "department": "初一(1)班",
        "custodian": "张伟", "status": "在用", "warranty_end": _dt.date(2028, 8, 31), "serial_no": "",
        "note": "",
    }
    desks = dict(example, name="学生课桌椅", category="家具", model_spec="单人升降", brand="", unit="套",
                 quantity=50, unit_price=Decimal("180.00"), supplier="育才课桌椅厂", warranty_end=None)
    columns = [c for c in import_columns() if c.key != "category_code"]
    xl.write_template(path, columns, [example, desks], tr("Asset register"))


# --- import -------------------------------------------------------------------------

@dataclass
class ImportPlan:
    """What an import would do: the checked rows, the errors, the master data it creates."""

    path: str
    result: xl.ReadResult
    rows: list[dict] = field(default_factory=list)  # clean values of the good rows (names for links)
    new_places: list[str] = field(default_factory=list)
    new_departments: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)
    new_suppliers: list[str] = field(default_factory=list)
    rows_read: int = 0
    unknown_categories: dict[str, int] = field(default_factory=dict)  # category as written -> rows
    header_mapping: dict[str, str] | None = None  # the clerk's {file header: column} it was read with

    @property
    def errors(self) -> list[xl.RowError]:
        return self.result.errors

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def valid_count(self) -> int:
        return len(self.rows)

    def mappable_headers(self) -> list[str]:
        """The file's headers no column took: what a missing column can be mapped to."""
        return list(self.result.extra_columns)

    @property
    def duplicates(self) -> list[tuple[int, str]]:
        """(file row, asset number) of the good rows identical to a registered asset: probably imported before."""
        return [(r["_row"], r["_duplicate_of"]) for r in self.rows if r.get("_duplicate_of")]

    @property
    def invalid_count(self) -> int:
        return len(self.result.invalid_rows())

    @property
    def file_broken(self) -> bool:
        """The file itself cannot be imported (e.g. a required column is missing)."""
        return bool(self.result.file_errors)

    def forget_good_cells(self) -> None:
        """Drop the cells of the good rows once checked: ``rows`` holds what
        is imported, and the bad rows, the errors and every count stay. A
        100,000-row import then needs about half the memory."""
        self.rows_read = self.rows_read or len(self.result.rows)
        self.result.rows = self.result.invalid_rows()

    def new_master_lines(self) -> list[str]:
        out = []
        for label, items in ((N_("New places"), self.new_places),
                             (N_("New departments / classes"), self.new_departments),
                             (N_("New people"), self.new_people), (N_("New suppliers"), self.new_suppliers)):
            if items:
                out.append(tr("{label} ({n}): {items}").format(label=tr(label), n=len(items), items=join_list(items)))
        return out

    def report_lines(self) -> list[str]:
        """The row report as text (CLI, logs)."""
        lines = [tr("{file}: {rows} rows read, {good} good, {bad} with errors.").format(
            file=os.path.basename(self.path), rows=self.rows_read or len(self.result.rows), good=self.valid_count,
            bad=self.invalid_count)]
        lines += [str(e) for e in self.errors]
        lines += self.duplicate_lines()
        lines += self.new_master_lines()
        return lines

    def duplicate_lines(self, limit: int = 20) -> list[str]:
        """The probable duplicates as text: how many, and which rows match which assets."""
        dups = self.duplicates
        if not dups:
            return []
        shown = join_list(tr("row {row} = {number}").format(row=r, number=n) for r, n in dups[:limit])
        return [tr("{n} rows are identical to registered assets (name, specification, place, date, price, "
                   "quantity) and are probably imported already; they are left out unless included: {rows}")
                .format(n=len(dups), rows=shown + ("…" if len(dups) > limit else ""))]


def mapped_columns(mapping: dict[str, str] | None = None) -> list[xl.ColumnSpec]:
    """``import_columns()`` with the file's own headers added as names: ``mapping`` is {file header: column key}
    (the clerk's choice wins over a built-in spelling of another column)."""
    columns = import_columns()
    if not mapping:
        return columns
    keys = {c.key for c in columns}
    for header, key in mapping.items():
        if key not in keys:
            raise UserError(tr("Unknown column to map {header} to: {key}").format(header=header, key=key))
    folded = {xl.fold_header(h): key for h, key in mapping.items()}
    out = []
    for c in columns:
        names = [n for n in c.names if folded.get(xl.fold_header(n), c.key) == c.key]
        names += [h for h, key in mapping.items() if key == c.key]
        out.append(dataclasses.replace(c, names=tuple(names)))
    return out


def column_key(text: str) -> str | None:
    """The column a field name stands for (its key, a header spelling, or its label in either language)."""
    folded = xl.fold_header(text)
    for c in import_columns():
        if folded in {xl.fold_header(c.key)} | {xl.fold_header(n) for n in c.aliases()}:
            return c.key
    return None


def mappable_headers(plan: ImportPlan) -> list[str]:
    return plan.mappable_headers()


def _headers_signature(result: xl.ReadResult) -> str | None:
    headers = sorted(xl.fold_header(h) for h in list(result.headers.values()) + list(result.extra_columns))
    if not headers:
        return None
    return "assets.import_map." + hashlib.sha1("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]


def remembered_mapping(result: xl.ReadResult) -> dict[str, str] | None:
    """The mapping the clerk chose for a file with the same headers, if any (and if it is needed)."""
    if not result.missing_columns:
        return None
    key = _headers_signature(result)
    found = settings.get(key) if key else None
    return dict(found) if found else None


def remember_mapping(plan: ImportPlan, mapping: dict[str, str]) -> None:
    """Keep the clerk's mapping for files with the same headers (a setting, in the change record)."""
    key = _headers_signature(plan.result)
    if key and mapping:
        settings.set(key, dict(mapping))


def read_file(path: str | os.PathLike, progress: Callable | None = None, cancelled: Callable | None = None,
              mapping: dict[str, str] | None = None) -> xl.ReadResult:
    """Parse the file (no database access: safe in a worker thread)."""
    return xl.read_table(path, mapped_columns(mapping), progress, cancelled)


def _category_finder() -> Callable[[str], Category | None]:
    cats = list(Category.select())
    by_key: dict[str, Category] = {}
    for c in cats:  # the more specific spellings win: code, then name, then GB code
        if c.gb_code:
            by_key.setdefault(xl.fold(c.gb_code), c)
    for c in cats:
        by_key[xl.fold(c.name)] = c
    for c in cats:
        by_key[xl.fold(c.code)] = c
    paths = {xl.fold(masterdata.category_path(c)): c for c in cats}

    def find(text: str) -> Category | None:
        key = xl.fold(text)
        if not key:
            return None
        found = by_key.get(key) or paths.get(key)
        if found is None and "/" in key:
            found = by_key.get(key.rsplit("/", 1)[-1])
        return found

    return find


def _place_key(text: str) -> str:
    return masterdata.normalize_place_text(text)


_PLACE_SEPARATOR = re.compile(r"\s*[/\\>|·—]\s*|\s+")
_NUMBERED_ROOM = re.compile(r"^(\D+?[楼馆])(\d+\D{0,6})$")


def split_place(text: str, buildings: Iterable[str]) -> tuple[str, str | None]:
    """(building, room) of a place as written: split only at an explicit separator ('教学楼 301',
    '实验楼/101') or after a building the school has ('行政楼办公室' when 行政楼 exists); otherwise the
    whole text is one place ('一(2)班教室')."""
    text = " ".join((text or "").split())
    parts = [p for p in _PLACE_SEPARATOR.split(text) if p]
    if len(parts) >= 2:
        return parts[0], " ".join(parts[1:])
    for building in sorted(buildings, key=len, reverse=True):
        if building and text.startswith(building) and len(text) > len(building):
            return building, text[len(building):]
    numbered = _NUMBERED_ROOM.match(text)  # 教学楼101: a building and its room number
    if numbered:
        return numbered.group(1), numbered.group(2)
    return text, None


def _find_or_create_place(text: str, buildings: set[str]) -> Place:
    """The place a row names: an existing one (spaces aside), else created as ``split_place`` reads it."""
    found = masterdata.find_place(text)
    if found is not None:
        return found
    building_name, room_name = split_place(text, buildings)
    building = Place.get_or_none((Place.kind == "building") & (Place.name == building_name))
    if building is None:
        building = masterdata.save(Place, {"kind": "building", "name": building_name})
        buildings.add(building_name)
    if room_name is None:
        return building
    return masterdata.save(Place, {"kind": "room", "name": room_name, "parent": building.id})


CATEGORY_MAP_KEY = "assets.import_category_map"


def remember_category_map(mapping: dict[str, int]) -> None:
    """Keep the clerk's choice of one of the school's categories for categories other systems use
    ({category as written: category id}; a setting, in the change record)."""
    stored = dict(settings.get(CATEGORY_MAP_KEY) or {})
    codes = {c.id: c.code for c in Category.select(Category.id, Category.code)}
    for text, category_id in mapping.items():
        if category_id not in codes:
            raise UserError(tr("Unknown category: {name}").format(name=category_id))
        stored[xl.fold(text)] = codes[category_id]
    settings.set(CATEGORY_MAP_KEY, stored)


def check(result: xl.ReadResult, path: str | os.PathLike = "", category_map: dict[str,
                                                                                  str] | None = None) -> ImportPlan:
    """Check every row against the database; nothing is written. ``category_map``: {category as written:
    a category of the school (name or code)}, besides the ones remembered."""
    plan = ImportPlan(str(path), result, rows_read=len(result.rows))
    if result.file_errors:
        return plan
    find_category = _category_lookup(category_map)
    today = clock.today()
    known = _Known(result)
    numbers_in_file, existing = _numbers(result)
    for row in result.rows:
        v = row.values
        category = _check_category(row, find_category, plan)
        number = v.get("number")
        if number:
            _check_number(row, number, numbers_in_file, existing, result)
        qty, price = _check_amounts(row, result)
        acquired, warranty = _check_status_and_dates(row, today, result)
        if not row.ok:
            continue
        place_stored = known.add(v)
        plan.rows.append({
            "_row": row.row, "_place_stored": place_stored,
            "number": number or None, "name": v["name"], "category": category.id,
            "model_spec": v.get("model_spec"), "brand": v.get("brand"), "unit": v.get("unit") or "件",
            "quantity": qty, "unit_price": price if price is not None else Decimal("0.00"),
            "acquired_on": acquired, "source": v.get("source") or "purchase", "supplier": v.get("supplier"),
            "invoice_no": v.get("invoice_no"), "funding_source": v.get("funding_source"), "place": v.get("place"),
            "department": v.get("department"), "custodian": v.get("custodian"), "status": v.get("status") or "in_use",
            "warranty_end": warranty, "serial_no": v.get("serial_no"), "note": v.get("note") or None,
        })
    _mark_duplicates(plan.rows)
    plan.new_places = list(known.new_places.values())
    plan.new_departments = list(known.new_departments.values())
    plan.new_people = list(known.new_people.values())
    plan.new_suppliers = list(known.new_suppliers.values())
    return plan


def _category_lookup(category_map: dict[str, str] | None) -> Callable[[str], Category | None]:
    """A category by name or code, else by the mapping remembered or given now (refused if it names none)."""
    found_category = _category_finder()
    remembered = dict(settings.get(CATEGORY_MAP_KEY) or {})
    for text, ours in (category_map or {}).items():
        if found_category(ours) is None:
            raise UserError(tr("Unknown category: {name}").format(name=ours))
        remembered[xl.fold(text)] = ours

    def find_category(text):
        return found_category(text) or (found_category(remembered[xl.fold(text)])
                                        if xl.fold(text) in remembered else None)

    return find_category


class _Known:
    """The places, departments, people and suppliers the database holds, and the new ones the file names."""

    def __init__(self, result: xl.ReadResult):
        self.places = {_place_key(p.full_name): p.full_name for p in Place.select(Place.full_name)}
        self.buildings = {name for (name,) in Place.select(Place.name).where(Place.kind == "building").tuples()}
        for row in result.rows:  # buildings the file itself names ('实验楼 101' makes 实验楼生物室 read the same way)
            parts = [p for p in _PLACE_SEPARATOR.split(" ".join(str(row.values.get("place") or "").split())) if p]
            if len(parts) >= 2:
                self.buildings.add(parts[0])
        self.departments = {xl.fold(d.name) for d in Department.select(Department.name)}
        self.people = {xl.fold(p.name) for p in Person.select(Person.name)}
        self.suppliers = {xl.fold(s.name) for s in Supplier.select(Supplier.name)}
        self.new_places: dict[str, str] = {}
        self.new_departments: dict[str, str] = {}
        self.new_people: dict[str, str] = {}
        self.new_suppliers: dict[str, str] = {}

    def add(self, v) -> str | None:
        """Notes the row's place, department, custodian and supplier that are new; returns the place's
        name as it will be stored."""
        places = self.places
        place = v.get("place")
        if place and _place_key(place) not in places:
            building, room = split_place(place, self.buildings)
            self.buildings.add(building)
            full = masterdata.place_full_name(building, room)
            if _place_key(full) in places:  # '教学楼 / 301' is the place 教学楼 301
                full = places[_place_key(full)]
            else:
                self.new_places.setdefault(_place_key(full), full)
            places[_place_key(place)] = full
            places[_place_key(full)] = full
        dept = v.get("department")
        if dept and xl.fold(dept) not in self.departments:
            self.new_departments.setdefault(xl.fold(dept), dept.strip())
        who = v.get("custodian")
        if who and xl.fold(who) not in self.people:
            self.new_people.setdefault(xl.fold(who), who.strip())
        sup = v.get("supplier")
        if sup and xl.fold(sup) not in self.suppliers:
            self.new_suppliers.setdefault(xl.fold(sup), sup.strip())
        return places[_place_key(place)] if place else None


def _numbers(result: xl.ReadResult) -> tuple[dict[str, int], set[str]]:
    """The numbers the file gives (number → its first row) and those of them already registered."""
    numbers_in_file: dict[str, int] = {}
    for row in result.rows:
        number = row.values.get("number")
        if number:
            numbers_in_file.setdefault(number, row.row)
    existing: set[str] = set()
    listed = list(numbers_in_file)
    for i in range(0, len(listed), 500):
        chunk = listed[i:i + 500]
        existing |= {n for (n,) in Asset.select(Asset.number).where(Asset.number.in_(chunk)).tuples()}
    return numbers_in_file, existing


def _check_category(row: xl.RowData, find_category, plan: ImportPlan) -> Category | None:
    """The row's category by code, else by name; an unknown one is counted (to be mapped) and marked."""
    v = row.values
    result = plan.result
    category = None
    if v.get("category_code"):
        category = find_category(v["category_code"])
    if category is None and v.get("category"):
        category = find_category(v["category"])
        if category is None:
            written = v["category"].strip()
            plan.unknown_categories[written] = plan.unknown_categories.get(written, 0) + 1
            result.add_error(row, "category", tr("Unknown category: add it in the settings or use an existing "
                                                 "one."))
    elif category is None and v.get("category_code"):
        result.add_error(row, "category_code", tr("Unknown category: add it in the settings or use an existing "
                                                  "one."))
    return category


def _check_number(row: xl.RowData, number: str, numbers_in_file: dict[str, int], existing: set[str],
                  result: xl.ReadResult) -> None:
    """A number a scanner can type, given once in the file and not yet registered."""
    if not service.NUMBER_RE.match(number):
        result.add_error(row, "number", tr("Use letters, digits and - . / _ only (a scanner must be able to "
                                           "type it)."))
    elif numbers_in_file.get(number) != row.row:
        result.add_error(row, "number", tr("The number repeats row {row} of the file.").format(
            row=numbers_in_file[number]))
    elif number in existing:
        result.add_error(row, "number", tr("Asset number {number} already exists.").format(number=number))


def _check_amounts(row: xl.RowData, result: xl.ReadResult):
    """Quantity, unit price and amount agree (a price from the amount when only that is given) and stay
    within the limits; returns (quantity, unit price)."""
    v = row.values
    qty = v.get("quantity") or 1
    price, amount = v.get("unit_price"), v.get("amount")
    if price is None and amount is not None and not _bad(row, "amount"):
        price = (amount / qty).quantize(service.CENT)
        if price * qty != amount:
            result.add_error(row, "amount", tr("The amount cannot be divided into a unit price in fen; give the "
                                               "unit price."))
        elif price > MAX_UNIT_PRICE:  # the amount must not carry a unit price the price column would refuse
            result.add_error(row, "amount", tr("The amount gives a unit price of {price}, above the limit of "
                                               "{max}.").format(price=f"{price:,.2f}",
                                                                max=f"{MAX_UNIT_PRICE:,.2f}"))
    elif price is None and not _bad(row, "unit_price") and not _bad(row, "amount"):
        result.add_error(row, "unit_price", tr("Give the unit price or the amount."), value="")
    elif price is not None and amount is not None and abs(price * qty - amount) > Decimal("0.01"):
        result.add_error(row, "amount", tr("The amount is not quantity × unit price ({expected}).").format(
            expected=f"{price * qty:,.2f}"))
    if price is not None and row.ok and price * qty > MAX_AMOUNT:
        result.add_error(row, "quantity", tr("Quantity × unit price is {amount}, above the largest amount the "
                                             "register keeps ({max}).").format(amount=f"{price * qty:,.2f}",
                                                                               max=f"{MAX_AMOUNT:,.2f}"))
    return qty, price


def _check_status_and_dates(row: xl.RowData, today, result: xl.ReadResult):
    """A new asset is in use or idle, acquired by today, its warranty ending after; returns the two dates."""
    v = row.values
    if v.get("status") == "voided":
        result.add_error(row, "status", tr("A new asset is in use or idle."))
    acquired = v.get("acquired_on")
    if acquired and acquired > today:
        result.add_error(row, "acquired_on", tr("The acquisition date cannot be in the future."))
    warranty = v.get("warranty_end")
    if warranty and acquired and warranty < acquired:
        result.add_error(row, "warranty_end", tr("The warranty cannot end before the acquisition date."))
    return acquired, warranty


def _duplicate_key(name, model_spec, place_full, acquired_on, unit_price, quantity) -> tuple:
    return (xl.fold(name or ""), xl.fold(model_spec or ""), _place_key(place_full) if place_full else "",
            acquired_on, Decimal(unit_price).quantize(service.CENT), int(quantity))


def _mark_duplicates(rows: list[dict]) -> None:
    """Mark (``_duplicate_of``) the rows without an asset number of their own that are identical to a
    registered asset in name, specification, place, acquisition date, unit price and quantity: a file
    imported twice, or rows copied from the register."""
    names = sorted({r["name"] for r in rows})
    registered: dict[tuple, str] = {}
    for i in range(0, len(names), 500):
        query = (Asset.select(Asset.number, Asset.name, Asset.model_spec, Place.full_name, Asset.acquired_on,
                              Asset.unit_price, Asset.quantity)
                 .join(Place, join_type=JOIN.LEFT_OUTER, on=(Asset.place == Place.id))
                 .where(Asset.name.in_(names[i:i + 500]), Asset.status != "voided")
                 .order_by(Asset.id).tuples())
        for number, name, spec, place, acquired, price, qty in query:
            registered.setdefault(_duplicate_key(name, spec, place, acquired, price, qty), number)
    for r in rows:
        if r.get("number"):  # a row with its own new tag number is its own item (40 identical chairs, each tagged);
            r["_duplicate_of"] = None  # a number already registered is refused as a row error instead
            continue
        r["_duplicate_of"] = registered.get(_duplicate_key(r["name"], r["model_spec"], r["_place_stored"],
                                                           r["acquired_on"], r["unit_price"], r["quantity"]))


def _bad(row: xl.RowData, key: str) -> bool:
    """The cell already has an error (from parsing)."""
    return key in row.raw and row.raw.get(key) not in (None, "") and row.values.get(key) is None


def plan_import(path: str | os.PathLike, progress: Callable | None = None, cancelled: Callable | None = None,
                mapping: dict[str, str] | None = None, category_map: dict[str, str] | None = None) -> ImportPlan:
    """Read and check the file; without ``mapping``, one remembered for files with the same headers is used."""
    result = read_file(path, progress, cancelled, mapping)
    if mapping is None:
        remembered = remembered_mapping(result)
        if remembered:
            result = read_file(path, progress, cancelled, remembered)
    return check(result, path, category_map)


def _mark_low_value(rows: list[dict]) -> None:
    """Set each row's ``low_value`` as ``service.is_low_value`` decides it,
    asking it a few times per category instead of once per distinct price
    (it reads the settings each time): low value means below the category's
    threshold, so the first price that is not low value is found by bisection."""
    prices: dict[int, set[Decimal]] = {}
    for row in rows:
        prices.setdefault(row["category"], set()).add(row["unit_price"])
    categories = {c.id: c for c in Category.select().where(Category.id.in_(list(prices)))}
    first_not_low: dict[int, Decimal | None] = {}
    for category_id, found in prices.items():
        ordered = sorted(found)
        lo, hi = 0, len(ordered)
        while lo < hi:
            mid = (lo + hi) // 2
            if service.is_low_value(ordered[mid], categories[category_id]):
                lo = mid + 1
            else:
                hi = mid
        first_not_low[category_id] = ordered[lo] if lo < len(ordered) else None
    for row in rows:
        limit = first_not_low[row["category"]]
        row["low_value"] = limit is None or row["unit_price"] < limit


@dataclass
class ImportOutcome:
    asset_ids: list[int]
    skipped_rows: int
    created: list[str]
    skipped_duplicates: int = 0

    def summary(self) -> str:
        text = ntr(N_("1 asset imported."), N_("{n} assets imported."), len(self.asset_ids))
        if self.skipped_rows:
            text += " " + ntr(N_("1 row with errors was left out."), N_("{n} rows with errors were left out."),
                              self.skipped_rows)
        if self.skipped_duplicates:
            text += " " + tr("{n} rows identical to registered assets were left out.").format(
                n=self.skipped_duplicates)
        if self.created:
            text += "\n" + "\n".join(self.created)
        return text


def _rows_to_import(plan: ImportPlan, only_valid: bool, include_duplicates: bool) -> list[dict]:
    """The plan's rows to write; refused when the file is broken, a row is wrong (unless ``only_valid``)
    or nothing is left."""
    if plan.file_broken:
        raise UserError("\n".join(str(e) for e in plan.result.file_errors))
    if not plan.ok and not only_valid:
        raise UserError(tr("{n} rows have errors: nothing was imported. Correct the file, or import only the valid "
                           "rows.")
                        .format(n=plan.invalid_count))
    if not plan.rows:
        raise UserError(tr("There is no valid row to import."))
    todo = plan.rows if include_duplicates else [r for r in plan.rows if not r.get("_duplicate_of")]
    if not todo:
        raise UserError(tr("Every row is identical to an asset already registered (the file was probably imported "
                           "before): nothing was imported. Include the duplicates to import them anyway."))
    return todo


class _Linker:
    """Turns an import row's place, department, custodian and supplier into ids, creating the new ones
    once each (inside the import's transaction)."""

    def __init__(self):
        self.place_ids: dict[str, int] = {}
        self.buildings = {name for (name,) in Place.select(Place.name).where(Place.kind == "building").tuples()}
        self.dept_ids: dict[str, int] = {}
        self.homes: dict[int, int | None] = {}  # department id -> the home of its people (None for a class)
        self.people_ids: dict[tuple[str, int | None], int] = {}
        self.supplier_ids: dict[str, int] = {}

    def linked(self, r: dict) -> dict:
        """The row with its place, department, custodian and supplier as ids (created when new)."""
        row = {k: v for k, v in r.items() if not k.startswith("_")}
        if r["place"]:
            key = _place_key(r["place"])
            if key not in self.place_ids:
                # as the preview showed it: the name worked out by check()
                self.place_ids[key] = _find_or_create_place(r.get("_place_stored") or r["place"], self.buildings).id
            row["place"] = self.place_ids[key]
        dept = None
        if r["department"]:
            key = xl.fold(r["department"])
            if key not in self.dept_ids:
                self.dept_ids[key] = masterdata.find_or_create_department(r["department"])[0].id
            dept = self.dept_ids[key]
            row["department"] = dept
        if r["custodian"]:
            if dept and dept not in self.homes:
                found = Department.get_by_id(dept)
                self.homes[dept] = found.id if found.kind == "department" else None
            home_id = self.homes.get(dept) if dept else None
            key = (xl.fold(r["custodian"]), home_id)  # the person found depends on the name and home only
            if key not in self.people_ids:
                home = Department.get_by_id(home_id) if home_id else None
                self.people_ids[key] = masterdata.find_or_create_person(r["custodian"], home)[0].id
            row["custodian"] = self.people_ids[key]
        if r["supplier"]:
            key = xl.fold(r["supplier"])
            if key not in self.supplier_ids:
                self.supplier_ids[key] = masterdata.find_or_create_supplier(r["supplier"])[0].id
            row["supplier"] = self.supplier_ids[key]
        return row


def apply(plan: ImportPlan, *, only_valid: bool = False, include_duplicates: bool = False,
          progress: Callable | None = None, cancelled: Callable | None = None) -> ImportOutcome:
    """Write the plan in one transaction: the assets in pieces of ``APPLY_PIECE`` rows, each after the
    places, departments, people and suppliers it needs. Rows identical to registered assets
    (``plan.duplicates``) are left out unless ``include_duplicates``."""
    todo = _rows_to_import(plan, only_valid, include_duplicates)
    source_name = os.path.basename(plan.path) if plan.path else ""
    summary = audit.sentence(N_("Imported from {file}"), file=source_name) if source_name else None
    total = len(todo)
    ids: list[int] = []
    with database.atomic():
        linker = _Linker()
        # in pieces inside the one transaction: only a piece's rows are held twice at a time
        for start in range(0, total, APPLY_PIECE):
            rows = [linker.linked(r) for r in todo[start:start + APPLY_PIECE]]
            _mark_low_value(rows)
            piece_progress = None if progress is None else (
                lambda done, _n, start=start: progress(start + done, total))
            ids += service.register_many(rows, event_kind="import", event_summary=summary, progress=piece_progress,
                                         cancelled=cancelled)
    return ImportOutcome(ids, plan.invalid_count, plan.new_master_lines(), len(plan.rows) - len(todo))
