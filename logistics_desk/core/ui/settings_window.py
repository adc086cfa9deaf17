"""The settings window (设置与基础数据): the school's profile and general settings,
the master data pages, and a page for each module that offers one.

A module's page (``ModuleSpec.settings_page``, "package.module:WidgetClass") is a
QWidget with ``save()`` that raises ``ValidationError``/``UserError``; it may have
``title`` (N_()-marked English), ``errors`` (a ``FieldErrors`` to show field
messages beside its fields), ``has_unsaved_changes()`` and ``refresh()``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import backup, clock, db, settings
from ..errors import UserError, ValidationError
from ..i18n import LANGUAGES, N_, join_list, tr
from ..loading import load_object
from .settings_pages import ERROR_STYLE, HINT_STYLE, PAGES, field_row
from .widgets import ChoiceBox, FieldErrors, fit_to_screen, show_error
from .work import run_with_progress

log = logging.getLogger(__name__)

COMPENSATION_BASES = {"original": N_("Original price"), "net_book_value": N_("Net book value")}
BODY_FONTS = {"hei": N_("Sans-serif (黑体): the program's own font"),
              "song": N_("Serif (宋体): a font of this computer, e.g. SimSun")}


class GeneralPage(QWidget):
    """The school's profile, the operator, the language and the asset rules."""

    message = Signal(str, bool)
    changed = Signal()

    key = "general"
    title = N_("School and general")

    TEXT_FIELDS = [
        # key, label, group, hint
        ("school.name", N_("School name"), "school", N_("Heads every printed form.")),
        ("school.address", N_("Address"), "school", None),
        ("school.phone", N_("Telephone"), "school", None),
        ("school.principal", N_("Principal"), "school", N_("Printed on forms that need the principal's signature.")),
        ("school.director", N_("Director of general affairs"), "school", None),
        ("operator.name", N_("Operator (clerk)"), "operator",
         N_("Your name: it is written into the change record with every change.")),
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self.widgets: dict[str, QWidget] = {}
        groups = {
            "school": QFormLayout(),
            "operator": QFormLayout(),
            "assets": QFormLayout(),
        }
        self._add_text_fields(groups)
        self._add_language_and_font(groups["operator"])
        self._add_asset_fields(groups["assets"])
        backup_form = self._build_backups()
        scroll = self._build_scroll(groups, backup_form)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.refresh()

    def _add_text_fields(self, groups: dict[str, QFormLayout]) -> None:
        """The school's and the operator's text fields, each into its group."""
        for key, label, group, hint in self.TEXT_FIELDS:
            w = QLineEdit()
            w.setObjectName(f"field_{key}")
            w.setMaxLength(200 if key == "school.address" else 100)
            self.widgets[key] = w
            text = tr(label) + (" *" if key == "school.name" else "")
            groups[group].addRow(text, field_row(w, self.errors.make_label(key, w), tr(hint) if hint else None))

    def _add_language_and_font(self, form: QFormLayout) -> None:
        """The interface language and the font of printed forms (with the note when it is missing)."""
        language = ChoiceBox([(tr("Follow the system"), "")] + [(name, code) for code, name in LANGUAGES.items()])
        language.setObjectName("field_ui.language")
        self.widgets["ui.language"] = language
        form.addRow(tr("Interface language"), field_row(
            language, self.errors.make_label("ui.language", language),
            tr("Takes effect the next time the program starts. Printed forms use the interface language.")))
        body_font = ChoiceBox([(tr(label), key) for key, label in BODY_FONTS.items()])
        body_font.setObjectName("field_printing.body_font")
        self.widgets["printing.body_font"] = body_font
        self.body_font_note = QLabel()
        self.body_font_note.setObjectName("body_font_note")
        self.body_font_note.setWordWrap(True)
        self.body_font_note.setStyleSheet(ERROR_STYLE)
        body_font_box = field_row(body_font, self.errors.make_label("printing.body_font", body_font),
                                  tr("The font of the text of printed forms; takes effect with the next form printed."))
        body_font_box.layout().insertWidget(1, self.body_font_note)
        form.addRow(tr("Font of printed forms"), body_font_box)
        body_font.currentIndexChanged.connect(self._show_body_font_note)

    def _add_asset_fields(self, form: QFormLayout) -> None:
        """The fixed-asset thresholds, the number pattern with its preview, and the compensation basis."""
        for key, label in (("assets.threshold_general", N_("Fixed-asset threshold, general")),
                           ("assets.threshold_special", N_("Fixed-asset threshold, special equipment"))):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"field_{key}")
            spin.setRange(0, 100_000_000)
            spin.setDecimals(2)
            spin.setGroupSeparatorShown(True)
            spin.setSuffix(tr(" yuan"))
            spin.setMinimumWidth(160)
            self.widgets[key] = spin
            form.addRow(tr(label), field_row(spin, self.errors.make_label(key, spin)))
        form.addRow("", QLabel(tr("Items priced below the threshold are registered as low-value items.")))
        pattern = QLineEdit()
        pattern.setObjectName("field_assets.number_pattern")
        self.widgets["assets.number_pattern"] = pattern
        self.pattern_preview = QLabel()
        self.pattern_preview.setObjectName("pattern_preview")
        self.pattern_preview.setWordWrap(True)
        pattern_box = field_row(pattern, self.errors.make_label("assets.number_pattern", pattern),
                                tr("{year}: the year, {code}: the category code, {seq:05d}: the running number "
                                   "with five digits. Letters, digits and . _ / - only, so a scanner can type it."))
        pattern_box.layout().insertWidget(1, self.pattern_preview)
        form.addRow(tr("Asset number pattern"), pattern_box)
        pattern.textChanged.connect(self._preview_pattern)
        basis = ChoiceBox([(tr(label), key) for key, label in COMPENSATION_BASES.items()])
        basis.setObjectName("field_assets.compensation_basis")
        self.widgets["assets.compensation_basis"] = basis
        form.addRow(tr("Damage compensation basis"), field_row(
            basis, self.errors.make_label("assets.compensation_basis", basis),
            tr("Accidental damage is paid at this price (照价赔偿), deliberate damage at double; "
               "natural wear is borne by the school.")))

    def _build_backups(self) -> QFormLayout:
        """Where the backups go, the latest one, the second copy, and Back up now."""
        backup_form = QFormLayout()
        self.backup_folder = QLabel()
        self.backup_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_folder.setWordWrap(True)
        self.backup_latest = QLabel()
        backup_form.addRow(tr("Backup folder"), self.backup_folder)
        backup_form.addRow(tr("Latest backup"), self.backup_latest)
        second = QLineEdit()
        second.setObjectName("field_backup.second_folder")
        second.setPlaceholderText(tr("None (backups stay beside the database only)"))
        self.widgets["backup.second_folder"] = second
        self.choose_second_button = QPushButton(tr("Choose…"))
        self.choose_second_button.clicked.connect(self.choose_second_folder)
        second_row = QHBoxLayout()
        second_row.setContentsMargins(0, 0, 0, 0)
        second_row.addWidget(second, 1)
        second_row.addWidget(self.choose_second_button)
        second_box = QWidget()
        second_box.setLayout(second_row)
        backup_form.addRow(tr("Second copy to"), field_row(
            second_box, self.errors.make_label("backup.second_folder", second),
            tr("A backup beside the database dies with its disk: every backup is also copied here "
               "(another disk or a USB stick). If the folder is missing, the backup is still written "
               "and the status bar says so.")))
        backup_form.addRow("", _hint(tr("The program backs the data up by itself once a day when it starts and "
                                        "before every schema upgrade; it keeps the last 14 daily backups and one "
                                        "per month. Restore a backup from the File menu.")))
        self.backup_button = QPushButton(tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.open_folder_button = QPushButton(tr("Open the folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.open_folder_button)
        row.addStretch(1)
        backup_form.addRow("", row)
        return backup_form

    def _build_scroll(self, groups: dict[str, QFormLayout], backup_form: QFormLayout) -> QScrollArea:
        """The four groups one under the other, in a scroll area."""
        content = QWidget()
        content_layout = QVBoxLayout(content)
        for title, form in ((N_("School"), groups["school"]), (N_("Operator and language"), groups["operator"]),
                            (N_("Fixed assets"), groups["assets"]), (N_("Backups"), backup_form)):
            box = QGroupBox(tr(title))
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            box.setLayout(form)
            content_layout.addWidget(box)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _build_buttons(self) -> QHBoxLayout:
        """Save and Undo my edits."""
        self.save_button = QPushButton(tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("Undo my edits"))
        self.revert_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        return buttons

    # --- values ---
    def stored(self) -> dict[str, Any]:
        return {key: settings.get(key) for key in self.widgets}

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.widgets.items():
            if isinstance(w, QLineEdit):
                out[key] = w.text().strip()
            elif isinstance(w, QDoubleSpinBox):
                value = round(w.value(), 2)
                out[key] = int(value) if value == int(value) else value
            elif isinstance(w, ChoiceBox):
                out[key] = w.value() or ""
        return out

    def refresh(self) -> None:
        for key, value in self.stored().items():
            w = self.widgets[key]
            if isinstance(w, QLineEdit):
                w.setText("" if value is None else str(value))
            elif isinstance(w, QDoubleSpinBox):
                try:
                    w.setValue(float(value or 0))
                except (TypeError, ValueError):
                    w.setValue(0)
            elif isinstance(w, ChoiceBox):
                w.set_value(value or {"ui.language": "", "printing.body_font": "hei"}.get(key, "original"))
        self.errors.clear()
        self._show_body_font_note()
        self._preview_pattern()
        self._show_backups()

    def has_unsaved_changes(self) -> bool:
        stored = self.stored()
        for key, value in self.values().items():
            old = stored.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                try:
                    if abs(float(old or 0) - float(value)) > 0.001:
                        return True
                except (TypeError, ValueError):
                    return True
            elif (old or "") != (value or ""):
                return True
        return False

    def save(self) -> bool:
        values = self.values()
        language_before = settings.get("ui.language") or ""
        self.errors.clear()
        try:
            settings.set_many(values)
        except ValidationError as exc:
            rest = self.errors.show(exc)
            if "assets.number_pattern" in exc.errors:  # the message is beside the field: no second copy
                self.pattern_preview.hide()
            first = next((self.widgets[k] for k in exc.errors if k in self.widgets), None)
            if first is not None:
                first.setFocus()
            self.message.emit("\n".join(rest) or tr("Not saved: please correct the fields marked in red."), True)
            return False
        except UserError as exc:
            self.message.emit(exc.message, True)
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self.refresh()
        text = tr("Settings saved.")
        if (values.get("ui.language") or "") != language_before:
            text += " " + tr("The new language takes effect when the program is restarted.")
        self.message.emit(text, False)
        self.changed.emit()
        return True

    def _preview_pattern(self, *_args) -> None:
        """Live: the number the pattern makes, or why it cannot be used."""
        label = self.errors.labels["assets.number_pattern"]
        label.hide()  # a message from the last save is replaced by the live check
        self.widgets["assets.number_pattern"].setStyleSheet("")
        self.pattern_preview.show()
        pattern = self.widgets["assets.number_pattern"].text().strip()
        problem = settings.number_pattern_problem(pattern)
        if problem:
            self.pattern_preview.setStyleSheet(ERROR_STYLE)
            self.pattern_preview.setText(problem)
        else:
            example = pattern.format(year=clock.today().year, code="JJ", seq=12)
            self.pattern_preview.setStyleSheet("")
            self.pattern_preview.setText(tr("Example: {number}").format(number=example))

    def _show_body_font_note(self, *_args) -> None:
        """Beside the font field: "song" chosen on a PC without a 宋体-style TrueType font."""
        from ..printing import fonts

        missing = self.widgets["printing.body_font"].value() == "song" and fonts.serif_font() is None
        self.body_font_note.setText(tr("No serif (宋体) TrueType font was found on this computer: forms print "
                                       "in the program's own sans-serif font.") if missing else "")
        self.body_font_note.setVisible(missing)

    # --- backups ---
    def _show_backups(self) -> None:
        path = db.current_path()
        if path is None:
            self.backup_folder.setText("—")
            self.backup_latest.setText("—")
            self.backup_button.setEnabled(False)
            self.open_folder_button.setEnabled(False)
            return
        folder = backup.backup_dir(path)
        self.backup_folder.setText(str(folder))
        files = sorted(folder.glob(f"{path.stem}-*.db"), key=lambda p: p.stat().st_mtime) if folder.exists() else []
        if files:
            import datetime as _dt

            latest = files[-1]
            when = _dt.datetime.fromtimestamp(latest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            self.backup_latest.setText(tr("{when} ({name}); {count} backups in the folder").format(
                when=when, name=latest.name, count=len(files)))
        else:
            self.backup_latest.setText(tr("None yet"))

    def backup_now(self) -> None:
        try:
            _made, text = run_with_progress(self, tr("Backing up…"), lambda p, c: backup.backup_with_copy(progress=p))
        except Exception as exc:
            show_error(self, exc)
            return
        self._show_backups()
        self.message.emit(text, False)

    def choose_second_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        field = self.widgets["backup.second_folder"]
        chosen = QFileDialog.getExistingDirectory(self, tr("Second backup folder"), field.text().strip())
        if chosen:
            field.setText(str(Path(chosen)))

    def open_folder(self) -> None:
        path = db.current_path()
        if path is None:
            return
        folder = backup.backup_dir(path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


class ModulePageHost(QWidget):
    """A module's settings page with a Save button under it."""

    message = Signal(str, bool)
    changed = Signal()

    def __init__(self, key: str, title: str, page: QWidget, parent=None):
        super().__init__(parent)
        self.key = key
        self.title = title
        self.page = page
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.save_button = QPushButton(tr("Save"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

    def save(self) -> bool:
        self.general_error.hide()
        field_errors = getattr(self.page, "errors", None)
        if isinstance(field_errors, FieldErrors):
            field_errors.clear()
        try:
            self.page.save()
        except ValidationError as exc:
            rest = field_errors.show(exc) if isinstance(field_errors, FieldErrors) else list(exc.errors.values())
            if rest:
                self.general_error.setText("\n".join(rest))
                self.general_error.show()
            self.message.emit(tr("Not saved: please correct the fields marked in red."), True)
            return False
        except UserError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            self.message.emit(exc.message, True)
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self.message.emit(tr("Settings saved."), False)
        self.changed.emit()
        return True

    def has_unsaved_changes(self) -> bool:
        check = getattr(self.page, "has_unsaved_changes", None)
        try:
            return bool(check()) if callable(check) else False
        except Exception:  # a module's page must not stop the window from closing
            log.exception("has_unsaved_changes failed")
            return False

    def refresh(self) -> None:
        refresh = getattr(self.page, "refresh", None)
        if callable(refresh):
            refresh()


class BrokenPage(QWidget):
    """Shown instead of a module's page that could not be built."""

    message = Signal(str, bool)
    changed = Signal()

    def __init__(self, key: str, title: str, error: BaseException, parent=None):
        super().__init__(parent)
        self.key = key
        self.title = title
        label = QLabel(tr("This page could not be opened: {error}").format(error=str(error) or type(error).__name__))
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addStretch(1)

    def has_unsaved_changes(self) -> bool:
        return False

    def refresh(self) -> None:
        pass


class SettingsWindow(QDialog):
    """设置与基础数据: a list of pages on the left, the chosen page on the right."""

    PREFERRED_SIZE = (1180, 760)

    def __init__(self, parent=None, *, specs=()):
        """``specs``: the module registry's ``ModuleSpec``s (their settings pages), handed in by the window."""
        super().__init__(parent)
        self.setWindowTitle(tr("Settings and master data"))
        self.resize(*self.PREFERRED_SIZE)
        self.nav = QListWidget()
        self.nav.setObjectName("settings_nav")
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(240)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}  # the pages built so far (each is built when first shown)
        self._keys: list[str] = []
        self._factories: dict[str, Any] = {}

        self.add_page("general", tr(GeneralPage.title), GeneralPage)
        for cls in PAGES:
            self.add_page(cls.key, tr(cls.title), cls)
        from .accounts_page import AccountsPage  # accounts and roles, off by default (core/accounts.py)
        self.add_page(AccountsPage.key, tr(AccountsPage.title), AccountsPage)
        for spec in specs:
            if spec.settings_page:
                self._add_module_page(spec)

        self.status = QLabel()
        self.status.setObjectName("settings_status")
        self.status.setWordWrap(True)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self.status.clear)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)  # each page scrolls on its own, so the window can be small
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([180, 1000])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.nav.currentRowChanged.connect(self._row_changed)
        self.nav.setCurrentRow(0)
        self.fit_screen()

    def fit_screen(self) -> None:
        """Up to 1180×760, within the screen's available area (taskbar, frame and title bar excluded), centred."""
        fit_to_screen(self, self.PREFERRED_SIZE)

    def add_page(self, key: str, title: str, factory) -> None:
        """A page in the list; ``factory()`` builds it when it is first shown."""
        self._keys.append(key)
        self._factories[key] = factory
        self.nav.addItem(title)
        self.stack.addWidget(QWidget())  # stands in until the page is built

    def _add_module_page(self, spec) -> None:
        key = f"module:{spec.key}"
        try:
            cls = load_object(spec.settings_page)
        except Exception as exc:  # one module's page must not keep the settings from opening
            log.exception("settings page of %s failed", spec.key)
            self.add_page(key, tr(spec.title), lambda error=exc: BrokenPage(key, tr(spec.title), error))
            return
        title = getattr(cls, "title", None)
        title = tr(title) if isinstance(title, str) and title else tr(spec.title)

        def build():
            try:
                return ModulePageHost(key, title, cls())
            except Exception as exc:
                log.exception("settings page of %s failed", spec.key)
                return BrokenPage(key, title, exc)

        self.add_page(key, title, build)

    def page_keys(self) -> list[str]:
        return list(self._keys)

    def page(self, key: str) -> QWidget:
        """A page by key (built if needed): general, terms, departments, places, people, suppliers,
        categories, module:<key>."""
        page = self.pages.get(key)
        if page is None:
            page = self._factories[key]()
            index = self._keys.index(key)
            stand_in = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stack.setCurrentIndex(current)
            self.pages[key] = page
            page.message.connect(self.show_message)
            page.changed.connect(lambda source=page: self._changed(source))
        return page

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self._keys.index(key))
        return self.page(key)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.page(self._keys[row])
            self.stack.setCurrentIndex(row)

    def show_message(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #1e7e34;")
        self.status.setText(text)
        self._status_timer.start(8000)

    def _changed(self, source: QWidget) -> None:
        """Other pages offer what was just saved (e.g. a new department in People)."""
        for page in self.pages.values():
            if page is not source and not page.has_unsaved_changes():
                try:
                    page.refresh()
                except Exception:
                    log.exception("refresh of settings page failed")

    def unsaved_pages(self) -> list[QWidget]:
        return [p for p in self.pages.values() if p.has_unsaved_changes()]

    def reject(self) -> None:
        """Closing asks what to do with edits not yet saved."""
        pending = self.unsaved_pages()
        if pending:
            names = join_list(p.title if isinstance(p, (ModulePageHost, BrokenPage)) else tr(p.title) for p in pending)
            box = QMessageBox(QMessageBox.Icon.Question, tr("Unsaved changes"),
                              tr("These pages have changes that are not saved: {pages}.\nSave them?").format(
                                  pages=names),
                              QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                              | QMessageBox.StandardButton.Cancel, self)
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                for page in pending:
                    if not page.save():
                        self.show_page(page.key)
                        return
        super().reject()
