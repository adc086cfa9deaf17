"""The stock-take's export to .xlsx (no Qt): the variance summary, every line, the lists."""

from __future__ import annotations

import os

from ...core.excel import SheetData, WriteColumn, write_workbook
from ...core.i18n import tr
from ..assets.api import Asset  # noqa: F401  (the lines refer to the register)
from . import service
from .models import CONDITIONS, StockTakeLine


def _summary_columns(first: str) -> list[WriteColumn]:
    return [
        WriteColumn("label", first),
        WriteColumn("expected", tr("Items expected"), "int"),
        WriteColumn("expected_qty", tr("Qty expected"), "int"),
        WriteColumn("expected_value", tr("Book value"), "money"),
        WriteColumn("found", tr("Items found"), "int"),
        WriteColumn("found_qty", tr("Qty found"), "int"),
        WriteColumn("found_value", tr("Value found"), "money"),
        WriteColumn("missing", tr("Items short"), "int"),
        WriteColumn("missing_qty", tr("Shortage qty"), "int"),
        WriteColumn("missing_value", tr("Shortage value"), "money"),
        WriteColumn("surplus", tr("Surplus items"), "int"),
        WriteColumn("surplus_qty", tr("Surplus qty"), "int"),
        WriteColumn("surplus_value", tr("Surplus value"), "money"),
        WriteColumn("misplaced", tr("Misplaced"), "int"),
        WriteColumn("misplaced_value", tr("Misplaced value"), "money"),
        WriteColumn("damaged", tr("Damaged"), "int"),
        WriteColumn("damaged_value", tr("Damaged value"), "money"),
    ]


def _lines(stocktake_id: int):
    """Every line in the order of the "All lines" sheet's columns, by place and number.

    Read as plain tuples (no model objects or dicts: 50,000 lines), the texts of results and
    conditions translated once each, the names of the places lines were found in read once each."""
    L = StockTakeLine
    q = (L.select(L.asset_number, L.name, L.model_spec, L.category_name, L.place_name, L.custodian_name,
                  L.department_name, L.quantity, L.book_value, L.counted_qty, L.found_place, L.result,
                  L.condition, L.note, L.counted_at, L.place, L.asset, L.method)
         .where(L.stocktake == stocktake_id).order_by(L.place_name, L.asset_number).tuples())
    places: dict = {}
    results: dict = {}
    conditions = {key: tr(text) for key, text in CONDITIONS.items()}
    line_state = service.line_state
    st = service.get(stocktake_id)
    on_loan = service.loans(st) if st.status == "open" else {}  # closed: the result says "lent"
    for (number, name, model, category, place_name, custodian, department, qty, book_value, counted, fp, result,
         condition, note, counted_at, place, asset, method) in q.iterator():
        state = result or line_state({"counted_qty": counted, "quantity": qty, "found_place": fp, "place": place,
                                      "method": method, "loan": on_loan.get(asset)})
        text = results.get(state)
        if text is None:
            text = results[state] = service.result_text(state)
        if fp is not None:
            found = places.get(fp)
            if found is None:
                found = places[fp] = service._place_name(fp)
        else:
            found = None
        yield (number, name, model, category, place_name, custodian, department, qty, book_value, counted, found,
               text, conditions.get(condition) if condition else None, note, counted_at)


def export(stocktake_id: int, path: str | os.PathLike, progress=None, cancel=None) -> int:
    """Write the variance report and every line to ``path``; returns the rows written."""
    v = service.variance(stocktake_id)
    st = v["stocktake"]
    total_lines = StockTakeLine.select().where(StockTakeLine.stocktake == st.id).count()
    places = v["places"] + [v["totals"]]
    cats = v["categories"] + [v["totals"]]
    sheets = [
        SheetData(tr("By place"), _summary_columns(tr("Place")), places),
        SheetData(tr("By category"), _summary_columns(tr("Category")), cats),
        SheetData(tr("All lines"), [
            WriteColumn("number", tr("Asset No.")), WriteColumn("name", tr("Name")),
            WriteColumn("model", tr("Model / spec")), WriteColumn("category", tr("Category")),
            WriteColumn("place", tr("Expected place")), WriteColumn("custodian", tr("Custodian")),
            WriteColumn("department", tr("Department / class")), WriteColumn("qty", tr("Book qty"), "int"),
            WriteColumn("book_value", tr("Book value"), "money"), WriteColumn("counted", tr("Counted qty"), "int"),
            WriteColumn("found_place", tr("Found in")), WriteColumn("result", tr("Result")),
            WriteColumn("condition", tr("Condition")), WriteColumn("note", tr("Remarks")),
            WriteColumn("counted_at", tr("Counted at"), "datetime")], _lines(st.id), total=total_lines),
        SheetData(tr("Surplus"), [
            WriteColumn("code", tr("Tag / number")), WriteColumn("name", tr("Name")),
            WriteColumn("category_name", tr("Category")), WriteColumn("place_name", tr("Found in")),
            WriteColumn("quantity", tr("Qty"), "int"), WriteColumn("unit_price", tr("Unit price"), "money"),
            WriteColumn("value", tr("Value"), "money"), WriteColumn("note", tr("Remarks")),
            WriteColumn("registered_number", tr("Registered as"))], v["surplus"]),
    ]
    return write_workbook(path, sheets, progress, cancel)
