"""QA of a text a person wrote for a stored draft, checked as `translate` checks its drafts.

The review (an edit) and `import po` (a reviewed file) both check a new text against the source
stored with the draft, with the region's glossary chosen as `translate` chooses it (read once
per region) and the language identifier.
"""

from integtool.config import Config
from integtool.core.copy_detection import LanguageIdentifier
from integtool.core.drafts import Draft
from integtool.core.glossary.terms import Glossary
from integtool.core.qa.checks import QaWarning, check_draft
from integtool.services.translation_setup import choose_glossary


class DraftQa:
    """Callable: (the draft the text belongs to, title, content) -> QA warnings."""

    def __init__(
        self, config: Config, *, demo: bool, identifier: LanguageIdentifier | None
    ) -> None:
        self._config = config
        self._demo = demo
        self._identifier = identifier
        self._glossaries: dict[str, Glossary | None] = {}

    def glossary(self, region: str) -> Glossary | None:
        """The region's glossary (as `translate` chooses it); a broken one is a UsageError."""
        if region not in self._glossaries:
            self._glossaries[region] = choose_glossary(
                None, region=region, demo=self._demo, config=self._config
            )
        return self._glossaries[region]

    def __call__(self, base: Draft, title: str, content: str) -> list[QaWarning]:
        """Every QA warning of the new text against the source stored with `base`."""
        return check_draft(
            base.source_title, base.source_content, title, content,
            source_language=base.source_language, target_language=base.language,
            glossary=self.glossary(base.region), identifier=self._identifier,
        )  # fmt: skip
