"""Outline and enumerator rules (SEC): numbers skipped, duplicated or out of order, a level numbered in two
styles, the point after an ordinal, a count that disagrees with its list, and 一方面 without its other side.

The judgments on numbering are made once, in :mod:`reportlint.analysis.outline`; these rules report them.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.outline import (
    ASPECT,
    DUPLICATED,
    ORDER,
    SKIPPED,
    STYLE,
    Enumerator,
    Fault,
    outline,
)
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Anchor, Hit, Rule


def _shown(item: Enumerator) -> str:
    """An enumerator as quoted in a message: ``（七）``, ``五是``, ``3.``, ``第二，`` without its comma."""
    return item.text.rstrip("，,")


def _anchor(document: Document, item: Enumerator | None, message: str) -> tuple[Anchor, ...]:
    if item is None:
        return ()
    return (Anchor(document.path, item.block, item.start, item.end, message),)


class _FaultRule(Rule):
    fault_kind: str

    def check(self, document: Document) -> Iterator[Hit]:
        for fault in document.analysis(outline).faults:
            if fault.kind == self.fault_kind:
                item = fault.item
                yield Hit(
                    item.block,
                    item.start,
                    item.end,
                    self.message(fault),
                    replacement=fault.replacement,
                    safe_fix=False,
                    related=_anchor(document, fault.previous, self.related_message),
                )

    def message(self, fault: Fault) -> str:
        raise NotImplementedError

    related_message = "前一个序号"


class SkippedNumber(_FaultRule):
    """Finds a number skipped in a run of headings or enumerators: ``（七）`` followed by ``（九）``, ``三是``
    followed by ``五是``, ``2.`` followed by ``4.``.

    Why: drafts are assembled from last year's text and from several writers; a paragraph is cut and the
    numbers after it are not renumbered. Readers notice at once, and it makes them wonder what was dropped.

    Example::

        （七）优化营商环境，服务企业更加精准。……
        （九）守牢安全底线，应急能力持续增强。……      ← 缺“（八）”

    Each level is numbered on its own: a new ``一、`` restarts its ``（一）`` children, and ``一是`` starts a new
    run in every paragraph. Articles (``第N条``) and other numbering that runs on across sections are
    followed across them. The fix suggests the missing number; renumber the rest of the run if needed.

    Silence it: correct the numbering (a deliberate gap: ``<!-- reportlint-disable-next-line SEC001 -->`` in
    Markdown, a baseline elsewhere); ``ignore = ["SEC001"]`` turns the rule off.
    """

    code = "SEC001"
    name = "skipped-number"
    severity = Severity.ERROR
    summary = "A number skipped in a run of headings or enumerators (（七）→（九）, 三是→五是)"
    fault_kind = SKIPPED

    def message(self, fault: Fault) -> str:
        missing = "".join(f"“{text}”" for text in fault.missing)
        jump = f"序号从“{_shown(fault.previous)}”跳到“{_shown(fault.item)}”"
        return f"{jump}，缺{missing}：请补齐或改为“{fault.replacement}”"


class DuplicatedNumber(_FaultRule):
    """Finds a number used twice in a row: two ``五是`` in one paragraph, two ``（二）`` under one heading.

    Why: when a draft merges two texts, or an item is added by copying the one before it, its number is copied
    too. The reader cannot refer to "the second item" any more.

    Example::

        ……四是深化作风建设。五是抓好干部培训。五是推进基层党组织标准化建设。
                                                ^^^^ 应为“六是”

    The fix suggests the next number; the numbers after it may need to move on as well. Lists that restart
    at one (``一是`` in every paragraph, several ``1.`` lists under one heading) are not duplicates.

    Silence it: renumber; ``ignore = ["SEC002"]`` turns the rule off.
    """

    code = "SEC002"
    name = "duplicated-number"
    severity = Severity.ERROR
    summary = "The same number twice in a row (两个“五是”, 两个“（二）”)"
    fault_kind = DUPLICATED
    related_message = "此序号第一次出现处"

    def message(self, fault: Fault) -> str:
        return f"序号“{_shown(fault.item)}”重复：此处应为“{fault.replacement}”"


class NumberOutOfOrder(_FaultRule):
    """Finds numbers out of order: a run that goes back (``（三）`` then ``（二）``), two numbers swapped, or a
    run that starts above one (the first sub-heading under a heading is ``（二）``; a paragraph's first
    enumerator is ``二是``).

    Why: an item moved during editing keeps its old number; a first item deleted leaves the run starting at
    two. Either way the reader is left looking for the missing or misplaced item.

    Example::

        二、存在的不足
        （二）招商引资后劲不足。      ← 本级第一个序号应为“（一）”

    Numbering that runs on from the previous section (``第N条`` across chapters, ``1.…5.`` continued as
    ``6.`` under the next heading) and a run begun in words (``首先……第二，……``) are not flagged.

    Silence it: renumber; ``ignore = ["SEC003"]`` turns the rule off.
    """

    code = "SEC003"
    name = "number-out-of-order"
    severity = Severity.WARNING
    summary = "Numbers out of order, or a run that does not start at one"
    fault_kind = ORDER

    def message(self, fault: Fault) -> str:
        if fault.previous is None:
            return f"“{_shown(fault.item)}”是这一组的第一个序号，应从“{fault.replacement}”开始"
        return f"序号“{_shown(fault.item)}”排在“{_shown(fault.previous)}”之后，顺序有误：此处应为“{fault.replacement}”"


class InconsistentNumberStyle(_FaultRule):
    """Finds headings numbered in another style than the rest of their level: the document numbers the
    sub-headings of its parts ``（一）（二）…`` and one part ``（1）（2）…``; or one ``（3）`` among
    ``（二）`` and ``（四）``.

    Why: GB/T 9704-2012 orders the levels ``一、`` → ``（一）`` → ``1.`` → ``（1）``; a part written by another
    hand or pasted from another draft breaks the hierarchy, and the reader takes ``（1）`` for a lower level.

    Example::

        二、存在的不足
        （一）项目储备不够充足。
        三、明年工作打算
        （1）抓好项目建设，确保重点项目按期投产。   ← 同级用“（一）”，应为“（一）”

    Levels come from the document's own usage, not from a fixed table: a document that puts ``1.`` directly
    under ``一、`` throughout is fine, and so is a part with an extra level (``（一）`` whose children are the
    ``1.`` used elsewhere). The finding needs two parts that agree against the odd one.

    Silence it: renumber in the level's style; ``ignore = ["SEC004"]`` turns the rule off.
    """

    code = "SEC004"
    name = "inconsistent-number-style"
    severity = Severity.WARNING
    summary = "A heading numbered in another style than the rest of its level (（1） where the level uses （一）)"
    fault_kind = STYLE
    related_message = "同级序号的写法"

    def message(self, fault: Fault) -> str:
        return f"同级序号用“{_shown(fault.previous)}”式，此处用“{_shown(fault.item)}”：应为“{fault.replacement}”"


class OrdinalPunctuation(Rule):
    """Finds the wrong point after an ordinal (GB/T 15834-2011): ``一.`` for ``一、``; a point after a
    bracketed or circled number (``（一）、``, ``（1）.``, ``①、``) or after ``第一章``; ``第一、`` for
    ``第一，``; and, as a style point (info), ``1、`` for ``1.``.

    Why: the standard puts ``、`` after a bare Chinese numeral, ``.`` after a bare Arabic numeral, ``，`` after
    ``第一``/``其一``, and nothing after a bracketed or circled one. ``1、`` is widespread in drafts, though the
    published reports write ``1.``/``1．``, so it is only a style point.

    Example::

        （一）、强化理论学习，提高政治站位。
              ^ 删去“、”

    Silence it: apply the fix; ``[severity] SEC005 = "warning"`` gives every finding of the rule that severity,
    ``1、`` included; ``ignore = ["SEC005"]`` turns the rule off.
    """

    code = "SEC005"
    name = "ordinal-punctuation"
    severity = Severity.WARNING
    summary = "The wrong point after an ordinal (一. （一）、 （1）. 第一、; 1、 as info)"

    def check(self, document: Document) -> Iterator[Hit]:
        analysis = document.analysis(outline)
        for block in document.blocks:
            for item in analysis.enumerators(block):
                if item.punct:
                    hit = self._judge(item)
                    if hit is not None:
                        yield hit

    def _judge(self, item: Enumerator) -> Hit | None:
        punct, kind = item.punct, item.kind
        start = item.end - len(punct)
        if kind == "一、" and punct != "、":
            return Hit(item.block, start, item.end, f"“{item.text}”应作“{item.numeral}、”", replacement="、")
        if kind in ("（一）", "（1）", "①") or (item.heading and kind.startswith("第一")):
            return Hit(item.block, start, item.end, f"序号“{item.text[:-1]}”后不加点号：删去“{punct}”", replacement="")
        if kind == "第一，" and punct == "、":
            ordinal = item.text[:-1]
            return Hit(item.block, start, item.end, f"“{ordinal}”后应用逗号：“{ordinal}，”", replacement="，")
        if kind == "1." and punct == "、":
            return Hit(
                item.block,
                start,
                item.end,
                f"阿拉伯数字序号后宜用下脚点：“{item.numeral}.”",
                replacement=".",
                severity=Severity.INFO,
            )
        return None


class AnnouncedCountMismatch(Rule):
    """Finds a count announced before a list that disagrees with the items that follow: ``抓好以下三个方面：
    一是……二是……三是……四是……``; ``今年重点做好五项工作：`` followed by ``（一）`` to ``（六）``.

    Why: the count is written first and the list grows or shrinks while the draft is revised; the reader is
    told three and counts four.

    Example::

        重点抓好以下三个方面：一是……；二是……；三是……；四是……。
                    ^^^^^^^^ 其后列出4项

    Only a single count in the clause that ends with the colon right before the list is compared, and a list
    whose numbering is broken is compared with both its length and its last number. More items than announced
    is a warning; fewer is only a style point (info), since the remaining ones are sometimes listed in other
    words (``四种类型：一是……二是……。另有两类：一类是……另一类是……``).

    Silence it: correct the count or the list; ``ignore = ["SEC006"]`` turns the rule off.
    """

    code = "SEC006"
    name = "announced-count-mismatch"
    severity = Severity.WARNING
    summary = "A count announced before a list that disagrees with its items (以下三个方面：一是…四是)"

    def check(self, document: Document) -> Iterator[Hit]:
        for announcement in document.analysis(outline).announcements:
            items = announcement.group.items
            if announcement.count in (len(items), items[-1].number):
                continue
            words = announcement.block.text[announcement.start : announcement.end]
            first, last = _shown(items[0]), _shown(items[-1])
            yield Hit(
                announcement.block,
                announcement.start,
                announcement.end,
                f"“{words}”与其后列出的{len(items)}项（“{first}”至“{last}”）不符：请核对",
                related=_anchor(document, items[-1], "列出的最后一项"),
                severity=Severity.INFO if len(items) < announcement.count else None,
            )


class UnpairedAspect(Rule):
    """Finds ``一方面`` with no ``另一方面`` (or a second ``一方面``, ``又一方面``) in the same or the next few
    paragraphs.

    Why: ``一方面`` promises a second side; when the draft is cut, the second side often goes and the sentence
    is left lopsided.

    Example::

        园区一方面加快存量企业技术改造，推动产业提档升级。
            ^^^^^^ 后文没有“另一方面”

    ``这一方面``, ``积极的一方面``, ``只是一方面`` are not the connective and are left alone. Info only: the other
    side is sometimes introduced by ``同时`` on purpose.

    Silence it: add the other side or drop ``一方面``; ``ignore = ["SEC007"]`` turns the rule off.
    """

    code = "SEC007"
    name = "unpaired-aspect"
    severity = Severity.INFO
    summary = "一方面 without 另一方面"

    def check(self, document: Document) -> Iterator[Hit]:
        for group in document.analysis(outline).groups:
            if group.kind == ASPECT and len(group.items) == 1 and group.items[0].number == 1:
                item = group.items[0]
                yield Hit(item.block, item.start, item.end, "有“一方面”而无“另一方面”：请补全另一方面或改写")


RULES = (
    SkippedNumber,
    DuplicatedNumber,
    NumberOutOfOrder,
    InconsistentNumberStyle,
    OrdinalPunctuation,
    AnnouncedCountMismatch,
    UnpairedAspect,
)
