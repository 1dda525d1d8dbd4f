"""Pushing accepted drafts to the CMS through `pushpage`, never over a newer human edit.

Before pushing, the target language's page list is read again: a draft whose target changed in
the CMS since the draft was made (or was created there meanwhile) is refused and kept; the
times are compared as moments, not as text. Each push is recorded (and the draft marked pushed
by the DraftDesk) before the next request, so nothing is pushed twice. `pushpage` takes the
content only: the CMS API has no title field.
"""

import asyncio
from dataclasses import dataclass, field

from integtool.content.client import IntegreatClient
from integtool.core.draft_life import DraftAction
from integtool.core.drafts import Draft
from integtool.core.models import PageTranslation
from integtool.core.transport_security import secret_may_travel_to
from integtool.errors import InsecureTransportError
from integtool.i18n import _, active, moment
from integtool.services.draft_desk import DraftDesk


@dataclass(slots=True)
class PushOutcome:
    """Drafts pushed (or, with --dry-run, that would be), and drafts refused with the reason."""

    pushed: list[Draft] = field(default_factory=list)
    refused: list[tuple[Draft, str]] = field(default_factory=list)


async def push_accepted(
    client: IntegreatClient,
    desk: DraftDesk,
    region: str,
    language: str | None,
    tokens: dict[int, str],
    *,
    dry_run: bool,
) -> PushOutcome:
    """Push every accepted draft of the region (and language) whose target is unchanged."""
    outcome = PushOutcome()
    accepted = desk.ready_for(DraftAction.PUSH, region, language)
    if not accepted:
        return outcome
    if not dry_run and not secret_may_travel_to(client.base_url):
        raise InsecureTransportError(
            _(
                "The CMS {url} is plain http to another machine: page tokens are not sent there."
            ).format(url=client.base_url)
        )
    languages = sorted({draft.language for draft in accepted})
    lists = await asyncio.gather(*(client.pages(region, code) for code in languages))
    current = dict(zip(languages, lists, strict=True))
    for draft in accepted:
        reason = _conflict(draft, current[draft.language])
        token = tokens.get(draft.default_page_id)
        if reason is None and token is None:
            reason = _("no page token for page {page}").format(page=draft.default_page_id)
        if reason is not None:
            outcome.refused.append((draft, reason))
            continue
        if not dry_run and token is not None:
            await client.push_page(region, draft.language, draft.content, token)
            where = f"{region}/{draft.language}/{draft.default_page_id}"
            desk.mark_pushed(draft, DraftAction.PUSH, "pushpage", where)
        outcome.pushed.append(draft)
    return outcome


def _conflict(draft: Draft, pages: list[PageTranslation]) -> str | None:
    """Why pushing would overwrite something the draft did not see, or None."""
    now = _target(draft, pages)
    if draft.target_page_id is None:
        if now is not None:
            return _("a translation was made in the CMS since the draft; review it first")
        # The CMS answers pushpage for a language the page has no translation in with an
        # HTML 500: pushpage only updates translations; a new one goes through XLIFF.
        return _(
            "the page has no translation in this language in the CMS yet, and pushpage only "
            "updates existing ones; export it with '--via xliff'"
        )
    if now is None:
        return _("the translation the draft replaces is no longer public in the CMS")
    if now.last_updated != draft.target_last_updated:
        changed = now.last_updated
        return _(
            "the translation was changed in the CMS on {moment} since the draft was made; "
            "translate the page again"
        ).format(moment=f"{changed:%Y-%m-%d %H:%M}" if active() == "en" else moment(changed))
    return None


def _target(draft: Draft, pages: list[PageTranslation]) -> PageTranslation | None:
    """The draft's target translation as the CMS has it now (by id, else by page link)."""
    for page in pages:
        if page.id == draft.target_page_id or draft.default_page_id in page.links.values():
            return page
    return None
