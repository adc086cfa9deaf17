"""Shared Qt widgets: the only part of core/ that imports PySide6."""

import sys as _sys

# PySide6 6.12 (abi3 wheels) returns None from every void method (setText, setValue,
# setItem ...) without taking a reference to it. On Python < 3.12, where None is not
# immortal, None's reference count falls by one per call and the process aborts with
# "none_dealloc: deallocating None" after some 18,000 calls — minutes of use. Make None
# effectively immortal, as Python 3.12 does, before any widget is built.
if _sys.version_info < (3, 12) and _sys.implementation.name == "cpython":
    import ctypes as _ctypes

    _refcnt = _ctypes.c_ssize_t.from_address(id(None))
    if _refcnt.value < 2**60:
        _refcnt.value += 2**60
