"""``reportlint serve``'s application through Starlette's TestClient: the Host guard, the upload limits, the
lint of drafts checked together, and the downloads (CSV, JSON, the commented .docx, the fixed text).

The browser test (a real Chromium driving the page) is tests/integrations/test_web_browser.py."""

from __future__ import annotations

import base64
import csv
import importlib.util
import io
import os
import subprocess
import sys
import time
import urllib.request

import pytest
from helpers import REPO, reportlint_command, run_cli

pytest.importorskip("starlette")
if not any(importlib.util.find_spec(client) for client in ("httpx2", "httpx")):  # what TestClient drives
    pytest.skip("starlette's TestClient needs httpx2", allow_module_level=True)

import docx  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from reportlint.catalog import base_registry  # noqa: E402
from reportlint.config.settings import Overrides, SettingsResolver  # noqa: E402
from reportlint.integrations.web.app import Limits, allowed_hosts, create_app  # noqa: E402
from reportlint.integrations.web.drafts import clean_name  # noqa: E402
from reportlint.integrations.web.exports import content_disposition, findings_csv  # noqa: E402

EXAMPLES = REPO / "examples"
REPORT, SPEECH, WORD = "2024年度工作总结.txt", "2024年度工作会议讲话稿.txt", "述职报告.docx"
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return SettingsResolver(base_registry(), Overrides(), isolated=True).for_path(tmp_path_factory.mktemp("w") / "-")


@pytest.fixture
def client(settings):
    limits = Limits(files=4, file_bytes=200_000, total_bytes=300_000)
    app = create_app(settings, allowed_hosts("127.0.0.1", 8000), limits)
    with TestClient(app, base_url=BASE) as test_client:
        yield test_client


def upload(name: str, data: bytes | None = None) -> dict:
    data = (EXAMPLES / name).read_bytes() if data is None else data
    return {"name": name, "data": base64.b64encode(data).decode()}


def lint(client, *drafts) -> dict:
    response = client.post("/api/lint", json={"drafts": list(drafts)})
    assert response.status_code == 200, response.text
    return response.json()


# ---- the page and the guard ----


def test_page_and_assets_are_served_with_security_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "reportlint 文稿检查" in page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    for asset in ("app.js", "app.css"):
        assert client.get(f"/static/{asset}").status_code == 200
    # Assets are a fixed list: a request never names a file that is opened.
    for name in ("index.html", "..%2F__init__.py", "drafts.py"):
        assert client.get(f"/static/{name}").status_code == 404
    assert client.get("/static/../app.py").status_code == 404


@pytest.mark.parametrize("host", ["evil.example:8000", "evil.example", "127.0.0.1:9999", "127.0.0.1", "0.0.0.0:8000"])
def test_foreign_host_header_is_refused(client, host):
    for response in (
        client.get("/", headers={"host": host}),
        client.post("/api/lint", json={"drafts": [upload(REPORT)]}, headers={"host": host}),
    ):
        assert response.status_code == 403
        assert "拒绝访问" in response.json()["error"]


def test_own_host_names_are_served(client):
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_cross_site_post_is_refused(client):
    drafts = {"drafts": [upload(REPORT)]}
    refused = client.post("/api/lint", json=drafts, headers={"origin": "http://evil.example"})
    assert refused.status_code == 403 and "拒绝访问" in refused.json()["error"]
    assert client.post("/api/lint", json=drafts, headers={"origin": BASE}).status_code == 200


def test_allowed_hosts():
    assert allowed_hosts("127.0.0.1", 5) == {"127.0.0.1:5", "localhost:5"}
    assert allowed_hosts("::1", 5) == {"[::1]:5", "localhost:5"}
    assert allowed_hosts("192.168.1.9", 5) == {"192.168.1.9:5"}


# ---- linting ----


def test_drafts_checked_together_are_compared(client):
    result = lint(client, upload(REPORT), upload(SPEECH))
    report, speech = result["drafts"]
    assert (report["name"], report["format"], report["unit"]) == (REPORT, "txt", "行")
    num002 = [f for f in report["findings"] if f["code"] == "NUM002"]
    assert num002 and num002[0]["text"] == "36个" and num002[0]["related"][0]["draft"] == SPEECH
    assert any(f["code"] == "NUM002" and f["text"] == "38个" for f in speech["findings"])
    # Each finding's position picks its text out of the lines the page renders.
    for draft in (report, speech):
        for finding in draft["findings"]:
            (line, column), (end_line, end_column) = finding["start"], finding["end"]
            if line == end_line:
                assert draft["lines"][line - 1][column - 1 : end_column - 1] == finding["text"]
    assert result["rules"]["NUM002"]["doc"] and result["rules"]["PH001"]["summary"]
    assert [family["label"] for family in result["families"]][:5] == ["占位符", "数字", "序号", "错字", "标点"]
    assert result["counts"]["error"] == report["counts"]["error"] + speech["counts"]["error"]


def test_one_draft_alone_has_no_corpus_finding(client):
    (report,) = lint(client, upload(REPORT))["drafts"]
    assert not any(f["code"] == "NUM002" for f in report["findings"]) and report["findings"]


def test_docx_lines_are_paragraphs(client):
    (draft,) = lint(client, upload(WORD))["drafts"]
    assert draft["unit"] == "段" and draft["commented"] and not draft["fixable"]
    finding = next(f for f in draft["findings"] if f["code"] == "PH002")
    line, column = finding["start"]
    assert draft["lines"][line - 1][column - 1 : finding["end"][1] - 1] == "某某"


def test_pasted_text_and_unreadable_draft(client):
    result = lint(client, {"name": "粘贴的文字.txt", "text": "全年完成投资xx亿元。"}, upload("坏.docx", b"not a zip"))
    pasted, broken = result["drafts"]
    assert [f["code"] for f in pasted["findings"]] == ["PH001"]
    assert broken["problem"].startswith("无法读取：RL001") and broken["lines"] == [] and not broken["commented"]


def test_upload_names_are_labels_not_paths(client):
    result = lint(
        client,
        {"name": "../../etc/passwd.txt", "text": "一"},
        {"name": "C:\\稿件\\总结.txt", "text": "二"},
        {"name": "总结.txt", "text": "三"},
    )
    assert [draft["name"] for draft in result["drafts"]] == ["passwd.txt", "总结.txt", "总结（2）.txt"]
    assert clean_name("a\x00b\nc.txt") == "abc.txt" and clean_name("") == "未命名.txt"


# ---- limits and refusals ----


def test_too_many_drafts(client):
    response = client.post("/api/lint", json={"drafts": [{"name": f"{n}.txt", "text": "一"} for n in range(5)]})
    assert response.status_code == 413 and "一次最多检查 4 份文稿" in response.json()["error"]


def test_draft_too_large(client):
    response = client.post("/api/lint", json={"drafts": [upload("大.txt", "字".encode() * 70_000)]})
    assert response.status_code == 413 and "超过单份文稿" in response.json()["error"]


def test_drafts_too_large_together(client):
    drafts = [upload(f"{n}.txt", b"a" * 150_000) for n in range(3)]
    response = client.post("/api/lint", json={"drafts": drafts})
    assert response.status_code == 413 and "上传的内容太大" in response.json()["error"]


def test_request_body_too_large_is_cut_off(client):
    body = b'{"drafts": [' + b" " * 500_000 + b"]}"
    response = client.post("/api/lint", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "上传的内容太大" in response.json()["error"]

    def chunks():  # no Content-Length: the server counts what arrives
        for _ in range(10):
            yield b" " * 60_000

    response = client.post("/api/lint", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"drafts": [{"name": "旧.doc", "text": "x"}]}, 415, "另存为"),
        ({"drafts": [{"name": "表.xlsx", "text": "x"}]}, 415, "不是支持的格式"),
        ({"drafts": []}, 400, "没有收到文稿"),
        ({"drafts": [{"name": "a.txt", "data": "不是base64"}]}, 400, "无法读取"),
        ({"files": 1}, 400, "请求格式不正确"),
        ([1, 2], 400, "请求格式不正确"),
    ],
)
def test_refused_uploads_say_why_in_chinese(client, payload, status, message):
    response = client.post("/api/lint", json=payload)
    assert response.status_code == status and message in response.json()["error"]


def test_invalid_json_is_refused(client):
    response = client.post("/api/lint", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 400 and "请求格式不正确" in response.json()["error"]


# ---- downloads ----


def test_csv_export_opens_in_excel(client):
    result = lint(client, upload(REPORT), upload(SPEECH))
    response = client.get(f"/api/batches/{result['batch']}/findings.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Chinese
    assert b"\r\n" in response.content
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["文件", "行/段", "列", "级别"]
    assert len(rows) - 1 == sum(len(d["findings"]) for d in result["drafts"])
    num002 = next(row for row in rows if row[5] == "NUM002" and row[0] == REPORT)
    assert num002[1:5] == ["8", "10", "错误", "数字"] and num002[8] == "36个" and SPEECH in num002[10]


def test_csv_cells_cannot_start_a_formula(client, settings):
    from reportlint.integrations.web.drafts import Upload, lint_batch

    batch = lint_batch([Upload("=cmd.txt", "全年完成投资xx亿元。".encode())], settings)
    rows = list(csv.reader(io.StringIO(findings_csv(batch).decode("utf-8-sig"))))
    assert rows[1][0] == "'=cmd.txt"


def test_json_export_has_the_check_shape(client):
    result = lint(client, upload(REPORT), upload(SPEECH))
    response = client.get(f"/api/batches/{result['batch']}/findings.json")
    assert response.status_code == 200
    rows = response.json()
    assert {row["filename"] for row in rows} == {REPORT, SPEECH}
    assert {"code", "severity", "message", "location", "end_location", "fix", "related"} <= rows[0].keys()
    assert any(row["code"] == "NUM002" for row in rows)


def test_commented_docx_download(client):
    result = lint(client, upload(WORD), upload(REPORT))
    word = result["drafts"][0]
    response = client.get(f"/api/batches/{result['batch']}/drafts/0/commented.docx")
    assert response.status_code == 200
    assert (
        "filename*=UTF-8''" + "%E8%BF%B0%E8%81%8C%E6%8A%A5%E5%91%8A%EF%BC%88%E6%89%B9%E6%B3%A8%EF%BC%89.docx"
        in (response.headers["content-disposition"])
    )
    comments = list(docx.Document(io.BytesIO(response.content)).comments)
    assert len(comments) == len(word["findings"]) > 0
    assert any("PH002" in comment.text for comment in comments)
    # A text draft has no Word copy; a batch that is gone says so.
    assert client.get(f"/api/batches/{result['batch']}/drafts/1/commented.docx").status_code == 404
    assert client.get(f"/api/batches/{result['batch']}/drafts/9/commented.docx").status_code == 404
    gone = client.get("/api/batches/nope/drafts/0/commented.docx")
    assert gone.status_code == 404 and "重新上传" in gone.json()["error"]


def test_fixed_text_keeps_the_encoding(client):
    text = "回头看，这一年我们的步子走的很稳健。\r\n全年完成投资xx亿元。\r\n"
    result = lint(client, upload("讲话.txt", text.encode("gb18030")))
    (draft,) = result["drafts"]
    assert draft["fixable"] and not draft["commented"]
    response = client.get(f"/api/batches/{result['batch']}/drafts/0/fixed")
    assert response.status_code == 200
    assert "%EF%BC%88%E4%BF%AE%E6%94%B9%E5%90%8E%EF%BC%89.txt" in response.headers["content-disposition"]
    assert response.content == text.replace("走的很", "走得很").encode("gb18030")
    assert client.get(f"/api/batches/{result['batch']}/drafts/0/commented.docx").status_code == 404


def test_fixed_text_of_a_word_draft_is_refused(client):
    result = lint(client, upload(WORD))
    response = client.get(f"/api/batches/{result['batch']}/drafts/0/fixed")
    assert response.status_code == 404 and "批注" in response.json()["error"]


def test_content_disposition_has_an_ascii_fallback():
    header = content_disposition('总结"报告.txt')
    assert header.startswith('attachment; filename="') and header.isascii()


# ---- the command ----


def test_check_does_not_import_the_web_extra():
    probe = (
        "import sys; from reportlint.cli import main; sys.argv = ['reportlint', 'check', '-q', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'anyio') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(EXAMPLES / REPORT)], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_serve_help_is_chinese():
    result = run_cli("serve", "--help", env={**os.environ, "COLUMNS": "200"})
    out = result.stdout.decode()
    assert result.returncode == 0 and "在浏览器中检查文稿" in out and "--no-browser" in out


def test_serve_refuses_all_interfaces():
    result = run_cli("serve", "--host", "0.0.0.0", "--no-browser")
    assert result.returncode == 2 and "具体的地址" in result.stderr.decode()


def test_serve_prints_its_address_and_serves_the_page(tmp_path):
    process = subprocess.Popen(
        [*reportlint_command(), "serve", "--no-browser"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "http://127.0.0.1:" in first, first + (process.stderr.read() if process.poll() is not None else "")
        url = first[first.index("http://") :].strip()
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert "reportlint 文稿检查" in response.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"{url} never answered")
    finally:
        process.terminate()
        process.wait(30)
