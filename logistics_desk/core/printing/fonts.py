"""The embedded CJK font: WenQuanYi Micro Hei (Apache-2.0), shipped in resources/fonts (inside the package).

ReportLab embeds TrueType fonts as subsets, so every PDF carries the glyphs it
uses and prints the same on any PC.  ``STSong-Light`` (ReportLab's built-in CID
font) is never used: it is not embedded and some viewers print it blank.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths

FONT = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"  # in resources/fonts, shipped inside the package

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the font with ReportLab (once); returns its name for ``setFont``."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(FONT, str(paths.resource_path("fonts", FONT_FILE)), subfontIndex=0))
            _registered = True
    return FONT


def string_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)
