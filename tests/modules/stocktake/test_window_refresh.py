"""Issue 16 point 2: applying stock-take results refreshes the tabs of the modules they changed (the asset
register), not the others (the canteen, the repair log): ``service.Applied.modules`` handed to the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from logistics_desk.core import paths
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules as registry_specs
from logistics_desk.modules.assets.models import Asset
from logistics_desk.modules.stocktake.pages import results as results_module

from .helpers import school
from .test_pages import _signed

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def window(qtbot, database, tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    w = MainWindow(registry_specs())
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    QSettings(paths.ORGANIZATION, paths.APPLICATION).clear()


def count_reads(w, *keys) -> dict[str, list]:
    """Each tab's ``refresh`` calls from now on, by module key."""
    reads: dict[str, list] = {}
    for key in keys:
        tab = w.module_tab(key)
        reads[key] = []
        real = tab.refresh

        def counted(real=real, key=key):
            reads[key].append(1)
            real()

        tab.refresh = counted
    return reads


def show(w, key):
    w.tabs.setCurrentWidget(w.module_tab(key))


def test_applying_stocktake_results_refreshes_the_asset_register_and_not_the_canteen(window, qtbot, monkeypatch):
    s = school()
    st = _signed(s)
    w = window
    for key in ("assets", "canteen", "repairs", "stocktake"):  # each opened once, as a clerk would
        show(w, key)
    reads = count_reads(w, "assets", "canteen", "repairs")
    tab = w.module_tab("stocktake")
    show(w, "stocktake")
    tab.refresh()
    assert tab.st.id == st.id and tab.pages.currentWidget() is tab.results_page
    page = tab.results_page
    t = page.apply_table
    moves = [r for r in range(t.rowCount()) if t.item(r, 2).text() == "T-0004"]  # the board found in 101
    for r in range(t.rowCount()):
        t.item(r, 0).setCheckState(Qt.CheckState.Checked if r in moves else Qt.CheckState.Unchecked)
    assert [k for k, _i in page.ticked()] == ["relocate"]
    monkeypatch.setattr(results_module, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(results_module, "show_info", lambda *a, **k: None)
    wrote = []
    tab.records_changed.connect(wrote.append)
    page.apply_button.click()
    assert Asset.get(Asset.number == "T-0004").place_id == s["r101"].id  # applied
    assert wrote == [{"stocktake", "assets"}]
    # nothing read yet (not in view); the register is stale, the canteen and the repair log are not
    assert reads == {"assets": [], "canteen": [], "repairs": []}
    assert w.stale_tabs() == {"assets"}
    assert w._today_stale
    show(w, "assets")  # read when shown …
    assert reads["assets"] == [1]
    show(w, "canteen")  # … the canteen not: nothing of it changed
    show(w, "repairs")
    show(w, "assets")  # nor the register again
    assert reads == {"assets": [1], "canteen": [], "repairs": []}
    show(w, "stocktake")
    w.tabs.setCurrentIndex(0)
    assert not w._today_stale  # Today read again when shown
