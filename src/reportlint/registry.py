"""The set of known rules, and how selectors (``PH001``, ``PH``, ``figure-placeholder``, ``ALL``) resolve."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlint.rule import Rule


class RuleError(Exception):
    """A rule, rule pack or plugin that cannot be used; the message says where and why."""


class UnknownSelector(RuleError):
    pass


class Registry:
    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._by_code: dict[str, Rule] = {}
        self._by_name: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: Rule) -> None:
        try:
            rule.validate()
        except ValueError as error:
            raise RuleError(f"{rule.origin}: {error}") from None
        for key, index in ((rule.code, self._by_code), (rule.name, self._by_name)):
            if key in index:
                raise RuleError(f"{rule.origin}: 规则 {key} 已由 {index[key].origin} 定义")
        self._by_code[rule.code] = rule
        self._by_name[rule.name] = rule

    def replace(self, rule: Rule) -> None:
        """Put ``rule`` in place of the registered rule with the same code and name."""
        if self._by_code.get(rule.code) is None or self._by_name.get(rule.name) is not self._by_code[rule.code]:
            raise RuleError(f"{rule.origin}: 不能替换未知的规则 {rule.code}")
        self._by_code[rule.code] = self._by_name[rule.name] = rule

    def copy(self) -> Registry:
        return Registry(self)

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._by_code.values(), key=lambda rule: rule.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        return self._by_code.get(key.upper()) or self._by_name.get(key.lower())

    def select(self, selector: str) -> list[Rule]:
        """Rules matched by a full code, a code prefix, a rule name or ``ALL``; unknown selectors raise."""
        key = selector.strip()
        if key.upper() == "ALL":
            return list(self)
        rule = self._by_name.get(key.lower())
        if rule is not None:
            return [rule]
        matched = [rule for rule in self if rule.code.startswith(key.upper())] if key else []
        if not matched:
            raise UnknownSelector(f"未知的规则代码、前缀或名称：“{selector}”")
        return matched
