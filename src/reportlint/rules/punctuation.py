"""Punctuation and spacing rules (PUN), after GB/T 15834-2011 (punctuation) and GB/T 15835-2011 (numbers).

Every rule skips what is not Chinese prose: URLs, e-mail addresses and character references written out in
the text (``analysis/spans.py``), Markdown code (already one ``OPAQUE`` character), numbers (``1,234``,
``10:30``) and Latin text (``Hello, world``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from reportlint.analysis.chars import CHINESE_TEXT, HAN, LATIN_LETTER, LATIN_OR_DIGIT, char_at, is_
from reportlint.analysis.fulltext import full_text
from reportlint.analysis.pairs import BlockPairs, Mark, pairs
from reportlint.analysis.spans import verbatim
from reportlint.document import OPAQUE, Block, Document
from reportlint.findings import Severity
from reportlint.rule import Hit, Rule

_TO_FULL_WIDTH = str.maketrans(",;:?!()~", "，；：？！（）～")
#: Blocks of running text; headings and table cells are not sentences.
_PROSE_KINDS = frozenset({"paragraph", "list-item"})
#: What may trail a paragraph unseen: whitespace and zero-width characters left by web pages.
_INVISIBLE_TAIL = " \t\n\r\u00a0\u2028\u3000\u200b\ufeff"
#: Closing marks that may follow a sentence's final mark (``……。”``).
_CLOSERS = "”’」』）)》〉】"


def _runs_of_text(block: Block) -> bool:
    """Whether ``block`` is running text: a paragraph or list item with at least one clause or sentence mark.
    Titles, headings, signatures, dates and names padded with spaces (``李　强``) have none."""
    return block.kind in _PROSE_KINDS and any(mark in block.text for mark in "，。；！？")


class HalfwidthPunctuation(Rule):
    """Finds a half-width comma, semicolon, colon, question or exclamation mark in Chinese text:
    ``,`` ``;`` ``:`` ``?`` ``!`` written for ``，`` ``；`` ``：`` ``？`` ``！``.

    Why: GB/T 15834-2011 sets Chinese text with full-width marks. A half-width mark, typed with the input
    method in English mode, is narrower than its neighbours and shows at once in the printed report.

    Example::

        园区全年新签约项目36个,总投资52亿元。
                              ^ → ，

    A mark counts as Chinese when a Chinese character or full-width mark stands right beside it, or when
    only spaces separate it from a Chinese character that follows (``增长15%, 全年`` → ``增长15%，全年``; the
    spaces go too). Left alone: numbers (``1,234``, ``10:30``, ``3:2``), Latin text (``Hello, world``),
    URLs and e-mail addresses, and Markdown code.

    Silence it: type the full-width mark; ``ignore = ["PUN001"]`` turns the rule off.
    """

    code = "PUN001"
    name = "halfwidth-punctuation"
    severity = Severity.ERROR
    summary = "A half-width , ; : ? ! in Chinese text (use ， ； ： ？ ！)"

    _MARKS = regex.compile(r"[,;:?!]+")
    _SPACES = regex.compile(r"[ \t\u00a0]*")

    def check(self, document: Document) -> Iterator[Hit]:
        shields = document.analysis(verbatim)
        for block in document.analysis(full_text).holding(",;:?!"):
            text = block.text
            shield = shields[block.index]
            for match in self._MARKS.finditer(text):
                start, end = match.span()
                if shield and shield.covers(start):
                    continue
                before, after = char_at(text, start - 1), char_at(text, end)
                spaced = self._SPACES.match(text, end).end()
                next_word = char_at(text, spaced)
                if spaced > end and is_(CHINESE_TEXT, next_word) and not is_(LATIN_OR_DIGIT, before):
                    end = spaced  # the spaces after the mark go with it
                elif not (is_(CHINESE_TEXT, before) or is_(CHINESE_TEXT, after)):
                    continue
                marks = match.group()
                full = marks.translate(_TO_FULL_WIDTH)
                yield Hit(block, start, end, f"中文行文中误用半角标点“{marks}”：请改为“{full}”", replacement=full)


class HalfwidthParentheses(Rule):
    """Finds half-width parentheses ``( )`` around or beside Chinese text: ``镇(街道)``, ``(2024-2026年)``,
    ``国内生产总值(GDP)``, the enumerator ``(1)`` before Chinese text, and a pair mixing the widths
    (``（1)``).

    Why: GB/T 15834-2011 uses full-width parentheses ``（ ）`` in Chinese text; half-width ones sit too close
    to the characters and look like a typing slip. The outline standard GB/T 9704-2012 writes enumerators
    ``（1）``.

    Example::

        各镇(街道)、各部门要压实主体责任
            ^    ^ → （街道）

    Left alone: parentheses in Latin text and formulas (``f(x)``, ``IPv4(legacy)``), parentheses without a
    partner (``1)`` as an enumerator), URLs and Markdown code.

    Silence it: type full-width parentheses; ``ignore = ["PUN002"]`` turns the rule off.
    """

    code = "PUN002"
    name = "halfwidth-parentheses"
    severity = Severity.WARNING
    summary = "Half-width ( ) around or beside Chinese text (use （ ）)"

    def check(self, document: Document) -> Iterator[Hit]:
        for block, found in zip(document.blocks, document.analysis(pairs), strict=True):
            text = block.text
            for opener, closer in found.pairs:
                if opener.kind != "paren" or (opener.char == "（" and closer.char == "）"):
                    continue
                if not self._in_chinese(text, opener.offset, closer.offset):
                    continue
                for mark in (opener, closer):
                    if mark.char in "()":
                        full = mark.char.translate(_TO_FULL_WIDTH)
                        yield Hit(
                            block,
                            mark.offset,
                            mark.offset + 1,
                            f"中文行文中误用半角括号“{mark.char}”：请改为“{full}”",
                            replacement=full,
                        )

    @staticmethod
    def _in_chinese(text: str, open_at: int, close_at: int) -> bool:
        if text[open_at] != "(" or text[close_at] != ")":
            return True  # one of the pair is full-width already
        if HAN.search(text, open_at + 1, close_at):
            return True
        before = char_at(text, open_at - 1)
        if is_(LATIN_OR_DIGIT, before):
            return False  # f(x), IPv4(legacy), 3(2)
        return is_(CHINESE_TEXT, before) or is_(CHINESE_TEXT, char_at(text, close_at + 1))


class DoubledPunctuation(Rule):
    """Finds two punctuation marks written where one belongs: ``，。``, ``，，``, ``。。``, ``、、``, ``；。``,
    ``？。``.

    Why: a leftover of editing (a clause deleted, a sentence joined); GB/T 15834-2011 puts one mark at
    each pause.

    Example::

        祝大家新春愉快、阖家幸福，。
                                ^^^^ → 。

    Not doubled: ``……`` and ``——`` (each is one mark of two characters); runs of ``？`` and ``！``
    (``？！``, ``！？``, ``？？``, ``！！！``), which GB/T 15834-2011 allows for a strong question or
    exclamation; three or more ``。`` (an ellipsis written wrongly, reported by PUN006). The fix keeps one
    mark: the mark itself when both are the same (a safe fix), otherwise the stronger one (``，。`` → ``。``),
    which you should check.

    Silence it: delete the extra mark; ``ignore = ["PUN003"]`` turns the rule off.
    """

    code = "PUN003"
    name = "doubled-punctuation"
    severity = Severity.ERROR
    summary = "Two punctuation marks in a row (，。 ，， 。。 、、)"

    #: Found in the whole text at once (no run spans a line break), with the stdlib's re, which is faster on a
    #: plain class (and on ``[…][…]+`` than on ``[…]{2,}``).
    _RUN = re.compile(r"[，、；：。？！][，、；：。？！]+")
    #: Strongest first: the mark a mixed run is reduced to (a question stays a question: ``吗？。`` → ``？``).
    _STRENGTH = "？！。；：，、"

    def check(self, document: Document) -> Iterator[Hit]:
        full = document.analysis(full_text)
        for match in self._RUN.finditer(full.text):
            run = match.group()
            marks = set(run)
            if marks <= {"？", "！"}:
                continue  # emphasis: ？！ ！？ ？？ ！！！
            if marks == {"。"} and len(run) >= 3:
                continue  # an ellipsis written with full stops: PUN006
            same = len(marks) == 1
            keep = run[0] if same else min(marks, key=self._STRENGTH.index)
            block, start = full.locate(match.start())
            yield Hit(
                block,
                start,
                start + len(run),
                f"标点“{run}”连用：只保留“{keep}”",
                replacement=keep,
                safe_fix=same,
            )


class UnbalancedPair(Rule):
    """Finds a quotation mark, book-title mark or bracket without its partner in the paragraph: an unclosed
    ``“``, a lone ``”``, ``《`` without ``》``, ``（`` without ``）``, ``【`` without ``】``, and single quotes
    ``‘ ’`` and inner title marks ``〈 〉`` likewise.

    Why: a missing closing mark leaves the reader unsure where a quotation or title ends; usually a word was
    quoted by mistake or the closing mark was deleted during editing.

    Example::

        持续深化“一网通办改革，提升政务服务效能。
                ^ 前引号没有对应的后引号：请补上后引号，或删去多余的前引号

    A quotation that runs over several paragraphs opens each of them with ``“`` and closes only in the last
    (GB/T 15834-2011, 4.1.3.3): an unclosed ``“`` is left alone when the next paragraph opens with ``“``
    that stays open or closes at that paragraph's end. A half-width parenthesis may partner a full-width one
    (PUN002 reports the width); an apostrophe (``China’s``) and a lone ``1）`` enumerating an item are not
    marks to pair.

    Silence it: add the missing mark or delete the stray one; ``ignore = ["PUN004"]`` turns the rule off.
    """

    code = "PUN004"
    name = "unbalanced-pair"
    severity = Severity.ERROR
    summary = "A quotation mark, book-title mark or bracket without its partner"

    _NAMES = {
        "quote": "引号",
        "single-quote": "单引号",
        "title": "书名号",
        "inner-title": "书名号",
        "paren": "括号",
        "bracket": "方头括号",
    }

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        for block in document.blocks:
            excused = self._continued_quotation(document, found, block.index)
            for mark in found[block.index].unmatched:
                if mark.char in "()" or mark == excused:
                    continue
                name = self._NAMES[mark.kind]
                this, other = ("前", "后") if mark.char in "“‘《〈（【" else ("后", "前")
                message = f"{this}{name}没有对应的{other}{name}：请补上{other}{name}，或删去多余的{this}{name}"
                yield Hit(block, mark.offset, mark.offset + 1, message)

    @staticmethod
    def _continued_quotation(document: Document, found: list[BlockPairs], index: int) -> Mark | None:
        """The unclosed ``“`` of block ``index`` that a quotation continued in the next paragraph opened."""
        open_quotes = [mark for mark in found[index].unmatched if mark.char == "“"]
        if not open_quotes or index + 1 >= len(document.blocks):
            return None
        following = document.blocks[index + 1]
        text = following.text
        start = len(text) - len(text.lstrip())
        if following.kind not in _PROSE_KINDS or char_at(text, start) != "“":
            return None
        following_pairs = found[index + 1]
        if any(mark.offset == start for mark in following_pairs.unmatched):
            return open_quotes[0]
        closing = next((closer for opener, closer in following_pairs.pairs if opener.offset == start), None)
        if closing is not None and not text[closing.offset + 1 :].strip():
            return open_quotes[0]
        return None


class RangeDash(Rule):
    """Finds a range written with a hyphen or an ASCII tilde: ``2021-2023年``, ``2021年-2023年``, ``3-5年``,
    ``3~5年``, ``10%~20%``.

    Why: GB/T 15834-2011 (4.13) joins the ends of a span of time with the one-em dash ``—``
    (``2021—2023年``, ``1—11月``) and the ends of a range of values with the wave dash ``～`` (``3～5年``,
    ``10%～20%``); the hyphen ``-`` joins the parts of codes and dates (``2021-03-05``).

    Example::

        实施园区三年提升计划（2024-2026年）
                              ^^^^^^^^^ → 2024—2026

    A hyphen counts only between two numbers that rise (the second is larger) and are followed by a unit
    (``年``, ``月``, ``个``, ``万元``, ``%`` …), between two years, or between two dates written with
    ``年``, ``月``, ``日`` (``3月20日-4月5日``). Left alone: dates (``2021-03-05``),
    phone numbers (``0571-8888888``), code and standard numbers (``GB/T 15834-2011``, ``COVID-19``,
    ``ISO 9001-2015``), figure and table numbers (``图1-2``, ``附件1-2``), times (``9:00-17:00``), URLs.
    The fix uses ``—`` for years, months and days and ``～`` for other values.

    Silence it: write the dash; ``ignore = ["PUN005"]`` turns the rule off.
    """

    code = "PUN005"
    name = "range-dash"
    severity = Severity.WARNING
    summary = "A range written with a hyphen or ~ (2021-2023年 → 2021—2023年, 3~5年 → 3～5年)"

    _NUMBER = r"(?:0|[1-9][0-9]{0,3})(?:\.[0-9]+)?"
    _HYPHEN = regex.compile(
        rf"(?<![\p{{Latin}}0-9.:：/／\-–_#＃图表件])({_NUMBER})[-–]({_NUMBER})(?![0-9.\-–/\p{{Latin}}])"
    )
    _DATE_HYPHEN = regex.compile(r"(?<![\p{Latin}0-9.\-–/])([0-9]{1,4}[年月日])[-–]([0-9]{1,4})(?=[年月日])")
    _TILDE = regex.compile(r"(?<=[0-9０-９%％万亿千百十〇一二三四五六七八九])~(?=[0-9０-９一二三四五六七八九十])")
    _TIME_UNIT = regex.compile(r"[年月日]")
    _VALUE_UNIT = regex.compile(
        r"[%％‰℃天周岁个人名家户项次件篇条款章节页期批届轮层所座栋亩吨米倍元万亿千百成级]|小时|分钟|公里|平方|立方|公斤|千克"
    )
    _CODE_BEFORE = regex.compile(r"[\p{Latin}/][ \u00a0]*$")

    def check(self, document: Document) -> Iterator[Hit]:
        shields = document.analysis(verbatim)
        for block in document.analysis(full_text).holding("-–~"):
            text = block.text
            shield = shields[block.index]
            if "-" in text or "–" in text:
                for match in self._HYPHEN.finditer(text):
                    if shield and shield.covers(match.start()):
                        continue
                    dash = self._dash_for(text, match)
                    if dash:
                        yield self._hit(block, match.start(), match.end(), match.group(1) + dash + match.group(2))
                for match in self._DATE_HYPHEN.finditer(text):
                    if not (shield and shield.covers(match.start())):
                        yield self._hit(block, match.start(), match.end(), match.group(1) + "—" + match.group(2))
            if "~" in text:
                for match in self._TILDE.finditer(text):
                    if not (shield and shield.covers(match.start())):
                        yield self._hit(block, match.start(), match.end(), "～")

    def _dash_for(self, text: str, match: regex.Match[str]) -> str | None:
        """The dash the range should be written with, or None when the hyphen does not join a range."""
        first, second = float(match.group(1)), float(match.group(2))
        if first >= second or self._CODE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            return None
        end = match.end()
        years = all(group.isdigit() and len(group) == 4 and 1900 <= int(group) <= 2100 for group in match.groups())
        if self._TIME_UNIT.match(text, end):
            return "—" if years or text[end] != "年" else "～"
        if self._VALUE_UNIT.match(text, end):
            return "～"
        if years and not is_(LATIN_OR_DIGIT, char_at(text, end)):
            return "—"
        return None

    @staticmethod
    def _hit(block: Block, start: int, end: int, replacement: str) -> Hit:
        if replacement == "～":
            message = "表示数值范围应用浪纹线“～”，不用半角“~”"
        else:
            dash = "一字线“—”" if "—" in replacement else "浪纹线“～”"
            message = f"表示起止范围应用{dash}：改为“{replacement}”"
        return Hit(block, start, end, message, replacement=replacement)


class EllipsisForm(Rule):
    """Finds an ellipsis written with dots or full stops: ``...``, ``。。。``, ``．．．``, or a single ``…``.

    Why: the Chinese ellipsis is two three-dot characters, ``……`` (GB/T 15834-2011, 4.11); dots and
    full stops are a typing makeshift.

    Example::

        围绕招商引资、项目建设、安全生产...等重点工作
                                        ^^^ → ……

    ASCII dots count only beside Chinese text (``etc...`` in Latin text is left alone), and never in URLs.
    ``……`` and ``…………`` (twelve dots, for a paragraph left out) are correct.

    Silence it: write ``……``; ``ignore = ["PUN006"]`` turns the rule off.
    """

    code = "PUN006"
    name = "ellipsis-form"
    severity = Severity.WARNING
    summary = "An ellipsis written as ... or 。。。 or a single … (use ……)"

    _FORMS = regex.compile(r"\.{3,}|。{3,}|．{3,}|(?<!…)…(?:……)*(?!…)")

    def check(self, document: Document) -> Iterator[Hit]:
        shields = document.analysis(verbatim)
        for block in document.blocks:
            text = block.text
            if "..." not in text and "。。。" not in text and "．．．" not in text and "…" not in text:
                continue
            shield = shields[block.index]
            for match in self._FORMS.finditer(text):
                start, end = match.span()
                if text[start] == "." and not (
                    is_(CHINESE_TEXT, char_at(text, start - 1)) or is_(CHINESE_TEXT, char_at(text, end))
                ):
                    continue
                if shield and shield.covers(start):
                    continue
                yield Hit(block, start, end, f"省略号应写作“……”，不用“{match.group()}”", replacement="……")


class DashForm(Rule):
    """Finds a dash written with hyphens: ``--`` or ``－－`` in Chinese text, for ``——``.

    Why: the Chinese dash (破折号) is two em dashes, ``——`` (GB/T 15834-2011, 4.9).

    Example::

        这是我们的根本目标--让群众满意
                          ^^ → ——

    Left alone: hyphens in Latin text and options (``--help``), URLs, Markdown code and rules (``---``
    lines are not text in Markdown), a single ``—`` (the dash of a range, PUN005).

    Silence it: write ``——``; ``ignore = ["PUN007"]`` turns the rule off.
    """

    code = "PUN007"
    name = "dash-form"
    severity = Severity.WARNING
    summary = "A dash written as -- (use ——)"

    _FORMS = regex.compile(r"-{2,}|－{2,}")

    def check(self, document: Document) -> Iterator[Hit]:
        shields = document.analysis(verbatim)
        for block in document.analysis(full_text).holding("-－"):
            text = block.text
            if "--" not in text and "－－" not in text:
                continue
            shield = shields[block.index]
            for match in self._FORMS.finditer(text):
                start, end = match.span()
                before, after = char_at(text, start - 1), char_at(text, end)
                chinese = is_(CHINESE_TEXT, after) or (is_(CHINESE_TEXT, before) and not is_(LATIN_LETTER, after))
                if chinese and not (shield and shield.covers(start)):
                    yield Hit(block, start, end, f"破折号应写作“——”，不用“{match.group()}”", replacement="——")


class StraySpace(Rule):
    """Finds a space between Chinese characters or beside a Chinese punctuation mark in running text:
    ``从严治党责任， 持续推进``, ``有序推进 “十五五”规划编制``, ``一是 加强学习``.

    Why: Chinese text is set without spaces between words; a space (often a no-break space U+00A0 or an
    ideographic space U+3000 pasted from elsewhere) shows as a gap in the printed report.

    Example::

        全面落实从严治党责任， 持续推进作风建设
                              ^ → 删除

    A space beside a punctuation mark is a warning with a safe fix. A space between two characters is only
    an ``info``: it may separate a title from a name, or stand for a missing mark (``勤俭节约 从我做起``), so
    check the fix. Only running text is checked — paragraphs with a clause or sentence mark — so titles,
    signatures, dates and names padded to equal width (``李　强``) are left alone. So are the space after an
    article number (``第一条　为了规范……``) and after a news dateline (``新华社北京6月8日电 近日，……``),
    the spaces between joint issuers inside a document title (``《中共中央 国务院关于……的意见》``), two or
    more ideographic spaces (layout: indentation or alignment), spaces beside Latin letters and digits
    (``使用 Python 编程``), tables and headings.

    Silence it: delete the space; ``ignore = ["PUN008"]`` turns the rule off.
    """

    code = "PUN008"
    name = "stray-space"
    severity = Severity.WARNING
    summary = "A space between Chinese characters or beside a Chinese punctuation mark"

    _SPACE = regex.compile(r"[ \u00a0\u3000\t]+")
    #: Conventions that put a space after them: article numbers and news datelines.
    _SPACED_AFTER = regex.compile(
        r"(?:第[〇一二三四五六七八九十百千零两0-9]+[条章节款编]|[0-9一二三四五六七八九十]日电)$"
    )

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        for block in document.analysis(full_text).holding(" \u3000\u00a0\t"):
            text = block.text
            if not _runs_of_text(block):
                continue
            titles = None
            for match in self._SPACE.finditer(text):
                start, end = match.span()
                before, after = char_at(text, start - 1), char_at(text, end)
                if not (is_(CHINESE_TEXT, before) and is_(CHINESE_TEXT, after)) or match.group().count("\u3000") > 1:
                    continue
                if self._SPACED_AFTER.search(text, max(0, start - 8), start):
                    continue
                if is_(HAN, before) and is_(HAN, after):
                    if titles is None:
                        titles = [(o.offset, c.offset) for o, c in found[block.index].pairs if o.kind == "title"]
                    if any(open_at < start and end <= close_at for open_at, close_at in titles):
                        continue  # 《中共中央 国务院关于……》: joint issuers
                    yield Hit(
                        block,
                        start,
                        end,
                        "中文之间多余的空格：请删除（或改为应有的标点）",
                        replacement="",
                        safe_fix=False,
                        severity=Severity.INFO,
                    )
                else:
                    yield Hit(block, start, end, "标点旁多余的空格：请删除", replacement="")


class TrailingWhitespace(Rule):
    """Finds whitespace at the end of a line: spaces, tabs, no-break spaces (U+00A0) and ideographic spaces
    (U+3000).

    Why: invisible in print but not harmless: it travels into the next document and breaks searches and
    comparisons of versions; a no-break space often marks text pasted from a web page.

    Example::

        扎实推进园区各项重点工作。␣␣
                                  ^^ → 删除

    Ideographic spaces that indent a paragraph (``　　``) are at its start and are fine. In Markdown, two or
    more spaces before a line break make a hard line break and are left alone. In Word documents a line
    ends where a paragraph or a manual line break ends.

    Silence it: delete the whitespace (most editors can do it on save); ``ignore = ["PUN009"]``.
    """

    code = "PUN009"
    name = "trailing-whitespace"
    severity = Severity.INFO
    summary = "Whitespace at the end of a line (incl. U+00A0, U+3000)"

    #: Starts only where a run of whitespace starts and never backtracks into it: linear in the text.
    _TRAILING = regex.compile(r"(?<![ \t\u00a0\u3000])[ \t\u00a0\u3000]++(?=[\n\u2028]|$)")

    def check(self, document: Document) -> Iterator[Hit]:
        markdown = document.format == "md"
        for block in document.blocks:
            text = block.text
            if not text[-1].isspace() and "\n" not in text and "\u2028" not in text:
                continue
            indent = len(text) - len(text.lstrip())  # once per block, not a slice of the text per match
            for match in self._TRAILING.finditer(text):
                start, end = match.span()
                if markdown and end < len(text) and match.group().startswith("  ") and match.group().isascii():
                    continue  # a Markdown hard line break
                if start <= indent:
                    continue  # nothing on the line before it
                yield Hit(block, start, end, "行末多余的空白：请删除", replacement="")


class MissingFinalMark(Rule):
    """Finds a paragraph of running text that ends without a final mark: ``……推动4家企业升规纳统``,
    or that ends with a comma.

    Why: every sentence ends with a mark (GB/T 15834-2011); a paragraph that stops without one was usually
    cut or left unfinished while editing.

    Example::

        ……全年完成工业总产值120亿元，推动4家企业升规纳统
                                                      ^^ → 统。

    Only the last sentence of a paragraph that holds at least one complete sentence (a ``。``, ``？`` or
    ``！`` before it) is checked, and only when that sentence has clauses (a ``，`` or ``；``) or is a run of
    eight or more characters. So these are left alone: titles and headings (``（一）加强党的建设``, Markdown
    headings), lead-ins and salutations (``市委：``, ``同志们：``), signatures (``青川经济开发区党工委``),
    dates (``2024年12月20日``), attachment lists (``附件：1.…``), table cells; a list of names or a label
    after a run-in heading (``（一）优化审批。牵头单位：区发改委、区财政局``); a line glued on after a space
    (a signature aligned with spaces, a photo caption); a note in brackets after the final mark
    (``……。（区发改委牵头）``); and endings in ``。？！…；：`` or ``——``, also before closing quotes and
    brackets (``……。”``).

    Silence it: add the final mark; ``ignore = ["PUN010"]`` turns the rule off.
    """

    code = "PUN010"
    name = "missing-final-mark"
    severity = Severity.WARNING
    summary = "A paragraph of running text that ends without a final mark"

    _FINAL = frozenset("。？！…；：!?;:—")
    _SENTENCE_FINAL = frozenset("。？！!?")
    _CLAUSE = regex.compile(r"[，；,;]")
    #: In a last "sentence" without clauses, these mark a label (``牵头单位：``), a list of names or a glued line.
    _NOT_A_SENTENCE = regex.compile(r"[、：:\s]")
    _COMMAS = frozenset("，,、")

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        shields = document.analysis(verbatim)
        for block in document.blocks:
            if block.kind not in _PROSE_KINDS:
                continue
            text = block.text
            end = len(text.rstrip(_INVISIBLE_TAIL))
            last = self._unfinished(text, end, found[block.index])
            if last is None or text[last] == OPAQUE or shields[block.index].covers(last):
                continue
            if not self._is_sentence(text, last):
                continue
            if text[end - 1] in self._COMMAS:
                yield Hit(
                    block,
                    end - 1,
                    end,
                    f"段末误用“{text[end - 1]}”：请改为句末点号“。”",
                    replacement="。",
                    safe_fix=False,
                )
            else:
                yield Hit(
                    block, end - 1, end, "段末缺少句末点号：请补上“。”（或“？”“！”）", replacement=text[end - 1] + "。"
                )

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
            if char not in "）)】" or position not in openers:
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


class DunhaoBetweenQuotes(Rule):
    """Finds an enumeration comma ``、`` between items that each carry quotation marks or book-title marks:
    ``“四下基层”、“大走访”``, ``《条例》、《办法》``.

    Why: GB/T 15834-2011 (4.5.3.5) says that between quoted or titled items the ``、`` is usually left out:
    ``“四下基层”“大走访”``, ``《条例》《办法》``. It is a style point: published reports often write the
    comma, so the rule is off by default; turn it on to follow the standard strictly.

    Example::

        认真开展“四下基层”、“大走访”活动
                          ^^ → 删除

    Left alone: a ``、`` after a note in brackets (``“四下基层”（试行）、“大走访”``), where the standard keeps
    it, and between items without marks.

    Silence it: delete the ``、``; enable it with ``extend-select = ["PUN011"]``.
    """

    code = "PUN011"
    name = "dunhao-between-quotes"
    severity = Severity.INFO
    summary = "、 between items in quotation or book-title marks (“A”“B”, 《A》《B》)"
    enabled_by_default = False

    _COMMA = regex.compile(r"(?<=[”》])、(?=[“《])")

    def check(self, document: Document) -> Iterator[Hit]:
        for block in document.blocks:
            if "”、" not in block.text and "》、" not in block.text:
                continue
            for match in self._COMMA.finditer(block.text):
                yield Hit(
                    block,
                    match.start(),
                    match.end(),
                    "引号或书名号标示的并列成分之间通常不用顿号：可删去“、”",
                    replacement="",
                )


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
)
