"""Drafts linted together on the web page: the uploads of one check, each linted by ``lint_source`` under the
same settings, then compared by the corpus rules (a figure stated differently in the report and the speech).

Uploads are bytes with the name the browser gave; the name is only a label (never a path that is opened), cut
to its last component and made unique within the batch, since the corpus rules tell drafts apart by it.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from reportlint.config.settings import Settings
from reportlint.engine.lint import CorpusMember, RuleCrash, lint_corpus
from reportlint.engine.source import Source, SourceResult, lint_source
from reportlint.findings import Finding
from reportlint.readers import FORMATS

#: The suffixes the page accepts, and their formats.
ACCEPTED = {suffix: fmt for suffix, fmt in FORMATS.items() if suffix in (".txt", ".md", ".markdown", ".docx")}
NAME_LIMIT = 120


class UploadError(Exception):
    """An upload the page refuses; ``str()`` is the Chinese message shown to the user."""


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    data: bytes


@dataclass(slots=True)
class Draft:
    """One linted draft. ``findings`` include those of the corpus rules; ``result.document`` is None when the
    draft could not be read (``result.problem`` says why)."""

    index: int
    name: str
    format: str
    data: bytes
    result: SourceResult
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class Batch:
    """The drafts of one check, and the crashes of the corpus rules across them."""

    id: str
    drafts: list[Draft]
    settings: Settings
    crashes: list[RuleCrash] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for draft in self.drafts for finding in draft.findings]


def clean_name(name: str) -> str:
    """The upload's file name as a label: its last path component, without control characters, not too long."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip() or "未命名.txt"
    if len(name) > NAME_LIMIT:
        stem, dot, suffix = name.rpartition(".")
        name = stem[: NAME_LIMIT - len(suffix) - 1] + dot + suffix if dot and len(suffix) < 10 else name[:NAME_LIMIT]
    return name


def format_for(name: str) -> str:
    """The format of an upload by its suffix; :class:`UploadError` for a file the page does not take."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in ACCEPTED:
        return ACCEPTED[suffix]
    if suffix in (".doc", ".wps", ".wpt", ".dot", ".rtf"):
        raise UploadError(f"“{name}”是旧版 Word/WPS 格式：请在 Word 或 WPS 中“另存为”.docx 后再上传。")
    raise UploadError(f"“{name}”不是支持的格式：请上传 .docx、.txt 或 .md 文件。")


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for name in names:
        candidate, number = name, 1
        stem, dot, suffix = name.rpartition(".")
        while candidate in seen:
            number += 1
            candidate = f"{stem}（{number}）{dot}{suffix}" if dot else f"{name}（{number}）"
        seen.add(candidate)
        result.append(candidate)
    return result


def lint_batch(uploads: list[Upload], settings: Settings) -> Batch:
    """Lint the uploads one by one, then the corpus rules across them. Raises :class:`UploadError` for an
    upload of a format the page does not take (before linting anything)."""
    names = _unique([clean_name(upload.name) for upload in uploads])
    formats = [format_for(name) for name in names]
    drafts = []
    for index, (upload, name, fmt) in enumerate(zip(uploads, names, formats, strict=True)):
        result = lint_source(Source(upload.data, name, fmt, None), settings)
        drafts.append(Draft(index, name, fmt, upload.data, result, list(result.findings)))
    batch = Batch(secrets.token_urlsafe(12), drafts, settings)
    members = [CorpusMember(d.result.corpus, settings, None) for d in drafts if d.result.corpus is not None]
    if members:
        corpus_findings, batch.crashes = lint_corpus(members)
        by_name: dict[str, list[Finding]] = defaultdict(list)
        for finding in corpus_findings:
            by_name[finding.path].append(finding)
        for draft in drafts:
            if by_name.get(draft.name):
                draft.findings = sorted([*draft.findings, *by_name[draft.name]], key=lambda f: f.sort_key)
    return batch


def fixed_bytes(draft: Draft, settings: Settings) -> bytes | None:
    """The draft (.txt/.md) with its safe fixes applied, in its own encoding and line endings; None when no
    fix applies (or for a .docx, which is never rewritten: its comments are the way to fix it)."""
    if draft.format == "docx" or draft.result.document is None:
        return None
    result = lint_source(Source(draft.data, draft.name, draft.format, None), settings, corpus=False, fixes=False)
    return result.fix.fixed if result.fix is not None else None


class BatchStore:
    """The last few batches, in memory only (a new check pushes the oldest out). ``linting`` is held while a
    batch is linted or fixed: one at a time, as the rules' shared caches were written for one thread."""

    def __init__(self, keep: int = 4) -> None:
        self._keep = keep
        self._batches: OrderedDict[str, Batch] = OrderedDict()
        self.lock = threading.Lock()
        self.linting = threading.Lock()

    def add(self, batch: Batch) -> None:
        with self.lock:
            self._batches[batch.id] = batch
            while len(self._batches) > self._keep:
                self._batches.popitem(last=False)

    def get(self, batch_id: str) -> Batch | None:
        with self.lock:
            return self._batches.get(batch_id)

    def clear(self) -> None:
        with self.lock:
            self._batches.clear()
