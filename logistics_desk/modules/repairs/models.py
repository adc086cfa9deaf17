"""The repair log's tables (no Qt): tickets, their parts, the category list,
inspection checklists and the inspections run with them."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ...core.db import BaseModel
from ...core.i18n import N_
from ...core.masterdata import Department, Person, Place, Supplier
from ..assets.api import Asset

# status flow 报修 → 已派工 → 维修中 → 待料 → 已完成 → 已验收, or 已取消
STATUSES = {
    "reported": N_("Reported"),
    "assigned": N_("Assigned"),
    "in_progress": N_("In progress"),
    "waiting_parts": N_("Waiting for parts"),
    "done": N_("Done"),
    "accepted": N_("Accepted"),
    "cancelled": N_("Cancelled"),
}
OPEN_STATUSES = ("reported", "assigned", "in_progress", "waiting_parts")
DONE_STATUSES = ("done", "accepted")
# which status may follow which (validated by the service)
TRANSITIONS = {
    "reported": ("assigned", "in_progress", "done", "cancelled"),
    "assigned": ("reported", "in_progress", "waiting_parts", "done", "cancelled"),
    "in_progress": ("waiting_parts", "done", "cancelled"),
    "waiting_parts": ("in_progress", "done", "cancelled"),
    "done": ("accepted", "in_progress"),  # accepted, or reopened (返工)
    "accepted": (),
    "cancelled": (),
}
URGENCIES = {
    "urgent": N_("Urgent / safety hazard"),  # 紧急/安全隐患
    "minor": N_("Minor repair"),  # 小修
    "major": N_("Major repair"),  # 大修
}
URGENCY_ORDER = ("urgent", "minor", "major")
CAUSES = {
    "wear": N_("Natural wear"),  # 自然损耗
    "accidental": N_("Accidental damage"),  # 意外损坏
    "deliberate": N_("Damage by a person"),  # 人为损坏
    "unknown": N_("Unknown"),  # 不明
}
# the asset register's damage causes for the causes that carry compensation
DAMAGE_CAUSE = {"accidental": "accidental", "deliberate": "deliberate"}
# how the report came in (报修方式)
REPORT_CHANNELS = {
    "slip": N_("Repair slip"),  # 报修单
    "phone": N_("Phone"),  # 电话
    "in_person": N_("In person"),  # 当面
    "other": N_("Other"),  # 其他
}
# the repair category an asset's repairs fall in: words in the asset's name first, then the
# asset category's code (or a parent's). A name not in the school's list is passed over.
ASSET_NAME_CATEGORY = [
    (("空调", "风扇", "吊扇", "电扇", "饮水机", "开水器", "热水器", "消毒柜", "灯", "插座", "配电"), "水电"),
    (("交换机", "路由器", "无线AP", "光猫", "摄像", "监控", "网络"), "网络"),
    (("计算机", "电脑", "打印机", "复印机", "扫描仪", "投影", "一体机", "白板", "智能平板", "交互平板", "录播",
      "广播", "音箱", "功放", "话筒", "显示器", "电视"), "电教设备"),
    (("课桌", "椅", "讲台", "办公桌", "文件柜", "书架", "书柜", "床", "实验台"), "课桌椅"),
    (("门", "窗"), "门窗"),
]
ASSET_CODE_CATEGORY = {
    "JSJ": "电教设备",  # 计算机设备
    "BGSB": "电教设备",  # 办公设备: printers, copiers, projectors
    "TX": "网络",  # 通信设备
    "DQ": "水电",  # 电气设备: air conditioners, fans, water heaters
    "JJ": "课桌椅",  # 家具
    "FW": "房屋建筑",  # 房屋和构筑物
}
DEFAULT_CATEGORIES = ["水电", "门窗", "课桌椅", "电教设备", "网络", "房屋建筑", "其他"]
SCHEDULES = {"daily": N_("Daily"), "weekly": N_("Weekly"), "monthly": N_("Monthly")}


class RepairCategory(BaseModel):
    """The editable list of repair categories (水电, 门窗 ...)."""

    id = AutoField()
    name = CharField(max_length=50, unique=True)
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)

    class Meta:
        table_name = "repair_category"

    def __str__(self) -> str:
        return self.name


class RepairTicket(BaseModel):
    id = AutoField()
    number = CharField(max_length=20, unique=True)  # WX-2026-0001
    reported_at = DateTimeField(index=True)
    reporter = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    reporter_department = ForeignKeyField(Department, null=True, on_delete="RESTRICT", backref="+")  # a class
    reporter_name = CharField(max_length=100)  # as written on the slip
    contact = CharField(max_length=100, null=True)
    place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+", index=True)
    asset = ForeignKeyField(Asset, null=True, on_delete="RESTRICT", backref="repair_tickets", index=True)
    asset_prev_status = CharField(max_length=20, null=True)  # restored when the repair is done
    category = ForeignKeyField(RepairCategory, on_delete="RESTRICT", backref="tickets", index=True)
    description = TextField()
    urgency = CharField(max_length=10, index=True)
    reported_via = CharField(max_length=20, null=True)  # REPORT_CHANNELS; None: not recorded
    due_at = DateTimeField()
    status = CharField(max_length=20, index=True)
    is_open = BooleanField(default=True)
    assignee = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+", index=True)
    assignee_supplier = ForeignKeyField(Supplier, null=True, on_delete="RESTRICT", backref="+", index=True)
    assigned_at = DateTimeField(null=True)
    started_at = DateTimeField(null=True)
    done_at = DateTimeField(null=True, index=True)
    work_done = TextField(null=True)
    parts_cost = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    labour_cost = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    total_cost = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    cause = CharField(max_length=20, null=True)
    responsible_name = CharField(max_length=100, null=True)
    discipline_note = TextField(null=True)
    compensation = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    damage_id = IntegerField(null=True)  # the asset register's damage record
    damage_doc = CharField(max_length=40, null=True)
    accepted_at = DateTimeField(null=True)
    accepted_by = CharField(max_length=100, null=True)
    satisfied = BooleanField(null=True)
    accept_comment = TextField(null=True)
    cancelled_at = DateTimeField(null=True)
    cancel_reason = TextField(null=True)
    source = CharField(max_length=20, default="desk")  # desk | inspection | stocktake | ...
    ref_table = CharField(max_length=40, null=True)
    ref_id = IntegerField(null=True)
    note = TextField(null=True)
    search_text = TextField(default="")  # lower-case words the list searches
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "repair_ticket"
        indexes = (
            (("is_open", "due_at"), False),
            (("is_open", "reported_at"), False),
        )

    def __str__(self) -> str:
        return self.number


class RepairPart(BaseModel):
    id = AutoField()
    ticket = ForeignKeyField(RepairTicket, backref="parts", on_delete="CASCADE")
    name = CharField(max_length=200)
    unit = CharField(max_length=20, null=True)
    quantity = DecimalField(max_digits=12, decimal_places=2, auto_round=True, default=1)
    unit_cost = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    amount = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
    sort_order = IntegerField(default=0)

    class Meta:
        table_name = "repair_part"


class Checklist(BaseModel):
    """An inspection checklist: daily patrol, weekly gas check, monthly fans ..."""

    id = AutoField()
    name = CharField(max_length=100, unique=True)
    schedule = CharField(max_length=10)  # daily | weekly | monthly
    starts_on = DateField()
    category = ForeignKeyField(RepairCategory, null=True, on_delete="RESTRICT", backref="+")
    responsible = CharField(max_length=100, null=True)
    note = TextField(null=True)
    active = BooleanField(default=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "checklist"

    def __str__(self) -> str:
        return self.name


class ChecklistItem(BaseModel):
    id = AutoField()
    checklist = ForeignKeyField(Checklist, backref="items", on_delete="RESTRICT")
    text = CharField(max_length=200)
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)

    class Meta:
        table_name = "checklist_item"


class ChecklistPlace(BaseModel):
    id = AutoField()
    checklist = ForeignKeyField(Checklist, backref="place_links", on_delete="CASCADE")
    place = ForeignKeyField(Place, on_delete="RESTRICT", backref="+")

    class Meta:
        table_name = "checklist_place"
        indexes = ((("checklist", "place"), True),)


class Inspection(BaseModel):
    """One run of a checklist (at one place, if it has places)."""

    id = AutoField()
    number = CharField(max_length=20, unique=True)  # XJ-2026-0001
    checklist = ForeignKeyField(Checklist, backref="inspections", on_delete="RESTRICT")
    place = ForeignKeyField(Place, null=True, on_delete="RESTRICT", backref="+")
    inspected_at = DateTimeField(index=True)
    inspector = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")
    inspector_name = CharField(max_length=100)
    items_checked = IntegerField(default=0)
    problems = IntegerField(default=0)
    note = TextField(null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "inspection"
        indexes = ((("checklist", "inspected_at"), False),)


class InspectionResult(BaseModel):
    id = AutoField()
    inspection = ForeignKeyField(Inspection, backref="results", on_delete="RESTRICT")
    item = ForeignKeyField(ChecklistItem, null=True, on_delete="RESTRICT", backref="+")
    item_text = CharField(max_length=200)  # as it read when checked
    ok = BooleanField()
    note = TextField(null=True)
    ticket = ForeignKeyField(RepairTicket, null=True, on_delete="RESTRICT", backref="+")
    sort_order = IntegerField(default=0)

    class Meta:
        table_name = "inspection_result"


MODELS = [RepairCategory, RepairTicket, RepairPart, Checklist, ChecklistItem, ChecklistPlace, Inspection,
          InspectionResult]


def overdue_count(now) -> int:
    """Open tickets past their deadline at ``now``: for the list's summary and for the tab's badge while
    the window starts (this file, unlike the service, is quick to import)."""
    from ...core.accounts import own_person  # a repair worker logged in: the tickets assigned to them

    query = RepairTicket.select().where((RepairTicket.is_open == True) & (RepairTicket.due_at < now))  # noqa: E712
    mine = own_person()
    if mine is not None:
        query = query.where(RepairTicket.assignee == mine)
    return query.count()
