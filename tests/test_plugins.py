"""Third-party rules through the entry-point group ``reportlint.rules``.

The plugin is a real distribution: a module plus a ``.dist-info`` folder with ``entry_points.txt``, put on
PYTHONPATH, which is exactly how ``importlib.metadata`` sees an installed package. The installed console
script then loads it.
"""

from __future__ import annotations

import json

from helpers import run_cli
from plugins import PLUGIN, install_plugin


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
    assert "a.txt: RL002 规则 DEMO002 出错：RuntimeError: boom" in result.stderr.decode()


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
    assert "plugin demo (rl_demo_plugin:MISSING): 无法加载" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_plugin_with_invalid_metadata_is_rejected(tmp_path):
    env = install_plugin(tmp_path, "rl_demo_plugin:DemoRule", PLUGIN.replace('code = "DEMO001"', 'code = "demo"'))
    result = run_cli("rules", env=env)
    assert result.returncode == 2 and "规则代码 'demo' 须为" in result.stderr.decode()
