"""NUM004 part-exceeds-whole: A part (after 其中) larger than its whole."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import anchor_at


class PartExceedsWhole(Rule):
    """查找大于整体的部分：``总面积约402亩，其中2个批次约452亩``。

    为什么要查：部分不可能超过它所属的整体；两个数字中必有一个打错了或没更新。

    同一段中的约数保持大小关系（``约452亩``不在``约402亩``之内）；考虑四舍五入。
    也查``的``字结构所数的部分（``县医共体有8家成员单位，但实现统一管理的只有11家``：整体须说明
    “有”多少，且没有并列的另一个``的``字结构）。部分的认定与 NUM003 相同：``其中``只管到它所在的
    分句，逗号之后比整体还大的数字是另一件事（``其中高铁160公里，新改建公路1800公里``）。

    忽略方法：改正数字；``ignore = ["NUM004"]``关闭此规则。
    """

    code = "NUM004"
    name = "part-exceeds-whole"
    severity = Severity.ERROR
    summary = "部分（“其中”之后）大于整体"
    flags = (
        Case("已报审3个批次，总面积约402亩，其中2个批次⟦约452亩⟧已获批复。"),
        Case("新发展党员12名，其中35岁以下青年党员⟦14名⟧。"),
        Case("县医共体有8家成员单位，但实现人、财、物统一管理的只有⟦11家⟧。"),
    )
    passes = (
        "已报审3个批次，总面积约402亩，其中2个批次约252亩已获批复。",
        "新发展党员12名，其中35岁以下青年党员10名。",
        "新发展党员12名，其中年龄在35岁以下的占一半。",
        "新增铁路里程210公里，其中高铁160公里，新改建公路1800公里。",
        "全县有先进个人3850人，被评为突击手的有4290人，被评为红旗手的有7180人。",
        "全年培训村干部320人次，其中专题轮训180人次，组织外出考察学习1260人次。",
        "建成污水管网46公里，其中雨污分流改造28公里，城区排水管网总长达到410公里。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for item in document.analysis(breakdowns):
            _, whole_high = item.whole.bounds(loose=False)
            if whole_high is None:
                continue
            for part in item.parts:
                low, _ = part.bounds(loose=False)
                if low is not None and low > whole_high:
                    yield Hit(
                        part.block,
                        part.start,
                        part.end,
                        f"部分“{part.text}”大于整体“{item.whole.text}”：请核实",
                        related=(anchor_at(document.path, item.whole, f"整体“{item.whole.text}”"),),
                    )
