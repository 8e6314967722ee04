"""Shared analyses, computed once per document (``document.analysis(fn)``) and read by many rules."""
