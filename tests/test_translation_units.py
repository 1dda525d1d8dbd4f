"""Pages cut into units and put back together: lossless, and the markup survives MT."""

import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from integtool.core.glossary.reading import read_glossary
from integtool.core.glossary.terms import Entry, Glossary
from integtool.core.translation_units import UnitKind, page_units, unit_job

NEUSTADT = read_glossary(
    (Path(__file__).resolve().parents[1] / "glossaries" / "neustadt.toml").read_text("utf-8")
).glossary
assert NEUSTADT is not None
GLOSSARY: Glossary = NEUSTADT
KEEP_ONLY = Glossary(
    "keep", "de", ("fa",), (Entry("Jobcenter", keep=True), Entry("VHS", keep=True))
)
TOKENS = st.sampled_from(
    ["<p>", "</p>", "<h2 class='x'>", "</h2>", "<li>", "</li>", "<br>", "<strong>", "</strong>",
     "<a href=\"https://www.bamf.de/?a=1&amp;b=2\">", "</a>", "<!-- note -->", "&nbsp;", "&amp;",
     "&lt;", " ", "\n", "<", ">", "⟦", "⟧", "⟦1⟧", "Kita", "Jobcenter", "Ausländerbehörde",
     "Integrationskurs", "VHS", "Gutschein.", "مرحبا", "👋", "a < b", "www.jobcenter.de"]
)  # fmt: skip
HTML = st.one_of(st.lists(TOKENS, max_size=40).map("".join), st.text(max_size=150))
TAG = re.compile(r"<!--.*?-->|<[A-Za-z/!?][^>]*>", re.DOTALL)


def unchanged(text: str) -> str:
    return text


def round_trip(title: str, html: str, text_only: bool, glossary: Glossary | None,
               mt: Callable[[str], str] = unchanged) -> tuple[str, str]:  # fmt: skip
    units = page_units(title, html)
    translations = {}
    for unit in units.units:
        job = unit_job(unit, text_only=text_only, glossary=glossary, language="fa")
        answer = mt(job.piece.text) if job.needs_provider else job.piece.text
        translations[unit.key], _ = job.finish(answer)
    return units.assemble(translations)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40), HTML, st.booleans(), st.sampled_from([None, KEEP_ONLY]))
def test_unchanged_answers_give_back_the_page_exactly(
    title: str, html: str, text_only: bool, glossary: Glossary | None
) -> None:
    assert round_trip(title, html, text_only, glossary) == (title.strip(), html)


def shout(text: str) -> str:
    """A stand-in for MT that changes every letter outside placeholders."""
    return re.sub(
        r"⟦[^⟧]*⟧|[^⟦]+",
        lambda m: m.group() if m.group().startswith("⟦") else m.group().upper(),
        text,
    )


@settings(max_examples=400, deadline=None)
@given(HTML)
def test_text_only_blocks_keep_their_markup_and_glossary_targets(html: str) -> None:
    tags = TAG.findall(html)
    assume(
        html.count("<") == len(tags) and all(tag.count("<") == 1 for tag in tags)
    )  # no `<Kita<p>`
    _, content = round_trip("", html, True, NEUSTADT, shout)
    assert TAG.findall(content) == TAG.findall(html)
    for unit in page_units("", html).blocks:
        for match in GLOSSARY.find_terms(re.sub(r"<[^>]*>", " ", unit.source)):
            target = match.entry.target("fa")
            if target is not None and not match.entry.keep:
                assert target in content


def test_a_block_is_one_sentence_with_markup_and_terms_as_placeholders() -> None:
    (unit,) = page_units("", "<p>Die <b>Ausländerbehörde</b> &amp; das Jobcenter</p>").blocks
    job = unit_job(unit, text_only=True, glossary=NEUSTADT, language="fa")
    assert job.piece.text == "Die ⟦0⟧⟦1⟧⟦2⟧ & das ⟦3⟧"
    assert job.piece.characters == len(job.piece.text)  # what DeepL bills: the text sent
    text, lost = job.finish("[FA] ⟦0⟧⟦1⟧⟦2⟧ و ⟦3⟧ دی")
    assert (text, lost) == ("[FA] <b>اداره اتباع خارجی</b> و Jobcenter دی", 0)
    assert job.finish("[FA] ⟦0⟧⟦1⟧ و دی") == ("[FA] <b>اداره اتباع خارجی و دی", 2)
    (spaced,) = page_units("", "<p><a href='x'>hier</a> <b>und</b> da</p>").blocks
    glued = unit_job(spaced, text_only=True, glossary=None, language="fa")
    assert glued.piece.text == "hier⟦0⟧ ⟦1⟧und⟦2⟧ da"  # one placeholder per tag, spaces kept


def test_titles_travel_escaped_with_tag_handling_and_a_lone_term_needs_no_mt() -> None:
    (title,) = page_units("Kita & Schule", "").units
    job = unit_job(title, text_only=False, glossary=None, language="ar")
    assert title.kind is UnitKind.TITLE and job.piece.text == "Kita &amp; Schule" and job.piece.html
    assert job.finish("روضة &amp; مدرسة") == ("روضة & مدرسة", 0)
    (term,) = page_units("Ausländerbehörde", "").units
    local = unit_job(term, text_only=True, glossary=NEUSTADT, language="fa")
    assert not local.needs_provider and local.characters == 0
    assert local.finish(local.piece.text) == ("اداره اتباع خارجی", 0)
