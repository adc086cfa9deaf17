"""The fonts of printed forms, with a per-character fallback chain (no Qt).

The body font is WenQuanYi Micro Hei (Apache-2.0), shipped in resources/fonts.
It has no glyph for the rarer Han characters (CJK Extension A to F, e.g. 䶮 𠮷 𬱖)
and its ℃, pinyin tone letters (ǎ ǒ ǚ) and a few symbols are empty outlines.  So
every string a form draws is split into runs, character by character, over a
chain of fonts: the body font first, then fonts of the system that ReportLab can
embed (TrueType outlines: SimSun, SimSun-ExtB, SimSun-ExtG, Microsoft YaHei on
Windows; Droid Sans Fallback, Hanazono, AR PL UMing on Linux; CFF/.otf fonts
such as Noto Sans CJK cannot be embedded and are skipped), and last two bundled
subsets of Hanazono Mincho (GlyphWiki project, Hanazono Font License / OFL-1.1):
``ld-hanext-a`` (Extension A, CJK compatibility ideographs and the symbols the
body font lacks) and ``ld-hanext-b`` (Extensions B to F).  They ship gzip-compressed
(2.9 MB + 17.8 MB; 5.5 MB + 30.6 MB unpacked) and are unpacked in memory only when
a form needs them (about 0.3 s and 1–1.5 s with parsing, once per run).

With the setting ``printing.body_font`` = "song" the body font is a 宋体-style serif TrueType font
of the system instead (SimSun on Windows, AR PL UMing on Linux: ``default_serif_fonts()``),
registered under the same name ``FONT``; the bundled font then heads the fallback chain.  The
setting is read each time a form registers its fonts; without such a font the bundled one prints.

A character that no font of the chain can draw stops the printing with
``MissingGlyph`` (a ``UserError`` naming the text and the character with its
U+ code) instead of printing a blank.  Fallback fonts are embedded as subsets too.

For the code that draws: ``runs(text)`` -> ``[(font, piece), ...]``,
``string_width(text, size)``, ``draw_string(canvas, x, y, text, size, align)``,
``text_out(text_object, text, size)`` and ``check(text)``.
"""

from __future__ import annotations

import gzip
import io
import logging
import lzma
import os
import sys
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from .. import paths
from ..errors import UserError
from ..i18n import tr

log = logging.getLogger(__name__)

FONT = "WQYMicroHei"  # the name the body font is registered under, whichever font it is
FONT_FILE = "wqy-microhei.ttc"  # in resources/fonts, shipped inside the package
BUNDLED_AS_FALLBACK = "LDWQYMicroHei"  # the bundled font's name when a serif body font is chosen

# the setting ``printing.body_font``: "hei" (the bundled WenQuanYi Micro Hei) or "song" (a 宋体-style
# serif TrueType font of the system, when there is one)
BODY_FONTS = ("hei", "song")

# (registered name, file in resources/fonts): tried after the system's fonts
BUNDLED_FALLBACKS: tuple[tuple[str, str], ...] = (
    ("LDHanExtA", "ld-hanext-a.ttf.gz"),
    ("LDHanExtB", "ld-hanext-b.ttf.gz"),
)


def _windows_fonts() -> list[tuple[str, int]]:
    roots = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        roots.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    names = [("simsun.ttc", 0), ("simsunb.ttf", 0), ("SimsunExtG.ttf", 0), ("msyh.ttc", 0)]
    return [(str(r / n), i) for r in roots for n, i in names]


_LINUX_FONTS = [
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0),
    ("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0),
    ("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf", 0),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
]
_MAC_FONTS = [
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
]


def default_system_fonts() -> list[tuple[str, int]]:
    """(path, subfont index) of the system fonts tried after the body font, in order."""
    if sys.platform.startswith("win"):
        return _windows_fonts()
    if sys.platform == "darwin":
        return list(_MAC_FONTS)
    return list(_LINUX_FONTS)


def _windows_serif_fonts() -> list[tuple[str, int]]:
    root = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    local = os.environ.get("LOCALAPPDATA")
    roots = [root] + ([Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else [])
    names = [("simsun.ttc", 0), ("simsun.ttf", 0), ("simsun.ttc", 1), ("nsimsun.ttf", 0)]  # SimSun, NSimSun
    return [(str(r / n), i) for r in roots for n, i in names]


_LINUX_SERIF_FONTS = [
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # fonts-arphic-uming (AR PL UMing CN)
    ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0),  # fonts-arphic-gbsn00lp
    ("/usr/share/fonts/truetype/arphic/gbsn00lp.ttf", 0),
]
_MAC_SERIF_FONTS = [("/System/Library/Fonts/Supplemental/Songti.ttc", 0)]


def default_serif_fonts() -> list[tuple[str, int]]:
    """(path, subfont index) of the 宋体-style TrueType fonts tried for ``printing.body_font`` = "song"."""
    if sys.platform.startswith("win"):
        return _windows_serif_fonts()
    if sys.platform == "darwin":
        return list(_MAC_SERIF_FONTS)
    return list(_LINUX_SERIF_FONTS)


class MissingGlyph(UserError):
    """A character of a text that no font of the chain can print."""

    def __init__(self, text: str, char: str, where: str = "") -> None:
        self.text = text
        self.char = char
        self.where = where
        problem = tr(
            "“{text}” has the character {char} ({code}), which no font on this computer can print. "
            "Correct the record, or install a font that has the character (on Windows: SimSun-ExtB), "
            "and print again."
        ).format(text=text, char=char, code=code_point(char))
        super().__init__(tr("{where}: {problem}").format(where=where, problem=problem) if where else problem)

    def located(self, *parts: str) -> MissingGlyph:
        """The same error, saying where on the form (e.g. form title, room, row, column)."""
        where = " — ".join(p for p in (*parts, self.where) if p)
        return MissingGlyph(self.text, self.char, where)


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


# -- the chain -----------------------------------------------------------------------------------


@dataclass
class _Face:
    name: str
    covered: frozenset[int]


_lock = threading.RLock()
_registered = False
_primary: _Face | None = None
_chain: list[_Face] | None = None  # fallbacks loaded so far (in order)
# fonts not loaded yet: ("system", (path, subfont index)) or ("bundled", (name, file))
_pending: list[tuple[str, object]] | None = None
_system_fonts: list[tuple[str, int]] | None = None  # None: default_system_fonts()
_bundled: bool = True
_serif_fonts: list[tuple[str, int]] | None = None  # None: default_serif_fonts()
_serif_found: dict[tuple, tuple[str, int] | None] = {}  # candidates -> the first usable one
_body_spec: tuple[str, int] | None = None  # the system font registered as FONT; None: the bundled one


def _inked(font: TTFont) -> frozenset[int]:
    """Code points the font maps to a glyph with an outline (an empty glyph prints as a blank)."""
    face = font.face
    pos = face.glyphPos
    n = len(pos) - 1
    return frozenset(cp for cp, g in face.charToGlyph.items() if g < n and pos[g + 1] > pos[g])


def _patch_to_unicode() -> None:
    """ReportLab writes characters beyond U+FFFF into the ToUnicode CMap as 5 hex digits, which
    viewers misread (copying 𠮷 gives ₻7); write them as UTF-16 surrogate pairs, as PDF says."""
    if getattr(ttfonts.makeToUnicodeCMap, "_ld_patched", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def make_to_unicode_cmap(fontname, subset):
        text = original(fontname, subset)
        if all(v <= 0xFFFF for v in subset):
            return text
        for i, v in enumerate(subset):
            if v > 0xFFFF:
                pair = chr(v).encode("utf-16-be").hex().upper()
                text = text.replace("<%02X> <%04X>" % (i, v), "<%02X> <%s>" % (i, pair))
        return text

    make_to_unicode_cmap._ld_patched = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


def serif_font() -> tuple[str, int] | None:
    """The 宋体-style TrueType font of this computer that "song" prints in, as (path, subfont index);
    None if there is none that ReportLab can embed."""
    candidates = tuple(default_serif_fonts() if _serif_fonts is None else _serif_fonts)
    with _lock:
        if candidates not in _serif_found:
            found = None
            for path, index in candidates:
                if not os.path.isfile(path):
                    continue
                try:
                    TTFont("LDSerifProbe", path, subfontIndex=index)
                except (OSError, EOFError, TTFError, ValueError, KeyError, IndexError) as e:
                    log.info("serif font %s (%s) not usable: %s", path, index, e)
                    continue
                found = (path, index)
                break
            _serif_found[candidates] = found
        return _serif_found[candidates]


def body_font_setting() -> str:
    """The setting ``printing.body_font`` ("hei" or "song"); "hei" when no database is open."""
    from .. import db, settings

    if db.current_path() is None:  # closed: peewee would open the last file again to read it
        return "hei"
    try:
        value = settings.get("printing.body_font")
    except Exception:  # no database open (a test, a tool): the bundled font
        return "hei"
    return value if value in BODY_FONTS else "hei"


def body_font_path() -> tuple[str, int] | None:
    """The system font the body is printed in now ((path, subfont index)); None: the bundled font."""
    return _body_spec


_body_faces: dict[tuple[str, int] | None, tuple[TTFont, _Face]] = {}  # loaded body fonts, by spec


def _register(font: TTFont) -> None:
    """Register ``font`` under its own name, replacing what was registered under it.

    Not ``pdfmetrics.registerFont``: that keeps the first font registered under a name, and maps a
    second name for the same face (the bundled font as a fallback after a serif body) to the first
    font object, whose name is ``FONT`` -- two fonts of one PDF would then share one resource."""
    pdfmetrics._fonts[font.fontName] = font
    pdfmetrics.registerFontFamily(font.fontName)


def register_fonts() -> str:
    """Register the body font with ReportLab; returns its name (always ``FONT``) for ``setFont``.

    Reads ``printing.body_font`` each time, so a changed setting takes effect on the next form:
    "song" registers the serif font of :func:`serif_font` as ``FONT`` (the bundled font then
    heads the fallback chain), or the bundled font when the computer has no such font."""
    global _registered, _primary, _body_spec, _chain, _pending
    spec = serif_font() if body_font_setting() == "song" else None
    if _registered and spec == _body_spec:
        return FONT
    with _lock:
        if not _registered or spec != _body_spec:
            _patch_to_unicode()
            face = _body_faces.get(spec)
            if face is None:
                if spec is None:
                    font = TTFont(FONT, str(paths.resource_path("fonts", FONT_FILE)), subfontIndex=0)
                else:
                    font = TTFont(FONT, spec[0], subfontIndex=spec[1])
                face = _body_faces[spec] = (font, _Face(FONT, _inked(font)))
            _register(face[0])
            _primary = face[1]
            _body_spec = spec
            _chain = None
            _pending = None
            _runs.cache_clear()
            _unit_widths.clear()
            _registered = True
    return FONT


def configure(system_fonts: Sequence[tuple[str, int]] | None = None, bundled: bool = True,
              serif_fonts: Sequence[tuple[str, int]] | None = None) -> None:
    """Set the fallback chain: ``system_fonts`` [(path, subfont index)] (None: the platform's
    usual ones, [] none) and whether the bundled fonts close it; ``serif_fonts``: the candidates
    for the "song" body font (None: the platform's usual ones, [] none). Tests use this to print
    the same on every machine."""
    global _system_fonts, _bundled, _chain, _pending, _serif_fonts
    with _lock:
        _system_fonts = None if system_fonts is None else list(system_fonts)
        _serif_fonts = None if serif_fonts is None else list(serif_fonts)
        _bundled = bundled
        _chain = None
        _pending = None
        _runs.cache_clear()
        _unit_widths.clear()


def _start_chain() -> None:
    global _chain, _pending
    if _chain is None:
        systems = default_system_fonts() if _system_fonts is None else _system_fonts
        _chain = []
        _pending = []
        if _body_spec is not None:  # a serif body font: the bundled one draws what it lacks
            _pending.append(("bundled", (BUNDLED_AS_FALLBACK, FONT_FILE)))
        _pending += [("system", s) for s in systems if s != _body_spec]
        if _bundled:
            _pending += [("bundled", b) for b in BUNDLED_FALLBACKS]


def _load(kind: str, spec) -> _Face | None:
    """Register one fallback font; None if it is missing or cannot be embedded."""
    try:
        if kind == "bundled":
            name, file = spec
            path = paths.resource_path("fonts", file)
            if file.endswith(".ttc"):  # the bundled body font, a fallback after a serif one
                font = TTFont(name, str(path), subfontIndex=0)
            else:
                data = path.read_bytes()
                if file.endswith(".gz"):
                    data = gzip.decompress(data)
                elif file.endswith(".xz"):
                    data = lzma.decompress(data)
                font = TTFont(name, io.BytesIO(data))
        else:
            path, index = spec
            if not os.path.isfile(path):
                return None
            stem = "".join(ch for ch in Path(path).stem if ch.isalnum())
            name = f"LDSys{stem}{index}"
            font = TTFont(name, path, subfontIndex=index)
        _register(font)
        return _Face(name, _inked(font))
    except (OSError, EOFError, TTFError, ValueError, lzma.LZMAError, KeyError, IndexError) as e:
        # e.g. a CFF (.otf) font: ReportLab embeds TrueType outlines only
        log.info("fallback font %s not usable: %s", spec, e)
        return None


def font_for(char: str) -> str | None:
    """The first font of the chain that draws ``char``; None if none does."""
    register_fonts()
    cp = ord(char)
    assert _primary is not None
    if cp in _primary.covered:
        return FONT
    with _lock:
        _start_chain()
        assert _chain is not None and _pending is not None
        for face in _chain:
            if cp in face.covered:
                return face.name
        while _pending:
            kind, spec = _pending.pop(0)
            face = _load(kind, spec)
            if face is None:
                continue
            _chain.append(face)
            if cp in face.covered:
                return face.name
    return None


def _invisible(char: str) -> bool:
    """Characters drawn as nothing: format controls (zero-width space, joiners, BOM, soft hyphen),
    variation selectors, control characters."""
    cp = ord(char)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return True
    return unicodedata.category(char) in ("Cf", "Cc") and not char.isspace()


@lru_cache(maxsize=65536)
def _runs(text: str) -> tuple[tuple[str, str], ...]:
    assert _primary is not None
    covered = _primary.covered
    if all(ord(ch) in covered or ch.isspace() for ch in text):
        return ((FONT, text),)
    out: list[tuple[str, str]] = []
    for ch in text:
        if ch.isspace() or ord(ch) in covered:
            name = FONT
        elif _invisible(ch):
            continue
        else:
            name = font_for(ch)
            if name is None:
                raise MissingGlyph(text, ch)
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            out.append((name, ch))
    return tuple(out)


def runs(text: str) -> tuple[tuple[str, str], ...]:
    """``text`` split into (font name, piece) runs; raises ``MissingGlyph`` for a character
    that no font can draw. Invisible format characters are left out."""
    if not _registered:
        register_fonts()
    if not text:
        return ()
    return _runs(text)


def check(text: str) -> None:
    """Raise ``MissingGlyph`` if a character of ``text`` cannot be printed."""
    runs(text)


def string_width(text: str, size: float) -> float:
    """Width of ``text`` in points, each character measured in the font that draws it."""
    r = runs(text)
    if len(r) == 1:
        return pdfmetrics.stringWidth(r[0][1], r[0][0], size)
    return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in r)


_unit_widths: dict[str, float] = {}


def unit_width(char: str) -> float:
    """Width of one character at size 1 (cached)."""
    w = _unit_widths.get(char)
    if w is None:
        w = _unit_widths[char] = string_width(char, 1.0)
    return w


def text_out(t, text: str, size: float, font: str = FONT) -> None:
    """Write ``text`` into a ReportLab text object in the chain's fonts; the object's font is
    ``font`` at ``size`` again afterwards."""
    r = runs(text)
    if len(r) == 1 and r[0][0] == font:
        t.textOut(r[0][1])
        return
    for name, piece in r:
        t.setFont(name, size)
        t.textOut(piece)
    t.setFont(font, size)


def draw_string(c, x: float, y: float, text: str, size: float, align: str = "left") -> float:
    """Draw ``text`` on canvas ``c`` (align left / center / right of ``x``) in the chain's fonts;
    leaves the canvas on the body font at ``size``. Returns the width drawn."""
    r = runs(text)
    w = string_width(text, size)
    if align == "center":
        x -= w / 2
    elif align == "right":
        x -= w
    if len(r) == 1 and r[0][0] == FONT:
        c.setFont(FONT, size)
        c.drawString(x, y, r[0][1])
        return w
    t = c.beginText(x, y)
    for name, piece in r:
        t.setFont(name, size)
        t.textOut(piece)
    c.drawText(t)
    c.setFont(FONT, size)
    return w


def used_fonts(text: str) -> set[str]:
    """The fonts ``text`` prints in (for tests and diagnostics)."""
    return {name for name, _ in runs(text)}


def face_covers(name: str, char: str) -> bool:
    """Does the registered font ``name`` have an outline for ``char``? (reads the font's cmap)"""
    register_fonts()
    font = pdfmetrics.getFont(name)
    return ord(char) in _inked(font)
