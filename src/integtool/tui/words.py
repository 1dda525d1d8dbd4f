"""The review app's words in the UI language: key descriptions, status words, times.

Textual reads `BINDINGS` when a class is defined, before the language is known: their
descriptions stay English in the code (the catalog holds them, marked with `N_`) and
`speak_bindings` puts the active language's ones on each app and screen as it is built, so the
footer shows them. Stored values (a draft's status, a finding's kind) stay as they are; only
what is shown is worded here.
"""

from dataclasses import replace
from datetime import datetime

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from integtool import i18n
from integtool.core.drafts import DraftStatus
from integtool.i18n import N_, _, ngettext

STATUS_WORDS = {
    # TRANSLATORS: a draft's status: it waits for a decision (the text before "|" is context,
    # leave it out of the translation).
    DraftStatus.WAITING: N_("status|draft"),
    DraftStatus.ACCEPTED: N_("accepted"),
    DraftStatus.REJECTED: N_("rejected"),
    DraftStatus.PUSHED: N_("pushed"),
}
"""The word shown for each status (English shows the stored value, `draft`, as always)."""

KIND_WORDS = {
    "missing": N_("missing"),
    "outdated": N_("outdated"),
    "stale": N_("stale"),
    "untranslated_copy": N_("copied"),
}
"""The word shown for each stored finding kind."""

UNDONE = {
    "accept": N_("Undone: accept."),
    "reject": N_("Undone: reject."),
    "accept all clean": N_("Undone: accept all clean."),
    "edit": N_("Undone: edit."),
}
"""What undo says it took back, by the label the session gives an action."""


def _without_context(message: str) -> str:
    return message.rpartition("|")[2]


def status_word(status: DraftStatus | str, *, edited: bool = False) -> str:
    """`draft` / `wartet`, `accepted` / `angenommen` …, with `(edited)` when edited."""
    try:
        shown = _without_context(_(STATUS_WORDS[DraftStatus(status)]))
    except ValueError:  # a status this integtool does not know: as stored
        shown = str(status)
    return _("{status} (edited)").format(status=shown) if edited else shown


def kind_word(kind: str) -> str:
    """`missing` / `fehlt` for a stored finding kind (an unknown kind as it is)."""
    word = KIND_WORDS.get(kind)
    return _(word) if word is not None else kind


def undone(label: str) -> str:
    """The sentence for an undone action (`Undone: accept.`)."""
    sentence = UNDONE.get(label)
    return _(sentence) if sentence is not None else _("Undone: {action}.").format(action=label)


def accepted_clean(count: int) -> str:
    """What accepting every clean draft did."""
    return ngettext(
        "Accepted {count} draft without QA warnings.",
        "Accepted {count} drafts without QA warnings.",
        count,
    ).format(count=count)


def check_time(stored: str) -> str:
    """When a check ran, to the minute (`2026-11-20 22:00` / `20.11.2026, 22:00`), as stored
    (the state file's time, no zone conversion)."""
    from babel.dates import format_datetime

    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored[:16].replace("T", " ")
    # TRANSLATORS: a CLDR date pattern (yyyy year, MM month, dd day, HH:mm hours and minutes).
    pattern = _("yyyy-MM-dd HH:mm")
    return format_datetime(moment, format=pattern, tzinfo=moment.tzinfo, locale=i18n.active())


def speak_bindings(node: DOMNode) -> None:
    """Put the key descriptions of `node` (an app or a screen) in the active language."""
    node._bindings = BindingsMap.from_keys(
        {
            key: [_spoken(binding) for binding in bindings]
            for key, bindings in node._bindings.key_to_bindings.items()
        }
    )


def _spoken(binding: Binding) -> Binding:
    if not binding.description:
        return binding
    return replace(binding, description=_(binding.description))
