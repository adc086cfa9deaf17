"""The command line: ``python main.py [--db PATH] [--lang L] [COMMAND ...]``.

No command opens the window. Exit status: 0 it worked, 2 invalid input (the
reason printed), 1 any other failure. Bad input never prints a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path

from .core import db, i18n
from .core.errors import UserError
from .core.i18n import tr
from .modules import commands as module_commands
from .modules import modules

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2


class InvalidInput(UserError):
    """Bad input with a report already printed (exit status 2)."""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: data/logistics.db or $LOGISTICS_DESK_DB)")
    common.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help="interface and printing language")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="main.py", parents=[common],
        description="Logistics Desk (总务台账): with no command, opens the window.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", parents=[common], help="open the window (the default)")

    p = sub.add_parser("demo", parents=[common], help="fill the database with realistic demo data")
    p.add_argument("--assets", type=int, default=500, metavar="N", help="number of asset records (default 500)")
    p.add_argument("--seed", type=int, default=2026, help="random seed")

    specs = modules()
    for verb, attr, helptext in (("import", "IMPORTS", "import a spreadsheet"),
                                 ("export", "EXPORTS", "export to .xlsx"),
                                 ("print", "PRINTS", "print a form to PDF")):
        p = sub.add_parser(verb, parents=[common], help=helptext)
        kinds = p.add_subparsers(dest="kind", metavar="KIND" if verb != "print" else "FORM", required=True)
        for spec in specs:
            for command in module_commands(spec, attr):
                kp = kinds.add_parser(command.name, parents=[common], help=command.help)
                command.add_arguments(kp)
                if verb == "print":
                    kp.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
                kp.set_defaults(_run=command.run, _verb=verb)

    p = sub.add_parser("backup", parents=[common], help="back up the database (default: into data/backups/)")
    p.add_argument("file", nargs="?", help="where to write the backup")
    p = sub.add_parser("restore", parents=[common], help="restore a backup after checking it")
    p.add_argument("file")
    sub.add_parser("check", parents=[common], help="check SQLite integrity and the change-record chain")
    return parser


def _out(text: str) -> None:
    try:
        print(text)
    except UnicodeEncodeError:
        sys.stdout.buffer.write((text + "\n").encode("utf-8", "replace"))


def run(args: argparse.Namespace) -> int:
    command = args.command or "gui"
    if command == "gui":
        from .app import run_gui

        return run_gui(args)

    if command == "restore":
        return _restore(args)
    db.open_database(getattr(args, "db", None))
    apply_language_setting(args)
    try:
        if command == "demo":
            from .core import demo

            summary = demo.populate(n_assets=args.assets, seed=args.seed, progress=_console_progress)
            _out(summary)
            return EXIT_OK
        if command in ("import", "export", "print"):
            result = args._run(args)
            if command == "print":
                Path(args.output).write_bytes(result)
                _out(tr("Written: {path}").format(path=args.output))
            elif result:
                _out(str(result))
            return EXIT_OK
        if command == "backup":
            from .core import backup

            path = backup.make_backup(args.file)
            _out(tr("Backup written: {path}").format(path=path))
            return EXIT_OK
        if command == "check":
            from .core import audit

            problems = [tr("SQLite: {p}").format(p=p) for p in db.integrity_problems()] + audit.verify_chain()
            if problems:
                for p in problems:
                    _out(p)
                return EXIT_FAILURE
            count = audit.AuditEntry.select().count()
            _out(tr("Database intact; change record intact ({count} entries).").format(count=count))
            return EXIT_OK
    finally:
        db.close_database()
    return EXIT_FAILURE


def _restore(args: argparse.Namespace) -> int:
    """Restore a backup; also over a current file too damaged to open."""
    import sqlite3

    import peewee

    from .core import backup

    target = db.resolve_path(getattr(args, "db", None))
    try:
        db.open_database(target)
    except (sqlite3.DatabaseError, peewee.DatabaseError):  # the current file is damaged: replace it whole
        db.close_database()
        kept = backup.restore_file(args.file, target)
        db.open_database(target, backup=False)
        db.close_database()
        _out(tr("Restored from {path}. The damaged file was moved to {safety}.").format(path=args.file, safety=kept))
        return EXIT_OK
    try:
        safety = backup.restore(args.file)
    finally:
        db.close_database()
    _out(tr("Restored from {path}. The previous state was saved to {safety}.").format(path=args.file, safety=safety))
    return EXIT_OK


def apply_language_setting(args: argparse.Namespace) -> None:
    """``--lang`` wins; otherwise the language chosen in the settings, if any."""
    if getattr(args, "lang", None):
        return
    from .core import settings

    chosen = settings.get("ui.language")
    if chosen:
        i18n.set_language(chosen)


_last_pct = [-1]


def _console_progress(done: int, total: int) -> None:
    if not total:
        return
    pct = int(done * 100 / total)
    if pct != _last_pct[0] and pct % 10 == 0:
        _last_pct[0] = pct
        sys.stderr.write(f"{pct}%\n")


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = getattr(args, "lang", None) or i18n.system_language()
    i18n.set_language(lang)
    try:
        return run(args)
    except InvalidInput as exc:
        _out(exc.message)
        return EXIT_INVALID
    except UserError as exc:
        _out(tr("Error: {message}").format(message=exc.message))
        return EXIT_INVALID
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as exc:  # an unexpected failure: one line, details in the log
        logging.getLogger("logistics_desk").debug("".join(traceback.format_exception(exc)))
        _out(tr("Failed: {error}").format(error=str(exc) or exc.__class__.__name__))
        return EXIT_FAILURE
