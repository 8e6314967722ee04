"""Outline and enumerator rules (SEC): numbers skipped, duplicated or out of order, a level numbered in two
styles, the point after an ordinal, a count that disagrees with its list, and 一方面 without its other side.

The judgments on numbering are made once, in :mod:`reportlint.analysis.outline`; these rules report them.
"""

from reportlint.rules.outline.announced_count_mismatch import AnnouncedCountMismatch
from reportlint.rules.outline.duplicated_number import DuplicatedNumber
from reportlint.rules.outline.inconsistent_number_style import InconsistentNumberStyle
from reportlint.rules.outline.number_out_of_order import NumberOutOfOrder
from reportlint.rules.outline.ordinal_punctuation import OrdinalPunctuation
from reportlint.rules.outline.skipped_number import SkippedNumber
from reportlint.rules.outline.unpaired_aspect import UnpairedAspect

RULES = (
    SkippedNumber,
    DuplicatedNumber,
    NumberOutOfOrder,
    InconsistentNumberStyle,
    OrdinalPunctuation,
    AnnouncedCountMismatch,
    UnpairedAspect,
)
