"""Word boundaries of the dictionary rules (pack key ``word_boundaries``): a form is reported only where the
segmenter keeps it as one word, and its fix is safe only when no word crosses its edges."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import REPO, lint_text

from reportlint.packs.loader import EntrySpec, PackInfo, PackRule, PackSpec, RuleSpec, install_pack
from reportlint.readers import read_bytes
from reportlint.registry import Registry


def found(text: str) -> list[tuple[str, str, str | None, bool | None]]:
    return [
        (f.code, f.text, f.fix.edits[0].content if f.fix else None, f.fix.safe if f.fix else None)
        for f in lint_text(text, select=["TYP"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "我们自己经常学习，群众自己经营。",  # 己经 in 自己|经常 (a safe fix would write 自已经常)
        "严厉打击钓鱼网站。",  # 鱼网 in 钓鱼|网站
        "推进股份量化改革。",  # 份量 in 股份|量化
        "这种鱼具有很高的价值。",  # 鱼具 in 鱼|具有
    ],
)
def test_a_form_across_a_word_boundary_is_left_alone(text):
    assert found(text) == []


def test_a_form_read_as_one_word_is_reported_with_a_safe_fix():
    assert found("他己经完成了任务。") == [("TYP001", "己经", "已经", True)]
    assert found("购买鱼具和鱼网。") == [("TYP004", "鱼具", "渔具", True), ("TYP004", "鱼网", "渔网", True)]


def test_a_fix_that_could_change_a_correct_word_is_never_safe():
    # 他己经常来: read 他|已经|常来, but 经常 crosses the form's edge, so the fix is offered, unsafe
    assert found("他己经常来这里。") == [("TYP001", "己经", "已经", False)]


@pytest.mark.parametrize(("boundaries", "count"), [(False, 1), (True, 0)])
def test_a_pack_checks_word_boundaries_only_with_the_key(boundaries, count):
    registry = Registry()
    spec = RuleSpec(
        "ORG001", "org-term", "s", "d", word_boundaries=boundaries, entries=[EntrySpec("己经", None, ["已经"])]
    )
    install_pack(registry, PackSpec(PackInfo(name="ours"), rules=[spec]), "ours.toml")
    rule = registry.get("ORG001")
    assert isinstance(rule, PackRule)
    assert len(list(rule.check(read_bytes("我们自己经常学习。".encode(), "draft.txt", "txt")))) == count


def test_the_word_table_is_read_only_when_a_literal_matched():
    code = (
        "from helpers import lint_text\n"
        "import reportlint.analysis.lexicon as lexicon\n"
        "lint_text('全面推进各项工作。', select=['TYP001', 'TYP004'])\n"
        "assert lexicon._words.cache_info().currsize == 0, 'read without a match'\n"
        "lint_text('他己经完成了任务。', select=['TYP001'])\n"
        "assert lexicon._words.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO / "tests")
