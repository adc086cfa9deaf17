"""Demo data for the repair log (filled in below)."""


def populate(ctx) -> None:
    ctx.data.setdefault("summary", {})
