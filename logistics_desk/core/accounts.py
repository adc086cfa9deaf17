"""Accounts and roles, for a database several people share. Off by default: one clerk on one PC, no login.

An administrator turns them on in Settings → Accounts, creating the first administrator account in the same
step (nobody is locked out). From then on the window asks for a name and a password before it opens; the
person logged in is the operator of every change record entry (``audit.current_operator``), and their role
decides the tabs and actions shown and, in the services, what they may change: ``check_write`` is called by
``audit.record`` for every change, so a refused change raises ``NotAllowed`` inside its transaction (nothing
is saved) and the refusal is written to the log.

Passwords: ``hashlib.scrypt`` with a random 16-byte salt; the parameters are stored with the hash
(``scrypt$n$r$p$salt$hash``) and compared in constant time. Five wrong passwords in a row for a name pause
logging in under that name for ``PAUSE_SECONDS``.

The command line has no login: with accounts on, its commands run as the operator set in Settings, as before
(who can run them has the database file or the server's password anyway). For the same reason a forgotten
password, the last administrator's too, is reset there: ``accounts reset-password NAME`` (``accounts list``
shows the accounts), with its entry in the change record. No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import logging
import secrets
import time
from dataclasses import dataclass

from peewee import AutoField, BooleanField, CharField, DateTimeField, ForeignKeyField, TextField

from . import clock
from .db import BaseModel, database
from .errors import NotFound, RuleError, UserError, ValidationError
from .i18n import N_, join_list, tr
from .masterdata import Person

log = logging.getLogger(__name__)

ENABLED_KEY = "accounts.enabled"
TABLE = "account"
MIN_PASSWORD = 8
MAX_TRIES = 5
PAUSE_SECONDS = 30.0

SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_LEN = 2 ** 14, 8, 1, 32


class _SecretField(TextField):
    """The password hash: kept out of the change record and its reconciliation (like a derived column)."""

    derived = True


class Account(BaseModel):
    id = AutoField()
    name = CharField(max_length=50, unique=True)  # the login name, and the operator's name in the change record
    role = CharField(max_length=20)
    person = ForeignKeyField(Person, null=True, on_delete="RESTRICT", backref="+")  # a repair worker's own tickets
    password_hash = _SecretField()
    password_set_at = DateTimeField()
    active = BooleanField(default=True)
    note = TextField(null=True)  # why it was switched off
    created_at = DateTimeField()

    class Meta:
        table_name = TABLE


# --- roles ---------------------------------------------------------------------------------

ADMIN, CLERK, CANTEEN, REPAIR, APPROVER = "admin", "clerk", "canteen", "repair", "approver"

# actions of the window (menus, pages) a role may use, besides the tabs
SETTINGS, ACCOUNTS, BACKUP, RESTORE, APPROVE = "settings", "accounts", "backup", "restore", "approve"

MASTER_TABLES = frozenset({"term", "department", "place", "person", "supplier", "category"})


@dataclass(frozen=True)
class Role:
    label: str
    description: str
    tabs: frozenset[str] | None  # module keys; None: every tab
    actions: frozenset[str]


ROLES: dict[str, Role] = {
    ADMIN: Role(N_("Administrator"), N_("Settings, master data and accounts; reads every tab"),
                None, frozenset({SETTINGS, ACCOUNTS, BACKUP, RESTORE})),
    CLERK: Role(N_("Clerk"), N_("Everything but settings and accounts"), None, frozenset({BACKUP, APPROVE})),
    CANTEEN: Role(N_("Canteen"), N_("The canteen tab"), frozenset({"canteen"}), frozenset()),
    REPAIR: Role(N_("Repair worker"), N_("The repairs tab: the tickets assigned to them"), frozenset({"repairs"}),
                 frozenset()),
    APPROVER: Role(N_("Approver"), N_("Reads everything; records approvals"), None, frozenset({APPROVE})),
}


def role_label(role: str) -> str:
    r = ROLES.get(role)
    return tr(r.label) if r else role


def may_write(role: str, table: str, action: str = "", record_id: int | None = None,
              person_id: int | None = None) -> bool:
    """Whether ``role`` may write a change record entry for ``table`` (the services' own check)."""
    if role == CLERK:
        return table not in ("setting", TABLE)
    if role == ADMIN:
        return table in ("setting", TABLE) or table in MASTER_TABLES
    if role == CANTEEN:  # the canteen's books, and a repair reported from them (a fridge out of range)
        return table.startswith("canteen_") or (table == "repair_ticket" and action == "create") or (
            table == "asset" and action == "repair")
    if role == REPAIR:
        if table == "repair_ticket":
            return record_id is not None and person_id is not None and _ticket_assignee(record_id) == person_id
        if table == "repair_part":
            return record_id is not None and person_id is not None and _part_assignee(record_id) == person_id
        # what a repair does to the asset repaired: its status during the repair, damage found at its end
        return (table == "asset" and action == "repair") or (table == "asset_damage" and action == "create")
    if role == APPROVER:
        return table in ("purchase_approval", "purchase_status_change") or (
            table == "purchase_request" and action in ("status", "over_budget_confirmed"))
    return False


def _ticket_assignee(ticket_id: int) -> int | None:
    row = database.execute_sql("SELECT assignee_id FROM repair_ticket WHERE id = ?".replace("?", database.obj.param),
                               (ticket_id,)).fetchone()
    return row[0] if row else None


def _part_assignee(part_id: int) -> int | None:
    row = database.execute_sql(
        "SELECT t.assignee_id FROM repair_part p JOIN repair_ticket t ON t.id = p.ticket_id WHERE p.id = ?".replace(
            "?", database.obj.param), (part_id,)).fetchone()
    return row[0] if row else None


# --- the session: who is logged in in this program ----------------------------------------

@dataclass(frozen=True)
class Session:
    account_id: int
    name: str
    role: str
    person_id: int | None


_session: Session | None = None


class NotAllowed(UserError):
    """The logged-in person's role does not allow this."""


class LoginFailed(UserError):
    pass


def current() -> Session | None:
    return _session


def current_name() -> str | None:
    return _session.name if _session is not None else None


def enabled() -> bool:
    from . import settings

    return bool(settings.get(ENABLED_KEY))


def visible_tabs(keys: list[str]) -> list[str]:
    """The module keys (in the given order) the logged-in person's role shows; all without a session."""
    if _session is None:
        return list(keys)
    tabs = ROLES[_session.role].tabs if _session.role in ROLES else frozenset()
    return [k for k in keys if tabs is None or k in tabs]


def own_person() -> int | None:
    """A repair worker logged in: the person whose tickets are theirs (their lists show only those; -1: no person
    named, so none). Anyone else, or nobody logged in: None (every ticket)."""
    if _session is None or _session.role != REPAIR:
        return None
    return _session.person_id if _session.person_id is not None else -1


def allowed(action: str) -> bool:
    if _session is None:
        return True
    role = ROLES.get(_session.role)
    return role is not None and action in role.actions


def _refuse(what: str) -> None:
    log.warning("refused: %s (%s) may not %s", _session.name, _session.role, what)
    raise NotAllowed(tr("{name} ({role}) may not do this ({what}); it was not done.").format(
        name=_session.name, role=role_label(_session.role), what=what))


def require(action: str) -> None:
    """Raise ``NotAllowed`` (and log the refusal) unless the logged-in person may do ``action``."""
    if not allowed(action):
        _refuse(action)


def check_write(table: str, action: str = "", record_id: int | None = None) -> None:
    """Called by the change record for every change: refuse what the logged-in person's role may not change."""
    if _session is None:
        return
    if not may_write(_session.role, table, action, record_id, _session.person_id):
        _refuse(f"{action} {table}" + (f" #{record_id}" if record_id is not None else ""))


# --- passwords -------------------------------------------------------------------------------

def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=SCRYPT_LEN,
                            maxmem=256 * 1024 * 1024)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    """Checked for an unknown name, so a wrong name takes as long as a wrong password."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(secrets.token_hex(8))
    return _DUMMY_HASH


# --- logging in --------------------------------------------------------------------------------

_failures: dict[str, list[float]] = {}  # name (lower case) -> monotonic times of the wrong tries in a row


def pause_left(name: str) -> float:
    """Seconds until ``name`` may try again (0: now)."""
    tries = _failures.get(name.strip().lower(), [])
    if len(tries) < MAX_TRIES:
        return 0.0
    return max(0.0, tries[-1] + PAUSE_SECONDS - time.monotonic())


def login(name: str, password: str) -> Session:
    """Log in as ``name``; the session is this program's operator until ``logout``."""
    global _session
    name = (name or "").strip()
    key = name.lower()
    wait = pause_left(name)
    if wait > 0:
        log.warning("login refused: %s is paused after %d wrong tries", name, MAX_TRIES)
        raise LoginFailed(tr("Too many wrong passwords. Try again in {n} seconds.").format(n=int(wait + 0.999)))
    if pause_left(name) == 0 and len(_failures.get(key, [])) >= MAX_TRIES:
        _failures.pop(key, None)  # the pause is over: five more tries
    account = Account.get_or_none(Account.name == name) if name else None
    ok = check_password(password or "", account.password_hash if account is not None else _dummy_hash())
    if not ok or account is None or not account.active:
        tries = _failures.setdefault(key, [])
        tries.append(time.monotonic())
        log.warning("login failed for %r (%d in a row)", name, len(tries))
        if len(tries) >= MAX_TRIES:
            raise LoginFailed(tr("Wrong name or password. Too many wrong tries: wait {n} seconds.").format(
                n=int(PAUSE_SECONDS)))
        raise LoginFailed(tr("Wrong name or password."))
    _failures.pop(key, None)
    _session = Session(account.id, account.name, account.role, account.person_id)
    log.info("logged in: %s (%s)", account.name, account.role)
    return _session


def logout() -> None:
    global _session
    if _session is not None:
        log.info("logged out: %s", _session.name)
    _session = None


def set_session(session: Session | None) -> None:
    """Tests and the login dialog: make ``session`` the current one."""
    global _session
    _session = session


# --- the administrator's services ---------------------------------------------------------------

def accounts() -> list[Account]:
    return list(Account.select().order_by(Account.active.desc(), Account.name))


def people() -> dict[int, tuple[str, bool]]:
    """Person id -> (name, active), by name: whom a repair worker's account can name."""
    query = Person.select(Person.id, Person.name, Person.active).order_by(Person.name)
    return {p.id: (p.name, p.active) for p in query}


def get(account_id: int) -> Account:
    account = Account.get_or_none(Account.id == account_id)
    if account is None:
        raise NotFound(tr("The account does not exist."))
    return account


def _validate(name: str | None, role: str | None, password: str | None, *, exclude: int | None = None,
              person_id: int | None = None) -> dict[str, str]:
    errors = {}
    if name is not None:
        name = name.strip()
        if not name:
            errors["name"] = tr("Enter the person's name.")
        elif len(name) > 50:
            errors["name"] = tr("At most {n} characters.").format(n=50)
        else:
            query = Account.select().where(Account.name == name)
            if exclude is not None:
                query = query.where(Account.id != exclude)
            if query.exists():
                errors["name"] = tr("There is already an account with this name.")
    if role is not None and role not in ROLES:
        errors["role"] = tr("Choose a role.")
    if role == REPAIR and person_id is None:
        errors["person"] = tr("A repair worker's account names the person the tickets are assigned to.")
    if password is not None and len(password) < MIN_PASSWORD:
        errors["password"] = tr("A password has at least {n} characters.").format(n=MIN_PASSWORD)
    return errors


def _active_admins(exclude: int | None = None) -> int:
    query = Account.select().where((Account.role == ADMIN) & (Account.active == True))  # noqa: E712
    if exclude is not None:
        query = query.where(Account.id != exclude)
    return query.count()


def _create(name: str, role: str, password: str, person_id: int | None) -> Account:
    from . import audit

    now = clock.now()
    account = Account.create(name=name.strip(), role=role, person=person_id, password_hash=hash_password(password),
                             password_set_at=now, active=True, created_at=now)
    audit.record_create(account)
    return account


def create_account(name: str, role: str, password: str, person_id: int | None = None) -> Account:
    """A new account (administrators only)."""
    require(ACCOUNTS)
    errors = _validate(name, role, password, person_id=person_id)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        return _create(name, role, password, person_id)


def update_account(account: Account | int, *, role: str | None = None, person_id: int | None = -1,
                   active: bool | None = None, note: str | None = None) -> Account:
    """Change an account's role, person or whether it may log in (switched off with a reason, never deleted)."""
    from . import audit

    require(ACCOUNTS)
    account = get(account.id if isinstance(account, Account) else account)
    new_person = account.person_id if person_id == -1 else person_id
    new_role = account.role if role is None else role
    errors = _validate(None, new_role, None, person_id=new_person)
    if active is False and not (note or "").strip():
        errors["note"] = tr("Say why the account is switched off.")
    if errors:
        raise ValidationError(errors)
    still_admin = new_role == ADMIN and (account.active if active is None else active)
    if account.role == ADMIN and account.active and not still_admin and enabled() and _active_admins(account.id) == 0:
        raise RuleError(tr("This is the last administrator: make another administrator first, "
                           "or nobody could change the settings or the accounts."))
    with database.atomic():
        before = audit.snapshot(account)
        account.role = new_role
        account.person = new_person
        if active is not None:
            account.active = active
            account.note = (note or "").strip() or None if not active else account.note
        account.save()
        audit.record_update(account, before)
    return account


def set_password(account: Account | int, password: str) -> None:
    """A new password: an administrator sets anyone's, a person their own."""
    account = get(account.id if isinstance(account, Account) else account)
    if _session is None or _session.account_id != account.id:
        require(ACCOUNTS)
    _store_password(account, password, tr("New password"))


def _store_password(account: Account, password: str, note: str) -> None:
    """Check ``password``, store its hash and the time, with one "password" entry in the change record
    (even when the time did not move; the hash itself is never recorded)."""
    from . import audit

    errors = _validate(None, None, password)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        before = audit.snapshot(account)
        account.password_hash = hash_password(password)
        account.password_set_at = clock.now()
        account.save()
        changed = audit.diff(before, audit.snapshot(account, list(before)))
        audit.record(TABLE, account.id, "password", changed or None, note=note)


def turn_on(name: str, password: str) -> Account:
    """Turn accounts on, creating the first administrator in the same step (so nobody is locked out).
    With administrator accounts already there (accounts were on before), ``name`` must be one of them and
    ``password`` its password."""
    from . import settings

    require(SETTINGS)
    existing = Account.get_or_none(Account.name == (name or "").strip())
    if existing is not None and _active_admins() > 0:
        if existing.role != ADMIN or not existing.active or not check_password(password or "",
                                                                               existing.password_hash):
            raise ValidationError({"password": tr("Wrong name or password.")})
        with database.atomic():
            settings.set_many({ENABLED_KEY: True})
        return existing
    errors = _validate(name, ADMIN, password)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        account = _create(name, ADMIN, password, None)
        settings.set_many({ENABLED_KEY: True})
    log.info("accounts turned on; first administrator: %s", account.name)
    return account


def turn_off() -> None:
    """Back to one clerk, no login (the accounts are kept, for when they are turned on again)."""
    from . import settings

    require(ACCOUNTS)
    settings.set_many({ENABLED_KEY: False})
    log.info("accounts turned off")


def when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, _dt.datetime) else ""


# --- the command line: `accounts list`, `accounts reset-password NAME` ----------------------------------------
#
# A forgotten password (the last administrator's too) is reset at the console of a PC that has the database
# itself: its file, or the server's address and password. That access is the proof of authority (the command
# line has no login); the change record says the password was set at the console, by which system user on
# which computer.

def reset_password(name: str, password: str, *, where: str = "") -> Account:
    """A new password for the account ``name``, set at the console (no login needed: see above)."""
    account = Account.get_or_none(Account.name == (name or "").strip())
    if account is None:
        known = join_list(a.name for a in accounts()) or tr("(none)")
        raise NotFound(tr("There is no account named “{name}”. The accounts: {names}").format(name=name, names=known))
    _store_password(account, password, tr("New password set at the console ({where})").format(where=where)
                    if where else tr("New password set at the console"))
    _failures.pop(account.name.lower(), None)
    log.warning("password of %s (%s) reset at the console (%s)", account.name, account.role, where)
    return account


def list_lines() -> list[str]:
    """``accounts list``: one line per account (name, role, switched off, person, when the password was set)."""
    rows = accounts()
    if not rows:
        return [tr("No accounts.")]
    names = {pid: name for pid, (name, _active) in people().items()}
    out = []
    for a in rows:
        parts = [a.name, role_label(a.role)]
        if a.person_id:
            parts.append(names.get(a.person_id, ""))
        parts.append(tr("password set {time}").format(time=when(a.password_set_at)))
        if not a.active:
            parts.append(tr("switched off") + (f" ({a.note})" if a.note else ""))
        out.append("  ".join(p for p in parts if p))
    out.append(tr("Accounts are on: the window asks who logs in.") if enabled()
               else tr("Accounts are off: the window opens without a login."))
    return out


def add_cli(sub, common) -> None:
    """The ``accounts`` command of the command line (cli.py calls this while building its parser)."""
    p = sub.add_parser("accounts", parents=[common], help="list the accounts, or reset a forgotten password")
    verbs = p.add_subparsers(dest="accounts_verb", metavar="ACTION", required=True)
    verbs.add_parser("list", parents=[common], help="the accounts, their roles, and whether they may log in")
    r = verbs.add_parser("reset-password", parents=[common],
                         help="set a new password for NAME (asks for it twice; needs the database itself)")
    r.add_argument("name", metavar="NAME")
    r.add_argument("--password-stdin", action="store_true", help="read the new password from the first line of "
                                                                 "standard input instead of asking")


def run_cli(args, out, *, stdin=None, ask=None) -> int:
    """Run ``accounts list`` / ``accounts reset-password`` on the open database; ``out`` prints a line.
    Returns the exit status (0). ``ask`` (tests) stands for ``getpass.getpass``."""
    import getpass
    import socket
    import sys

    if args.accounts_verb == "list":
        for line in list_lines():
            out(line)
        return 0
    if args.password_stdin:
        line = (stdin or sys.stdin).readline()
        password = line[:-1] if line.endswith("\n") else line
        password = password[:-1] if password.endswith("\r") else password
    else:
        ask = ask or getpass.getpass
        password = ask(tr("New password for {name}: ").format(name=args.name))
        again = ask(tr("The new password again: "))
        if password != again:
            raise UserError(tr("The two passwords differ; nothing was changed."))
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        user = "?"
    account = reset_password(args.name, password, where=f"{user}@{socket.gethostname()}")
    out(tr("New password set for {name} ({role}).").format(name=account.name, role=role_label(account.role)))
    if not account.active:
        out(tr("This account is switched off: it cannot log in until an administrator switches it on."))
    return 0
