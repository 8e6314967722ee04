"""The command line: ``reportlint check``, ``rules``, ``rule``.

Exit codes: 0 no finding at or above ``fail-on``; 1 findings; 2 usage, config, rule-pack or read error.
User mistakes get a message on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reportlint import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="reportlint: a linter for Chinese work-report drafts (工作总结、报告、讲话稿).",
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


def _fail(message: str) -> typer.Exit:
    typer.echo(f"reportlint: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> list[str] | None:
    """``--select PH001,PH002 --select TYP`` → ["PH001", "PH002", "TYP"]."""
    if values is None:
        return None
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """reportlint: a linter for Chinese work-report drafts (工作总结、报告、讲话稿)."""


def _base_registry():
    from reportlint.catalog import base_registry
    from reportlint.registry import RuleError

    try:
        return base_registry()
    except RuleError as error:
        raise _fail(str(error)) from None


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATHS", show_default=False, help="Files or directories; '-' reads stdin [default: .]."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", "-f", help="Output format.")
    ] = OutputFormat.text,
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CODES", help="Only these codes, prefixes or names, comma-separated (replaces the config's select)."
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(metavar="CODES", help="Also these codes, prefixes or names.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(metavar="CODES", help="Skip these codes, prefixes or names.")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Lowest severity that makes the exit code 1 [default: warning].")
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print a count per rule instead of the findings.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print the findings only, no summary.")] = False,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour the text output [default: on a terminal].")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Use this config file for every file (no discovery).")
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")] = False,
    encoding: Annotated[
        str | None, typer.Option(metavar="NAME", help="Force the encoding of .txt/.md files (e.g. gb18030).")
    ] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(metavar="NAME", help="Name (and format) of the text read from stdin.")
    ] = None,
) -> None:
    """Lint drafts (.txt, .md, .docx) and report findings."""
    from reportlint.config import ConfigError, Overrides, SettingsResolver
    from reportlint.output import Report, writer
    from reportlint.runner import run

    overrides = Overrides(
        select=_split(select),
        extend_select=_split(extend_select) or [],
        ignore=_split(ignore) or [],
        fail_on=fail_on.value if fail_on else None,
        encoding=encoding,
    )
    targets = paths or ["."]
    try:
        resolver = SettingsResolver(_base_registry(), overrides, config, isolated)
        stdin = sys.stdin.buffer.read() if "-" in targets else None
        result = run(targets, resolver, stdin, stdin_filename)
    except ConfigError as error:
        raise _fail(str(error)) from None

    use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    report = Report(result.findings, result.sources, result.files_checked, resolver.base, use_color)
    out = sys.stdout
    if statistics:
        from reportlint.output.text import write_statistics

        write_statistics(report, out)
    else:
        writer(output_format.value)(report, out)
    if output_format in (OutputFormat.text, OutputFormat.concise) and not quiet:
        from reportlint.output.text import summary

        out.write(summary(report) + "\n")
    out.flush()
    for error in result.errors:
        typer.echo(f"reportlint: error: {error}", err=True)
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if result.failing and not exit_zero else EXIT_CLEAN)


@app.command("rules")
def list_rules(
    output_format: Annotated[
        OutputFormat, typer.Option("--output-format", "-f", help="text or json.")
    ] = OutputFormat.text,
) -> None:
    """List every rule: code, name, default severity, family, summary."""
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
    for r in registry:
        default = "" if r.enabled_by_default else "  (off by default)"
        typer.echo(f"{r.code:<7} {r.name:<28} {r.severity.label:<8} {r.family:<13} {r.summary}{default}")


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule code (PH001) or name (figure-placeholder).")]) -> None:
    """Show a rule's documentation."""
    rule = _base_registry().get(code)
    if rule is None:
        raise _fail(f"unknown rule {code!r}; 'reportlint rules' lists them all")
    default = "on" if rule.enabled_by_default else "off (enable with --extend-select)"
    typer.echo(f"{rule.code} {rule.name}\n")
    typer.echo(f"summary:  {rule.summary}")
    typer.echo(f"severity: {rule.severity.label}    family: {rule.family}    by default: {default}")
    typer.echo(f"source:   {rule.origin}\n")
    typer.echo(rule.doc)


def main() -> None:
    app()
