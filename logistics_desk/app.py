"""The window: QApplication, translators, and tabs built from the module registry."""

from __future__ import annotations

import logging
import sys
import traceback

from .core import db, i18n, paths

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    from .cli import main as cli_main

    return cli_main(argv if argv is not None else sys.argv[1:])


def gui_main(argv: list[str] | None = None) -> int:
    """``logistics-desk-gui``: the program started without a console (pythonw, the windowed build).

    There, nothing printed can be seen: what the command line would print (a
    usage error, ``--help``, a failure at start) is shown in a message box
    instead, so the program never ends silently.
    """
    import io

    argv = sys.argv[1:] if argv is None else list(argv)
    if sys.stdout is not None and sys.stderr is not None:  # a console after all (Linux, macOS)
        return main(argv)
    global _failure_shown
    _failure_shown = False
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = captured = io.StringIO()
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: --help, --version, a usage error
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        if not isinstance(exc.code, (int, type(None))):
            captured.write(str(exc.code))
    except BaseException as exc:  # anything at all: shown, never silent
        log.critical("failure at start", exc_info=exc)
        captured.write(i18n.tr("Failed: {error}").format(error=str(exc) or exc.__class__.__name__))
        code = 1
    finally:
        sys.stdout, sys.stderr = saved
    text = captured.getvalue().strip()
    if text and not _failure_shown:
        show_start_failure(text, error=code != 0)
    return code


_failure_shown = False


def show_start_failure(text: str, error: bool = True) -> None:
    """A message box for a program that has no window to show it in (yet)."""
    global _failure_shown
    try:
        from PySide6.QtWidgets import QMessageBox

        create_application()
        box = QMessageBox(QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information,
                          i18n.tr("Logistics Desk"), text)
        box.exec()
        _failure_shown = True
    except Exception:  # Qt itself cannot start: the log and the console have it
        log.exception("cannot show the message box")


def install_translators(app, language: str) -> list:
    """Qt's own strings and ours (.qm built from resources/i18n/*.ts, shipped inside the package)."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    translators = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase",):
            t = QTranslator(app)
            if t.load(f"{name}_{language}", qt_dir):
                app.installTranslator(t)
                translators.append(t)
        for qm in paths.resource_files("i18n", f"_{language}.qm"):
            t = QTranslator(app)
            if t.load(str(paths.resource_path(qm))):
                app.installTranslator(t)
                translators.append(t)
        i18n.set_backend(lambda context, text: QCoreApplication.translate(context, text))
    else:
        i18n.set_backend(None)
    return translators


def create_application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # these two name the per-user data folder (QStandardPaths.AppDataLocation, paths.user_data_dir)
    # and where QSettings keeps the window's geometry
    app.setApplicationName(paths.APPLICATION)
    app.setOrganizationName(paths.ORGANIZATION)
    icon = paths.resources() / "icons" / "logistics-desk.png"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(paths.resource_path(icon))))
    return app


# The Qt-free modules the window needs before its first paint, imported before Qt is (``import_before_qt``):
# once PySide6 is imported, its import hook reads the source of every module imported after it (looking for
# ``from __feature__ import``), which costs more than importing them.
BEFORE_QT = ("logistics_desk.core.migrations", "logistics_desk.core.settings", "logistics_desk.core.today",
             "logistics_desk.core.backup", "logistics_desk.core.logs", "logistics_desk.core.integrity",
             "logistics_desk.core.accounts", "logistics_desk.core.changes", "logistics_desk.modules")


def import_before_qt() -> None:
    """Import ``BEFORE_QT`` and read the module registry, before the first PySide6 import (``run_gui``, and
    benchmarks/bench_window.py as it does). Only a speed-up: a name missing is passed over."""
    import importlib

    from .modules import modules

    # and what Today reads just after the first paint: its lines and the tabs' figures
    providers = [path.split(":", 1)[0] for spec in modules()
                 for path in (getattr(spec, "today", None), getattr(spec, "badge", None)) if path]
    for name in (*BEFORE_QT, *providers):
        try:
            importlib.import_module(name)
        except ImportError:
            log.debug("not imported before Qt: %s", name, exc_info=True)


def run_gui(args) -> int:
    from .cli import apply_language_setting

    import_before_qt()
    app = create_application()
    if not open_database_for_window(app, getattr(args, "db", None)):
        return 1
    apply_language_setting(args)
    install_translators(app, i18n.current_language())
    from PySide6.QtCore import QTimer

    from .core.ui import login
    from .core.ui.main_window import MainWindow
    from .modules import modules

    if not login.ask_login():  # accounts on (a shared database): who is at this PC, before the window
        db.close_database()
        return 0
    window = MainWindow(login.visible_specs(modules()), deferred=True)  # painted first; Today's lines just after
    sys.excepthook = window.excepthook
    window.show()
    # the day's automatic backup and the first start's questions once the window is up with Today's lines,
    # not before its first paint
    window.started.connect(lambda: QTimer.singleShot(0, lambda: daily_backup(window)))
    window.started.connect(lambda: QTimer.singleShot(0, lambda: ask_first_start(window)))
    code = app.exec()
    db.close_database()
    return code


def open_database_for_window(app, path) -> bool:
    """Open the database (the window's first start creates it); if it cannot be opened, say why in the
    clerk's words (missing permission, read-only folder, locked by another program, damaged: each its own
    message). Over a damaged file, offer to restore a backup in its place. True when it is open."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from .core import backup
    from .core.errors import UserError

    try:
        db.open_database(path, create=True)
        return True
    except db.DatabaseOpenError as exc:
        install_translators(app, i18n.current_language())
        title = i18n.tr("Logistics Desk")  # (not before: without the translators, tr reads every .ts file)
        if exc.kind != "damaged":
            QMessageBox.critical(None, title, exc.message)
            return False
        answer = QMessageBox.critical(
            None, title, exc.message + "\n\n" + i18n.tr(
                "Open a backup to put in its place? The damaged file is kept in the backups folder."),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Open)
        if answer != QMessageBox.StandardButton.Open:
            return False
        folder = db.backups_folder(exc.path)
        chosen, _ = QFileDialog.getOpenFileName(None, i18n.tr("Restore from a backup"),
                                                str(folder if folder.is_dir() else exc.path.parent),
                                                i18n.tr("Database (*.db)"))
        if not chosen:
            return False
        try:
            result = backup.restore(chosen, target=exc.path)
            db.open_database(exc.path, create=False)
        except UserError as err:
            QMessageBox.critical(None, title, err.message)
            return False
        QMessageBox.information(None, title, "\n".join([i18n.tr(
            "Restored from {path}. The damaged file was kept as {safety}.").format(path=chosen, safety=result.safety),
            *result.warnings]))
        return True
    except UserError as exc:  # a database from a newer version, among others
        install_translators(app, i18n.current_language())
        QMessageBox.critical(None, i18n.tr("Logistics Desk"), exc.message)
        return False
    except Exception as exc:  # anything else: say so, never a traceback
        log.error("cannot open the database: %s", format_exception(exc))
        install_translators(app, i18n.current_language())
        target = db.resolve_path(path)
        QMessageBox.critical(None, i18n.tr("Logistics Desk"), i18n.tr(
            "The database {path} cannot be opened: {error}\n\nIts backups are in {folder}.").format(
            path=target, error=str(exc) or exc.__class__.__name__, folder=db.backups_folder(target)))
        return False


def ask_first_start(window) -> None:
    """On the first start (no school or operator name yet): ask for both, without blocking the window."""
    from .core import accounts
    from .core.ui import first_start

    if not first_start.needed() or not accounts.allowed(accounts.SETTINGS):  # a role without settings: not asked
        return
    dialog = first_start.FirstStartDialog(window)
    dialog.accepted.connect(window.refresh_all)
    window.first_start_dialog = dialog  # kept while it is open
    dialog.open()


def daily_backup(window) -> None:
    """The automatic daily backup; a failure must not stop the clerk's work: it is logged and shown."""
    from .core import backup

    page = getattr(window, "today", None)
    if page is not None and not page.lines_painted and window.isVisible():
        window.repaint()  # Today's lines on the screen before the backup holds the window (seconds on a large file)
    try:
        made = backup.daily_backup_with_copy()
    except Exception as exc:  # reported in the status bar and the log
        log.warning("daily backup failed: %s", exc)
        window.statusBar().showMessage(i18n.tr("The automatic daily backup failed: {error}").format(error=exc))
        return
    if made is not None:
        from PySide6.QtCore import QTimer

        path, text = made
        log.info("daily backup: %s", text)
        window.statusBar().showMessage(i18n.tr("Today's backup: {result}").format(result=text))
        if hasattr(window, "refresh_today"):  # Today's line "Last backup"
            window.refresh_today()
        QTimer.singleShot(10000, window.refresh_status)  # then back to the usual hints


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))
