"""Issue 13, finding 22: an asset's history is stored as the event and its values and written in the
language of whoever reads it; lines stored as plain text by older versions read as they were."""

from __future__ import annotations

import datetime as dt

from logistics_desk.core import audit, i18n
from logistics_desk.modules.assets import service
from logistics_desk.modules.assets.models import AssetEvent


def texts(asset) -> list[str]:
    return [audit.shown(e.summary) for e in service.history(asset)]


def test_history_written_in_chinese_reads_in_english(make_asset, world):
    i18n.set_language("zh_CN")
    pc = make_asset()
    service.update(pc, {"name": "教师用计算机", "status": "idle"})
    service.lend(pc, borrower_name="王小明", due_on=dt.date(2026, 9, 30), lent_on=dt.date(2026, 9, 1))
    chinese = texts(pc)
    assert chinese[0] == "登记：台式计算机，1 台，4,200.00 元"
    assert "名称：台式计算机 → 教师用计算机" in chinese[1] and "状态：在用 → 闲置" in chinese[1]
    i18n.set_language("en")
    english = texts(pc)
    assert english[0] == "Registered: 台式计算机, 1 台, 4,200.00 yuan"
    assert "Name: 台式计算机 → 教师用计算机" in english[1] and "Status: In use → Idle" in english[1]
    assert english[2] == "Lent to 王小明, due back 2026-09-30"
    assert not any(ch in "登记名称状态借给" for ch in "".join(english))


def test_lines_stored_as_text_before_read_as_they_were(make_asset):
    pc = make_asset()
    AssetEvent.create(asset=pc, kind="edit", event_date=dt.date(2026, 1, 5), created_at=dt.datetime(2026, 1, 5),
                      summary="名称：旧电脑 → 台式计算机")
    AssetEvent.create(asset=pc, kind="edit", event_date=dt.date(2026, 1, 6), created_at=dt.datetime(2026, 1, 6),
                      summary="{not json}")
    assert texts(pc)[-2:] == ["名称：旧电脑 → 台式计算机", "{not json}"]


def test_the_history_dialog_shows_the_sentence_in_the_windows_language(qtbot, make_asset):
    from logistics_desk.modules.assets import view

    i18n.set_language("zh_CN")
    pc = make_asset()
    i18n.set_language("en")
    dlg = view.HistoryDialog(None, pc)
    qtbot.addWidget(dlg)
    assert dlg.events.item(0, 2).text() == "Registered: 台式计算机, 1 台, 4,200.00 yuan"
