"""Shared Qt widgets: the only part of core/ that imports PySide6."""
