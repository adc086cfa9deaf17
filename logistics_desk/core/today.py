"""Today (今日): what needs doing today, gathered from every module (no Qt).

Each module names in its ``ModuleSpec.today`` a Qt-free function
``items(today: date) -> list[TodayItem]``; core never imports a module, so the
window and the command line hand the registry's specs in. Core adds its own
lines: the age of the last backup and the result of the last ``check``.

A ``TodayItem`` says what the owning tab should show when the line is opened
(``target``: a small dict the tab's ``show_today`` understands, e.g.
``{"filter": "overdue"}`` or ``{"id": 12}``).
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import clock, db, settings
from .i18n import N_, part_of_module, tr, translate
from .loading import load_object

log = logging.getLogger(__name__)

# most pressing first
SEVERITIES = {
    "start": N_("To start"),  # an empty database: how to begin
    "overdue": N_("Overdue"),
    "today": N_("Today"),
    "soon": N_("Soon"),
    "info": N_("For information"),
}
SEVERITY_RANK = {key: i for i, key in enumerate(SEVERITIES)}
CORE = "core"  # the module key of core's own lines
BACKUP_STALE_DAYS = 7  # a backup older than this is shown as overdue


@dataclass
class TodayItem:
    """One line of Today.

    ``module``: the key of the tab that opens it ("core" for core's own lines).
    ``severity``: start | overdue | today | soon | info. ``count``: how many records
    (0 for a line that is information only). ``text``: one line, already translated.
    ``target``: what the owning tab shows (handed to its ``show_today``).
    ``order``: the place among the module's lines (smaller first) when severity ties.
    """

    module: str
    severity: str
    count: int
    text: str
    target: dict[str, Any] = field(default_factory=dict)
    order: int = 0

    def sort_key(self) -> tuple:
        return (SEVERITY_RANK.get(self.severity, len(SEVERITY_RANK)), self.order)

    @property
    def severity_label(self) -> str:
        return tr(SEVERITIES.get(self.severity, self.severity))


@dataclass
class TodayGroup:
    key: str
    title: str  # translated
    items: list[TodayItem]


def spec_title(spec: Any) -> str:
    """A module's title (its spec's ``N_``-marked English) translated in that module's own context, the
    context its view's module path names."""
    view = getattr(spec, "view", None) or ""
    return translate(part_of_module(view.split(":", 1)[0]), spec.title)


def _spec_items(spec: Any, today: _dt.date) -> list[TodayItem]:
    path = getattr(spec, "today", None)
    if not path:
        return []
    try:
        found = list(load_object(path)(today))
    except Exception as exc:
        log.exception("today items of %s failed", spec.key)
        return [TodayItem(spec.key, "info", 0, tr("Could not be read: {error}").format(
            error=str(exc) or exc.__class__.__name__))]
    for item in found:
        item.module = item.module or spec.key
    return sorted(found, key=TodayItem.sort_key)


def collect(specs: Sequence[Any], today: _dt.date | None = None, *, with_core: bool = True) -> list[TodayGroup]:
    """Every module's lines grouped by module in tab order, then core's (empty groups left out).

    The settings are read once for the whole list (``settings.snapshot``: the providers ask for some
    thirty), and only for the time of this call."""
    today = today or clock.today()
    groups = []
    with settings.snapshot():
        for spec in specs:
            found = _spec_items(spec, today)
            if found:
                groups.append(TodayGroup(spec.key, spec_title(spec), found))
        if with_core:
            found = core_items(today)
            if found:
                groups.append(TodayGroup(CORE, tr("Data safety"), found))
    return groups


def start_steps(groups: Iterable[TodayGroup]) -> list[TodayItem]:
    """The first steps still to take (set up the school, import the old register, register the first
    asset): the lines of severity "start", core's first."""
    steps = [i for g in groups for i in g.items if i.severity == "start"]
    return sorted(steps, key=lambda i: (i.module != CORE, i.order))


def needs_attention(groups: Iterable[TodayGroup]) -> int:
    """How many lines want something done (not "info")."""
    return sum(1 for g in groups for i in g.items if i.severity in ("overdue", "today", "soon"))


# --- core's own lines ------------------------------------------------------------------------------

def school_items() -> list[TodayItem]:
    if settings.get("school.name"):
        return []
    return [TodayItem(CORE, "start", 0, tr("Set up the school: its name heads every printed form."),
                      {"action": "settings"}, order=-1)]


_STAMP = re.compile(r"-(\d{8})-(\d{6})(?:-\d+)?$")


def _made_at(path: Path) -> _dt.datetime | None:
    """When a backup was made: the time in its name (backups are named by the program's clock), else the file's."""
    found = _STAMP.search(path.stem)
    if found:
        try:
            return _dt.datetime.strptime(found.group(1) + found.group(2), "%Y%m%d%H%M%S")
        except ValueError:
            pass
    try:
        return _dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError:
        return None


def last_backup() -> tuple[Path, _dt.datetime] | None:
    """The newest backup of the open database in its backups folder (any kind), with when it was made."""
    path = db.current_path()
    if path is None:
        return None
    folder = db.backups_folder(path)
    newest = None
    try:
        for p in folder.glob(f"{_glob_escape(path.stem)}-*.db"):
            at = _made_at(p)
            if at is not None and (newest is None or at > newest[1]):
                newest = (p, at)
    except OSError:
        return None
    return newest


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def backup_item(today: _dt.date) -> TodayItem:
    found = last_backup()
    if found is None:
        return TodayItem(CORE, "overdue", 0, tr("No backup has been made yet: back up now."),
                         {"action": "backup"}, order=1)
    _path, at = found
    days = (today - at.date()).days
    when = at.strftime("%Y-%m-%d %H:%M")
    if days <= 0:
        return TodayItem(CORE, "info", 0, tr("Last backup: today {time}.").format(time=at.strftime("%H:%M")),
                         {"action": "backup"}, order=1)
    severity = "overdue" if days > BACKUP_STALE_DAYS else "info"
    return TodayItem(CORE, severity, 0, tr("Last backup: {when}, {n} days ago.").format(when=when, n=days),
                     {"action": "backup"}, order=1)


def _check_file() -> Path | None:
    path = db.current_path()
    return None if path is None else db.backups_folder(path) / f"{path.stem}-last-check.json"


def remember_check(report: Any) -> None:
    """Keep the result of a ``check`` (the window's or the command line's) for Today.

    Kept in a small file in the backups folder, not in the database: a check
    only reads, and must not add a change-record entry of its own.
    """
    target = _check_file()
    if target is None:
        return
    data = {"at": clock.now().isoformat(), "ok": bool(report.ok), "problems": len(report.problems)}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data), encoding="utf-8")
    except OSError as exc:  # never worth a failure
        log.warning("cannot keep the check result in %s: %s", target, exc)


def last_check() -> dict | None:
    target = _check_file()
    if target is None:
        return None
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        data["at"] = _dt.datetime.fromisoformat(data["at"])
        return data
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check_item(today: _dt.date) -> TodayItem:
    found = last_check()
    if found is None:
        return TodayItem(CORE, "info", 0, tr("No integrity check recorded yet: check the data now."),
                         {"action": "check"}, order=2)
    when = found["at"].strftime("%Y-%m-%d %H:%M")
    if found["ok"]:
        return TodayItem(CORE, "info", 0, tr("Last check {when}: no problems.").format(when=when),
                         {"action": "check"}, order=2)
    return TodayItem(CORE, "overdue", int(found["problems"]),
                     tr("Last check {when}: {n} problems found.").format(when=when, n=found["problems"]),
                     {"action": "check"}, order=2)


def core_items(today: _dt.date) -> list[TodayItem]:
    """Core's lines, those the logged-in person's role can act on (all with accounts off): setting up the school
    for who may open the settings, the backup and the check for who may back up (not the canteen's login)."""
    from . import accounts

    out = school_items() if accounts.allowed(accounts.SETTINGS) else []
    if accounts.allowed(accounts.BACKUP):
        out += [backup_item(today), check_item(today)]
    return out


# --- the command line and paper --------------------------------------------------------------------

def text_lines(groups: Sequence[TodayGroup], today: _dt.date) -> list[str]:
    """``today`` on the command line: the list grouped by module."""
    school = settings.get("school.name") or ""
    out = [tr("Today {date}").format(date=today.isoformat()) + (f" — {school}" if school else "")]
    if not groups:
        out.append(tr("Nothing to do today."))
    for group in groups:
        out.append("")
        out.append(f"{group.title}")
        for item in group.items:
            out.append(f"  [{item.severity_label}] {item.text}")
    return out


def render_pdf(groups: Sequence[TodayGroup], today: _dt.date) -> bytes:
    """The morning round's sheet: A4, the school's name and the date, a box to tick on every line."""
    from .printing.table import Column, Section, TableForm

    columns = [Column("done", tr("Done"), 9, kind="checkbox"), Column("module", tr("Area"), 24),
               Column("severity", tr("When"), 18), Column("text", tr("What needs doing"), 110, max_lines=4),
               Column("count", tr("How many"), 13, kind="qty")]
    rows = []
    for group in groups:
        for i, item in enumerate(group.items):
            rows.append({"done": False, "module": group.title if i == 0 else "", "severity": item.severity_label,
                         "text": item.text, "count": item.count or ""})
    attention = needs_attention(groups)
    meta = [(tr("Lines that want something done"), attention)]
    section = Section(meta=meta, rows=rows, blank_rows=4,
                      note=None if rows else tr("Nothing to do today."))
    return TableForm(tr("Today's round"), columns, [section], date=today,
                     signatures=[tr("Checked by")]).render()

