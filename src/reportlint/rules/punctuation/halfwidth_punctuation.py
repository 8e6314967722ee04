"""PUN001 halfwidth-punctuation: A half-width , ; : ? ! in Chinese text (use ， ； ： ？ ！)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.chars import CHINESE_TEXT, LATIN_OR_DIGIT, char_at, is_
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.spans import prose_matches
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import TO_FULL_WIDTH


class HalfwidthPunctuation(Rule):
    """查找中文里的半角逗号、分号、冒号、问号和叹号：把``，`` ``；`` ``：`` ``？``
    ``！``写成了``,`` ``;`` ``:`` ``?`` ``!``。

    为什么要查：GB/T 15834-2011 规定中文使用全角标点。输入法处于英文状态时打出的
    半角标点比旁边的字窄，在印出的报告中一眼就能看出。

    紧挨着汉字或全角标点、或与后面的汉字之间只隔着空格时（``增长15%, 全年``→
    ``增长15%，全年``，空格也一并删去），才算中文里的标点。不报的情形：数字
    （``1,234``、``10:30``、``3:2``）、拉丁文字（``Hello, world``）、网址和电子
    邮件地址、Markdown 代码。

    忽略方法：输入全角标点；``ignore = ["PUN001"]``关闭此规则。
    """

    code = "PUN001"
    name = "halfwidth-punctuation"
    severity = Severity.ERROR
    summary = "中文里用了半角的 , ; : ? !（应为 ， ； ： ？ ！）"
    flags = (Case("园区全年新签约项目36个⟦,⟧总投资52亿元。", fix="，"),)
    passes = ("总投资1,234万元，会议10:30召开，比分3:2，Hello, world。",)

    _MARKS = lazy_regex(r"[,;:?!]+")
    _SPACES = lazy_regex(r"[ \t\u00a0]*")

    def check(self, document: Document) -> Iterator[Hit]:
        for block, match in prose_matches(document, self._MARKS, ",;:?!"):
            text, (start, end) = block.text, match.span()
            before, after = char_at(text, start - 1), char_at(text, end)
            spaced = self._SPACES.match(text, end).end()  # type: ignore[union-attr]  # matches the empty string
            next_word = char_at(text, spaced)
            if spaced > end and is_(CHINESE_TEXT, next_word) and not is_(LATIN_OR_DIGIT, before):
                end = spaced  # the spaces after the mark go with it
            elif not (is_(CHINESE_TEXT, before) or is_(CHINESE_TEXT, after)):
                continue
            marks = match.group()
            full = marks.translate(TO_FULL_WIDTH)
            yield Hit(block, start, end, f"中文行文中误用半角标点“{marks}”：请改为“{full}”", replacement=full)
