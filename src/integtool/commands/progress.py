"""A progress bar on stderr for a person watching a terminal, and none for cron."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, Progress, TextColumn

from integtool.context import AppContext


@contextmanager
def progress_of(
    app: AppContext, label: str, total: int | None, unit: str
) -> Iterator[Callable[[object], None]]:
    """A callback that advances the bar by one; a no-op when nobody watches.

    `label` ("checking") and `unit` ("regions") come in the UI language.
    """
    if not app.show_progress:
        yield lambda _: None
        return
    count = "{task.completed}/{task.total}" if total is not None else "{task.completed}"
    with Progress(
        TextColumn(label), BarColumn(), TextColumn(f"{count} {unit}"),
        console=app.err, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task(label, total=total)
        yield lambda _: progress.advance(task)
