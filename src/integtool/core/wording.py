"""Sentences of core that a person reads, kept as a template and its parameters (issue 16).

core speaks no UI language (it imports nothing of integtool, not even `i18n`), yet some of its
sentences reach people: QA warnings, glossary problems, errors of the language tree. Each
template is marked with `N_` (the catalog extracts it) and the parameters are kept apart:
`Wording.english()` (also `str()`) is the sentence as it always was, which stored data and
machine output (JSON) carry; the upper floors say it in the UI language with
`integtool.i18n.spoken` (`_(template).format(**params)`, nested wordings alike).

A template without parameters is not formatted: write literal braces in it as they are.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias, Union

from integtool.core.language_names import english_name


def N_(message: str) -> str:  # the gettext convention for "mark, translate later"
    """Mark `message` as a template for the catalog (Babel extracts `N_`); returns it as is."""
    return message


@dataclass(frozen=True, slots=True)
class LanguageRef:
    """A content language named in a sentence: `Arabic (ar)`, or `'xx'` when it has no name."""

    code: str

    def english(self) -> str:
        """The English of today: integtool's own English name and the code."""
        return self.named(english_name(self.code))

    def named(self, name: str | None) -> str:
        """`NAME (code)` for a known name, else the quoted code."""
        return f"{name} ({self.code})" if name else f"'{self.code}'"


Param: TypeAlias = Union[str, int, float, LanguageRef, "Wording"]  # "Wording": defined below
"""What a sentence can name: text, a number, a content language, or a phrase worded in turn."""


def _unchanged(text: str) -> str:
    return text


def _english_leaf(value: Param) -> object:
    if isinstance(value, LanguageRef):
        return value.english()
    english = getattr(value, "english", None)  # a sentence that keeps its English (i18n.Said)
    return english if isinstance(english, str) else value


@dataclass(frozen=True, slots=True)
class Wording:
    """One sentence (or phrase): the English template with `{name}` fields and their values."""

    template: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, template: str, **params: Param) -> "Wording":
        """`Wording.of(N_("The number {number} is missing."), number="12")`."""
        return cls(template, tuple(params.items()))

    def english(self) -> str:
        """The sentence in English, exactly as integtool always worded it."""
        return self.render(_unchanged, _english_leaf)

    def render(self, translate: Callable[[str], str], leaf: Callable[[Param], object]) -> str:
        """The sentence from `translate(template)`, nested wordings rendered alike and every
        other parameter passed through `leaf` (which may return an object with `__format__`)."""
        text = translate(self.template)
        if not self.params:
            return text
        values = {
            name: value.render(translate, leaf) if isinstance(value, Wording) else leaf(value)
            for name, value in self.params
        }
        return text.format(**values)

    def __str__(self) -> str:
        return self.english()

    def to_json(self) -> dict[str, object]:
        """The wording as stored (beside the English sentence, for a later reader's language)."""
        return {"template": self.template, "params": {n: _param_json(v) for n, v in self.params}}

    @classmethod
    def from_json(cls, data: object) -> "Wording":
        """A stored wording; ValueError when the shape is not one `to_json` writes."""
        if not isinstance(data, Mapping) or not isinstance(data.get("template"), str):
            raise ValueError("a wording needs a template")
        params = data.get("params", {})
        if not isinstance(params, Mapping):
            raise ValueError("the parameters of a wording are a table")
        return cls(data["template"], tuple((str(n), _param(v)) for n, v in params.items()))


def _param_json(value: Param) -> object:
    if isinstance(value, Wording):
        return value.to_json()
    if isinstance(value, LanguageRef):
        return {"language": value.code}
    return value


def _param(data: object) -> Param:
    if isinstance(data, Mapping):
        if isinstance(data.get("language"), str):
            return LanguageRef(data["language"])
        return Wording.from_json(data)
    if isinstance(data, str | int | float) and not isinstance(data, bool):
        return data
    raise ValueError(f"not a parameter of a wording: {data!r}")


class WordedError(ValueError):
    """A ValueError a person may read: `str()` is the English, `wording` says it again in the
    UI language (`integtool.i18n.spoken`)."""

    def __init__(self, template: str, **params: Param) -> None:
        self.wording = Wording.of(template, **params)
        super().__init__(self.wording.english())
