"""The asset register's 打印 menu: inventory sheets, asset cards, labels and slips.

``build_print_menu(tab)`` is called by ``AssetsTab``; ``tab.selected_asset_ids()``
and ``tab.current_filters()`` say what the clerk is looking at. Each action
queries the plain data on the GUI thread (database reads stay on one thread),
renders the PDF in a worker with progress and Cancel (``run_in_worker``) and
opens the preview (Print / Save as PDF).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...core import masterdata
from ...core.errors import UserError
from ...core.i18n import N_, tr
from ...core.ui import pdf_preview
from ...core.ui.widgets import show_error
from ...core.ui.work import run_in_worker
from . import forms, service
from .print_dialogs import InventoryDialog, LabelDialog

MAX_CARDS = 2000

SLIP_ACTIONS = (
    # key, menu text, latest-record kind, file prefix
    ("transfer", N_("Transfer slip (latest transfer)"), "transfer"),
    ("loan", N_("Loan slip (latest loan)"), "loan"),
    ("damage", N_("Damage and compensation notice (latest damage)"), "damage"),
    ("writeoff", N_("Write-off request"), "disposal"),
)


def preview_pdf(parent, pdf: bytes, title: str, filename: str):
    """Opens the preview (a module-level name so tests can watch it)."""
    return pdf_preview.preview_pdf(parent, pdf, title, filename)


def _safe(name: str) -> str:
    return "".join(ch if ch not in '\\/:*?"<>|' else "_" for ch in name).strip() or "print"


def build_and_preview(tab, title: str, filename: str, render: Callable, data=None) -> None:
    """Render ``render(data, progress, cancel)`` in a worker, then open the preview."""

    def work(progress, cancelled):
        return render(data, progress, cancelled)

    def done(pdf: bytes) -> None:
        tab.last_print_preview = preview_pdf(tab, pdf, title, _safe(filename) + ".pdf")

    tab.print_thread = run_in_worker(tab, tr("Preparing {title}…").format(title=title), work, done)


def _selected(tab) -> list[int]:
    ids = tab.selected_asset_ids()
    if not ids:
        asset = tab._current_asset() if hasattr(tab, "_current_asset") else None
        ids = [asset.id] if asset is not None else []
    return ids


def _first_selected(tab):
    ids = _selected(tab)
    asset = service.find_asset(ids[0]) if ids else None
    if asset is None:
        raise UserError(tr("Select an asset in the list first."))
    return asset


def _guard(tab, fn: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            fn()
        except Exception as exc:  # shown in the user's words, never a traceback
            show_error(tab, exc)

    return run


# --- inventory sheets ------------------------------------------------------------

def print_inventory(tab, **scope) -> None:
    data = forms.inventory_data(**scope)
    title = tr("Asset inventory sheet")
    build_and_preview(tab, title, f"{title}-{data['scope_label']}",
                      lambda d, p, c: forms.render_inventory(d, p, c), data)


def inventory_for_selection(tab) -> None:
    asset = _first_selected(tab)
    if asset.place_id is None:
        raise UserError(tr("Asset {number} has no place.").format(number=asset.number))
    print_inventory(tab, place=asset.place_id)


def inventory_dialog(tab) -> InventoryDialog:
    ids = _selected(tab)
    asset = service.find_asset(ids[0]) if ids else None
    dlg = InventoryDialog(tab, place_id=asset.place_id if asset is not None else None)

    def accepted() -> None:
        kind, value = dlg.choice()
        try:
            print_inventory(tab, per_custodian=dlg.one_sheet_per_custodian(), **{kind: value})
        except Exception as exc:
            show_error(tab, exc)

    dlg.accepted.connect(accepted)
    tab.print_dialog = dlg
    dlg.open()
    return dlg


# --- asset cards -------------------------------------------------------------------

def print_cards(tab, per_page: int) -> None:
    ids = _selected(tab)
    if not ids:
        raise UserError(tr("Select an asset in the list first."))
    if len(ids) > MAX_CARDS:
        raise UserError(tr("Select at most {n} assets for cards.").format(n=MAX_CARDS))
    order = dict(service.ids_by_number(ids))
    ids = list(order)
    history = forms.CARD_HISTORY_HALF if per_page == 2 else forms.CARD_HISTORY
    cards = [forms.card_data(i, history=history) for i in ids]
    title = tr("Fixed asset card")
    name = f"{title}-{order[ids[0]]}" + (f"-{len(ids)}" if len(ids) > 1 else "")
    build_and_preview(tab, title, name, lambda d, p, c: forms.render_cards(d, per_page, p, c), cards)


# --- labels -------------------------------------------------------------------------

def label_dialog(tab) -> LabelDialog:
    ids = tab.selected_asset_ids()
    filters = tab.current_filters()
    try:
        filtered = service.AssetQuery().count(dict(filters, status=filters.get("status") or "active"))
    except Exception:
        filtered = None
    place_id = None
    if ids:
        asset = service.find_asset(ids[0])
        place_id = asset.place_id if asset is not None else None

    def calibration(pdf: bytes) -> None:
        tab.last_print_preview = preview_pdf(tab, pdf, tr("Label calibration page"), "calibration.pdf")

    dlg = LabelDialog(tab, selected=len(ids), filtered=filtered, place_id=place_id, on_calibration=calibration)

    def accepted() -> None:
        try:
            print_labels(tab, dlg)
        except Exception as exc:
            show_error(tab, exc)

    dlg.accepted.connect(accepted)
    tab.print_dialog = dlg
    dlg.open()
    return dlg


def print_labels(tab, dlg: LabelDialog) -> None:
    choice = dlg.selection()
    src = choice["source"]
    if src == "selection":
        ids = tab.selected_asset_ids()
        if not ids:
            raise UserError(tr("Select the assets in the list first."))
        items = forms.label_items(ids=ids)
    elif src == "filter":
        items = forms.label_items(filters=tab.current_filters())
    elif src == "place":
        items = forms.label_items(place=choice["place"])
    elif src == "numbers":
        items = forms.label_items(numbers=choice["numbers"])
    else:
        items = forms.label_items(since=choice["since"])
    if not items:
        raise UserError(tr("No assets to print labels for."))
    sheet = dlg.sheet()
    code = dlg.code.value()
    skip = dlg.start.value() - 1
    offset = dlg.offset()
    school = masterdata.school_name()
    title = tr("Asset labels")
    build_and_preview(
        tab, title, f"{title}-{len(items)}",
        lambda d, p, c: forms.render_asset_labels(d, code=code, skip=skip, sheet=sheet, offset=offset,
                                                  school=school, progress=p, cancel=c),
        items)


# --- slips ----------------------------------------------------------------------------

def print_slip(tab, key: str) -> None:
    asset = _first_selected(tab)
    kind = dict((k, kind) for k, _t, kind in SLIP_ACTIONS)[key]
    doc = forms.latest_doc(kind, asset.id)
    if key == "writeoff":
        # written off: its recorded write-off; otherwise a request (refused, in words, for an asset
        # marked written off without a record)
        doc = doc if asset.status == "disposed" else None
        data = forms.writeoff_request_data(doc=doc) if doc else forms.writeoff_request_data(asset=asset)
        render = forms.render_writeoff_request
        title = tr("Asset write-off request")
    else:
        if doc is None:
            raise UserError({
                "transfer": tr("Asset {number} has never been transferred."),
                "loan": tr("Asset {number} has never been lent."),
                "damage": tr("No damage has been reported for asset {number}."),
            }[key].format(number=asset.number))
        data_fn, render = forms.SLIPS[kind]
        data = data_fn(doc)
        title = {"transfer": tr("Asset transfer slip"), "loan": tr("Asset loan slip"),
                 "damage": tr("Damage and compensation notice")}[key]
    build_and_preview(tab, title, f"{title}-{doc or asset.number}", lambda d, p, c: render(d), data)


# --- the menu -----------------------------------------------------------------------------

def build_print_menu(tab) -> QMenu:
    menu = QMenu(tab)
    actions: dict[str, QAction] = {}

    def add(key: str, text: str, fn: Callable[[], None]) -> QAction:
        action = QAction(text, menu)
        action.setObjectName(f"print_{key}")
        action.triggered.connect(lambda _checked=False: _guard(tab, fn)())
        menu.addAction(action)
        actions[key] = action
        return action

    add("inventory_here", tr("Inventory sheet for the selected asset's place"),
        lambda: inventory_for_selection(tab))
    add("inventory", tr("Inventory sheet (place, building, department, custodian)…"), lambda: inventory_dialog(tab))
    menu.addSeparator()
    add("card", tr("Asset card (selected, one per page)"), lambda: print_cards(tab, 1))
    add("card2", tr("Asset cards (selected, two per page)"), lambda: print_cards(tab, 2))
    add("labels", tr("Labels…"), lambda: label_dialog(tab))
    menu.addSeparator()
    for key, text, _kind in SLIP_ACTIONS:
        add(key, tr(text), lambda k=key: print_slip(tab, k))

    def update() -> None:
        has = bool(_selected(tab))
        for key in ("inventory_here", "card", "card2", "transfer", "loan", "damage", "writeoff"):
            actions[key].setEnabled(has)

    menu.aboutToShow.connect(update)
    menu.print_actions = actions  # for tests and the tab
    return menu


__all__ = ["build_print_menu", "build_and_preview", "print_inventory", "print_cards", "print_labels",
           "print_slip", "inventory_dialog", "label_dialog"]
