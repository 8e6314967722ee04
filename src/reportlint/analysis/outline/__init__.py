"""The outline of a document and the enumerations inside its paragraphs, with the numbering faults of both.

Two kinds of enumerator are recognised:

* **Headings** open a block: ``一、`` ``（一）`` ``1.``/``1．``/``1、`` ``（1）`` ``1）`` ``①`` (GB/T 9704-2012 and
  common practice; ASCII and full-width brackets alike) and ``第一编/章/节/条/部分``. They form a tree by the
  document's own usage, not by a fixed table: a kind already open on the path from the root is a sibling of
  that heading, any other kind is a child of the innermost open heading, so ``1.`` directly under ``一、`` is
  simply that document's second level. Decimal numbers and dates (``1.5亿元``, ``1.1``), numbers listed
  together (``一、二季度``) and numbered references (``① 作者：《书名》，第2卷，第3页。``) are not headings.
* **Inline enumerators** stand at a clause boundary (the start of the block or after ``。；：，！？``):
  ``一是`` ``其一`` ``第一，`` ``首先/其次/再次/最后`` ``一方面/另一方面``. ``统一是`` ``唯一是`` ``第一次``
  are not enumerators. A sequence runs inside one paragraph and on into the next paragraphs of its section (a
  heading at the section's level or above ends it, a deeper list does not): ``一是`` starts a new sequence, a
  higher number continues the latest one nearby, or an earlier one that it follows on exactly.

Numbered items form **groups** (the children of one heading, or one inline sequence), and each group is checked
once here, so that every rule reads the same verdicts: a skipped, duplicated or out-of-order number, a group
that starts above one without continuing an earlier group (articles ``第N条`` run on across chapters), and a
heading numbered in another style than the rest of its level. The figures rules use :meth:`Outline.at` to
know that ``一是`` or ``（三）`` is an enumerator, not a quantity.

The modules, in the order the analysis runs: :mod:`.numerals` (numeral systems), :mod:`.enumerators` (the
:class:`Enumerator` record), :mod:`.markers` (heading markers and part breaks), :mod:`.inline` (inline
enumerators), :mod:`.model` (what the analysis finds), :mod:`.tree` (the headings' tree and sibling groups),
:mod:`.sequences` (inline sequences), :mod:`.faults` (numbering faults), :mod:`.announcements` (announced
counts) and :mod:`.build` (:func:`outline`, which puts them together). The names below are the public ones.
"""

from reportlint.analysis.outline.build import outline
from reportlint.analysis.outline.enumerators import ADVERB, ASPECT, Enumerator
from reportlint.analysis.outline.inline import inline_enumerators
from reportlint.analysis.outline.markers import heading_marker
from reportlint.analysis.outline.model import (
    DUPLICATED,
    ORDER,
    SKIPPED,
    STYLE,
    Announcement,
    Fault,
    Group,
    Heading,
    Outline,
)
from reportlint.analysis.outline.numerals import han_number, han_numeral

__all__ = [
    "ADVERB",
    "ASPECT",
    "DUPLICATED",
    "ORDER",
    "SKIPPED",
    "STYLE",
    "Announcement",
    "Enumerator",
    "Fault",
    "Group",
    "Heading",
    "Outline",
    "han_number",
    "han_numeral",
    "heading_marker",
    "inline_enumerators",
    "outline",
]
