"""Glossary export formats: DeepL TSV (one language pair), CSV (all languages), TBX."""

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from integtool.core.glossary.terms import (
    FORBIDDEN_CHARACTERS,
    Glossary,
)
from integtool.core.wording import N_, WordedError

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
"""TBX v3 (ISO 30042:2019) namespace; the dialect is TBX-Basic in the DCA style."""
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def to_deepl_tsv(glossary: Glossary, target_language: str) -> str:
    """DeepL's TSV glossary entries for one pair: `source<TAB>target` per line.

    DeepL rejects empty and duplicate sources and tabs or line breaks inside entries; `pairs()`
    never yields duplicates and validation rejects the rest, checked again here.
    """
    lines = []
    for source, target in glossary.pairs(target_language).items():
        if not source or not target or FORBIDDEN_CHARACTERS.search(source + target):
            raise WordedError(
                N_("the entry {source} cannot be written as a DeepL TSV line"),
                source=repr(source),
            )
        lines.append(f"{source}\t{target}\n")
    return "".join(lines)


def to_csv(glossary: Glossary, languages: Sequence[str] | None = None) -> str:
    """All entries as CSV with a header: flags, one column per language, uncertain, note.

    Keep-terms show their source in every language column (what the text must contain).
    """
    codes = list(languages or glossary.languages)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = [glossary.source_language, "forms", "keep", "case_sensitive", *codes]
    writer.writerow([*header, "uncertain", "note"])
    for entry in glossary.entries:
        writer.writerow(
            [
                entry.source,
                "; ".join(entry.forms),
                "true" if entry.keep else "false",
                "true" if entry.case_sensitive else "false",
                *(entry.target(code) or "" for code in codes),
                " ".join(code for code in codes if code in entry.uncertain),
                entry.note,
            ]
        )
    return buffer.getvalue()


def to_tbx(glossary: Glossary, languages: Sequence[str] | None = None) -> str:
    """TBX-Basic in TBX v3 (ISO 30042:2019, DCA style): one conceptEntry per entry.

    The source and each target get a langSec with one termSec; the entry note, keep and case
    flags become concept-level notes, inflected forms a note on the source term, and an
    uncertain target a note on its term.
    """
    codes = list(languages or glossary.languages)

    def element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        child = ET.SubElement(parent, tag, attrs)
        child.text = text
        return child

    root = ET.Element(  # xmlns as a plain attribute: ElementTree then writes bare tag names
        "tbx",
        {
            "type": "TBX-Basic",
            "style": "dca",
            _XML_LANG: glossary.source_language,
            "xmlns": TBX_NAMESPACE,
        },
    )
    file_desc = element(element(root, "tbxHeader"), "fileDesc")
    element(element(file_desc, "titleStmt"), "title", glossary.name or "integtool glossary")
    element(element(file_desc, "sourceDesc"), "p", "Exported by integtool from a TOML glossary.")
    body = element(element(root, "text"), "body")
    for number, entry in enumerate(glossary.entries, start=1):
        concept = element(body, "conceptEntry", id=f"c{number}")
        if entry.keep:
            element(concept, "note", "Do not translate: keep this term unchanged.")
        if entry.case_sensitive:
            element(concept, "note", "Case-sensitive.")
        if entry.note:
            element(concept, "note", entry.note)
        source_lang_sec = element(concept, "langSec", **{_XML_LANG: glossary.source_language})
        source_sec = element(source_lang_sec, "termSec")
        element(source_sec, "term", entry.source)
        if entry.forms:
            element(source_sec, "note", "Inflected forms: " + ", ".join(entry.forms))
        for code in codes:
            target = entry.target(code)
            if target is None:
                continue
            term_sec = element(element(concept, "langSec", **{_XML_LANG: code}), "termSec")
            element(term_sec, "term", target)
            if code in entry.uncertain:
                element(term_sec, "note", "Uncertain: to be checked by a native speaker.")
            if forms := entry.target_forms.get(code):
                element(term_sec, "note", "Inflected forms: " + ", ".join(forms))
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'
