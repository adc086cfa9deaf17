"""Command-line print and export commands for purchases (being built)."""

PRINTS: list = []
EXPORTS: list = []
IMPORTS: list = []
