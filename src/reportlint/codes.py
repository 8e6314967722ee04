"""Every code reportlint reports that is not a rule's: problems with the run itself (RL0xx, on stderr) and
the meta rules (RL1xx, findings). Codes never change meaning once released; a code that is given up goes to
:data:`RETIRED` and is never used again (a test checks it against every rule and every code here)."""

from __future__ import annotations

#: A file or pack that cannot be read or decoded (``readers.ReadError``): reported, the other files go on.
READ_ERROR = "RL001"
#: A bug in reportlint or a plugin (a reader or a rule raised): reported, the run goes on.
INTERNAL_ERROR = "RL002"
#: Fixes that could not be written (``--fix``).
FIX_ERROR = "RL003"
#: A pattern of a user's pack that took too long on a text (catastrophic backtracking): reported, the run goes on.
PATTERN_TIMEOUT = "RL004"
#: A cache directory that cannot or may not be used (outside the project, a symlink, not ours): the run goes on
#: without the cache.
CACHE_ERROR = "RL005"
#: A config file, command-line option (a usage error too), rule pack or plugin that cannot be used: the run
#: stops (exit code 2).
CONFIG_ERROR = "RL006"
#: A file of the report that cannot be read or written (``--output-file``, a baseline, an annotated copy of a
#: draft): the command stops.
REPORT_FILE_ERROR = "RL007"
#: A command that cannot run here: an optional component not installed, an address it may not listen on, a rule
#: asked for that does not exist.
COMMAND_ERROR = "RL008"
#: A suppression comment that suppressed nothing or names an unknown rule (a finding of the meta rule).
UNUSED_SUPPRESSION = "RL101"

#: Codes given up: never reused for anything else.
RETIRED: frozenset[str] = frozenset()
