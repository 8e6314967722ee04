"""reportlint: a linter for Chinese work-report drafts.

Plugin authors need only what this module exports: subclass :class:`Rule`, yield :class:`Hit` objects
from ``check(document)``, and register the class in the entry-point group ``reportlint.rules``.
"""

__version__ = "0.1.0"

from reportlint.findings import Severity  # noqa: E402
from reportlint.rule import Hit, Rule  # noqa: E402

__all__ = ["Hit", "Rule", "Severity", "__version__"]
