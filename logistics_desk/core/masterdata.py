"""Master data every module shares: the school, terms, departments and classes,
places (building -> room), people, suppliers and asset categories.

All writes go through ``save`` / ``set_active`` here: validated, in one
transaction, with their change-record entries. Records are deactivated,
never deleted, once anything may refer to them.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from peewee import (
    JOIN,
    AutoField,
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from . import audit, clock, pinyin, textsort
from .db import BaseModel, database
from .errors import NotFound, RuleError, ValidationError
from .i18n import N_, tr


class SearchKeyField(CharField):
    """A column derived from others: the search key (characters, pinyin, initials; ``core.pinyin``) of a
    record's name, computed whenever the record is saved. Not part of the change record (``derived``)."""

    derived = True

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 1000)
        kwargs.setdefault("null", True)
        kwargs.setdefault("index", True)
        super().__init__(**kwargs)

    def db_value(self, value):
        # cut to the column's length: PostgreSQL refuses a longer value (SQLite stored it whole); the
        # readings cut off are the far end of a very long name's
        value = super().db_value(value)
        return value[: self.max_length] if isinstance(value, str) else value


class _Searchable:
    """A record whose ``search_key`` follows its name (``KEY_SOURCE``), on every save."""

    KEY_SOURCE = "name"

    def save(self, *args, **kwargs):
        self.search_key = pinyin.search_key(getattr(self, self.KEY_SOURCE)) or None
        return super().save(*args, **kwargs)


class Term(BaseModel):
    id = AutoField()
    name = CharField(max_length=100, unique=True)
    start_date = DateField()
    end_date = DateField()

    class Meta:
        table_name = "term"

    def __str__(self) -> str:
        return self.name


DEPARTMENT_KINDS = {"department": N_("Department"), "class": N_("Class")}


class Department(_Searchable, BaseModel):
    id = AutoField()
    name = CharField(max_length=100, unique=True)
    kind = CharField(max_length=20, default="department")  # department | class
    code = CharField(max_length=20, null=True)
    head = CharField(max_length=100, null=True)  # 负责人 / 班主任
    active = BooleanField(default=True)
    search_key = SearchKeyField()

    class Meta:
        table_name = "department"

    def __str__(self) -> str:
        return self.name


PLACE_KINDS = {"building": N_("Building"), "room": N_("Room")}


class Place(_Searchable, BaseModel):
    id = AutoField()
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    kind = CharField(max_length=20, default="room")  # building | room
    name = CharField(max_length=100)
    full_name = CharField(max_length=200, unique=True)
    sort_order = IntegerField(default=0)  # the order a room is walked in
    active = BooleanField(default=True)
    search_key = SearchKeyField()

    KEY_SOURCE = "full_name"

    class Meta:
        table_name = "place"

    def __str__(self) -> str:
        return self.full_name


class Person(_Searchable, BaseModel):
    id = AutoField()
    name = CharField(max_length=100, index=True)
    department = ForeignKeyField(Department, null=True, backref="people", on_delete="RESTRICT")
    title = CharField(max_length=100, null=True)  # 职务
    phone = CharField(max_length=50, null=True)
    is_canteen_staff = BooleanField(default=False)
    active = BooleanField(default=True)
    search_key = SearchKeyField()

    class Meta:
        table_name = "person"

    def __str__(self) -> str:
        return self.name


class Supplier(_Searchable, BaseModel):
    id = AutoField()
    name = CharField(max_length=200, unique=True)
    contact = CharField(max_length=100, null=True)
    phone = CharField(max_length=50, null=True)
    address = CharField(max_length=200, null=True)
    note = TextField(null=True)
    active = BooleanField(default=True)
    search_key = SearchKeyField()

    class Meta:
        table_name = "supplier"

    def __str__(self) -> str:
        return self.name


class Category(_Searchable, BaseModel):
    id = AutoField()
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    code = CharField(max_length=20, unique=True)  # ASCII, used in asset numbers
    name = CharField(max_length=100)
    gb_code = CharField(max_length=20, null=True)  # GB/T 14885 class code
    useful_life_years = IntegerField(null=True)  # None: inherit from the parent
    depreciable = BooleanField(default=True)
    special_equipment = BooleanField(default=False)  # threshold for special equipment
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)
    search_key = SearchKeyField()

    class Meta:
        table_name = "category"

    def __str__(self) -> str:
        return self.name


MODELS = [Term, Department, Place, Person, Supplier, Category]


# --- reading ---------------------------------------------------------------

def get(model, record_id: int):
    row = model.get_or_none(model.id == record_id)
    if row is None:
        raise NotFound(tr("The record no longer exists."))
    return row


class Rows(list):
    """Records in natural order (a list; ``first()`` as on a query)."""

    def first(self):
        return self[0] if self else None


def _name_of(record) -> str:
    return record.full_name if isinstance(record, Place) else record.name


def natural(records, key=None) -> Rows:
    """``records`` in natural order (``core.textsort``): 初一 < 初二 < 初三, (2)班 < (12)班, room 201 < 1001,
    then by pinyin; ``key(record)`` gives the text (default: the name, a place's full name)."""
    key = key or _name_of
    return Rows(sorted(records, key=lambda r: textsort.sort_key(key(r))))


def active(model, by: str | tuple[str, ...] = ()) -> Rows:
    """The active records of a master-data table (a model or its name: "department") in natural order
    (categories: in their own order), or ordered ``by`` field names ("-kind" descending: ("-kind", "id"))."""
    if isinstance(model, str):
        model = _model(model)
    q = model.select().where(model.active == True)  # noqa: E712
    if by:
        names = (by,) if isinstance(by, str) else by
        return Rows(q.order_by(*(getattr(model, n[1:]).desc() if n.startswith("-") else getattr(model, n)
                                 for n in names)))
    if model is Category:
        return Rows(q.order_by(Category.sort_order, Category.code))
    if model is Place:
        return Rows(sorted(q, key=lambda p: (p.sort_order, textsort.sort_key(p.full_name))))
    return natural(q)


def departments(kind: str | None = None, include_inactive: bool = False) -> Rows:
    """Departments and classes (``kind`` "department" or "class" for one of them): departments first, then
    classes in school order (初一(1)班 … 初三(12)班, 高一 …)."""
    q = Department.select()
    if kind is not None:
        q = q.where(Department.kind == kind)
    if not include_inactive:
        q = q.where(Department.active == True)  # noqa: E712
    return Rows(sorted(q, key=lambda d: (d.kind == "class", textsort.sort_key(d.name))))


def people(include_inactive: bool = False) -> Rows:
    """People in pinyin order of their names."""
    q = Person.select()
    if not include_inactive:
        q = q.where(Person.active == True)  # noqa: E712
    return natural(q)


def buildings(include_inactive: bool = False) -> Rows:
    """Buildings in their walking order (``sort_order``), then in natural order."""
    q = Place.select().where(Place.kind == "building")
    if not include_inactive:
        q = q.where(Place.active == True)  # noqa: E712
    return Rows(sorted(q, key=lambda p: (p.sort_order, textsort.sort_key(p.name))))


def rooms(building: Place | None = None, include_inactive: bool = False) -> Rows:
    """Rooms (of one building) in their walking order (``sort_order``), then by number: 201 < 1001."""
    q = Place.select().where(Place.kind == "room")
    if building is not None:
        q = q.where(Place.parent == building)
    if not include_inactive:
        q = q.where(Place.active == True)  # noqa: E712
    return Rows(sorted(q, key=lambda p: (p.sort_order, textsort.sort_key(p.full_name))))


def place_choices(include_inactive: bool = False) -> list[tuple[str, int, str | None]]:
    """(label, id, building) for a pick list of places: each building, then its rooms as "教学楼 · 201",
    in walking and natural order; the third item is the building's name (a group for the list)."""
    out = []
    for b in buildings(include_inactive):
        out.append((b.name, b.id, b.name))
        out += [(f"{b.name} · {r.name}", r.id, b.name) for r in rooms(b, include_inactive)]
    return out


def places_in(place: Place) -> list[int]:
    """Ids of a place and, for a building, all its rooms."""
    ids = [place.id]
    if place.kind == "building":
        ids += [p.id for p in Place.select(Place.id).where(Place.parent == place)]
    return ids


def category_life_years(category: Category | None) -> int | None:
    """Useful life in years (inherited from the parent), None if not depreciated."""
    seen = 0
    while category is not None and seen < 10:
        if not category.depreciable:
            return None
        if category.useful_life_years:
            return category.useful_life_years
        category = category.parent
        seen += 1
    return None


def category_is_special(category: Category | None) -> bool:
    while category is not None:
        if category.special_equipment:
            return True
        category = category.parent
    return False


def category_path(category: Category) -> str:
    names = []
    while category is not None:
        names.append(category.name)
        category = category.parent
    return " / ".join(reversed(names))


def current_term(on: _dt.date | None = None) -> Term | None:
    on = on or clock.today()
    return (Term.select().where((Term.start_date <= on) & (Term.end_date >= on)).first()
            or Term.select().order_by(Term.start_date.desc()).first())


# --- finding by text (imports, scanning) -----------------------------------

_SEP = re.compile(r"[\s/\\\-—>·|]+")


def normalize_place_text(text: str) -> str:
    return _SEP.sub("", text or "").strip()


def split_place_text(text: str) -> tuple[str, str | None]:
    """'教学楼301' -> ('教学楼', '301'); '教学楼/三楼办公室' -> ('教学楼', '三楼办公室')."""
    text = (text or "").strip()
    parts = [p for p in re.split(r"\s*[/\\>|·—]\s*|\s+|-", text) if p]
    if len(parts) >= 2:
        return parts[0], "".join(parts[1:])
    m = re.match(r"^(.+?(?:楼|馆|室|堂|园|场|房|中心))(.+)$", text)
    if m:
        return m.group(1), m.group(2)
    m = re.match(r"^(\D+?)(\d.*)$", text)
    if m:
        return m.group(1), m.group(2)
    return text, None


def find_place(text: str) -> Place | None:
    key = normalize_place_text(text)
    if not key:
        return None
    for place in Place.select().where(Place.full_name == text.strip()):
        return place
    for place in Place.select().where(fn.REPLACE(Place.full_name, " ", "") == key):
        return place
    return None


def place_full_name(building: str, room: str | None) -> str:
    return f"{building} {room}" if room else building


def find_or_create_place(text: str) -> tuple[Place, bool]:
    """The place a text names, creating building and room if needed."""
    found = find_place(text)
    if found is not None:
        return found, False
    building_name, room_name = split_place_text(text)
    building = Place.get_or_none((Place.kind == "building") & (Place.name == building_name))
    created = False
    if building is None:
        building = save(Place, {"kind": "building", "name": building_name})
        created = True
    if room_name is None:
        return building, created
    room = save(Place, {"kind": "room", "name": room_name, "parent": building.id})
    return room, True


def find_department(name: str) -> Department | None:
    name = (name or "").strip()
    return Department.get_or_none(Department.name == name) if name else None


def find_or_create_department(name: str) -> tuple[Department, bool]:
    found = find_department(name)
    if found:
        return found, False
    kind = "class" if re.search(r"班$|\(\d+\)|（\d+）", name.strip()) else "department"
    return save(Department, {"name": name.strip(), "kind": kind}), True


def find_person(name: str, department: Department | None = None) -> Person | None:
    name = (name or "").strip()
    if not name:
        return None
    q = Person.select().where(Person.name == name)
    if department is not None:
        exact = q.where(Person.department == department).first()
        if exact:
            return exact
    return q.order_by(Person.active.desc(), Person.id).first()


def find_or_create_person(name: str, department: Department | None = None) -> tuple[Person, bool]:
    found = find_person(name, department)
    if found:
        return found, False
    return save(Person, {"name": name.strip(), "department": department.id if department else None}), True


def find_category(text: str) -> Category | None:
    text = (text or "").strip()
    if not text:
        return None
    return (Category.get_or_none(Category.code == text.upper())
            or Category.get_or_none(Category.name == text)
            or Category.get_or_none(Category.gb_code == text))


def find_supplier(name: str) -> Supplier | None:
    name = (name or "").strip()
    return Supplier.get_or_none(Supplier.name == name) if name else None


def find_or_create_supplier(name: str) -> tuple[Supplier, bool]:
    found = find_supplier(name)
    if found:
        return found, False
    return save(Supplier, {"name": name.strip()}), True


# --- writing ---------------------------------------------------------------

REQUIRED = {
    Term: ["name", "start_date", "end_date"],
    Department: ["name"],
    Place: ["name"],
    Person: ["name"],
    Supplier: ["name"],
    Category: ["name", "code"],
}


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in values.items():
        if isinstance(v, str):
            v = v.strip()
            if v == "":
                v = None
        elif isinstance(v, BaseModel):  # a record given for a foreign key: store its id
            v = v.id
        out[k] = v
    return out


def _fk_id(value: Any) -> int | None:
    return value.id if isinstance(value, BaseModel) else value


def _validate(model, values: dict[str, Any], record) -> dict[str, str]:
    errors: dict[str, str] = {}
    for field in REQUIRED[model]:
        if values.get(field) in (None, ""):
            errors[field] = tr("This field is required.")
    for field_name, field in model._meta.fields.items():
        value = values.get(field_name)
        if isinstance(field, CharField) and isinstance(value, str) and len(value) > field.max_length \
                and field_name not in errors and field_name != "full_name":
            errors[field_name] = tr("At most {n} characters.").format(n=field.max_length)
    name = values.get("name")
    if model is Term:
        for field in ("start_date", "end_date"):
            if field not in errors and not isinstance(values.get(field), _dt.date):
                errors[field] = tr("Enter a date.")
        if not errors and values["end_date"] <= values["start_date"]:
            errors["end_date"] = tr("The term must end after it starts.")
        if not errors:
            q = Term.select().where((Term.start_date <= values["end_date"]) & (Term.end_date >= values["start_date"]))
            if record is not None:
                q = q.where(Term.id != record.id)
            other = q.first()
            if other is not None:
                errors["start_date"] = tr("These dates overlap the term “{name}” ({start} – {end}).").format(
                    name=other.name, start=other.start_date, end=other.end_date)
    if model is Department and values.get("kind") not in DEPARTMENT_KINDS:
        errors["kind"] = tr("Choose department or class.")
    if model is Person and values.get("department") is not None:
        if not Department.select().where(Department.id == _fk_id(values["department"])).exists():
            errors["department"] = tr("The record no longer exists.")
    if model is Category:
        code = values.get("code")
        if code and "code" not in errors and not re.fullmatch(r"[A-Z0-9]{1,10}", code):
            errors["code"] = tr("Use 1–10 capital letters or digits (it becomes part of asset numbers).")
        life = values.get("useful_life_years")
        if life is not None and (isinstance(life, bool) or not isinstance(life, int) or life < 1 or life > 100):
            errors["useful_life_years"] = tr("Enter a useful life between 1 and 100 years.")
        parent = _fk_id(values.get("parent"))
        if parent is not None:
            node = Category.get_or_none(Category.id == parent)
            if node is None:
                errors["parent"] = tr("The record no longer exists.")
            while node is not None and record is not None:
                if node.id == record.id:
                    errors["parent"] = tr("A category cannot be placed under itself or one of its subcategories.")
                    break
                node = node.parent
    if model is Place:
        parent = _fk_id(values.get("parent"))
        if values.get("kind") not in PLACE_KINDS:
            errors["kind"] = tr("Choose building or room.")
        elif values.get("kind") == "room" and not parent:
            errors["parent"] = tr("Choose the building this room is in.")
        elif values.get("kind") == "building" and parent:
            errors["parent"] = tr("A building is not inside another place.")
        elif values.get("kind") == "room":
            building = Place.get_or_none(Place.id == parent)
            if building is None or building.kind != "building":
                errors["parent"] = tr("Choose the building this room is in.")
            elif record is not None and record.kind == "building" and \
                    Place.select().where(Place.parent == record).exists():
                errors["kind"] = tr("This building has rooms: it cannot become a room.")
    unique_field = {Term: "name", Department: "name", Supplier: "name", Category: "code"}.get(model)
    if unique_field and values.get(unique_field) and unique_field not in errors:
        q = model.select().where(getattr(model, unique_field) == values[unique_field])
        if record is not None:
            q = q.where(model.id != record.id)
        if q.exists():
            errors[unique_field] = tr("“{value}” already exists.").format(value=values[unique_field])
    if model is Place and name and "name" not in errors and "parent" not in errors:
        full = _place_full_name(values)
        q = Place.select().where(Place.full_name == full)
        if record is not None:
            q = q.where(Place.id != record.id)
        if q.exists():
            errors["name"] = tr("“{value}” already exists.").format(value=full)
    return errors


def _place_full_name(values: dict[str, Any]) -> str:
    if values.get("kind") == "room" and values.get("parent"):
        parent = Place.get_by_id(_fk_id(values["parent"]))
        return place_full_name(parent.name, values["name"])
    return values["name"]


def save(model, values: dict[str, Any], record=None):
    """Create (record=None) or update a master-data record; validated and audited.

    ``values`` holds field names (foreign keys as ids or records); raises
    ``ValidationError({field: message})`` and writes nothing when a value is
    wrong. Renaming a building renames its rooms' full names too.
    """
    values = _clean(values)
    if model is Category and isinstance(values.get("code"), str):
        values["code"] = values["code"].upper()
    if record is not None:
        merged = audit.snapshot(record)
        merged.update(values)
    else:
        merged = dict(values)
    if model is Place:
        merged.setdefault("kind", "room" if merged.get("parent") else "building")
    if record is None:  # the model's defaults for what was not given (e.g. kind "department")
        for field_name, field in model._meta.fields.items():
            if field.default is not None and not callable(field.default):
                merged.setdefault(field_name, field.default)
    errors = _validate(model, merged, record)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        if model is Place:
            values["full_name"] = _place_full_name(merged)
            values.setdefault("kind", merged["kind"])
        if record is None:
            record = model.create(**values)
            audit.record_create(record)
        else:
            before = audit.snapshot(record)
            for k, v in values.items():
                setattr(record, k if not k.endswith("_id") else k, v)
            record.save()
            audit.record_update(record, before)
            if model is Place and record.kind == "building":
                for room in Place.select().where(Place.parent == record):
                    save(Place, {"name": room.name}, room)
    return record


def set_active(record, active_flag: bool, reason: str | None = None) -> None:
    """Deactivate (hide from choice lists) or reactivate a record; nothing is deleted.

    Deactivating a building deactivates its rooms, and a category its
    subcategories. A room or subcategory cannot be reactivated while its
    building or parent category is inactive (``RuleError``).
    """
    model = type(record)
    if active_flag and model in (Place, Category) and record.parent_id is not None:
        parent = model.get_or_none(model.id == record.parent_id)
        if parent is not None and not parent.active:
            raise RuleError(tr("Reactivate “{name}” first: it contains this record.").format(name=parent.name))
    with database.atomic():
        targets = [record]
        if not active_flag and model in (Place, Category):
            targets += _descendants(model, record)
        for target in targets:
            if bool(target.active) == bool(active_flag):
                continue
            before = audit.snapshot(target, ["active"])
            target.active = active_flag
            target.save()
            audit.record_update(target, before, action="activate" if active_flag else "deactivate", note=reason)


def _descendants(model, record) -> list:
    out, frontier = [], [record.id]
    while frontier:
        children = list(model.select().where(model.parent.in_(frontier)))
        out += children
        frontier = [c.id for c in children]
    return out


def reorder(records: list) -> None:
    """Give ``records`` (siblings: rooms of a building, buildings, categories) the
    order they are listed in (``sort_order`` 1, 2, ...); audited, one transaction."""
    with database.atomic():
        for position, record in enumerate(records, start=1):
            if record.sort_order != position:
                before = audit.snapshot(record, ["sort_order"])
                record.sort_order = position
                record.save()
                audit.record_update(record, before)


# --- what the settings pages show (a page names its table: "person", "place", ...) -------------

TABLES = {m._meta.table_name: m for m in MODELS}


def _model(table: str):
    try:
        return TABLES[table]
    except KeyError:
        raise NotFound(tr("The record no longer exists.")) from None


def _page_order(model) -> list:
    return {Term: [Term.start_date.desc()], Department: [Department.kind.desc(), Department.name],
            Place: [Place.sort_order, Place.name], Person: [Person.name], Supplier: [Supplier.name],
            Category: [Category.sort_order, Category.code]}[model]


def find_record(table: str, record_id: int | None):
    """The record ``record_id`` of a master-data table ("person", "place"...), None if there is none."""
    if record_id is None:
        return None
    model = _model(table)
    return model.get_or_none(model.id == record_id)


def listing(table: str, include_inactive: bool = False) -> Rows:
    """A settings page's list: terms newest first; departments, then classes, by name; people (with their
    department) and suppliers by name; places and categories in their walk order."""
    model = _model(table)
    q = Person.select(Person, Department).join(Department, JOIN.LEFT_OUTER) if model is Person else model.select()
    if not include_inactive and "active" in model._meta.fields:
        q = q.where(model.active == True)  # noqa: E712
    return Rows(q.order_by(*_page_order(model)))


def siblings(record) -> Rows:
    """The records ``record`` is ordered among (``reorder``), in their order: the buildings, the rooms of its
    building, the categories under its parent (deactivated ones too)."""
    model = type(record)
    if model is Place and record.kind == "building":
        q = Place.select().where(Place.kind == "building")
    elif record.parent_id is not None:
        q = model.select().where(model.parent == record.parent_id)
    else:
        q = model.select().where(model.parent.is_null())
    return Rows(q.order_by(*_page_order(model)))


def next_position(table: str, parent: int | None = None) -> int:
    """The ``sort_order`` a new record takes to come last: a building among the buildings (``parent`` None),
    a room among its building's rooms, a category among all categories."""
    if table == "category":
        return (Category.select(Category.sort_order).order_by(Category.sort_order.desc()).scalar() or 0) + 1
    q = Place.select().where(Place.kind == "building") if parent is None else \
        Place.select().where(Place.parent == parent)
    return max((p.sort_order for p in q), default=0) + 1


def save_record(table: str, values: dict[str, Any], record=None):
    """``save`` for a table named by a settings page ("person", "place"...)."""
    return save(_model(table), values, record)


def department_choices(current: int | None = None) -> Rows:
    """Departments for a pick list (departments, then classes, by name): the active ones and ``current``."""
    q = Department.select().where((Department.active == True) | (Department.id == current))  # noqa: E712
    return Rows(q.order_by(Department.kind.desc(), Department.name))


def building_choices(current: int | None = None) -> Rows:
    """Buildings for a pick list, in walk order: the active ones and ``current``."""
    q = Place.select().where((Place.kind == "building")
                             & ((Place.active == True) | (Place.id == current)))  # noqa: E712
    return Rows(q.order_by(Place.sort_order, Place.name))


def people_with_departments() -> Rows:
    """The active people by name, each with its department read in the same query."""
    return Rows(Person.select(Person, Department)
                .join(Department, JOIN.LEFT_OUTER, on=(Person.department == Department.id))
                .where(Person.active == True).order_by(Person.name))  # noqa: E712


def latest_term() -> Term | None:
    """The term that ends last."""
    return Term.select().order_by(Term.end_date.desc()).first()


def field_kind(table: str, key: str) -> str | None:
    """How a history shows a stored value of ``table.key``: "link" (a record's id), "check" (a tick),
    "text", or None when the table has no such field."""
    field = TABLES[table]._meta.fields.get(key) if table in TABLES else None
    if field is None:
        return None
    if isinstance(field, ForeignKeyField):
        return "link"
    return "check" if isinstance(field, BooleanField) else "text"


def max_length(table: str, key: str) -> int | None:
    """The most characters ``table.key`` holds (a text field), None when unlimited or not text."""
    field = TABLES[table]._meta.fields.get(key) if table in TABLES else None
    return field.max_length if isinstance(field, CharField) else None


def linked_record(table: str, key: str, record_id: int):
    """The record a link field ``table.key`` pointed to (``record_id``), None if it is gone."""
    field = TABLES[table]._meta.fields[key]
    return field.rel_model.get_or_none(field.rel_model.id == record_id)


# --- the school's profile ---------------------------------------------------

def school_name() -> str:
    from . import settings

    return settings.get("school.name") or tr("(School name not set)")
