"""English names of language codes, for the sentences integtool writes."""

from collections.abc import Mapping

from integtool.core.copy_detection import base_code

LANGUAGE_NAMES: Mapping[str, str] = {
    "de": "German", "de-si": "German (easy language)", "en": "English", "ar": "Arabic",
    "fa": "Persian", "prs": "Dari", "ps": "Pashto", "uk": "Ukrainian", "ru": "Russian",
    "tr": "Turkish", "ro": "Romanian", "ku": "Kurdish (Kurmanji)", "kmr": "Kurdish (Kurmanji)",
    "ckb": "Kurdish (Sorani)", "ti": "Tigrinya", "so": "Somali", "am": "Amharic",
    "fr": "French", "es": "Spanish", "it": "Italian", "pl": "Polish", "sq": "Albanian",
    "bg": "Bulgarian", "hr": "Croatian", "sr": "Serbian", "bs": "Bosnian", "el": "Greek",
    "hu": "Hungarian", "zh": "Chinese", "vi": "Vietnamese", "ur": "Urdu", "pt": "Portuguese",
    "nl": "Dutch", "cs": "Czech", "sk": "Slovak", "sl": "Slovenian", "mk": "Macedonian",
    "hy": "Armenian", "ka": "Georgian", "az": "Azerbaijani", "he": "Hebrew", "hi": "Hindi",
    "ja": "Japanese", "ko": "Korean", "sw": "Swahili", "uz": "Uzbek", "be": "Belarusian",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "fi": "Finnish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "id": "Indonesian", "th": "Thai",
    "om": "Oromo", "ta": "Tamil", "si": "Sinhala",
}  # fmt: skip
"""English names of the languages integtool mentions in sentences (others are shown by code)."""


def english_name(code: str) -> str | None:
    """`Romanian` for `ro`, `German (easy language)` for `de-si`; None when unknown."""
    return LANGUAGE_NAMES.get(code) or LANGUAGE_NAMES.get(base_code(code))
