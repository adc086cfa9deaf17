"""Issue 16 point 2: after a write the window refreshes only the tabs of the modules concerned (as Anki's
``OpChanges``): the tab in view at once, the others when next shown; a tab shown again with nothing changed is
not read again. (Stock-take results applied: tests/modules/stocktake/test_window_refresh.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from logistics_desk.core import paths
from logistics_desk.core.ui import main_window as main_window_module
from logistics_desk.core.ui.main_window import MainWindow
from logistics_desk.modules import modules as registry_specs

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


def test_a_write_not_saying_which_modules_refreshes_every_other_tab(window, qtbot):
    w = window
    for key in ("assets", "canteen", "repairs"):
        show(w, key)
    reads = count_reads(w, "assets", "canteen", "repairs")
    w.module_tab("repairs").data_changed.emit()  # the repair log wrote something (which modules: not said)
    assert reads == {"assets": [], "canteen": [], "repairs": []}  # the source reads its own; the others …
    assert w.stale_tabs() == {"assets", "canteen"}  # … when next shown
    show(w, "canteen")
    assert reads["canteen"] == [1]


def test_the_tab_in_view_reads_at_once_when_a_write_concerns_it(window, qtbot):
    w = window
    show(w, "repairs")
    show(w, "assets")
    reads = count_reads(w, "assets", "repairs")
    w.module_tab("repairs").announce({"assets"})  # e.g. a batch written from a dialog of another tab
    assert reads == {"assets": [1], "repairs": []} and not w.stale_tabs()
    w.module_tab("repairs").announce(set())  # nothing changed: nothing read
    assert reads == {"assets": [1], "repairs": []}


def test_a_tab_shown_again_reads_again_after_a_minute_even_with_nothing_written(window, qtbot, monkeypatch):
    w = window
    show(w, "assets")
    show(w, "repairs")
    reads = count_reads(w, "assets")
    show(w, "assets")
    assert reads["assets"] == []
    later = main_window_module.monotonic() + main_window_module.FRESH_SECONDS + 1
    show(w, "repairs")
    monkeypatch.setattr(main_window_module, "monotonic", lambda: later)
    show(w, "assets")
    assert reads["assets"] == [1]
