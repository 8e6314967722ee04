"""Placeholder rules (PH): figures and names left unfilled in a draft built from a template.

Template markers (【待填】, TODO …) are PH003, a data-driven rule in ``rules/placeholders.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.placeholders import FIGURE, NAME, placeholders
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Hit, Rule


class _PlaceholderRule(Rule):
    kind: str
    template: str

    def check(self, document: Document) -> Iterator[Hit]:
        for found in document.analysis(placeholders):
            if found.kind == self.kind:
                text = found.block.text[found.start : found.end]
                yield Hit(found.block, found.start, found.end, self.template.format(text=text))


class FigurePlaceholder(_PlaceholderRule):
    """Finds a figure that was never filled in: ``xx亿元``, ``增长*%``, ``XX个``, ``完成*。``, ``第xx届``,
    ``X月X日``.

    Why: a draft is built from last year's text or a template, with ``x`` or ``*`` where this year's figure
    goes. One left in a signed report is an embarrassment that every reader sees.

    Example::

        全年完成固定资产投资xx亿元，增长*%。
                            ^^           ^

    A run of marks (``xxxx``) is one finding covering exactly the run. Look-alikes are left alone: Latin
    words and codes (``IPO``, ``x86``), ``X光``/``X射线``, arithmetic (``3×4``, ``5*3``, ``280毫米×135毫米``),
    ``○`` as zero in ``二○二三年``, bullets, and Markdown emphasis.

    Silence it: fill in the figure. For a word that really is written with X, add it to ``allow`` in the
    config (``allow = ["X战警"]``); to switch the rule off, ``ignore = ["PH001"]``.
    """

    code = "PH001"
    name = "figure-placeholder"
    severity = Severity.ERROR
    summary = "A figure left unfilled (xx亿元, 增长*%, 第X届)"
    kind = FIGURE
    template = "未填写的数字占位符“{text}”：请填入实际数字"


class NamePlaceholder(_PlaceholderRule):
    """Finds a name that was never filled in or was anonymised: ``xx公司``, ``**党工委``, ``X区委``,
    ``某某同志``, ``○○``, ``□□``.

    Why: templates and last year's drafts carry ``xx`` where the unit, project or person goes; a shared
    draft may have been anonymised. Either way the signed text needs the real name.

    Example::

        在市委正确领导下，xx党工委坚持以习近平新时代中国特色社会主义思想为指导
                          ^^

    Default severity is warning (an anonymised draft may be intended); make it an error with
    ``[severity] PH002 = "error"``. ``某些``, ``某种``, ``某个``, ``某一`` are words, not placeholders, and
    are never flagged.

    Silence it: write the name; for a legitimate word add it to ``allow``; ``ignore = ["PH002"]`` turns the
    rule off (e.g. for deliberately anonymised samples).
    """

    code = "PH002"
    name = "name-placeholder"
    severity = Severity.WARNING
    summary = "A name left unfilled or anonymised (xx公司, **党工委, X区委, 某某)"
    kind = NAME
    template = "未填写的名称占位符“{text}”：请填入实际名称"


RULES = (FigurePlaceholder, NamePlaceholder)
