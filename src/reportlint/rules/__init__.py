"""Built-in Python rules, one module per family. Data-driven rules live in the TOML packs under rules/."""

from reportlint.rules.placeholders import RULES as PLACEHOLDER_RULES

BUILTIN_RULES = (*PLACEHOLDER_RULES,)
