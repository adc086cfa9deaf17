"""Logistics Desk (总务台账): the general-affairs office's books for a school."""

__version__ = "0.1.0"
