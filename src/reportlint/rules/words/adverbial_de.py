"""TYP009 adverbial-de: 的 where an adverbial before a verb needs 地 (认真的学习, 扎实的推进)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.analysis.fulltext import full_text
from reportlint.analysis.lexicon import is_word
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule

#: Adjectives that reports put before a verb as its adverbial (reviewed: each reads as 地 before a verb of
#: _VERB). Not those that mostly qualify a noun before a verb-like word (重要的, 主要的, 基本的, 必要的).
_ADVERBIAL = (
    "认真|积极|扎实|深入|全面|切实|稳步|主动|坚决|充分|广泛|持续|严格|自觉|稳妥|有序|迅速|及时|热情|耐心|细致|彻底"
    "|坚定|牢牢|有力|有效|全力|大力|不断|逐步|扎扎实实|认认真真|实实在在|踏踏实实|创造性|精准|高效"
)
#: Two-character verbs typical of reports (an object or a complement follows them).
_VERB = (
    "推进|推动|开展|落实|贯彻|学习|抓好|做好|完成|实施|执行|解决|促进|加强|参与|配合|应对|处理|整改|研究|部署"
    "|谋划|践行|维护|保障|化解|防范|服务|支持|融入|投入|引导|宣传|回应|破解|攻克|推行|探索|参加|落细|抓实"
)
_CANDIDATE = re.compile(f"(?:{_ADVERBIAL})(?P<de>的)(?P<verb>{_VERB})(?=[\u4e00-\u9fff])")
#: Before the adverbial (and any adverbials before it): a light verb or a classifier makes the verb after 的 a
#: noun (进行了认真的学习, 一次深入的研究, 作出全面的部署, 提供精准有效的服务).
_NOUN_CONTEXT = re.compile(
    "(?:进行|开展|作出|做出|做好|搞好|抓好|给予|给以|加以|予以|得到|受到|引起|经过|通过|需要|提供|实行|有|是|为|作|做|次"
    "|场|种|个|项|番"
    f"|些|样)(?:了|过|着)?(?:{_ADVERBIAL}|、|和|而)*$"
)
#: Heads that make ``verb + head`` a noun phrase (认真的学习态度, 积极的参与意识).
_NOUN_HEAD = (
    "精神|态度|氛围|作风|劲头|热情|成果|工作|过程|效果|机制|方式|方法|情况|力度|措施|任务|活动|阶段|能力|意识"
    "|计划|方案|经验|体系|模式|路径|环境|基础|政策|制度|风气|习惯|姿态|行动|者|人员|对象|内容|水平|质量|效率"
    "|作用|定力|职能|功能|理念|思路|目标|格局|局面|品格|品质|本领"
)
_NOUN_AFTER = re.compile(f"(?:{_NOUN_HEAD})")
#: A second verb and 的 or a noun head: the two verbs name a thing (深入的研究分析的基础, 耐心细致的宣传教育工作).
_CLAUSE = re.compile("[^，。；：！？、,.;:!?\n]*")
_VERB_THEN_DE = re.compile(f"(?:{_VERB}|分析|调研|调查|论证|讨论|评估|教育|指导|管理)(?:的|{_NOUN_HEAD})")


class AdverbialDe(Rule):
    """查找状语与动词之间误用的“的”（应为“地”）：``认真的学习党的二十大精神``、``积极的推进
    乡村振兴``、``扎实的推进各项工作``。

    为什么要查：“地”连接状语和动词（认真地学习）；这里写成“的”是校对几乎每稿都要改的笔误，
    与补语前误用“的”（TYP006）同类。

    只查把握大的格式：报告中常作状语的形容词（认真、积极、扎实、深入、稳步……）+“的”+ 报告常用
    动词（学习、推进、落实、开展……）再接宾语。不报的情形：“的”后是名词（认真的态度、积极的财政
    政策、扎实的作风），动词作名词用（进行了认真的学习、一次深入的研究、认真的学习态度、作出全面
    的部署），以及“目的”“的确”。修正不自动应用：仍可能读作名词短语。

    忽略方法：``ignore = ["TYP009"]``。
    """

    code = "TYP009"
    name = "adverbial-de"
    severity = Severity.WARNING
    summary = "状语与动词之间应用“地”而误用“的”（认真的学习、扎实的推进）"
    flags = (
        Case("全县干部认真⟦的⟧学习党的二十大精神", fix="地"),
        Case("积极⟦的⟧推进乡村振兴，扎实⟦的⟧推进各项工作", fix="地"),
    )
    passes = (
        "以认真的态度实施积极的财政政策，保持扎实的作风。",
        "目的是推进改革，的确取得了成效。",
        "对文件进行了认真的学习，开展了一次深入的研究，作出全面的部署。",
        "发扬认真的学习态度，增强积极的参与意识，起到积极的推动作用。",
        "在深入细致的研究分析的基础上，提供精准有效的服务，要有坚决的维护定力。",
        "在各方积极的支持和帮助下，在大家认真的学习中，做好耐心细致的宣传教育工作。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for block in document.analysis(full_text).matching(_CANDIDATE):
            text = block.text
            for match in _CANDIDATE.finditer(text):
                start = match.start()
                if _NOUN_CONTEXT.search(text, max(0, start - 12), start):
                    continue
                after = match.end()
                if _NOUN_AFTER.match(text, after) or _VERB_THEN_DE.match(text, after):
                    continue  # a noun phrase: 积极的推动作用, 深入的研究分析的基础
                clause = _CLAUSE.match(text, after - 1)
                if clause is not None and clause.group().endswith(("下", "中")):
                    continue  # 在各方积极的支持下: a frame around a noun
                if is_word(match.group("verb") + text[after : after + 1]):
                    continue  # the verb is part of a longer word (学习班, 服务业)
                de = match.start("de")
                yield Hit(
                    block,
                    de,
                    de + 1,
                    f"“{match.group()}”：状语后应用“地”",
                    replacement="地",
                    safe_fix=False,
                )
