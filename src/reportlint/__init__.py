"""reportlint: a linter for Chinese work-report drafts."""

__version__ = "0.1.0"
