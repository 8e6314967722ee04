"""TOML rule packs: validation messages, matching with guards, extending rules, shipped packs."""

from __future__ import annotations

import pytest

from reportlint.catalog import base_registry
from reportlint.document import Document, blocks_from_lines
from reportlint.packs.loader import PackRule, install_pack, load_pack, load_packs_into, shipped_pack_paths
from reportlint.registry import Registry, RuleError

GOOD_PACK = """
[pack]
name = "demo"
source = "tests"

[[rules]]
code = "TST001"
name = "demo-typo"
severity = "error"
summary = "A demo typo pack"
doc = "Finds demo typos."

[[rules.entries]]
match = "截止"
replace = ["截至"]
reason = "表示到某一时间为止用“截至”"
after = ["目前", "今年"]

[[rules.entries]]
match = "里程牌"
replace = ["里程碑"]
reason = "“碑”指标志"

[[rules.entries]]
regex = "权利(?=监督|制约)"
replace = ["权力"]
reason = "公权力"
not_before = ["公民"]

[[rules.entries]]
match = "AI"
reason = "demo Latin literal"
severity = "info"
"""


def document(*lines: str) -> Document:
    return Document("t.txt", "txt", blocks_from_lines(list(lines)), list(lines))


def pack_rule(tmp_path, text: str = GOOD_PACK) -> PackRule:
    path = tmp_path / "demo.toml"
    path.write_text(text, encoding="utf-8")
    registry = Registry()
    load_packs_into(registry, [path])
    rule = registry.get("TST001")
    assert isinstance(rule, PackRule)
    return rule


def hits(rule: PackRule, line: str) -> list[tuple[str, str | None]]:
    return [(h.block.text[h.start : h.end], h.replacement) for h in rule.check(document(line))]


def test_literal_entries_with_guards(tmp_path):
    rule = pack_rule(tmp_path)
    assert hits(rule, "截止目前，已建成里程牌。") == [("截止", "截至"), ("里程牌", "里程碑")]
    assert hits(rule, "报名截止日期为五月") == []  # `after` guard: only before a point in time


def test_regex_entry_with_not_before_guard(tmp_path):
    rule = pack_rule(tmp_path)
    assert hits(rule, "加强对权利监督") == [("权利", "权力")]
    assert hits(rule, "保障公民权利监督") == []
    assert hits(rule, "维护合法权利") == []


def test_latin_literal_does_not_match_inside_a_longer_word(tmp_path):
    rule = pack_rule(tmp_path)
    assert hits(rule, "推广AI应用") == [("AI", None)]
    assert hits(rule, "MAIN和AIM") == []


def test_entry_severity_and_message(tmp_path):
    rule = pack_rule(tmp_path)
    found = list(rule.check(document("里程牌和AI")))
    assert found[0].message == "“里程牌”疑为“里程碑”之误：“碑”指标志"
    assert found[0].severity is None and found[1].severity.label == "info"


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            GOOD_PACK.replace('match = "里程牌"', 'match = "里程牌"\nwrong = 1'),
            "rules[0] ('TST001').entries[1] ('里程牌').wrong: 未知的配置项",
        ),
        (
            GOOD_PACK.replace('regex = "权利(?=监督|制约)"', 'regex = "权利(?=监督"'),
            "rules[0] ('TST001').entries[2] ('权利(?=监督'): 正则表达式",
        ),
        (GOOD_PACK.replace('match = "AI"', 'match = "AI"\nregex = "AI"'), "每个条目须有 match 或 regex 之一"),
        (
            GOOD_PACK.replace('severity = "error"', 'severity = "fatal"'),
            "rules[0] ('TST001').severity: 应为 'error', 'warning' 或 'info' 之一",
        ),
        (
            GOOD_PACK.replace('summary = "A demo typo pack"\n', ""),
            "rules[0] ('TST001').summary: 缺少必填项",
        ),
        (GOOD_PACK.replace('regex = "权利(?=监督|制约)"', 'regex = "a*"'), "会匹配空字符串"),
        ("[pack\nname=1", "TOML 格式错误"),
    ],
)
def test_broken_pack_names_file_entry_and_problem(tmp_path, broken, expected):
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_packs_into(Registry(), [path])
    message = str(error.value)
    assert message.startswith(str(path)), message
    assert expected in message, message


def test_pack_rule_metadata_is_validated(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD_PACK.replace('code = "TST001"', 'code = "tst1"'), encoding="utf-8")
    with pytest.raises(RuleError, match="规则代码 'tst1' 须为"):
        load_packs_into(Registry(), [path])


def test_duplicate_code_is_rejected(tmp_path):
    path = tmp_path / "demo.toml"
    path.write_text(GOOD_PACK, encoding="utf-8")
    registry = Registry()
    load_packs_into(registry, [path])
    with pytest.raises(RuleError, match="规则 TST001 已由"):
        load_packs_into(registry, [path])


def test_extend_adds_entries_without_touching_the_shared_rule(tmp_path):
    base = base_registry()
    extension = tmp_path / "mine.toml"
    extension.write_text(
        '[pack]\nname = "mine"\n[[extend]]\nextends = "PH003"\n[[extend.entries]]\nmatch = "（附图）"\n',
        encoding="utf-8",
    )
    registry = base.copy()
    install_pack(registry, load_pack(extension), str(extension))
    marker_document = document("见下图（附图）。")
    assert [h.block.text[h.start : h.end] for h in registry.get("PH003").check(marker_document)] == ["（附图）"]
    assert list(base.get("PH003").check(marker_document)) == []


def test_extend_of_unknown_or_python_rule_is_an_error(tmp_path):
    path = tmp_path / "x.toml"
    for target, reason in (("NOPE999", "不是已知的规则"), ("PH001", "不是规则包定义的规则")):
        path.write_text(f'[pack]\nname = "x"\n[[extend]]\nextends = "{target}"\n', encoding="utf-8")
        with pytest.raises(RuleError, match=reason):
            load_packs_into(base_registry().copy(), [path])


@pytest.mark.parametrize("path", shipped_pack_paths(), ids=lambda p: p.name)
def test_shipped_packs_pass_strict_validation(path):
    """Shipped packs load without pydantic at run time; here they go through the same validation as users'."""
    strict = load_pack(path, trusted=False)
    assert strict == load_pack(path, trusted=True)
    registry = Registry()
    install_pack(registry, strict, str(path))
    assert len(registry) >= 1


def test_shipped_packs_are_found():
    assert "placeholders.toml" in [p.name for p in shipped_pack_paths()]


TERM_PACK = """
[pack]
name = "terms"

[[rules]]
code = "TST002"
name = "demo-terms"
summary = "Demo term pairs"
doc = "Finds mixed terms."
message = "本文同时使用“{text}”和“{fix}”"

[[rules.entries]]
match = "法制化"
replace = ["法治化"]
document_has = ["法治化"]
"""


def test_document_has_flags_a_form_only_beside_the_other_and_points_to_it(tmp_path):
    path = tmp_path / "terms.toml"
    path.write_text(TERM_PACK, encoding="utf-8")
    registry = Registry()
    load_packs_into(registry, [path])
    rule = registry.get("TST002")
    (hit,) = rule.check(document("推进治理法治化。", "推进管理法制化。"))
    assert (hit.block.index, hit.block.text[hit.start : hit.end], hit.replacement) == (1, "法制化", "法治化")
    (anchor,) = hit.related
    assert (anchor.block.index, anchor.start, anchor.end, anchor.message) == (0, 4, 7, "文中另有“法治化”")
    assert list(rule.check(document("推进管理法制化。"))) == []


def test_document_has_must_not_hold_an_empty_string(tmp_path):
    path = tmp_path / "terms.toml"
    path.write_text(TERM_PACK.replace('document_has = ["法治化"]', 'document_has = [""]'), encoding="utf-8")
    with pytest.raises(RuleError, match="document_has 中不能有空字符串"):
        load_packs_into(Registry(), [path])


LITERAL_PACK = """
[pack]
name = "literals"

[[rules]]
code = "TST003"
name = "demo-literals"
summary = "Demo literals"
doc = "Finds demo literals."

[[rules.entries]]
match = "里程牌"
replace = ["里程碑"]

[[rules.entries]]
match = "布署"
replace = ["部署"]
not_after = ["名"]

[[rules.entries]]
match = "布署名"
replace = ["署名"]
not_before = ["发"]

[[rules.entries]]
match = "工作工作"

[[rules.entries]]
regex = '(\\p{Han})\\1\\1'
replace = ["x"]

[[rules.entries]]
regex = '截止(?=目前)'
replace = ["截至"]
"""


def literal_rule(tmp_path) -> PackRule:
    path = tmp_path / "literals.toml"
    path.write_text(LITERAL_PACK, encoding="utf-8")
    registry = Registry()
    load_packs_into(registry, [path])
    return registry.get("TST003")


def test_literals_are_found_wherever_they_are_in_the_document(tmp_path):
    rule = literal_rule(tmp_path)
    lines = ("里程牌", "一个里程牌，两个里程牌", "无关段落", "里程牌里程牌")
    found = [(h.block.index, h.start) for h in rule.check(document(*lines))]
    assert found == [(0, 0), (1, 2), (1, 8), (3, 0), (3, 3)]


def test_overlapping_literals_and_a_shorter_one_where_the_longer_one_is_guarded(tmp_path):
    rule = literal_rule(tmp_path)
    assert hits(rule, "工作工作工作") == [("工作工作", None)]  # the overlapping second match is inside the first
    assert hits(rule, "布署名单") == [("布署名", "署名")]  # the longest form wins
    assert hits(rule, "发布署名文章") == []  # 布署名 guarded, and 布署 guarded by 名 after it
    assert hits(rule, "发布署工作") == [("布署", "部署")]


def test_regex_entries_with_groups_still_work_beside_others(tmp_path):
    rule = literal_rule(tmp_path)
    assert hits(rule, "截止目前，好好好") == [("截止", "截至"), ("好好好", "x")]
    assert hits(rule, "截止日期") == []


ANCHORED_PACK = """
[pack]
name = "anchored"

[[rules]]
code = "TST004"
name = "demo-anchored"
summary = "Demo anchored regexes"
doc = "Finds anchored forms."

[[rules.entries]]
regex = '^截止'

[[rules.entries]]
regex = '甲[^乙]*丙'

[[rules.entries]]
regex = '完毕$'
"""


def test_regex_entries_see_each_block_on_its_own(tmp_path):
    """The whole-document pre-check must not hide a block's match (anchors, patterns that could span blocks)."""
    path = tmp_path / "anchored.toml"
    path.write_text(ANCHORED_PACK, encoding="utf-8")
    registry = Registry()
    load_packs_into(registry, [path])
    rule = registry.get("TST004")
    lines = ("截止目前甲", "截止目前甲丙", "工作完毕", "完毕了")
    found = [(h.block.index, h.block.text[h.start : h.end]) for h in rule.check(document(*lines))]
    assert found == [(0, "截止"), (1, "截止"), (1, "甲丙"), (2, "完毕")]
