"""PH002 name-placeholder: A name left unfilled or anonymised (xx公司, **党工委, X区委, 某某)."""

from __future__ import annotations

from reportlint.analysis.placeholders import NAME
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.placeholders.common import PlaceholderRule


class NamePlaceholder(PlaceholderRule):
    """Finds a name that was never filled in or was anonymised: ``xx公司``, ``**党工委``, ``X区委``,
    ``某某同志``, ``○○``, ``□□``.

    Why: templates and last year's drafts carry ``xx`` where the unit, project or person goes; a shared
    draft may have been anonymised. Either way the signed text needs the real name.

    Default severity is warning (an anonymised draft may be intended); make it an error with
    ``[severity] PH002 = "error"``. ``某些``, ``某种``, ``某个``, ``某一`` are words, not placeholders, and
    are never flagged.

    Silence it: write the name; for a legitimate word add it to ``allow``; ``ignore = ["PH002"]`` turns the
    rule off (e.g. for deliberately anonymised samples).
    """

    code = "PH002"
    name = "name-placeholder"
    severity = Severity.WARNING
    summary = "A name left unfilled or anonymised (xx公司, **党工委, X区委, 某某)"
    flags = (
        Case("在市委正确领导下，⟦xx⟧党工委坚持以习近平新时代中国特色社会主义思想为指导"),
        Case("报告人：⟦某局长⟧，审核：⟦____⟧同志"),
    )
    passes = (
        "某些单位在某种程度上存在问题，某个项目进度滞后。",
        "封面标注“×××人民政府”字样，地址格式为“XX县XX镇”。",
    )
    kind = NAME
    template = "未填写的名称占位符“{text}”：请填入实际名称"
