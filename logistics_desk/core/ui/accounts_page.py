"""Settings → Accounts: turn accounts on (with the first administrator, in the same step) or off, and keep the
list of people who log in: their role, the person a repair worker is, a new password, switched off with a
reason (never deleted). The services are in core/accounts.py; they refuse anyone but an administrator.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import accounts
from ..errors import UserError, ValidationError
from ..i18n import N_, tr
from .dialogs import grow_to_fit
from .settings_pages import HINT_STYLE
from .widgets import FieldErrors, show_error


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AccountsPage(QWidget):
    """Accounts and roles, for a database several people share."""

    message = Signal(str, bool)
    changed = Signal()

    key = "accounts"
    title = N_("Accounts")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors = FieldErrors()
        self.state = QLabel()
        self.state.setObjectName("accounts_state")
        self.state.setWordWrap(True)

        # accounts off: turn them on with the first administrator
        self.on_box = QGroupBox(tr("Turn accounts on"))
        hint = QLabel(tr("For a database several people share: everyone then logs in with a name and a password, "
                         "and sees the tabs of their role. Create the first administrator now; with accounts on, "
                         "only an administrator can open the settings."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.admin_name = QLineEdit()
        self.admin_name.setObjectName("admin_name")
        self.admin_password = _password_edit()
        self.admin_password.setObjectName("admin_password")
        self.admin_repeat = _password_edit()
        self.admin_repeat.setObjectName("admin_repeat")
        self.turn_on_button = QPushButton(tr("Turn accounts on"))
        self.turn_on_button.clicked.connect(self.turn_on)
        form = QFormLayout()
        form.addRow(tr("Administrator's name"), self._with_error(self.admin_name, "name"))
        form.addRow(tr("Password"), self._with_error(self.admin_password, "password"))
        form.addRow(tr("Repeat the password"), self._with_error(self.admin_repeat, "repeat"))
        box = QVBoxLayout(self.on_box)
        box.addWidget(hint)
        box.addLayout(form)
        box.addWidget(self.turn_on_button)

        # accounts on: the list and the form
        self.list_box = QGroupBox(tr("People who log in"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("accounts_table")
        self.table.setHorizontalHeaderLabels([tr("Name of the person"), tr("Role"), tr("Person"), tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        self.name = QLineEdit()
        self.name.setObjectName("account_name")
        self.role = QComboBox()
        self.role.setObjectName("account_role")
        for key, role in accounts.ROLES.items():
            self.role.addItem(f"{tr(role.label)} — {tr(role.description)}", key)
        self.person = QComboBox()
        self.person.setObjectName("account_person")
        self.password = _password_edit()
        self.password.setObjectName("account_password")
        self.repeat = _password_edit()
        self.repeat.setObjectName("account_repeat")
        form = QFormLayout()
        form.addRow(tr("Name of the person"), self._with_error(self.name, "account_name"))
        form.addRow(tr("Role"), self._with_error(self.role, "role"))
        form.addRow(tr("Person (repair worker)"), self._with_error(self.person, "person"))
        form.addRow(tr("Password"), self._with_error(self.password, "account_password"))
        form.addRow(tr("Repeat the password"), self._with_error(self.repeat, "account_repeat"))
        self.create_button = QPushButton(tr("Create account"))
        self.create_button.clicked.connect(self.create)
        self.save_button = QPushButton(tr("Save role"))
        self.save_button.clicked.connect(self.save_role)
        self.password_button = QPushButton(tr("Set password"))
        self.password_button.clicked.connect(self.set_password)
        self.switch_button = QPushButton(tr("Switch off…"))
        self.switch_button.clicked.connect(self.switch)
        self.turn_off_button = QPushButton(tr("Turn accounts off"))
        self.turn_off_button.clicked.connect(self.turn_off)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.save_button, self.password_button, self.switch_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.turn_off_button)
        box = QVBoxLayout(self.list_box)
        box.addWidget(self.table, 1)
        box.addLayout(form)
        box.addLayout(buttons)

        self.general_error = QLabel()
        self.general_error.setObjectName("accounts_error")
        self.general_error.setStyleSheet("color: #c0392b;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.on_box)
        layout.addWidget(self.list_box, 1)
        layout.addWidget(self.general_error)
        self.filler = QWidget()  # keeps the short form at the top while accounts are off
        layout.addWidget(self.filler, 1)
        self.refresh()

    def _with_error(self, widget: QWidget, field: str) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(self.errors.make_label(field, widget))
        return holder

    # --- the page's part in the settings window ---
    def has_unsaved_changes(self) -> bool:
        return False

    def refresh(self) -> None:
        on = accounts.enabled()
        self.state.setText(tr("Accounts are on: everyone logs in with their name and password.") if on else
                           tr("Accounts are off: one clerk on this PC, no login (as the program was installed)."))
        self.on_box.setVisible(not on)
        self.list_box.setVisible(on)
        self.filler.setVisible(not on)
        self.person.clear()
        self.person.addItem(tr("(none)"), None)
        people = accounts.people()
        for person_id, (name, active) in people.items():
            if active:
                self.person.addItem(name, person_id)
        rows = accounts.accounts()
        self.table.setRowCount(len(rows))
        for i, a in enumerate(rows):
            state = tr("Can log in") if a.active else tr("Switched off: {reason}").format(reason=a.note or "")
            person = people.get(a.person_id, ("", True))[0]
            for column, text in enumerate([a.name, accounts.role_label(a.role), person, state]):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(256, a.id)  # Qt.UserRole
                self.table.setItem(i, column, item)
        self._selected()

    def selected_account(self) -> accounts.Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return accounts.get(self.table.item(rows[0].row(), 0).data(256))

    def _selected(self) -> None:
        account = self.selected_account()
        for b in (self.save_button, self.password_button, self.switch_button):
            b.setEnabled(account is not None)
        if account is None:
            self.switch_button.setText(tr("Switch off…"))
            return
        self.name.setText(account.name)
        self.role.setCurrentIndex(max(0, self.role.findData(account.role)))
        self.person.setCurrentIndex(max(0, self.person.findData(account.person_id)))
        self.switch_button.setText(tr("Switch off…") if account.active else tr("Switch back on"))

    # --- actions ---
    def _run(self, action, done: str, fields: dict[str, str] | None = None) -> bool:
        """Run a service call; field errors beside the fields (renamed by ``fields``), others below."""
        self.errors.clear()
        self.general_error.hide()
        try:
            action()
        except ValidationError as exc:
            renamed = ValidationError({(fields or {}).get(k, k): v for k, v in exc.errors.items()})
            rest = self.errors.show(renamed)
            if rest:
                self.general_error.setText("\n".join(rest))
                self.general_error.show()
            grow_to_fit(self)
            self.message.emit(tr("Not saved: please correct the fields marked in red."), True)
            return False
        except UserError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            self.message.emit(exc.message, True)
            return False
        except Exception as exc:  # shown, never a traceback
            show_error(self, exc)
            return False
        self.message.emit(done, False)
        self.refresh()
        self.changed.emit()
        return True

    def _same(self, first: QLineEdit, second: QLineEdit, field: str) -> None:
        if first.text() != second.text():
            raise ValidationError({field: tr("The two passwords differ.")})

    def turn_on(self) -> bool:
        def act():
            self._same(self.admin_password, self.admin_repeat, "repeat")
            accounts.turn_on(self.admin_name.text(), self.admin_password.text())

        ok = self._run(act, tr("Accounts are on. From the next start, everyone logs in."))
        if ok:
            for w in (self.admin_password, self.admin_repeat):
                w.clear()
        return ok

    def turn_off(self) -> bool:
        return self._run(accounts.turn_off, tr("Accounts are off: no login from the next start."))

    def create(self) -> bool:
        def act():
            self._same(self.password, self.repeat, "repeat")
            accounts.create_account(self.name.text(), self.role.currentData(), self.password.text(),
                                    self.person.currentData())

        ok = self._run(act, tr("Account created: {name}").format(name=self.name.text().strip()),
                       {"name": "account_name", "password": "account_password", "repeat": "account_repeat"})
        if ok:
            self.password.clear()
            self.repeat.clear()
        return ok

    def save_role(self) -> bool:
        account = self.selected_account()
        if account is None:
            return False
        return self._run(lambda: accounts.update_account(account, role=self.role.currentData(),
                                                         person_id=self.person.currentData()),
                         tr("Saved: {name}").format(name=account.name))

    def set_password(self) -> bool:
        account = self.selected_account()
        if account is None:
            return False

        def act():
            self._same(self.password, self.repeat, "repeat")
            accounts.set_password(account, self.password.text())

        ok = self._run(act, tr("New password set for {name}.").format(name=account.name),
                       {"password": "account_password", "repeat": "account_repeat"})
        if ok:
            self.password.clear()
            self.repeat.clear()
        return ok

    def switch(self, reason: str | None = None) -> bool:
        account = self.selected_account()
        if account is None:
            return False
        if account.active:
            if reason is None:
                reason, ok = QInputDialog.getText(self, tr("Switch off"), tr(
                    "Why is {name}'s account switched off? (It is kept, and can be switched back on.)").format(
                    name=account.name))
                if not ok:
                    return False
            return self._run(lambda: accounts.update_account(account, active=False, note=reason),
                             tr("Switched off: {name}").format(name=account.name))
        return self._run(lambda: accounts.update_account(account, active=True),
                         tr("Switched back on: {name}").format(name=account.name))
