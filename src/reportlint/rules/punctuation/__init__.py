"""Punctuation and spacing rules (PUN), after GB/T 15834-2011 (punctuation) and GB/T 15835-2011 (numbers).

Every rule skips what is not Chinese prose: URLs, e-mail addresses and character references written out in
the text (``analysis/spans.py``), Markdown code (already one ``OPAQUE`` character), numbers (``1,234``,
``10:30``) and Latin text (``Hello, world``).
"""

from reportlint.rules.punctuation.dash_form import DashForm
from reportlint.rules.punctuation.doubled_punctuation import DoubledPunctuation
from reportlint.rules.punctuation.dunhao_between_quotes import DunhaoBetweenQuotes
from reportlint.rules.punctuation.ellipsis_form import EllipsisForm
from reportlint.rules.punctuation.halfwidth_parentheses import HalfwidthParentheses
from reportlint.rules.punctuation.halfwidth_punctuation import HalfwidthPunctuation
from reportlint.rules.punctuation.missing_final_mark import MissingFinalMark
from reportlint.rules.punctuation.quote_form import QuoteForm
from reportlint.rules.punctuation.range_dash import RangeDash
from reportlint.rules.punctuation.stray_space import StraySpace
from reportlint.rules.punctuation.trailing_whitespace import TrailingWhitespace
from reportlint.rules.punctuation.unbalanced_pair import UnbalancedPair

RULES = (
    HalfwidthPunctuation,
    HalfwidthParentheses,
    DoubledPunctuation,
    UnbalancedPair,
    RangeDash,
    EllipsisForm,
    DashForm,
    StraySpace,
    TrailingWhitespace,
    MissingFinalMark,
    DunhaoBetweenQuotes,
    QuoteForm,
)
