"""Simple charts for reports (ReportLab graphics, no Qt): a bar chart with the CJK font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .fonts import FONT, register_fonts
from .text import format_qty

PALETTE = [colors.HexColor(c) for c in ("#4a6fa5", "#d9823b", "#5b9a68", "#a05195", "#8c8c8c")]


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
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    high = max((max(s) for s in data if s), default=0)
    if high <= 0:
        chart.valueAxis.valueMax = 1
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
    d.add(chart)
    if title:
        d.add(String(width / 2, height - 11, title, fontName=FONT, fontSize=10, textAnchor="middle"))
    if series_names:
        x = chart.x
        from reportlab.graphics.shapes import Rect

        for i, name in enumerate(series_names):
            d.add(Rect(x, 4, 8, 6, fillColor=PALETTE[i % len(PALETTE)], strokeColor=None))
            d.add(String(x + 11, 4.5, str(name), fontName=FONT, fontSize=7.5))
            x += 20 + len(str(name)) * 8
    return d
