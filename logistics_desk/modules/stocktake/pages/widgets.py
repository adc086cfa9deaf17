"""Small widgets the stock-take pages share."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ProgressBar(QWidget):
    """A progress bar that repaints later, not at once (QProgressBar.setValue repaints
    synchronously: ~10 ms a scan on a large window)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._done, self._total = 0, 0
        self.setMinimumHeight(22)

    def set_progress(self, done: int, total: int) -> None:
        if (done, total) != (self._done, self._total):
            self._done, self._total = done, total
            self.update()

    def value(self) -> int:
        return self._done

    def maximum(self) -> int:
        return self._total

    def text(self) -> str:
        return f"{self._done * 100 // self._total}%" if self._total else ""

    def paintEvent(self, _event):
        p = QPainter(self)
        r = self.rect().adjusted(0, 0, -1, -1)
        p.fillRect(r, QColor("#eceff1"))
        if self._total:
            w = int(r.width() * min(self._done, self._total) / self._total)
            done = self._done >= self._total
            p.fillRect(r.x(), r.y(), w, r.height(), QColor("#43a047" if done else "#1e88e5"))
        p.setPen(QColor("#90a4ae"))
        p.drawRect(r)
        p.setPen(QColor("#263238"))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text())
        p.end()


class ElidedLabel(QLabel):
    """One line that shows what fits and ends in "…" (the whole text in its tooltip), so a long text
    (a stock-take's scope naming every room) never makes the window wider than the screen."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text or ""
        self.setToolTip(self._full if self._full else "")
        self._elide()

    def text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, super().sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width())))
