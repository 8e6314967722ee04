"""Figure rules (NUM): figures that disagree with each other, in one draft or across the drafts linted
together; parts that cannot add up to their whole; percentages that do not follow from their figures; count
words that do not match their lists; dates that do not exist; shares above 100%.

The parsing lives in the shared analyses: :mod:`~reportlint.analysis.figures.quantities` (quantities),
:mod:`~reportlint.analysis.figures.subjects` (what a figure counts, which figures are one statement),
:mod:`~reportlint.analysis.figures.breakdowns`, :mod:`~reportlint.analysis.figures.ratios`,
:mod:`~reportlint.analysis.figures.lists` and :mod:`~reportlint.analysis.figures.dates`.
"""

from reportlint.rules.figures.count_mismatch import CountMismatch
from reportlint.rules.figures.figure_differs import FigureDiffers
from reportlint.rules.figures.figure_differs_across_documents import FigureDiffersAcrossDocuments
from reportlint.rules.figures.impossible_date import ImpossibleDate
from reportlint.rules.figures.part_exceeds_whole import PartExceedsWhole
from reportlint.rules.figures.parts_exceed_total import PartsExceedTotal
from reportlint.rules.figures.percentage_mismatch import PercentageMismatch
from reportlint.rules.figures.percentage_rounding import PercentageRounding
from reportlint.rules.figures.share_above_hundred import ShareAboveHundred

RULES = (
    FigureDiffers,
    FigureDiffersAcrossDocuments,
    PartsExceedTotal,
    PartExceedsWhole,
    PercentageMismatch,
    PercentageRounding,
    CountMismatch,
    ImpossibleDate,
    ShareAboveHundred,
)
