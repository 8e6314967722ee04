"""Meta rules (RL1xx): findings about reportlint's own directives in a draft."""

from reportlint.rules.meta.unused_suppression import UnusedSuppression

RULES = (UnusedSuppression,)
