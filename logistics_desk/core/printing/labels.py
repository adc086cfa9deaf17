"""Labels on A4 label sheets (no Qt): asset tags, canteen sample labels, anything with a code.

A ``LabelSheet`` is a grid in millimetres.  Presets are chosen by key
(``label_sheet("3x8")``); ``"custom"`` reads settings "printing.label_custom".
The printer offset calibration (settings "printing.label_offset_x/y", mm;
positive x moves the print right, positive y moves it down) shifts every label.
``skip`` starts on a partly used sheet: the first ``skip`` labels stay blank
(0 to per_page - 1; anything else is refused, never wrapped round).

Nothing is printed within ``SAFE_MARGIN`` (4 mm) of the sheet's edges, where most
office printers cannot print: labels that touch an edge (the 3 × 8 sheet's outer
columns) get a wider inner margin, the same on every label of the sheet.  A custom
grid whose labels would keep too little room that way is refused (``validate``).

Each ``Label`` prints a heading (the school name unless given), a QR code or
Code128 of ``code`` with the code in readable text, and its ``lines``, shrunk (and
wrapped) until they fit.  Asset tags (``big_code``) print the number as the label's
largest text: beside the QR code, or beneath the bars.
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
from .fonts import FONT, draw_string, register_fonts
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


SHEET_W, SHEET_H = 210.0, 297.0  # A4, mm
SAFE_MARGIN = 4.0  # mm kept clear along every edge of the sheet: most office printers cannot print there
PAD = 2.2  # mm, the least inner margin of a label
MIN_ROOM = (20.0, 12.0)  # mm (width, height) a label keeps for printing when it must stay clear of the edge


def _mm(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


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

    def insets(self, offset: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
        """The inner margins (x, y) in mm of every label on this sheet, printed with ``offset``:
        at least ``PAD``, and wide enough that nothing comes within ``SAFE_MARGIN`` of the
        sheet's edges. The same on both sides and on every label, so all labels look alike."""
        ox, oy = offset
        right = self.left + ox + (self.cols - 1) * self.px + self.label_w
        bottom = self.top + oy + (self.rows - 1) * self.py + self.label_h
        pad_x = max(PAD, SAFE_MARGIN - (self.left + ox), SAFE_MARGIN - (SHEET_W - right))
        pad_y = max(PAD, SAFE_MARGIN - (self.top + oy), SAFE_MARGIN - (SHEET_H - bottom))
        return pad_x, pad_y

    def validate(self, offset: tuple[float, float] = (0.0, 0.0)) -> None:
        """ValidationError (field -> message) unless the grid fits on A4 and every label keeps
        room to print on while staying ``SAFE_MARGIN`` clear of the sheet's edges (with ``offset``,
        the printer offset calibration; its problems are reported as "offset_x"/"offset_y")."""
        errors: dict[str, str] = {}
        if self.cols < 1 or self.rows < 1:
            errors["cols"] = tr("A label sheet needs at least one column and one row.")
        if self.label_w <= 5 or self.label_h <= 5:
            errors["label_w"] = tr("Labels must be larger than 5 mm.")
        if self.px < self.label_w - 0.01:
            errors["pitch_x"] = tr("The pitch must not be smaller than the label size.")
        if self.py < self.label_h - 0.01:
            errors["pitch_y"] = tr("The pitch must not be smaller than the label size.")
        if self.left < 0:
            errors["left"] = tr("The margin cannot be negative.")
        if self.top < 0:
            errors["top"] = tr("The margin cannot be negative.")
        right = self.left + (self.cols - 1) * self.px + self.label_w
        bottom = self.top + (self.rows - 1) * self.py + self.label_h
        if right > SHEET_W + 0.5 or bottom > SHEET_H + 0.5:
            errors["grid"] = tr("The labels do not fit on an A4 sheet.")
        if errors:
            raise ValidationError(errors)
        for keys, off in ((("left", "top"), (0.0, 0.0)), (("offset_x", "offset_y"), offset)):
            errors = self._room_errors(off, keys)
            if errors:
                raise ValidationError(errors)

    def _room_errors(self, offset: tuple[float, float], keys: tuple[str, str]) -> dict[str, str]:
        """Messages for a grid (keys "left", "top") or a printer offset ("offset_x", "offset_y") that
        leaves the labels too little room once they keep clear of the sheet's edges."""
        pad_x, pad_y = self.insets(offset)
        by_offset = keys[0] == "offset_x"
        errors: dict[str, str] = {}
        for key, size, pad, least in ((keys[0], self.label_w, pad_x, MIN_ROOM[0]),
                                      (keys[1], self.label_h, pad_y, MIN_ROOM[1])):
            room = size - 2 * pad
            # the clearance may shrink a label's printing room down to ``least``, never below
            if not (pad > PAD + 1e-9 and room < min(least, size - 2 * PAD) - 1e-9):
                continue
            across = key in ("left", "offset_x")
            if by_offset and across:
                message = tr("The printer offset moves the labels too close to the sheet's left or right edge: "
                             "each label keeps only {room} mm of its width for printing (at least {least} mm "
                             "are needed). Use a smaller offset.")
            elif by_offset:
                message = tr("The printer offset moves the labels too close to the sheet's top or bottom edge: "
                             "each label keeps only {room} mm of its height for printing (at least {least} mm "
                             "are needed). Use a smaller offset.")
            elif across:
                message = tr("Too close to the sheet's left or right edge: printers leave {safe} mm there blank, "
                             "so each label keeps only {room} mm of its width for printing (at least {least} mm "
                             "are needed). Move the labels in from the edge or use fewer columns.")
            else:
                message = tr("Too close to the sheet's top or bottom edge: printers leave {safe} mm there blank, "
                             "so each label keeps only {room} mm of its height for printing (at least {least} mm "
                             "are needed). Move the labels in from the edge or use fewer rows.")
            errors[key] = message.format(safe=_mm(SAFE_MARGIN), room=_mm(max(0.0, room)), least=_mm(least))
        return errors

    def check_skip(self, skip: int) -> None:
        """ValidationError unless ``skip`` labels can be left blank on this sheet (0 to per_page - 1)."""
        if not 0 <= int(skip) < self.per_page:
            raise ValidationError({"skip": tr(
                "A sheet of this kind has {per_page} labels: you can leave 0 to {most} of them blank, "
                "not {skip}.").format(per_page=self.per_page, most=self.per_page - 1, skip=skip)})

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
    with the code in readable text, ``heading`` (``None``: the school name; "" for none).

    ``big_code``: the code's text is the label's largest text (asset tags: the number is
    what people read and write down), beside the QR code or beneath the bars; otherwise
    it is printed small beneath the code."""

    lines: Sequence[str] = field(default_factory=list)
    code: str = ""
    code_kind: str = "qr"
    heading: str | None = None
    big_code: bool = False


def asset_label(number: str, name: str, place: str = "", code_kind: str = "qr", school: str | None = None) -> Label:
    """The standard asset tag: school name, the asset number as a code and as the largest text, name, place."""
    lines = [name]
    if place:
        lines.append(place)
    return Label(lines=lines, code=number, code_kind=code_kind, heading=school, big_code=True)


# -- drawing -------------------------------------------------------------------

LEAD = 1.18
BIG_CODE_MAX = 14.0  # pt, the largest size of an asset number
SMALLER = 0.82  # every other text on an asset tag is at most this fraction of the number's size


def _fit_lines(lines: Sequence[str], w: float, h: float, max_size: float,
               min_size: float = 4.5) -> tuple[float, list[str]]:
    """The font size and lines that fit ``lines`` in w × h points.

    Prefer one printed line per given line, shrunk to fit; wrap only when that would
    make the text much smaller than wrapping does."""
    lines = [str(x) for x in lines if x not in (None, "")]
    if not lines:
        return max_size, []
    min_size = min(min_size, max_size)
    lead = LEAD
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


def _draw_lines(c: Canvas, lines: list[str], size: float, x: float, top: float, w: float, h: float,
                center: bool) -> None:
    lead = size * LEAD
    block = len(lines) * lead
    y = top - (h - block) / 2 - size * 0.9
    for line in lines:  # through the font chain: a name with 𠮷 or ℃ prints, never a blank
        if center:
            draw_string(c, x + w / 2, y, line, size, align="center")
        else:
            draw_string(c, x, y, line, size)
        y -= lead


def _number_size(code: str, w: float, largest: float) -> float:
    """The size at which ``code`` (bold) fits ``w`` points, at most ``largest``."""
    return fit_size(code, w * 0.97, largest, 4.0)


def draw_label(c: Canvas, label: Label, x: float, y: float, w: float, h: float, heading: str,
               inset: tuple[float, float] | None = None) -> None:
    """Draw ``label`` in the box whose lower-left corner is (x, y), size w × h points,
    nothing nearer its edges than ``inset`` (x, y) points (default ``PAD`` mm)."""
    pad_x, pad_y = inset if inset is not None else (PAD * mm, PAD * mm)
    ix, iy, iw, ih = x + pad_x, y + pad_y, w - 2 * pad_x, h - 2 * pad_y
    top = iy + ih
    code = str(label.code or "")
    big = label.big_code and bool(code)
    head_size = min(9.0, max(5.5, h / mm * 0.24))
    max_text = min(11.0, max(6.5, h / mm * 0.27))
    number_size = 0.0
    if big:
        # the number is the largest text: everything else stays below it
        head_h = head_size * 1.3 + 0.8 * mm if heading else 0
        avail = ih - head_h
        if label.code_kind == "code128":
            room = iw
        else:
            room = iw - min(avail, iw * 0.42) - 1.5 * mm
        number_size = _number_size(code, room, min(BIG_CODE_MAX, max(7.0, h / mm * 0.42)))
        head_size = min(head_size, number_size * SMALLER)
        max_text = min(max_text, number_size * SMALLER)
    if heading:
        hs = fit_size(heading, iw, head_size, min(4.5, head_size))
        draw_bold(c, ix + iw / 2, top - hs * 0.92, heading, hs, "center")
        top -= hs * 1.3
        c.setLineWidth(0.4)
        c.line(ix, top + 0.2 * mm, ix + iw, top + 0.2 * mm)
        top -= 0.8 * mm
    avail_h = top - iy
    if not code:
        size, lines = _fit_lines(label.lines, iw, avail_h, max_text)
        _draw_lines(c, lines, size, ix, top, iw, avail_h, True)
        return
    text_lines = [str(t) for t in label.lines if t not in (None, "")]
    box = (ix, top, iw, avail_h)
    if label.code_kind == "code128":
        _draw_code128_part(c, code, big, box, h, number_size, max_text, text_lines)
    elif big:
        _draw_big_qr_part(c, code, box, number_size, max_text, text_lines)
    else:
        _draw_qr_part(c, code, box, h, max_text, label.lines)


def _draw_code128_part(c: Canvas, code: str, big: bool, box: tuple[float, float, float, float], h: float,
                       number_size: float, max_text: float, text_lines: list[str]) -> None:
    """Code128 across the width, its number beneath, then the lines; ``box``: (left, top, width, height)
    under the heading."""
    ix, top, iw, avail_h = box
    code_text = number_size if big else min(8.0, max(5.5, h / mm * 0.2))
    number_h = code_text * 1.15 + (0.3 * mm if big else 0)
    modules = code128_modules(code) + 20
    bar_w = min(iw, modules * 0.33 * mm)
    # the code gets what the lines do not need: bars of at least 5.5 mm, at most 16 mm with its number
    want_lines = len(text_lines) * min(max_text, 8.5) * LEAD
    code_h = min(16 * mm, avail_h * (0.62 if text_lines else 1.0))
    code_h = max(min(code_h, avail_h - want_lines), min(avail_h, 5.5 * mm + number_h))
    if big:
        draw_code128(c, code, ix + (iw - bar_w) / 2, top - code_h + number_h, bar_w, code_h - number_h, False)
        draw_bold(c, ix + iw / 2, top - code_h + 0.45 * mm + code_text * 0.12, code, code_text, "center")
    else:
        draw_code128(c, code, ix + (iw - bar_w) / 2, top - code_h, bar_w, code_h, True, code_text)
    rest = avail_h - code_h - 0.6 * mm
    if text_lines and rest > 4:
        size, lines = _fit_lines(text_lines, iw, rest, max_text)
        _draw_lines(c, lines, size, ix, top - code_h - 0.6 * mm, iw, rest, True)


def _draw_big_qr_part(c: Canvas, code: str, box: tuple[float, float, float, float], number_size: float,
                      max_text: float, text_lines: list[str]) -> None:
    """QR at the left; to its right the number (largest, bold) above the lines."""
    ix, top, iw, avail_h = box
    side = min(avail_h, iw * 0.42)
    draw_qr(c, code, ix, top - side, side)
    tx = ix + side + 1.5 * mm
    tw = ix + iw - tx
    number_h = number_size * 1.3
    size, lines = (_fit_lines(text_lines, tw, avail_h - number_h, max_text) if text_lines else (max_text, []))
    block = number_h + len(lines) * size * LEAD
    y0 = top - max(0.0, (avail_h - block) / 2)  # the number and lines centred beside the code
    draw_bold(c, tx, y0 - number_size * 0.95, code, number_size)
    if lines:
        _draw_lines(c, lines, size, tx, y0 - number_h, tw, len(lines) * size * LEAD, False)


def _draw_qr_part(c: Canvas, code: str, box: tuple[float, float, float, float], h: float, max_text: float,
                  label_lines) -> None:
    """QR at the left with the number beneath; the lines to its right."""
    ix, top, iw, avail_h = box
    code_text = min(8.0, max(5.5, h / mm * 0.2))
    text_h = code_text * 1.2
    side = min(avail_h - text_h, iw * 0.48)
    qy = top - side
    draw_qr(c, code, ix, qy, side)
    ts = fit_size(code, max(side, iw * 0.5), code_text, 4.0)
    c.setFont(FONT, ts)
    c.drawString(ix + 0.6 * mm, qy - ts * 0.95, code)
    tx = ix + side + 1.5 * mm
    tw = ix + iw - tx
    size, lines = _fit_lines(label_lines, tw, avail_h, max_text)
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
    A ``skip`` outside 0 to per_page - 1, or a sheet (or offset) that would print within
    ``SAFE_MARGIN`` of the sheet's edge, raises ValidationError.
    """
    register_fonts()
    if not isinstance(sheet, LabelSheet):
        sheet = label_sheet(sheet)
    if offset is None:
        offset = label_offset()
    sheet.validate(offset)
    sheet.check_skip(skip)
    ox, oy = offset
    inset = tuple(v * mm for v in sheet.insets(offset))
    skip = int(skip)
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
        draw_label(c, label, x, y, w, h, heading, inset)
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
