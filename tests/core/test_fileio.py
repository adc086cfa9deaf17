"""Writing files: all or nothing, and the real cause named when it fails.

Exports (every module's ``export``) and printed PDFs (``print -o``) go through
``core.fileio``: a temporary file beside the target, synced and renamed at the
end. A full disk, a missing or read-only folder, a folder or a device under the
name: exit status 2, a message naming the path and the cause, no traceback,
no partial file, the old file untouched.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import os
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from logistics_desk import cli
from logistics_desk.core import db, fileio
from logistics_desk.core import excel as xl
from logistics_desk.core.errors import UserError

GOOD_CSV = "资产名称,资产分类,数量,单价,购置日期,存放地点\n投影仪,通用设备,1,3500,2025-09-01,教学楼 301\n"


class FillingDisk(io.RawIOBase):
    """A file on a disk with ``room`` bytes left: then every write fails with ENOSPC."""

    def __init__(self, fd: int, room: int):
        self.real = os.fdopen(fd, "wb", buffering=0)
        self.room = room

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.real.write(data)

    def seekable(self) -> bool:
        return True

    def seek(self, offset, whence=0):
        return self.real.seek(offset, whence)

    def tell(self):
        return self.real.tell()

    def fileno(self):
        return self.real.fileno()

    def close(self):
        self.real.close()
        super().close()


@pytest.fixture
def disk_full(monkeypatch):
    """Every file written through fileio finds the disk full after ``room`` bytes (default 2 KB).
    An exception a destructor would print ("Exception ignored in: ZipFile.__del__") fails the test."""
    room = {"bytes": 2048}
    monkeypatch.setattr(fileio, "_open_temporary", lambda fd: io.BufferedWriter(FillingDisk(fd, room["bytes"])))
    ignored = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    yield room
    gc.collect()
    assert not ignored, [f"{u.object}: {u.exc_value!r}" for u in ignored]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~") or p.suffix == ".part")


# --- fileio itself ------------------------------------------------------------------------------------

def test_write_bytes_replaces_the_file_in_one_step(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    fileio.write_bytes(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "out.pdf"
    fileio.write_bytes(target, b"x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_disk_full_names_the_cause_and_leaves_the_old_file(tmp_path, disk_full):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(UserError) as raised:
        fileio.write_bytes(target, b"x" * 100_000)
    assert "disk is full" in raised.value.message and str(target) in raised.value.message
    assert target.read_bytes() == b"the old report"
    assert leftovers(tmp_path) == []


def test_disk_full_when_syncing_is_named_too(tmp_path, monkeypatch):
    def no_room(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio.os, "fsync", no_room)
    with pytest.raises(UserError, match="disk is full"):
        fileio.write_bytes(tmp_path / "out.pdf", b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_named(tmp_path):
    target = tmp_path / "no such folder" / "out.pdf"
    with pytest.raises(UserError) as raised:
        fileio.write_bytes(target, b"x")
    assert "does not exist" in raised.value.message and str(target.parent) in raised.value.message
    with pytest.raises(UserError, match="does not exist"):
        fileio.check_output_path(target)
    assert not target.parent.exists()


@pytest.mark.parametrize(("code", "words"), [(errno.EACCES, "read-only or you may not write"),
                                             (errno.EROFS, "disk holding"), (errno.ENOSPC, "disk is full")])
def test_a_folder_we_cannot_write_to_is_named(tmp_path, monkeypatch, code, words):
    """Tests run as root here, so a read-only folder is simulated where the temporary file is made."""
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(tmp_path))

    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    with pytest.raises(UserError) as raised:
        fileio.write_bytes(tmp_path / "out.pdf", b"x")
    assert words in raised.value.message and str(tmp_path / "out.pdf") in raised.value.message


def test_a_folder_or_a_device_under_the_name_is_never_replaced(tmp_path):
    (tmp_path / "out.pdf").mkdir()
    with pytest.raises(UserError, match="is a folder"):
        fileio.write_bytes(tmp_path / "out.pdf", b"x")
    with pytest.raises(UserError, match="not an ordinary file"):
        fileio.write_bytes("/dev/full", b"x")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not [p for p in Path("/dev").iterdir() if p.name.startswith(".~full")]


def test_a_failure_in_the_middle_removes_the_temporary_file(tmp_path):
    target = tmp_path / "out.pdf"
    with pytest.raises(RuntimeError), fileio.atomic_write(target) as fh:
        fh.write(b"half")
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_reading_refuses_folders_pipes_devices_and_big_files_without_reading(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(UserError, match="not an ordinary file"):
        fileio.open_for_reading(tmp_path / "pipe.csv")
    with pytest.raises(UserError, match="is a folder"):
        fileio.open_for_reading(tmp_path)
    with pytest.raises(UserError, match="not an ordinary file"):
        fileio.open_for_reading("/dev/zero")
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 3000)
    with pytest.raises(UserError, match="3 KB"):
        fileio.open_for_reading(big, max_bytes=2048)
    with pytest.raises(UserError, match="File not found"):
        fileio.open_for_reading(tmp_path / "missing.csv")


# --- Excel files ------------------------------------------------------------------------------------

COLUMNS = [xl.WriteColumn("name", "名称"), xl.WriteColumn("n", "数量", "int")]


def test_an_export_on_a_full_disk_leaves_nothing_and_prints_no_traceback(tmp_path, disk_full, capfd):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"yesterday's export")
    rows = [{"name": f"资产 {i} " * 5, "n": i} for i in range(3000)]
    with pytest.raises(UserError) as raised:
        xl.write_table(target, "资产", COLUMNS, rows)
    gc.collect()  # a ZipFile left behind would complain from its destructor here
    assert "disk is full" in raised.value.message and str(target) in raised.value.message
    assert target.read_bytes() == b"yesterday's export"
    assert leftovers(tmp_path) == []
    err = capfd.readouterr().err
    assert "Exception ignored" not in err and "Traceback" not in err


def test_an_export_to_a_missing_folder_is_refused_before_the_rows_are_read(tmp_path):
    def rows():
        raise AssertionError("the rows were read")
        yield {}

    with pytest.raises(UserError, match="does not exist"):
        xl.write_table(tmp_path / "nowhere" / "out.xlsx", "资产", COLUMNS, rows())


def test_the_error_report_and_the_template_are_written_safely(tmp_path, disk_full):
    with pytest.raises(UserError, match="disk is full"):
        xl.write_template(tmp_path / "template.xlsx", [xl.ColumnSpec("name", ("名称",))])
    assert list(tmp_path.iterdir()) == []


def test_temporary_rows_of_the_writer_on_a_full_disk_are_named(tmp_path, monkeypatch):
    """The rows first go to openpyxl's temporary files: a full disk there is named too."""
    from logistics_desk.core.excel.writing import _SheetWriter

    real = _SheetWriter.append
    calls = {"n": 0}

    def append(self, values):
        calls["n"] += 1
        if calls["n"] > 10:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, values)

    monkeypatch.setattr(_SheetWriter, "append", append)
    before = set(os.listdir(tempfile.gettempdir()))
    with pytest.raises(UserError, match="disk is full"):
        xl.write_table(tmp_path / "out.xlsx", "资产", COLUMNS, [{"name": "x", "n": 1}] * 50)
    assert list(tmp_path.iterdir()) == []
    assert not [n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith("openpyxl")]


# --- the command line -------------------------------------------------------------------------------------

def run(db_path, *args) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["--lang", "en", "--db", str(db_path), *map(str, args)])
    text = out.getvalue()
    assert "Traceback" not in text and "Exception ignored" not in text, text
    return code, text


@pytest.fixture
def register(db_path, tmp_path):
    """A database with one asset and one stock-take (every export has something to write)."""
    source = tmp_path / "in.csv"
    source.write_text(GOOD_CSV, encoding="utf-8")
    assert run(db_path, "import", "assets", source)[0] == 0
    db.open_database(db_path, backup=False)
    try:
        from logistics_desk.core.masterdata import Place
        from logistics_desk.modules.stocktake import service as st_service

        st = st_service.open_stocktake(scope={"places": [Place.get(Place.name == "301").id]}, counter="陈晓燕")
    finally:
        db.close_database()
    return {"stocktake": st.id}


def exports(register) -> dict[str, list]:
    return {
        "assets": ["export", "assets"], "template": ["export", "assets-template"],
        "purchases": ["export", "purchases"], "repairs": ["export", "repairs"],
        "ledger": ["export", "repairs", "--ledger"], "samples": ["export", "samples"],
        "stocktake": ["export", "stocktake", register["stocktake"]],
    }


EXPORTS = ["assets", "template", "purchases", "repairs", "ledger", "samples", "stocktake"]


@pytest.mark.parametrize("kind", EXPORTS)
def test_every_export_to_a_missing_folder_exits_2(db_path, tmp_path, register, kind):
    target = tmp_path / "missing" / "out.xlsx"
    code, text = run(db_path, *exports(register)[kind], target)
    assert code == 2, text
    assert "does not exist" in text and str(target) in text
    assert not target.parent.exists()


@pytest.mark.parametrize("kind", EXPORTS)
def test_every_export_on_a_full_disk_exits_2_and_keeps_the_old_file(db_path, tmp_path, register, kind, disk_full):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"last week's export")
    code, text = run(db_path, *exports(register)[kind], target)
    assert code == 2, text
    assert "disk is full" in text and str(target) in text
    assert target.read_bytes() == b"last week's export"
    assert leftovers(tmp_path) == []


def test_an_export_over_a_folder_exits_2(db_path, tmp_path, register):
    (tmp_path / "out.xlsx").mkdir()
    code, text = run(db_path, "export", "assets", tmp_path / "out.xlsx")
    assert code == 2 and "is a folder" in text


PRINT = ["print", "inventory", "--building", "教学楼"]


def test_print_writes_the_pdf(db_path, tmp_path, register):
    target = tmp_path / "inventory.pdf"
    code, text = run(db_path, *PRINT, "-o", target)
    assert code == 0, text
    assert target.read_bytes().startswith(b"%PDF")
    assert leftovers(tmp_path) == []


def test_print_to_a_missing_folder_exits_2(db_path, tmp_path, register):
    target = tmp_path / "missing" / "inventory.pdf"
    code, text = run(db_path, *PRINT, "-o", target)
    assert code == 2 and "does not exist" in text and str(target) in text


def test_print_on_a_full_disk_exits_2_and_leaves_no_partial_pdf(db_path, tmp_path, register, disk_full):
    target = tmp_path / "inventory.pdf"
    code, text = run(db_path, *PRINT, "-o", target)
    assert code == 2, text
    assert "disk is full" in text and str(target) in text
    assert list(tmp_path.glob("*.pdf")) == [] and leftovers(tmp_path) == []


def test_print_to_dev_full_is_refused_and_dev_full_stays(db_path, register):
    code, text = run(db_path, *PRINT, "-o", "/dev/full")
    assert code == 2 and "/dev/full" in text and "not an ordinary file" in text
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("code_", [errno.EACCES, errno.EROFS])
def test_print_into_a_read_only_folder_exits_2(db_path, tmp_path, register, monkeypatch, code_):
    def refuse(*args, **kwargs):
        raise OSError(code_, os.strerror(code_), str(tmp_path))

    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    target = tmp_path / "inventory.pdf"
    code, text = run(db_path, *PRINT, "-o", target)
    assert code == 2 and str(target) in text
    assert ("read-only" in text) and not target.exists()
