"""PUN010 missing-final-mark: A paragraph of running text that ends without a final mark."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.outline import outline
from reportlint.analysis.outline.markers import indent_end
from reportlint.analysis.pairs import BlockPairs, pairs
from reportlint.analysis.spans import verbatim
from reportlint.document import OPAQUE, Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import PROSE_KINDS

#: What may trail a paragraph unseen: whitespace and zero-width characters left by web pages.
_INVISIBLE_TAIL = " \t\n\r\u00a0\u2028\u3000\u200b\ufeff"


#: Closing marks that may follow a sentence's final mark (``……。”``).
_CLOSERS = "”’」』）)》〉】"


class MissingFinalMark(Rule):
    """查找结尾没有句末点号的正文段落：``……推动4家企业升规纳统``，或以逗号结尾的段
    落。

    为什么要查：每句话都以点号结束（GB/T 15834-2011）；没有点号就结束的段落，往
    往是修改时删节了或没写完。

    只检查至少有一个完整句子（前面有``。``、``？``或``！``）的段落的最后一句，并
    且这一句须有分句（有``，``或``；``）或长达八个字以上。因此不报：题目和标题
    （``（一）加强党的建设``、Markdown 标题），引语和称呼（``市委：``、
    ``同志们：``），落款（``青川经济开发区党工委``），日期（``2024年12月20日``），
    附件列表（``附件：1.…``），表格单元格；段首小标题之后的名单或标签
    （``（一）优化审批。牵头单位：区发改委、区财政局``）；空格之后接上的一行（用
    空格对齐的落款、图片说明）；句末点号之后的括号注释（``……。（区发改委牵头）``）；
    以及以``。？！…；：``或``——``结尾的（也包括在后引号、后括号之前的，如
    ``……。”``）。

    以逗号结尾、下一段以序号开头的段落（``主要原因，`` / ``一是……``），是引出下文的
    话，建议改为冒号。

    忽略方法：补上句末点号；``ignore = ["PUN010"]``关闭此规则。
    """

    code = "PUN010"
    name = "missing-final-mark"
    severity = Severity.WARNING
    summary = "正文段落末尾没有句末点号"
    flags = (
        Case("全年完成工业总产值120亿元，推动4家企业升规纳统。全年新增市场主体1200户，带动就业3000余⟦人⟧", fix="人。"),
    )
    passes = ("（一）加强党的建设\n同志们：\n青川经济开发区党工委\n2024年12月20日\n",)

    _FINAL = frozenset("。？！…；：!?;:—")
    _SENTENCE_FINAL = frozenset("。？！!?")
    _CLAUSE = lazy_regex(r"[，；,;]")
    #: In a last "sentence" without clauses, these mark a label (``牵头单位：``), a list of names or a glued line.
    _NOT_A_SENTENCE = lazy_regex(r"[、：:\s]")
    _COMMAS = frozenset("，,、")

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        shields = document.analysis(verbatim)
        for block in document.blocks:
            if block.kind not in PROSE_KINDS:
                continue
            text = block.text
            end = len(text.rstrip(_INVISIBLE_TAIL))
            last = self._unfinished(text, end, found[block.index])
            if last is None or text[last] == OPAQUE or shields[block.index].covers(last):
                continue
            if not self._is_sentence(text, last):
                continue
            if text[end - 1] in self._COMMAS:
                mark = "：" if self._introduces_items(document, block.index) else "。"
                yield Hit(
                    block,
                    end - 1,
                    end,
                    f"段末误用“{text[end - 1]}”：请改为{'冒号' if mark == '：' else '句末点号'}“{mark}”",
                    replacement=mark,
                    safe_fix=False,
                )
            else:
                yield Hit(
                    block, end - 1, end, "段末缺少句末点号：请补上“。”（或“？”“！”）", replacement=text[end - 1] + "。"
                )

    @staticmethod
    def _introduces_items(document: Document, index: int) -> bool:
        """Whether the next paragraph opens with an enumerator (``一是……``): the one before leads in to it."""
        if index + 1 >= len(document.blocks):
            return False
        following = document.blocks[index + 1]
        items = document.analysis(outline).enumerators(following)
        return bool(items) and items[0].start == indent_end(following.text)

    def _unfinished(self, text: str, end: int, found: BlockPairs) -> int | None:
        """Offset of the last character of the paragraph's unfinished last sentence, or None if it ends well.
        A note in brackets after the final mark (``……。（下同）``) is stepped over."""
        openers: dict[int, int] | None = None  # closing bracket -> its opener, for the few blocks that need it
        position = end - 1
        while position >= 0:
            char = text[position]
            if char in self._FINAL:
                return None
            if char not in _CLOSERS:
                return position
            if position > 0 and text[position - 1] in self._FINAL:
                return None  # ……。”
            if char in "）)】" and openers is None:
                openers = {closer.offset: opener.offset for opener, closer in found.pairs}
            if char not in "）)】" or openers is None or position not in openers:
                return position  # ……落实“首问负责”
            position = openers[position] - 1
            while position >= 0 and text[position].isspace():
                position -= 1
        return None  # the whole paragraph is a note in brackets

    def _is_sentence(self, text: str, last: int) -> bool:
        """Whether the text after the paragraph's last complete sentence up to ``last`` is an unfinished
        sentence, rather than a label, a list of names or a line glued on after a space."""
        start = last
        while start > 0 and text[start - 1] not in self._SENTENCE_FINAL:
            start -= 1
        if start == 0:
            return False  # no complete sentence before: a title, heading, signature or date
        while start <= last and text[start] in _CLOSERS:
            start += 1
        tail = text[start : last + 1]
        if not tail or tail[0].isspace():
            return False
        if self._CLAUSE.search(tail):
            return True
        return len(tail) >= 8 and not self._NOT_A_SENTENCE.search(tail)
