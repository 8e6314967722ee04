"""Word rules in Python: TYP005 duplicated word, TYP006 的 before a complement of degree."""

from __future__ import annotations

import json

import pytest
from helpers import lint_text, run_cli


def found(text: str, code: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.fix.edits[0].content if f.fix else None) for f in lint_text(text, select=[code])]


# TYP005 duplicated-word ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("主动对标对标，进一步坚定志气骨气底气。", [("对标对标", "对标")]),
        ("个别党员对党建工作工作不够重视。", [("工作工作", "工作")]),
        ("要加快推进推进项目建设。", [("推进推进", "推进")]),
        ("深入学习贯彻省、市有关会议精神精神，巩固成果。", [("精神精神", "精神")]),
        ("针对党员干部培养教育的方法方法探讨得还不够。", [("方法方法", "方法")]),
        ("推动高质量发展高质量发展迈上新台阶。", [("高质量发展高质量发展", "高质量发展")]),
        ("做好工作工作工作。", [("工作工作", "工作")]),  # one finding for a run
        ("为企业提供优质优质服务，切实切实减轻基层负担。", [("优质优质", "优质"), ("切实切实", "切实")]),
        ("认真认真落实各项部署。", [("认真认真", "认真")]),  # the second copy begins 认真落实
        ("走访走访群众，及时及时回应关切。", [("走访走访", "走访"), ("及时及时", "及时")]),  # 群 heads no compound here
        ("把安全放在心上，要要把好质量关，在在线下同步推进。", [("要要", "要")]),  # 在|在线 is a word after 在
    ],
)
def test_a_doubled_report_word_is_flagged_with_one_copy_as_the_fix(text, expected):
    assert found(text, "TYP005") == expected


@pytest.mark.parametrize(
    "text",
    [
        "我们要好好研究研究，大家讨论讨论，再商量商量。",  # tentative reduplication of verbs
        "常常、家家户户、实打实、一步一步、看一看、一个一个、走着走着、很多很多。",
        "学习习近平新时代中国特色社会主义思想，税收收入增长，召开开发区工作会议。",  # one character repeated
        "设立新兴产业创业创新平台，做好公路交通保通保畅工作，强化监测预测预警。",  # repeat straddles two words
        "召开民营企业企业家座谈会，加强信访工作工作人员培训。",  # two words sharing a part
        "坚持对标对表，推进工作落实。",
        "问题要一件一件抓落实，一个一个解决好，两个两个结对，很多很多人，逐步逐步扩大。",  # counting, degree
        "坚持平等互利和和平共处，我们要要求自己更严，这是目的的确立，的的确确，实实在在，是是非非。",
        "提高无产阶级阶级觉悟，发展农业科技科技人员队伍。",  # two words meeting, a compound after the copy
        "雪白雪白的墙面，笔直笔直的大道。",  # state adjectives
        "推进标准标准化建设，延伸产业产业链。",  # a productive suffix makes a compound with the second copy
        "大家回去交流交流，再了解了解情况。",  # tentative verbs
    ],
)
def test_reduplication_and_words_that_meet_are_left_alone(text):
    assert found(text, "TYP005") == []


# TYP006 complement-de ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("干得很辛苦、走的很稳健，在不平凡的一年干出了不平凡的业绩。", "走的很稳健"),
        ("今年各项工作开展的非常扎实。", "开展的非常扎实"),
        ("全区经济发展的很快，", "发展的很快"),
        ("项目推进的十分顺利", "推进的十分顺利"),
        ("对新思想学的不深、领悟得还不透。", "学的不深"),  # a negated complement ends the clause
        ("问题整改的不彻底，", "整改的不彻底"),
        ("主体责任落实的不够到位；", "落实的不够到位"),
        ("基层党建抓的不实", "抓的不实"),
    ],
)
def test_de_before_a_complement_of_degree_is_flagged_with_de_as_the_fix(text, span):
    findings = lint_text(text, select=["TYP006"])
    assert [(f.text, f.fix.edits[0].content, f.fix.safe) for f in findings] == [("的", "得", True)]
    assert findings[0].message == f"“{span}”：补语前应用“得”"
    assert text[findings[0].start.column - 1] == "的"


@pytest.mark.parametrize(
    "text",
    [
        "他的很多朋友都来了。",  # possessive, then a noun phrase
        "对政府工作提出了新的更高要求。",
        "你说的很对。",  # what you said (说的 names a thing)
        "看谁学的更多一点，更好一点。",
        "在未来的很长时间里，",
        "骨干的很好。",
        "干得很辛苦、走得很稳健。",
        "经济发展的很多方面都有进步。",  # no clause end after the adjective
        "有的不够，有的过多。",  # 有的 "some": a pronoun, no verb
        "办学的不足在于师资，化学的不同分支。",  # 不足/不同 are no complements; 学 ends a noun
        "我们做的不够。",  # 做的 also names what was done
        "推进的不是项目而是改革，落实的不仅是政策。",  # 不 does not begin a complement that ends the clause
    ],
)
def test_other_uses_of_de_are_left_alone(text):
    assert found(text, "TYP006") == []


# Fixes in JSON -------------------------------------------------------------------------------------------------


def test_word_findings_carry_their_fix_edits_in_json():
    result = run_cli(
        "check",
        "--output-format",
        "json",
        "--select",
        "TYP",
        "--exit-zero",
        "--stdin-filename",
        "draft.txt",
        "-",
        stdin="截止目前，共获得专利130项，会议精神精神，走的很稳健。".encode(),
    )
    findings = json.loads(result.stdout)
    edits = {(f["code"], f["text"]): f["fix"]["edits"][0] for f in findings}
    assert {key: edit["content"] for key, edit in edits.items()} == {
        ("TYP002", "截止"): "截至",
        ("TYP005", "精神精神"): "精神",
        ("TYP006", "的"): "得",
    }
    assert edits[("TYP002", "截止")]["location"] == {"row": 1, "column": 1}
    assert edits[("TYP002", "截止")]["end_location"] == {"row": 1, "column": 3}
    assert all(f["fix"]["applicability"] == "safe" for f in findings)
