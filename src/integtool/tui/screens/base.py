"""What every screen of the review app shares: typed access to the app, the status line."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import Screen
from textual.widgets import Static

from integtool.core.draft_life import MoveRefused
from integtool.errors import IntegtoolError
from integtool.i18n import _
from integtool.tui.words import speak_bindings

if TYPE_CHECKING:
    from integtool.tui.app import ReviewApp

T = TypeVar("T")


class ReviewScreenBase(Screen[Any]):
    """A screen of the review app with a `#status` line for its region and language."""

    scope: tuple[str | None, str | None] = (None, None)

    def __init__(self) -> None:
        super().__init__()
        speak_bindings(self)

    @property
    def review(self) -> "ReviewApp":
        """The app, typed."""
        return cast("ReviewApp", self.app)

    def show_status(self) -> None:
        """Draft counts and open cost of this screen's region and language."""
        self.query_one("#status", Static).update(self.review.status_line(*self.scope))

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a session call; an expected failure (a draft pushed meanwhile by another
        process, a broken glossary) becomes a message on screen instead of ending the app."""
        try:
            return action()
        except IntegtoolError as error:
            self.notify(str(error), severity="error", timeout=8)
        except LookupError as error:
            self.notify(
                _("Draft #{id} no longer exists.").format(id=error.args[0]), severity="error"
            )
        except MoveRefused as error:
            self.notify(
                _("Draft #{id} was pushed meanwhile; it cannot change.").format(id=error.draft_id),
                severity="error",
            )
        return None
