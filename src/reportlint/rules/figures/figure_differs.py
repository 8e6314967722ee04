"""NUM001 figure-differs: The same figure stated twice in one draft with different values."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.comparison import counterparts
from reportlint.analysis.figures.restated import restatements, transposed
from reportlint.analysis.figures.subjects import subjects
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import anchor_at

#: How alike the contexts of two figures must be to take them for one statement (see subjects.similarity).
WITHIN_DOCUMENT_SIMILARITY = 0.5


class FigureDiffers(Rule):
    """查找同一稿中说了两次、数字却不同的同一件事：数字之前的措辞相同，单位相同，年
    份相同，数字不同。

    为什么要查：稿子由不同时间写成的段落拼成，一处改了数字，另一处还是旧数，读者
    无从判断哪个对。

    两处都报，并互相指明对方。数字所在句中、数字之前的措辞须相同（``共``、
    ``累计``、``今年以来``之类除外），且在数字本身的分句之前还有分句
    （``2024年，``），主语须恰好出现两次。不报的情形：说的是不同事物的平行表述
    （``由江苏省……对111名责任人``与``由河北省……对27名责任人``，或两个标题下各有
    ``共检查项目12个``），目标数（``左右``、``以上``），时长，不同年份的数字，以
    及在四舍五入范围内一致的数字（``186.4亿元``与``186亿元``）。

    措辞不同的同一指标（``新增经营主体``与``新登记经营主体``，``限上商贸企业``与``全县限
    额以上商贸企业``，``以地区生产总值……为基数``与``全县地区生产总值完成``：去掉``实现``、
    ``完成``、``新增``、``全县``之类、统一``规上``/``限上``等简称后相同，全稿恰好出现两次，
    都是实绩，说的是同一年：``上年``与``今年``不比）报在后一处，条件是：数字是同几个数字换了次序（``5826``与``5862``），或者两处
    句中此前都没有数字、年份或日期（``抽查各部门网站500个，``之类的话题说的是另一件事）、都是
    确数而相差不到四分之一（比率、倍数不比）。同几个数字换了次序、单位同类（``人``与``名``）、一处的名称原样出现在另一处（前面
    只多``明年力争``、``对``之类的字）的两个数字也报，哪怕一处是``保持……左右``的目标。自称``……的计划``
    （``年内建成5G基站350个的计划``）的数字与此前唯一一个同单位、措辞结尾相同的计划数（``计划新建5G基站
    320个``）不一致的，也报。

    忽略方法：统一数字；``ignore = ["NUM001"]``关闭此规则。
    """

    code = "NUM001"
    name = "figure-differs"
    severity = Severity.WARNING
    summary = "同一稿中同一事项的数字前后不一致"
    flags = (
        Case(
            "一、主要指标\n2024年，全区实现地区生产总值⟦186.4亿元⟧，增长6.2%。\n二、经济运行\n2024年，全区实现地区生产总值⟦186.9亿元⟧，增长6.2%。\n"
        ),
        Case("全年新增经营主体5826户，其中企业1473户。\n全年新登记经营主体⟦5862户⟧，同比增长7.4%。\n"),
        Case("全县地区生产总值完成286.4亿元，增长6.1%。\n以地区生产总值⟦268.4亿元⟧为基数测算，总量将突破300亿元。\n"),
        Case("限上商贸企业达到127家，实现零售额38.6亿元。\n全县限额以上商贸企业⟦130家⟧，增长4.1%。\n"),
        Case("学校现有教学班48个，在校学生2316人。\n明年力争在校学生保持⟦2361名左右⟧规模。\n"),
        Case("今年计划新建5G基站320个。\n要确保完成年内建成5G基站⟦350个⟧的计划。\n"),
    )
    passes = (
        "2024年，全区实现地区生产总值186.4亿元。\n……\n2024年，全区实现地区生产总值186亿元。\n",
        "全年新增经营主体5826户。\n全年新增经营主体5826户，同比增长7.4%。\n",
        "2024年，新增经营主体5826户。\n2025年，新增经营主体5862户。\n",
        "全年新增经营主体5826户。\n力争新增经营主体5862户。\n",
        "全年新增经营主体5826户。\n全年新增个体经营户5862户。\n",
        "全县地区生产总值完成286.4亿元。\n全县地区生产总值完成268.4亿元。\n全县地区生产总值完成300亿元。\n",
        "由江苏省根据有关规定，对111名责任人进行问责。\n由河北省根据有关规定，对27名责任人进行问责。\n",
        "全县新增市场主体1.2万户。\n城关镇新增市场主体1.1万户。\n",
        "引进项目126个。\n储备项目162个。\n",
        "抽查本地区网站1246个，总体合格率94%。\n随机抽查各部门网站500个，总体合格率97%。\n",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(subjects)
        pairs = [
            (pair.subject, pair.other) for pair in counterparts(found, found, WITHIN_DOCUMENT_SIMILARITY, within=True)
        ]
        seen = {id(a) for a, _ in pairs}
        for a, b in restatements(found):
            if id(a) not in seen and id(b) not in seen:
                pairs.append((b, a))  # the restatement is checked against the first statement
        for subject, counterpart in pairs:
            mine, other = subject.quantity, counterpart.quantity
            if mine.agrees_with(other) and not transposed(mine, other):
                continue
            line = other.block.line
            yield Hit(
                mine.block,
                mine.start,
                mine.end,
                f"“{mine.text}”与第{line}行同一数字“{other.text}”不一致：请核实统一",
                related=(anchor_at(document.path, other, f"此处写作“{other.text}”"),),
            )
