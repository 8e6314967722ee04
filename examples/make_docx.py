"""Write examples/述职报告.docx, the bundled Word example (a 述职报告 with planted placeholders).

Run from the repository root:  python examples/make_docx.py   (needs python-docx)

The text is fictional. Its planted defects are listed in examples/DEFECTS.md; line N there is the Nth
paragraph of the body, empty paragraphs and table-cell paragraphs included, in reading order.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

OUTPUT = Path(__file__).with_name("述职报告.docx")

TITLE = "2024年度述职报告"
SUBTITLE = "青川开发区投资控股集团有限公司党委副书记、总经理　某某"

# (style, text): style "h1"/"h2" for headings, "p" for body paragraphs, "table" for the indicator table.
BODY = [
    ("h1", "一、履职尽责情况"),
    (
        "p",
        "2024年，在开发区党工委、管委会和集团党委的坚强领导下，本人认真履行总经理职责，团结带领经营班子紧扣"
        "年度目标任务，聚焦主责主业，狠抓改革发展，集团各项经营指标全面完成。年末资产负债率为61.3%，较年初下降"
        "1.8个百分点，主体信用评级保持AA+。主要经营指标完成情况如下表。",
    ),
    ("table", None),
    ("h2", "（一）聚焦主责主业，全力服务开发区建设"),
    (
        "p",
        "一是承担标准化厂房二期建设任务，全年新增标准化厂房21.5万平方米，已与入驻企业签订租赁合同XX份。"
        "二是参与青川大道东延段投资建设，项目于年内建成通车，园区路网骨架进一步完善。"
        "三是积极争取政策性资金，全年争取专项债券资金xx亿元，有力保障了园区基础设施和公共服务设施建设。"
        "四是做好园区运营服务，为入驻企业提供物业管理、人才公寓、员工餐饮等配套服务，园区企业满意度达到96.5%。",
    ),
    ("h2", "（二）深化国企改革，提升市场化经营能力"),
    (
        "p",
        "一是完成集团本部“定职能、定机构、定编制”改革，内设部门由11个精简为8个，全面推行经理层成员任期制和"
        "契约化管理。二是优化融资结构，置换高成本存量债务，综合融资成本下降0.46个百分点，全年节约财务费用"
        "××万元。三是推动产融结合，集团参股的青川精工科技股份有限公司IPO申请获深圳证券交易所受理，"
        "国有资本投资收益有望进一步提升。四是完善薪酬分配机制，将经营业绩与绩效薪酬挂钩，"
        "干部职工干事创业的积极性明显增强。",
    ),
    ("h2", "（三）强化风险防控，守牢安全发展底线"),
    (
        "p",
        "严格执行“三重一大”集体决策制度，全年提交党委会、董事会研究重大事项47项；全年开展安全生产检查48次，"
        "督促整改隐患126处，未发生安全生产事故。建立债务风险动态监测机制，按月编制资金平衡计划，全年按期偿还"
        "到期债务28.4亿元，未发生逾期。【此处插入风险化解典型案例】",
    ),
    ("h2", "（四）加强党的建设，发挥党建引领作用"),
    (
        "p",
        "认真落实“第一议题”制度和党委理论学习中心组学习制度，推动党建工作与生产经营深度融合；在重点项目一线"
        "设立党员先锋岗12个，组建党员突击队5支，以高质量党建引领保障企业高质量发展。",
    ),
    ("h1", "二、廉洁自律情况"),
    (
        "p",
        "本人严格遵守中央八项规定及其实施细则精神，认真落实党风廉政建设“一岗双责”，自觉接受集团党委和"
        "纪检监察组织的监督，带头执行公务用车、业务招待等管理规定，本人及亲属未在集团业务范围内经商办企业，"
        "全年未发生违规违纪问题。同时，坚持把廉洁风险防控融入经营管理全过程，修订完善工程招标、资金支付、"
        "物资采购等制度14项，推动权力运行制度化、规范化。",
    ),
    ("h1", "三、存在的不足"),
    (
        "p",
        "一是市场化经营能力还不够强，经营性收入占营业收入的比重偏低，对政府性项目的依赖程度较高；"
        "二是资产运营效率有待提升，部分存量资产盘活进度较慢；三是专业人才储备不足，投融资、资本运作等"
        "领域的复合型人才仍较缺乏。对这些不足，本人将在今后工作中认真加以改进。",
    ),
    ("h1", "四、2025年工作打算"),
    (
        "p",
        "2025年，本人将坚持稳中求进，力争实现营业收入20亿元以上、利润总额1.7亿元以上，资产负债率控制在"
        "65%以内。重点做好三个方面工作：一是加快市场化转型，做大园区运营、产业投资两大板块；"
        "二是持续深化改革，完善市场化选人用人和薪酬激励机制；三是坚决守牢债务风险和安全生产底线，"
        "以优异成绩回报开发区党工委、管委会的信任，为开发区高质量发展作出国有企业应有的贡献。",
    ),
]

TABLE = [
    ("指标", "年度目标", "完成值", "完成率"),
    ("营业收入（亿元）", "18.00", "19.26", "107.0%"),
    ("利润总额（亿元）", "1.50", "1.62", "108.0%"),
    ("资产总额（亿元）", "210.0", "226.8", "108.0%"),
    ("新增融资（亿元）", "30.0", "31.5", "105.0%"),
]


def set_font(style, name: str, size: float) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def build() -> Document:
    document = Document()
    set_font(document.styles["Normal"], "仿宋_GB2312", 16)
    set_font(document.styles["Title"], "方正小标宋简体", 22)
    set_font(document.styles["Heading 1"], "黑体", 16)
    set_font(document.styles["Heading 2"], "楷体_GB2312", 16)

    document.add_heading(TITLE, level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(SUBTITLE).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for style, text in BODY:
        if style == "h1":
            document.add_heading(text, level=1)
        elif style == "h2":
            document.add_heading(text, level=2)
        elif style == "table":
            table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, TABLE, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
        else:
            document.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)

    # Fixed metadata, so that re-running the script changes nothing but the zip timestamps.
    properties = document.core_properties
    properties.author = "青川开发区投资控股集团有限公司"
    properties.title = TITLE
    properties.created = properties.modified = datetime.datetime(2025, 1, 10, 9, 0, 0)
    properties.last_modified_by = "青川开发区投资控股集团有限公司"
    properties.revision = 1
    return document


if __name__ == "__main__":
    build().save(OUTPUT)
    print(f"wrote {OUTPUT}")
