"""Text from drafts and file names made safe for a terminal: control characters (C0 but tab, DEL, C1) and
the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are shown as ``<U+001B>`` instead of
being sent raw, so that a draft cannot clear the screen, move the cursor or make a line read differently."""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """``text`` with every unsafe character written as ``<U+XXXX>`` (tab and printable text unchanged)."""
    return _UNSAFE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)
