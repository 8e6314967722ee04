"""The Starlette application behind ``reportlint serve``.

Routes: the page (``/`` and its assets, shipped in ``static/``), ``POST /api/lint`` (drafts in, the JSON view
out), and the downloads of a batch (``/api/batches/<id>/…``). Everything stays on the machine: uploads are kept
in memory (:class:`~reportlint.integrations.web.drafts.BatchStore`), no request names a path, and the guard
refuses any request whose Host header is not this server's own address (DNS rebinding) and any cross-site
POST. Messages are Chinese: the page shows them as they are.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reportlint.config.settings import Settings
from reportlint.integrations.web import exports
from reportlint.integrations.web.drafts import Batch, BatchStore, Upload, UploadError, lint_batch
from reportlint.integrations.web.view import batch_view

MB = 1024 * 1024
ASSETS = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one check may upload: drafts, bytes per draft, bytes in all."""

    files: int = 20
    file_bytes: int = 20 * MB
    total_bytes: int = 40 * MB

    @property
    def request_bytes(self) -> int:
        """The largest request body: the drafts in base64 (4/3 of their bytes) and some room for the JSON."""
        return self.total_bytes * 4 // 3 + 64 * 1024 + self.files * 1024

    def as_json(self) -> dict[str, int]:
        return {"files": self.files, "file_bytes": self.file_bytes, "total_bytes": self.total_bytes}


class Refused(Exception):
    """A request the server turns down: the HTTP status and the Chinese message for the page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def allowed_hosts(host: str, port: int) -> set[str]:
    """The Host headers this server answers: its own address and port (and localhost's names for it)."""
    if host in ("127.0.0.1", "localhost"):
        names = {"127.0.0.1", "localhost"}
    elif host == "::1":
        names = {"[::1]", "localhost"}
    else:
        names = {f"[{host}]" if ":" in host else host}
    return {f"{name}:{port}" for name in names}


class HostGuard:
    """Refuse requests for another Host (a DNS-rebinding page that resolves its own name to 127.0.0.1) and
    state-changing requests from another origin; add the security headers to every response."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {host.lower() for host in hosts}
        self.origins = {f"http://{host}" for host in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        refusal = None
        if headers.get("host", "").lower() not in self.hosts:
            refusal = (
                "拒绝访问：请求的地址不是本机的 reportlint 页面。请使用启动时显示的地址（如 http://127.0.0.1:端口/）。"
            )
        elif scope["method"] not in ("GET", "HEAD") and headers.get("origin", "").lower() not in (*self.origins, ""):
            refusal = "拒绝访问：只接受来自本页面的请求。"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        if refusal is not None:
            await _error(403, refusal)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings, hosts: Iterable[str], limits: Limits | None = None) -> Starlette:
    """The application linting under ``settings``, answering only requests for ``hosts`` (``host:port``)."""
    limits = limits or Limits()
    store = BatchStore()
    static = resources.files("reportlint.integrations.web") / "static"
    page = (static / "index.html").read_bytes()
    assets = {name: (static / name).read_bytes() for name in ASSETS}

    async def index(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8")

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets:
            return _error(404, "没有这个文件。")
        return Response(assets[name], media_type=ASSETS[name])

    async def get_limits(request: Request) -> Response:
        return JSONResponse(limits.as_json())

    async def lint(request: Request) -> Response:
        try:
            uploads = _uploads(await _read_json(request, limits), limits)
            batch = await run_in_threadpool(_locked, store, lint_batch, uploads, settings)
        except Refused as refused:
            return _error(refused.status, refused.message)
        except UploadError as error:
            return _error(415, str(error))
        store.add(batch)
        return JSONResponse(batch_view(batch, settings.registry))

    def download(
        make: Callable[[Batch, Request], Awaitable[tuple[bytes, str, str]]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            batch = store.get(request.path_params["batch"])
            if batch is None:
                return _error(404, "这批文稿已不在内存中（页面关闭过或服务重启过）：请重新上传检查。")
            try:
                content, filename, media_type = await make(batch, request)
            except Refused as refused:
                return _error(refused.status, refused.message)
            return Response(
                content, media_type=media_type, headers={"content-disposition": exports.content_disposition(filename)}
            )

        return endpoint

    async def csv_export(batch: Batch, request: Request) -> tuple[bytes, str, str]:
        return exports.findings_csv(batch), "reportlint检查结果.csv", "text/csv; charset=utf-8"

    async def json_export(batch: Batch, request: Request) -> tuple[bytes, str, str]:
        return exports.findings_json(batch), "reportlint检查结果.json", "application/json"

    async def commented(batch: Batch, request: Request) -> tuple[bytes, str, str]:
        draft = _draft(batch, request)
        if not (draft.format == "docx" and draft.result.document is not None):
            raise Refused(404, "只有能读取的 Word 文稿（.docx）才能下载批注版。")
        content = await run_in_threadpool(_locked, store, exports.commented_docx, draft)
        media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return content, exports.download_name(draft.name, "批注", "docx"), media

    async def fixed(batch: Batch, request: Request) -> tuple[bytes, str, str]:
        draft = _draft(batch, request)
        if draft.format == "docx" or draft.result.document is None:
            raise Refused(404, "Word 文稿不直接修改：请下载批注版，在 Word 中逐条处理。")
        content = await run_in_threadpool(_locked, store, exports.fixed_text, draft, batch)
        return content, exports.download_name(draft.name, "修改后"), "application/octet-stream"

    routes = [
        Route("/", index),
        Route("/static/{name}", asset),
        Route("/api/limits", get_limits),
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/batches/{batch}/findings.csv", download(csv_export)),
        Route("/api/batches/{batch}/findings.json", download(json_export)),
        Route("/api/batches/{batch}/drafts/{index:int}/commented.docx", download(commented)),
        Route("/api/batches/{batch}/drafts/{index:int}/fixed", download(fixed)),
    ]
    app = Starlette(routes=routes)
    app.add_middleware(HostGuard, hosts=hosts)
    app.state.store = store
    return app


def _locked(store: BatchStore, function: Callable[..., Any], *args: Any) -> Any:
    with store.linting:
        return function(*args)


def _draft(batch: Batch, request: Request) -> Any:
    index = request.path_params["index"]
    if not 0 <= index < len(batch.drafts):
        raise Refused(404, "没有这份文稿。")
    return batch.drafts[index]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _too_large(limits: Limits) -> Refused:
    return Refused(413, f"上传的内容太大：一次最多 {limits.total_bytes // MB} MB，请减少文稿或分几次检查。")


async def _read_json(request: Request, limits: Limits) -> Any:
    """The request body as JSON, refused once it grows past the limit (whatever Content-Length claims)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limits.request_bytes:
        raise _too_large(limits)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limits.request_bytes:
            raise _too_large(limits)
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "请求格式不正确：请刷新页面后重试。") from None


def _uploads(payload: Any, limits: Limits) -> list[Upload]:
    """The drafts of a ``/api/lint`` request: ``{"drafts": [{"name": …, "data": base64} | {"name": …, "text": …}]}``."""
    items = payload.get("drafts") if isinstance(payload, dict) else None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise Refused(400, "请求格式不正确：请刷新页面后重试。")
    if not items:
        raise Refused(400, "没有收到文稿：请选择或拖入文件，或者粘贴文字。")
    if len(items) > limits.files:
        raise Refused(413, f"一次最多检查 {limits.files} 份文稿（收到 {len(items)} 份）：请分几次检查。")
    uploads, total = [], 0
    for item in items:
        name = item.get("name")
        if not isinstance(name, str):
            raise Refused(400, "请求格式不正确：请刷新页面后重试。")
        data = _content(item, name)
        if len(data) > limits.file_bytes:
            raise Refused(
                413, f"“{name}”有 {len(data) / MB:.1f} MB，超过单份文稿 {limits.file_bytes // MB} MB 的上限。"
            )
        total += len(data)
        if total > limits.total_bytes:
            raise _too_large(limits)
        uploads.append(Upload(name, data))
    return uploads


def _content(item: dict[str, Any], name: str) -> bytes:
    if isinstance(item.get("text"), str):
        return item["text"].encode("utf-8", "replace")
    if isinstance(item.get("data"), str):
        try:
            return base64.b64decode(item["data"], validate=True)
        except (binascii.Error, ValueError):
            raise Refused(400, f"“{name}”的内容无法读取：请重新选择这个文件。") from None
    raise Refused(400, "请求格式不正确：请刷新页面后重试。")
