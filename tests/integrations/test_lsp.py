"""The language server as editors use it: the installed ``reportlint server`` in a subprocess, driven over
stdio by a small JSON-RPC client (Content-Length framing). Every read has a timeout, so a server that hangs
or dies fails the test instead of hanging it.

Expected positions are counted by hand. LSP lines and characters start at 0; characters are UTF-16 code
units unless the client offers another encoding: 𠀀 (U+20000) is 2 UTF-16 units, 4 UTF-8 bytes, 1 code point.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import reportlint_command, run_cli
from plugins import install_plugin

#: Seconds to wait for any one message (a cold start imports pygls and every rule).
TIMEOUT = 30

CAPABILITIES = {
    "workspace": {"workspaceEdit": {"documentChanges": True}, "didChangeWatchedFiles": {"dynamicRegistration": True}},
    "textDocument": {"publishDiagnostics": {"relatedInformation": True}, "codeAction": {}},
}


class LspClient:
    """A minimal LSP client: frames messages, answers the server's requests, keeps unclaimed messages."""

    def __init__(self, cwd: Path, env: dict | None = None) -> None:
        self.process = subprocess.Popen(
            [*reportlint_command(), "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self._inbox: queue.Queue = queue.Queue()
        self._backlog: list[dict] = []
        self._stderr: list[bytes] = []
        self._ids = 0
        #: Every notification and request the server sent, in order.
        self.received: list[dict] = []
        threading.Thread(target=self._read_messages, daemon=True).start()
        threading.Thread(target=lambda: self._stderr.extend(self.process.stderr), daemon=True).start()

    def _read_messages(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self._inbox.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self._inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict | None = None):
        self._ids += 1
        ident = self._ids
        self.send({"id": ident, "method": method, "params": params})
        response = self.receive(lambda m: m.get("id") == ident and "method" not in m, f"the response to {method}")
        assert "error" not in response, response["error"]
        return response["result"]

    def receive(self, matches, what: str) -> dict:
        """The first message (unclaimed earlier, or arriving within TIMEOUT) for which ``matches`` is true."""
        for message in self._backlog:
            if matches(message):
                self._backlog.remove(message)
                return message
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                message = self._inbox.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                pytest.fail(f"no {what} within {TIMEOUT} s; server stderr:\n{self.stderr}")
            if message is None:
                pytest.fail(f"the server exited before sending {what}; stderr:\n{self.stderr}")
            if "method" in message:
                self.received.append(message)
                if "id" in message:  # a request from the server (client/registerCapability): accept it
                    self.send({"id": message["id"], "result": None})
            if matches(message):
                return message
            self._backlog.append(message)

    def diagnostics(self, path: Path) -> dict:
        """The next publishDiagnostics for ``path``: {uri, version, diagnostics}."""
        uri = path.as_uri()
        return self.receive(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
            f"diagnostics for {path.name}",
        )["params"]

    def sent(self, method: str) -> list[dict]:
        """The params of every ``method`` notification or request received so far."""
        return [m["params"] for m in self.received if m["method"] == method]

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")

    def initialize(self, root: Path, capabilities: dict) -> dict:
        result = self.request(
            "initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": capabilities}
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, language_id: str = "plaintext", version: int = 1) -> None:
        item = {"uri": path.as_uri(), "languageId": language_id, "version": version, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})

    def change(self, path: Path, text: str, version: int) -> None:
        document = {"uri": path.as_uri(), "version": version}
        self.notify("textDocument/didChange", {"textDocument": document, "contentChanges": [{"text": text}]})

    def code_actions(self, path: Path, start: tuple[int, int], end: tuple[int, int], only=None) -> list[dict]:
        context = {"diagnostics": [], **({"only": only} if only else {})}
        return self.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": path.as_uri()}, "range": lsp_range(*start, *end), "context": context},
        )

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.request("shutdown")
                self.notify("exit")
                self.process.wait(timeout=TIMEOUT)
            except (Exception, pytest.fail.Exception):  # no answer (pytest.fail) or a broken pipe
                self.process.kill()
                self.process.wait(timeout=TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            stream.close()


def lsp_range(start_line: int, start_character: int, end_line: int, end_character: int) -> dict:
    return {
        "start": {"line": start_line, "character": start_character},
        "end": {"line": end_line, "character": end_character},
    }


def spans(published: dict) -> list[tuple[str, tuple[int, int, int, int]]]:
    """(code, (start line, start character, end line, end character)) of each published diagnostic."""
    result = []
    for d in published["diagnostics"]:
        r = d["range"]
        result.append(
            (d.get("code"), (r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"]))
        )
    return result


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``, as an editor does: from the last to the first."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        line = lines[position["line"]]
        units = line.encode("utf-16-le")[: 2 * position["character"]].decode("utf-16-le")
        return sum(len(lines[i]) + 1 for i in range(position["line"])) + len(units)

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


@pytest.fixture
def start_server(tmp_path):
    """Start a server in ``tmp_path`` and initialize it; shut every started server down afterwards."""
    clients: list[LspClient] = []

    def start(capabilities: dict = CAPABILITIES, env: dict | None = None) -> tuple[LspClient, dict]:
        client = LspClient(tmp_path, env)
        clients.append(client)
        return client, client.initialize(tmp_path, capabilities)

    yield start
    for client in clients:
        client.close()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


DRAFT = "今年完成投资xx亿元，xx公司承建。\n"


def test_diagnostics_on_open_carry_code_severity_source_message_and_rule_name(tmp_path, start_server):
    client, initialized = start_server()
    assert initialized["serverInfo"]["name"] == "reportlint"
    draft = write(tmp_path / "draft.txt", DRAFT)
    client.open(draft, DRAFT)
    published = client.diagnostics(draft)
    assert published["version"] == 1
    figure, name = published["diagnostics"]
    # 今年完成投资 is six characters: "xx" spans 6-8; then 亿元， and the second "xx" spans 11-13.
    assert figure == {
        "range": lsp_range(0, 6, 0, 8),
        "severity": 1,
        "code": "PH001",
        "source": "reportlint",
        "message": "未填写的数字占位符“xx”：请填入实际数字",
        "codeDescription": {"href": "https://github.com/reportlint/reportlint/blob/main/docs/rules.md#ph001"},
        "data": {"name": "figure-placeholder"},
    }
    assert (name["code"], name["severity"], name["range"]) == ("PH002", 2, lsp_range(0, 11, 0, 13))
    assert name["data"] == {"name": "name-placeholder"}


@pytest.mark.parametrize(
    ("offered", "encoding", "start", "end"),
    [
        (None, "utf-16", 5, 7),  # 𠀀 is 2 units, 年完成 3
        (["utf-8", "utf-16"], "utf-8", 13, 15),  # 𠀀 is 4 bytes, 年完成 9
        (["utf-32"], "utf-32", 4, 6),  # code points
    ],
)
def test_positions_in_the_negotiated_encoding_count_a_character_outside_the_bmp(
    tmp_path, start_server, offered, encoding, start, end
):
    capabilities = {**CAPABILITIES, "general": {"positionEncodings": offered}} if offered else CAPABILITIES
    client, initialized = start_server(capabilities)
    assert initialized["capabilities"].get("positionEncoding", "utf-16") == encoding
    draft = tmp_path / "draft.txt"
    client.open(draft, "标题\n\U00020000年完成xx亿元。\n")
    assert spans(client.diagnostics(draft)) == [("PH001", (1, start, 1, end))]


def test_change_and_save_publish_new_diagnostics(tmp_path, start_server):
    client, _ = start_server()
    draft = write(tmp_path / "draft.txt", DRAFT)
    client.open(draft, DRAFT)
    assert [code for code, _ in spans(client.diagnostics(draft))] == ["PH001", "PH002"]
    client.change(draft, "今年完成投资5亿元，xx公司承建。\n", version=2)
    published = client.diagnostics(draft)
    assert published["version"] == 2
    assert spans(published) == [("PH002", (0, 10, 0, 12))]
    client.change(draft, "今年完成投资5亿元，甲公司承建。\n", version=3)
    assert client.diagnostics(draft)["diagnostics"] == []
    client.notify("textDocument/didSave", {"textDocument": {"uri": draft.as_uri()}})
    published = client.diagnostics(draft)
    assert (published["version"], published["diagnostics"]) == (3, [])


def test_rapid_changes_are_linted_once_they_pause_and_only_the_latest_version_is_published(tmp_path, start_server):
    """Typing sends a change per keystroke: 2,000 of them in a burst are linted a few times, not 2,000 (the
    final diagnostics came 90 s late), and no diagnostics of a version older than one already sent go out."""
    client, _ = start_server()
    draft = write(tmp_path / "draft.txt", DRAFT)
    client.open(draft, DRAFT)
    client.diagnostics(draft)
    changes = 2000
    for version in range(2, changes + 1):
        client.change(draft, "今年完成投资5亿元，" + "甲" * version + "xx公司承建。\n", version=version)
    uri = draft.as_uri()
    final = client.receive(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"]["version"] == changes
        ),
        "diagnostics for the last version",
    )["params"]
    assert spans(final) == [("PH002", (0, 10 + changes, 0, 12 + changes))]
    versions = [params["version"] for params in client.sent("textDocument/publishDiagnostics")]
    assert versions == sorted(versions) and versions[0] == 1 and versions[-1] == changes
    assert len(versions) < changes // 40, f"{len(versions)} lints for {changes} changes"


def test_a_pending_change_is_linted_before_quick_fixes_are_offered(fixable, start_server):
    """A code action asked for right after a change gets the fixes of the text as it is now, versioned as the
    latest change."""
    client, _ = start_server()
    client.open(fixable, FIXABLE)
    client.diagnostics(fixable)
    client.change(fixable, "前言\n" + FIXABLE, version=2)  # the findings move from line 1 to line 2
    (action,) = client.code_actions(fixable, (2, 6), (2, 6), only=["quickfix"])
    assert client.diagnostics(fixable)["version"] == 2
    (change,) = action["edit"]["documentChanges"]
    assert change["textDocument"]["version"] == 2
    assert change["edits"] == [{"range": lsp_range(2, 5, 2, 8), "newText": "里程碑"}]


def test_config_is_discovered_from_the_documents_folder_and_reread_on_save(tmp_path, start_server):
    config = write(tmp_path / "reportlint.toml", 'ignore = ["PH002"]\n')
    draft = write(tmp_path / "drafts" / "2024" / "draft.txt", DRAFT)
    client, _ = start_server()
    client.open(draft, DRAFT)
    assert [code for code, _ in spans(client.diagnostics(draft))] == ["PH001"]
    config.write_text('ignore = ["PH001"]\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": draft.as_uri()}})
    assert [code for code, _ in spans(client.diagnostics(draft))] == ["PH002"]


def test_a_changed_config_file_reported_by_the_clients_file_watcher_is_reread(tmp_path, start_server):
    config = write(tmp_path / "reportlint.toml", 'ignore = ["PH002"]\n')
    draft = write(tmp_path / "draft.txt", DRAFT)
    client, _ = start_server()
    client.open(draft, DRAFT)
    assert [code for code, _ in spans(client.diagnostics(draft))] == ["PH001"]
    (registration,) = client.sent("client/registerCapability")[0]["registrations"]
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    assert registration["registerOptions"] == {"watchers": [{"globPattern": "**/*.toml"}]}
    config.write_text("ignore = []\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    assert [code for code, _ in spans(client.diagnostics(draft))] == ["PH001", "PH002"]


def test_a_broken_config_is_shown_once_and_the_server_carries_on(tmp_path, start_server):
    config = write(tmp_path / "reportlint.toml", 'selekt = ["PH001"]\n')
    draft = write(tmp_path / "draft.txt", DRAFT)
    client, _ = start_server()
    client.open(draft, DRAFT)
    (problem,) = client.diagnostics(draft)["diagnostics"]
    assert problem["range"] == lsp_range(0, 0, 0, 0) and problem["severity"] == 1
    assert "RL006" in problem["message"] and "selekt" in problem["message"] and "reportlint.toml" in problem["message"]
    client.change(draft, DRAFT + "第二段。\n", version=2)
    client.diagnostics(draft)
    client.code_actions(draft, (0, 0), (0, 0))  # answered after every earlier message was sent
    (shown,) = client.sent("window/showMessage")
    assert shown["type"] == 1 and "selekt" in shown["message"] and str(config) in shown["message"]
    config.write_text('select = ["PH001"]\n', encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    assert [code for code, _ in spans(client.diagnostics(draft))] == ["PH001"]


PACK = """
[pack]
name = "test-pack"

[[rules]]
code = "ORG001"
name = "office-term"
severity = "warning"
summary = "A term our office writes differently"
doc = "Terms our office writes one way."

[[rules.entries]]
match = "里程牌"
replace = ["里程碑"]
reason = "“碑”指标志"

[[rules.entries]]
match = "部份"
replace = ["部分", "一部份"]
reason = "两种改法"

[[rules.entries]]
match = "已经已经"
replace = ["已经"]
reason = "重复"
severity = "info"
"""
FIXABLE = "标题\n\U00020000迎来新里程牌，部份指标已经已经完成。\n"


@pytest.fixture
def fixable(tmp_path):
    write(tmp_path / "p.toml", PACK)
    # Only the pack's rule: a built-in rule flagging the same doubled words would make overlapping fixes.
    write(tmp_path / "reportlint.toml", 'packs = ["p.toml"]\nselect = ["ORG001"]\n')
    return write(tmp_path / "draft.txt", FIXABLE)


def test_pack_findings_from_a_discovered_config_with_info_severity(fixable, start_server):
    client, _ = start_server()
    client.open(fixable, FIXABLE)
    published = client.diagnostics(fixable)
    # Line 1: 𠀀 takes 2 units, 迎来新 3, so 里程牌 is 5-8, 部份 9-11 after "，", 已经已经 13-17 after 指标.
    assert spans(published) == [
        ("ORG001", (1, 5, 1, 8)),
        ("ORG001", (1, 9, 1, 11)),
        ("ORG001", (1, 13, 1, 17)),
    ]
    assert [d["severity"] for d in published["diagnostics"]] == [2, 2, 3]


def test_quick_fix_replaces_the_flagged_text_and_is_preferred_when_safe(fixable, start_server):
    client, _ = start_server()
    client.open(fixable, FIXABLE)
    diagnostics = client.diagnostics(fixable)["diagnostics"]
    actions = client.code_actions(fixable, (1, 6), (1, 6), only=["quickfix"])
    (action,) = actions
    assert action["kind"] == "quickfix" and action["isPreferred"] is True
    assert "里程碑" in action["title"]
    assert action["diagnostics"] == [diagnostics[0]]
    (change,) = action["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": fixable.as_uri(), "version": 1}
    assert change["edits"] == [{"range": lsp_range(1, 5, 1, 8), "newText": "里程碑"}]
    assert apply_edits(FIXABLE, change["edits"]) == "标题\n\U00020000迎来新里程碑，部份指标已经已经完成。\n"
    # Two possible replacements: an unsafe fix, offered but not preferred.
    (unsafe,) = client.code_actions(fixable, (1, 9), (1, 11), only=["quickfix"])
    assert unsafe["isPreferred"] is False
    assert unsafe["edit"]["documentChanges"][0]["edits"] == [{"range": lsp_range(1, 9, 1, 11), "newText": "部分"}]
    assert client.code_actions(fixable, (0, 0), (0, 2), only=["quickfix"]) == []


def test_fix_all_applies_every_safe_fix_and_no_unsafe_one(fixable, start_server):
    client, _ = start_server()
    client.open(fixable, FIXABLE)
    client.diagnostics(fixable)
    (action,) = client.code_actions(fixable, (0, 0), (0, 0), only=["source.fixAll"])
    assert action["kind"] == "source.fixAll.reportlint"
    edits = action["edit"]["documentChanges"][0]["edits"]
    assert apply_edits(FIXABLE, edits) == "标题\n\U00020000迎来新里程碑，部份指标已经完成。\n"


def test_clients_without_versioned_edits_get_plain_changes(fixable, start_server):
    client, _ = start_server({"textDocument": {"codeAction": {}}})
    client.open(fixable, FIXABLE)
    client.diagnostics(fixable)
    (action,) = client.code_actions(fixable, (1, 5), (1, 8), only=["quickfix"])
    assert action["edit"] == {"changes": {fixable.as_uri(): [{"range": lsp_range(1, 5, 1, 8), "newText": "里程碑"}]}}


MARKDOWN = """# 标题

完成`xx亿元`和xx亿元。

<!-- reportlint-disable-next-line PH001 -->
完成投资xx亿元。

<!-- reportlint-disable-next-line PH002 -->
完成投资xx亿元。
"""


def test_markdown_is_linted_as_markdown_with_its_suppression_comments(tmp_path, start_server):
    client, _ = start_server()
    draft = tmp_path / "draft.md"
    client.open(draft, MARKDOWN, language_id="markdown")
    assert spans(client.diagnostics(draft)) == [
        ("PH001", (2, 9, 2, 11)),  # inline code is not prose; this "xx" follows 完成`xx亿元`和 (9 characters)
        ("RL101", (7, 0, 7, 43)),  # the 43-character comment that suppresses nothing
        ("PH001", (8, 4, 8, 6)),
    ]


def test_documents_the_command_line_would_not_lint_get_no_findings(tmp_path, start_server):
    write(tmp_path / "reportlint.toml", 'exclude = ["archive/"]\n')
    client, _ = start_server()
    script = tmp_path / "tool.py"
    client.open(script, 'print("xx亿元")\n', language_id="python")
    archived = tmp_path / "archive" / "old.txt"
    client.open(archived, DRAFT)
    assert client.diagnostics(archived)["diagnostics"] == []
    draft = tmp_path / "draft.txt"
    client.open(draft, DRAFT)
    assert len(client.diagnostics(draft)["diagnostics"]) == 2
    published = [params["uri"] for params in client.sent("textDocument/publishDiagnostics")]
    assert script.as_uri() not in published


CORPUS_PLUGIN = '''
from reportlint import Rule, Severity
from reportlint.rule import Anchor, CorpusRule, Hit


class DifferentTitles(CorpusRule):
    """Reports, in each document, a first paragraph that differs from another document's."""

    code = "TST901"
    name = "different-titles"
    severity = Severity.WARNING
    summary = "Titles differ"

    def summarize(self, document):
        return document.blocks[0]

    def check_corpus(self, summaries):
        for summary in summaries:
            for other in summaries:
                mine, theirs = summary.data, other.data
                if other is not summary and mine.text != theirs.text:
                    related = Anchor(other.path, theirs, 0, len(theirs.text), f"另一文件写作“{theirs.text}”")
                    yield summary, Hit(mine, 0, len(mine.text), "标题不一致", related=(related,))


class Crashing(Rule):
    """Always raises."""

    code = "TST902"
    name = "always-crashes"
    summary = "Crashes"

    def check(self, document):
        raise RuntimeError("boom")


RULES = (DifferentTitles, Crashing)
'''


def test_corpus_rules_compare_the_open_documents_with_related_information(tmp_path, start_server):
    env = install_plugin(write(tmp_path / "plugin" / ".keep", "").parent, "rl_demo_plugin:RULES", CORPUS_PLUGIN)
    client, _ = start_server(env=env)
    report, speech = tmp_path / "report.txt", tmp_path / "speech.txt"
    client.open(report, "\U00020000年度报告\n正文。\n")
    assert client.diagnostics(report)["diagnostics"] == []
    client.open(speech, "年度讲话\n正文。\n")
    (in_speech,) = client.diagnostics(speech)["diagnostics"]
    (in_report,) = client.diagnostics(report)["diagnostics"]
    assert (in_speech["code"], in_speech["range"]) == ("TST901", lsp_range(0, 0, 0, 4))
    assert in_speech["relatedInformation"] == [
        {
            "location": {"uri": report.as_uri(), "range": lsp_range(0, 0, 0, 6)},
            "message": "另一文件写作“\U00020000年度报告”",
        }
    ]
    assert in_report["range"] == lsp_range(0, 0, 0, 6)
    assert in_report["relatedInformation"][0]["location"] == {"uri": speech.as_uri(), "range": lsp_range(0, 0, 0, 4)}
    client.notify("textDocument/didClose", {"textDocument": {"uri": speech.as_uri()}})
    assert client.diagnostics(speech)["diagnostics"] == []
    assert client.diagnostics(report)["diagnostics"] == []
    logged = [params["message"] for params in client.sent("window/logMessage") if "RL002" in params["message"]]
    assert len(logged) == 1 and "TST902" in logged[0] and "boom" in logged[0]


def test_shutdown_and_exit(tmp_path, start_server):
    client, _ = start_server()
    assert client.request("shutdown") is None
    client.notify("exit")
    assert client.process.wait(timeout=TIMEOUT) == 0


def test_without_pygls_the_server_command_says_how_to_install_it(tmp_path):
    write(tmp_path / "pygls" / "__init__.py", 'raise ModuleNotFoundError("No module named \'pygls\'", name="pygls")\n')
    result = run_cli("server", env={**os.environ, "PYTHONPATH": str(tmp_path)}, stdin=b"")
    assert result.returncode == 2
    assert "pip install 'reportlint[lsp]'" in result.stderr.decode("utf-8")


def test_check_does_not_import_pygls(tmp_path):
    draft = write(tmp_path / "draft.txt", DRAFT)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reportlint", "check", str(draft)],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1
    imported = result.stderr.decode("utf-8")
    assert "reportlint.engine.lint" in imported  # the import log is there to search
    assert "pygls" not in imported and "lsprotocol" not in imported
