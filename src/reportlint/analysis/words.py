"""Words of the genre, for rules that must know a word when they see one (Chinese is written without spaces).

:func:`duplicated_words` finds a word written twice in a row by mistake (对标对标, 精神精神, 持续持续, 在在). A
repeat counts when the segmenter (``analysis.lexicon``) reads both copies as words of their own: a repeat
of anything else is two words meeting (产业创业创新 holds 业创业创, 资产阶级阶级斗争 holds 阶级阶级, 要要求 is
要 + 要求) and is left alone. Two-character words count when they are common words of the dictionary or words of
:data:`REPORT_WORDS` (longer words: those of the list only); one character only when it is a function word
that is never doubled (的的, 在在, 要要). Forms that double legitimately are left alone: verbs of everyday
activity in the tentative ABAB form (研究研究, 讨论讨论), numeral and degree words (一个一个, 很多很多, 逐步逐步),
state adjectives (雪白雪白).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.analysis import lexicon
from reportlint.analysis.fulltext import full_text
from reportlint.analysis.literals import LiteralIndex
from reportlint.document import Block, Document

#: Nouns and policy verbs of work reports that a writer may double by mistake. Deliberately left out: verbs of
#: everyday activity that take the tentative ABAB form (研究研究, 学习学习, 讨论讨论, 商量商量, 考虑考虑,
#: 总结总结, 检查检查, 宣传宣传, 教育教育, 指导指导, 培训培训, 调研调研, 交流交流, 沟通沟通, 活动活动),
#: adjectives and adverbs.
REPORT_WORDS = frozenset(
    """
    工作 精神 方法 思想 理论 政治 经济 社会 文化 生态 文明 制度 体制 机制 体系 政策 措施 举措 方案 规划 目标
    任务 指标 项目 产业 企业 行业 市场 资金 资本 资源 要素 人才 队伍 干部 党员 群众 人民 组织 领导 班子 支部
    党委 党组 政府 部门 单位 基层 地方 中央 国家 乡镇 街道 社区 农村 城市 城乡 区域 园区 平台 载体 基地 环境
    质量 效率 效益 水平 能力 作用 责任 义务 权力 权利 利益 问题 矛盾 风险 挑战 机遇 困难 短板 弱项 成绩 成效
    成果 经验 做法 亮点 特色 优势 基础 条件 保障 投资 消费 出口 收入 财政 税收 金融 信贷 债务 预算 价格 就业
    医疗 卫生 健康 养老 住房 交通 能源 水利 农业 工业 科技 创新 改革 开放 安全 稳定 发展 建设 管理 服务
    治理 监管 监督 考核 纪律 作风 廉政 腐败 党建 党风 政风 会议 讲话 报告 文件 意见 通知 决定 规定 条例 法律
    法规 法治 标准 规范 程序 流程 信息 数据 网络 数字 技术 设备 设施 工程 道路 土地 空间 人口 民生 福祉 生活
    思路 理念 战略 部署 布局 格局 大局 全局 方向 原则 要求 底线 红线 品牌 形象 氛围 局面 态势 形势 趋势 速度
    规模 结构 总量 增量 存量 效能 动能 活力 动力 潜力 合力 实力 初心 使命 担当 本领 意识 观念 信念 理想 信仰
    党性 宗旨 路线 方针 纲领 旗帜 核心 重点 难点 堵点 痛点 热点 焦点 节点 环节 链条 渠道 窗口 阵地 堡垒 防线
    领域 行动 专项 试点 示范 典型 榜样 先进 模范 标杆 经费 税费 收费 补贴 奖励 考评 评价 排名 名次
    对标 对表 推进 推动 加强 落实 实施 开展 坚持 提升 完善 促进 深化 强化 贯彻 打造 构建 建立 健全 实现 加快
    统筹 巩固 拓展 优化 发挥 确保 提高 扩大 增强 抓好 做好 抓实 压实 夯实 筑牢 树牢 树立 用好 守住 防范 化解
    破解 解决 突破 聚焦 围绕 支持 引导 鼓励 带动 引领 培育 壮大 激发 释放 激活 盘活 整合 集聚 融合 对接 衔接
    承接 落地 见效 开工 投产 竣工 签约 引进 招引 入驻 申报 争取 谋划 储备 推介 督导 督查 核查 排查 整治 整改
    问责 追责 查处 惩治 警示 宣讲 弘扬 传承 践行 奋斗 拼搏 奉献 创造 创建 争创 打赢 决胜 攻坚 负责 牵头
    参与 保护 维护 服从 执行 遵守
    高质量 现代化 一体化 数字化 信息化 法治化 市场化 国际化 标准化 规范化 常态化 制度化 精细化 智能化 网格化
    专业化 产业链 供应链 创新链 价值链 新动能 新格局 新征程 新时代 新阶段 新理念 获得感 幸福感 安全感 主动权
    竞争力 影响力 凝聚力 战斗力 执行力 创造力 生产力 公信力 主心骨 顶梁柱 排头兵 总书记 党中央 国务院
    营商环境 招商引资 项目建设 乡村振兴 共同富裕 意识形态 主体责任 党风廉政 作风建设 高质量发展 重要讲话
    """.split()
)

#: Verbs of everyday activity that take the tentative ABAB form (研究研究 "look into it a little").
_TENTATIVE_VERBS = frozenset(
    "研究 学习 讨论 商量 考虑 总结 检查 宣传 教育 指导 培训 调研 交流 沟通 活动 休息 锻炼 看看 想想 试试 打听 "
    "了解 琢磨 合计 比较 比划 收拾 整理 打扫 准备 关心 关照 帮助 表扬 批评 介绍 解释 说明 认识 熟悉 体验 感受 "
    "放松 热闹 高兴 乐呵 溜达 走动 串门 聊聊 谈谈 议议 商议".split()
)

#: State adjectives, which double as ABAB for vividness (雪白雪白, 笔直笔直).
_STATE_ADJECTIVES = frozenset(
    "雪白 冰凉 冰冷 通红 笔直 笔挺 漆黑 火热 火红 碧绿 翠绿 金黄 蔚蓝 湛蓝 瓦蓝 鲜红 血红 乌黑 蜡黄 粉红 雪亮 "
    "锃亮 透亮 崭新 滚烫 滚圆 溜圆 喷香 稀烂 精光 冰清 煞白 焦黄 黢黑 黝黑 瓦亮".split()
)

#: First characters of numeral, measure and degree words, which double to mean "one by one", "very" (一个一个,
#: 一步一步, 两个两个, 很多很多, 好多好多).
_COUNTING_FIRSTS = frozenset("一两几很好多每逐")

#: Most common two-character words of the dictionary (unigram cost, lower is commoner) that count when doubled:
#: 持续 38, 走访 46, 隐患 47; rarer entries (乙酰 57) are often part of a name or a term.
_COMMON_WORD_COST = 50

#: Function words that are never doubled in writing (的的, 在在, 要要); a longer word that takes in one copy
#: (目的的, 实实在在, 要要求) is a reading the segmenter prefers.
_FUNCTION_CHARS = frozenset("的地得在是要和与对把被将从向为以及并也都就又还更已")

#: A repeat followed by one of these makes a compound with the second copy (民营企业企业家, 工作工作人员 in
#: 信访工作工作人员): two words that share a part, not a doubled word. Productive suffixes make one with any word;
#: noun heads only in the compounds of the dictionary.
_PRODUCTIVE_SUFFIX = frozenset("化性型式界链类")
_NOUN_HEADS = frozenset("家员者人群")

#: Any two characters written twice, at every offset (a lookahead: overlapping ones too). The stdlib's re finds
#: these faster than it finds two Han characters written twice; :func:`_two_twice` keeps those. Longer words
#: doubled are literals.
_PAIR_TWICE = re.compile(r"(?=(..)\1)")
_LONGER_TWICE = LiteralIndex(word + word for word in REPORT_WORDS if len(word) > 2)
_FUNCTION_TWICE = re.compile(f"(?=([{''.join(sorted(_FUNCTION_CHARS))}])\\1)")
#: Characters of context either side of a repeat for the segmenter (beyond the longest word of the table).
_CONTEXT = 8


@dataclass(frozen=True, slots=True)
class Repeat:
    """A word written twice in a row: ``block.text[start:end]`` is the word twice."""

    block: Block
    start: int
    end: int
    word: str
    #: A word of :data:`REPORT_WORDS` (the curated list): certain enough for a safe fix.
    listed: bool


def duplicated_words(document: Document) -> list[Repeat]:
    """Every doubled report word of the document (use through ``document.analysis(duplicated_words)``)."""
    full = document.analysis(full_text)
    text = full.text
    spans = _two_twice(text)
    spans += [(start, end) for start, end, _ in _LONGER_TWICE.finditer(text)]
    spans += [(match.start(), match.start() + 2) for match in _FUNCTION_TWICE.finditer(text)]
    found: list[Repeat] = []
    taken_until = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        word = text[start : (start + end) // 2]
        if start < taken_until or not _countable(word) or _compound_follows(text, end, word):
            continue  # not a word that counts; a compound follows (民营企业企业家); 工作工作工作 is one finding
        if start and text[start - 1].isascii() and text[start - 1].isalpha():
            continue  # the first copy ends a Latin-lettered compound: PPP项目|项目经理, EPC项目|项目部
        if not _copies_are_words(text, start, end, word):
            continue  # two words meeting: 资产阶级|阶级斗争, 要|要求, 目的|的
        taken_until = end
        block, at = full.locate(start)
        found.append(Repeat(block, at, at + end - start, word, word in REPORT_WORDS))
    return found


def _countable(word: str) -> bool:
    """Whether ``word`` written twice is a slip rather than a legitimate doubling (before the segmenter's say)."""
    if word in REPORT_WORDS:
        return True
    if len(word) == 1:
        return word in _FUNCTION_CHARS
    if len(word) != 2 or word in _TENTATIVE_VERBS or word in _STATE_ADJECTIVES or word[0] in _COUNTING_FIRSTS:
        return False
    cost = lexicon.word_cost(word)
    return cost is not None and cost <= _COMMON_WORD_COST


def _compound_follows(text: str, end: int, word: str) -> bool:
    """Whether the second copy of ``word`` (ending at ``end``) makes a compound with what follows, so that the
    repeat is two words sharing a part: a productive suffix (规范化, 产业链) always, a noun head when the
    dictionary knows the compound (企业|家 in 民营企业企业家, 工作|人员 in 信访工作工作人员; 走访|群众 is none)."""
    following = text[end : end + 1]
    if following in _PRODUCTIVE_SUFFIX:
        return True
    return following in _NOUN_HEADS and any(lexicon.is_word(word + text[end : end + n]) for n in (1, 2))


def _copies_are_words(text: str, start: int, end: int, word: str) -> bool:
    """Whether the best segmentation around the repeat (its line, a few words either side) reads the copies as
    words of their own: the first copy always (资产阶级|阶级斗争 is two words meeting), the second too when it is
    one character (要|要求 is 要 and 要求). A longer second copy may begin a longer word: 认真|认真落实 is a slip
    (a compound noun after it, 信访工作|工作人员, is the suffix guard's)."""
    cost = lexicon.word_cost(word)
    if cost is None:  # a word of the genre's list the dictionary lacks: its own list vouches for it
        return True
    left = max(text.rfind("\n", 0, start) + 1, start - _CONTEXT)
    right = text.find("\n", end, end + _CONTEXT)
    window = text[left : right if right >= 0 else end + _CONTEXT]
    middle = (start + end) // 2 - left
    if not lexicon.reads_as_word(window, start - left, middle, cost):
        return False
    return len(word) > 1 or lexicon.reads_as_word(window, middle, end - left, cost)


def _two_twice(text: str) -> list[tuple[int, int]]:
    r"""The spans of two Han characters written twice, as a scan from the start finds them: after one, the next
    is looked for past its end (those of ``([\u3400-\u4dbf\u4e00-\u9fff]{2})\1``, with ``finditer``)."""
    spans = []
    taken = 0
    for match in _PAIR_TWICE.finditer(text):
        start = match.start()
        if start >= taken and _is_han(text[start]) and _is_han(text[start + 1]):
            spans.append((start, start + 4))
            taken = start + 4
    return spans


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff"
