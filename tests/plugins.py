"""A demo plugin installed into a temporary folder (a module and its dist-info), for the plugin tests."""

from __future__ import annotations

import os
import textwrap

PLUGIN = '''
from reportlint import Hit, Rule, Severity


class DemoRule(Rule):
    """Flags the word 演示 (a demo plugin rule)."""

    code = "DEMO001"
    name = "demo-word"
    severity = Severity.WARNING
    summary = "The word 演示"

    def check(self, document):
        for block in document.blocks:
            start = block.text.find("演示")
            if start >= 0:
                yield Hit(block, start, start + 2, "演示用词")


class CrashingRule(Rule):
    """Always raises (to test that a broken plugin rule does not stop the run)."""

    code = "DEMO002"
    name = "demo-crash"
    severity = Severity.ERROR
    summary = "Crashes"

    def check(self, document):
        raise RuntimeError("boom")
        yield


RULES = (DemoRule, CrashingRule)
'''


def install_plugin(root, entry_point: str, module: str = PLUGIN) -> dict:
    (root / "rl_demo_plugin.py").write_text(textwrap.dedent(module), encoding="utf-8")
    info = root / "rl_demo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: rl-demo-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[reportlint.rules]\ndemo = {entry_point}\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(root)}
