"""The indented JSON encoder of the JSON and SARIF reports writes exactly what ``json.dumps`` writes."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum

from hypothesis import given
from hypothesis import strategies as st

from reportlint.output.jsontext import dumps_indented

_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=30,
)


class _Level(StrEnum):
    ERROR = "error"


class _Rank(IntEnum):
    HIGH = 3


@given(_VALUES)
def test_same_text_as_json_dumps(value: object) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_escapes_tuples_enums_and_keys_that_are_not_strings() -> None:
    values = [
        {"text": '引号"、反斜杠\\、换行\n、控制字符\x01\u2028、𠀀', "empty": [], "nothing": {}},
        ("a", (1, 2.5)),
        {"level": _Level.ERROR, "rank": _Rank.HIGH},
        {1: "int key", None: "null key"},
        [float("nan"), float("inf"), -float("inf"), -0.0, 1e300],
    ]
    for value in values:
        assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
