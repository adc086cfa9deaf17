"""Demo data for purchases (being built)."""


def populate(ctx):
    return None
