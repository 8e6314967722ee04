"""Validation of user-supplied TOML (config files, rule packs) against our dataclass schemas.

The schemas are plain dataclasses so that reading our own, already-tested data costs no pydantic import;
user files go through pydantic, imported here lazily, and its errors are rewritten to name the file, the
entry and the problem.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from reportlint.storage.oserrors import reason
from reportlint.storage.toml import load_toml

T = TypeVar("T")

#: pydantic's problems in Chinese, by type (any other keeps pydantic's words; a ``ValueError`` of ours is Chinese).
_TOML_PLACE = re.compile(r" ?\(at line (\d+), column (\d+)\)$")
_MESSAGES = {
    "unexpected_keyword_argument": "未知的配置项",
    "extra_forbidden": "未知的配置项",
    "missing": "缺少必填项",
    "missing_argument": "缺少必填项",
    "list_type": '应为列表（如 ["PH001"]）',
    "string_type": "应为字符串",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "dict_type": "应为表（table）",
    "dataclass_type": "应为表（table）",
    "dataclass_args_type": "应为表（table）",
    "too_short": "不能为空",
}
#: Keys that identify an entry in an error message ("entries[3] “里程牌”").
_IDENTITY_KEYS = ("code", "name", "match", "regex", "extends")


class SchemaError(Exception):
    """A TOML file that does not fit its schema. ``str()`` lists every problem, one per line."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {problem}" for problem in problems))


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return load_toml(path)
    except ValueError as error:  # tomllib.TOMLDecodeError
        where = _TOML_PLACE.sub(r"（第 \1 行第 \2 列）", str(error))
        raise SchemaError(str(path), [f"TOML 格式错误：{where}"]) from None
    except OSError as error:
        raise SchemaError(str(path), [f"无法读取：{reason(error)}"]) from None


@cache
def _adapter(cls: Any) -> Any:  # cls: a dataclass (hashable)
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def validate(cls: type[T], data: Any, source: str, prefix: tuple[str | int, ...] = ()) -> T:
    """Validate ``data`` as ``cls``; raise :class:`SchemaError` naming each offending entry."""
    from pydantic import ValidationError

    try:
        return _adapter(cls).validate_python(data)  # type: ignore[arg-type]
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            location = _describe(data, item["loc"], prefix)
            message = _MESSAGES.get(item["type"], item["msg"].removeprefix("Value error, "))
            if item["type"] in ("literal_error", "enum"):
                expected = str(item.get("ctx", {}).get("expected", "")).replace(" or ", " 或 ")
                message = f"应为 {expected} 之一"
            problems.append(f"{location}: {message}" if location else message)
        raise SchemaError(source, problems) from None


def _describe(data: Any, loc: tuple[str | int, ...], prefix: tuple[str | int, ...]) -> str:
    parts: list[str] = []
    node = data
    for key in loc:
        if isinstance(key, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{key}]"]
        else:
            parts.append(str(key))
        node = node[key] if isinstance(node, (dict, list)) and _has(node, key) else None  # type: ignore[index]
        if isinstance(node, dict) and isinstance(key, int):
            identity = next((node[k] for k in _IDENTITY_KEYS if isinstance(node.get(k), str)), None)
            if identity is not None:
                parts[-1] += f" ({identity!r})"
    head = ".".join(str(p) for p in prefix)
    body = ".".join(parts)
    return f"{head}.{body}" if head and body else head or body


def _has(node: dict | list, key: str | int) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(key, int) and -len(node) <= key < len(node)
