"""The JSON the page renders: for each draft its lines (paragraphs of a .docx) and its findings, with the
Chinese labels of severities and families, and the explanation of every rule that found something.

Positions stay as the engine gives them: 1-based lines and columns counted in characters (code points); the
page splits each line into code points before placing the highlights.
"""

from __future__ import annotations

from typing import Any

from reportlint.engine.lint import RuleCrash
from reportlint.findings import Finding, Severity
from reportlint.integrations.web.drafts import Batch, Draft
from reportlint.labels import SEVERITY_NAMES
from reportlint.registry import Registry
from reportlint.rule import family_of

SEVERITY_LABELS = {severity: SEVERITY_NAMES[severity.label] for severity in Severity}

#: The families in the order of the side list, with their Chinese names; a plugin's own family goes last,
#: under its code letters.
FAMILY_LABELS = {
    "placeholders": "占位符",
    "figures": "数字",
    "outline": "序号",
    "words": "错字",
    "punctuation": "标点",
    "meta": "其他",
}


def batch_view(batch: Batch, registry: Registry) -> dict[str, Any]:
    """Everything the page shows of a batch."""
    codes = sorted({finding.code for finding in batch.findings})
    families = [{"key": key, "label": label} for key, label in FAMILY_LABELS.items()]
    extra = sorted({family_of(code) for code in codes} - FAMILY_LABELS.keys())
    families += [{"key": key, "label": key} for key in extra]
    return {
        "batch": batch.id,
        "drafts": [draft_view(draft) for draft in batch.drafts],
        "rules": {code: rule_view(code, registry) for code in codes},
        "families": families,
        "problems": [_crash(crash) for crash in batch.crashes],
        "counts": _counts(batch.findings),
    }


def draft_view(draft: Draft) -> dict[str, Any]:
    document, problem = draft.result.document, draft.result.problem
    return {
        "index": draft.index,
        "name": draft.name,
        "format": draft.format,
        # A .docx finding's line is its paragraph number.
        "unit": "段" if draft.format == "docx" else "行",
        "lines": document.lines if document is not None else [],
        "problem": f"无法读取：{problem.code} {problem.message}" if problem is not None else None,
        "problems": [_crash(crash) for crash in draft.result.crashes],
        "findings": [finding_view(finding, draft.name) for finding in draft.findings],
        "counts": _counts(draft.findings),
        "commented": draft.format == "docx" and document is not None,
        "fixable": draft.format != "docx" and any(f.fix is not None and f.fix.safe for f in draft.findings),
    }


def finding_view(finding: Finding, name: str) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {"message": "建议" + finding.fix.message, "safe": finding.fix.safe}
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "severity_label": SEVERITY_LABELS[finding.severity],
        "family": family_of(finding.code),
        "message": finding.message,
        "start": [finding.start.line, finding.start.column],
        "end": [finding.end.line, finding.end.column],
        "text": finding.text,
        "fix": fix,
        "related": [
            {
                "draft": related.path,
                "same": related.path == name,
                "start": [related.start.line, related.start.column],
                "end": [related.end.line, related.end.column],
                "message": related.message,
            }
            for related in finding.related
        ],
    }


def rule_view(code: str, registry: Registry) -> dict[str, Any]:
    """The rule's name, one-line summary and documentation (``reportlint rule CODE``)."""
    rule = registry.get(code)
    if rule is None:
        return {"name": "", "summary": "", "doc": ""}
    return {"name": rule.name, "summary": rule.summary, "doc": rule.doc}


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = dict.fromkeys((severity.label for severity in Severity), 0)
    for finding in findings:
        counts[finding.severity.label] += 1
    return counts


def _crash(crash: RuleCrash) -> str:
    code, message = crash.problem()
    return f"{crash.path}：{code} {message}"
