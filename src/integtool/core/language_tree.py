"""The region's language tree: which language each translation is made from."""

from collections.abc import Mapping, Sequence

from integtool.core.wording import N_, WordedError


class LanguageTreeError(WordedError):
    """The configured source languages do not form a tree rooted in the default language."""


def resolve_sources(
    languages: Sequence[str], overrides: Mapping[str, str]
) -> dict[str, str | None]:
    """Map every language of a region to its source language (the root maps to None).

    The first language is the root (the region's default). Without an override a language is
    translated from the root, as the CMS does when no tree is configured.
    """
    if not languages:
        return {}
    root = languages[0]
    known = set(languages)
    sources: dict[str, str | None] = dict.fromkeys(languages, root)
    sources[root] = None
    for target, source in overrides.items():
        if target not in known:
            continue  # a tree configured for languages this region does not have
        if target == root:
            raise LanguageTreeError(
                N_("the default language '{root}' cannot have a source language"), root=root
            )
        if source not in known:
            raise LanguageTreeError(
                N_("source language '{source}' of '{target}' is not a language of the region"),
                source=source, target=target,
            )  # fmt: skip
        if source == target:
            template = N_("language '{target}' cannot be its own source")
            raise LanguageTreeError(template, target=target)
        sources[target] = source
    for code in languages:
        seen = {code}
        current = sources[code]
        while current is not None:
            if current in seen:
                raise LanguageTreeError(
                    N_("the source languages of '{code}' form a cycle"), code=code
                )
            seen.add(current)
            current = sources[current]
    return sources


def ancestors(code: str, sources: Mapping[str, str | None]) -> list[str]:
    """The languages `code` is (transitively) translated from, nearest first, root last."""
    chain = []
    current = sources.get(code)
    while current is not None:
        chain.append(current)
        current = sources.get(current)
    return chain


def with_ancestors(targets: Sequence[str], sources: Mapping[str, str | None]) -> list[str]:
    """The targets plus every language they are (transitively) translated from, root first."""
    needed: dict[str, None] = {}
    for code in targets:
        for item in reversed([code, *ancestors(code, sources)]):
            needed.setdefault(item, None)
    root = [code for code, source in sources.items() if source is None]
    return root + [code for code in needed if code not in root]
