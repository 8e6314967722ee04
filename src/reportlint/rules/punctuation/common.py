"""Helpers shared by several rules of this family."""

from __future__ import annotations

TO_FULL_WIDTH = str.maketrans(",;:?!()~", "，；：？！（）～")


#: Blocks of running text; headings and table cells are not sentences.
PROSE_KINDS = frozenset({"paragraph", "list-item"})
