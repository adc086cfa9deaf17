"""Simple charts for reports (ReportLab graphics, no Qt): a bar chart with the CJK font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .fonts import FONT, register_fonts, runs, string_width
from .text import format_qty

PALETTE = [colors.HexColor(c) for c in ("#4a6fa5", "#d9823b", "#5b9a68", "#a05195", "#8c8c8c")]


def _style_values(chart: VerticalBarChart, data: list[list[float]], value_labels: bool) -> None:
    """The value axis (whole-number ticks for counts), the grid, one colour per series, the bar labels."""
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    high = max((max(s) for s in data if s), default=0)
    if high <= 0:
        chart.valueAxis.valueMax = 1
    if high < 4 and all(v == int(v) for s in data for v in s):
        # counts: whole-number ticks (0, 1, 2, 3), never "0.2 tickets"
        chart.valueAxis.valueMax = max(1, int(high))
        chart.valueAxis.valueStep = 1
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(data)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    if value_labels:
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6.5
        chart.barLabels.nudge = 5
        chart.barLabelFormat = lambda v: format_qty(round(v, 2)) if v else ""


def _draw_category_names(d: Drawing, chart: VerticalBarChart, categories: Sequence[str]) -> None:
    """The category names under the bars: drawn here (not as axis labels) when one needs a fallback font."""
    names = [str(c) for c in categories]
    if any(len(runs(n)) > 1 or (runs(n) and runs(n)[0][0] != FONT) for n in names):
        # a name needs a fallback font, which an axis label cannot switch to: draw the names here
        chart.categoryAxis.labels.fillColor = None
        chart.categoryAxis.labels.strokeColor = None
        chart.categoryAxis.categoryNames = ["" for _ in names]
        step = chart.width / max(1, len(names))
        for i, n in enumerate(names):
            for piece in strings(chart.x + step * (i + 0.5), chart.y - 2 - 7.5, n, 7.5, "middle"):
                d.add(piece)


def _add_legend(d: Drawing, x: float, series_names: Sequence[str]) -> None:
    """One coloured box and name per series, along the bottom."""
    from reportlab.graphics.shapes import Rect

    for i, name in enumerate(series_names):
        d.add(Rect(x, 4, 8, 6, fillColor=PALETTE[i % len(PALETTE)], strokeColor=None))
        for piece in strings(x + 11, 4.5, str(name), 7.5):
            d.add(piece)
        x += 20 + string_width(str(name), 7.5)


def bar_chart_drawing(
    width: float,
    height: float,
    categories: Sequence[str],
    series: Sequence[Sequence[float]],
    series_names: Sequence[str] = (),
    title: str = "",
    value_labels: bool = True,
) -> Drawing:
    """A vertical bar chart ``width`` × ``height`` points; one colour per series, legend if named."""
    register_fonts()
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=8)
    top_pad = 16 if title else 6
    legend_h = 12 if series_names else 0
    chart = VerticalBarChart()
    chart.x = 34
    chart.y = 22 + legend_h
    chart.width = width - chart.x - 8
    chart.height = height - chart.y - top_pad
    data = [[float(v or 0) for v in s] for s in series] or [[0.0]]
    chart.data = data
    chart.categoryAxis.categoryNames = [str(c) for c in categories]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dy = -2
    _style_values(chart, data, value_labels)
    _draw_category_names(d, chart, categories)
    d.add(chart)
    if title:
        for piece in strings(width / 2, height - 11, title, 10, "middle"):
            d.add(piece)
    if series_names:
        _add_legend(d, chart.x, series_names)
    return d


def strings(x: float, y: float, text: str, size: float, anchor: str = "start") -> list[String]:
    """``text`` as chart Strings, one per run of the font chain (a rare character prints in the
    fallback font that has it; a character no font has raises ``MissingGlyph``)."""
    w = string_width(text, size)
    if anchor == "middle":
        x -= w / 2
    elif anchor == "end":
        x -= w
    out = []
    for name, piece in runs(text):
        out.append(String(x, y, piece, fontName=name, fontSize=size))
        x += string_width(piece, size)
    return out
