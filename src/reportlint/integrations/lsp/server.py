"""``reportlint server``: the language server, over stdio, built on pygls.

Drafts (.txt and .md, or language ids ``plaintext``/``text``/``markdown``) are linted when opened, on save,
and after changes: :data:`DEBOUNCE` seconds after the last change of a burst (typing sends one per keystroke;
linting each of 2,000 rapid changes left the final diagnostics 90 s behind), and at least every
:data:`MAX_DELAY` seconds while changes keep coming. Diagnostics are never published for an older version of a
document than the latest one seen. Drafts are linted under the config the command line would discover for
their file. Saving any document,
or a change to a ``*.toml`` file that the client watches for us, re-reads the configs and packs. Fixes are
offered as quick fixes, and all safe fixes at once as ``source.fixAll.reportlint``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from reportlint import __version__
from reportlint.engine.lint import RuleCrash
from reportlint.findings import Finding
from reportlint.integrations.lsp.convert import FIX_ALL, FixBuilder, Locator, diagnostic, problem_diagnostic
from reportlint.integrations.lsp.linting import Buffer, BufferLinter, Outcome
from reportlint.readers import FORMATS

#: Language ids of the documents we lint; other documents are linted if their name ends in .txt or .md.
LANGUAGES = {"plaintext": "txt", "text": "txt", "markdown": "md"}
TEXT_FORMATS = ("txt", "md")
#: Config files and rule packs: a change to one re-reads the configs.
WATCHED = "**/*.toml"
#: Seconds without a change to a document before its changes are linted.
DEBOUNCE = 0.2
#: Seconds after the first change of a burst by which it is linted, however long the burst goes on.
MAX_DELAY = 1.0


def text_format(language_id: str | None, uri: str) -> str | None:
    """``txt`` or ``md`` for a document we lint, else None."""
    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    fmt = FORMATS.get(PurePosixPath(urlparse(uri).path).suffix.lower())
    return fmt if fmt in TEXT_FORMATS else None


class Session:
    """The server's state: the linter, what was last published per document, and the fixes on offer."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.linter = BufferLinter()
        self._published: dict[str, list[types.Diagnostic]] = {}
        self._fixes: dict[str, tuple[FixBuilder, list[tuple[Finding, types.Diagnostic]]]] = {}
        self._problems: set[str] = set()
        self._crashes: set[tuple[str, str]] = set()
        #: The latest version of each document the client sent: nothing older is published.
        self._latest: dict[str, int] = {}
        #: Documents changed since they were last linted: the timer that lints them, and when the burst began.
        self._pending: dict[str, tuple[asyncio.TimerHandle, float]] = {}

    def buffer(self, uri: str) -> Buffer | None:
        document = self.server.workspace.get_text_document(uri)
        fmt = text_format(document.language_id, uri)
        if fmt is None:
            return None
        fs_path = to_fs_path(uri) if urlparse(uri).scheme == "file" else None
        path = Path(fs_path) if fs_path else None
        return Buffer(uri, path, fmt, document.source, document.version)

    def seen(self, uri: str, version: int | None) -> None:
        """The client sent ``version`` of the document."""
        if version is not None:
            self._latest[uri] = max(version, self._latest.get(uri, version))

    def changed(self, uri: str) -> None:
        """Lint the document now (opened, or its lint is due)."""
        self._cancel(uri)
        buffer = self.buffer(uri)
        if buffer is not None:
            self.linter.update(buffer)
            self.publish(uri)

    def edited(self, uri: str) -> None:
        """The document's text changed: lint it once the changes pause (see :data:`DEBOUNCE`)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not serving (a test driving the session): lint at once
            self.changed(uri)
            return
        now = loop.time()
        began = now
        if (pending := self._pending.get(uri)) is not None:
            pending[0].cancel()
            began = pending[1]
        delay = max(0.0, min(DEBOUNCE, began + MAX_DELAY - now))
        self._pending[uri] = (loop.call_later(delay, self.changed, uri), began)

    def flush(self, uri: str | None = None) -> None:
        """Lint now what changed and waits for its lint (the document ``uri`` only, if given)."""
        for pending in [uri] if uri is not None else list(self._pending):
            if pending in self._pending:
                self.changed(pending)

    def _cancel(self, uri: str) -> None:
        if (pending := self._pending.pop(uri, None)) is not None:
            pending[0].cancel()

    def closed(self, uri: str) -> None:
        self._cancel(uri)
        self._latest.pop(uri, None)
        self.linter.forget(uri)
        self._fixes.pop(uri, None)
        if self._published.pop(uri, None) is not None:
            self._send(uri, None, [])
        self.publish()

    def reload(self, uri: str | None = None) -> None:
        for pending in list(self._pending):  # the linter re-reads the texts it has: give it the latest
            self._cancel(pending)
            if (buffer := self.buffer(pending)) is not None:
                self.linter.update(buffer)
        self.linter.reload()
        self.publish(uri)

    def publish(self, trigger: str | None = None) -> None:
        """Publish the diagnostics of ``trigger`` and of every other document whose diagnostics changed (the
        corpus rules compare documents, so editing one can change another's)."""
        outcomes, corpus_crashes = self.linter.outcomes()
        documents = {
            o.buffer.display_path: (uri, o.document.lines) for uri, o in outcomes.items() if o.document is not None
        }
        locator = Locator(documents, self.server.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        for uri, outcome in outcomes.items():
            version = outcome.buffer.version
            if version is not None and version < self._latest.get(uri, version):
                self._fixes.pop(uri, None)  # superseded: its own lint, pending, publishes the latest version
                continue
            diagnostics, fixable = self._diagnostics(outcome, locator)
            builder = FixBuilder(uri, outcome.buffer.version, locator, self._versioned_edits())
            self._fixes[uri] = (builder, fixable)
            if uri == trigger or diagnostics != self._published.get(uri):
                self._published[uri] = diagnostics
                self._send(uri, outcome.buffer.version, diagnostics)
        self._report(outcomes.values(), corpus_crashes)

    @staticmethod
    def _diagnostics(
        outcome: Outcome, locator: Locator
    ) -> tuple[list[types.Diagnostic], list[tuple[Finding, types.Diagnostic]]]:
        """The document's diagnostics, and the findings with a fix paired with their diagnostic."""
        if outcome.problem is not None:
            return [problem_diagnostic(outcome.problem)], []
        pairs = [(finding, diagnostic(finding, locator)) for finding in outcome.findings]
        return [d for _, d in pairs], [(f, d) for f, d in pairs if f.fix is not None and f.fix.edits]

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        self.flush(params.text_document.uri)  # fixes for the text as it is now
        if params.text_document.uri not in self._fixes:
            return []
        builder, fixable = self._fixes[params.text_document.uri]
        return builder.actions(fixable, params.range, params.context.only)

    def _send(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        params = types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        self.server.text_document_publish_diagnostics(params)

    def _report(self, outcomes, corpus_crashes: list[RuleCrash]) -> None:
        """Show each new config problem once (not on every keystroke); log each rule crash once."""
        problems = {o.problem for o in outcomes if o.problem is not None}
        for problem in sorted(problems - self._problems):
            message = f"reportlint：{problem}"
            self.server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))
        self._problems = problems
        for crash in [c for o in outcomes for c in o.crashes] + corpus_crashes:
            if (crash.code, crash.error) not in self._crashes:
                self._crashes.add((crash.code, crash.error))
                message = f"reportlint：{crash.report()}"
                self.server.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=message))

    def _versioned_edits(self) -> bool:
        workspace = self.server.client_capabilities.workspace
        edit = workspace.workspace_edit if workspace else None
        return bool(edit and edit.document_changes)

    def watch_config_files(self) -> None:
        """Ask the client to tell us when a config file or pack changes, if it can watch files for us."""
        workspace = self.server.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if not (watched and watched.dynamic_registration):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)]
        )
        registration = types.Registration(
            id="reportlint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        self.server.client_register_capability(types.RegistrationParams(registrations=[registration]))


def create_server() -> LanguageServer:
    # Full sync: the client sends the whole text on each change. Drafts are small, and pygls's incremental
    # sync splits lines the Python way (also on U+2028 and form feeds), unlike LSP clients.
    server = LanguageServer("reportlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    session = Session(server)

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        session.watch_config_files()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        session.seen(params.text_document.uri, params.text_document.version)
        session.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        session.seen(params.text_document.uri, params.text_document.version)
        session.edited(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        session.reload(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        session.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(params: types.DidChangeWatchedFilesParams) -> None:
        session.reload()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        return session.code_actions(params)

    return server


def serve() -> None:
    """Speak LSP over stdin/stdout until the client says exit."""
    create_server().start_io()
