"""Search by pinyin: a search key beside each name, filled in for the records already there.

``person`` / ``place`` / ``department`` / ``supplier`` / ``category``.``search_key``
(indexed): the name (a place's full name) lower-cased, with its full pinyin and
initials for every reading (``core.pinyin.search_key``: 张伟 → "张伟 zhangwei zw").
``asset.search_text``: the same for what the register's filter searches in one
column (number, name, model, brand, serial number), so a filter is one LIKE.

Frozen field definitions; a column or index that already exists is left alone, and
only empty keys are filled (idempotent). The keys are derived data: no change-record
entries.
"""
from peewee import CharField

from logistics_desk.core import pinyin

MASTER = (("person", "name"), ("place", "full_name"), ("department", "name"), ("supplier", "name"),
          ("category", "name"))
ASSET_FIELDS = ("number", "name", "model_spec", "brand", "serial_no")


def up(migrator, db):
    wanted = [(table, "search_key", CharField(max_length=1000, null=True)) for table, _ in MASTER]
    wanted.append(("asset", "search_text", CharField(max_length=4000, null=True)))
    for table, column, field in wanted:
        existing = {c.name for c in db.get_columns(table)}
        if column not in existing:
            migrator.migrate(migrator.add_column(table, column, field))
    for table, _ in MASTER:
        index = f"{table}_search_key"
        if index not in {i.name for i in db.get_indexes(table)}:
            db.execute_sql(f'CREATE INDEX "{index}" ON "{table}" ("search_key")')
    if "asset_search_text_status_place_id_custodian_id_departmen_b11d9e6" not in {
            i.name for i in db.get_indexes("asset")}:  # the filter scans this covering index, not the table
        db.execute_sql('CREATE INDEX "asset_search_text_status_place_id_custodian_id_departmen_b11d9e6" '
                       'ON "asset" ("search_text", "status", "place_id", "custodian_id", "department_id", '
                       '"category_id")')

    for table, source in MASTER:
        rows = db.execute_sql(f'SELECT id, "{source}" FROM "{table}" WHERE search_key IS NULL').fetchall()
        db.cursor().executemany(f'UPDATE "{table}" SET search_key = {db.param} WHERE id = {db.param}',
                                [(pinyin.search_key(text) or None, rid) for rid, text in rows])
    columns = ", ".join(f'"{c}"' for c in ASSET_FIELDS)
    rows = db.execute_sql(f'SELECT id, {columns} FROM "asset" WHERE search_text IS NULL').fetchall()
    for start in range(0, len(rows), 2000):
        db.cursor().executemany(f'UPDATE "asset" SET search_text = {db.param} WHERE id = {db.param}',
                                [(pinyin.search_text(*r[1:]), r[0]) for r in rows[start:start + 2000]])
