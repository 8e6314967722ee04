"""NUM002 figure-differs-across-documents: A figure the drafts linted together (report and speech) state differently."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import PurePath

from reportlint.analysis.figures.comparison import Counterpart, Keyed, agree_mostly, corpus_disagreements, keyed
from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.topic import Topic, topic
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, CorpusRule, Hit, Summary
from reportlint.rules.figures.common import anchor_at

ACROSS_DOCUMENTS_SIMILARITY = 0.6


#: Drafts on one period whose titles do not name one issuer are companions when this many of the figures they
#: share agree exactly, and no fewer agree than differ.
SAME_PERIOD_AGREEMENTS = 3


#: From this similarity on, two differing statements are near copies of each other: the slip is plain.
NEAR_COPY = 0.9


class FigureDiffersAcrossDocuments(CorpusRule):
    """查找一同检查的几份稿子对同一数字说法不一：报告和讲话稿
    （``reportlint check 报告.docx 讲话稿.docx``）一处写``学习“第一议题”44次``，
    一处写``38次``。

    为什么要查：讲话稿从报告中摘出，之后两稿各改各的；一稿改了数字，另一稿还是旧
    数，而两稿在同一会议上宣读或印发。

    两个文件都报，并以对方的位置作为相关位置。两处措辞相同（``共``、``累计``、
    ``今年以来``、``已``除外）、句子相近（``xx生产基地项目，计划投资1亿元``与
    ``其中xx生产基地项目，计划投资2亿元``）时视为同一事项；几乎逐字相同的报错误，
    其余报警告；两稿各只说一次的事项（去掉``实现``、``达到``、``新增``之类后措辞相同）
    句子相近的要求放宽。考虑四舍五入：``3812万元``等于``0.3812亿元``，与``0.38亿元``一致，
    ``约400亩``与``402亩``一致；``1亿元``与``0.8亿元``不一致（相差一成以上）。目标
    不同于实绩（``力争达到26亿元``与``实现21.6亿元``），``其中``所列的部分各不相
    同，段内标明的年份不同（``2024年……``与``2025年……``）的，都不算同一事项。

    用户配对的稿子总是互相比较：配置中写``pairs = [["2025年工作总结.docx",
    "年度总结会讲话.docx"]]``（相对于配置文件所在目录，可用通配符），或在命令行用
    ``--pair 报告.docx:讲话稿.docx``（可重复）。

    其余的稿子，标题（没有标题时看文件名和开头几行）说的是同一时期（``2024年工作
    总结``与``2024年度工作总结大会上的讲话``；``上半年``、``一季度``、``第三次``各
    是各的，``2026年1月9日``这样的日期不算）、同一单位（``县农业农村局``与``全县
    农业农村系统``）的，视为一份报告和它的讲话稿，逐项比较；时期相同而看不出单位的，
    两稿共有的数字至少三处完全一致、且一致的不少于不一致的，才比较。时期不同（如同
    一单位两个年度的报告）或看不出时期的，只有两稿共有的数字大多一致时才比较（至少
    三处完全一致，且一致的是不一致的两倍以上）：两个年度的报告句子相同、数字各是各
    年的，这样的差别不是笔误。

    忽略方法：统一数字；``ignore = ["NUM002"]``或按文件忽略（per-file-ignores）
    关闭此规则。
    """

    code = "NUM002"
    name = "figure-differs-across-documents"
    severity = Severity.ERROR
    summary = "一同检查的几份稿子（报告与讲话稿）对同一数字说法不一"
    flags = (
        Case(
            "今年来共学习“第一议题”⟦44次⟧。组织召开会议12次。开展调研8次。走访企业30家。",
            documents=("今年来共学习“第一议题”38次。组织召开会议12次。开展调研8次。走访企业30家。",),
        ),
        Case(
            "青禾区商务局2025年工作总结\n全区电商网络零售额⟦43.5亿元⟧。新建改造农贸市场⟦12个⟧。"
            "发放消费券2600万元。实际使用外资3812万美元。",
            documents=(
                "在全区2025年度商务工作会议上的讲话\n电商网络零售额45.3亿元。新建改造农贸市场21个。"
                "发放消费券2600万元。实际使用外资0.38亿美元。",
            ),
        ),
        Case(
            "打造五大产业集群，茶园面积达到12.8万亩，实现茶叶产值⟦21.6亿元⟧；组织召开会议12次。开展调研8次。走访企业30家。",
            documents=(
                "茶叶、生猪四大产业集群加快成长，茶叶产值达到26.1亿元。组织召开会议12次。开展调研8次。走访企业30家。",
            ),
        ),
    )
    passes = (
        Case(
            "青禾区商务局2024年工作总结\n全区社会消费品零售总额177.2亿元。新建改造农贸市场9个。"
            "发放消费券2000万元。举办促消费活动86场。",
            documents=(
                "青禾区商务局2025年工作总结\n全区社会消费品零售总额186.4亿元。新建改造农贸市场12个。"
                "发放消费券2600万元。举办促消费活动86场。",
            ),
        ),
        Case(
            "白沙镇2025年工作总结\n全镇新建改造农贸市场9个。发放消费券2000万元。举办促消费活动86场。",
            documents=(
                "青禾区商务局2025年工作总结\n全区新建改造农贸市场12个。发放消费券2600万元。举办促消费活动86场。",
            ),
        ),
        Case(
            "青禾区商务局2025年工作总结\n全年实现社会消费品零售总额186.4亿元。新建改造农贸市场12个。",
            documents=(
                "在全区2025年度商务工作会议上的讲话\n力争社会消费品零售总额达到198亿元。新建改造农贸市场12个。",
            ),
        ),
        Case(
            "青禾区商务局2025年工作总结\n新增限额以上批发业企业15家。新建改造农贸市场12个。",
            documents=("在全区2025年度商务工作会议上的讲话\n新增限额以上零售业企业22家。新建改造农贸市场12个。",),
        ),
        Case(
            "青禾区商务局2025年工作总结\n2024年，全区电商网络零售额38.8亿元。"
            "外贸进出口总额52.7亿元，其中出口38.2亿元。",
            documents=(
                "在全区2025年度商务工作会议上的讲话\n2025年，全区电商网络零售额43.5亿元。"
                "外贸进出口总额52.7亿元，其中进口14.5亿元。",
            ),
        ),
        Case(
            "打造五大产业集群，实现茶叶产值21.6亿元；组织召开会议12次。开展调研8次。走访企业30家。",
            documents=("四大产业集群加快成长，茶叶产值达到21.6亿元。组织召开会议12次。开展调研8次。走访企业30家。",),
        ),
        Case(
            "实现茶叶产值21.6亿元，其中绿茶产值12亿元。组织召开会议12次。开展调研8次。走访企业30家。",
            documents=("实现茶叶产值21.6亿元，其中红茶产值9亿元。组织召开会议12次。开展调研8次。走访企业30家。",),
        ),
        Case(
            "全年实现茶叶产值21.6亿元。组织召开会议12次。开展调研8次。走访企业30家。",
            documents=("力争茶叶产值达到26亿元。组织召开会议12次。开展调研8次。走访企业30家。",),
        ),
        Case(
            "今年来共学习“第一议题”44次。组织召开会议12次。开展调研8次。走访企业30家。",
            documents=("今年来共学习“第一议题”44次。组织召开会议12次。开展调研8次。走访企业30家。",),
        ),
    )

    def summarize(self, document: Document) -> tuple[Keyed, Topic]:
        return document.analysis(keyed), document.analysis(topic)

    def check_corpus(self, summaries: list[Summary]) -> Iterator[tuple[Summary, Hit]]:
        documents = [summary.data[0] for summary in summaries]
        topics = [summary.data[1] for summary in summaries]

        def companions(i: int, j: int, shared: int, agreeing: int, differing: int) -> bool:
            if summaries[j].path in summaries[i].partners:
                return True  # the user paired them
            if topics[i].same_period(topics[j]):
                if topics[i].same_issuer(topics[j]):
                    return True
                return agreeing >= SAME_PERIOD_AGREEMENTS and agreeing >= differing
            return agree_mostly(i, j, shared, agreeing, differing)

        for i, j, pairs in corpus_disagreements(documents, ACROSS_DOCUMENTS_SIMILARITY, companions):
            first, second = summaries[i], summaries[j]
            for pair in pairs:
                yield first, self._hit(pair, second.path, pair.subject.quantity, pair.other.quantity)
                yield second, self._hit(pair, first.path, pair.other.quantity, pair.subject.quantity)

    def _hit(self, pair: Counterpart, other_path: str, mine: Quantity, other: Quantity) -> Hit:
        name = _file_name(other_path)
        return Hit(
            mine.block,
            mine.start,
            mine.end,
            f"“{mine.text}”与{name}第{other.block.line}行“{other.text}”不一致：请核实统一",
            severity=None if pair.score >= NEAR_COPY else Severity.WARNING,
            related=(anchor_at(other_path, other, f"{name}写作“{other.text}”"),),
        )


@lru_cache(maxsize=4096)  # one per document, not one per hit (a PurePath per hit cost as much as the hits themselves)
def _file_name(path: str) -> str:
    return PurePath(path).name
