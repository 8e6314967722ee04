"""Third-party rules through the entry-point group ``reportlint.rules``.

The plugin is a real distribution: a module plus a ``.dist-info`` folder with ``entry_points.txt``, put on
PYTHONPATH, which is exactly how ``importlib.metadata`` sees an installed package. The installed console
script then loads it.
"""

from __future__ import annotations

import json
import os
import textwrap

from helpers import run_cli

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


def test_plugin_rules_are_listed_documented_and_run(tmp_path):
    env = install_plugin(tmp_path, "rl_demo_plugin:RULES")
    (tmp_path / "a.txt").write_text("这是演示文本，完成xx亿元。\n", encoding="utf-8")
    rules = json.loads(run_cli("rules", "-f", "json", env=env).stdout)
    demo = next(row for row in rules if row["code"] == "DEMO001")
    assert demo["name"] == "demo-word" and demo["origin"].startswith("plugin demo")
    assert "Flags the word 演示" in run_cli("rule", "DEMO001", env=env).stdout.decode()

    result = run_cli("check", "-f", "json", "a.txt", cwd=tmp_path, env=env)
    codes = [f["code"] for f in json.loads(result.stdout)]
    assert codes == ["DEMO001", "PH001"]  # the crashing rule did not stop the others
    assert result.returncode == 2
    assert "a.txt: RL002 rule DEMO002 crashed: RuntimeError: boom" in result.stderr.decode()


def test_plugin_selection_by_prefix(tmp_path):
    env = install_plugin(tmp_path, "rl_demo_plugin:DemoRule")
    (tmp_path / "a.txt").write_text("这是演示文本，完成xx亿元。\n", encoding="utf-8")
    result = run_cli("check", "-f", "json", "--select", "DEMO", "a.txt", cwd=tmp_path, env=env)
    assert [f["code"] for f in json.loads(result.stdout)] == ["DEMO001"]
    assert result.returncode == 1


def test_broken_plugins_are_named(tmp_path):
    env = install_plugin(tmp_path, "rl_demo_plugin:MISSING")
    result = run_cli("rules", env=env)
    assert result.returncode == 2
    assert "plugin demo (rl_demo_plugin:MISSING): cannot be loaded" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_plugin_with_invalid_metadata_is_rejected(tmp_path):
    env = install_plugin(tmp_path, "rl_demo_plugin:DemoRule", PLUGIN.replace('code = "DEMO001"', 'code = "demo"'))
    result = run_cli("rules", env=env)
    assert result.returncode == 2 and "rule code 'demo' must be" in result.stderr.decode()
