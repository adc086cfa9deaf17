"""The window: QApplication, translators, and tabs built from the module registry."""

from __future__ import annotations

import logging
import sys
import traceback

from .core import db, i18n
from .core.paths import I18N_DIR

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    from .cli import main as cli_main

    return cli_main(argv if argv is not None else sys.argv[1:])


def install_translators(app, language: str) -> list:
    """Qt's own strings and ours (.qm built from resources/i18n/*.ts)."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    translators = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase",):
            t = QTranslator(app)
            if t.load(f"{name}_{language}", qt_dir):
                app.installTranslator(t)
                translators.append(t)
        for qm in sorted(I18N_DIR.glob(f"*_{language}.qm")):
            t = QTranslator(app)
            if t.load(str(qm)):
                app.installTranslator(t)
                translators.append(t)
        i18n.set_backend(lambda context, text: QCoreApplication.translate(context, text))
    else:
        i18n.set_backend(None)
    return translators


def create_application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Logistics Desk")
    app.setOrganizationName("LogisticsDesk")
    return app


def run_gui(args) -> int:
    from PySide6.QtWidgets import QMessageBox

    from .cli import apply_language_setting
    from .core.errors import UserError

    app = create_application()
    try:
        db.open_database(getattr(args, "db", None))
    except UserError as exc:
        install_translators(app, i18n.current_language())
        QMessageBox.critical(None, i18n.tr("Logistics Desk"), exc.message)
        return 1
    except Exception as exc:  # a damaged file: say so and how to restore, never a traceback
        log.error("cannot open the database: %s", format_exception(exc))
        install_translators(app, i18n.current_language())
        QMessageBox.critical(None, i18n.tr("Logistics Desk"), i18n.tr(
            "The database {path} cannot be opened: {error}\n\nIt may be damaged. Restore a backup from the "
            "backups folder beside it with: python main.py restore BACKUP.db").format(
            path=db.resolve_path(getattr(args, "db", None)), error=str(exc) or exc.__class__.__name__))
        return 1
    apply_language_setting(args)
    install_translators(app, i18n.current_language())
    from PySide6.QtCore import QTimer

    from .core.ui.main_window import MainWindow

    window = MainWindow()
    sys.excepthook = window.excepthook
    window.show()
    # the day's automatic backup, once the window is up rather than before it
    QTimer.singleShot(0, lambda: daily_backup(window))
    code = app.exec()
    db.close_database()
    return code


def daily_backup(window) -> None:
    """The automatic daily backup; a failure must not stop the clerk's work: it is logged and shown."""
    from .core import backup

    try:
        made = backup.daily_backup_if_due()
    except Exception as exc:  # noqa: BLE001 - reported in the status bar and the log
        log.warning("daily backup failed: %s", exc)
        window.statusBar().showMessage(i18n.tr("The automatic daily backup failed: {error}").format(error=exc))
        return
    if made is not None:
        from PySide6.QtCore import QTimer

        window.statusBar().showMessage(i18n.tr("Today's backup was written: {path}").format(path=made))
        QTimer.singleShot(10000, window.refresh_status)  # then back to the usual hints


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))
