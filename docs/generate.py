"""Regenerate docs/rules.md from the rules (run after changing a rule's doc or cases): python docs/generate.py"""

import sys
from pathlib import Path

# From a checkout, without installing: the code beside this script.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from reportlint.docs import main

if __name__ == "__main__":
    raise SystemExit(main([str(Path(__file__).resolve().parent / "rules.md")]))
