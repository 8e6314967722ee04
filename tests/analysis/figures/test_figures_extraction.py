"""The figures analysis: text → value, unit, interval and subject of each quantity, and what is not a quantity.

Values are in the base unit (元, 人, 亩 …). ``claim`` is what the wording allows (low, high; None is unbounded),
before rounding; ``bounds`` widens it by the rounding of the written digits (and ±10% for 约 when loose).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportlint.analysis.figures import lists, vocabulary
from reportlint.analysis.figures import quantities as figures
from reportlint.analysis.figures.lists import counted_lists
from reportlint.analysis.figures.quantities import find_quantities, written
from reportlint.analysis.figures.subjects import _SUBJECT_WINDOW, subjects
from reportlint.analysis.figures.vocabulary import PERCENT, POINTS
from reportlint.document import Block, Document, blocks_from_lines

D = Decimal


def quantities(text: str):
    return find_quantities(Block(text, "paragraph", [(0, 1, 1, False)]))


def only(text: str):
    found = quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "low", "high"),
    [
        ("今年来共学习“第一议题”44次。", "44次", D(44), "次", D(44), D(44)),
        ("实现产值3812万元。", "3812万元", D(38120000), "元", D(38120000), D(38120000)),
        ("折合0.3812亿元。", "0.3812亿元", D(38120000), "元", D(38120000), D(38120000)),
        ("完成投资6.12亿元", "6.12亿元", D(612000000), "元", D(612000000), D(612000000)),
        ("共获得130多项专利", "130多项", D(130), "项", D(130), D(140)),
        ("帮扶群众二十余人", "二十余人", D(20), "人", D(20), D(30)),
        ("减轻企业负担1500多亿元", "1500多亿元", D(150000000000), "元", D(150000000000), D(160000000000)),
        ("惠及600多万户", "600多万户", D(6000000), "户", D(6000000), D(7000000)),
        ("增长百分之四十二点三七", "百分之四十二点三七", D("42.37"), PERCENT, D("42.37"), D("42.37")),
        ("总面积约402亩", "约402亩", D(402), "亩", D(402), D(402)),
        ("增加近70万亿元", "近70万亿元", D(70) * 10**12, "元", D(56) * 10**12, D(70) * 10**12),
        ("年产值超6亿元", "超6亿元", D(600000000), "元", D(600000000), None),
        ("城镇新增就业1000万人以上", "1000万人以上", D(10000000), "人", D(10000000), None),
        ("失业率控制在4.6%以内", "4.6%以内", D("4.6"), PERCENT, D(0), D("4.6")),
        ("用三至五年时间", "三至五年", D(3), "年", D(3), D(5)),
        ("每年新建3～5个", "3～5个", D(3), "个", D(3), D(5)),
        ("降低3%～5%", "3%～5%", D(3), PERCENT, D(3), D(5)),
        ("合同金额1,234.5元", "1,234.5元", D("1234.5"), "元", D("1234.5"), D("1234.5")),
        ("新建基站１２个", "１２个", D(12), "个", D(12), D(12)),
        ("召开十三次会议", "十三次", D(13), "次", D(13), D(13)),
        ("其中两个企业上规", "两个", D(2), "个", D(2), D(2)),
        ("连续四年排名第一", "四年", D(4), "年", D(4), D(4)),
        ("高于全市0.9个百分点", "0.9个百分点", D("0.9"), POINTS, D("0.9"), D("0.9")),
        ("利用屋顶开发470万千瓦时光伏发电站", "470万千瓦时", D(4700000), "千瓦时", D(4700000), D(4700000)),
        ("近十四亿人口", "近十四亿人", D(1400000000), "人", D(1120000000), D(1400000000)),
        # a space slipped in before the unit leaves a figure
        ("全年发文236 件", "236 件", D(236), "件", D(236), D(236)),
        ("完成投资6.3\u00a0亿元", "6.3\u00a0亿元", D(630000000), "元", D(630000000), D(630000000)),
    ],
)
def test_value_unit_and_claim(text, figure, value, unit, low, high):
    quantity = only(text)
    assert (quantity.text, quantity.value, quantity.unit, quantity.low, quantity.high) == (
        figure,
        value,
        unit,
        low,
        high,
    )


def test_many_before_a_numeral_compares_and_qualifies_nothing():
    assert [(q.text, q.low, q.high) for q in quantities("比上年的219件多27件，比计划的12个余3个")] == [
        ("219件", D(219), D(219)),
        ("27件", D(27), D(27)),
        ("12个", D(12), D(12)),
        ("3个", D(3), D(3)),
    ]
    found = quantities("捐款10万元多，资助120余名")
    assert [(q.text, q.high) for q in found] == [("10万元多", None), ("120余名", D(130))]


def test_equal_amounts_in_different_magnitudes_agree():
    first, second = quantities("实现产值3812万元，即0.3812亿元")
    assert first.value == second.value
    assert first.agrees_with(second) and first.agrees_with(quantities("约0.38亿元")[0])
    assert first.agrees_with(quantities("0.38亿元")[0])  # 0.375…0.385亿元 holds 0.3812亿元
    assert not first.agrees_with(quantities("0.3亿元")[0])
    assert not only("44次").agrees_with(only("38次"))
    assert not only("计划投资1亿元").agrees_with(only("计划投资2亿元"))
    assert not only("计划总投资1亿元").agrees_with(only("计划总投资0.8亿元"))  # that rounding would say 近1亿元
    assert only("约400亩").agrees_with(only("402亩"))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("6.12亿元", D(611500000), D(612500000)),  # half a unit of the last digit
        ("5.6亿元", D(555000000), D(565000000)),
        ("109.30%", D("109.295"), D("109.305")),
        ("3800万元", D(37500000), D(38500000)),  # trailing zeros: rounded to the hundred
        ("44次", D(44), D(44)),  # a plain count is exact
        ("130多项", D(130), D(140)),
    ],
)
def test_rounding_of_the_written_digits(text, low, high):
    assert only(text).bounds(loose=False) == (low, high)


def test_approximations_widen_only_when_loose():
    quantity = only("约402亩")
    assert quantity.approximate and not quantity.is_exact
    assert quantity.bounds(loose=False) == (D("401.5"), D("402.5"))
    assert quantity.bounds() == (D("361.35"), D("442.75"))


def test_placeholders_are_figures_without_a_value():
    figure, percent = quantities("完成投资xx亿元，增长*%")
    assert (figure.text, figure.value, figure.unit) == ("xx亿元", None, "元")
    assert (percent.text, percent.value, percent.unit) == ("*%", None, PERCENT)


def test_written_in_the_magnitude_of_another_figure():
    whole = only("新增铁路里程1.97万公里")
    assert written(D(23000000), whole) == "2300万公里"
    assert written(D(452), only("约402亩")) == "452亩"


@pytest.mark.parametrize(
    "text",
    [
        "2021年以来",
        "于2021年11月5日举办",
        "《行动计划（2021—2023年）》",
        "6月试投产",
        "第二届发展论坛",
        "党的十九届六中全会",
        "市委七届一次、二次全会",
        "市委第三巡察组",
        "遵循“1+1+9”战略部署",
        "严格执行“三会一课”制度",
        "依托“一台账四清单”",
        "一是全面落实",
        "（三）项目建设",
        "1.做强主导产业",
        "建成5G网络",
        "PM2.5浓度",
        "2×60万千瓦机组",
        "统一部署，一批项目",
        "五四奖章",
        "“十四五”规划",
        "党的十九大以来",
        "九十年代",
        "城乡二元结构",
        "标准化厂房二期",
        "国发〔2021〕5号",
        "2024 年工作要点",
        "2021 —2023年",
    ],
)
def test_not_quantities(text):
    assert [q.text for q in quantities(text) if not q.named] == []


@pytest.mark.parametrize("text", ["增强“四个意识”", "倡导“五个带头”", "扎实推进“五大工程”", "增强四个意识"])
def test_counts_in_quotes_and_formulations_are_names(text):
    assert all(q.named for q in quantities(text))


def subject_of(line: str, figure: str):
    document = Document("t.txt", "txt", blocks_from_lines([line]), [line])
    return next(s for s in document.analysis(subjects) if s.quantity.text == figure)


@pytest.mark.parametrize(
    ("text", "figure", "predicate", "noun"),
    [
        ("今年来共学习“第一议题”44次。", "44次", "学习第一议题", ""),
        ("今年以来，学习“第一议题”44次。", "44次", "学习第一议题", ""),
        ("一年来累计学习“第一议题”44次。", "44次", "学习第一议题", ""),
        ("今年以来，xx党工委理论学习中心组共计召开学习会15次。", "15次", "党工委理论学习中心组召开学习会", ""),
        ("已召开学习会15次。", "15次", "召开学习会", ""),
        ("梳理出13项重点实事", "13项", "梳理出", "重点实事"),
        ("取得洽谈成果的19个项目", "19个", "取得洽谈成果", "项目"),
        ("召开党工委会议18次、党政联席会议22次", "22次", "党政联席会议", ""),
        ("xx生产基地项目，计划投资1亿元，年产值5亿元", "1亿元", "计划投资", ""),
        ("国内生产总值达到114万亿元，增长8.1%", "8.1%", "国内生产总值/增长", ""),
        ("全年财政收入5955亿元，比上年增加1637亿元", "1637亿元", "财政收入/比上年增加", ""),
        ("实施城镇居民养老保险试点，1334万人参保", "1334万人", "实施城镇居民养老保险试点", "参保"),
    ],
)
def test_subject_drops_the_words_a_speech_rewords(text, figure, predicate, noun):
    subject = subject_of(text, figure)
    assert (subject.predicate, subject.noun) == (predicate, noun)


def test_figures_listed_together_have_no_subject_of_their_own():
    assert subject_of("二氧化硫、化学需氧量排放量分别下降3.5%、2.9%", "3.5%").distributive
    assert subject_of("城乡低保标准提高13.1%和17.7%", "17.7%").distributive
    assert not subject_of("城乡低保标准提高13.1%", "13.1%").distributive


def test_context_masks_figures_and_placeholders_and_keeps_years():
    subject = subject_of("2021年，xx电项目，计划总投资0.3亿元，利用xx厂房屋顶开发470万千瓦时光伏发电站。", "0.3亿元")
    assert subject.before == "2021年，#电项目，计划总投资"
    assert subject.after == "，利用#厂房屋顶开发#万千瓦时光伏"
    assert subject.frame == "2021"


# Bounds that keep the analyses linear on long runs; what real text holds stays within them.


def test_a_chinese_numeral_as_long_as_the_bound_is_read_whole():
    numeral = "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九"
    assert len(numeral) == 1 + vocabulary.CHINESE_DIGITS_MAX
    assert (only(f"达到{numeral}人").text, only(f"达到{numeral}人").value) == (f"{numeral}人", D(9999999999999999))


def test_a_chain_of_ranges_as_long_as_the_bound_reads_as_without_it():
    # read from the end: 3% stands alone, so 2%～3% is a range, and 1% is not joined to a range
    assert vocabulary.RANGE_LINKS == 2
    assert [q.text for q in quantities("1%～2%～3%")] == ["1%", "2%～3%"]
    assert len(quantities("增长" + "1%～" * 1000 + "2%")) > 0  # a longer chain is cut, not a RecursionError


def test_the_subject_is_read_from_the_last_words_before_the_figure():
    words = ("甲乙丙丁戊己庚辛壬癸" * 6)[: _SUBJECT_WINDOW - 5] + "召开学习会"
    assert len(words) == _SUBJECT_WINDOW
    assert subject_of(f"{words}15次。", "15次").predicate == words
    assert subject_of(f"子{words}15次。", "15次").predicate == words


def test_a_list_after_its_count_as_long_as_the_bound_is_found():
    items = ["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申"] * 14 + ["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"]
    listed = "、".join(items)
    assert len(listed) == lists._MAX_LIST

    def found(line: str):
        return Document("t.txt", "txt", blocks_from_lines([line]), [line]).analysis(counted_lists)

    assert [(c.count.text, c.minimum) for c in found(f"推进十五项工作：{listed}。")] == [("十五项", 15)]
    assert found(f"推进十五项工作：{listed}、甲。") == []  # the segment ends out of reach: not a list


def test_a_qualifier_at_the_end_of_the_previous_paragraph_is_not_the_figures():
    """Paragraphs are scanned joined by line breaks: 超过 ending one paragraph must not qualify a figure that
    opens the next (it would also give the figure a span starting before its paragraph)."""
    document = Document("a.txt", "txt", blocks_from_lines(["全区旅游收入占比超过", "120%的目标已经完成。"]), [])
    [figure] = figures.figures(document)
    assert (figure.block.index, figure.start, figure.text, figure.qualifier) == (1, 0, "120%", "")
    assert (figure.low, figure.high) == (D(120), D(120))  # 超过 would have made it (120, None)
