"""The QA warning: its codes, the fields it points at, and its JSON form.

Kept apart from the checks so every check module can create warnings without importing
`qa` (which imports them all).
"""

from collections.abc import Mapping
from dataclasses import dataclass

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
    """One failed check: its code (one of `CODES`), a sentence for the editor, and the field."""

    code: str
    message: str
    field: str = "content"

    def to_json(self) -> dict[str, str]:
        """The warning as stored with the draft."""
        return {"code": self.code, "message": self.message, "field": self.field}

    @classmethod
    def from_json(cls, data: Mapping[str, str]) -> "QaWarning":
        """A stored warning; ValueError when the code or field is unknown or a key is missing."""
        try:
            code, message = data["code"], data["message"]
        except KeyError as error:
            raise ValueError(f"QA warning without {error.args[0]!r}: {dict(data)!r}") from None
        where = data.get("field", "content")
        if code not in CODES:
            raise ValueError(f"unknown QA warning code {code!r}")
        if where not in FIELDS:
            raise ValueError(f"unknown QA warning field {where!r}")
        return cls(code, message, where)


def in_field(where: str) -> str:
    """Where in the draft, as the warnings say it: `in the title` or `in the text`."""
    return "in the title" if where == "title" else "in the text"
