"""The figure rules within one draft (NUM001, NUM003–NUM009): what each flags and the look-alikes it leaves."""

from __future__ import annotations

import pytest
from helpers import lint_text

from reportlint.findings import Severity


def found(text: str, code: str, **config) -> list[tuple[str, str]]:
    return [(f.text, f.severity.label) for f in lint_text(text, select=[code], **config)]


# NUM001 figure-differs -------------------------------------------------------------------------------------


def test_a_statement_repeated_with_another_figure_is_flagged_at_both_places():
    text = (
        "一、主要指标\n2024年，全区实现地区生产总值186.4亿元，增长6.2%。\n"
        "二、经济运行\n2024年，全区实现地区生产总值186.9亿元，增长6.2%。\n"
    )
    findings = lint_text(text, select=["NUM001"])
    assert [(f.text, f.start.line, f.severity) for f in findings] == [
        ("186.4亿元", 2, Severity.WARNING),
        ("186.9亿元", 4, Severity.WARNING),
    ]
    line_4 = text.splitlines()[3]
    assert [(r.start.line, r.start.column) for r in findings[0].related] == [(4, line_4.index("186.9") + 1)]
    assert findings[0].message == "“186.4亿元”与第4行同一数字“186.9亿元”不一致：请核实统一"


def test_the_words_a_writer_adds_or_drops_do_not_hide_a_repeated_statement():
    text = "今年以来，新招引签约项目36个，协议总投资312亿元。\n全年，共新招引签约项目38个，协议总投资312亿元。\n"
    assert found(text, "NUM001") == [("36个", "warning"), ("38个", "warning")]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a statistical term and its short form
        ("一、主要指标\n限上商贸企业达到127家，实现零售额38.6亿元。\n二、商贸\n全县限额以上商贸企业130家。\n", "130家"),
        ("规上工业企业达到96家。\n……\n全区规模以上工业企业104家，实现产值增长9%。\n", "104家"),
        # another verb for one indicator, a figure close to the first
        ("（一）营商环境\n全年新增市场主体1.2万户，增长8%。\n（二）市场活力\n全年新登记市场主体1.4万户。\n", "1.4万户"),
        ("全县实现农村居民人均可支配收入21630元，增长6.8%。\n三、民生\n农村居民人均可支配收入达到21360元。", "21360元"),
        # a clause before it that names no case of its own (no figure, year or date)
        ("限额以上商贸企业达到214家，新增入库31家。\n二是外贸主体偏少，全县限额以上商贸企业221家。\n", "221家"),
        # the same digits in another order, in other words (人 and 名 both count people)
        ("学校现有教学班48个，在校学生2316人。\n……\n明年力争在校学生保持2361名左右规模。\n", "2361名左右"),
        ("组织开展消防安全检查，共检查人员密集场所362家。\n……\n对检查的326家人员密集场所逐一建立台账。\n", "326家"),
        # the same words with the same digits in another order, even without a topic before them
        ("一、基本情况\n全镇共有规上企业138家。\n三、下一步\n全镇共有规上企业183家，要逐一走访。\n", "183家"),
        # a figure that says it is the plan stated before
        ("今年计划新建5G基站320个，实现重点场所全覆盖。\n……\n要确保完成年内建成5G基站350个的计划。\n", "350个"),
        ("年初确定新改建农村公路120公里的目标。\n……\n超额完成新改建农村公路150公里的目标。\n", "150公里"),
    ],
)
def test_one_indicator_restated_in_other_words_with_another_figure(text, flagged):
    assert found(text, "NUM001") == [(flagged, "warning")]


@pytest.mark.parametrize(
    "text",
    [
        # different years, last year's and this year's, a target and a result, figures far apart
        "2024年新增市场主体1.2万户。\n2025年，全年新登记市场主体1.4万户。\n",
        "上年新增市场主体1.2万户。\n今年新登记市场主体1.4万户。\n",
        "全年新增市场主体1.2万户。\n明年力争新增市场主体1.4万户。\n",
        "全年新增市场主体1.2万户。\n全年新登记市场主体2.6万户。\n",
        # words before a name narrow it; an indicator stated three times or more is generic
        "全县新增市场主体1.2万户。\n城关镇新增市场主体3200户。\n开发区新增市场主体4100户。\n新增市场主体2300户。\n",
        "（一）全县情况\n全年新增市场主体1.2万户。\n（二）开发区\n开发区新增市场主体1.1万户。\n",
        # transposed digits of different things, or of a bound, or of two figures of one statement
        "引进项目126个，总投资48亿元。\n储备项目162个，总投资97亿元。\n",
        "培训农民工1260人次。\n组织招聘会12场，提供岗位1620人次。\n",
        "在校学生2316人。\n力争在校学生达到2361人以上。\n",
        "城关镇规上工业企业42家，开发区规上工业企业24家。\n",
        # a cumulative figure and a year's
        "累计建成5G基站1350个。\n全年新建5G基站320个。\n",
        # figures after a topic count for that topic; rates of different things are often close
        "抽查本地区网站1246个，总体合格率94%。\n随机抽查各部门网站500个，总体合格率97%。\n",
        "甲县一项目截至9月底尚未开工，涉及中央预算内投资5655万元。\n乙县三个项目截至9月底尚未开工，涉及中央预算内投资6223万元。\n",
        "近期双向客流密度2000万人次/年。\n……\n远期双向客流密度2400万人次/年。\n",
        "工业总产值比一九八○年增长一点三倍。\n……\n全年工业总产值增长一点六倍。\n",  # multiples
        # the plan restated alike; two plans it may restate; a plan of another thing
        "今年计划新建5G基站320个。\n……\n要确保完成年内建成5G基站320个的计划。\n",
        "今年计划新建5G基站320个，计划改造5G基站120个。\n……\n要确保完成年内建成5G基站350个的计划。\n",
        "今年计划新建5G基站320个。\n……\n要确保完成年内新建充电桩350个的计划。\n",
    ],
)
def test_like_words_about_other_things_are_left_alone(text):
    assert found(text, "NUM001") == []


@pytest.mark.parametrize(
    "text",
    [
        # the same figure twice, written with other fillers
        "今年以来，新招引签约项目36个，协议总投资312亿元。\n全年，共新招引签约项目36个，协议总投资312亿元。\n",
        # parallel statements about different things
        "由江苏省根据有关规定，对111名责任人进行问责。\n由河北省根据有关规定，对27名责任人进行问责。\n",
        # a statement that opens its sentence may take its topic from the sentence before or a heading
        "一是加强安全生产。组织召开专题会议3次。\n二是做好防汛工作。组织召开专题会议5次。\n",
        "（一）甲单位\n共检查项目12个，发现问题5个。\n（二）乙单位\n共检查项目10个，发现问题3个。\n",
        # rounding: 186.4亿元 and 186亿元 may be one figure
        "2024年，全区实现地区生产总值186.4亿元。\n……\n2024年，全区实现地区生产总值186亿元。\n",
        # last year's result and this year's target
        "城镇新增就业1310万人。\n今年预期目标是城镇新增就业1100万人。\n",
        # a subject stated three times names different things
        "中央财政安排资金30亿元，用于教育。\n中央财政安排资金20亿元，用于卫生。\n中央财政安排资金10亿元，用于文化。\n",
        # targets and bounds
        "国内生产总值增长7.5%左右。\n国内生产总值增长7.7%。\n",
        # different years
        "2023年，新招引签约项目30个，协议总投资312亿元。\n2024年，新招引签约项目36个，协议总投资312亿元。\n",
    ],
)
def test_figures_that_are_not_one_statement_are_left_alone(text):
    assert found(text, "NUM001") == []


# NUM003 parts-exceed-total ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("全年共实施市级重点项目20个，其中工业项目12个、服务业项目11个。", "20个，其中工业项目12个、服务业项目11个"),
        ("梳理出13项重点实事，目前已完成7项，剩余5项正稳步推进。", "13项重点实事，目前已完成7项，剩余5项"),
        (
            "共有企业100家，其中国有企业30家，民营企业50家，其余25家为外资企业。",
            "100家，其中国有企业30家，民营企业50家，其余25家",
        ),
        (
            "新增公路8.5万公里，其中高速公路4.2万公里，农村公路4.6万公里。",
            "8.5万公里，其中高速公路4.2万公里，农村公路4.6万公里",
        ),
        ("共派出巡察组12个，其中常规巡察组10个，另有专项巡察组3个。", "12个，其中常规巡察组10个，另有专项巡察组3个"),
        # 总 naming a body (党总支, 总队) is a kind of part, not a total inside the list
        (
            "全镇共有基层党组织31个。其中，党委3个、党总支5个、党支部24个。",
            "31个。其中，党委3个、党总支5个、党支部24个",
        ),
        (
            "全市组建应急救援队伍46支，其中消防总队下属队伍18支、森林消防队伍15支、社会救援队伍14支。",
            "46支，其中消防总队下属队伍18支、森林消防队伍15支、社会救援队伍14支",
        ),
        # parts stated with their own shares, in one sentence or one per semicolon
        (
            "全年招聘教师86名，其中本科学历52名、占60.5%，研究生学历38名、占44.2%。",
            "86名，其中本科学历52名、占60.5%，研究生学历38名",
        ),
        (
            "共有卫生院22家，其中中心卫生院8家（占36.4%），一般卫生院15家（占68.2%）。",
            "22家，其中中心卫生院8家（占36.4%），一般卫生院15家",
        ),
        (
            "全县共有中小学校58所。其中，小学36所，占62.1%；初中19所，占32.8%；高中5所，占8.6%。",
            "58所。其中，小学36所，占62.1%；初中19所，占32.8%；高中5所",
        ),
        # what is done and what is not yet done split the whole
        ("全年计划实施民生实事15件，已完成12件，尚未完成的4件正在推进。", "15件，已完成12件，尚未完成的4件"),
        ("排查整治隐患41处，已销号33处，其余9处限期整改。", "41处，已销号33处，其余9处"),
        # parts each with its share are listed: a little short of the whole is a slip
        (
            "实现利润总额5.36亿元，其中煤电板块2.41亿元、占45.0%，新能源板块1.87亿元、占34.9%，服务板块0.96亿元、占17.9%。",
            "5.36亿元，其中煤电板块2.41亿元、占45.0%，新能源板块1.87亿元、占34.9%，服务板块0.96亿元",
        ),
        # a total handed out with 分别为: the parts are all of it
        ("全县三个园区共有企业146家，分别为68家、45家、36家。", "146家，分别为68家、45家、36家"),
        (
            "全镇两个社区共有居民3260户，分别为东街社区1850户和西街社区1310户。",
            "3260户，分别为东街社区1850户和西街社区1310户",
        ),
        # the last of a list is the rest: 其他……, or 一般…… after 重大……
        ("共发现各类隐患614处，其中重大事故隐患7处、一般隐患598处。", "614处，其中重大事故隐患7处、一般隐患598处"),
        (
            "全年招引项目46个，其中工业项目21个、文旅项目12个、其他项目8个。",
            "46个，其中工业项目21个、文旅项目12个、其他项目8个",
        ),
    ],
)
def test_parts_that_cannot_add_up(text, flagged):
    assert found(text, "NUM003") == [(flagged, "error")]


@pytest.mark.parametrize(
    "text",
    [
        "全年共实施市级重点项目20个，其中工业项目12个、服务业项目8个。",
        "梳理出13项重点实事，目前已完成7项，剩余6项正稳步推进。",
        "共有企业100家，其中国有企业30家，民营企业50家，其余20家为外资企业。",
        # rounding: 1.97万公里 may be 19,650 km
        "新增铁路里程1.97万公里，其中高速铁路8951公里，普通铁路10700公里。",
        # a total inside the list is not a part
        "新增公路60.9万公里，其中高速公路4.2万公里，高速公路总里程达9.56万公里。",
        # the list ends where a figure of another unit begins
        "实施项目20个，其中工业项目12个，完成投资46.5亿元，新开工项目10个。",
        # a new total after a semicolon
        "新增铁路1.97万公里，其中高速铁路8951公里；新增公路60.9万公里，其中高速公路4.2万公里。",
        # changes and amounts describing a noun are not parts
        "财政赤字8000亿元，其中中央财政赤字5500亿元，比上年增加3000亿元。",
        "引进项目20个，协议总投资50亿元，其中超10亿元项目2个。",
        # the rest splits the part before it, which the whole holds
        "排查隐患120处，其中重大隐患5处，已整改4处，剩余1处。",
        # a clause with a verb of its own after the part is a statement of its own
        "新增供水管网85公里，其中主干管网32公里，改造老旧管网120公里。",
        # a placeholder leaves the split open
        "对巡察组提出的16项问题，分解为xx项细化问题，已整改完成xx项，剩余xx项正在推进。",
        "全镇共有基层党组织31个。其中，党委2个、党总支5个、党支部24个。",
        "全年招聘教师86名，其中本科学历52名、占60.5%，研究生学历34名、占39.5%。",
        "全县共有中小学校58所。其中，小学36所，占62.1%；初中17所，占29.3%；高中5所，占8.6%。",
        # a semicolon after a 其中 list without shares begins another statement
        "全县有学校58所，其中小学36所、初中15所；新建校舍12所。",
        "全年计划实施民生实事15件，已完成12件，尚未完成的3件正在推进。",
        "共发现各类隐患614处，其中重大事故隐患7处、较大隐患12处、一般隐患595处。",
        "全年实施项目46个，其中重点项目21个、一般项目11个。",  # no grades: not every project is named
        "全县三个园区共有企业146家，分别为68家、45家、33家。",
        "实现利润总额5.24亿元，其中煤电板块2.41亿元、占46.0%，新能源板块1.87亿元、占35.7%，服务板块0.96亿元、占18.3%。",
        "实现利润总额6.8亿元，其中煤电板块2.41亿元、占35.4%，新能源板块1.87亿元、占27.5%。",  # the main parts only
        "城东、城西分别为12个和8个，共计20个。",
        "全县共有企业146家，分别增长12%、9%。",
        "全年招引项目46个，其中工业项目21个、文旅项目12个、其他项目8个等。",
        # 其中 ends with its clause: a figure after a comma larger than the whole is another statement
        "新增铁路里程210公里，其中高铁160公里，新改建公路1800公里。",
        "发放创业担保贷款1.2亿元，其中个人贷款0.8亿元，带动就业3.6亿元规模的项目落地。",
    ],
)
def test_parts_that_add_up_are_left_alone(text):
    assert found(text, "NUM003") == []


# NUM004 part-exceeds-whole ---------------------------------------------------------------------------------


def test_a_part_larger_than_its_whole():
    assert found("新增供水管网85公里，其中主干管网32公里，改造老旧管网120公里。", "NUM004") == []
    text = "已报审3个批次，总面积约402亩，其中2个批次约452亩已获批复。"
    assert found(text, "NUM004") == [("约452亩", "error")]
    assert found("共签约项目20个，其中亿元以上项目25个。", "NUM004") == [("25个", "error")]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("县医共体有8家成员单位，但实现人、财、物统一管理的只有11家。", "11家"),
        ("全县有行政村126个，已通5G网络的有132个。", "132个"),
        ("全镇共有养老机构9家，达到二级以上标准的12家。", "12家"),
    ],
)
def test_a_headless_clause_counting_more_than_there_are(text, flagged):
    assert found(text, "NUM004") == [(flagged, "error")]


@pytest.mark.parametrize(
    "text",
    [
        "全县有行政村126个，已通5G网络的有98个。",
        "全县有企业8家，年产值超亿元的企业11家。",  # a noun after the figure: other things
        "全县投资8亿元，已开工的有11个。",  # another unit
        "全县有先进个人3850人，被评为突击手的有4290人，被评为红旗手的有7180人。",  # kinds side by side
        "全县有研究生3150人，将增加到2030年的5500人。",  # a year's figure
        "今年施工项目12个，开始建设的22个。",  # the whole does not say how many there are
    ],
)
def test_headless_clauses_within_their_whole_or_about_other_things_are_left_alone(text):
    assert found(text, "NUM004") == []


@pytest.mark.parametrize(
    "text",
    [
        "已报审3个批次，总面积约402亩，其中2个批次约252亩已获批复。",
        "总面积约400亩，其中一期402亩。",  # 400 written round: 350…450亩
        "农机总动力超过10亿千瓦，其中灌排机械动力达到1.2亿千瓦。",
        # a difference from the budget is not the whole that 其中 breaks down
        "全年支出为预算的97%，比预算少支3.2亿元。其中，民生支出41.5亿元，占预算的99%。",
        "全年收入比预算多收2.1亿元。其中，税收收入18.6亿元。",
        "新增铁路里程210公里，其中高铁160公里，新改建公路1800公里。",
        "全年培训村干部320人次，其中专题轮训180人次，组织外出考察学习1260人次。",
        "建成污水管网46公里，其中雨污分流改造28公里，城区排水管网总长达到410公里。",
    ],
)
def test_parts_within_their_whole_are_left_alone(text):
    assert found(text, "NUM004") == []


def test_a_part_larger_than_its_whole_is_not_also_a_sum_finding():
    assert found("共签约项目20个，其中亿元以上项目25个、外资项目3个。", "NUM003") == []


# NUM005 percentage-mismatch / NUM006 percentage-rounding ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("标准化厂房二期完成投资6.3亿元，为年度计划5.6亿元的118%。", "118%"),
        ("年度计划投资5.6亿元，完成投资6.3亿元，完成118%。", "118%"),
        ("一般公共预算收入15.3亿元，其中税收收入12.6亿元，占一般公共预算收入的85%。", "85%"),
        ("全年用于“三农”的投入5955亿元，比上年增加1637亿元，增长47.9%。", "47.9%"),
        ("农村居民人均纯收入由2090元增加到2476元，增长28.5%。", "28.5%"),
        ("煤炭消费量由41.2亿吨下降到36.6亿吨，下降15%。", "15%"),
        # a full-width comma as a thousands separator: 230 ÷ (1820 − 230) = 14.5%
        ("社会消费品零售总额1，820亿元，比上年增加230亿元，增长24.6%。", "24.6%"),
        # the base named by its year, or as last year's, before the growth
        ("城镇居民人均可支配收入达到41200元，比2020年的32100元增长31.3%。", "31.3%"),
        ("全年接待游客312万人次，比上年的286万人次增长12.6%。", "12.6%"),
        ("一季度发生道路交通事故56起，比上年同期的70起下降25%。", "25%"),
        # the whole named, stated in an earlier sentence of the paragraph
        ("全县共有行政村126个。今年集体经济收入超过10万元的村达到98个，占行政村总数的81.3%。", "81.3%"),
        ("全市有养老机构48家，床位5200张。其中，护理型床位3100张，占床位总数的55.2%。", "55.2%"),
        # or in an earlier paragraph, the one figure there naming it
        ("全镇辖18个行政村、2个社区。\n（二）集体经济收入30万元以上的村达到11个，占行政村总数的66.1%。", "66.1%"),
        # the plan stated in an earlier sentence of the paragraph
        ("年初确定固定资产投资计划45亿元。全年完成固定资产投资48.6亿元，完成年度计划的112%。", "112%"),
        ("年初下达造林计划1.2万亩。全年完成造林1.38万亩，完成年度计划的121%。", "121%"),
        # a plan is set as written: 4万亩 is 4万亩, not 3.5…4.5万亩
        ("新建高标准农田4.5万亩，完成市下达任务4万亩的118.5%。", "118.5%"),
        ("完成造林2.6万亩，为年度计划2万亩的137%。", "137%"),
        # the whole stated in the share
        ("土地流转面积31.6万亩，占耕地总面积92.3万亩的38.2%。", "38.2%"),
        ("全年引进人才420名，占全市引进总数1860名的25.6%。", "25.6%"),
        # the part named again before 占比, a completion rate after 为
        ("全年一般公共预算收入18.6亿元，其中税收收入14.2亿元，税收占比达到80.3%。", "80.3%"),
        ("全年计划新建农村公路120公里，实际完成136公里，完成率为118.3%。", "118.3%"),
        ("全年实现营业收入86.4亿元，同比增长7.3%，完成年度预算目标82亿元的103.2%。", "103.2%"),
        # 增至今年的: to the year the draft is about
        ("2025年工作汇报\n签约项目总投资由2022年的86亿元增至今年的152亿元，年均增长24.5%。", "24.5%"),
    ],
)
def test_percentages_that_do_not_follow_from_their_figures(text, flagged):
    assert found(text, "NUM005") == [(flagged, "error")]


def test_the_message_gives_the_quotient_and_the_range_rounding_allows():
    (finding,) = lint_text("完成投资6.3亿元，为年度计划5.6亿元的118%。", select=["NUM005"])
    assert "6.3亿元÷5.6亿元" in finding.message and "112.5%" in finding.message
    # 6.25…6.35亿元 ÷ the plan as set, 5.6亿元
    assert "111.6%～113.4%" in finding.message
    assert finding.fix is not None and finding.fix.edits[0].content == "113%" and not finding.fix.safe


@pytest.mark.parametrize(
    "text",
    [
        "全年完成投资46.5亿元，为年度计划43.8亿元的106.2%。",
        "年度计划投资43.8亿元，全年完成投资46.5亿元，为年度计划的106.2%。",
        "一般公共预算收入15.3亿元，其中税收收入12.6亿元，占一般公共预算收入的82.4%。",
        "全年用于“三农”的投入5955亿元，比上年增加1637亿元，增长37.9%。",
        "农村居民人均纯收入由2090元增加到2476元，增长18.5%。",
        "煤炭消费量由41.2亿吨下降到36.6亿吨，下降11.2%。",
        "社会消费品零售总额1，820亿元，比上年增加230亿元，增长14.5%。",
        # round figures allow a wide range: 40亿吨 may be 35…45亿吨
        "煤炭消费量由40亿吨下降到36亿吨，下降12%。",
        # within rounding: 6.115…6.125 ÷ 5.55…5.65 allows 108.2%…110.4%
        "年度计划投资5.6亿元，完成投资6.12亿元，完成109.30%。",
        # not a plain quotient: average yearly and real growth, vague figures
        "城镇居民人均可支配收入由5160元增加到7703元，平均每年实际增长8.6%。",
        "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。",
        "转移支付增加约1.5万亿元、规模近9.8万亿元，增长18%。",
        # the growth of another subject
        "全国财政收入3.93万亿元，比上年增加7694亿元；规模以上工业企业实现利润增长31%。",
        "城镇居民人均可支配收入达到41200元，比2020年的32100元增长28.3%。",
        "全年接待游客312万人次，比上年的286万人次增长9.1%。",
        "一季度发生道路交通事故56起，比上年同期的70起下降20%。",
        "税收收入达到23.9亿元，比2021年的18.4亿元年均增长6.8%。",
        "全县共有行政村126个。今年集体经济收入超过10万元的村达到98个，占行政村总数的77.8%。",
        "全镇辖18个行政村。\n城关片区有行政村7个。\n（二）收入30万元以上的村达到5个，占行政村总数的66.1%。",
        # a whole of another name, a plan of another indicator, a completion over 100 %
        "全县共有行政村126个。今年有98个村完成改厕，占全省试点村的10.2%。",
        "年初确定固定资产投资计划45亿元。全年完成工业投资21.6亿元，完成年度计划的112%。",
        "年初确定固定资产投资计划45亿元。全年完成固定资产投资48.6亿元，完成年度计划的108%。",
        "全年完成固定资产投资48.6亿元，完成年度目标任务的112%。",
        "新建高标准农田4.5万亩，完成市下达任务4万亩的112.5%。",
        "全年一般公共预算收入18.6亿元，其中税收收入14.2亿元，税收占比达到76.3%。",
        "全年一般公共预算收入18.6亿元，其中税收收入14.2亿元，非税占比达到23.7%。",  # not the part's share
        "全年计划新建农村公路120公里，实际完成136公里，完成率为113.3%。",
        "全年实现营业收入86.4亿元，同比增长7.3%，完成年度预算目标82亿元的105.4%。",
        "2025年工作汇报\n签约项目总投资由2022年的86亿元增至今年的152亿元，年均增长20.9%。",
        "土地流转面积31.6万亩，占耕地总面积92.3万亩的34.2%。",
        "全年引进人才420名，占全市引进总数1860名的22.6%。",
        # a share of another unit
        "全年引进人才420名，占全市引进总数的22.6%，投入资金1860万元的35%用于安家补贴。",
    ],
)
def test_percentages_that_follow_from_their_figures_are_left_alone(text):
    assert found(text, "NUM005") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("全年受理信访件512件，上年为643件，比上年少121件。", "121件"),
        ("今年1—6月新增就业岗位3260个，去年同期为2980个，增加300个。", "300个"),
        ("全县粮食总产量达到33.2万吨，比2020年的31.6万吨增加1.8万吨。", "1.8万吨"),
        # 多 compares; a space before the unit leaves a figure
        ("全年召开会议186 次，比上年的152次多43次。", "43次"),
        # last year's figure stated before, in another sentence or paragraph
        ("上年全县接待游客286万人次。今年接待游客312万人次，比上年增加36万人次。", "36万人次"),
        ("去年全年受理信访件643件。\n……\n全年受理信访件512件，比上年减少121件。", "121件"),
        # lists of figures under 分别
        ("全县共发生生产安全事故9起、死亡7人，比上年同期的12起、10人分别减少3起、2人。", "2人"),
        (
            "全年查处案件46起、处理68人、挽回损失320万元，比上年的38起、52人、260万元分别增加8起、16人、80万元。",
            "80万元",
        ),
    ],
)
def test_stated_changes_against_a_base_given_as_last_year_s(text, flagged):
    assert found(text, "NUM005") == [(flagged, "error")]


@pytest.mark.parametrize(
    "text",
    [
        "全年受理信访件512件，上年为643件，比上年减少131件。",
        "今年1—6月新增就业岗位3260个，去年同期为2980个，增加280个。",
        "全年受理信访件512件，比上年少131件。",  # no base: nothing to check
        "全年受理信访件512件，上年为643件，化解积案21件。",  # not a change
        "全县共发生生产安全事故9起、死亡7人，比上年同期的12起、10人分别减少3起、3人。",
        "上年全县接待游客286万人次。今年接待游客312万人次，比上年增加26万人次。",
        # two figures of last year it may be against; another indicator
        "上年全县接待游客286万人次，去年接待游客290万人次。今年接待游客312万人次，比上年增加36万人次。",
        "上年全县接待游客286万人次。今年过夜游客312万人次，比上年增加36万人次。",
        "全年查处案件46起、处理68人，比上年的38起、52人分别增加8起、16人。",
        # not lists of one shape: two figures now, one change
        "全年查处案件46起、处理68人，比上年的38起增加8起。",
    ],
)
def test_stated_changes_that_follow_from_their_base_are_left_alone(text):
    assert found(text, "NUM005") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("班子6名成员全年到基层调研共计86次，人均12.3次。", "12.3次"),
        ("参训教师120名，累计培训4800小时，平均每人42小时。", "42小时"),
        ("全村共有农户320户，发放补贴资金96万元，户均3500元。", "3500元"),
        ("全镇14个村共筹集资金238万元，村均19.6万元。", "19.6万元"),
    ],
)
def test_averages_that_do_not_follow_from_their_total_and_count(text, flagged):
    assert found(text, "NUM005") == [(flagged, "error")]


def test_the_message_of_an_average_gives_the_quotient_as_written():
    (finding,) = lint_text("班子6名成员全年到基层调研共计86次，人均12.3次。", select=["NUM005"])
    assert finding.message == "按86次÷6名计算约为14.3次，与“12.3次”不符：请核实"


@pytest.mark.parametrize(
    "text",
    [
        "班子6名成员全年到基层调研共计86次，人均14.3次。",
        "全镇14个村共筹集资金238万元，村均17万元。",  # 238万元 may be 237.5…238.5万元
        # a bound, two counts it may be per, no total, a total of another unit
        "6名班子成员共走访企业86家，人均走访12家以上。",
        "班子6名成员和12名中层干部共调研186次，人均10.3次。",
        "全县常住人口38.6万人，农村居民人均可支配收入21630元。",
        "全县常住人口38.6万人，地区生产总值286.4亿元，人均住房面积42.6平方米。",
    ],
)
def test_averages_that_follow_or_cannot_be_checked_are_left_alone(text):
    assert found(text, "NUM005") == []


def test_a_percentage_right_only_within_rounding_is_an_info_off_by_default():
    text = "年度计划投资5.6亿元，完成投资6.12亿元，完成109.30%。"
    assert all(f.code != "NUM006" for f in lint_text(text))
    (finding,) = lint_text(text, select=["NUM006"])
    assert (finding.text, finding.severity) == ("109.30%", Severity.INFO)
    assert "109.29%" in finding.message
    assert found("全年完成投资46.5亿元，为年度计划43.8亿元的106.2%。", "NUM006") == []


# NUM007 count-mismatch -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("加快构建以金属智造、新能源、新材料、机械装备、电子信息四大产业为主的产业体系。", ("四大", "error")),
        ("细化正面清单、负面清单、权力清单、责任清单等“三项清单”", ("三项", "error")),
        ("扎实推进产业强链、企业育苗、园区筑巢、人才聚智“五大工程”。", ("五大", "warning")),
        ("重点抓好四件事：招商引资、项目建设、企业服务。", ("四件", "warning")),
        # 和 between two items may join a third: 3 or 4 items, not 5
        ("扎实推进产业强链、企业育苗和园区筑巢、人才聚智“五大工程”。", ("五大", "warning")),
        ("第三、坚持创新驱动、开放合作、绿色低碳四项原则。", ("四项", "warning")),
        # quoted items side by side need no 、
        ("打响“岭南毛尖”“岭南黑猪”“岭南蜜柚”两个区域公用品牌。", ("两个", "error")),
        ("培育三个特色品牌：“云岭茶”“高原菌”。", ("三个", "warning")),
        ("评选表彰“最美教师”“最美医生”“最美村官”“最美警察”三种先进典型。", ("三种", "error")),
    ],
)
def test_count_words_that_disagree_with_their_lists(text, flagged):
    assert found(text, "NUM007") == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "下大力气做好项目建设、招大引强、载体开发、基础配套、优化营商环境五篇文章。",
        "形成以金属智造、新能源、新材料、机械装备四大产业为主的产业结构。",
        "积极引导帮助xx等5家企业上规。",  # 等: fewer named on purpose
        "聚焦金属智造、新能源、新材料、机械装备等四大产业招大引强。",
        "细化正面清单、负面清单和企业负责人模范遵纪守法清单等“三项清单”。",  # 和 joins the third
        "选择北京、天津、上海、重庆和沈阳、大连、厦门、广州、深圳、成都、西安11个城市开展试点。",
        "不断增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
        "出台扩大内需、促进经济增长的十项措施。",  # the list describes the measures
        "仍违法违规延续、变更或审批14宗矿权。",  # the count is the object of a verb
        "新增国家级专精特新企业3家、省级专精特新中小企业11家。",  # a list of figures
        "北京、天津、海南连续三个季度抽查合格率100%。",  # a span of time
        "推进政务服务“一网、一门、一次”改革方面6项。",  # a quoted formula
        "重点抓好三件事：招商引资、项目建设、企业服务。",
        # 和 and 同 inside a word join no items (和平, 共同): two items, not four
        "报告围绕保卫世界和平、促进共同发展五项倡议展开。",
        # an enumerator opens the clause: its 、 separates no item
        "第三、坚持创新驱动、开放合作、绿色低碳、共享发展四项原则，统筹推进各项工作。",
        # the first items count a list of their own: 两省 modifies the three cities
        "在江苏、浙江两省的苏州、无锡、宁波三个城市开展试点。",
        # the colon opens enumerated parts, each with its own list
        "主要包括两个方面：一方面是道路、桥梁、管网、场站的建设。另一方面是服务的提升。",
        "打响“岭南毛尖”“岭南黑猪”两个区域公用品牌。",
        "推进“放管服”改革，“一网通办”“跨省通办”两项改革持续深化。",
        # a count under 分别, 各自, 依次 is each item's
        "城东、城西、城南分别新建学校2所。",
        "三个乡镇、两个街道各自组建服务队5支。",
        "城关、河口、石桥依次承办3场专场招聘会。",
    ],
)
def test_count_words_that_match_or_do_not_sum_a_list_are_left_alone(text):
    assert found(text, "NUM007") == []


# NUM008 impossible-date ------------------------------------------------------------------------------------


def test_dates_that_do_not_exist():
    text = "于2月30日召开大会，2021年13月完成，4月31日前报送，2023年2月29日启动，二月三十日验收。"
    assert [t for t, _ in found(text, "NUM008")] == ["2月30日", "2021年13月", "4月31日", "2023年2月29日", "二月三十日"]


def test_dates_that_exist_and_spans_of_months_are_left_alone():
    text = "2024年2月29日启动，2月29日截止，历时13个月，于2021年11月5日举办，1—12月份累计，二〇二四年十二月二十六日。"
    assert found(text, "NUM008") == []


# NUM009 share-above-hundred --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "规上工业产值占全区工业总产值的比重为112%。",
        "污水集中处理覆盖率达到105%。",
        "产品抽检合格率101%。",
        "税收收入占一般公共预算收入的112%。",  # a share of budget revenue, not of the budget
    ],
)
def test_shares_above_a_hundred_per_cent(text):
    assert len(found(text, "NUM009")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "年度计划完成率112%。",
        "利润增长112%。",
        "完成投资46.5亿元，为年度计划的106.2%。",
        "小学毛入学率达到104%。",
        "污水集中处理率保持100%。",
        # a share of a plan, a budget or a target is a completion rate
        "地方财政收入占预算数的102.7%。",
        "全年完成投资占年度目标任务的112%。",
    ],
)
def test_rates_that_may_exceed_a_hundred_per_cent_are_left_alone(text):
    assert found(text, "NUM009") == []
