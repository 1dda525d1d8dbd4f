"""The demo's own texts: every demo page in every demo language, for the demo provider.

`<region>/demo-texts.json` (written by scripts/build_demo_data.py) holds each page's title
and content in each language of its region, also where the demo CMS lacks that translation,
keyed by the page's id in the default language. A demo draft of a page the demo has in the
target language is that text (real Arabic, Farsi, ...), not a relabelled German one. Whole
pages, because real translations do not keep the source's blocks one to one.
"""

from functools import cache
from importlib.resources import files

import orjson


class DemoTexts:
    """The demo's title and content of a page in a language."""

    def __init__(self, pages: dict[str, dict[int, tuple[str, str]]]) -> None:
        self._pages = pages
        """language -> default page id -> (title, content), over all demo regions."""

    def page(self, default_page_id: int, language: str) -> tuple[str, str] | None:
        """(title, content) of the page in `language`, or None when the demo lacks it."""
        return self._pages.get(language, {}).get(default_page_id)


@cache
def demo_texts() -> DemoTexts:
    """The bundled texts of every demo region (read once per process)."""
    root = files("integtool.demo") / "data"
    pages: dict[str, dict[int, tuple[str, str]]] = {}
    for region in orjson.loads(root.joinpath("regions.json").read_bytes()):
        file = root.joinpath(str(region["path"]), "demo-texts.json")
        if not file.is_file():
            continue
        for language, entries in orjson.loads(file.read_bytes()).items():
            known = pages.setdefault(language, {})
            for entry in entries:
                known[int(entry["page"])] = (str(entry["title"]), str(entry["content"]))
    return DemoTexts(pages)
