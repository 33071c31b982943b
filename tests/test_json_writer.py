"""``output.dumps`` (the --json writer that keeps strings in C) is byte for byte
``json.dumps(data, ensure_ascii=False, indent=2)``, and the streamed list is the list's."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from enum import Enum, IntEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizmaster import json_writer, render

leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
keys = st.text() | st.integers(min_value=-5, max_value=5) | st.booleans() | st.none()
documents = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=25,
)


def reference(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@pytest.mark.slow
@settings(max_examples=400)
@given(documents)
def test_dumps_is_json_dumps(data: Any) -> None:
    assert json_writer.dumps(data) == reference(data)


@pytest.mark.slow
@settings(max_examples=200)
@given(st.lists(documents, max_size=5))
def test_streamed_list_is_the_list(items: list[Any]) -> None:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        json_writer.json_out_items(iter(items), batch=2)
    assert buffer.getvalue() == reference(items) + "\n"


class Colour(str, Enum):
    RED = "red"


class Level(IntEnum):
    HIGH = 3


def test_odd_values_and_render_json_out_agree() -> None:
    data = {
        "enum": Colour.RED,
        "int_enum": Level.HIGH,
        "control": 'a\x00\x1f\u2028"\\/é😀',
        "nested": [[], {}, [[{"x": -0.0, "y": 1e16, "z": 5e-324}]]],
        1: "int key",
        None: "none key",
    }
    assert json_writer.dumps(data) == reference(data)
    for writer in (json_writer.json_out, render.json_out):
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            writer(data)
        assert buffer.getvalue() == reference(data) + "\n"


@settings(max_examples=200)
@given(
    st.lists(st.text(), min_size=1, max_size=4, unique=True).flatmap(
        lambda keys: st.tuples(
            st.just(keys), st.lists(st.lists(documents, min_size=len(keys), max_size=len(keys)))
        )
    )
)
@pytest.mark.slow
def test_streamed_records_are_the_dicts(case: tuple[list[str], list[list[Any]]]) -> None:
    keys, rows = case
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        json_writer.json_out_records(keys, iter(rows))
    assert (
        buffer.getvalue() == reference([dict(zip(keys, row, strict=True)) for row in rows]) + "\n"
    )
