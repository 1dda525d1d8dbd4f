"""HTML segmentation and reassembly are lossless on arbitrary input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from integtool.core.html_segments import split_blocks, split_runs

TOKENS = st.sampled_from(
    ["<p>", "</p>", "<h2 class='x'>", "</h2>", "<ul>", "<li>", "</li>", "</ul>", "<br>", "<br/>",
     "<strong>", "</strong>", "<a href=\"https://x.de/?a=1&b=2\">", "</a>", "<!-- note -->",
     "&nbsp;", "&amp;", " ", "\n", "\t", "<", ">", "Kita", "Gutschein.", "مرحبا", "👋", "𝔄"]
)  # fmt: skip
HTML = st.one_of(st.lists(TOKENS, max_size=50).map("".join), st.text(max_size=200))


@settings(max_examples=600, deadline=None)
@given(HTML)
def test_blocks_and_runs_rejoin_to_the_original(html: str) -> None:
    for split in (split_blocks, split_runs):
        segmented = split(html)
        assert segmented.join() == html
        assert segmented.join(list(segmented.segments)) == html
        assert all(segment == segment.strip() and segment for segment in segmented.segments)


@settings(max_examples=300, deadline=None)
@given(HTML)
def test_translated_segments_land_in_place(html: str) -> None:
    segmented = split_blocks(html)
    marked = [f"[{index}]" for index in range(len(segmented.segments))]
    joined = segmented.join(marked)
    assert [joined.find(mark) for mark in marked] == sorted(joined.find(mark) for mark in marked)
    assert all(joined.count(mark) >= 1 for mark in marked)


def test_examples() -> None:
    html = "<h2>Termin</h2>\n<p>Bitte <a href='x'>hier</a> buchen.</p><p> &nbsp; </p>Ende"
    assert split_blocks(html).segments == ("Termin", "Bitte <a href='x'>hier</a> buchen.", "Ende")
    assert split_runs(html).segments == ("Termin", "Bitte", "hier", "buchen.", "Ende")
    translated = split_blocks(html).join(
        ["Appointment", "Please book <a href='x'>here</a>.", "End"]
    )
    assert (
        translated
        == "<h2>Appointment</h2>\n<p>Please book <a href='x'>here</a>.</p><p> &nbsp; </p>End"
    )
