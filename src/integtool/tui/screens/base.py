"""What every screen of the review app shares: typed access to the app, the status line."""

from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from integtool.tui.app import ReviewApp


class ReviewScreenBase(Screen[Any]):
    """A screen of the review app with a `#status` line for its region and language."""

    scope: tuple[str | None, str | None] = (None, None)

    @property
    def review(self) -> "ReviewApp":
        """The app, typed."""
        return cast("ReviewApp", self.app)

    def show_status(self) -> None:
        """Draft counts and open cost of this screen's region and language."""
        self.query_one("#status", Static).update(self.review.status_line(*self.scope))
