"""Free-layout forms on the shared template (no Qt): asset cards, slips, notices, requests, reports.

A ``SlipForm`` is the page header (school, title, number, date, meta lines)
followed by blocks — ``Fields`` (a grid of label/value boxes), ``Text``
(paragraphs), ``SmallTable`` (a ruled table), ``BarChart``, ``Spacer``,
``Signatures`` — and the form's signature block at the end.  Blocks flow onto
further pages when they do not fit (table headers repeat); each slip counts its
own "第 x 页 / 共 y 页".

``render_slips(slips, per_page=2)`` prints two slips per A4 sheet (each half
A4, 210 × 148.5 mm) with a dashed cut line between them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .charts import bar_chart_drawing
from .fonts import MissingGlyph, draw_string, register_fonts
from .table import KEEP_ROWS, Column, TableLayout, _Row
from .template import (
    FOOTER_H,
    FOOTER_SIZE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    Cancel,
    Header,
    PrintCancelled,
    Progress,
    draw_bold,
    draw_signatures,
    new_canvas,
    page_label,
    page_size,
    school_name,
    signature_height,
    text_frame,
    today,
)
from .text import format_value, width, wrap

FIELD_SIZE = 9.5
FIELD_PAD = 1.5 * mm
LABEL_FILL = 0.93


# -- blocks ----------------------------------------------------------------------


@dataclass
class Field:
    """One label/value box. ``span``: how many label/value pairs wide; ``height``: minimum
    height in mm (room to write by hand); ``kind`` formats the value like a table column."""

    label: str
    value: Any = ""
    span: int = 1
    height: float | None = None
    kind: str = "text"


@dataclass
class Fields:
    """A grid of label/value boxes, ``columns`` pairs per row. Items are ``Field`` or (label, value)."""

    items: Sequence[Field | tuple[str, Any]]
    columns: int = 2
    label_width: float | None = None  # mm; default: the widest label


@dataclass
class Text:
    """A paragraph (newlines start new paragraphs). ``indent``: two-character first-line indent."""

    text: str
    size: float = 10
    bold: bool = False
    align: str = "left"
    indent: bool = False


@dataclass
class SmallTable:
    """A ruled table inside a slip (e.g. the last entries of an asset's history)."""

    columns: Sequence[Column]
    rows: Sequence[Mapping | Sequence] = ()
    totals: Mapping | None = None
    title: str | None = None
    font_size: float = 9
    min_row_height: float = 6.5
    empty_text: str | None = None


@dataclass
class BarChart:
    """A bar chart: ``series`` is one list of numbers per series (or a single list)."""

    categories: Sequence[str]
    series: Sequence[Sequence[float]] | Sequence[float]
    series_names: Sequence[str] = ()
    title: str = ""
    height: float = 70  # mm


@dataclass
class Spacer:
    height: float = 4  # mm


@dataclass
class Signatures:
    """A signature block in the middle of a form (the form's own ``signatures`` come last)."""

    roles: Sequence[str]


Block = Fields | Text | SmallTable | BarChart | Spacer | Signatures


@dataclass
class SlipForm:
    """A free-layout form. ``render()`` -> PDF bytes; several: ``render_slips``.
    ``date=None`` prints today's date; ``""`` prints none."""

    title: str
    blocks: Sequence[Block] = field(default_factory=list)
    doc_number: str | None = None
    date: Any = None
    meta: Sequence[tuple[str, Any]] = ()
    signatures: Sequence[str] = ()
    school: str | None = None
    subtitle: str | None = None
    landscape: bool = False

    def render(self, progress: Progress | None = None, cancel: Cancel | None = None) -> bytes:
        return render_slips([self], per_page=1, landscape=self.landscape, progress=progress, cancel=cancel)

    def pages(self, per_page: int = 1) -> int:
        """How many pages (``per_page=2``: half-page slots) this slip takes, measured by the
        same layout ``render_slips`` uses."""
        return slip_slots(self, per_page)


# -- layout: blocks become pieces of known height --------------------------------


@dataclass
class _Piece:
    height: float
    draw: Callable[[Canvas, float, float, float], None] | None  # (canvas, x, top, width)
    keep_with_next: bool = False
    table: TableLayout | None = None  # table rows are batched and drawn under one header
    row: _Row | None = None
    space: bool = False  # dropped at the top of a page
    signature: bool = False  # a signature block: keeps the last lines before it company


def _fields_pieces(block: Fields, avail: float) -> list[_Piece]:
    items = [it if isinstance(it, Field) else Field(it[0], it[1]) for it in block.items]
    cols = max(1, block.columns)
    pair_w = avail / cols
    if block.label_width:
        label_w = block.label_width * mm
    else:
        widest = max((width(f.label, FIELD_SIZE) for f in items), default=0)
        label_w = min(pair_w * 0.45, widest + 2 * FIELD_PAD + 1)
    lead = FIELD_SIZE * 1.3
    # rows of (field, col, span)
    rows: list[list[tuple[Field, int, int]]] = []
    row: list[tuple[Field, int, int]] = []
    col = 0
    for f in items:
        span = max(1, min(cols, f.span))
        if col + span > cols:
            rows.append(row)
            row, col = [], 0
        row.append((f, col, span))
        col += span
    if row:
        rows.append(row)
    pieces = []
    for row in rows:
        cells = []
        h = 8 * mm
        for f, col, span in row:
            x = col * pair_w
            value_w = span * pair_w - label_w
            try:
                label_lines = wrap(f.label, label_w - 2 * FIELD_PAD, FIELD_SIZE)
                value_lines = wrap(format_value(f.value, f.kind), value_w - 2 * FIELD_PAD, FIELD_SIZE)
            except MissingGlyph as e:
                raise e.located(f.label) from None
            need = max(len(label_lines), len(value_lines)) * lead + 2 * FIELD_PAD
            h = max(h, need, (f.height or 0) * mm)
            cells.append((x, value_w, label_lines, value_lines, f))
        used = max(col + span for _, col, span in row)
        # the last cell stretches to the right edge
        x, value_w, ll, vl, f = cells[-1]
        if used < cols:
            cells[-1] = (x, value_w + (cols - used) * pair_w, ll, vl, f)

        def draw(c: Canvas, x0: float, top: float, w: float, cells=cells, h=h) -> None:
            bottom = top - h
            c.setLineWidth(0.6)
            for x, value_w, label_lines, value_lines, f in cells:
                c.setFillGray(LABEL_FILL)
                c.rect(x0 + x, bottom, label_w, h, stroke=1, fill=1)
                c.setFillGray(0)
                c.rect(x0 + x + label_w, bottom, value_w, h, stroke=1, fill=0)
                block = len(label_lines) * lead
                y = bottom + h / 2 + block / 2 - lead / 2 - FIELD_SIZE * 0.36
                for line in label_lines:
                    draw_string(c, x0 + x + label_w / 2, y, line, FIELD_SIZE, "center")
                    y -= lead
                if len(value_lines) > 1 or (f.height or 0) * mm > 10 * mm:
                    y = top - FIELD_PAD - lead / 2 - FIELD_SIZE * 0.36  # long text: from the top
                else:
                    y = bottom + h / 2 - FIELD_SIZE * 0.36
                for line in value_lines:
                    draw_string(c, x0 + x + label_w + FIELD_PAD, y, line, FIELD_SIZE)
                    y -= lead

        pieces.append(_Piece(h, draw))
    return pieces


def _text_pieces(block: Text, avail: float) -> list[_Piece]:
    lead = block.size * 1.55
    pieces = []
    for para in str(block.text).split("\n"):
        text = ("\u3000\u3000" + para) if block.indent and para else para
        for line in wrap(text, avail, block.size):

            def draw(c: Canvas, x: float, top: float, w: float, line=line) -> None:
                base = top - lead / 2 - block.size * 0.36
                px = {"center": x + w / 2, "right": x + w}.get(block.align, x)
                if block.bold:
                    draw_bold(c, px, base, line, block.size, block.align)
                else:
                    draw_string(c, px, base, line, block.size, block.align)

            pieces.append(_Piece(lead, draw))
    return pieces


def _table_pieces(block: SmallTable, x: float, avail: float) -> list[_Piece]:
    layout = TableLayout(block.columns, x, avail, block.font_size, block.min_row_height)
    pieces: list[_Piece] = []
    if block.title:
        pieces += [
            _Piece(7 * mm, lambda c, x0, top, w, t=block.title: draw_bold(c, x0, top - 5 * mm, t, 10.5),
                   keep_with_next=True)
        ]
    rows = [layout.measure(r, i) for i, r in enumerate(block.rows, start=1)]
    if not rows:
        rows = [layout.empty_row(block.empty_text)]
    if block.totals is not None:
        rows.append(layout.totals_row(block.totals))
    pieces += [_Piece(r.height, None, table=layout, row=r) for r in rows]
    return pieces


def _chart_piece(block: BarChart, avail: float) -> _Piece:
    series = block.series
    if series and not isinstance(series[0], (list, tuple)):
        series = [series]  # type: ignore[list-item]
    h = block.height * mm

    def draw(c: Canvas, x: float, top: float, w: float) -> None:
        d = bar_chart_drawing(w, h, block.categories, series, block.series_names, block.title)  # type: ignore[arg-type]
        renderPDF.draw(d, c, x, top - h)

    return _Piece(h + 2 * mm, draw)


def _signature_piece(roles: Sequence[str], avail: float) -> _Piece:
    h = signature_height(roles, avail)
    return _Piece(h, lambda c, x, top, w: draw_signatures(c, roles, x, top, w), signature=True)


def _block_where(block: Block) -> str:
    if isinstance(block, SmallTable):
        return block.title or ""
    if isinstance(block, BarChart):
        return block.title
    return ""


def _pieces(slip: SlipForm, x: float, avail: float) -> list[_Piece]:
    pieces: list[_Piece] = []
    try:
        for block in slip.blocks:
            if pieces and not isinstance(block, Spacer):
                pieces.append(_Piece(2 * mm, None, space=True))
            try:
                if isinstance(block, Fields):
                    pieces += _fields_pieces(block, avail)
                elif isinstance(block, Text):
                    pieces += _text_pieces(block, avail)
                elif isinstance(block, SmallTable):
                    pieces += _table_pieces(block, x, avail)
                elif isinstance(block, BarChart):
                    pieces.append(_chart_piece(block, avail))
                elif isinstance(block, Spacer):
                    pieces.append(_Piece(block.height * mm, None, space=True))
                elif isinstance(block, Signatures):
                    pieces.append(_signature_piece(block.roles, avail))
                else:
                    raise TypeError(f"not a slip block: {block!r}")
            except MissingGlyph as e:
                raise e.located(_block_where(block)) from None
        if slip.signatures:
            pieces.append(_signature_piece(slip.signatures, avail))
    except MissingGlyph as e:
        raise e.located(slip.title) from None
    return pieces


def _keep_before_signatures(pieces: list[_Piece], body_h: float) -> list[_Piece]:
    """Mark the last lines before each signature block (up to three rows or lines, at most
    half a page) to go on the same page: never a page with only signature lines."""
    out = list(pieces)
    for s, sig in enumerate(pieces):
        if not sig.signature or s == 0:
            continue
        total = sig.height
        count = 0
        k = s - 1
        while k >= 0 and count < KEEP_ROWS:
            q = out[k]
            if q.signature:
                break
            if not q.space:
                if count and total + q.height > body_h * 0.5:
                    break
                total += q.height
                count += 1
            out[k] = replace(q, keep_with_next=True)
            k -= 1
    return out


def _paginate(pieces: list[_Piece], body_h: float) -> list[list[_Piece]]:
    """Split pieces into slots of ``body_h`` points; table rows need their header above them;
    a signature block keeps the last rows or lines before it on its page."""
    pieces = _keep_before_signatures(pieces, body_h)
    slots: list[list[_Piece]] = [[]]
    used = 0.0
    i = 0
    while i < len(pieces):
        p = pieces[i]
        slot = slots[-1]
        if p.space and not slot:
            i += 1
            continue
        need = p.height
        if p.table is not None and not (slot and slot[-1].table is p.table):
            need += p.table.head_h
        # keep a title with the first piece after it
        j = i
        while pieces[j].keep_with_next and j + 1 < len(pieces):
            j += 1
            nxt = pieces[j]
            need += nxt.height + (nxt.table.head_h if nxt.table is not None and j == i + 1 else 0)
        if used + need > body_h and slot:
            slots.append([])
            used = 0.0
            continue
        for k in range(i, j + 1):
            q = pieces[k]
            extra = q.table.head_h if q.table is not None and not (slots[-1] and slots[-1][-1].table is q.table) else 0
            slots[-1].append(q)
            used += q.height + extra
        i = j + 1
    return slots


def _draw_slot(c: Canvas, pieces: list[_Piece], x: float, top: float, avail: float) -> None:
    y = top
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if p.table is not None:
            rows = []
            while i < len(pieces) and pieces[i].table is p.table:
                rows.append(pieces[i].row)
                i += 1
            y = p.table.draw_table(c, y, rows)
            continue
        if p.draw is not None:
            p.draw(c, x, y, avail)
        y -= p.height
        i += 1


# -- rendering -------------------------------------------------------------------

HALF_TOP = 9 * mm
HALF_BOTTOM = 5 * mm


def slip_slots(slip: SlipForm, per_page: int = 1) -> int:
    """How many page slots ``slip`` takes printed ``per_page`` (1, or 2 half-A4 slots) to a sheet."""
    register_fonts()
    landscape = slip.landscape and per_page != 2
    page_w, page_h = page_size(landscape)
    x0, avail = text_frame(landscape)
    slot_h = page_h / (2 if per_page == 2 else 1)
    top = MARGIN_TOP if per_page != 2 else HALF_TOP
    bottom = MARGIN_BOTTOM if per_page != 2 else HALF_BOTTOM
    header = Header(school_name(slip.school), slip.title, slip.subtitle, slip.doc_number,
                    slip.date if slip.date is not None else today(), slip.meta)
    body_h = slot_h - top - header.height(avail) - bottom - FOOTER_H
    return len(_paginate(_pieces(slip, x0, avail), body_h))


def render_slips(
    slips: Iterable[SlipForm],
    per_page: int = 1,
    landscape: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> bytes:
    """Several slips in one PDF. ``per_page=2``: two half-A4 slots per portrait sheet, cut line
    between them (a slip longer than half a page continues in the next slot)."""
    register_fonts()
    slips = list(slips)
    per_page = 2 if per_page == 2 else 1
    if per_page == 2:
        landscape = False
    page_w, page_h = page_size(landscape)
    x0, avail = text_frame(landscape)
    slot_h = page_h / per_page
    top_margin = MARGIN_TOP if per_page == 1 else HALF_TOP
    bottom_margin = MARGIN_BOTTOM if per_page == 1 else HALF_BOTTOM
    buffer = io.BytesIO()
    c = new_canvas(buffer, landscape, slips[0].title if slips else "")
    school_default: str | None = None
    slot_index = 0  # slot on the current sheet
    started = False
    for n, slip in enumerate(slips):
        if cancel is not None and cancel():
            raise PrintCancelled()
        if slip.school is None:
            if school_default is None:
                school_default = school_name(None)
            school = school_default
        else:
            school = slip.school
        header = Header(school, slip.title, slip.subtitle, slip.doc_number,
                        slip.date if slip.date is not None else today(), slip.meta)
        head_h = header.height(avail)
        body_h = slot_h - top_margin - head_h - bottom_margin - FOOTER_H
        header.check()
        slots = _paginate(_pieces(slip, x0, avail), body_h)
        for k, pieces in enumerate(slots, start=1):
            if started and slot_index == 0:
                c.showPage()
            started = True
            slot_top = page_h - slot_index * slot_h
            y = header.draw(c, x0, slot_top - top_margin, avail)
            _draw_slot(c, pieces, x0, y, avail)
            draw_string(c, x0 + avail / 2, slot_top - slot_h + bottom_margin + 1.5 * mm, page_label(k, len(slots)),
                        FOOTER_SIZE, "center")
            if per_page == 2 and slot_index == 0:
                c.saveState()
                c.setDash(4, 3)
                c.setLineWidth(0.4)
                c.setStrokeGray(0.45)
                c.line(5 * mm, page_h / 2, page_w - 5 * mm, page_h / 2)
                c.restoreState()
            slot_index = (slot_index + 1) % per_page
        if progress is not None:
            progress(n + 1, len(slips))
    if not started:
        c.setFont(register_fonts(), 10)
    c.showPage()
    c.save()
    return buffer.getvalue()
