"""`glossary show`: the terms as a table for a person, or as JSON for scripts."""

from typing import Any

from rich.table import Table

from integtool.core.glossary.terms import Glossary
from integtool.i18n import _, ngettext


def glossary_table(glossary: Glossary, languages: list[str]) -> Table:
    """One row per term for one language; else one row per language, a section per term.

    Seven target columns side by side are unreadable in 80 columns.
    """
    title = glossary.name or None
    if len(languages) == 1:
        table = Table(glossary.source_language, languages[0], _("flags"), title=title)
    else:
        table = Table(glossary.source_language, _("lang"), _("target"), _("flags"), title=title)
    keep, case = _("keep"), _("case")
    for entry in glossary.entries:
        flags = [flag for flag, on in ((keep, entry.keep), (case, entry.case_sensitive)) if on]
        if entry.forms:
            count = len(entry.forms)
            flags.append(ngettext("+{count} form", "+{count} forms", count).format(count=count))
        cells = []
        for code in languages:
            target = entry.target(code) or ""
            cells.append(f"{target} (?)" if code in entry.uncertain else target)
        if len(languages) == 1:
            table.add_row(entry.source, cells[0], ", ".join(flags))
            continue
        for row, (code, cell) in enumerate(zip(languages, cells, strict=True)):
            first = row == 0
            table.add_row(
                entry.source if first else "",
                code,
                cell,
                ", ".join(flags) if first else "",
                end_section=row == len(languages) - 1,
            )
    return table


def glossary_data(
    label: str, glossary: Glossary, languages: list[str], language: str | None
) -> dict[str, Any]:
    """The JSON of `show`; `content_hash` is the pair's hash when one language was asked for."""
    return {
        "file": label,
        "name": glossary.name,
        "source_language": glossary.source_language,
        "languages": languages,
        "content_hash": glossary.content_hash(language),
        "terms": [
            {
                "source": entry.source,
                "forms": list(entry.forms),
                "keep": entry.keep,
                "case_sensitive": entry.case_sensitive,
                "targets": {code: target for code in languages if (target := entry.target(code))},
                "target_forms": {
                    code: list(entry.target_forms[code])
                    for code in languages
                    if code in entry.target_forms
                },
                "uncertain": sorted(code for code in entry.uncertain if code in languages),
                "note": entry.note,
                "line": entry.line,
            }
            for entry in glossary.entries
        ],
    }
