"""``python -m reportlint``: ``-m`` puts the working directory first on the import path, and a folder of
drafts someone else wrote could hold a module or a ``*.dist-info`` "plugin" that would then be imported. Drop
that entry before importing anything of reportlint (plugins come from the installed environment only)."""

import os
import sys

if sys.path and (sys.path[0] in ("", os.curdir) or os.path.abspath(sys.path[0]) == os.getcwd()):
    del sys.path[0]

from reportlint.cli import main  # noqa: E402

main()
