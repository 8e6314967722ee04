"""reportlint: a linter for Chinese work-report drafts.

Plugin authors need only what this module exports: subclass :class:`Rule`, yield :class:`Hit` objects
from ``check(document)``, and register the class in the entry-point group ``reportlint.rules``.

The exports are imported on first use (PEP 562), so that the command line can tune the garbage collector
before the model's modules load (see ``reportlint.cli``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from reportlint.findings import Severity
    from reportlint.rule import Hit, Rule

__all__ = ["Hit", "Rule", "Severity", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "Severity":
        from reportlint.findings import Severity

        return Severity
    if name in ("Hit", "Rule"):
        from reportlint import rule

        return getattr(rule, name)
    raise AttributeError(f"module 'reportlint' has no attribute {name!r}")
