"""Placeholder rules (PH): figures and names left unfilled in a draft built from a template.

Template markers (【待填】, TODO …) are PH003, a data-driven rule in ``rules/placeholders.toml``.
"""

from reportlint.rules.placeholders.figure_placeholder import FigurePlaceholder
from reportlint.rules.placeholders.name_placeholder import NamePlaceholder

RULES = (FigurePlaceholder, NamePlaceholder)
