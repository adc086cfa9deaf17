"""What a read gives and what it is asked for: the columns (``ColumnSpec``), the rows (``RowData``),
the bad cells (``RowError``) and the whole (``ReadResult``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..i18n import tr
from .values import KINDS, _as_text

_ZH_CATALOG: dict[str, str] | None = None


def _chinese_catalog() -> dict[str, str]:
    global _ZH_CATALOG
    if _ZH_CATALOG is None:
        try:
            from ..i18n import load_ts_catalog

            _ZH_CATALOG = load_ts_catalog("zh_CN")
        except Exception:
            _ZH_CATALOG = {}
    return _ZH_CATALOG


@dataclass(frozen=True)
class ColumnSpec:
    """One column a reader accepts.

    ``names`` are the header spellings accepted (any language). ``label`` is an
    English source string (mark it with ``N_``) whose translation heads the
    column in templates and messages; both ``label`` and ``tr(label)`` are
    accepted as header names too. Without a label, ``names[0]`` is shown.
    """

    key: str
    names: Sequence[str] = ()
    kind: str = "text"
    required: bool = False
    max_length: int | None = None
    choices: Mapping[str, Any] | None = None
    label: str | None = None
    min_value: Any = None
    max_value: Any = None
    month_ok: bool = False
    units: Sequence[str] = ()
    normalize: bool = True
    help: str | None = None  # English source text shown in the template's instructions

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"column {self.key!r}: a choice column needs choices")
        if not self.names and not self.label:
            raise ValueError(f"column {self.key!r} needs names or a label")

    @property
    def header(self) -> str:
        """The column's name shown to a person, in the interface language."""
        if self.label:
            return tr(self.label)
        return self.names[0]

    def aliases(self) -> list[str]:
        """Accepted header spellings: ``names``, the label, and the label in
        the interface language and in Chinese (a file exported in one language
        imports in the other)."""
        found = list(self.names)
        if self.label:
            found += [self.label, tr(self.label)]
            chinese = _chinese_catalog().get(self.label)
            if chinese:
                found.append(chinese)
        return found

    def choice_labels(self) -> list[str]:
        """One accepted spelling per stored value (the first given), in order."""
        seen: dict[Any, str] = {}
        for spelling, value in (self.choices or {}).items():
            seen.setdefault(value, spelling)
        return list(seen.values())


@dataclass
class RowError:
    """A bad cell (or row): ``row`` as Excel shows it (1-based; 0 = the file)."""

    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        if self.row <= 0:
            return self.message
        if self.column:
            return tr("Row {row}, {column} “{value}”: {message}").format(
                row=self.row, column=self.column, value=self.value, message=self.message
            )
        return tr("Row {row}: {message}").format(row=self.row, message=self.message)


class _Fields(MutableMapping):
    """A row's values by column key: a dict's interface over one list whose
    key -> position table is shared by every row of a read (a dict per row
    would double the memory of a 100,000-row import). Every column key is
    present; setting another key adds it to this row only."""

    __slots__ = ("_data", "_extra", "_index")

    def __init__(self, index: dict[str, int], data: list[Any]):
        self._index = index
        self._data = data
        self._extra: dict[str, Any] | None = None

    def __getitem__(self, key: str) -> Any:
        i = self._index.get(key)
        if i is not None:
            return self._data[i]
        if self._extra is not None and key in self._extra:
            return self._extra[key]
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        i = self._index.get(key)
        if i is not None:
            return self._data[i]
        return self._extra.get(key, default) if self._extra is not None else default

    def __setitem__(self, key: str, value: Any) -> None:
        i = self._index.get(key)
        if i is not None:
            self._data[i] = value
        else:
            if self._extra is None:
                self._extra = {}
            self._extra[key] = value

    def __delitem__(self, key: str) -> None:
        raise TypeError("the columns of a row cannot be removed")

    def __contains__(self, key: object) -> bool:
        return key in self._index or (self._extra is not None and key in self._extra)

    def __iter__(self) -> Iterator[str]:
        yield from self._index
        if self._extra:
            yield from self._extra

    def __len__(self) -> int:
        return len(self._index) + (len(self._extra) if self._extra else 0)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self.items()))


@dataclass(slots=True)
class RowData:
    """One data row: ``values`` key -> parsed value (None when blank or bad),
    ``raw`` key -> the cell value as stored in the file."""

    row: int
    values: MutableMapping[str, Any]
    raw: MutableMapping[str, Any]
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        return default if value is None else value


@dataclass
class ReadResult:
    rows: list[RowData] = field(default_factory=list)
    file_errors: list[RowError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # key -> header text in the file
    header_row: int | None = None
    sheet: str | None = None
    missing_columns: list[str] = field(default_factory=list)  # keys of required columns not found
    extra_columns: list[str] = field(default_factory=list)  # headers in the file that were ignored
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, translated reason)
    encoding: str | None = None  # csv only
    delimiter: str | None = None  # csv only
    specs: dict[str, ColumnSpec] = field(default_factory=dict, repr=False)

    @property
    def errors(self) -> list[RowError]:
        """File-level errors first, then every row's errors in row order."""
        out = list(self.file_errors)
        for row in self.rows:
            out.extend(row.errors)
        return out

    @property
    def ok(self) -> bool:
        return not self.file_errors and all(row.ok for row in self.rows)

    def valid_rows(self) -> list[RowData]:
        return [row for row in self.rows if row.ok]

    def invalid_rows(self) -> list[RowData]:
        return [row for row in self.rows if not row.ok]

    def header_of(self, key: str) -> str:
        """The column's header as written in the file (or its label)."""
        if key in self.headers:
            return self.headers[key]
        spec = self.specs.get(key)
        return spec.header if spec else key

    def add_error(self, row: RowData, key: str | None, message: str, value: Any = None) -> RowError:
        """Record a module's own check (unknown category, duplicate number...)
        against a row, with the column header and value as the file shows them."""
        if key is None:
            error = RowError(row.row, "", "" if value is None else _as_text(value), message)
        else:
            shown = row.raw.get(key) if value is None else value
            error = RowError(row.row, self.header_of(key), _as_text(shown), message)
        row.errors.append(error)
        return error

