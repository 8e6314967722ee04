"""Every rule reportlint knows before any config file is read: built-in Python rules, the packs shipped
under ``rules/``, and rules that installed plugins register in the entry-point group ``reportlint.rules``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import cache

from reportlint.packs.loader import load_packs_into, shipped_pack_paths
from reportlint.registry import Registry, RuleError
from reportlint.rule import Rule

ENTRY_POINT_GROUP = "reportlint.rules"


@cache
def base_registry() -> Registry:
    from reportlint.rules import BUILTIN_RULES

    registry = Registry(rule() for rule in BUILTIN_RULES)
    load_packs_into(registry, shipped_pack_paths(), trusted=True)
    for rule in plugin_rules():
        registry.add(rule)
    return registry


def plugin_rules() -> list[Rule]:
    """Rules from installed plugins. An entry point may name a Rule subclass, a Rule instance, or an
    iterable of either (e.g. a module-level ``RULES`` tuple)."""
    if not _plugins_may_exist():
        return []
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        where = f"plugin {entry_point.name} ({entry_point.value})"
        try:
            loaded = entry_point.load()
        except Exception as error:
            raise RuleError(f"{where}: 无法加载：{type(error).__name__}：{error}") from None
        items: Iterable = loaded if isinstance(loaded, (list, tuple)) else [loaded]
        for item in items:
            rule = item() if isinstance(item, type) and issubclass(item, Rule) else item
            if not isinstance(rule, Rule):
                raise RuleError(f"{where}: {item!r} 不是 reportlint 的 Rule")
            rule.origin = where
            rules.append(rule)
    return rules


def _plugins_may_exist() -> bool:
    """False only when no distribution on ``sys.path`` declares our entry-point group: a look at the
    ``entry_points.txt`` files of the installed distributions, where importing ``importlib.metadata`` alone
    costs more than linting a short draft. Anything this look cannot see through (a zip file on the path, a
    finder of distributions other than the standard one) counts as a possible plugin."""
    from importlib.machinery import PathFinder

    if any(hasattr(f, "find_distributions") and f is not PathFinder for f in sys.meta_path):
        return True
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except NotADirectoryError:
            return True
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry or ".", name, "entry_points.txt"), "rb") as stream:
                        if f"[{ENTRY_POINT_GROUP}]".encode() in stream.read():
                            return True
                except OSError:
                    continue
    return False
