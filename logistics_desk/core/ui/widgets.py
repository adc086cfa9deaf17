"""Small shared widgets: the search box, field errors, messages."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QDate, QRect, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ..errors import UserError, ValidationError
from ..i18n import tr

log = logging.getLogger(__name__)


class TwoSidedBar(QLayout):
    """A tool bar of two groups: ``left`` at the left and ``right`` at the right on one line when the
    window is wide enough, else ``right`` on a second line (still at the right). So a narrow screen
    (1366×768) never pushes the right-hand buttons out of the window."""

    def __init__(self, left: QWidget, right: QWidget, parent=None):
        super().__init__(parent)
        self._items = []
        self.setContentsMargins(0, 0, 0, 0)
        self.addWidget(left)
        self.addWidget(right)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def _gap(self) -> int:
        return max(self.spacing(), 6) * 3

    def _one_line(self, width: int) -> bool:
        left, right = (i.sizeHint().width() for i in self._items[:2])
        return left + self._gap() + right <= width

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        heights = [i.sizeHint().height() for i in self._items[:2]]
        if len(heights) < 2:
            return heights[0] if heights else 0
        return max(heights) if self._one_line(width) else heights[0] + max(self.spacing(), 4) + heights[1]

    def sizeHint(self) -> QSize:  # noqa: N802
        hints = [i.sizeHint() for i in self._items[:2]]
        return QSize(sum(h.width() for h in hints) + self._gap(), max((h.height() for h in hints), default=0))

    def minimumSize(self) -> QSize:  # noqa: N802
        hints = [i.minimumSize().expandedTo(i.sizeHint()) for i in self._items[:2]]
        return QSize(max((h.width() for h in hints), default=0), max((h.height() for h in hints), default=0))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        if len(self._items) < 2:
            return
        left, right = self._items[:2]
        lh, rh = left.sizeHint(), right.sizeHint()
        left.setGeometry(QRect(rect.x(), rect.y(), min(lh.width(), rect.width()), lh.height()))
        y = rect.y() if self._one_line(rect.width()) else rect.y() + lh.height() + max(self.spacing(), 4)
        w = min(rh.width(), rect.width())
        right.setGeometry(QRect(rect.x() + rect.width() - w, y, w, rh.height()))


class SearchBox(QLineEdit):
    """Emits ``search(text)`` shortly after typing stops (keeps up with typing)."""

    search = Signal(str)

    def __init__(self, placeholder: str = "", parent=None, delay_ms: int = 150):
        super().__init__(parent)
        self.setPlaceholderText(placeholder or tr("Search…"))
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.search.emit(self.text().strip()))
        self.textChanged.connect(lambda _t: self._timer.start())

    def flush(self) -> None:
        """Emit now (tests, Enter key)."""
        self._timer.stop()
        self.search.emit(self.text().strip())


class ChoiceBox(QComboBox):
    """A combo of (label, value) pairs; ``value()`` returns the chosen value."""

    def __init__(self, items: list[tuple[str, object]] | None = None, parent=None, empty_label: str | None = None):
        super().__init__(parent)
        self._empty_label = empty_label
        self.set_items(items or [])

    def set_items(self, items: list[tuple[str, object]]) -> None:
        current = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        if self._empty_label is not None:
            self.addItem(self._empty_label, None)
        for label, value in items:
            self.addItem(label, value)
        self.blockSignals(False)
        if current is not None:
            self.set_value(current)

    def value(self):
        return self.currentData()

    def set_value(self, value) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                return


class DateBox(QDateEdit):
    def __init__(self, parent=None, value=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if value is not None:
            self.set_date(value)
        else:
            self.setDate(QDate.currentDate())

    def set_date(self, value) -> None:
        self.setDate(QDate(value.year, value.month, value.day))

    def value(self):
        return self.date().toPython()


class FieldErrors:
    """Shows a service's ValidationError next to each field."""

    def __init__(self):
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def make_label(self, field: str, widget: QWidget | None = None) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setStyleSheet("color: #c0392b;")
        label.setWordWrap(True)
        label.hide()
        self.labels[field] = label
        if widget is not None:
            self.widgets[field] = widget
        return label

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()
        for w in self.widgets.values():
            w.setStyleSheet("")

    def show(self, error: ValidationError) -> list[str]:
        """Put each message beside its field; returns messages for unknown fields."""
        self.clear()
        rest = []
        for field, message in error.errors.items():
            label = self.labels.get(field)
            if label is None:
                rest.append(message)
                continue
            label.setText(message)
            label.show()
            w = self.widgets.get(field)
            if w is not None:
                w.setStyleSheet("border: 1px solid #c0392b;")
        return rest

    def message(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None else ""


def show_error(parent, exc: BaseException) -> None:
    """A message box in the user's words; never a bare traceback."""
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, tr("Cannot do that"), exc.message)
        return
    log.error("unexpected error", exc_info=exc)
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Unexpected error"),
                      tr("Something went wrong and the operation was not completed. Nothing was half-saved.\n\n{error}")
                      .format(error=str(exc) or exc.__class__.__name__), parent=parent)
    box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()


def show_info(parent, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or tr("Done"), text)


def confirm(parent, text: str, title: str | None = None) -> bool:
    answer = QMessageBox.question(parent, title or tr("Please confirm"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok else None


def fit_to_screen(window, preferred: tuple[int, int]) -> bool:
    """Size ``window`` to its screen's available area (taskbar excluded), up to ``preferred``, centred.

    Returns True when the screen was smaller than ``preferred`` (the caller may maximize). The frame and
    title bar are not known before the window is shown: a margin is kept for them.
    """
    from PySide6.QtGui import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*preferred)
        return False
    area = screen.availableGeometry()
    margin_w, margin_h = 16, 48
    width = min(preferred[0], area.width() - margin_w)
    height = min(preferred[1], area.height() - margin_h)
    window.resize(width, height)
    window.move(area.x() + max(0, (area.width() - width - margin_w) // 2),
                area.y() + max(0, (area.height() - height - margin_h) // 2))
    return width < preferred[0] or height < preferred[1]
