"""The command line: ``reportlint check``, ``annotate``, ``rules``, ``rule``, ``server``, ``serve``.

Exit codes: 0 no finding at or above ``fail-on``; 1 findings; 2 usage, config, rule-pack or read error.
User mistakes get a message on stderr, never a traceback.

Why one module of ~500 lines: it holds only the commands' declarations (options shared between commands,
help texts) and the exit-code plumbing; each command's work is one call into its layer (``run``, ``engine``,
``integrations``), imported inside the command so that a command pays only for what it uses.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reportlint import __version__
from reportlint.cli_zh import use_chinese
from reportlint.codes import CACHE_ERROR, COMMAND_ERROR, CONFIG_ERROR, REPORT_FILE_ERROR

#: Allocations between two collections of the youngest generation (Python's default: 700). Set as soon as the
#: command line is imported: loading the rules, the packs and the analyses allocates tens of thousands of
#: objects that live as long as the process, and the default threshold would collect many times meanwhile.
GC_THRESHOLD = 50_000
gc.set_threshold(GC_THRESHOLD, 20, 100)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="reportlint：中文工作报告草稿检查工具（工作总结、报告、讲话稿）。",
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputFormat(StrEnum):
    text = "text"
    concise = "concise"
    json = "json"
    json_lines = "json-lines"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


#: Rule selection, shared by `check` and `annotate`.
SelectOption = Annotated[
    list[str] | None,
    typer.Option(metavar="规则", help="只检查这些规则：代码、前缀或名称，逗号分隔（取代配置的 select）。"),
]
ExtendSelectOption = Annotated[list[str] | None, typer.Option(metavar="规则", help="另外检查这些规则。")]
CacheDirOption = Annotated[
    Path | None,
    typer.Option(metavar="目录", help="结果缓存的位置 [默认：用户缓存目录中，每个项目一个]。"),
]
IgnoreOption = Annotated[list[str] | None, typer.Option(metavar="规则", help="不检查这些规则。")]


def _fail(code: str, message: str) -> typer.Exit:
    """Print ``message`` as an error with its code (``reportlint.codes``) and make the exit of code 2."""
    from reportlint.output.escape import escape_controls

    for line in message.split("\n"):  # a config error lists each problem on a line of its own
        typer.echo(f"reportlint：错误：{code} {escape_controls(line)}", err=True)
    return typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> list[str] | None:
    """``--select PH001,PH002 --select TYP`` → ["PH001", "PH002", "TYP"]."""
    if values is None:
        return None
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _pairs(values: list[str] | None) -> list[list[str]]:
    """``--pair 报告.docx:讲话稿.docx`` → the absolute paths of each pair, written as globs that match only
    themselves. A drive's colon (``C:\\报告.docx``) does not split; a file that does not exist stops the run."""
    import glob

    pairs = []
    for value in values or []:
        files = _pair_files(value)
        if len(files) < 2 or not all(files):
            raise _fail(CONFIG_ERROR, f"--pair：“{value}”须写作“文件:文件”，至少两个文件")
        for name in files:
            if not Path(name).is_file():
                raise _fail(CONFIG_ERROR, f"--pair：找不到文件“{name}”")
        pairs.append([glob.escape(str(Path(name).absolute())) for name in files])
    return pairs


def _pair_files(value: str) -> list[str]:
    """The files of one ``--pair`` value, split at its colons but a drive's (``C:\\报告.docx:D:\\讲话.docx``)."""
    files: list[str] = []
    for piece in value.split(":"):
        drive = files and len(files[-1]) == 1 and files[-1].isascii() and files[-1].isalpha()
        if drive and piece.startswith(("\\", "/")):
            files[-1] += ":" + piece
        else:
            files.append(piece)
    return files


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本并退出。")
    ] = False,
) -> None:
    """reportlint：中文工作报告草稿检查工具（工作总结、报告、讲话稿）。"""


def _base_registry():
    from reportlint.catalog import base_registry
    from reportlint.registry import RuleError

    try:
        registry = base_registry()
    except RuleError as error:
        raise _fail(CONFIG_ERROR, str(error)) from None
    _tune_garbage_collector()
    return registry


def _tune_garbage_collector() -> None:
    """The modules and rules loaded so far live as long as the process: leave them out of every collection
    (workers forked later share them untouched), and collect less often while linting allocates many
    short-lived objects (the threshold is set at import already; set again in case something changed it)."""
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 20, 100)


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="路径", show_default=False, help="文件或目录；“-”表示读标准输入 [默认：.]。"),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", "-f", help="输出格式。")
    ] = OutputFormat.text,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: Annotated[FailOn | None, typer.Option(help="问题达到此级别时退出码为 1 [默认：warning]。")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="有问题时退出码也为 0。")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="只按规则统计问题数，不列出问题。")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只列出问题，不打印汇总行。")] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="彩色输出 [默认：输出到终端时]。")] = None,
    config: Annotated[
        Path | None, typer.Option(metavar="文件", help="所有文件都用此配置文件（不查找其他配置）。")
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="忽略所有配置文件。")] = False,
    encoding: Annotated[
        str | None, typer.Option(metavar="编码", help="指定 .txt/.md 文件的编码（如 gb18030）。")
    ] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(metavar="文件名", help="标准输入文本的文件名（据其后缀定格式）。")
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="应用安全修正（.txt/.md；标准输入则输出修正后的文本）。")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="与 --fix/--diff 同用：也应用不安全的修正。")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="以 diff 格式输出修正，不写文件。")] = False,
    show_fixes: Annotated[bool, typer.Option("--show-fixes", help="列出已应用的修正。")] = False,
    baseline: Annotated[Path | None, typer.Option(metavar="文件", help="隐藏此基线文件中记录的问题。")] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(metavar="文件", help="把当前的问题记入基线文件，退出码为 0。")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, metavar="N", help="用 N 个进程检查 [默认：CPU 核数]。"),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="不读也不写结果缓存。")] = False,
    cache_dir: CacheDirOption = None,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="把报告以 UTF-8 写入该文件，而不是标准输出（Windows 重定向会改变编码）。",
        ),
    ] = None,
    force_exclude: Annotated[
        bool | None,
        typer.Option(
            "--force-exclude/--no-force-exclude",
            help="命令行上列出的文件也按配置的 exclude 排除（供 pre-commit 钩子用）[默认：配置的 force-exclude]。",
        ),
    ] = None,
    pair: Annotated[
        list[str] | None,
        typer.Option(
            metavar="文件:文件",
            help="这几份稿子是一份报告和它的讲话稿：不论标题，比较其中的数字（NUM002）；可重复（另见配置的 pairs）。",
        ),
    ] = None,
) -> None:
    """检查草稿（.txt、.md、.docx；装有 LibreOffice 时还有 .doc、.wps、.odt、.rtf；.pdf），报告问题。"""
    from reportlint.config.settings import ConfigError, Overrides, SettingsResolver
    from reportlint.run.parallel import default_jobs
    from reportlint.run.runner import run
    from reportlint.run.task import FixMode

    overrides = Overrides(
        select=_split(select),
        extend_select=_split(extend_select) or [],
        ignore=_split(ignore) or [],
        fail_on=fail_on.value if fail_on else None,
        encoding=encoding,
        force_exclude=force_exclude,
        pairs=_pairs(pair),
    )
    targets = paths or ["."]
    fix_mode = FixMode(unsafe=unsafe_fixes, write=not diff) if fix or diff else None
    report_file = _open_output_file(output_file) if output_file is not None else None
    skip = frozenset({output_file.resolve()}) if output_file is not None else frozenset()
    progress = None
    if sys.stderr.isatty():
        from reportlint.output.progress import ProgressBar

        progress = ProgressBar(sys.stderr)
    try:
        resolver = SettingsResolver(_base_registry(), overrides, config, isolated)
        cache = None if no_cache or fix_mode else _open_cache(cache_dir, resolver)
        stdin = sys.stdin.buffer.read() if "-" in targets else None
        result = run(targets, resolver, stdin, stdin_filename, fix_mode, cache, jobs or default_jobs(), progress, skip)
    except ConfigError as error:
        raise _fail(CONFIG_ERROR, str(error)) from None
    finally:
        if progress is not None:
            progress.close()
    _print_errors(result.errors)  # before the report, whose summary counts them
    findings, hidden = result.findings, 0
    if write_baseline is not None:
        _write_baseline(write_baseline, findings, result.errors)
    if baseline is not None:
        findings, hidden = _apply_baseline(baseline, findings)
    if diff:
        diff_out = report_file or sys.stdout
        for outcome, file_encoding in result.fixes:
            diff_out.write(outcome.diff(file_encoding))
        _close_output_file(report_file, output_file)
        _exit(result.errors, bool(result.fixes) and not exit_zero)
    out = report_file or sys.stdout
    if fix and stdin is not None:  # like ruff: the fixed text on stdout, the report on stderr
        fixed = next((outcome.fixed for outcome, _ in result.fixes if outcome.path == (stdin_filename or "-")), stdin)
        sys.stdout.buffer.write(fixed)
        sys.stdout.flush()
        out = report_file or sys.stderr
    _report(result, findings, hidden, out, output_format, statistics, quiet, show_fixes, color)
    _close_output_file(report_file, output_file)
    _exit(result.errors, result.failing(findings) and not exit_zero)


def _open_output_file(path: Path):
    """``--output-file``: UTF-8 whatever the console's code page (PowerShell 5's ``>`` writes UTF-16). Opened
    before the run, so that a path that cannot be written stops it at once."""
    try:
        return open(path, "w", encoding="utf-8", errors="backslashreplace")  # closed after the report
    except OSError as error:
        raise _fail(REPORT_FILE_ERROR, f"无法写入报告文件 {path}：{error.strerror or error}") from None


def _close_output_file(stream, path: Path | None) -> None:
    if stream is None:
        return
    try:
        stream.close()
    except OSError as error:
        raise _fail(REPORT_FILE_ERROR, f"无法写入报告文件 {path}：{error.strerror or error}") from None


def _open_cache(option: Path | None, resolver):
    """The results cache of the project in the working directory; None (and a warning) if it cannot be used."""
    from reportlint.output.escape import escape_controls
    from reportlint.run.cache import CacheUnavailable, ResultsCache, cache_directory

    try:
        directory = cache_directory(option, resolver.for_path(Path.cwd() / "-"))
        return None if directory is None else ResultsCache(directory, resolver.base)
    except CacheUnavailable as error:
        typer.echo(f"reportlint：警告：{CACHE_ERROR} {escape_controls(str(error))}；本次不使用缓存", err=True)
        return None


@app.command()
def clean(cache_dir: CacheDirOption = None) -> None:
    """删除当前目录所在项目的结果缓存。"""
    from reportlint.config.settings import ConfigError, Overrides, SettingsResolver
    from reportlint.run.cache import CacheUnavailable, cache_directory
    from reportlint.run.cache import clean as remove_cache
    from reportlint.storage.oserrors import reason

    try:
        directory = cache_directory(
            cache_dir, SettingsResolver(_base_registry(), Overrides()).for_path(Path.cwd() / "-")
        )
        removed = directory is not None and remove_cache(directory)
    except ConfigError as error:
        raise _fail(CONFIG_ERROR, str(error)) from None
    except CacheUnavailable as error:
        raise _fail(CACHE_ERROR, str(error)) from None
    except OSError as error:
        raise _fail(CACHE_ERROR, f"无法删除 {error.filename}：{reason(error)}") from None
    typer.echo(f"已删除缓存 {directory}" if removed else f"没有缓存 {directory or ''}", err=True)


def _write_baseline(file: Path, findings: list, errors: list) -> None:
    from reportlint.engine.baseline import BaselineError, write_baseline

    try:
        write_baseline(file, findings)
    except BaselineError as error:
        raise _fail(REPORT_FILE_ERROR, str(error)) from None
    typer.echo(f"已将 {len(findings)} 处问题写入基线 {file}。", err=True)
    _exit(errors, False)


def _apply_baseline(file: Path, findings: list) -> tuple[list, int]:
    from reportlint.engine.baseline import Baseline, BaselineError

    try:
        return Baseline(file).filter(findings)
    except BaselineError as error:
        raise _fail(REPORT_FILE_ERROR, str(error)) from None


def _report(result, findings, hidden, out, output_format, statistics, quiet, show_fixes, color) -> None:
    from reportlint.output import Report, writer

    use_color = color if color is not None else (out.isatty() and "NO_COLOR" not in os.environ)
    applied = [finding for outcome, _ in result.fixes for finding in outcome.applied]
    report = Report(findings, result.sources, result.files_checked, _base_registry(), use_color, len(applied), hidden)
    report.unread, report.errors = result.files_unread, len(result.errors)
    if statistics:
        from reportlint.output.text import write_statistics

        write_statistics(report, out)
    else:
        writer(output_format.value)(report, out)
    if output_format in (OutputFormat.text, OutputFormat.concise):
        from reportlint.output.text import summary, write_applied_fixes

        if show_fixes:
            write_applied_fixes(applied, out)
        if not quiet:
            out.write(summary(report) + "\n")
    out.flush()


def _print_errors(errors: list) -> None:
    from reportlint.output.escape import escape_controls

    for error in errors:
        typer.echo(f"reportlint：错误：{escape_controls(str(error))}", err=True)


def _exit(errors: list, failing: bool) -> None:
    """Exit with the run's code (the errors are printed already)."""
    if errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@app.command()
def annotate(
    draft: Annotated[Path, typer.Argument(metavar="草稿", show_default=False, help="Word 草稿（.docx）。")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="文件", help="带批注副本的保存路径（.docx）。")],
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    config: Annotated[Path | None, typer.Option(metavar="文件", help="使用此配置文件（不查找其他配置）。")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="忽略所有配置文件。")] = False,
    baseline: Annotated[Path | None, typer.Option(metavar="文件", help="不批注此基线文件中记录的问题。")] = None,
) -> None:
    """另存一份 Word 草稿，把每处问题作为批注加在相应文字上。

    原稿不做改动，副本的正文也不变。写出副本时退出码为 0，出错时为 2。
    """
    from reportlint.config.settings import ConfigError, Overrides, SettingsResolver
    from reportlint.engine.baseline import BaselineError
    from reportlint.integrations.word import AnnotateError
    from reportlint.integrations.word import annotate as write_annotated
    from reportlint.output.escape import escape_controls

    overrides = Overrides(select=_split(select), extend_select=_split(extend_select) or [], ignore=_split(ignore) or [])
    try:
        resolver = SettingsResolver(_base_registry(), overrides, config, isolated)
        outcome = write_annotated(draft, output, resolver, baseline)
    except ConfigError as error:
        raise _fail(CONFIG_ERROR, str(error)) from None
    except (AnnotateError, BaselineError) as error:
        raise _fail(REPORT_FILE_ERROR, str(error)) from None
    count = len(outcome.findings)
    hidden = f"；基线中已记录的 {outcome.hidden} 处未加" if outcome.hidden else ""
    typer.echo(f"{output}：已添加 {count} 条批注（原稿 {draft}{hidden}）")
    for crash in outcome.crashes:
        typer.echo(f"reportlint：错误：{escape_controls(crash.report())}", err=True)
    if outcome.crashes:
        raise typer.Exit(EXIT_ERROR)


@app.command("rules")
def list_rules(
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", "-f", help="输出格式：text 或 json。")
    ] = OutputFormat.text,
) -> None:
    """列出全部规则：代码、名称、默认级别、类别、说明。"""
    registry = _base_registry()
    if output_format == OutputFormat.json:
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "family": r.family,
                "enabled_by_default": r.enabled_by_default,
                "summary": r.summary,
                "origin": r.origin,
            }
            for r in registry
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from reportlint.cli_zh import family_name, pad, severity_name

    typer.echo(f"{'代码':<5} {pad('名称', 32)} {pad('级别', 4)} {pad('类别', 8)} 说明")
    for r in registry:
        default = "" if r.enabled_by_default else "（默认不启用）"
        typer.echo(
            f"{r.code:<7} {r.name:<32} {pad(severity_name(r.severity), 4)} {pad(family_name(r.family), 8)} "
            f"{r.summary}{default}"
        )


@app.command("rule")
def show_rule(
    code: Annotated[str, typer.Argument(metavar="规则", help="规则代码（PH001）或名称（figure-placeholder）。")],
) -> None:
    """显示一条规则的说明。"""
    rule = _base_registry().get(code)
    if rule is None:
        raise _fail(COMMAND_ERROR, f"没有规则“{code}”；“reportlint rules”可列出全部规则")
    from reportlint.cli_zh import family_name, severity_name

    default = "启用" if rule.enabled_by_default else f"不启用（用 --extend-select {rule.code} 启用）"
    typer.echo(f"{rule.code} {rule.name}\n")
    typer.echo(f"说明：{rule.summary}")
    typer.echo(
        f"级别：{severity_name(rule.severity)}（{rule.severity.label}）    "
        f"类别：{family_name(rule.family)}（{rule.family}）    默认：{default}"
    )
    typer.echo(f"来源：{'内置' if rule.origin == 'builtin' else rule.origin}\n")
    typer.echo(rule.doc)


@app.command()
def server(
    stdio: Annotated[bool, typer.Option("--stdio", help="经标准输入输出通信（唯一的方式；可省略）。")] = False,
) -> None:
    """运行供编辑器使用的语言服务器（LSP，经标准输入输出）。

    需先安装：pip install 'reportlint[lsp]'。
    """
    try:
        from reportlint.integrations.lsp.server import serve  # imports pygls: only here, never for check
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        raise _fail(COMMAND_ERROR, f"语言服务器需要 pygls（{error}）：请运行 pip install 'reportlint[lsp]'") from None
    serve()


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(metavar="ADDRESS", help="监听的地址。默认只有本机能打开（127.0.0.1）。")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, metavar="PORT", help="端口；0 表示自动选一个空闲端口。")] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="不自动打开浏览器，只显示地址。")] = False,
    config: Annotated[Path | None, typer.Option(metavar="FILE", help="使用这个配置文件（不再查找其他配置）。")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="忽略所有配置文件。")] = False,
) -> None:
    """在浏览器中检查文稿：拖入 .docx、.txt、.md 或粘贴文字，问题就地标出。

    文稿只在本机内存中处理，不会上传到网络，关闭服务后即清除。需要先安装：pip install 'reportlint[web]'。
    """
    from reportlint.config.settings import ConfigError, Overrides, SettingsResolver

    if host in ("0.0.0.0", "::", ""):
        raise _fail(COMMAND_ERROR, "请指定一个具体的地址（例如 127.0.0.1）：不支持监听所有网卡")
    try:
        from reportlint.integrations.web.server import WebServer, bind, open_browser  # Starlette, uvicorn: only here
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in ("starlette", "uvicorn", "anyio", "h11"):
            raise
        missing = f"网页版需要额外的组件（{error.name}）：请先运行 pip install 'reportlint[web]'"
        raise _fail(COMMAND_ERROR, missing) from None
    try:
        settings = SettingsResolver(_base_registry(), Overrides(), config, isolated).for_path(Path.cwd() / "-")
    except ConfigError as error:
        raise _fail(CONFIG_ERROR, str(error)) from None
    try:
        sock = bind(host, port)
    except OSError as error:
        raise _fail(COMMAND_ERROR, f"无法在 {host}:{port} 上启动：{error.strerror or error}") from None
    web = WebServer(settings, host, sock)
    typer.echo(f"reportlint 网页版已启动：{web.url}")
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"注意：监听的是 {host}，同一网络中的其他电脑也可能打开这个页面。", err=True)
    typer.echo("文稿只在本机内存中处理。按 Ctrl+C 停止。")

    def browse() -> None:
        if not open_browser(web.url):
            typer.echo("没能自动打开浏览器：请把上面的地址复制到浏览器中打开。")

    web.run(None if no_browser else browse)
    typer.echo("已停止，上传的文稿已从内存中清除。")


use_chinese(app)


def main() -> None:
    # A file name that is not valid UTF-8 reaches the output as lone surrogates (os.fsdecode): where stdout
    # would refuse them (a strict UTF-8 or a legacy encoding), write an escape rather than fail mid-report.
    if getattr(sys.stdout, "errors", None) == "strict" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    app()
