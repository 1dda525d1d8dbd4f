"""Matomo Reporting API requests and answers, without I/O.

The CMS counts a language's accesses with `VisitsSummary.getActions` and the segment
`pageUrl=@/api/v3/{region}/{language}/`: every API call of the app is one action, so actions
(hits), not visits, measure reading. integtool asks for monthly values and sums them itself.
"""

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from integtool.core.periods import Month
from integtool.i18n import _, ngettext

DEFAULT_SEGMENT = "pageUrl=@/api/v3/{region}/{language}/"
"""The segment the Integreat CMS itself uses for a language's reads."""


class MatomoAnswerError(ValueError):
    """Matomo answered something integtool cannot use; the message says what."""


def actions_call(
    site_id: int, first: Month, last: Month, segment: str | None = None
) -> dict[str, str]:
    """One `VisitsSummary.getActions` call: monthly actions from `first` to `last`."""
    call = {
        "method": "VisitsSummary.getActions",
        "idSite": str(site_id),
        "period": "month",
        "date": f"{first.first_day.isoformat()},{last.last_day.isoformat()}",
        "filter_limit": "-1",
    }
    if segment:
        call["segment"] = segment
    return call


def language_segment(template: str, region: str, language: str) -> str:
    """The segment selecting one language's reads of a region."""
    return template.format(region=region, language=language)


def bulk_form(calls: Sequence[Mapping[str, str]], token: str) -> dict[str, str]:
    """The POST form of `API.getBulkRequest` (the token travels in the body, never the URL)."""
    form = {"module": "API", "method": "API.getBulkRequest", "format": "JSON"}
    for index, call in enumerate(calls):
        form[f"urls[{index}]"] = urlencode(call)
    form["token_auth"] = token
    return form


def error_message(answer: Any) -> str | None:
    """Matomo's message when `answer` is its error object `{"result": "error", ...}`."""
    if isinstance(answer, Mapping) and answer.get("result") == "error":
        message = answer.get("message")
        return str(message).strip() if message else _("an unspecified error")
    return None


def bulk_answers(answer: Any, calls: int) -> list[Any]:
    """The per-call answers of a bulk request (an error object for the whole request raises)."""
    message = error_message(answer)
    if message is not None:
        raise MatomoAnswerError(message)
    if not isinstance(answer, list) or len(answer) != calls:
        raise MatomoAnswerError(
            ngettext("expected a list of {count} answer", "expected a list of {count} answers",
                     calls).format(count=calls)
        )  # fmt: skip
    return answer


def monthly_values(answer: Any) -> dict[Month, int]:
    """Monthly actions from a multi-period answer: `{"2026-09": 812, "2026-10": []}`.

    Matomo writes an empty period as `[]` (or `{}`): no data, which is left out rather than
    read as zero (a month before tracking began must not look like a fall). A value is a
    number, a numeric string, or `{"value": n}` / `{"nb_actions": n}` depending on method and
    version.
    """
    message = error_message(answer)
    if message is not None:
        raise MatomoAnswerError(message)
    if not isinstance(answer, Mapping):
        raise MatomoAnswerError(_("expected values per month"))
    values = {}
    for label, value in answer.items():
        try:
            month = Month.parse(str(label))
        except ValueError:
            raise MatomoAnswerError(
                _("unexpected period label {label}").format(label=repr(label))
            ) from None
        if value in ([], {}):
            continue
        values[month] = _count(value, label)
    return values


def _count(value: Any, label: object) -> int:
    if isinstance(value, Mapping):
        value = value.get("value", value.get("nb_actions"))
    if isinstance(value, bool):
        value = None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            value = None
    if isinstance(value, int | float) and value >= 0:
        return int(value)
    raise MatomoAnswerError(_("unexpected value for {label}").format(label=label))
