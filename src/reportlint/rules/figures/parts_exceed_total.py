"""NUM003 parts-exceed-total: Parts listed after 其中 add up to more than their total, or an exhaustive split does not
add up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.analysis.figures.quantities import Quantity, written
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import anchor_at


class PartsExceedTotal(Rule):
    """查找加起来不可能等于总数的分项：``共N…，其中A…、B…``而 A + B 超过 N；以及穷
    尽的分项（``已完成A项，剩余B项``；``其余``；``其中``之后的``另有``）加起来不
    恰好等于 N。

    为什么要查：总数和分项往往取自不同的表格，或其中一个还是去年的。

    考虑四舍五入（``1.97万公里``可能是19650公里）。分项只取紧跟``其中``的列举，
    单位以其中第一个数字为准；比率、人均值（``人均``）、增减量（``比上年增加``）、
    列举中的总量（``总里程``，但``党总支``、``消防总队``是分项的名称）以及修饰名词的数量（``超10亿元项目``）
    不算分项；分项后自带的占比（``本科学历52名、占60.5%``）跳过，各带占比、以分号隔开的分项也算；``其中``只管到它
    所在的分句：逗号之后比总数还大的数字是另一件事（``其中高铁160公里，新改建公路1800公里``）。``已完成…，
    尚未完成的…``、末项为``其他…``（或在``重大…``之后为``一般…``）的列举以及总数之后``分别为``的列举
    （``三个园区共有企业146家，分别为68家、45家、33家``）也是穷尽的分项。类
    别可能交叉，但报告中``其中``之后列的通常互不重叠；如果你的确实交叉，请在文中
    说明，或忽略这条问题。紧跟``其中``、以顿号连成一串的分项视为对整体的划分：合计比
    确数的总数少、差额又小于最小的分项和总数的一成时也报（只列了主要分项的，请加``等``）。

    忽略方法：改正数字；``ignore = ["NUM003"]``关闭此规则。
    """

    code = "NUM003"
    name = "parts-exceed-total"
    severity = Severity.ERROR
    summary = "“其中”之后所列各部分之和超过总数，或穷尽的分项加起来不等于总数"
    flags = (
        Case("全年共实施市级重点项目⟦20个，其中工业项目12个、服务业项目11个⟧。"),
        Case("报告期内，全年招引项目⟦15个，总投资9.6亿元。其中，农业项目6个、工业项目5个、文旅项目7个⟧。"),
        Case("报告期内，排查隐患⟦41处，已销号33处，其余9处⟧限期整改。"),
        Case("全年实施重点项目⟦126个，其中工业项目52个、基础设施项目41个、社会民生项目30个⟧。"),
        Case("报告期内，排查隐患⟦412处，已整改398处，其余17处⟧限期整改。"),
        Case("全镇共有基层党组织⟦31个。其中，党委3个、党总支5个、党支部24个⟧。"),
        Case("共有卫生院⟦22家，其中中心卫生院8家（占36.4%），一般卫生院15家⟧（占68.2%）。"),
    )
    passes = (
        "全年共实施市级重点项目20个，其中工业项目12个、服务业项目8个。",
        "报告期内，参加高考学生782人，其中物理类512人、历史类270人，往届生46人。",
        "报告期内，培训党员干部1200人次，其中村干部360人次、党员群众840人次，女性学员410人次。",
        "报告期内，梳理问题46条，其中思想方面19条、业务方面15条、作风方面12条，经归并为18条。",
        "报告期内，全年招引项目15个。其中，农业项目6个、工业项目5个、文旅项目4个。",
        "全年实施重点项目126个，其中工业项目52个、基础设施项目41个。",
        "全年实施重点项目126个，其中工业项目52个，基础设施项目71个。",
        "全年实施重点项目约126个，其中工业项目52个、基础设施项目71个。",
        "全年实施重点项目126个，其中工业项目52个、基础设施项目41个、社会民生项目30个等。",
        "报告期内，全年招引项目15个。下一步，新建农业项目6个、工业项目5个、文旅项目7个。",
        "全镇共有基层党组织31个。其中，党委2个、党总支5个、党支部24个。",
        "共有卫生院22家，其中中心卫生院8家（占36.4%），一般卫生院14家（占63.6%）。",
        "全县有学校58所，其中小学36所、初中15所；新建校舍12所。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for item in document.analysis(breakdowns):
            whole_low, whole_high = item.whole.bounds(loose=False)
            bounds = [part.bounds(loose=False) for part in item.parts]
            if any(low is not None and whole_high is not None and low > whole_high for low, _ in bounds):
                continue  # one part alone is larger: NUM004
            low = sum((b[0] for b in bounds if b[0] is not None), Decimal(0))
            highs = [b[1] for b in bounds if b[1] is not None]
            high = sum(highs, Decimal(0)) if len(highs) == len(bounds) else None
            total = sum((part.value for part in item.parts if part.value is not None), Decimal(0))
            terms = "+".join(part.text for part in item.parts)
            first, last = item.parts[0], item.parts[-1]
            related = (anchor_at(document.path, item.whole, f"总数“{item.whole.text}”"),)
            sum_text = written(total, item.whole)
            if whole_high is not None and low > whole_high and len(item.parts) > 1:
                message = f"其中各项合计{terms}={sum_text}，超过总数“{item.whole.text}”：请核实"
            elif item.exhaustive and (
                (whole_high is not None and low > whole_high)
                or (high is not None and whole_low is not None and high < whole_low)
            ):
                message = f"各部分合计{terms}={sum_text}，与总数“{item.whole.text}”不符：请核实"
            elif item.listed and _just_short(item.whole, bounds, high):
                message = f"其中各项合计{terms}={sum_text}，少于总数“{item.whole.text}”：请核实（分项未列全的请加“等”）"
            else:
                continue
            # the whole and its parts: either may be the wrong figure
            start = min(item.whole.start, first.start) if item.whole.block is first.block else first.start
            yield Hit(first.block, start, last.end, message, related=related)


def _just_short(whole: Quantity, bounds: list[tuple[Decimal | None, Decimal | None]], high: Decimal | None) -> bool:
    """Whether a listed partition falls short of its exact whole by less than its smallest part and a tenth of
    the whole: a slip, not a list that names only the main parts."""
    if high is None or not whole.is_exact or whole.value is None or any(low is None for low, _ in bounds):
        return False
    gap = whole.value - high
    smallest = min(low for low, _ in bounds if low is not None)
    return Decimal(0) < gap < smallest and gap * 10 <= whole.value
