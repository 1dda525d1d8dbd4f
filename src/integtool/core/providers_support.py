"""Which machine-translation provider can translate into which CMS language."""

from enum import StrEnum


class Provider(StrEnum):
    """Ways to get a translation, each with its own price model."""

    DEEPL = "deepl"
    GOOGLE = "google"
    HUMAN = "human"


DEEPL_FULL = frozenset({
    "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it",
    "ja", "ko", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr",
    "uk", "vi", "zh",
})  # fmt: skip
"""DeepL targets with glossaries and HTML tag handling."""
DEEPL_TEXT_ONLY = frozenset({"fa", "ps", "prs", "ckb", "kmr"})
"""DeepL targets without glossary, tag handling or formality (integtool segments the HTML)."""
GOOGLE = frozenset({
    *DEEPL_FULL, *DEEPL_TEXT_ONLY, "am", "sq", "bs", "hr", "hy", "ka", "ku", "mk", "sr", "so",
    "ti", "ur", "ha", "ig", "yo", "sw", "tl", "ne", "bn", "hi", "pa", "ta", "az", "kk", "ky",
    "uz", "tg", "mn", "be", "sd", "ug",
})  # fmt: skip


def provider_code(language: str) -> str:
    """The bare language of a CMS code (`en-gb` -> `en`, `de-si` -> `de`); `prs` stays `prs`."""
    return language.split("-", 1)[0].lower()


def supports(provider: Provider, language: str) -> bool:
    """Whether the provider can translate into this CMS language at all."""
    code = provider_code(language)
    if provider is Provider.DEEPL:
        return code in DEEPL_FULL or code in DEEPL_TEXT_ONLY
    if provider is Provider.GOOGLE:
        return code in GOOGLE
    return True


def deepl_text_only(language: str) -> bool:
    """DeepL translates this language, but without glossary and HTML handling."""
    return provider_code(language) in DEEPL_TEXT_ONLY
