"""Printed forms: plain data in, PDF bytes out (no Qt).

Every form of every module uses the same A4 template (``template.py``): school
name and title at the top, document number and date, meta lines, the body, a
signature block whose roles the form names, and "第 x 页 / 共 y 页" at the foot.
Portrait pages keep 25 mm on the left for binding (15 mm right; landscape 15 mm
both sides): ``template.text_frame(landscape)`` gives the text's x and width.
The CJK font (WenQuanYi Micro Hei, ``resources/fonts``) is embedded as a subset
in every PDF.  All strings shown are translated with ``tr``.

Fonts (``fonts.py``): every string the core draws goes through a per-character
fallback chain — the body font, then TrueType fonts of the system (SimSun,
SimSun-ExtB, SimSun-ExtG, Microsoft YaHei on Windows; Droid Sans Fallback,
Hanazono, DejaVu Sans on Linux), then the bundled Hanazono subsets (CJK
Extension A–F, ℃, pinyin tones) — so 𠮷 䶮 𬱖 ℃ print.  A character that no font
has raises ``MissingGlyph`` (a ``UserError``: form, section, row, column, the
text and the character with its U+ code), never a blank.  Code that draws on a
canvas itself uses ``fonts.draw_string(c, x, y, text, size, align)`` /
``fonts.text_out(text_object, text, size)`` / ``fonts.string_width`` instead of
``c.drawString`` / ``stringWidth``, or at least ``fonts.check(text)``.

Lists in running text: ``join_list(items)`` ("甲、乙" in Chinese, "a, b" in English).

Table forms (lists, sheets, registers) — fast, streamed page by page::

    from logistics_desk.core.printing import Column, Section, TableForm
    from logistics_desk.core.i18n import tr

    columns = [
        Column("no", tr("No."), 8, kind="index"),            # 序号 (auto 1, 2, 3…)
        Column("number", tr("Asset No."), 24),              # 资产编号
        Column("name", tr("Name"), 28),
        Column("model", tr("Model"), 24),
        Column("unit", tr("Unit"), 9, align="center"),
        Column("qty", tr("Qty"), 9, kind="qty"),
        Column("price", tr("Unit price"), 16, kind="money"),
        Column("amount", tr("Amount"), 18, kind="money"),
        Column("bought", tr("Purchase date"), 20, kind="date"),
        Column("status", tr("Status"), 10, align="center"),
        Column("remark", tr("Remarks"), 16),
    ]
    sections = [
        Section(
            meta=[(tr("Location"), room.full_name), (tr("Custodian"), room_keeper)],
            rows=[{"number": a.number, "name": a.name, ..., "amount": a.amount} for a in assets],
            totals={"qty": 12, "amount": Decimal("35600.00")},
            signatures=[tr("Custodian"), tr("Department head"), tr("General affairs clerk")],
            # 保管人 / 部门负责人 / 总务干事: each prints "保管人签字：____  日期：____"
            title=room.full_name,           # optional subtitle line
        )
        for room, assets in rooms          # one section per room: each starts on a new page
    ]
    pdf: bytes = TableForm(
        tr("Asset inventory sheet"), columns, sections,
        doc_number="QD-2026-0001", date=clock.today(), landscape=True,
    ).render(progress=lambda done, total: ..., cancel=lambda: False)

  * ``Column(key, header, width, align=None, kind="text", max_lines=3)``; widths are
    relative weights scaled to the printable width (millimetres work as weights); a
    column too narrow for a word of its header (at 7 pt) or for an amount/date is
    widened a little at the expense of text columns with room to spare.
    Cells never break inside a latin word, a number, an amount or a document number
    (QD-2026-B0001); a short phrase is set up to 20 % smaller rather than broken
    ("最低价、/选定"); text is set up to 30 % smaller to stay within ``max_lines``, and
    takes more lines rather than being cut with "…".  money/qty/date/index cells stay
    on one line (set smaller); ``max_lines=1`` keeps a text column on one line the same way.
    Headers break only between words.
    Kinds: ``text``, ``money`` (1,234.50), ``qty``, ``date``, ``index`` (序号),
    ``barcode`` (Code128 of the cell text with the text beneath; rows grow to 13 mm),
    ``checkbox`` (an empty box to tick by hand; ticked if the value is true).
  * Rows are dicts keyed by ``Column.key`` or sequences in column order.
  * ``Section(meta, rows, totals, signatures, title, note, blank_rows)``: each section
    starts on a new page, has its own page numbering "第 x 页 / 共 y 页", its own
    totals row (first column says "合计"), note and signature block. ``signatures=None``
    uses ``TableForm.signatures``.  ``blank_rows=N`` adds ruled empty rows to write in
    (as many as fit on the last page, up to N, at least 2).
  * No orphan pages: the last page of a section holds the last rows of the table (up
    to ``table.KEEP_ROWS`` = 3) with the totals, note and signatures.  In slips, a
    signature block keeps the last three rows or lines before it on its page.
  * The table header repeats on every page; so do the school name, title and meta lines.
  * ``render(progress=None, cancel=None)``: ``progress(rows_done, rows_total|None)``
    after each page; ``cancel()`` returning True raises ``PrintCancelled`` (a
    ``tasks.Cancelled``, so ``run_in_worker`` treats it as a cancel, not an error).
    The signature matches ``run_in_worker``'s ``fn(progress, cancelled)``.
  * ``school=None`` reads settings "school.name" (``masterdata.school_name()``);
    ``date=None`` prints ``clock.today()``, ``date=""`` no date.  Rendering in a worker
    thread may read those settings there; pass ``school=`` to avoid it.
  * ``TableForm(..., signatures=[...])`` is the default for sections with
    ``signatures=None``; ``min_row_height`` (mm, default 7: room to write by hand),
    ``font_size`` (9), ``footer`` (small text bottom right of every page).
  * Speed: 5,000 rows ≈ 1.5–2.5 s (264 landscape pages), about the cost of a bare
    canvas drawing the same cells (``benchmarks/bench_printing.py``).

Free-layout forms (asset card, slips, notices, requests) — ``SlipForm``::

    from logistics_desk.core.printing import SlipForm, Fields, Field, Text, SmallTable, render_slips

    slip = SlipForm(
        tr("Asset transfer slip"), doc_number="DB-2026-0003", date=today,
        blocks=[
            Fields([(tr("Asset No."), "ZC-2026-00001"), (tr("Name"), "投影仪"),
                    Field(tr("Reason"), "教室调整", span=2)], columns=2),
            Text("兹将上述资产调拨……"),
            SmallTable([Column(...), ...], rows),
        ],
        signatures=[tr("Transferred by"), tr("Received by"), tr("Director of general affairs")],
    )
    pdf = slip.render()                       # one slip (may run over several pages)
    slip.pages(per_page=1)                    # how many pages (slots) it takes, before printing
    pdf = render_slips([slip1, slip2], per_page=2)   # two half-A4 slips per sheet, cut line

Other blocks: ``Text(text, size=10, bold=False, align="left", indent=False)``,
``Spacer(mm)``, ``Signatures(roles)`` (mid-form), and for monthly reports
``BarChart(categories, series, series_names=(), title="", height=70)`` (mm); series is a
list of numbers or a list of lists.  ``bar_chart_drawing(w, h, ...)`` gives the ReportLab Drawing.

Labels on A4 label sheets::

    from logistics_desk.core.printing import Label, render_labels, label_sheet, LABEL_PRESETS

    sheet = label_sheet("3x8")              # or "4x10", "2x7", "custom" (reads settings), or
    sheet = LabelSheet(cols=3, rows=8, label_w=70, label_h=37, top=0.5, left=0,
                       pitch_x=None, pitch_y=None)          # millimetres; pitch = size + gap
    pdf = render_labels([Label([asset.name, place], asset.number, "qr")], sheet, skip=5)
    pdf = render_labels([asset_label("ZC-2026-00001", "投影仪", "教学楼 301", "code128")], "4x10")

  ``Label(lines, code, code_kind="qr"|"code128", heading=None)``: heading None = school
  name.  ``skip`` leaves the first N labels of a partly used sheet blank; the printer
  offset (settings "printing.label_offset_x/y", mm, +x right, +y down) shifts everything
  (``offset=(x, y)`` overrides).  ``label_presets()`` -> [(key, translated description)]
  for a choice box; ``calibration_page(sheet)`` prints the outlines to check the offset.
  ``render_labels(..., progress, cancel)`` like the other renderers.

For the GUI: build the bytes in ``run_in_worker`` and show them with
``logistics_desk.core.ui.pdf_preview.preview_pdf(parent, pdf_bytes, title, filename)``
(preview, 打印… with page range/copies and progress, 另存为 PDF…).

Lower-level pieces for unusual forms: ``TableLayout`` (measure/draw a ruled table at
any x/width), ``Header`` (the page head), ``draw_code128``/``draw_qr``,
``draw_checkbox``, ``page_label(page, pages)``, ``register_fonts()``/``FONT``.
"""

from __future__ import annotations

from .barcodes import draw_code128, draw_qr
from .charts import bar_chart_drawing
from .fonts import FONT, MissingGlyph, register_fonts
from .labels import (
    LABEL_PRESETS,
    Label,
    LabelSheet,
    asset_label,
    calibration_page,
    custom_sheet,
    label_offset,
    label_presets,
    label_sheet,
    render_labels,
)
from .slips import BarChart, Field, Fields, Signatures, SlipForm, SmallTable, Spacer, Text, render_slips
from .table import Column, Section, TableForm, TableLayout, draw_checkbox
from .template import Header, PrintCancelled, page_label
from .text import format_date, format_money, format_qty, join_list

__all__ = [
    "FONT",
    "LABEL_PRESETS",
    "BarChart",
    "Column",
    "Field",
    "Fields",
    "Header",
    "Label",
    "LabelSheet",
    "MissingGlyph",
    "PrintCancelled",
    "Section",
    "Signatures",
    "SlipForm",
    "SmallTable",
    "Spacer",
    "TableForm",
    "TableLayout",
    "Text",
    "asset_label",
    "bar_chart_drawing",
    "calibration_page",
    "custom_sheet",
    "draw_checkbox",
    "draw_code128",
    "draw_qr",
    "format_date",
    "format_money",
    "format_qty",
    "join_list",
    "label_offset",
    "label_presets",
    "label_sheet",
    "page_label",
    "register_fonts",
    "render_labels",
    "render_slips",
]
