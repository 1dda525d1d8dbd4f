"""The HTML of a draft's content: its tag skeleton and its link targets.

One scan per fragment reads the tag sequence, nesting problems and `href`/`src` targets; the
translation must keep the source's tags in order and its link targets exactly.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape

from integtool.core.qa.warnings import HTML_SKELETON, URL, QaWarning
from integtool.core.wording import N_, Wording

_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip

# A tag ends before the next "<" and an unclosed comment runs to the end (as in browsers): no
# scan reads past the next "<", so stray "<" and unclosed quotes cost linear time.
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*)>",
    re.DOTALL,
)
_LINK_ATTRIBUTE = re.compile(
    r"(?<![\w-])(href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>=`]+))", re.IGNORECASE
)


@dataclass(slots=True)
class Tags:
    """The tag sequence of an HTML fragment, its nesting problems and its link targets."""

    sequence: list[str] = field(default_factory=list)
    problems: list[Wording] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    @classmethod
    def scan(cls, html: str) -> "Tags":
        """One pass over the tags; comments are skipped, attributes only read for links.

        A void element is one `<br>` whether written `<br>`, `<br/>` or `<br></br>`; any other
        self-closing tag counts as opened and closed.
        """
        tags = cls()
        open_tags: list[str] = []
        for match in _TAG.finditer(html):
            name = match[2]
            if name is None:
                continue
            name = name.lower()
            attributes = match[3]
            if match[1]:
                if name not in _VOID_TAGS:
                    tags.sequence.append(f"</{name}>")
                    tags.close(open_tags, name)
                continue
            tags.links += [
                unescape(found[2] or found[3] or found[4] or "").strip()
                for found in _LINK_ATTRIBUTE.finditer(attributes)
            ]
            tags.sequence.append(f"<{name}>")
            if name in _VOID_TAGS:
                continue
            if attributes.rstrip().endswith("/"):
                tags.sequence.append(f"</{name}>")
            else:
                open_tags.append(name)
        tags.problems += [
            Wording.of(N_("The tag {tag} is never closed"), tag=f"<{name}>")
            for name in reversed(open_tags)
        ]
        return tags

    def close(self, open_tags: list[str], name: str) -> None:
        """Close the innermost open `name`, noting tags left open inside it or a stray close."""
        if name not in open_tags:
            self.problems.append(
                Wording.of(N_("The closing tag {tag} has no opening tag"), tag=f"</{name}>")
            )
            return
        while (inner := open_tags.pop()) != name:
            self.problems.append(Wording.of(
                N_("The tag {tag} is not closed before {closing}"),
                tag=f"<{inner}>", closing=f"</{name}>",
            ))  # fmt: skip


def check_skeleton(source: Tags, target: Tags) -> list[QaWarning]:
    """The first nesting problem the target adds, else the first tag that differs.

    A nesting problem the source has too (an unclosed `<li>` the CMS accepts) is no warning.
    One warning at most: a missing closing tag would otherwise be reported twice.
    """
    new_problems = Counter(target.problems) - Counter(source.problems)
    for problem in target.problems:
        if new_problems[problem] > 0:
            template = N_("{problem} in the translation.")
            return [QaWarning.worded(HTML_SKELETON, template, problem=problem)]
    expected, found = source.sequence, target.sequence
    if expected == found:
        return []
    index = next(
        (i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b),
        min(len(expected), len(found)),
    )
    return [QaWarning.saying(HTML_SKELETON, _difference(expected, found, index))]


def _difference(expected: list[str], found: list[str], index: int) -> Wording:
    """How the tags differ from `index` on."""
    if dropped := _gap(expected, found, index):
        if len(dropped) == 1:
            template = N_("The tag {tag} of the original is missing in the translation.")
            return Wording.of(template, tag=dropped[0])
        template = N_(
            "The tags {first} and {second} of the original are missing in the translation."
        )
        return Wording.of(template, first=dropped[0], second=dropped[1])
    if added := _gap(found, expected, index):
        if len(added) == 1:
            template = N_("The translation has an extra tag {tag} that the original lacks.")
            return Wording.of(template, tag=added[0])
        template = N_(
            "The translation has extra tags {first} and {second} that the original lacks."
        )
        return Wording.of(template, first=added[0], second=added[1])
    if index >= len(found):
        template = N_(
            "The translation's HTML ends early: from tag {position} of the original "
            "({tag}) on, the tags are missing."
        )
        return Wording.of(template, position=index + 1, tag=expected[index])
    if index >= len(expected):
        template = N_("The translation has extra tags after the original's last tag: {tag}.")
        return Wording.of(template, tag=found[index])
    template = N_(
        "The HTML tags differ from the original at tag {position}: the translation has "
        "{found} where the original has {expected}."
    )
    return Wording.of(template, position=index + 1, found=found[index], expected=expected[index])


def _gap(longer: list[str], shorter: list[str], index: int) -> list[str]:
    """The one or two tags at `index` whose removal from `longer` gives `shorter` (else [])."""
    for count in (1, 2):
        if len(longer) - len(shorter) == count and shorter[index:] == longer[index + count :]:
            return longer[index : index + count]
    return []


def check_links(source: list[str], target: list[str]) -> list[QaWarning]:
    """Link targets (`href`, `src`) must be kept exactly: a changed one, or missing and extra."""
    missing = list((Counter(source) - Counter(target)).elements())
    extra = list((Counter(target) - Counter(source)).elements())
    warnings = [
        QaWarning.worded(
            URL, N_("The link {old} was changed to {new} in the translation."), old=old, new=new
        )
        for old, new in zip(missing, extra, strict=False)
    ]
    pairs = len(warnings)
    warnings += [
        QaWarning.worded(URL, N_("The link {link} is missing in the translation."), link=link)
        for link in missing[pairs:]
    ]
    warnings += [
        QaWarning.worded(
            URL,
            N_("The translation has a link {link} that the original does not have."),
            link=link,
        )
        for link in extra[pairs:]
    ]
    return warnings
