"""NUM007 count-mismatch: A count word (五大工程, 四大产业) that disagrees with the items listed."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.lists import counted_lists
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class CountMismatch(Rule):
    """查找与所列事项对不上的数量词：列了五项，后面写``四大产业``；或列了四项，后面
    写``“五大工程”``。

    为什么要查：稿子几经修改，列举的事项增增减减，数量词却没跟着改；读者会去数。

    所列事项多于数量词的，报错误；少一项的，报警告，除非有``等``表明没有列全
    （``xx等5家企业``不报）。事项以``、``分隔（并排的引号内事项可不加顿号：
    ``“岭南毛尖”“岭南黑猪”``），``和``、``及``、``与``可连接两项。
    不报的情形：作为名称的数量词（``“四个意识”``、``三会一课``），受``的``字短语
    或动词支配的数量词（``扩大内需、促进增长的十项措施``、
    ``延续、变更或审批14宗矿权``），``分别``、``各自``之后的数量词（``城东、城西、城南分别新建学校
    2所``：每项各有），数字列表，以及远大于所列项数的数量词（所列只
    是举例，不是全部）。

    忽略方法：改正数量词或补全列举（或加``等``）；``ignore = ["NUM007"]``关闭此
    规则。
    """

    code = "NUM007"
    name = "count-mismatch"
    severity = Severity.ERROR
    summary = "数量词（五大工程、四大产业）与所列项数不符"
    flags = (
        Case("扎实推进产业强链、企业育苗、园区筑巢、人才聚智“⟦五大⟧工程”"),
        Case("打响“岭南毛尖”“岭南黑猪”“岭南蜜柚”⟦两个⟧区域公用品牌。"),
    )
    passes = (
        "扎实推进产业强链、企业育苗、园区筑巢、人才聚智“四大工程”",
        "打响“岭南毛尖”“岭南黑猪”两个区域公用品牌。",
        "城东、城西、城南分别新建学校2所。",
        "全区引进xx等5家企业。",
        "牢固树立“四个意识”，坚持三会一课制度。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for listed in document.analysis(counted_lists):
            count = listed.count
            assert count.value is not None
            number = int(count.value)
            noun = _COUNTED_NOUN.match(count.block.text, count.end)
            called = count.text + (noun.group(0) if noun else "")  # 五大工程
            if listed.minimum > number:
                message, severity = f"列举了{listed.minimum}项，却称“{called}”：请核实数目", None
            elif not listed.partial and number == listed.maximum + 1:
                message = f"只列举了{listed.maximum}项，却称“{called}”：请补全或改正数目（有意只举部分请加“等”）"
                severity = Severity.WARNING
            else:
                continue
            yield Hit(count.block, count.start, count.end, message, severity=severity)


_COUNTED_NOUN = lazy_regex(r"\p{Han}{1,2}")
