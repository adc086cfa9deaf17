"""File dialogs that never open the files they list.

Qt's own file dialog asks the MIME database for each listed file's icon and type, and for a name it
cannot place by its extension (``logistics.db``, ``logistics.db-wal``, ``logistics.db-shm``) the MIME
database opens the file and reads its first bytes. On Linux and macOS, closing *any* descriptor of a
file drops every lock this process holds on it (POSIX record locks), including the locks SQLite holds
for the window's open database. Another program (a ``backup`` or ``import`` from the command line)
then believes it is the last user of the database: when it ends it folds the journal into the file and
deletes the window's ``-wal`` and ``-shm`` under it, and what the window writes next goes into the
deleted journal, missing from every later backup.

``install()`` makes ``QFileDialog.getOpenFileName``/``getOpenFileNames``/``getSaveFileName``/
``getExistingDirectory`` show Qt's dialog with an icon provider that looks at names only (never at
contents). On Windows locks belong to the open handle, so nothing is changed there and the native
dialog stays.

Every dialog opens in the folder the clerk last chose a file in (kept per user in QSettings,
``file_dialogs/last_folder``) unless the caller names a folder; a suggested file name alone is put
into that folder. Qt's own Chinese translation lacks two labels of its dialog (“&Look in:”,
“Files of &type:”): they are set from our translations.
"""

from __future__ import annotations

import os
import sys
import types

from PySide6.QtCore import QFileInfo, QMimeDatabase, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QFileDialog, QFileIconProvider

from .. import paths
from ..i18n import tr

LAST_FOLDER_KEY = "file_dialogs/last_folder"

_ORIGINALS: dict[str, object] = {}
_ARGS = ("parent", "caption", "dir", "filter", "selectedFilter", "options")


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name: the file itself is never opened."""

    def __init__(self):
        super().__init__()
        self._mimes = QMimeDatabase()

    def _mime(self, info: QFileInfo):
        return self._mimes.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)

    def icon(self, arg):
        if isinstance(arg, QFileInfo) and not arg.isDir():
            mime = self._mime(arg)
            fallback = super().icon(QFileIconProvider.IconType.File)
            return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), fallback))
        return super().icon(arg)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return tr("Folder")  # Qt's own Chinese lacks it too
        mime = self._mime(info)
        return mime.comment() or mime.name()


_PROVIDER: list[NameOnlyIconProvider] = []


def _provider() -> NameOnlyIconProvider:
    """One provider for every dialog, kept for the whole run: Qt does not own it, and a dialog's listing
    thread may still ask it for an icon after the dialog has closed."""
    if not _PROVIDER:
        _PROVIDER.append(NameOnlyIconProvider())
    return _PROVIDER[0]


def _arguments(args, kwargs) -> dict:
    values = dict(zip(_ARGS, args, strict=False))  # fewer positional arguments than names
    values.update(kwargs)
    return values


def _settings() -> QSettings:
    return QSettings(paths.ORGANIZATION, paths.APPLICATION)


def last_folder() -> str:
    """The folder the clerk last chose a file (or folder) in, if it still exists; else ""."""
    folder = _settings().value(LAST_FOLDER_KEY, "")
    return folder if isinstance(folder, str) and folder and os.path.isdir(folder) else ""


def remember(path: str, is_folder: bool = False) -> None:
    """Keep the folder of ``path`` (or ``path`` itself, a folder) for the next dialog."""
    if not path:
        return
    folder = path if is_folder else os.path.dirname(path)
    if folder and os.path.isdir(folder):
        _settings().setValue(LAST_FOLDER_KEY, os.path.abspath(folder))


def starting_point(given: str | None) -> str:
    """Where a dialog opens: a folder the caller named stays; a bare file name goes into the last folder."""
    given = given or ""
    if given and (os.path.isabs(given) or os.path.dirname(given)):
        return given
    folder = last_folder()
    if not folder:
        return given
    return os.path.join(folder, given) if given else folder


def _dialog(mode: str, values: dict) -> QFileDialog:
    dlg = QFileDialog(values.get("parent"), values.get("caption") or "", starting_point(values.get("dir")),
                      values.get("filter") or "")
    # Qt's own Chinese lacks these two labels of its dialog
    dlg.setLabelText(QFileDialog.DialogLabel.LookIn, tr("&Look in:"))
    dlg.setLabelText(QFileDialog.DialogLabel.FileType, tr("Files of &type:"))
    options = QFileDialog.Option(values.get("options") or QFileDialog.Option(0))
    dlg.setOptions(options | QFileDialog.Option.DontUseNativeDialog)
    dlg.setIconProvider(_provider())
    if mode == "save":
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    elif mode == "open":
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    elif mode == "open_many":
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
    else:
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if values.get("selectedFilter"):
        dlg.selectNameFilter(values["selectedFilter"])
    return dlg


def _run(mode: str, args, kwargs):
    dlg = _dialog(mode, _arguments(args, kwargs))
    try:
        accepted = dlg.exec() == QDialog.DialogCode.Accepted
        files = dlg.selectedFiles() if accepted else []
        chosen_filter = dlg.selectedNameFilter() if accepted else ""
    finally:
        dlg.deleteLater()
    if files:
        remember(files[0], is_folder=mode == "dir")
    if mode == "open_many":
        return files, chosen_filter
    if mode == "dir":
        return files[0] if files else ""
    return (files[0] if files else ""), chosen_filter


def get_save_file_name(*args, **kwargs) -> tuple[str, str]:
    return _run("save", args, kwargs)


def get_open_file_name(*args, **kwargs) -> tuple[str, str]:
    return _run("open", args, kwargs)


def get_open_file_names(*args, **kwargs) -> tuple[list[str], str]:
    return _run("open_many", args, kwargs)


def get_existing_directory(*args, **kwargs) -> str:
    values = dict(zip(("parent", "caption", "dir", "options"), args, strict=False))
    values.update(kwargs)
    return _run("dir", (), values)


_REPLACEMENTS = {
    "getSaveFileName": get_save_file_name,
    "getOpenFileName": get_open_file_name,
    "getOpenFileNames": get_open_file_names,
    "getExistingDirectory": get_existing_directory,
}


def needed() -> bool:
    """True where closing a descriptor drops the process's locks (everywhere but Windows)."""
    return not sys.platform.startswith("win")


def install() -> None:
    """Route the static QFileDialog functions through the dialogs above (idempotent; not on Windows).

    Only Qt's own functions are replaced: one a test has already put in place of a dialog stays.
    """
    if not needed():
        return
    for name, replacement in _REPLACEMENTS.items():
        current = getattr(QFileDialog, name)
        if isinstance(current, types.BuiltinFunctionType):
            _ORIGINALS[name] = current
            setattr(QFileDialog, name, staticmethod(replacement))


def uninstall() -> None:
    for name, original in _ORIGINALS.items():
        if getattr(QFileDialog, name) is _REPLACEMENTS[name]:
            setattr(QFileDialog, name, original)
    _ORIGINALS.clear()
