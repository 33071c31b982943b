"""The shortcuts the bulk import takes give what the long way gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizmaster import importers

# Everything html_to_text treats specially, and plain text around it.
ALPHABET = (
    list("ab <>&;/#x")
    + ["<br>", "</p>", "&amp;", "&#58;", "\xa0"]
    + list("\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029\t ")
)


@given(st.lists(st.sampled_from(ALPHABET), max_size=20).map("".join))
def test_html_to_text_shortcut_is_the_full_conversion(value: str) -> None:
    assert importers.html_to_text(value) == importers._html_to_text(value)


@given(st.text(max_size=40))
def test_html_to_text_shortcut_on_any_text(value: str) -> None:
    assert importers.html_to_text(value) == importers._html_to_text(value)
