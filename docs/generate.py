"""Regenerate docs/rules.md from the rules (run after changing a rule's doc or cases): python docs/generate.py"""

from pathlib import Path

from reportlint.docs import main

if __name__ == "__main__":
    raise SystemExit(main([str(Path(__file__).resolve().parent / "rules.md")]))
