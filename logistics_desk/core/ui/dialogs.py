"""Shared dialog pieces: ``RecordDialog`` (a form whose OK runs ``save()``) and ``attempt`` (errors in a box)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..changes import EditConflict
from ..errors import UserError, ValidationError
from ..i18n import tr
from .widgets import FieldErrors, show_error

ERROR_COLOR = "#c0392b"


class RecordDialog(QDialog):
    """A form dialog whose OK runs ``save()``; the dialog closes only when it went through.

    A ValidationError shows beside the fields (``add_row(label, widget, field)``) and keeps the dialog
    open; messages for fields without a row, and any other UserError, go to the red ``general_error``
    label; an unexpected error goes to ``show_error``. ``save()``'s return value is kept in
    ``result_value``. Subclasses build their rows (and may add widgets to ``layout_``), then call
    ``finish()``.
    """

    row_spacing: int | None = None  # spacing between a field and its error label; None: the style's

    def __init__(self, parent=None, title: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.errors = FieldErrors()
        self.general_error = QLabel()
        self.general_error.setObjectName("dialog_error")
        self.general_error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.result_value = None

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        """A form row; with ``field``, the field's error message shows under the widget."""
        if field is None:
            self.form.addRow(label, widget)
            return widget
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        if self.row_spacing is not None:
            box.setSpacing(self.row_spacing)
        box.addWidget(widget)
        box.addWidget(self.errors.make_label(field, widget))
        self.form.addRow(label, holder)
        return widget

    def finish(self, ok_text: str | None = None) -> None:
        """Put the general error label and the OK/Cancel buttons under what was built."""
        if ok_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def watch(self, table: str, record_id: int, reload: Callable[[], None]) -> None:
        """Optimistic locking for a form that edits one record: call when it opens (before reading the record).
        A save after someone else changed the record is refused with who and when (``run_save``), and
        ``reload()`` fills the form with the record as it is now."""
        watch(self, table, record_id, reload)

    def save(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def try_accept(self) -> None:
        ok, result = run_save(self, self.errors, self.general_error, self.save)
        if ok:
            self.result_value = result
            self.accept()


def watch(dialog: QWidget, table: str, record_id: int, reload: Callable[[], None]) -> None:
    """``RecordDialog.watch`` for any dialog whose save goes through ``run_save`` or ``attempt``."""
    from ..changes import Opened

    dialog.opened_record = Opened(table, record_id)
    dialog.reload_record = reload


def grow_to_fit(widget: QWidget) -> None:
    """A window does not grow by itself for word-wrapped labels: after error texts appear, make room
    for every line of them (up to the screen), so no message is cut."""
    window = widget.window()
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    if layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(window.width())
    else:
        need = layout.totalSizeHint().height()
    screen = window.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - 40)
    if need > window.height():
        window.resize(window.width(), need)


def run_save(parent: QWidget, errors: FieldErrors, general_error: QLabel,
             save: Callable[[], object]) -> tuple[bool, object]:
    """Run a dialog's ``save()``: (True, its result) when it went through.

    A ValidationError shows beside the fields in ``errors`` (messages for fields without a place go to
    the red ``general_error`` label), any other UserError in ``general_error``, and an unexpected error
    in ``show_error`` — never a traceback.
    """
    errors.clear()
    general_error.hide()
    opened = getattr(parent, "opened_record", None)  # a changes.Opened: refuse saving over someone else's change
    try:
        if opened is None:
            return True, save()
        with opened.editing():
            return True, save()
    except EditConflict as exc:  # nothing was saved: show who changed it, and the record as it is now
        general_error.setText(exc.message)
        general_error.show()
        reload = getattr(parent, "reload_record", None)
        if reload is not None:
            reload()
        opened.refresh()
    except ValidationError as exc:
        rest = errors.show(exc)
        if rest:
            general_error.setText("\n".join(rest))
            general_error.show()
    except UserError as exc:
        general_error.setText(exc.message)
        general_error.show()
    except Exception as exc:  # shown, never a traceback
        show_error(parent, exc)
        return False, None
    grow_to_fit(parent)
    return False, None


def attempt(parent: QWidget, errors: FieldErrors, action: Callable[[], object]) -> bool:
    """Run ``action()`` for a dialog; True when it went through.

    A ValidationError shows beside the fields in ``errors`` (messages for other fields in a message
    box); any other UserError in a message box. A dialog that ``watch``es its record: a save over someone else's
    later change is refused with who and when, and the dialog shows the record as it is now.
    """
    opened = getattr(parent, "opened_record", None)
    try:
        if opened is None:
            action()
        else:
            with opened.editing():
                action()
    except EditConflict as exc:  # nothing was saved: the record as it is now, then who changed it
        errors.clear()
        reload = getattr(parent, "reload_record", None)
        if reload is not None:
            reload()
        opened.refresh()
        show_error(parent, exc)
        return False
    except ValidationError as exc:
        rest = errors.show(exc)
        grow_to_fit(parent)
        if rest:
            show_error(parent, UserError("\n".join(rest)))
        return False
    except UserError as exc:
        show_error(parent, exc)
        return False
    return True
