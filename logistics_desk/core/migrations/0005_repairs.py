"""The repair log: tickets, their parts, repair categories, inspection checklists and inspections."""
from peewee import *


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Department(Base):
        class Meta:
            table_name = "department"

    class Person(Base):
        class Meta:
            table_name = "person"

    class Place(Base):
        class Meta:
            table_name = "place"

    class Supplier(Base):
        class Meta:
            table_name = "supplier"

    class Asset(Base):
        class Meta:
            table_name = "asset"

    class RepairCategory(Base):
        """The editable list of repair categories (水电, 门窗 ...)."""

        id = AutoField()
        name = CharField(max_length=50, unique=True)
        sort_order = IntegerField(default=0)
        active = BooleanField(default=True)

        class Meta:
            table_name = "repair_category"



    class RepairTicket(Base):
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



    class RepairPart(Base):
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


    class Checklist(Base):
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



    class ChecklistItem(Base):
        id = AutoField()
        checklist = ForeignKeyField(Checklist, backref="items", on_delete="RESTRICT")
        text = CharField(max_length=200)
        sort_order = IntegerField(default=0)
        active = BooleanField(default=True)

        class Meta:
            table_name = "checklist_item"


    class ChecklistPlace(Base):
        id = AutoField()
        checklist = ForeignKeyField(Checklist, backref="place_links", on_delete="CASCADE")
        place = ForeignKeyField(Place, on_delete="RESTRICT", backref="+")

        class Meta:
            table_name = "checklist_place"
            indexes = ((("checklist", "place"), True),)


    class Inspection(Base):
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


    class InspectionResult(Base):
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

    db.create_tables([RepairCategory, RepairTicket, RepairPart, Checklist, ChecklistItem, ChecklistPlace,
                      Inspection, InspectionResult], safe=True)
    if not RepairCategory.select().exists():
        for i, name in enumerate(["水电", "门窗", "课桌椅", "电教设备", "网络", "房屋建筑", "其他"]):
            RepairCategory.create(name=name, sort_order=i + 1)
