"""Issue 12: a serif (宋体) body font as a setting, where the computer has a TrueType one.

``printing.body_font``: "hei" (the bundled WenQuanYi Micro Hei) or "song" (SimSun on Windows, AR PL UMing on
Linux). Read when a form is printed; without such a font the form prints in the bundled font and the
settings page says so beside the field."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from logistics_desk.core import clock, settings
from logistics_desk.core.errors import ValidationError
from logistics_desk.core.printing import Column, Section, TableForm, fonts
from logistics_desk.core.printing.fonts import FONT, runs
from logistics_desk.modules import modules as registry_specs

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"  # Debian/Ubuntu: fonts-arphic-uming

needs_poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdffonts")),
                                   reason="poppler-utils not installed")
needs_uming = pytest.mark.skipif(not os.path.isfile(UMING), reason="fonts-arphic-uming not installed")

pytestmark = pytest.mark.usefixtures("database")

TEXT = "留样冰箱 ZC-2026-00001 食堂二楼 301"  # no ℃: WenQuanYi draws it empty (a fallback prints it)
NOT_IN_UMING = "吅"  # U+5405: in WenQuanYi Micro Hei, not in AR PL UMing


@pytest.fixture(autouse=True)
def same_chain_everywhere():
    """No system fallbacks; the serif candidates are AR PL UMing only (present or not)."""
    fonts.configure(system_fonts=[], serif_fonts=[(UMING, 0)])
    yield
    fonts.configure()


def render(keeper: str = "张三") -> bytes:
    cols = [Column("no", "序号", 8, kind="index"), Column("name", "名称", 40), Column("keeper", "保管人", 20)]
    rows = [{"name": TEXT, "keeper": keeper}]
    return TableForm("资产清单", cols, [Section([], rows)], school="测试实验学校", doc_number="QD-1",
                     date=dt.date(2026, 3, 1)).render()


def pdf_fonts(pdf: bytes, tmp_path: Path) -> set[str]:
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    for row in rows:
        assert row[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, with ToUnicode
    return {row[0].split("+")[-1] for row in rows}


def pdf_text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return re.sub(r"\s", "", out)


def test_the_setting_is_hei_by_default_and_takes_only_hei_or_song():
    assert settings.get("printing.body_font") == "hei"
    with pytest.raises(ValidationError) as info:
        settings.set("printing.body_font", "kai")
    assert "printing.body_font" in info.value.errors
    assert settings.get("printing.body_font") == "hei"


@needs_poppler
def test_hei_embeds_wenquanyi_only(tmp_path):
    pdf = render()
    assert pdf_fonts(pdf, tmp_path) == {"WenQuanYiMicroHei-0"}
    assert re.sub(r"\s", "", TEXT) in pdf_text(pdf)


@needs_poppler
@needs_uming
def test_song_embeds_the_serif_font_and_the_text_reads_back(tmp_path):
    settings.set("printing.body_font", "song")
    pdf = render()
    assert pdf_fonts(pdf, tmp_path) == {"UMingCN-0"}
    text = pdf_text(pdf)
    for s in (re.sub(r"\s", "", TEXT), "张三", "资产清单", "测试实验学校"):
        assert s in text, s
    assert fonts.body_font_path() == (UMING, 0)


@needs_poppler
@needs_uming
def test_what_the_serif_font_lacks_prints_in_the_bundled_font(tmp_path):
    settings.set("printing.body_font", "song")
    pdf = render(keeper=f"张{NOT_IN_UMING}")
    assert runs(f"张{NOT_IN_UMING}") == ((FONT, "张"), (fonts.BUNDLED_AS_FALLBACK, NOT_IN_UMING))
    assert pdf_fonts(pdf, tmp_path) == {"UMingCN-0", "WenQuanYiMicroHei-0"}
    assert f"张{NOT_IN_UMING}" in pdf_text(pdf)


@needs_poppler
@needs_uming
def test_a_changed_setting_takes_effect_on_the_next_print(tmp_path):
    assert pdf_fonts(render(), tmp_path) == {"WenQuanYiMicroHei-0"}
    settings.set("printing.body_font", "song")
    assert pdf_fonts(render(), tmp_path) == {"UMingCN-0"}
    settings.set("printing.body_font", "hei")
    pdf = render()
    assert pdf_fonts(pdf, tmp_path) == {"WenQuanYiMicroHei-0"}
    assert "张三" in pdf_text(pdf)


@needs_poppler
def test_song_without_a_serif_font_prints_in_the_bundled_font(tmp_path):
    fonts.configure(system_fonts=[], serif_fonts=[(str(tmp_path / "no-such-simsun.ttc"), 0)])
    settings.set("printing.body_font", "song")
    pdf = render()
    assert fonts.body_font_path() is None
    assert pdf_fonts(pdf, tmp_path) == {"WenQuanYiMicroHei-0"}
    assert "张三" in pdf_text(pdf)


# --- the settings page ------------------------------------------------------------------------


@pytest.fixture
def general_page(qtbot):
    from logistics_desk.core.ui.settings_window import SettingsWindow

    clock.freeze(dt.datetime(2026, 10, 12, 9, 0, 0))
    w = SettingsWindow(specs=registry_specs())
    qtbot.addWidget(w)
    return w, w.show_page("general")


def note(page) -> str:
    return page.body_font_note.text() if page.body_font_note.isVisibleTo(page) else ""


def test_song_without_a_serif_font_the_settings_page_says_so_beside_the_field(qtbot, general_page, tmp_path):
    fonts.configure(system_fonts=[], serif_fonts=[(str(tmp_path / "no-such-simsun.ttc"), 0)])
    window, page = general_page
    box = page.widgets["printing.body_font"]
    assert box.value() == "hei" and note(page) == ""
    box.set_value("song")
    assert "No serif (宋体) TrueType font was found on this computer" in note(page)
    page.save_button.click()  # kept: the same database may be opened on a computer that has SimSun
    assert settings.get("printing.body_font") == "song"
    assert "Settings saved." in window.status.text()
    assert "No serif (宋体) TrueType font" in note(page)  # still said after saving and reloading
    box.set_value("hei")
    assert note(page) == ""


@needs_uming
def test_song_with_a_serif_font_shows_no_warning(qtbot, general_page):
    window, page = general_page
    page.widgets["printing.body_font"].set_value("song")
    assert note(page) == ""
    page.save_button.click()
    assert settings.get("printing.body_font") == "song"
