"""Labels on A4 label sheets (no Qt): asset tags, canteen sample labels, anything with a code.

A ``LabelSheet`` is a grid in millimetres.  Presets are chosen by key
(``label_sheet("3x8")``); ``"custom"`` reads settings "printing.label_custom".
The printer offset calibration (settings "printing.label_offset_x/y", mm;
positive x moves the print right, positive y moves it down) shifts every label.
``skip`` starts on a partly used sheet: the first ``skip`` labels stay blank.

Each ``Label`` prints a heading (the school name unless given), a QR code or
Code128 of ``code`` with the code in readable text beneath, and its ``lines``,
shrunk (and wrapped) until they fit.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .. import settings
from ..errors import ValidationError
from ..i18n import N_, tr
from .barcodes import code128_modules, draw_code128, draw_qr
from .fonts import FONT, register_fonts
from .template import Cancel, PrintCancelled, Progress, draw_bold, new_canvas, school_name
from .text import fit, fit_size, wrap

settings.register_defaults(
    {
        "printing.label_template": "3x8",
        "printing.label_code": "qr",
        "printing.label_offset_x": 0.0,
        "printing.label_offset_y": 0.0,
        "printing.label_custom": {
            "cols": 3, "rows": 8, "label_w": 70.0, "label_h": 37.0,
            "top": 0.5, "left": 0.0, "pitch_x": 70.0, "pitch_y": 37.0,
        },
    }
)


@dataclass(frozen=True)
class LabelSheet:
    """A grid of labels on an A4 sheet, all measures in millimetres.

    ``pitch_x``/``pitch_y``: distance from one label's left/top edge to the next
    (label size + gap); ``None`` means no gap.
    """

    cols: int
    rows: int
    label_w: float
    label_h: float
    top: float = 0.0
    left: float = 0.0
    pitch_x: float | None = None
    pitch_y: float | None = None
    name: str = ""

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    @property
    def px(self) -> float:
        return self.pitch_x if self.pitch_x is not None else self.label_w

    @property
    def py(self) -> float:
        return self.pitch_y if self.pitch_y is not None else self.label_h

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if self.cols < 1 or self.rows < 1:
            errors["cols"] = tr("A label sheet needs at least one column and one row.")
        if self.label_w <= 5 or self.label_h <= 5:
            errors["label_w"] = tr("Labels must be larger than 5 mm.")
        if self.px < self.label_w - 0.01 or self.py < self.label_h - 0.01:
            errors["pitch_x"] = tr("The pitch must not be smaller than the label size.")
        right = self.left + (self.cols - 1) * self.px + self.label_w
        bottom = self.top + (self.rows - 1) * self.py + self.label_h
        if right > 210.5 or bottom > 297.5 or self.left < 0 or self.top < 0:
            errors["top"] = tr("The labels do not fit on an A4 sheet.")
        if errors:
            raise ValidationError(errors)

    def cell(self, index: int) -> tuple[float, float]:
        """(x, y) in mm from the sheet's top-left corner of label ``index`` (0-based, row by row)."""
        i = index % self.per_page
        r, col = divmod(i, self.cols)
        return self.left + col * self.px, self.top + r * self.py

    def to_dict(self) -> dict[str, Any]:
        return {
            "cols": self.cols, "rows": self.rows, "label_w": self.label_w, "label_h": self.label_h,
            "top": self.top, "left": self.left, "pitch_x": self.px, "pitch_y": self.py,
        }


# Key -> (description, sheet). Descriptions are shown translated.
LABEL_PRESETS: dict[str, tuple[str, LabelSheet]] = {
    "3x8": (N_("3 × 8 labels, 70 × 37 mm"), LabelSheet(3, 8, 70, 37, top=0.5, left=0, name="3x8")),
    "4x10": (
        N_("4 × 10 labels, 48.5 × 25.4 mm"),
        LabelSheet(4, 10, 48.5, 25.4, top=21.5, left=8, name="4x10"),
    ),
    "2x7": (
        N_("2 × 7 labels, 99.1 × 38.1 mm"),
        LabelSheet(2, 7, 99.1, 38.1, top=15.15, left=4.65, pitch_x=101.6, pitch_y=38.1, name="2x7"),
    ),
}
CUSTOM = "custom"


def label_presets() -> list[tuple[str, str]]:
    """[(key, translated description)] for a choice box, "custom" last."""
    items = [(key, tr(desc)) for key, (desc, _) in LABEL_PRESETS.items()]
    items.append((CUSTOM, tr("Custom grid (millimetres)")))
    return items


def custom_sheet(values: dict[str, Any] | None = None) -> LabelSheet:
    """The custom grid from ``values`` or settings "printing.label_custom"."""
    v = dict(values if values is not None else settings.get("printing.label_custom") or {})
    try:
        sheet = LabelSheet(
            cols=int(v["cols"]), rows=int(v["rows"]),
            label_w=float(v["label_w"]), label_h=float(v["label_h"]),
            top=float(v.get("top", 0)), left=float(v.get("left", 0)),
            pitch_x=float(v["pitch_x"]) if v.get("pitch_x") not in (None, "") else None,
            pitch_y=float(v["pitch_y"]) if v.get("pitch_y") not in (None, "") else None,
            name=CUSTOM,
        )
    except (KeyError, TypeError, ValueError):
        raise ValidationError({"custom": tr("The custom label grid is incomplete.")}) from None
    sheet.validate()
    return sheet


def label_sheet(key: str | None = None) -> LabelSheet:
    """A sheet by key: "3x8", "4x10", "2x7" or "custom". ``None``: settings "printing.label_template"."""
    key = key or settings.get("printing.label_template") or "3x8"
    if key == CUSTOM:
        return custom_sheet()
    if key not in LABEL_PRESETS:
        raise ValidationError({"template": tr("Unknown label sheet: {key}").format(key=key)})
    return LABEL_PRESETS[key][1]


def label_offset() -> tuple[float, float]:
    """The printer offset calibration (x, y) in mm from the settings."""
    def num(key: str) -> float:
        try:
            return float(settings.get(key) or 0)
        except (TypeError, ValueError):
            return 0.0

    try:
        return num("printing.label_offset_x"), num("printing.label_offset_y")
    except Exception:  # no database open
        return 0.0, 0.0


@dataclass
class Label:
    """One label: ``lines`` of text, ``code`` printed as QR ("qr") or Code128 ("code128")
    with the code text beneath, ``heading`` (``None``: the school name; "" for none)."""

    lines: Sequence[str] = field(default_factory=list)
    code: str = ""
    code_kind: str = "qr"
    heading: str | None = None


def asset_label(number: str, name: str, place: str = "", code_kind: str = "qr", school: str | None = None) -> Label:
    """The standard asset tag: school name, asset number as a code with the number beneath, name, place."""
    lines = [name]
    if place:
        lines.append(place)
    return Label(lines=lines, code=number, code_kind=code_kind, heading=school)


# -- drawing -------------------------------------------------------------------

PAD = 2.2 * mm


def _fit_lines(lines: Sequence[str], w: float, h: float, max_size: float, min_size: float = 4.5) -> tuple[float, list[str]]:
    """The font size and lines that fit ``lines`` in w × h points.

    Prefer one printed line per given line, shrunk to fit; wrap only when that would
    make the text much smaller than wrapping does."""
    lines = [str(x) for x in lines if x not in (None, "")]
    if not lines:
        return max_size, []
    lead = 1.18
    # A: no wrapping
    size_a = min(max_size, h / (len(lines) * lead))
    for line in lines:
        size_a = min(size_a, fit_size(line, w, size_a, 0.1))
    # B: wrapping, the largest size whose wrapped lines fit the height
    def wrapped(size: float) -> tuple[list[str], bool]:
        out: list[str] = []
        orphan = False
        for line in lines:
            parts = wrap(line, w, size)
            orphan = orphan or (len(parts) > 1 and len(parts[-1].strip()) <= 1)
            out.extend(parts)
        return out, orphan

    size = max_size
    while True:
        out, orphan = wrapped(size)
        if len(out) * size * lead <= h or size <= min_size:
            break
        size = max(min_size, size - 0.25)
    # a single character alone on a line looks broken: shrink a little (up to 15 %) to avoid it
    if orphan:
        smaller = size
        while smaller > max(min_size, size * 0.85):
            smaller -= 0.25
            out2, orphan2 = wrapped(smaller)
            if not orphan2:
                size, out = smaller, out2
                break
    if size_a >= min_size and size_a >= 0.8 * size:
        return size_a, lines
    max_n = max(1, int(h // (size * lead)))
    if len(out) > max_n:
        out = out[:max_n]
        out[-1] = fit(out[-1] + "…", w, size)
    return size, out


def _draw_lines(c: Canvas, lines: list[str], size: float, x: float, top: float, w: float, h: float, center: bool) -> None:
    lead = size * 1.18
    block = len(lines) * lead
    y = top - (h - block) / 2 - size * 0.9
    c.setFont(FONT, size)
    for line in lines:
        if center:
            c.drawCentredString(x + w / 2, y, line)
        else:
            c.drawString(x, y, line)
        y -= lead


def draw_label(c: Canvas, label: Label, x: float, y: float, w: float, h: float, heading: str) -> None:
    """Draw ``label`` in the box whose lower-left corner is (x, y), size w × h points."""
    ix, iy, iw, ih = x + PAD, y + PAD, w - 2 * PAD, h - 2 * PAD
    top = iy + ih
    if heading:
        hs = fit_size(heading, iw, min(9.0, max(5.5, h / mm * 0.24)), 4.5)
        draw_bold(c, ix + iw / 2, top - hs * 0.92, heading, hs, "center")
        top -= hs * 1.3
        c.setLineWidth(0.4)
        c.line(ix, top + 0.2 * mm, ix + iw, top + 0.2 * mm)
        top -= 0.8 * mm
    avail_h = top - iy
    max_text = min(11.0, max(6.5, h / mm * 0.27))
    code = str(label.code or "")
    if not code:
        size, lines = _fit_lines(label.lines, iw, avail_h, max_text)
        _draw_lines(c, lines, size, ix, top, iw, avail_h, True)
        return
    code_text = min(8.0, max(5.5, h / mm * 0.2))
    if label.code_kind == "code128":
        # code across the width, number beneath, then the lines
        modules = code128_modules(code) + 20
        bar_w = min(iw, modules * 0.33 * mm)
        text_lines = [str(x) for x in label.lines if x not in (None, "")]
        # the code gets what the lines do not need: bars of at least 5.5 mm, at most 16 mm with its number
        want_lines = len(text_lines) * min(max_text, 8.5) * 1.18
        code_h = min(16 * mm, avail_h * (0.62 if text_lines else 1.0))
        code_h = max(min(code_h, avail_h - want_lines), min(avail_h, 5.5 * mm + code_text * 1.15))
        draw_code128(c, code, ix + (iw - bar_w) / 2, top - code_h, bar_w, code_h, True, code_text)
        rest = avail_h - code_h - 0.6 * mm
        if text_lines and rest > 4:
            size, lines = _fit_lines(text_lines, iw, rest, max_text)
            _draw_lines(c, lines, size, ix, top - code_h - 0.6 * mm, iw, rest, True)
        return
    # QR at the left with the number beneath; the lines to its right
    text_h = code_text * 1.2
    side = min(avail_h - text_h, iw * 0.48)
    qy = top - side
    draw_qr(c, code, ix, qy, side)
    ts = fit_size(code, max(side, iw * 0.5), code_text, 4.0)
    c.setFont(FONT, ts)
    c.drawString(ix + 0.6 * mm, qy - ts * 0.95, code)
    tx = ix + side + 1.5 * mm
    tw = ix + iw - tx
    size, lines = _fit_lines(label.lines, tw, avail_h, max_text)
    _draw_lines(c, lines, size, tx, top, tw, avail_h, False)


def render_labels(
    labels: Iterable[Label],
    sheet: LabelSheet | str | None = None,
    skip: int = 0,
    offset: tuple[float, float] | None = None,
    outline: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """Labels on A4 sheets -> PDF bytes.

    ``sheet``: a LabelSheet or a preset key (None: settings). ``skip``: leave the first
    N labels of the first sheet blank. ``offset``: (x, y) mm, None reads the settings.
    ``outline``: draw each label's border (test prints on plain paper).
    """
    register_fonts()
    if not isinstance(sheet, LabelSheet):
        sheet = label_sheet(sheet)
    sheet.validate()
    if offset is None:
        offset = label_offset()
    ox, oy = offset
    skip = max(0, int(skip)) % sheet.per_page
    labels = list(labels)
    total = len(labels)
    school = None
    buffer = io.BytesIO()
    c = new_canvas(buffer, False, tr("Labels"))
    page_h = A4[1]
    slot = skip
    w, h = sheet.label_w * mm, sheet.label_h * mm
    for i, label in enumerate(labels):
        if slot == sheet.per_page:
            c.showPage()
            slot = 0
            if cancel is not None and cancel():
                raise PrintCancelled()
            if progress is not None:
                progress(i, total)
        lx, ly = sheet.cell(slot)
        x = (lx + ox) * mm
        y = page_h - (ly + oy) * mm - h
        if outline:
            c.setLineWidth(0.3)
            c.setStrokeGray(0.6)
            c.rect(x, y, w, h, stroke=1, fill=0)
            c.setStrokeGray(0)
        heading = label.heading
        if heading is None:
            if school is None:
                school = school_name(None)
            heading = school
        draw_label(c, label, x, y, w, h, heading)
        slot += 1
    if not labels:
        c.setFont(FONT, 10)
    c.showPage()
    c.save()
    if progress is not None:
        progress(total, total)
    return buffer.getvalue()


def calibration_page(sheet: LabelSheet | str | None = None, offset: tuple[float, float] | None = None) -> bytes:
    """A test page: every label's outline with its position, to hold against a label sheet."""
    if not isinstance(sheet, LabelSheet):
        sheet = label_sheet(sheet)
    labels = [
        Label([tr("Label {n}").format(n=i + 1), tr("Column {col}, row {row}").format(col=i % sheet.cols + 1,
              row=i // sheet.cols + 1)], "", heading="")
        for i in range(sheet.per_page)
    ]
    return render_labels(labels, replace(sheet), offset=offset, outline=True)
