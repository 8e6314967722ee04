"""TYP008 nonword-typo: a character whose same-sound or look-alike replacement makes the span a common word."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reportlint.analysis.lexicon import is_word, segment_cost, variants_in, word_cost
from reportlint.document import Block, Document
from reportlint.findings import Severity
from reportlint.packs.loader import shipped_pack_dir
from reportlint.rule import Case, Hit, Rule

#: Characters each side of a candidate that the segmenter reads with it.
WINDOW = 6
#: How much likelier (in the segmenter's cost units, 4 per nat) the corrected stretch must be than the stretch
#: as written: for a 3- or 4-character word, a 2-character word of a same-sound slip, and any other 2-character
#: word (tuned on odw.train and the published texts for precision first, see bench/typo_quality.py; the central
#: documents of web_data_sample are held out: measured, never tuned on).
GAIN_LONG = 30
GAIN_SAME_SOUND = 36
GAIN_OTHER = 44
#: Added inside quotation marks and book-title marks (a name or a quoted coinage is written as its owner wrote it).
GAIN_QUOTED = 16
#: Two corrections of one character whose gains differ by less than this are both offered, and none is applied.
AMBIGUOUS = 16
#: A span before one of these is likely part of a name (洪家镇姜曹村, 齐圣村).
_NAME_AFTER = frozenset("村镇乡县市区省州路街巷湖山河桥寺庙屯寨庄堡")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    at: int  # the replaced character's index in the block
    word: str
    gain: int


@cache
def shipped_allow_words() -> frozenset[str]:
    """The reviewed allow-list of the TYP rules (rules/words-allow.txt): words never read as misspellings."""
    path = shipped_pack_dir() / "words-allow.txt"
    if not path.exists():
        return frozenset()
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            words += line.split()
    return frozenset(words)


@cache
def _allow_by_char(allow: frozenset[str]) -> dict[str, frozenset[str]]:
    by_char: dict[str, set[str]] = {}
    for word in allow:
        for char in word:
            by_char.setdefault(char, set()).add(word)
    return {char: frozenset(words) for char, words in by_char.items()}


def _allow_with(variant: str, allow: frozenset[str]) -> set[str]:
    """The allowed words that hold a character of ``variant`` (only they can overlap it)."""
    by_char = _allow_by_char(allow)
    return {word for char in variant for word in by_char.get(char, ())}


class NonwordTypo(Rule):
    """查找把常用词写成“非词”的错字：``篮图``（蓝图）、``部暑``（部署）、``急功近力``（急功近利）、
    ``宣染``（渲染）、``贯砌``（贯彻）、``针贬时弊``（针砭时弊）。

    为什么要查：输入法选错同音字、眼睛看错形近字，写出来的就不是词了，读者一眼就会卡住；
    这类错字无穷无尽，词表收不全。

    怎样判断：随包发布的字表（由 jieba 词典和 pycorrector 的同音、形近字集生成，来源与许可见
    src/reportlint/data/typo/README.md）列出离常用词只差一个同音或形近字的“非词”。文中出现
    这样的写法，而且分词时换成正确的字明显更通顺、改后仍是一个词，才报告。修正只是推测
    （不自动应用）；两种改法可能性相近时都列出，都不应用。

    不报的情形：同一写法在文中出现两次以上（有意为之）；后面紧跟村、镇、路、山等字（多为地名、
    人名）；紧跟在数字后（40条减到：量词）或处在数字末尾（以至五万）；并列的新造说法（涉黑涉恶）；
    GF 1001-2001 的异形词（股分制：归 TYP004）；已审定的允许词表 rules/words-allow.txt 中的新词
    （数智化、视情、互嵌式、新质生产力、负责任）；引号、书名号内的文字要更有把握才报。

    忽略方法：在配置中用 ``allow = ["…"]`` 加入允许的词（或把词加入 rules/words-allow.txt 后用
    scripts/build_typo_table.py 重新生成字表）；``ignore = ["TYP008"]`` 关闭本规则。
    """

    code = "TYP008"
    name = "nonword-typo"
    severity = Severity.WARNING
    summary = "错字把常用词写成了非词（篮图、部暑、急功近力）"
    flags = (
        Case("坚决克服⟦急功近力⟧的思想", fix="急功近利"),
        Case("作出全面⟦部暑⟧", note="two corrections about as likely (部署, 部属): both named, no fix"),
    )
    passes = (
        "推进数智化转型，视情调整互嵌式社区建设，依法严厉打击涉黑涉恶犯罪，发展新质生产力。",
        "自己经常学习，描绘发展蓝图。",
        "负面清单由40条减到33条，中国作为负责任大国，善于化危为机。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        allow = shipped_allow_words()
        forms = [(block, list(_forms(block.text))) for block in document.blocks]
        # one pass over the document: how often each form is written (a form written twice is deliberate)
        places = {(block.index, start, end) for block, found in forms for start, end, _ in found}
        written = Counter(document.blocks[index].text[start:end] for index, start, end in places)
        for block, found in forms:
            yield from self._best(block, [form for form in found if written[block.text[form[0] : form[1]]] == 1], allow)

    def _best(self, block: Block, forms: list[tuple[int, int, str]], allow: frozenset[str]) -> Iterator[Hit]:
        text = block.text
        found: dict[int, list[_Candidate]] = {}
        for start, end, entry in forms:
            candidate = self._score(text, start, end, int(entry[-3]), entry[-2], entry[-1] == "s", allow)
            if candidate is not None:
                found.setdefault(candidate.at, []).append(candidate)
        taken_until = -1
        for at in sorted(found):
            ranked = sorted(found[at], key=lambda c: -c.gain)
            best = ranked[0]
            if best.start < taken_until:
                continue
            taken_until = best.end
            fixed = best.word[at - best.start]
            rivals = [c for c in ranked[1:] if c.gain > best.gain - AMBIGUOUS and c.word[c.at - c.start] != fixed]
            written = text[best.start : best.end]
            if rivals:
                options = "、".join(dict.fromkeys(c.word for c in [best, *rivals]))
                yield Hit(block, best.start, best.end, f"“{written}”疑有错字：是否为“{options}”？")
            else:
                yield Hit(
                    block,
                    best.start,
                    best.end,
                    f"“{written}”疑为“{best.word}”之误（音近或形近字）",
                    replacement=best.word,
                    safe_fix=False,
                )

    def _score(
        self, text: str, start: int, end: int, at: int, char: str, same_sound: bool, allow: frozenset[str]
    ) -> _Candidate | None:
        variant = text[start:end]
        if text[end : end + 1] in _NAME_AFTER:
            return None
        if text[start - 1 : start] in _DIGITS or (variant[-1] in _NUMERALS and text[end : end + 1] in _NUMERALS):
            return None  # a classifier after a number (40条减到33条), a number (以至五万千瓦)
        for k in range(max(0, start - 2), end):
            if k + 2 < len(text) and text[k] == text[k + 2] and k + 2 >= start:
                return None  # a parallel coinage: 涉黑涉恶, 防汛防台
        a, b = max(0, start - WINDOW), min(len(text), end + WINDOW)
        around = text[a:b]
        for word in _allow_with(variant, allow):
            index = around.find(word)
            while index >= 0:
                if index < end - a and index + len(word) > start - a:
                    return None
                index = around.find(word, index + 1)
        word = variant[:at] + char + variant[at + 1 :]
        cost = word_cost(word)
        if cost is None or is_word(variant):
            return None
        corrected = text[a:start] + word + text[end:b]
        free = segment_cost(corrected)
        gain = segment_cost(around) - free
        need = GAIN_LONG if len(word) > 2 else GAIN_SAME_SOUND if same_sound else GAIN_OTHER
        if _quoted(text, start):
            need += GAIN_QUOTED
        if gain < need:
            return None
        if segment_cost(corrected, (start - a, end - a, cost)) > free:
            return None  # the correction would not be read as one word there
        return _Candidate(start, end, start + at, word, gain)


def _forms(text: str) -> Iterator[tuple[int, int, str]]:
    """Every variant of the table written in ``text``: (start, end, its table entry)."""
    for i, entries in variants_in(text):
        for entry in entries.split(";"):
            variant, at = entry[:-3], int(entry[-3])
            start = i - (at if at + 1 < len(variant) else at - 1)
            end = start + len(variant)
            if start >= 0 and text[start:end] == variant:
                yield start, end, entry


def _quoted(text: str, start: int) -> bool:
    """Whether ``start`` lies inside “…” or 《…》 (an opening mark before it not yet closed)."""
    return text.rfind("“", 0, start) > text.rfind("”", 0, start) or text.rfind("《", 0, start) > text.rfind(
        "》", 0, start
    )
