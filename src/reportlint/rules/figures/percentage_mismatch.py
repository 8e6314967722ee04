"""NUM005 percentage-mismatch: A percentage outside what its figures allow (completion, share, growth), rounding
allowed for."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportlint.analysis.figures.averages import averages
from reportlint.analysis.figures.quantities import written
from reportlint.analysis.figures.ratios import differences, ratios
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import operands


class PercentageMismatch(Rule):
    """查找与同时给出的数字对不上的百分比：计划完成率
    （``完成投资6.3亿元，为年度计划5.6亿元的118%``）、占比
    （``其中税收收入12.6亿元，占一般公共预算收入的82.4%``）、比上年的增幅
    （``比上年增加1637亿元，增长37.9%``）。

    为什么要查：百分比算过一次，之后数字改了，百分比却留了下来。

    考虑四舍五入：写出的数字代表一个区间（6.12代表6.115～6.125），只有当百分比落
    在该区间所允许的一切值之外时才报；计划、任务数是定下的数，按所写的值算（``下达任务4万亩``就是4万亩）。
    整体可以写在占比之中（``占耕地总面积92.3万亩的34.2%``）；``占比``之前可再提分项之名（``税收占比``）。落在区间之内、但与直接相除的结果不同的，属
    于 NUM006（默认不启用）。也读完成率（``发现问题34个，已整改31个，整改率为
    91.2%``：率前的动词须见于分子的分句；``占比``须分子前有``已``），整体取本段
    此前同单位、不小于分子且不是其他分项的最近数字。也查年均增长（``由2021年的9.6亿元
    增至13.8亿元，年均增长15.2%``，终止年取其后写明的年份或此前提到的最近年份，``增至今年的``亦同）和写明
    的增减量（``较上年的1392件减少131件``、``上年为643件，比上年少131件``、``提高23.3个百分点``；上年数也可在此前别处写明：``上年全县接待游客286万
    人次。……比上年增加26万人次``，须是稿中此前唯一一个同一指标的上年数），以及``分别``之下成列的``9起、7人，比上年同期的12起、
    10人分别减少3起、3人``）。基数可以
    用年份点明（``比2020年的32100元增长28.3%``）；占比所称的整体（``占行政村总数的``）和完成率所对的计划
    （``年初确定固定资产投资计划45亿元``，措辞须含实绩所指的``固定资产投资``）可以在本段前面的句子里。
    也查同句给出总数和人数（村数、户数）的平均数（``班子6名成员……共计86次，人均14.3次``、``14个村……
    238万元，村均17万元``）；可作除数的人数（村数、户数）不止一个时不查。不检查模糊的数字（``约``、
    ``超``、``多``）、年均增长和实际增长（``年均``、``实际``）。

    忽略方法：改正百分比或数字；``ignore = ["NUM005"]``关闭此规则。
    """

    code = "NUM005"
    name = "percentage-mismatch"
    severity = Severity.ERROR
    summary = "百分比超出其数字所允许的范围（完成率、占比、增幅），已考虑四舍五入"
    flags = (
        Case("标准化厂房二期完成投资6.3亿元，为年度计划5.6亿元的⟦118%⟧。", fix="113%"),
        Case("专项检查发现问题40个，已整改36个，整改率为⟦93%⟧。", fix="90%"),
        Case("全年纳入监测对象200户，已消除风险150户，占比⟦78%⟧。", fix="75%"),
        Case("新建高标准农田4.56万亩，完成市下达任务4.00万亩的⟦118.5%⟧。", fix="114.0%"),
        Case("旅游收入由2021年的9.6亿元增至2025年的13.8亿元，年均增长⟦11.3%⟧。", fix="9.5%"),
        Case("全县受理信访事项1236件，较上年的1392件减少⟦131件⟧，下降11.2%。", fix="156件"),
        Case("覆盖率由2023年的71.2%提高到2025年的96.5%，提高⟦23.3个百分点⟧。", fix="25.3个百分点"),
        Case("排查隐患500处，其中重大隐患5处、一般隐患495处。截至年底，已整改隐患450处，整改率为⟦92%⟧。", fix="90%"),
        Case("参加考试学生800人，其中理科500人、文科300人。本科上线600人，本科上线率达到⟦78%⟧。", fix="75%"),
        Case("全年接待游客312万人次，比上年的286万人次增长⟦12.6%⟧。", fix="9.1%"),
        Case("全县共有行政村126个。今年集体经济收入超过10万元的村达到98个，占行政村总数的⟦81.3%⟧。", fix="77.8%"),
        Case("全年受理信访件512件，上年为643件，比上年少⟦121件⟧。", fix="131件"),
        Case("上年全县接待游客286万人次。今年接待游客312万人次，比上年增加⟦36万人次⟧。", fix="26万人次"),
        Case("班子6名成员全年到基层调研共计86次，人均⟦12.3次⟧。", fix="14.3次"),
        Case("土地流转面积31.6万亩，占耕地总面积92.3万亩的⟦38.2%⟧。", fix="34.2%"),
    )
    passes = (
        "标准化厂房二期完成投资6.3亿元，为年度计划5.6亿元的112.5%。",
        "专项检查发现问题40个，已整改36个，整改率为90%。",
        "全年纳入监测对象200户，已消除风险150户，占比75%。",
        "参加考试学生800人，其中理科500人、文科300人，往届生40人。本科上线600人，本科上线率达到75%。",
        "全县学校120所，覆盖学生9万人，九年义务教育巩固率达到95%。",
        "旅游收入由2021年的9.6亿元增至2025年的13.8亿元，年均增长9.5%。",
        "旅游收入由2021年的9.6亿元增至13.8亿元，年均增长9.5%。",
        "旅游收入由9.6亿元增至13.8亿元，年均增长11.3%。",
        "全县受理信访事项1236件，较上年的1392件减少156件，下降11.2%。",
        "全年发文236件，比上年的219件多17件。",
        "新建高标准农田4.5万亩，完成市下达任务4万亩的112.5%。",
        "全年发文236件，比上年减少219件，下降48%。",
        "覆盖率由2023年的71.2%提高到2025年的96.5%，提高25.3个百分点。",
        "发生事故9起、死亡7人，比上年同期的12起、10人分别减少3起、3人。",
        "发现问题40个，整改36个，占比95%。",
        "发现问题40个，已整改36个，群众满意率为95%。",
        "全年接待游客312万人次，比上年的286万人次增长9.1%。",
        "全县共有行政村126个。今年有98个村完成改厕，占全省试点村的10.2%。",
        "年初确定固定资产投资计划45亿元。全年完成工业投资21.6亿元，完成年度计划的112%。",
        "班子6名成员和12名中层干部共调研186次，人均10.3次。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for ratio in document.analysis(ratios):
            if ratio.impossible:
                percent = ratio.percent
                yield Hit(
                    percent.block,
                    percent.start,
                    percent.end,
                    f"按{ratio.formula}计算约为{ratio.quotient}%，与“{percent.text}”不符"
                    f"（各数舍入后在{_percent(ratio.low)}%～{_percent(ratio.high)}%之间）：请核实",
                    replacement=f"{ratio.expected}%" if percent.text.endswith("%") else None,
                    safe_fix=False,
                    related=operands(document, ratio),
                )

        stated_changes = [(difference, "为") for difference in document.analysis(differences)]
        for difference, about in stated_changes + [(average, "约为") for average in document.analysis(averages)]:
            if difference.impossible:
                stated = difference.stated
                expected = written(difference.expected, stated)
                yield Hit(
                    stated.block,
                    stated.start,
                    stated.end,
                    f"按{difference.formula}计算{about}{expected}，与“{stated.text}”不符：请核实",
                    replacement=expected,
                    safe_fix=False,
                    related=operands(document, difference),
                )


def _percent(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.1")), "f")
