"""The Chinese names users read for the severities and rule families (``reportlint rules``, docs/rules.md).
Config files and JSON keep the English keys (``error``, ``placeholders``)."""

from __future__ import annotations

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
FAMILY_NAMES = {
    "placeholders": "占位符",
    "figures": "数字",
    "outline": "层次序号",
    "words": "字词",
    "punctuation": "标点",
    "meta": "元规则",
}
