"""The QA warning: its codes, the fields it points at, its wording and its JSON form.

Kept apart from the checks so every check module can create warnings without importing
`qa` (which imports them all). A warning's `message` is its English sentence (stored with the
draft and in JSON output, the same in every UI language); its `wording` lets the review app
say it in the UI language (`integtool.i18n.spoken(warning.sentence)`).
"""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from integtool.core.wording import N_, Param, Wording

GLOSSARY_TERM = "glossary_term"
KEEP_TERM = "keep_term"
NUMBER = "number"
DATE = "date"
PHONE = "phone"
EMAIL = "email"
URL = "url"
HTML_SKELETON = "html_skeleton"
LANGUAGE = "language"
LENGTH_RATIO = "length_ratio"
CODES: tuple[str, ...] = (
    GLOSSARY_TERM,
    KEEP_TERM,
    NUMBER,
    DATE,
    PHONE,
    EMAIL,
    URL,
    HTML_SKELETON,
    LANGUAGE,
    LENGTH_RATIO,
)
"""Every warning code, in the order warnings are listed."""
FIELDS: tuple[str, ...] = ("title", "content")
"""The fields of a draft a warning can point at."""


@dataclass(frozen=True, slots=True)
class QaWarning:
    """One failed check: its code (one of `CODES`), a sentence for the editor (English), the
    field, and the sentence's wording (None for warnings stored before wordings were)."""

    code: str
    message: str
    field: str = "content"
    wording: Wording | None = dataclasses.field(default=None, compare=False)

    @classmethod
    def worded(
        cls, code: str, template: str, where: str = "content", **params: Param
    ) -> "QaWarning":
        """A warning whose message is the English of `template` with `params`."""
        return cls.saying(code, Wording.of(template, **params), where)

    @classmethod
    def saying(cls, code: str, wording: Wording, where: str = "content") -> "QaWarning":
        """A warning whose message is the English of `wording`."""
        return cls(code, wording.english(), where, wording)

    @property
    def sentence(self) -> Wording:
        """The wording to say in the UI language (an old stored warning: its English message,
        which the catalog knows when it has no parameters)."""
        return self.wording if self.wording is not None else Wording(self.message)

    def to_json(self) -> dict[str, str]:
        """The warning as machine output shows it (the same in every UI language)."""
        return {"code": self.code, "message": self.message, "field": self.field}

    def to_stored(self) -> dict[str, object]:
        """The warning as stored with the draft: its JSON form and its wording."""
        stored: dict[str, object] = dict(self.to_json())
        if self.wording is not None:
            stored["wording"] = self.wording.to_json()
        return stored

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> "QaWarning":
        """A stored warning; ValueError when the code or field is unknown or a key is missing.
        A wording that cannot be read is dropped (the English message still is the warning)."""
        try:
            code, message = data["code"], data["message"]
        except KeyError as error:
            raise ValueError(f"QA warning without {error.args[0]!r}: {dict(data)!r}") from None
        where = data.get("field", "content")
        if code not in CODES:
            raise ValueError(f"unknown QA warning code {code!r}")
        if where not in FIELDS:
            raise ValueError(f"unknown QA warning field {where!r}")
        if not isinstance(message, str):
            raise ValueError(f"QA warning message is no text: {message!r}")
        return cls(str(code), message, str(where), _stored_wording(data.get("wording"), message))


def _stored_wording(data: object, message: str) -> Wording | None:
    """The stored wording when it still says `message` in English, else None."""
    if data is None:
        return None
    try:
        wording = Wording.from_json(data)
        return wording if wording.english() == message else None
    except (ValueError, KeyError, IndexError):  # a broken template or parameters
        return None


def in_field(where: str) -> Wording:
    """Where in the draft, as the warnings say it: `in the title` or `in the text`."""
    return Wording(N_("in the title") if where == "title" else N_("in the text"))
