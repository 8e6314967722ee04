"""The patterns of Markdown syntax: block structure, matched against a container's view of a line, and
inline structure, matched against a block's source text."""

from __future__ import annotations

import re
import string

#: Block quotes and list items nested deeper than this are read as paragraphs (no unbounded recursion).
MAX_DEPTH = 32


ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")


ATX_CLOSE = re.compile(r"(?:^|(?<![ \t])[ \t]++)#+[ \t]*+$")


SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")


THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")


FENCE_CLOSE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")


QUOTE = re.compile(r" {0,3}>[ \t]?")


LIST_ITEM = re.compile(r"( {0,3})([-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)")


COMMENT = re.compile(r" {0,3}<!--")

#: A Chinese outline marker at the start of a line (一、 （一） （1） 1.加强… ①): in the drafts a Markdown file
#: stands for, each such line is a paragraph of its own, although CommonMark would join it to the lines
#: before (1.加强 is no list item: no space after the point). Not 1.5亿元 (a figure), not 1. 加强 (a list item).
OUTLINE_LINE = re.compile(
    r" {0,3}(?:[一二三四五六七八九十]{1,3}[、.．](?![0-9０-９])|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]"
    r"|[0-9]{1,2}[.．、](?=[\u4e00-\u9fff（“])|[①-⑳])"
)


HTML_LINE = re.compile(r" {0,3}<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[ \t/>]|$)")


DEFINITION = re.compile(
    r" {0,3}\[(?!\^)((?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:<[^<>]*>|[!-~]+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)


DELIMITER_ROW = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


#: Tags whose content is never prose: skipped up to the closing tag (CommonMark HTML block type 1).
RAW_TAGS = frozenset({"script", "pre", "style", "textarea"})


#: Block-level tags: a line starting with one of them is skipped (CommonMark HTML block type 6).
BLOCK_TAGS = frozenset(
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div"
    " dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe"
    " legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table"
    " tbody td tfoot th thead title tr track ul".split()
)


ATTRIBUTE = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""


TAG_PATTERN = rf"<[A-Za-z][A-Za-z0-9-]*(?:{ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>"


TAG = re.compile(TAG_PATTERN)


ONLY_TAGS = re.compile(rf"[ \t]*(?:(?:{TAG_PATTERN})[ \t]*)+$")


AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>"
)


URL = re.compile(r"((?i:https?://|www\.))[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+")


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


EMAIL_CHARS = frozenset(string.ascii_letters + string.digits + "._%+-")


#: Characters a bare URL does not end with (GFM's extended autolinks trim them too).
URL_TRAILING = frozenset("?!.,:;*_~'")


ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


INLINE_LINK = re.compile(
    r"""\(\s*+(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s++(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*+\)"""
)


REFERENCE = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]")


#: A link label is at most 999 characters (CommonMark): longer bracketed text is never a reference.
MAX_LABEL = 999


ASCII_PUNCTUATION = frozenset(string.punctuation)


CLAUSE_PUNCTUATION = re.compile(r"[，。；：！？]")
