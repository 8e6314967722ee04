"""``reportlint annotate``: Word comments anchored on the flagged text of a copy, the draft left untouched.

Every draft is built here with python-docx. The comments are read back from the copy's XML with a walker
written for the tests (not the annotator's or the reader's code): it collects the characters between each
``w:commentRangeStart`` and ``w:commentRangeEnd``. Expected anchors and texts are written out by hand from the
construction code; the rule packs used are defined below (``--select PH,ORG`` keeps other families out).
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from helpers import run_cli

from reportlint.findings import Finding, Fix, Position, Related, Severity
from reportlint.integrations.word import comment_text
from reportlint.readers import read_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# A safe fix (one replacement), an unsafe one (two), a finding overlapping PH001's "xx", and one of no width
# (a missing full stop after "任务" at the end of a paragraph), and two more of no width (ORG004: at the start
# and in the middle of a paragraph). ORG002 matches in paragraphs 3 and 9.
PACK = """
[pack]
name = "annotate-test"

[[rules]]
code = "ORG001"
name = "office-term"
summary = "A term written the wrong way"
doc = "Test rule."
message = "“{text}”应写作“{fix}”"

[[rules.entries]]
match = "里程牌"
replace = ["里程碑"]

[[rules.entries]]
match = "权利监督"
replace = ["权力监督", "权利保障"]

[[rules]]
code = "ORG002"
name = "investment-mark"
summary = "Overlaps a figure placeholder"
doc = "Test rule."
message = "测试：重叠的发现"

[[rules.entries]]
regex = "资[xX]"

[[rules]]
code = "ORG003"
name = "closing-mark"
severity = "info"
summary = "A paragraph ending without a full stop"
doc = "Test rule."
message = "段末缺少句号"

[[rules.entries]]
regex = "(?<=任务)$"
replace = ["。"]

[[rules]]
code = "ORG004"
name = "missing-mark"
severity = "info"
summary = "A mark missing at the start or in the middle of a paragraph"
doc = "Test rule."
message = "测试：此处缺少标点"

[[rules.entries]]
regex = "^(?=各项)"

[[rules.entries]]
regex = "(?<=推进)(?=下一步)"
"""
CONFIG = 'select = ["PH", "ORG"]\npacks = ["terms.toml"]\n'

TRACKED = (
    f"<w:p {nsdecls('w')}>"
    "<w:r><w:t>完成投资</w:t></w:r>"
    '<w:ins w:id="91" w:author="审核" w:date="2024-01-02T00:00:00Z"><w:r><w:t>xx</w:t></w:r></w:ins>'
    '<w:del w:id="92" w:author="审核" w:date="2024-01-02T00:00:00Z"><w:r><w:delText>12</w:delText></w:r></w:del>'
    "<w:r><w:t>亿元，见附件</w:t></w:r>"
    '<w:hyperlink w:anchor="top"><w:r><w:t>【待</w:t></w:r></w:hyperlink>'
    "<w:r><w:t>填】</w:t></w:r>"
    "</w:p>"
)


def _draft(path: Path) -> None:
    """The draft; paragraph (= line) numbers in the comments."""
    document = docx.Document()
    document.add_paragraph("")  # 1: empty, still counted
    document.add_heading("一、主要工作", level=1)  # 2
    paragraph = document.add_paragraph("今年完成投资")  # 3: "xx" split across a bold and an italic run
    paragraph.add_run("x").bold = True
    paragraph.add_run("x亿元，").italic = True
    paragraph.add_run("同比增长XX%。").underline = True
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "指标"  # 4: vertical merge, read once
    table.cell(0, 1).text = "完成产值××万元"  # 5
    table.cell(1, 1).text = "打造里程牌式工程"  # 6
    paragraph = document.add_paragraph("第一行")  # 7: a line break, then a template marker
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run("第二行有【待补充】内容。")
    document.add_paragraph("加强权利监督，完成任务")  # 8
    document.element.body.sectPr.addprevious(parse_xml(TRACKED))  # 9: tracked changes and a hyperlink
    document.add_paragraph("各项工作有序推进下一步继续努力。")  # 10: two findings of no width
    document.add_paragraph("以上。")  # 11
    document.save(path)


# (paragraph text, anchored text, comment text): counted by hand from _draft and PACK.
EXPECTED = [
    ("今年完成投资xx亿元，同比增长XX%。", "资x", "ORG002 测试：重叠的发现"),
    ("今年完成投资xx亿元，同比增长XX%。", "xx", "PH001 未填写的数字占位符“xx”：请填入实际数字"),
    ("今年完成投资xx亿元，同比增长XX%。", "XX", "PH001 未填写的数字占位符“XX”：请填入实际数字"),
    ("完成产值××万元", "××", "PH001 未填写的数字占位符“××”：请填入实际数字"),
    ("打造里程牌式工程", "里程牌", "ORG001 “里程牌”应写作“里程碑”\n建议改为“里程碑”"),
    ("第一行\u2028第二行有【待补充】内容。", "【待补充】", "PH003 未删除的模板标记“【待补充】”：请填写内容并删除标记"),
    ("加强权利监督，完成任务", "权利监督", "ORG001 “权利监督”应写作“权力监督”\n建议改为“权力监督”（请核实）"),
    ("加强权利监督，完成任务", "务", "ORG003 段末缺少句号\n建议改为“。”"),
    ("完成投资xx亿元，见附件【待填】", "资x", "ORG002 测试：重叠的发现"),  # from a plain run into the w:ins
    ("完成投资xx亿元，见附件【待填】", "xx", "PH001 未填写的数字占位符“xx”：请填入实际数字"),
    ("完成投资xx亿元，见附件【待填】", "【待填】", "PH003 未删除的模板标记“【待填】”：请填写内容并删除标记"),
    ("各项工作有序推进下一步继续努力。", "各", "ORG004 测试：此处缺少标点"),  # at the start: the character after
    ("各项工作有序推进下一步继续努力。", "进", "ORG004 测试：此处缺少标点"),  # otherwise the character before
]


def _character(element) -> str:
    """The character(s) an element adds to its paragraph (tracked deletions use w:delText: not counted)."""
    in_run = element.getparent() is not None and element.getparent().tag == f"{W}r"
    if element.tag == f"{W}t":
        return element.text or ""
    if element.tag == f"{W}tab" and in_run:
        return "\t"
    if element.tag == f"{W}br" and element.get(f"{W}type") in (None, "textWrapping"):
        return "\u2028"
    return ""


def anchors(path: Path) -> dict[int, tuple[str, str]]:
    """Comment id → (text of the paragraph holding the range, the characters inside the range)."""
    result: dict[int, tuple[str, str]] = {}
    for paragraph in docx.Document(str(path)).element.body.iter(f"{W}p"):
        text: list[str] = []
        inside: dict[int, list[str]] = {}
        open_ids: set[int] = set()
        for element in paragraph.iter():
            if element.tag == f"{W}commentRangeStart":
                open_ids.add(int(element.get(f"{W}id")))
                inside[int(element.get(f"{W}id"))] = []
            elif element.tag == f"{W}commentRangeEnd":
                open_ids.remove(int(element.get(f"{W}id")))
            else:
                character = _character(element)
                text.append(character)
                for comment_id in open_ids:
                    inside[comment_id].append(character)
        assert not open_ids, "a comment range left open at the end of its paragraph"
        result.update({comment_id: ("".join(text), "".join(chars)) for comment_id, chars in inside.items()})
    return result


def formatted_characters(path: Path) -> list[list[tuple[str, bytes]]]:
    """Every paragraph as (character, run properties XML) pairs: what the reader sees, with its formatting."""
    from lxml import etree

    paragraphs = []
    for paragraph in docx.Document(str(path)).element.body.iter(f"{W}p"):
        characters = []
        for run in paragraph.iter(f"{W}r"):
            properties = run.find(f"{W}rPr")
            xml = etree.tostring(properties) if properties is not None else b""
            characters.extend((c, xml) for child in run for c in _character(child))
        paragraphs.append(characters)
    return paragraphs


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    (tmp_path / "terms.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "draft.docx"
    _draft(path)
    return path


@pytest.fixture
def annotated(draft: Path) -> tuple[Path, Path, str]:
    """(draft, copy, the draft's digest before annotating)."""
    before = _digest(draft)
    copy = draft.with_name("draft.reviewed.docx")
    result = run_cli("annotate", str(draft), "-o", str(copy))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == f"{copy}：已添加 {len(EXPECTED)} 条批注（原稿 {draft}）"
    return draft, copy, before


def test_each_finding_is_a_comment_anchored_on_its_flagged_text(annotated) -> None:
    _, copy, _ = annotated
    comments = sorted(docx.Document(str(copy)).comments, key=lambda comment: comment.comment_id)
    ranges = anchors(copy)
    assert sorted(ranges) == [comment.comment_id for comment in comments]
    assert [(*ranges[comment.comment_id], comment.text) for comment in comments] == EXPECTED
    assert {(comment.author, comment.initials) for comment in comments} == {("reportlint", "RL")}


def test_anchors_match_the_findings_of_check(annotated) -> None:
    """Each comment covers exactly the text ``check`` reports, at the paragraph and columns it reports."""
    draft, copy, _ = annotated
    findings = json.loads(run_cli("check", "-f", "json", "--exit-zero", str(draft)).stdout)
    lines = read_path(draft).lines
    comments = sorted(docx.Document(str(copy)).comments, key=lambda comment: comment.comment_id)
    ranges = anchors(copy)
    assert len(findings) == len(comments) == len(EXPECTED)
    for finding, comment in zip(findings, comments, strict=True):
        paragraph, anchored = ranges[comment.comment_id]
        line, start, end = finding["location"]["row"], finding["location"]["column"], finding["end_location"]["column"]
        assert paragraph == lines[line - 1]
        assert comment.text.split("\n")[0] == f"{finding['code']} {finding['message']}"
        if finding["text"]:
            assert anchored == finding["text"] == paragraph[start - 1 : end - 1]
        else:  # no width: the character before, or after at the start of the paragraph
            assert anchored == paragraph[max(start - 2, 0)]


def test_copy_has_the_same_text_and_formatting_and_the_draft_is_untouched(annotated) -> None:
    draft, copy, before = annotated
    assert _digest(draft) == before
    assert read_path(copy).lines == read_path(draft).lines
    original, commented = docx.Document(str(draft)), docx.Document(str(copy))
    assert [p.text for p in commented.paragraphs] == [p.text for p in original.paragraphs]
    assert len(original.comments) == 0
    # Split runs keep their properties: every character has the formatting it had.
    assert formatted_characters(copy) == formatted_characters(draft)
    # Paragraph 3's runs, split where a finding starts or ends (the comment reference runs hold no text).
    runs = [(r.text, r.bold, r.italic, r.underline) for r in commented.paragraphs[2].runs if r.text]
    assert runs == [
        ("今年完成投", None, None, None),
        ("资", None, None, None),
        ("x", True, None, None),
        ("x", None, True, None),
        ("亿元，", None, True, None),
        ("同比增长", None, None, True),
        ("XX", None, None, True),
        ("%。", None, None, True),
    ]


def test_the_copy_lints_to_the_same_findings(annotated) -> None:
    draft, copy, _ = annotated

    def located(path: Path) -> list[tuple]:
        result = run_cli("check", "-f", "json", "--exit-zero", str(path))
        return [
            (f["code"], f["location"]["row"], f["location"]["column"], f["text"]) for f in json.loads(result.stdout)
        ]

    assert located(copy) == located(draft)
    assert len(located(draft)) == len(EXPECTED)


def test_runs_split_at_random_places(tmp_path: Path) -> None:
    """Placeholders cut into runs at random places (fixed seed), with tabs and line breaks between runs: every
    comment covers what ``check`` flags, and every character keeps its text and formatting."""
    rng = random.Random(6)
    sentences = ["全年完成投资xx亿元，", "同比增长XX%；", "××同志作报告。", "【待补充】", "共计**家企业", "比较平稳。"]
    draft, out = tmp_path / "random.docx", tmp_path / "random.reviewed.docx"
    document = docx.Document()
    for _ in range(30):
        text = "".join(rng.choice(sentences) for _ in range(4))
        cuts = sorted(rng.sample(range(1, len(text)), 6))
        paragraph = document.add_paragraph()
        for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
            run = paragraph.add_run(text[start:end])
            run.bold, run.italic = rng.choice([None, True]), rng.choice([None, True])
            if rng.random() < 0.2:
                run.add_break(WD_BREAK.LINE) if rng.random() < 0.5 else run.add_tab()
    document.save(draft)
    result = run_cli("annotate", str(draft), "-o", str(out), "--isolated", "--select", "PH")
    assert result.returncode == 0, result.stderr.decode()
    findings = json.loads(
        run_cli("check", "-f", "json", "--exit-zero", "--isolated", "--select", "PH", str(draft)).stdout
    )
    comments = sorted(docx.Document(str(out)).comments, key=lambda comment: comment.comment_id)
    ranges = anchors(out)
    assert len(findings) == len(comments) > 60
    assert [ranges[comment.comment_id][1] for comment in comments] == [finding["text"] for finding in findings]
    assert formatted_characters(out) == formatted_characters(draft)


def test_select_ignore_config_and_isolated(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"

    def anchored(*options: str) -> list[tuple[str, str]]:
        result = run_cli("annotate", str(draft), "-o", str(out), *options)
        assert result.returncode == 0, result.stderr.decode()
        comments = sorted(docx.Document(str(out)).comments, key=lambda comment: comment.comment_id)
        ranges = anchors(out)
        return [(comment.text.split(" ")[0], ranges[comment.comment_id][1]) for comment in comments]

    assert anchored("--select", "PH003") == [("PH003", "【待补充】"), ("PH003", "【待填】")]
    assert anchored("--ignore", "PH,ORG002,ORG004", "--ignore", "closing-mark") == [
        ("ORG001", "里程牌"),
        ("ORG001", "权利监督"),
    ]
    # --isolated: the config (and its pack) is not read; the built-in rules run with their defaults.
    isolated = anchored("--isolated", "--select", "PH")
    assert [anchor for anchor in isolated if anchor[0].startswith("ORG")] == []
    assert ("PH003", "【待补充】") in isolated
    # --config: this file's settings, not the one found beside the draft.
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "terms.toml").write_text(PACK, encoding="utf-8")
    (other / "reportlint.toml").write_text('select = ["ORG001"]\npacks = ["terms.toml"]\n', encoding="utf-8")
    assert anchored("--config", str(other / "reportlint.toml")) == [("ORG001", "里程牌"), ("ORG001", "权利监督")]


def test_baseline_leaves_out_accepted_findings(draft: Path, tmp_path: Path) -> None:
    baseline, out = tmp_path / "baseline.json", tmp_path / "out.docx"
    assert run_cli("check", "--write-baseline", str(baseline), str(draft)).returncode == 0
    # The next version of the draft: a new paragraph with a new placeholder above the accepted ones.
    document = docx.Document(str(draft))
    document.paragraphs[1].insert_paragraph_before("新增项目xx个。")
    document.save(draft)
    result = run_cli("annotate", str(draft), "-o", str(out), "--baseline", str(baseline))
    assert result.returncode == 0, result.stderr.decode()
    hidden = f"；基线中已记录的 {len(EXPECTED)} 处未加"
    assert result.stdout.decode().strip() == f"{out}：已添加 1 条批注（原稿 {draft}{hidden}）"
    (comment,) = docx.Document(str(out)).comments
    assert anchors(out)[comment.comment_id] == ("新增项目xx个。", "xx")


def test_a_draft_without_findings_is_copied_without_comments(tmp_path: Path) -> None:
    draft, out = tmp_path / "clean.docx", tmp_path / "clean.reviewed.docx"
    document = docx.Document()
    document.add_paragraph("今年完成投资12亿元。")
    document.save(draft)
    result = run_cli("annotate", str(draft), "-o", str(out), "--isolated", "--select", "PH")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == f"{out}：已添加 0 条批注（原稿 {draft}）"
    assert len(docx.Document(str(out)).comments) == 0
    assert read_path(out).lines == ["今年完成投资12亿元。"]


def test_existing_comments_are_kept(tmp_path: Path) -> None:
    draft, out = tmp_path / "reviewed-once.docx", tmp_path / "reviewed-twice.docx"
    document = docx.Document()
    paragraph = document.add_paragraph("请核对：")
    run = paragraph.add_run("完成投资xx亿元")
    document.add_comment(run, "数字待财务处确认", author="张三", initials="ZS")
    document.save(draft)
    result = run_cli("annotate", str(draft), "-o", str(out), "--isolated", "--select", "PH001")
    assert result.returncode == 0, result.stderr.decode()
    comments = list(docx.Document(str(out)).comments)
    ranges = anchors(out)
    assert [(c.author, c.text, ranges[c.comment_id][1]) for c in comments] == [
        ("张三", "数字待财务处确认", "完成投资xx亿元"),
        ("reportlint", "PH001 未填写的数字占位符“xx”：请填入实际数字", "xx"),
    ]
    assert len({c.comment_id for c in comments}) == 2


@pytest.mark.parametrize(
    ("name", "output", "content", "message"),
    [
        ("draft.txt", "out.docx", "完成投资xx亿元。".encode(), "annotate 只能处理 Word 草稿（.docx）"),
        ("draft.docx", "draft.docx", None, "带批注的副本不能覆盖原稿"),
        ("draft.docx", "sub/../draft.docx", None, "带批注的副本不能覆盖原稿"),
        ("draft.docx", "out.txt", None, "带批注的副本须为 .docx 文件"),
        ("draft.docx", "out.docx", b"PK\x03\x04 not really a zip", "RL001 无法读取：不是有效的 .docx 文件"),
        ("draft.docx", "missing-folder/out.docx", None, "无法写入"),
    ],
)
def test_errors_exit_2_and_leave_the_draft_alone(
    tmp_path: Path, name: str, output: str, content: bytes | None, message: str
) -> None:
    draft = tmp_path / name
    if content is None:
        _draft(draft)
    else:
        draft.write_bytes(content)
    (tmp_path / "sub").mkdir()
    before = _digest(draft)
    result = run_cli("annotate", name, "-o", output, "--isolated", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert _digest(draft) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "sub"])  # nothing written, no temp file


def test_missing_draft(tmp_path: Path) -> None:
    result = run_cli("annotate", "absent.docx", "-o", "out.docx", cwd=tmp_path)
    assert result.returncode == 2
    assert "absent.docx: 无法读取" in result.stderr.decode()
    assert not (tmp_path / "out.docx").exists()


def test_comment_text_names_the_fix_and_the_related_places() -> None:
    def at(column: int) -> Position:
        return Position(3, column)

    finding = Finding(
        "NUM999",
        "figure-mismatch",
        Severity.WARNING,
        "两处数字不一致",
        "a.docx",
        at(1),
        at(3),
        "12",
        fix=Fix("删除", (), safe=True),
        related=(
            Related("a.docx", Position(5, 3), Position(5, 5), "另一处说法"),
            Related("b.txt", Position(2, 1), Position(2, 3), "讲话稿中的说法"),
        ),
    )
    lines = ["", "", "12亿元", "", "约为13亿元"]
    assert comment_text(finding, lines) == (
        "NUM999 两处数字不一致\n建议删除\n另见第5段“13”：另一处说法\n另见b.txt 第2段：讲话稿中的说法"
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_copy_and_sees_the_comments(annotated, tmp_path: Path) -> None:
    _, copy, _ = annotated
    outdir = tmp_path / "converted"
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    for target in ("pdf", "odt"):
        subprocess.run(
            ["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(outdir), str(copy)],
            check=True,
            capture_output=True,
            timeout=180,
        )
    assert (outdir / "draft.reviewed.pdf").read_bytes().startswith(b"%PDF")
    content = zipfile.ZipFile(outdir / "draft.reviewed.odt").read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") == len(EXPECTED)
    assert content.count("<dc:creator>reportlint</dc:creator>") == len(EXPECTED)
