"""The page's downloads: the findings as CSV (for a spreadsheet) and JSON, a .docx with the findings as Word
comments, and the fixed text of a .txt/.md draft. Bytes in memory; nothing is written to disk."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

from reportlint.integrations.web.drafts import Batch, Draft, fixed_bytes
from reportlint.integrations.web.view import FAMILY_LABELS, SEVERITY_LABELS
from reportlint.output.json_format import finding_to_dict
from reportlint.rule import family_of

CSV_HEADER = ["文件", "行/段", "列", "级别", "类别", "代码", "规则", "问题", "原文", "建议", "另见"]
#: What a spreadsheet would take as the start of a formula (CSV injection): such a cell gets a leading '.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def findings_csv(batch: Batch) -> bytes:
    """One row per finding, UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for draft in batch.drafts:
        for finding in draft.findings:
            family = family_of(finding.code)
            related = "；".join(
                f"{'' if r.path == draft.name else r.path}第{r.start.line}{_unit(draft)}：{r.message}"
                for r in finding.related
            )
            writer.writerow(
                _safe(cell)
                for cell in (
                    draft.name,
                    str(finding.start.line),
                    str(finding.start.column),
                    SEVERITY_LABELS[finding.severity],
                    FAMILY_LABELS.get(family, family),
                    finding.code,
                    finding.name,
                    finding.message,
                    finding.text,
                    ("建议" + finding.fix.message) if finding.fix is not None else "",
                    related,
                )
            )
    return "\ufeff".encode() + stream.getvalue().encode("utf-8", "replace")


def findings_json(batch: Batch) -> bytes:
    """The findings of every draft, in the shape of ``reportlint check --output-format json``."""
    rows = [finding_to_dict(finding) for finding in batch.findings]
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "replace")


def commented_docx(draft: Draft) -> bytes:
    """The .docx draft with every finding shown on the page (corpus findings included) as a Word comment."""
    from reportlint.integrations.word import commented_copy

    assert draft.format == "docx" and draft.result.document is not None
    return commented_copy(draft.data, draft.findings, draft.result.document.lines)


def fixed_text(draft: Draft, batch: Batch) -> bytes:
    """The .txt/.md draft with its safe fixes applied (its own bytes when none applies)."""
    fixed = fixed_bytes(draft, batch.settings)
    return draft.data if fixed is None else fixed


def download_name(name: str, tag: str, suffix: str | None = None) -> str:
    """``述职报告.docx`` → ``述职报告（批注）.docx``."""
    stem, dot, old_suffix = name.rpartition(".")
    if not dot:
        stem, old_suffix = name, ""
    return f"{stem}（{tag}）.{suffix or old_suffix or 'txt'}"


def content_disposition(filename: str) -> str:
    """An attachment header that carries a Chinese file name (RFC 6266/5987), with an ASCII fallback."""
    fallback = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_" for ch in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _unit(draft: Draft) -> str:
    return "段" if draft.format == "docx" else "行"


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
