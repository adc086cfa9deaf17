"""Core tables: settings, counters, the change record and master data;
the asset categories of GB/T 14885 with useful lives from 政府会计准则第3号应用指南."""
from peewee import *


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Setting(Base):
        key = CharField(primary_key=True, max_length=100)
        value = TextField()

    class Counter(Base):
        key = CharField(primary_key=True, max_length=100)
        value = IntegerField(default=0)

    class AuditEntry(Base):
        ts = DateTimeField(index=True)
        operator = CharField(max_length=100)
        table_name = CharField(max_length=64)
        record_id = IntegerField(null=True)
        action = CharField(max_length=32)
        field = CharField(max_length=64, null=True)
        old_value = TextField(null=True)
        new_value = TextField(null=True)
        note = TextField(null=True)
        prev_hash = CharField(max_length=64)
        hash = CharField(max_length=64)

        class Meta:
            table_name = "audit_entry"
            indexes = ((("table_name", "record_id"), False),)

    class Term(Base):
        name = CharField(max_length=100, unique=True)
        start_date = DateField()
        end_date = DateField()

    class Department(Base):
        name = CharField(max_length=100, unique=True)
        kind = CharField(max_length=20, default="department")
        code = CharField(max_length=20, null=True)
        head = CharField(max_length=100, null=True)
        active = BooleanField(default=True)

    class Place(Base):
        parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
        kind = CharField(max_length=20, default="room")
        name = CharField(max_length=100)
        full_name = CharField(max_length=200, unique=True)
        sort_order = IntegerField(default=0)
        active = BooleanField(default=True)

    class Person(Base):
        name = CharField(max_length=100, index=True)
        department = ForeignKeyField(Department, null=True, backref="people", on_delete="RESTRICT")
        title = CharField(max_length=100, null=True)
        phone = CharField(max_length=50, null=True)
        is_canteen_staff = BooleanField(default=False)
        active = BooleanField(default=True)

    class Supplier(Base):
        name = CharField(max_length=200, unique=True)
        contact = CharField(max_length=100, null=True)
        phone = CharField(max_length=50, null=True)
        address = CharField(max_length=200, null=True)
        note = TextField(null=True)
        active = BooleanField(default=True)

    class Category(Base):
        parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
        code = CharField(max_length=20, unique=True)
        name = CharField(max_length=100)
        gb_code = CharField(max_length=20, null=True)
        useful_life_years = IntegerField(null=True)
        depreciable = BooleanField(default=True)
        special_equipment = BooleanField(default=False)
        sort_order = IntegerField(default=0)
        active = BooleanField(default=True)

    db.create_tables([Setting, Counter, AuditEntry, Term, Department, Place, Person, Supplier, Category], safe=True)

    if Category.select().exists():
        return
    # (code, name, gb_code, life years or None, depreciable, special, children)
    tree = [
        ("FW", "房屋和构筑物", "1", None, True, False, [
            ("FWG", "钢结构、钢筋混凝土结构房屋", "101", 50, True, False),
            ("FWZ", "砖混、砖木结构房屋", "102", 30, True, False),
            ("JYF", "简易房", "103", 8, True, False),
            ("GZW", "构筑物及附属设施", "104", 8, True, False),
            ("TD", "土地", "105", None, False, False),
        ]),
        ("SB", "设备", "2", None, True, False, [
            ("TY", "通用设备", "201", 6, True, False),
            ("ZY", "专用设备", "202", 10, True, True),
        ]),
        ("WW", "文物和陈列品", "3", None, False, False, []),
        ("TS", "图书和档案", "4", None, False, False, []),
        ("JY", "家具和用具", "5", 15, True, False, [
            ("JJ", "家具", "501", 15, True, False),
            ("YJ", "用具、装具", "502", 5, True, False),
        ]),
        ("DZW", "特种动植物", "6", None, False, False, []),
        ("WZ", "物资", "7", None, False, False, []),
        ("WXZC", "无形资产", "8", None, False, False, []),
    ]
    general = [
        ("JSJ", "计算机设备", "20101", 6),
        ("BGSB", "办公设备", "20102", 6),
        ("CL", "车辆", "20103", 8),
        ("JX", "机械设备", "20104", 10),
        ("DQ", "电气设备", "20105", 5),
        ("TX", "通信设备", "20106", 5),
        ("YQ", "仪器仪表", "20107", 5),
    ]
    order = 0
    for code, name, gb, life, dep, special, children in tree:
        order += 1
        parent = Category.create(code=code, name=name, gb_code=gb, useful_life_years=life,
                                 depreciable=dep, special_equipment=special, sort_order=order)
        for c_code, c_name, c_gb, c_life, c_dep, c_special in children:
            order += 1
            child = Category.create(parent=parent, code=c_code, name=c_name, gb_code=c_gb,
                                    useful_life_years=c_life, depreciable=c_dep,
                                    special_equipment=c_special, sort_order=order)
            if c_code == "TY":
                for g_code, g_name, g_gb, g_life in general:
                    order += 1
                    Category.create(parent=child, code=g_code, name=g_name, gb_code=g_gb,
                                    useful_life_years=g_life, depreciable=True, sort_order=order)
