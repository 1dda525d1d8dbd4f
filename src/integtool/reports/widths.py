"""Tables for 80 columns (cron mail, SSH) and `--wide`: what a narrow table leaves out.

Rich reads the width from the terminal, else from `COLUMNS`, else 80: a cron run with
`COLUMNS=80` renders as a terminal of 80 columns does.
"""

from rich.console import Console, RenderableType
from rich.measure import Measurement

NARROW = 100
"""Below this many columns the tables drop their low-value columns (unless `--wide`)."""


def is_narrow(console: Console, wide: bool) -> bool:
    """True when a table should leave out its low-value columns."""
    return not wide and console.width < NARROW


def print_table(console: Console, renderable: RenderableType, *, wide: bool) -> None:
    """Print `renderable`; with `wide` as wide as it needs (nothing cut, lines may be long)."""
    if not wide:
        console.print(renderable)
        return
    before = console.width
    options = console.options.update(max_width=10**5)
    needed = Measurement.get(console, options, renderable).maximum
    console.width = max(before, needed)
    try:
        console.print(renderable)
    finally:
        console.width = before
