"""NUM007 count-mismatch: A count word (五大工程, 四大产业) that disagrees with the items listed."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.analysis.figures.lists import counted_lists
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class CountMismatch(Rule):
    """Finds a count word that does not match the items listed with it: five items and then ``四大产业``,
    or four items and then ``“五大工程”``.

    Why: lists grow and shrink between drafts while the count word stays; readers count.

    More items than the count is an error. One item fewer is a warning, unless ``等`` says that not all are
    named (``xx等5家企业`` is fine). Items are separated by ``、``; ``和``/``及``/``与`` may join two. Counts
    that are names (``“四个意识”``, ``三会一课``), that a ``的``-phrase or a verb governs (``扩大内需、促进
    增长的十项措施``, ``延续、变更或审批14宗矿权``), and lists of figures are left alone, as is a count far
    above its list, which names examples rather than the whole set.

    Silence it: correct the count or complete the list (or add ``等``). ``ignore = ["NUM007"]`` turns it off.
    """

    code = "NUM007"
    name = "count-mismatch"
    severity = Severity.ERROR
    summary = "A count word (五大工程, 四大产业) that disagrees with the items listed"
    flags = (Case("扎实推进产业强链、企业育苗、园区筑巢、人才聚智“⟦五大⟧工程”"),)
    passes = (
        "扎实推进产业强链、企业育苗、园区筑巢、人才聚智“四大工程”",
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


_COUNTED_NOUN = regex.compile(r"\p{Han}{1,2}")
