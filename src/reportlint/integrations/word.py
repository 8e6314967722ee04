"""Word comments for reviewers: ``reportlint annotate draft.docx -o draft.reviewed.docx``.

The draft is linted as ``reportlint check`` would lint it, and a copy is written in which every finding is a
Word comment (批注) by "reportlint", anchored on exactly the flagged characters. Its text is the code and the
message, then the suggested fix and the other places that belong to the finding, one per comment paragraph.

The copy's text is the draft's: a run (``w:r``) is split where a finding starts or ends inside it, both halves
keeping its formatting, and the comment marks add no character. Paragraphs are walked in the reader's order
(:func:`reportlint.readers.docx.paragraph_elements`), so paragraph N is the finding's line N, and a paragraph's
characters are counted as the reader counts them (:func:`~reportlint.readers.docx.run_pieces`). The draft itself
is only read; the copy is built in memory (:func:`commented_copy`, which the web page also uses), written to a
temporary file beside the target and renamed.

A finding of no width (a missing mark) is anchored on the character before it, or after it at the start of a
paragraph. Rules that compare several documents (corpus rules) find nothing in one document alone and are not
run. python-docx is imported only here, when a draft is annotated.
"""

from __future__ import annotations

import copy
import io
import os
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any, BinaryIO

from reportlint.config.settings import SettingsResolver
from reportlint.engine.lint import RuleCrash
from reportlint.engine.source import Source, lint_source
from reportlint.findings import Finding
from reportlint.readers import format_of
from reportlint.readers.docx import paragraph_elements, run_pieces, text_runs
from reportlint.storage.oserrors import reason

AUTHOR = "reportlint"
INITIALS = "RL"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RPR = f"{_W}rPr"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class AnnotateError(Exception):
    """A draft that cannot be annotated, or a copy that cannot be written; ``str()`` is the reason."""


@dataclass(slots=True)
class Outcome:
    """What ``annotate`` did: the findings it commented, how many the baseline hid, the rules that crashed."""

    findings: list[Finding]
    hidden: int
    crashes: list[RuleCrash]


def annotate(source: Path, target: Path, resolver: SettingsResolver, baseline: Path | None = None) -> Outcome:
    """Lint the .docx ``source`` and write the commented copy to ``target``, leaving out the findings recorded
    in ``baseline``. Raises :class:`AnnotateError` (also for an unreadable draft), ``ConfigError`` and
    ``BaselineError``."""
    _check_suffixes(source, target)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise AnnotateError(f"{source}: 无法读取：{reason(error)}") from None
    if source.resolve() == target.resolve() or (target.exists() and os.path.samefile(source, target)):
        raise AnnotateError(f"{target}: 带批注的副本不能覆盖原稿；请用 -o 指定另一个路径")
    result = lint_source(Source(data, str(source), "docx", source), resolver.for_path(source), corpus=False)
    if result.problem is not None:
        raise AnnotateError(f"{source}: {result.problem.code} {result.problem.message}")
    assert result.document is not None
    document, findings, crashes = result.document, result.findings, result.crashes
    hidden = 0
    if baseline is not None:
        from reportlint.engine.baseline import Baseline

        findings, hidden = Baseline(baseline).filter(findings)

    _save(commented_copy(data, findings, document.lines), target)
    return Outcome(findings, hidden, crashes)


def commented_copy(data: bytes, findings: list[Finding], lines: list[str]) -> bytes:
    """The bytes of a copy of the .docx ``data`` with one comment per finding (the findings of that draft,
    with ``lines`` its paragraph texts). All in memory: the web page's download uses it as is."""
    import docx  # python-docx: only when a draft is annotated

    word = docx.Document(io.BytesIO(data))
    add_comments(word, findings, lines)
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def _check_suffixes(source: Path, target: Path) -> None:
    if format_of(source) != "docx":
        raise AnnotateError(f"{source}: annotate 只能处理 Word 草稿（.docx）")
    if format_of(target) != "docx":
        raise AnnotateError(f"{target}: 带批注的副本须为 .docx 文件")


def _save(content: bytes, target: Path) -> None:
    """Write the copy atomically, with the permissions of a new file (the umask's)."""
    from reportlint.storage.atomic import replace_atomically

    def write(stream: BinaryIO) -> None:
        stream.write(content)

    try:
        replace_atomically(target, write)
    except OSError as error:
        raise AnnotateError(f"{target}: 无法写入：{reason(error)}") from None


def add_comments(word: Any, findings: list[Finding], lines: list[str]) -> None:
    """Add one comment per finding to the python-docx ``word`` document, anchored on the finding's characters.
    ``lines`` are the paragraph texts the findings were found in (to quote related places)."""
    if not findings:
        return
    from docx.text.run import Run

    paragraphs = [paragraph for paragraph, _ in paragraph_elements(word.element.body)]
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_line[finding.start.line].append(finding)
    with _comment_ids_counted(word, len(findings)):
        for line, group in by_line.items():
            paragraph = paragraphs[line - 1]
            spans = [_span(finding) for finding in group]
            starting: dict[int, Any] = {}
            ending: dict[int, Any] = {}
            for start, end, run in _split_at(paragraph, spans):
                if end > start:
                    starting.setdefault(start, run)
                    ending.setdefault(end, run)
            for finding, (start, end) in zip(group, spans, strict=True):
                runs = [Run(starting[start], word), Run(ending[end], word)]
                word.add_comment(runs, comment_text(finding, lines), AUTHOR, INITIALS)


@contextmanager
def _comment_ids_counted(word: Any, needed: int) -> Iterator[None]:
    """While comments are added to ``word``: give each the next id from a counter. python-docx finds the next
    free id by reading every comment's, which makes adding n comments take time in n²."""
    from docx.oxml.comments import CT_Comments

    elements = word.comments._comments_elm  # creates the comments part if the draft has none
    used = [int(value) for value in elements.xpath("./w:comment/@w:id")]
    ids = count(max(used, default=-1) + 1)
    scan = CT_Comments._next_available_comment_id
    if max(used, default=-1) + needed >= 2**31 - 1:  # ids past a 32-bit integer: python-docx's own search
        yield
        return

    def counted(self: Any) -> int:
        return next(ids) if self is elements else scan(self)

    CT_Comments._next_available_comment_id = counted  # type: ignore[method-assign]
    try:
        yield
    finally:
        CT_Comments._next_available_comment_id = scan  # type: ignore[method-assign]


def comment_text(finding: Finding, lines: list[str]) -> str:
    """``CODE message``, then ``建议改为“…”`` when there is a fix and ``另见…`` for each related place."""
    parts = [f"{finding.code} {finding.message}"]
    if finding.fix is not None:
        parts.append("建议" + finding.fix.message + ("" if finding.fix.safe else "（请核实）"))
    for related in finding.related:
        where = "" if related.path == finding.path else f"{related.path} "
        quoted = ""
        if related.path == finding.path and related.start.line == related.end.line:
            quoted = f"“{lines[related.start.line - 1][related.start.column - 1 : related.end.column - 1]}”"
        parts.append(f"另见{where}第{related.start.line}段{quoted}：{related.message}")
    return "\n".join(parts)


def _span(finding: Finding) -> tuple[int, int]:
    """The finding's character offsets in its paragraph; a span of no width becomes the character before it
    (after it at the start of the paragraph, which is never blank)."""
    start, end = finding.start.column - 1, finding.end.column - 1
    if start < end:
        return start, end
    return (start - 1, start) if start > 0 else (start, start + 1)


def _split_at(paragraph: Any, spans: list[tuple[int, int]]) -> list[tuple[int, int, Any]]:
    """Split the paragraph's runs wherever a span starts or ends inside one; return every run with the offsets
    of its first and past-the-end characters."""
    cuts_wanted = {offset for span in spans for offset in span}
    result: list[tuple[int, int, Any]] = []
    position = 0
    for run in list(text_runs(paragraph)):
        width = sum(len(text) for _, text in run_pieces(run))
        done = 0
        for cut in sorted(offset - position for offset in cuts_wanted if position < offset < position + width):
            tail = _split_run(run, cut - done)
            result.append((position + done, position + cut, run))
            run, done = tail, cut
        result.append((position + done, position + width, run))
        position += width
    return result


def _split_run(run: Any, offset: int) -> Any:
    """Cut ``run`` after its first ``offset`` characters: ``run`` keeps them, and a copy inserted after it (same
    properties) holds the rest; returns the copy. Pieces of no width at the cut stay in the first half."""
    tail = copy.deepcopy(run)
    run.addnext(tail)
    position = 0
    for (head_child, text), tail_child in zip(list(run_pieces(run)), list(tail), strict=True):
        if head_child.tag == _RPR:
            continue
        end = position + len(text)
        if end <= offset:
            tail.remove(tail_child)
        elif position >= offset:
            run.remove(head_child)
        else:  # a w:t holding the cut: w:t text maps one to one onto the paragraph's characters
            raw = head_child.text
            head_child.text, tail_child.text = raw[: offset - position], raw[offset - position :]
            head_child.set(_XML_SPACE, "preserve")
            tail_child.set(_XML_SPACE, "preserve")
        position = end
    return tail
