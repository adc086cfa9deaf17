"""The command line: ``python main.py [--db PATH] [--lang L] [COMMAND ...]``.

No command opens the window. Exit status: 0 it worked, 2 invalid input (the
reason printed), 1 any other failure. Bad input never prints a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys

from . import __version__
from .core import db, engine, i18n, logs, paths
from .core.errors import UserError
from .core.i18n import tr
from .modules import commands as module_commands
from .modules import demo_steps, modules

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2
CREATING_COMMANDS = ("demo", "import")  # (and the window's first start) the only ones that make a missing database


class InvalidInput(UserError):
    """Bad input with a report already printed (exit status 2)."""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS,
                        help="database file, or a PostgreSQL server's postgresql://user:password@host:port/dbname "
                             f"(default: $LOGISTICS_DESK_DB, then the data folder's database.txt, "
                             f"then {paths.default_db()})")
    common.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default=argparse.SUPPRESS,
                        help="interface and printing language")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog=paths.program_name(), parents=[common],
        description="Logistics Desk (总务台账): with no command, opens the window.",
        epilog=f"data folder: {paths.data_dir()}\nlog file: {logs.log_file()}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", parents=[common], help="open the window (the default)")

    p = sub.add_parser("demo", parents=[common], help="fill the database with realistic demo data")
    p.add_argument("--assets", type=int, default=500, metavar="N", help="number of asset records (default 500)")
    p.add_argument("--seed", type=int, default=2026, help="random seed")
    p.add_argument("--add", action="store_true", help="add demo data to a database that already holds records")

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
        if verb == "print":  # core's own form: the day's list, for the morning round
            kp = kinds.add_parser("today", parents=[common], help="what needs doing today, as a sheet to carry")
            kp.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
            kp.set_defaults(_run=_print_today, _verb=verb)

    p = sub.add_parser("backup", parents=[common], help="back up the database (default: into backups/ beside it)")
    p.add_argument("file", nargs="?", help="where to write the backup")
    p = sub.add_parser("restore", parents=[common], help="restore a backup after checking it")
    p.add_argument("file")
    p = sub.add_parser("move-db", parents=[common],
                       help="copy this SQLite database with its whole history to an empty PostgreSQL database")
    p.add_argument("--to", required=True, metavar="URL", help="postgresql://user:password@host:port/dbname")
    p.add_argument("--use", action="store_true",
                   help="afterwards, make this PC use the server (the data folder's database.txt)")
    sub.add_parser("check", parents=[common], help="check the database's integrity and the change-record chain")
    sub.add_parser("today", parents=[common], help="what needs doing today, grouped by module")
    from .core import accounts  # `accounts list`, `accounts reset-password NAME`

    accounts.add_cli(sub, common)
    from .core import keyfile  # `key export FILE`, `key import FILE`

    keyfile.add_cli(sub, common)
    return parser


def _window_only(argv: list[str]) -> bool:
    """No command but the window's (nothing, or ``gui``) with at most ``--db``/``--lang``: the program's start,
    parsed without building every module's commands (whose forms import ReportLab: ~150 ms before the window)."""
    values = ("--db", "--lang")
    rest = iter(argv)
    for token in rest:
        if token in values:
            next(rest, None)
        elif token == "gui" or token.startswith(tuple(v + "=" for v in values)):
            continue
        else:  # a command, --help, --version, or something wrong: the whole parser says what it means
            return False
    return True


def _window_parser() -> argparse.ArgumentParser:
    """``build_parser``'s options for the window alone (``_window_only``)."""
    parser = argparse.ArgumentParser(prog=paths.program_name(), parents=[_common()])
    parser.add_argument("command", nargs="?", choices=["gui"], default=None)
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
    if command == "move-db":
        return _move_db(args)
    _open(args, create=command in CREATING_COMMANDS, copy_read_only=command == "check")
    apply_language_setting(args)
    db.set_waiting_callback(_console_waiting)
    try:
        if command == "demo":
            from .core import demo

            summary = demo.populate(n_assets=args.assets, seed=args.seed, progress=_console_progress,
                                    steps=demo_steps(), add=args.add)
            _out(summary)
            return EXIT_OK
        if command in ("import", "export", "print"):
            from .core import fileio

            if command == "print":  # a wrong place is said before the form is made, not after
                fileio.check_output_path(args.output)
            result = args._run(args)
            if command == "print":  # all or nothing: a temporary file beside it, renamed at the end
                fileio.write_bytes(args.output, result)
                _out(tr("Written: {path}").format(path=args.output))
            elif result:
                _out(str(result))
            return EXIT_OK
        if command == "backup":
            from .core import backup

            if args.file:
                path = backup.make_backup(args.file)
                _out(tr("Backup written: {path}").format(path=path))
            else:  # into the backups folder, and a copy in the second folder if one is chosen
                _out(backup.backup_with_copy()[1])
            return EXIT_OK
        if command == "check":
            from .core import integrity, today

            report = integrity.check()
            if not integrity.is_backup_copy(db.current_path()):  # a copy's check is not the live file's
                today.remember_check(report)  # for Today's line "Last check"
            for line in report.problems + report.notes:
                _out(line)
            _out(report.summary())
            return EXIT_OK if report.ok else EXIT_FAILURE
        if command == "today":
            from .core import clock, today

            day = clock.today()
            for line in today.text_lines(today.collect(modules(), day), day):
                _out(line)
            return EXIT_OK
        if command == "accounts":
            from .core import accounts

            return accounts.run_cli(args, _out)
        if command == "key":
            from .core import keyfile

            return keyfile.run_cli(args, _out)
    finally:
        db.close_database()
    return EXIT_FAILURE


def _print_today(args: argparse.Namespace) -> bytes:
    from .core import clock, today

    day = clock.today()
    return today.render_pdf(today.collect(modules(), day), day)


def _open(args: argparse.Namespace, *, create: bool, copy_read_only: bool = False) -> None:
    """Open ``--db``; only ``demo`` and ``import`` create a missing file. A damaged one: say how to restore it.
    ``copy_read_only`` (``check``): a backup copy (integrity.is_backup_copy) is opened read-only, unchanged."""
    read_only = False
    if copy_read_only:
        from .core import integrity

        target = db.resolve_path(getattr(args, "db", None))
        read_only = not isinstance(target, engine.ServerAddress) and integrity.is_backup_copy(target)
    try:
        db.open_database(getattr(args, "db", None), create=create, read_only=read_only)
    except db.DatabaseOpenError as exc:
        if exc.kind != "damaged" or read_only:  # (restoring over a damaged copy is no advice)
            raise
        hint = tr("To put a backup in its place: {program} --db \"{path}\" restore BACKUP.db").format(
            program=paths.program_name(), path=exc.path)
        raise UserError(exc.message + "\n" + hint) from None


def _restore(args: argparse.Namespace) -> int:
    """Restore a backup (also over a current file too damaged to open); a missing --db is refused."""
    from .core import backup

    target = db.resolve_path(getattr(args, "db", None))
    result = backup.restore(args.file, target=target, on_wait=_out)
    if isinstance(target, engine.ServerAddress):
        _out(tr("Restored from {path} into the empty database {url}.").format(path=args.file, url=target))
    elif result.damaged:
        _out(tr("Restored from {path}. The damaged file was kept as {safety}.").format(
            path=args.file, safety=result.safety))
    else:
        _out(tr("Restored from {path}. The previous state was saved to {safety}.").format(
            path=args.file, safety=result.safety))
    for warning in result.warnings:
        _out(warning)
    return EXIT_OK


def _move_db(args: argparse.Namespace) -> int:
    """Copy the (SQLite) database to an empty server database with its whole history, then check the copy."""
    import tempfile
    from pathlib import Path

    from .core import audit, backup, integrity, portable

    source = db.resolve_path(getattr(args, "db", None))
    if isinstance(source, engine.ServerAddress):
        raise UserError(tr("move-db copies a database file to a server: --db must name the SQLite file."))
    if not engine.is_server_url(args.to):
        raise UserError(tr("--to must be a server database: postgresql://user:password@host:port/dbname"))
    target = engine.parse_server_url(args.to)
    _open(args, create=False)
    apply_language_setting(args)
    key = audit.key_path()
    with tempfile.TemporaryDirectory(prefix="logistics-desk-move-") as folder:
        snapshot = backup.make_backup(Path(folder) / "snapshot.db")  # consistent, while others may write
        db.close_database()
        problems = portable.fill_server(snapshot, target, [key])
    try:
        report = integrity.check()
    finally:
        db.close_database()
    for line in problems + report.problems + report.notes:
        _out(line)
    _out(report.summary())
    if not report.ok:
        return EXIT_FAILURE
    _out(tr("Copied {path} to {url} with its whole history.").format(path=source, url=target))
    _out(tr("The change record's key for the server is in {path}. Every other PC that uses the server needs it "
            "(without it, it cannot save changes): here, {program} --db \"{url}\" key export FILE; there, "
            "{program} --db \"{url}\" key import FILE.").format(
        path=audit.key_path(target.logical_path(paths.data_dir())), program=paths.program_name(), url=target))
    if getattr(args, "use", False):
        pointer = db.set_pointer(target.url)
        _out(tr("This PC now uses {url} (set in {path}).").format(url=target, path=pointer))
    else:
        _out(tr("To use the server on this PC: {program} --db \"{url}\" (or put the address in {path}).").format(
            program=paths.program_name(), url=target, path=db.pointer_file()))
    return EXIT_OK


def apply_language_setting(args: argparse.Namespace) -> None:
    """``--lang`` wins; otherwise the language chosen in the settings, if any."""
    if getattr(args, "lang", None):
        return
    from .core import settings

    chosen = settings.get("ui.language")
    if chosen:
        i18n.set_language(chosen)


_last_wait = [-1]


def _console_waiting(seconds: float | None) -> None:
    """While a write waits for another program's write lock: one line now and then on stderr."""
    if seconds is None:
        _last_wait[0] = -1
        return
    step = int(seconds) // 5
    if step != _last_wait[0]:
        _last_wait[0] = step
        sys.stderr.write(tr("Waiting for another program to finish writing… ({n} s)").format(n=int(seconds)) + "\n")


_last_pct = [-1]


def _console_progress(done: int, total: int) -> None:
    if not total:
        return
    pct = int(done * 100 / total)
    if pct != _last_pct[0] and pct % 10 == 0:
        _last_pct[0] = pct
        sys.stderr.write(f"{pct}%\n")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    logs.setup()
    logging.getLogger(__name__).info("Logistics Desk %s: %s %s", __version__, paths.program_name(), " ".join(argv))
    parser = _window_parser() if _window_only(argv) else build_parser()
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
    except Exception as exc:  # an unexpected failure: one line, the traceback in the log
        logging.getLogger(__name__).error("unexpected error (%s)", " ".join(argv), exc_info=exc)
        error = str(exc) or exc.__class__.__name__
        log_file = logs.current_log_file()
        if log_file is None:
            message = tr("Failed: {error}").format(error=error)
        else:
            message = tr("Failed: {error} (the details are in the log {path})").format(error=error, path=log_file)
        _out(message)
        if (args.command or "gui") == "gui":  # the window did not open: never end silently
            from .app import show_start_failure

            show_start_failure(message)
        return EXIT_FAILURE
