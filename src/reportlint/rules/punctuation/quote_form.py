"""PUN012 quote-form: ASCII quotes ("…") or look-alike quote marks (‚…‛, 〝…〞) around Chinese text."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.analysis.chars import HAN, LATIN_OR_DIGIT, char_at, is_
from reportlint.analysis.spans import prose_matches
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule

#: Marks that are never right in Chinese text, by quote family (double, single).
_LOOK_ALIKE_DOUBLE = "„‟〝〞〟″"
_LOOK_ALIKE_SINGLE = "‚‛′"
#: Every mark of each family, the proper ones too: they tell which look-alike opens and which closes.
_DOUBLE = "“”" + _LOOK_ALIKE_DOUBLE
_SINGLE = "‘’" + _LOOK_ALIKE_SINGLE
#: The longest quotation searched for the partner of an ASCII mark.
_LONGEST = 80


class QuoteForm(Rule):
    """查找中文文字两边的半角引号（``"一老一小"`` → ``“一老一小”``）和形近的引号
    （``‚安全第一‛``、``“双减〞``、``〝三农〞``），应使用中文引号。

    为什么要查：GB/T 15834-2011 规定中文用“ ”和‘ ’。英文输入状态下打出的直引号，
    或从其他字体粘贴来的低位、反向、双撇号式引号，在印出的报告中一眼可见。

    哪个是前引号、哪个是后引号，按段落中引号的先后判断（两边的中文引号可据以确定）；
    中文引号内的半角引号改为‘ ’。半角引号只在成对出现于同一段落、且中间有汉字时才报：
    拉丁文中的引号（``"Hello"``）、英寸（``3"``）、撇号、落单的引号和连续的引号
    （``'''``：维基标记）不报，网址和 Markdown 代码也不报。

    忽略方法：改用中文引号；``ignore = ["PUN012"]``关闭此规则。
    """

    code = "PUN012"
    name = "quote-form"
    severity = Severity.WARNING
    summary = '中文文字两边用了半角引号（"…"）或形近引号（‚…‛、〝…〞），应为“…”‘…’'
    flags = (
        Case('健全⟦"⟧一老一小⟦"⟧服务体系。', fix=("“", "”")),
        Case("落实⟦‚⟧安全第一⟦‛⟧方针，推进“双减⟦〞⟧工作。", fix=("‘", "’", "”")),
    )
    passes = (
        '输出"Hello, world"，屏幕尺寸15.6"，Tom\'s book。',
        "推进“双减”工作，落实‘安全第一’方针。",
        '只有一个"引号。',
        "'''——改革开放进一步深化。'''",
    )

    _MARKS = regex.compile(f"[{regex.escape(_DOUBLE + _SINGLE)}\"']")

    def check(self, document: Document) -> Iterator[Hit]:
        current = None
        open_double = open_single = False
        seen: dict[str, int] = {}
        for block, match in prose_matches(document, self._MARKS, "\"'" + _LOOK_ALIKE_DOUBLE + _LOOK_ALIKE_SINGLE):
            if block is not current:
                current, open_double, open_single, seen = block, False, False, {}
            text, start, mark = block.text, match.start(), match.group()
            if mark in "\"'":
                # ASCII marks pair among themselves; inside a Chinese quotation they stand for the inner marks.
                opening = not seen.get(mark, 0) % 2
                seen[mark] = seen.get(mark, 0) + 1
                doubled = char_at(text, start - 1) == mark or char_at(text, start + 1) == mark  # ''bold'' of a wiki
                if doubled or not self._quotes_chinese(text, start, mark, opening):
                    continue
                inner = mark == "'" or open_double
                proper = ("‘" if opening else "’") if inner else ("“" if opening else "”")
                message = f"中文引号误用半角引号“{mark}”：请改为“{proper}”"
                yield Hit(block, start, start + 1, message, replacement=proper)
                continue
            double = mark in _DOUBLE
            if mark in "“‘":
                opening = True
            elif mark in "”’":
                opening = False
            else:
                opening = not (open_double if double else open_single)
            if double:
                open_double = opening
            else:
                open_single = opening
            if mark not in "“”‘’":
                proper = ("“" if opening else "”") if double else ("‘" if opening else "’")
                yield Hit(block, start, start + 1, f"引号形式不规范“{mark}”：请改为“{proper}”", replacement=proper)

    @staticmethod
    def _quotes_chinese(text: str, at: int, mark: str, opening: bool) -> bool:
        """Whether the ASCII ``mark`` at ``at`` and its partner enclose Chinese text, with no Latin letter or
        digit hugging the outside of the pair (``Tom's``, ``15.6"``)."""
        if opening:
            close = text.find(mark, at + 1, at + 1 + _LONGEST)
            start, end = at, close
        else:
            start, end = text.rfind(mark, max(0, at - _LONGEST), at), at
        if start < 0 or end < 0 or "\n" in text[start:end]:
            return False
        inside = text[start + 1 : end]
        if not inside or not HAN.search(inside):
            return False
        return not (is_(LATIN_OR_DIGIT, char_at(text, start - 1)) or is_(LATIN_OR_DIGIT, char_at(text, end + 1)))
