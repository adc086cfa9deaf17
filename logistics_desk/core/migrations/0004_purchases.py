"""Purchases: budgets, purchase requests with approvals, quotes, deliveries and
acceptance; the office-supply store with issues, counts and movements."""
from peewee import *


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Category(Base):
        class Meta:
            table_name = "category"

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

    class BudgetLine(Base):
        """An annual budget of a department on one budget line (e.g. 办公经费)."""

        id = AutoField()
        year = IntegerField(index=True)
        department = ForeignKeyField(Department, backref="+", on_delete="RESTRICT")
        name = CharField(max_length=100)
        amount = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "purchase_budget"
            indexes = ((("year", "department", "name"), True),)


    class PurchaseRequest(Base):
        id = AutoField()
        number = CharField(max_length=40, unique=True)  # CG-2026-0001
        department = ForeignKeyField(Department, backref="+", on_delete="RESTRICT", index=True)
        requester = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
        requester_name = CharField(max_length=100)
        request_date = DateField(index=True)
        purpose = TextField()
        in_budget = BooleanField(default=True)
        budget_line = ForeignKeyField(BudgetLine, null=True, backref="requests", on_delete="RESTRICT", index=True)
        funding_source = CharField(max_length=100, null=True)
        place = ForeignKeyField(Place, null=True, backref="+", on_delete="RESTRICT")  # where the goods go
        status = CharField(max_length=20, default="draft", index=True)
        total = DecimalField(max_digits=16, decimal_places=2, auto_round=True, default=0, index=True)  # estimated
        order_total = DecimalField(max_digits=16, decimal_places=2, auto_round=True, null=True)
        supplier = ForeignKeyField(Supplier, null=True, backref="+", on_delete="RESTRICT")
        chosen_quote = IntegerField(null=True)
        choice_reason = TextField(null=True)
        buyer_name = CharField(max_length=100, null=True)  # 经办人, recorded at ordering
        ordered_on = DateField(null=True)
        invoice_no = CharField(max_length=100, null=True)
        accepted_on = DateField(null=True)
        cancel_reason = TextField(null=True)
        note = TextField(null=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "purchase_request"
            indexes = ((("budget_line", "status"), False),)


    class PurchaseLine(Base):
        id = AutoField()
        request = ForeignKeyField(PurchaseRequest, backref="lines", on_delete="RESTRICT", index=True)
        seq = IntegerField(default=1)
        name = CharField(max_length=200)
        model_spec = CharField(max_length=200, null=True)
        quantity = IntegerField(default=1)
        unit = CharField(max_length=20, default="件")
        est_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, default=0)
        amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True, default=0)
        kind = CharField(max_length=20, default="consumable")  # asset | consumable
        category = ForeignKeyField(Category, null=True, backref="+", on_delete="RESTRICT")
        price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)  # ordered unit price
        received_qty = IntegerField(default=0)
        asset_mode = CharField(max_length=10, null=True)  # each | batch, chosen at acceptance
        store_item = IntegerField(null=True)  # the store item a consumable line went into

        class Meta:
            table_name = "purchase_line"


    class PurchaseStatusChange(Base):
        """Every move of a request: from, to, who, when, why."""

        id = AutoField()
        request = ForeignKeyField(PurchaseRequest, backref="moves", on_delete="RESTRICT", index=True)
        from_status = CharField(max_length=20, null=True)
        to_status = CharField(max_length=20)
        at = DateTimeField()
        operator = CharField(max_length=100)
        note = TextField(null=True)

        class Meta:
            table_name = "purchase_status_change"


    class PurchaseApproval(Base):
        """One signature as it came back on paper."""

        id = AutoField()
        request = ForeignKeyField(PurchaseRequest, backref="approvals", on_delete="RESTRICT", index=True)
        level = CharField(max_length=100)  # the role, as in the approval-level setting
        approver = CharField(max_length=100)
        decided_on = DateField()
        decision = CharField(max_length=20)  # approved | rejected
        comment = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "purchase_approval"


    class PurchaseQuote(Base):
        id = AutoField()
        request = ForeignKeyField(PurchaseRequest, backref="quotes", on_delete="RESTRICT", index=True)
        supplier = ForeignKeyField(Supplier, backref="+", on_delete="RESTRICT")
        amount = DecimalField(max_digits=16, decimal_places=2, auto_round=True)
        quoted_on = DateField()
        delivery = CharField(max_length=100, null=True)  # delivery time / terms
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "purchase_quote"


    class PurchaseDelivery(Base):
        id = AutoField()
        request = ForeignKeyField(PurchaseRequest, backref="deliveries", on_delete="RESTRICT", index=True)
        line = ForeignKeyField(PurchaseLine, backref="deliveries", on_delete="RESTRICT")
        quantity = IntegerField()
        received_on = DateField()
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "purchase_delivery"


    class PurchaseAcceptance(Base):
        id = AutoField()
        request = ForeignKeyField(PurchaseRequest, backref="acceptances", on_delete="RESTRICT", index=True)
        accepted_on = DateField()
        acceptor1 = CharField(max_length=100)
        acceptor2 = CharField(max_length=100)
        result = CharField(max_length=10)  # pass | fail
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "purchase_acceptance"


    class StoreItem(Base):
        id = AutoField()
        name = CharField(max_length=200, index=True)
        spec = CharField(max_length=200, default="")
        unit = CharField(max_length=20, default="件")
        min_level = IntegerField(default=0)
        stock = IntegerField(default=0)  # kept equal to the sum of its movements
        last_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
        active = BooleanField(default=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "store_item"
            indexes = ((("name", "spec"), True),)


    class StoreIssue(Base):
        """A 领用单: who drew what, signed on paper."""

        id = AutoField()
        doc_no = CharField(max_length=40, unique=True)  # LY-2026-0001
        issued_on = DateField(index=True)
        department = ForeignKeyField(Department, null=True, backref="+", on_delete="RESTRICT")
        person = ForeignKeyField(Person, null=True, backref="+", on_delete="RESTRICT")
        recipient_name = CharField(max_length=100)
        purpose = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "store_issue"


    class StoreCount(Base):
        """The monthly count (月月盘点)."""

        id = AutoField()
        month = CharField(max_length=7, unique=True)  # 2026-11
        doc_no = CharField(max_length=40, unique=True)
        counted_on = DateField()
        counted_by = CharField(max_length=100)
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "store_count"


    class StoreCountLine(Base):
        id = AutoField()
        count = ForeignKeyField(StoreCount, backref="lines", on_delete="RESTRICT", index=True)
        item = ForeignKeyField(StoreItem, backref="+", on_delete="RESTRICT")
        book_qty = IntegerField()
        counted_qty = IntegerField()
        difference = IntegerField()
        note = TextField(null=True)

        class Meta:
            table_name = "store_count_line"


    class StoreMovement(Base):
        id = AutoField()
        item = ForeignKeyField(StoreItem, backref="movements", on_delete="RESTRICT")
        kind = CharField(max_length=20)  # purchase | manual | issue | count
        quantity = IntegerField()  # signed: + in, - out
        balance = IntegerField()  # stock after this movement
        moved_on = DateField(index=True)
        unit_price = DecimalField(max_digits=14, decimal_places=2, auto_round=True, null=True)
        request = ForeignKeyField(PurchaseRequest, null=True, backref="+", on_delete="RESTRICT")
        issue = ForeignKeyField(StoreIssue, null=True, backref="movements", on_delete="RESTRICT")
        count = ForeignKeyField(StoreCount, null=True, backref="+", on_delete="RESTRICT")
        note = TextField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "store_movement"
            indexes = ((("item", "id"), False),)

    db.create_tables([BudgetLine, PurchaseRequest, PurchaseLine, PurchaseStatusChange, PurchaseApproval,
                      PurchaseQuote, PurchaseDelivery, PurchaseAcceptance, StoreItem, StoreIssue, StoreCount,
                      StoreCountLine, StoreMovement], safe=True)
