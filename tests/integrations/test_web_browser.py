"""The page of ``reportlint serve`` in a real browser: headless Chromium (the system's, never one downloaded)
driven by Playwright. A .docx is picked and two .txt drafts are dropped, the findings are highlighted in place,
a click in the side list jumps to the spot, and the downloads are what they claim (the .docx has Word comments,
the fixed text its fix). Skips where Chromium or Playwright is absent, as on a user's machine; CI installs both.

``REPORTLINT_WEB_SCREENSHOT=/tmp/web.png`` keeps a screenshot of the checked page, to look at."""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path

import pytest
from helpers import REPO

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("REPORTLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

import docx  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from reportlint.catalog import base_registry  # noqa: E402
from reportlint.config.settings import Overrides, SettingsResolver  # noqa: E402
from reportlint.integrations.web.server import WebServer, bind  # noqa: E402

EXAMPLES = REPO / "examples"
REPORT, SPEECH, WORD = "2024年度工作总结.txt", "2024年度工作会议讲话稿.txt", "述职报告.docx"

DROP = """([name, b64]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: "text/plain" }));
    const zone = document.getElementById("drop-zone");
    for (const type of ["dragenter", "dragover", "drop"]) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = SettingsResolver(base_registry(), Overrides(), isolated=True).for_path(
        tmp_path_factory.mktemp("w") / "-"
    )
    web = WebServer(settings, "127.0.0.1", bind("127.0.0.1", 0))
    web.start()
    yield web
    web.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    yield page
    context.close()
    assert not errors, errors


def drop(page, name: str) -> None:
    page.evaluate(DROP, [name, base64.b64encode((EXAMPLES / name).read_bytes()).decode()])


def test_check_highlight_jump_and_download(page, tmp_path):
    expect(page).to_have_title("reportlint 文稿检查")
    page.set_input_files("#file-input", str(EXAMPLES / WORD))  # picked
    drop(page, REPORT)  # dropped
    drop(page, SPEECH)
    expect(page.locator("#file-list li")).to_have_count(3)
    page.click("#check-button")

    # The Word draft first: its findings highlighted in its paragraphs, coloured by severity.
    expect(page.locator(".draft-tab")).to_have_count(3)
    expect(page.locator(".draft-tab").first).to_contain_text(WORD)
    expect(page.locator("#summary")).to_contain_text("共检查 3 份文稿")
    marks = page.locator("#document mark.finding")
    expect(marks.first).to_be_visible()
    expect(page.locator("#document mark.finding.warning", has_text="某某")).to_have_count(1)
    assert page.locator("#document mark.finding.error").count() >= 3
    items = page.locator("#side .finding-item")
    assert items.count() == 5
    expect(page.locator("#side .family h3").first).to_contain_text("占位符")

    # A click in the side list jumps to the spot and shows the explanation and the rule's documentation.
    template = page.locator("#side .finding-item", has_text="PH003")
    template.click()
    index = template.get_attribute("data-finding")
    spot = page.locator(f'#document [data-findings~="{index}"]').first
    expect(spot).to_have_class("finding error active")
    expect(spot).to_be_in_viewport()
    expect(spot).to_have_text("【此处插入风险化解典型案例】")
    expect(template).to_have_class("finding-item error active")
    expect(template.locator(".detail")).to_be_visible()
    expect(template.locator(".rule-summary")).to_contain_text("PH003")
    template.locator("details summary").click()
    expect(template.locator("details pre")).to_be_visible()

    # The commented copy: one Word comment per finding shown.
    with page.expect_download() as download_info:
        page.click("#download-commented")
    download = download_info.value
    assert download.suggested_filename == "述职报告（批注）.docx"
    commented = tmp_path / "commented.docx"
    download.save_as(commented)
    comments = list(docx.Document(str(commented)).comments)
    assert len(comments) == 5
    assert any(comment.text.startswith("PH003") for comment in comments)

    # The report: compared with the speech (NUM002), the jump scrolls down the page to the figure.
    page.click(f'.draft-tab:has-text("{REPORT}")')
    expect(page.locator(".draft-tab[aria-selected=true]")).to_contain_text(REPORT)
    figures = page.locator('#side .family[data-family="figures"]')
    expect(figures.locator("h3")).to_contain_text("数字")
    differs = figures.locator(".finding-item", has_text="NUM002")
    differs.click()
    spot = page.locator(f'#document [data-findings~="{differs.get_attribute("data-finding")}"]').first
    expect(spot).to_have_text("36个")
    expect(spot).to_be_in_viewport()
    expect(differs.locator(".related")).to_contain_text(SPEECH)

    # Clicking a highlight selects its entry in the list.
    page.locator("#document mark.finding", has_text="xx").first.click()
    expect(page.locator("#side .finding-item.active")).to_contain_text("PH001")

    screenshot = os.environ.get("REPORTLINT_WEB_SCREENSHOT")
    page.screenshot(path=screenshot or str(tmp_path / "web.png"))

    # The speech's fixed text, and the exports.
    page.click(f'.draft-tab:has-text("{SPEECH}")')
    with page.expect_download() as download_info:
        page.click("#download-fixed")
    # The speech is GB18030 with CRLF line ends: the fixed text keeps both.
    fixed = Path(download_info.value.path()).read_bytes()
    assert "步子走的很稳健" in (EXAMPLES / SPEECH).read_bytes().decode("gb18030")
    assert "步子走得很稳健" in fixed.decode("gb18030") and b"\r\n" in fixed
    with page.expect_download() as download_info:
        page.click("#export-csv")
    table = Path(download_info.value.path()).read_bytes()
    assert table.startswith(b"\xef\xbb\xbf") and b"NUM002" in table
    assert download_info.value.suggested_filename.endswith(".csv")


def test_pasted_text_and_refusals(page):
    page.click("#check-button")
    expect(page.locator("#error")).to_contain_text("请先选择或拖入文稿")
    page.set_input_files("#file-input", [{"name": "旧稿.doc", "mimeType": "application/msword", "buffer": b"x"}])
    expect(page.locator("#error")).to_contain_text("另存为")
    expect(page.locator("#file-list li")).to_have_count(0)

    page.fill("#paste", "全年完成投资xx亿元，增长*%。")
    page.click("#check-button")
    expect(page.locator(".draft-tab")).to_have_text("粘贴的文字.txt2")
    expect(page.locator("#document mark.finding.error")).to_have_count(2)
    expect(page.locator("#download-commented")).to_have_count(0)
