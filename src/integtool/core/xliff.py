"""XLIFF export of drafts as the Integreat CMS imports them, and reading such files back.

One file per page: XLIFF 1.2 (the CMS's default) or 2.0, a `title` and a `content` unit with the
HTML in CDATA, named `{region}_{srclang}_{tgtlang}_{page_id}_{source_version}_{slug}.xliff`.

Which page the CMS updates comes from `<file original>`, which the CMS reads as its internal *page*
id. The API does not expose that id for every page: a page object's `id` is the id of one
*translation*, and only a child's `parent.id` is a page id. A translation id in `original` could
name another page of the region, so `XliffPage.page_id` is the page id or None. XLIFF 1.2 always
carries the source's path in `<header><reference><external-file href>`; when the page id is
unknown, `original` holds that path, which is no number, and the CMS falls back to finding the
page by region, language and slug from the href. The CMS reads no such fallback in 2.0, so 2.0
needs the page id.

Machine drafts: 1.2 targets get `state="needs-review-translation"` and
`state-qualifier="mt-suggestion"`; 2.0 segments `state="translated"` and
`subState="integtool:mt-suggestion"`. The CMS itself ignores both (its import form asks whether
the files are machine translated); CAT tools show them.

XML 1.0 cannot carry most control characters (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F),
U+FFFE, U+FFFF or lone surrogates: writing refuses them with a ValueError; `xml_safe` removes them
for callers that prefer that. Carriage returns are written as `&#13;` between CDATA sections, so
that parsers do not turn `\\r\\n` into `\\n`, and texts round-trip exactly. The CMS strips
leading and trailing whitespace of imported targets.

Pure: data in, bytes out, and back; stdlib only.
"""

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import quoteattr

from integtool.core.wording import N_, WordedError

XLIFF12_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
FIELDS: tuple[str, str] = ("title", "content")
"""The page fields, in file order, by the CMS's model field names (`resname`)."""
MT_STATE_12 = "needs-review-translation"
MT_STATE_QUALIFIER_12 = "mt-suggestion"
MT_STATE_20 = "translated"
MT_SUBSTATE_20 = "integtool:mt-suggestion"

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNSAFE_NAME = re.compile(r"[^\w.-]+")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class XliffPage:
    """One page in one target language, as exported.

    `source_language`/`target_language` are the CMS language codes (file name),
    `source_bcp47`/`target_bcp47` the BCP 47 tags (inside the file). `page_id` is the CMS page id
    (not a translation id; None when unknown, see the module doc). `source_path` is the source
    translation's API `path` (`/region/lang/.../slug/`). `source_version` names the source
    version in the file name; the CMS uses its version number, which the API does not expose, so
    callers pass `source_version_from(source last_updated)`.
    """

    region: str
    source_language: str
    target_language: str
    source_bcp47: str
    target_bcp47: str
    page_id: int | None
    source_path: str
    source_version: str
    source_title: str
    source_content: str
    target_title: str
    target_content: str
    machine_translated: bool = True

    @property
    def slug(self) -> str:
        """The last segment of the source path."""
        segments = [segment for segment in self.source_path.split("/") if segment]
        return segments[-1] if segments else ""


@dataclass(frozen=True)
class ParsedXliffPage:
    """One `<file>` read back: page, languages, and both fields' source and target.

    `page_id` is None when `original` is no number (then `page_path` names the page);
    a target is None when its unit has no `<target>`.
    """

    version: str
    page_id: int | None
    page_path: str | None
    source_bcp47: str
    target_bcp47: str
    source_title: str
    source_content: str
    target_title: str | None
    target_content: str | None
    machine_translated: bool


def source_version_from(last_updated: str) -> str:
    """The file-name stand-in for the CMS version number: the source's `last_updated` in UTC.

    `2024-03-05T14:07:09.123+01:00` becomes `20240305T130709Z`; a time without offset is
    taken as UTC.
    """
    moment = datetime.fromisoformat(last_updated)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 cannot carry."""
    return _ILLEGAL_XML.sub("", text)


def xliff_file_name(page: XliffPage) -> str:
    """`{region}_{srclang}_{tgtlang}_{page_id}_{source_version}_{slug}.xliff`, file-safe.

    Runs of characters other than letters, digits, `.`, `-` and `_` become `-` (letters may be
    non-ASCII, like CMS slugs); an unknown page id is written as 0.
    """
    parts = (
        page.region,
        page.source_language,
        page.target_language,
        str(page.page_id or 0),
        str(page.source_version),
        page.slug,
    )
    safe = [_UNSAFE_NAME.sub("-", part).strip("-.") or "page" for part in parts]
    return "_".join(safe) + ".xliff"


def to_xliff12(page: XliffPage) -> bytes:
    """The page as an XLIFF 1.2 document (UTF-8), shaped like the CMS's own export."""
    _check(page)
    state = (
        f' state="{MT_STATE_12}" state-qualifier="{MT_STATE_QUALIFIER_12}"'
        if page.machine_translated
        else ""
    )
    original = str(page.page_id) if page.page_id is not None else page.source_path
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{XLIFF12_NAMESPACE}" version="1.2">',
        f'  <file original={quoteattr(original)} datatype="plaintext"'
        f" source-language={quoteattr(page.source_bcp47)}"
        f" target-language={quoteattr(page.target_bcp47)}>",
        "    <header>",
        f"      <reference><external-file href={quoteattr(page.source_path)}/></reference>",
        "    </header>",
        "    <body>",
    ]
    for field, source, target in _units(page):
        lines += [
            f'      <trans-unit id="{field}" resname="{field}" restype="string" datatype="html"'
            ' xml:space="preserve">',
            f"        <source>{_cdata(source)}</source>",
            f"        <target{state}>{_cdata(target)}</target>",
            "      </trans-unit>",
        ]
    lines += ["    </body>", "  </file>", "</xliff>", ""]
    return "\n".join(lines).encode("utf-8")


def to_xliff20(page: XliffPage) -> bytes:
    """The page as an XLIFF 2.0 document (UTF-8); ValueError without a page id.

    Units carry `id` and `name` and, for the CMS's importer, which requires it, also `resname`
    (an attribute the 2.0 schema does not define).
    """
    _check(page)
    if page.page_id is None:
        raise WordedError(
            N_(
                "XLIFF 2.0 needs the CMS page id (the CMS reads no page path from 2.0 files); "
                "export XLIFF 1.2 instead"
            )
        )
    state = f' state="{MT_STATE_20}"'
    if page.machine_translated:
        state += f' subState="{MT_SUBSTATE_20}"'
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{XLIFF20_NAMESPACE}" version="2.0"'
        f" srcLang={quoteattr(page.source_bcp47)} trgLang={quoteattr(page.target_bcp47)}>",
        f'  <file id="f{page.page_id}" original="{page.page_id}">',
    ]
    for field, source, target in _units(page):
        lines += [
            f'    <unit id="{field}" name="{field}" resname="{field}">',
            f"      <segment{state}>",
            f'        <source xml:space="preserve">{_cdata(source)}</source>',
            f'        <target xml:space="preserve">{_cdata(target)}</target>',
            "      </segment>",
            "    </unit>",
        ]
    lines += ["  </file>", "</xliff>", ""]
    return "\n".join(lines).encode("utf-8")


def parse_xliff(data: bytes | str) -> list[ParsedXliffPage]:
    """Every `<file>` of an XLIFF 1.2 or 2.0 document; ValueError when it is neither or broken.

    Documents with a DOCTYPE are refused (no entity tricks). Units are found by `resname`,
    else `name` (2.0), else `id`; units other than title and content are ignored.
    """
    root = _parse(data)
    if root.tag == f"{{{XLIFF12_NAMESPACE}}}xliff":
        return [_file12(node) for node in root.iter(f"{{{XLIFF12_NAMESPACE}}}file")]
    if root.tag == f"{{{XLIFF20_NAMESPACE}}}xliff":
        return [_file20(root, node) for node in root.iter(f"{{{XLIFF20_NAMESPACE}}}file")]
    raise WordedError(
        N_("not an XLIFF 1.2 or 2.0 document (root element {tag})"), tag=repr(root.tag)
    )


def zip_files(files: Sequence[tuple[str, bytes]]) -> bytes:
    """A ZIP archive of the named files, in order; same input, same bytes.

    ValueError on duplicate names or names that are paths.
    """
    seen: set[str] = set()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            if not name or "/" in name or "\\" in name or name in {".", ".."}:
                raise WordedError(N_("not a plain file name: {name}"), name=repr(name))
            if name in seen:
                raise WordedError(N_("two files named {name}"), name=repr(name))
            seen.add(name)
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def _check(page: XliffPage) -> None:
    """ValueError naming the first field with a character XML 1.0 cannot carry."""
    for name in (
        "region", "source_bcp47", "target_bcp47", "source_path",
        "source_title", "source_content", "target_title", "target_content",
    ):  # fmt: skip
        value: str = getattr(page, name)
        if match := _ILLEGAL_XML.search(value):
            raise WordedError(
                N_(
                    "{name} contains U+{code}, which XML 1.0 cannot carry (at index {index}); "
                    "remove it, e.g. with xml_safe()"
                ),
                name=name, code=f"{ord(match.group()):04X}", index=match.start(),
            )  # fmt: skip


def _units(page: XliffPage) -> Iterator[tuple[str, str, str]]:
    yield "title", page.source_title, page.target_title
    yield "content", page.source_content, page.target_content


def _cdata(text: str) -> str:
    """The text as CDATA sections: `]]>` split across two, carriage returns as `&#13;`."""
    pieces = []
    for chunk in text.split("\r"):
        pieces.append("<![CDATA[" + chunk.replace("]]>", "]]]]><![CDATA[>") + "]]>")
    return "&#13;".join(pieces)


class _NoDoctype(ET.TreeBuilder):
    def doctype(self, _name: str, _pubid: str | None, _system: str | None) -> None:
        raise WordedError(N_("XLIFF documents with a DOCTYPE are not read"))


def _parse(data: bytes | str) -> ET.Element:
    parser = ET.XMLParser(target=_NoDoctype())
    try:
        parser.feed(data)
        root: ET.Element = parser.close()
    except ET.ParseError as error:
        raise WordedError(N_("not well-formed XML: {reason}"), reason=str(error)) from None
    return root


def _units_by_field(file_node: ET.Element, unit_tag: str) -> dict[str, ET.Element]:
    units: dict[str, ET.Element] = {}
    for unit in file_node.iter(unit_tag):
        field = unit.get("resname") or unit.get("name") or unit.get("id") or ""
        if field in FIELDS and field not in units:
            units[field] = unit
    for field in FIELDS:
        if field not in units:
            raise WordedError(
                N_("<file original={original}> has no {field} unit"),
                original=repr(file_node.get("original")), field=field,
            )  # fmt: skip
    return units


def _text(node: ET.Element | None) -> str | None:
    return None if node is None else "".join(node.itertext())


def _required(node: ET.Element, attribute: str) -> str:
    value = node.get(attribute)
    if not value:
        raise WordedError(
            N_("<{tag}> lacks the {attribute} attribute"),
            tag=node.tag.rpartition("}")[2], attribute=attribute,
        )  # fmt: skip
    return value


def _page_id(original: str) -> int | None:
    return int(original) if original.isascii() and original.isdigit() else None


def _file12(node: ET.Element) -> ParsedXliffPage:
    ns = f"{{{XLIFF12_NAMESPACE}}}"
    original = _required(node, "original")
    units = _units_by_field(node, ns + "trans-unit")
    href = node.find(f".//{ns}external-file")
    sources = {field: _text(unit.find(ns + "source")) or "" for field, unit in units.items()}
    targets = {field: unit.find(ns + "target") for field, unit in units.items()}
    machine = any(
        target is not None
        and (
            target.get("state-qualifier") == MT_STATE_QUALIFIER_12
            or target.get("state") == MT_STATE_12
        )
        for target in targets.values()
    )
    return ParsedXliffPage(
        version="1.2",
        page_id=_page_id(original),
        page_path=href.get("href") if href is not None else None,
        source_bcp47=_required(node, "source-language"),
        target_bcp47=_required(node, "target-language"),
        source_title=sources["title"],
        source_content=sources["content"],
        target_title=_text(targets["title"]),
        target_content=_text(targets["content"]),
        machine_translated=machine,
    )


def _file20(root: ET.Element, node: ET.Element) -> ParsedXliffPage:
    ns = f"{{{XLIFF20_NAMESPACE}}}"
    original = _required(node, "original")
    units = _units_by_field(node, ns + "unit")
    sources: dict[str, str] = {}
    targets: dict[str, str | None] = {}
    machine = False
    for field, unit in units.items():
        segments = unit.findall(ns + "segment")
        sources[field] = "".join(_text(segment.find(ns + "source")) or "" for segment in segments)
        found = [segment.find(ns + "target") for segment in segments]
        targets[field] = (
            "".join(_text(target) or "" for target in found)
            if any(target is not None for target in found)
            else None
        )
        machine = machine or any(s.get("subState") == MT_SUBSTATE_20 for s in segments)
    return ParsedXliffPage(
        version="2.0",
        page_id=_page_id(original),
        page_path=None,
        source_bcp47=_required(root, "srcLang"),
        target_bcp47=_required(root, "trgLang"),
        source_title=sources["title"],
        source_content=sources["content"],
        target_title=targets["title"],
        target_content=targets["content"],
        machine_translated=machine,
    )
