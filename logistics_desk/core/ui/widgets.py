"""Small shared widgets: the search box, field errors, messages."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QDate, QDateTime, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QInputDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QToolTip,
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

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def _gap(self) -> int:
        return max(self.spacing(), 6) * 3

    def _one_line(self, width: int) -> bool:
        left, right = (i.sizeHint().width() for i in self._items[:2])
        return left + self._gap() + right <= width

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        heights = [i.sizeHint().height() for i in self._items[:2]]
        if len(heights) < 2:
            return heights[0] if heights else 0
        return max(heights) if self._one_line(width) else heights[0] + max(self.spacing(), 4) + heights[1]

    def sizeHint(self) -> QSize:
        hints = [i.sizeHint() for i in self._items[:2]]
        return QSize(sum(h.width() for h in hints) + self._gap(), max((h.height() for h in hints), default=0))

    def minimumSize(self) -> QSize:
        hints = [i.minimumSize().expandedTo(i.sizeHint()) for i in self._items[:2]]
        return QSize(max((h.width() for h in hints), default=0), max((h.height() for h in hints), default=0))

    def setGeometry(self, rect: QRect) -> None:
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
    """A combo of (label, value) pairs; ``value()`` returns the chosen value.

    A long list (``SEARCHABLE_FROM`` items or more, or ``searchable=True``) can be typed into: characters,
    full pinyin or initials find the item (``zw`` → 张伟; ``core.ui.pick``), and a text that names no item
    is never kept. ``natural=True`` puts the items in natural order (初一 < 初二, (2)班 < (12)班, 201 < 1001,
    then pinyin: ``core.textsort``), the empty line first.
    """

    SEARCHABLE_FROM = 10

    def __init__(self, items: list[tuple[str, object]] | None = None, parent=None, empty_label: str | None = None,
                 searchable: bool | None = None, natural: bool = False):
        super().__init__(parent)
        self._empty_label = empty_label
        self._searchable = searchable
        self._natural = natural
        self._pick = None
        self._free_text = False
        if searchable:
            self._make_searchable()
        self.set_items(items or [])

    def _make_searchable(self) -> None:
        from .pick import make_searchable

        make_searchable(self, strict=not self._free_text)

    def setEditable(self, editable: bool) -> None:
        """Made editable by its owner: a typed text that names no item is the owner's to read (kept)."""
        super().setEditable(editable)
        if editable and not getattr(self, "_pick_installing", False):
            self._free_text = True
            if self._pick is not None:
                self._pick.strict = False

    def set_items(self, items: list[tuple[str, object]]) -> None:
        current = self.value() if self.count() else None
        items = list(items)
        if self._natural:
            from ..textsort import sort_key

            items.sort(key=lambda item: sort_key(str(item[0])))
        if self._searchable is None and self._pick is None and len(items) >= self.SEARCHABLE_FROM \
                and type(self) is ChoiceBox:  # a subclass searches its own way (or calls make_searchable)
            self._make_searchable()
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
    """The date field of every form: shows 2026-11-23 and a calendar; Tab goes to the next field (never
    into the month or day part); the clerk may type the date freely (``parse_date_text``: 2026-9-1, 9.1,
    9/1, 今天 ...), read when Enter or Tab is pressed. Text that is not a date is not taken silently: the
    box keeps its date, turns red and says so (``rejected_text``)."""

    def __init__(self, parent=None, value=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setKeyboardTracking(False)  # the value follows once the typing is finished
        self.rejected_text: str | None = None
        self._hint = tr("Type a date such as 2026-09-01, 2026-9-1, 9.1 or 今天 (today); Tab goes to the next field.")
        self.setToolTip(self._hint)
        if value is None:
            from .. import clock

            value = clock.today()
        self.set_date(value)

    def set_date(self, value) -> None:
        self.setDate(QDate(value.year, value.month, value.day))

    def value(self):
        if self.lineEdit().text() != self.textFromDateTime(self.dateTime()):
            self._take_text()  # typed but not yet taken (a toolbar action does not take the focus)
        return self.date().toPython()

    # free typing: the text is parsed as a whole, not by sections
    def validate(self, text: str, pos: int):
        if parse_date_text(text) is not None:
            return QValidator.State.Acceptable, text, pos
        low = text.strip().lower()
        if not low or all(ch in _DATE_CHARS for ch in low) or any(w.startswith(low) for w in _DATE_WORDS):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str):
        found = parse_date_text(text)
        if found is None:
            return self.dateTime()
        return QDateTime(QDate(found.year, found.month, found.day), self.time())

    def keyPressEvent(self, event) -> None:
        """Typed characters, Backspace, Delete and the cursor keys edit the text as plain text
        (the date parts are not fields of their own); Up/Down still step the date."""
        key, text = event.key(), event.text()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        edit = self.lineEdit()
        if plain and text and text.isprintable() and key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            edit.insert(text)
            self._mark(None)
            return
        if plain and key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Left, Qt.Key.Key_Right,
                             Qt.Key.Key_Home, Qt.Key.Key_End):
            edit.event(event)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason):
            QTimer.singleShot(0, self.lineEdit().selectAll)  # typing replaces the whole date

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab leave the box (QDateEdit would move between year, month and day)."""
        self._take_text()
        return QWidget.focusNextPrevChild(self, next)

    def focusOutEvent(self, event) -> None:
        self._take_text()
        super().focusOutEvent(event)

    def _take_text(self) -> None:
        """Read what was typed now; text that is not a date leaves the date as it was, marked."""
        typed = self.lineEdit().text()
        if typed == self.textFromDateTime(self.dateTime()):
            return
        found = parse_date_text(typed)
        if found is None:
            self._mark(typed if typed.strip() else None)
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
            return
        self._mark(None)
        self.set_date(found)
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))

    def _mark(self, rejected: str | None) -> None:
        self.rejected_text = rejected
        if rejected is None:
            if self.toolTip() != self._hint:
                self.setStyleSheet("")
                self.setToolTip(self._hint)
            return
        message = tr("“{text}” is not a date; the date is still {date}.").format(
            text=rejected, date=self.date().toPython().isoformat())
        self.setStyleSheet("QDateEdit { border: 1px solid #c0392b; }")
        self.setToolTip(message + "\n" + self._hint)
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), message, self)


_DATE_WORDS = {"今天": 0, "今日": 0, "today": 0, "昨天": -1, "昨日": -1, "yesterday": -1, "前天": -2,
               "明天": 1, "明日": 1, "tomorrow": 1}
_DATE_CHARS = set("0123456789-./ 年月日号")


def parse_date_text(text: str, today=None):
    """A date from what a clerk types into a DateBox: 2026-09-01, 2026-9-1, 2026.9.1, 2026/9/1, 20260901,
    2026年9月1日, 9.1, 9-1, 9/1, 9月1日 (this year), 今天/today, 昨天/yesterday, 明天/tomorrow.
    None if it is not one."""
    import datetime as _dt
    import re

    from .. import clock

    value = (text or "").strip().lower()
    today = today or clock.today()
    if value in _DATE_WORDS:
        return today + _dt.timedelta(days=_DATE_WORDS[value])
    value = value.replace("年", "-").replace("月", "-").rstrip("日号").strip()
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    if m:
        parts = list(m.groups())
    else:
        parts = re.split(r"\s*[-./]\s*", value)
        if not all(p.isdigit() for p in parts):
            return None
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            return _dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2 and all(len(p) <= 2 for p in parts):
            return _dt.date(today.year, int(parts[0]), int(parts[1]))
    except ValueError:
        return None
    return None


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
