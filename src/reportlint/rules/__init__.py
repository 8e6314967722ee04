"""Built-in Python rules, one module per family. Data-driven rules live in the TOML packs under rules/."""

from reportlint.rules.figures import RULES as FIGURE_RULES
from reportlint.rules.meta import RULES as META_RULES
from reportlint.rules.outline import RULES as OUTLINE_RULES
from reportlint.rules.placeholders import RULES as PLACEHOLDER_RULES
from reportlint.rules.punctuation import RULES as PUNCTUATION_RULES
from reportlint.rules.words import RULES as WORD_RULES

BUILTIN_RULES = (*PLACEHOLDER_RULES, *FIGURE_RULES, *PUNCTUATION_RULES, *WORD_RULES, *OUTLINE_RULES, *META_RULES)
