"""The shortcuts the bulk import takes give what the long way gives."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_the_collector_runs_again_after_an_import_good_or_bad(tmp_path: Path) -> None:
    import gc

    from quizmaster.errors import InputFileError
    from quizmaster.store import Store

    from .conftest import NOW

    good = tmp_path / "deck.csv"
    good.write_text("Capital of Kenya?,Nairobi\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert gc.isenabled()
    with Store.open(tmp_path / "q.db", now=NOW) as store:
        importers.import_path(store, good, now=NOW)
        assert gc.isenabled()
        with pytest.raises(InputFileError):
            importers.import_path(store, bad, now=NOW)
        assert gc.isenabled()
