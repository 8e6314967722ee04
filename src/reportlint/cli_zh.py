"""Chinese for the words of click/typer themselves: ``用法：``, ``选项：``, ``显示此帮助并退出。``, ``[默认：…]``,
and their usage errors (``错误：没有选项 --bogus``).

Done through click's public hooks (a formatter class, the help option, ``main``) rather than by patching
their modules, so a click or typer release that words a message differently shows it in English, never
breaks. The help strings reportlint writes itself are in :mod:`reportlint.cli`.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

import typer
import typer.core
from typer.core import TyperCommand, TyperGroup

from reportlint.codes import CONFIG_ERROR
from reportlint.labels import FAMILY_NAMES, SEVERITY_NAMES

# Older typers use click; later ones carry their own copy of it. Take the one typer uses.
_click: Any = getattr(typer.core, "_click", None) or importlib.import_module("click")
_exceptions = _click.exceptions
_Context = TyperCommand.context_class
_HelpFormatter = _Context.formatter_class

HEADINGS = {"Usage": "用法", "Options": "选项", "Arguments": "参数", "Commands": "命令"}
HELP_OPTION = "显示此帮助并退出。"

#: click's usage errors, in the order tried; the first that matches is used.
ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), replacement)
    for pattern, replacement in (
        (r"^No such command (.*)\. Did you mean (.*)\?$", r"没有命令 \1；是否要用 \2？"),
        (r"^No such command (.*)\.$", r"没有命令 \1。"),
        (r"^No such option: (\S+) \(Possible options: (.*)\)$", r"没有选项 \1（相近的选项：\2）"),
        (r"^No such option: (\S+?)\.? Did you mean (.*)\?$", r"没有选项 \1；是否要用 \2？"),
        (r"^No such option: (\S+)$", r"没有选项 \1"),
        (r"^Missing command\.$", "缺少命令。"),
        (r"^Missing argument (.*)\.$", r"缺少参数 \1。"),
        (r"^Missing option (.*)\.$", r"缺少选项 \1。"),
        (r"^Missing parameter: (.*)$", r"缺少参数 \1。"),
        (r"^Option (.*) requires an argument\.$", r"选项 \1 需要一个值。"),
        (r"^Option (.*) requires (\d+) arguments\.$", r"选项 \1 需要 \2 个值。"),
        (r"^Option (.*) does not take a value\.$", r"选项 \1 不接受值。"),
        (r"^Got unexpected extra arguments? \((.*)\)$", r"多余的参数：\1"),
        (r"^Got unexpected extra argument\(s\) \((.*)\)$", r"多余的参数：\1"),
        (r"^Invalid value for (.*?): (.*)$", r"\1 的值无效：\2"),
        (r"^Invalid value: (.*)$", r"值无效：\1"),
    )
)
#: What click says of a bad value (after "Invalid value for X: ").
VALUE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), replacement)
    for pattern, replacement in (
        (r"'([^']*)' is not one of (.*)\.$", r"“\1”不是 \2 之一。"),
        (r"'([^']*)' is not a valid (?:integer|int|int range|integer range)\.$", r"“\1”不是有效的整数。"),
        (r"'([^']*)' is not a valid (.*)\.$", r"“\1”不是有效的 \2。"),
        (r"(\S+) is not in the range (.*)\.$", r"\1 不在范围 \2 内。"),
    )
)
_QUOTED = re.compile(r"'([^'\s]+)'")


def translate_error(message: str) -> str:
    """click's message of a usage error in Chinese (unchanged if it is not one we know)."""
    for pattern, replacement in VALUE_ERRORS:
        message = pattern.sub(replacement, message, count=1)
    for pattern, replacement in ERRORS:
        if pattern.match(message):
            message = pattern.sub(replacement, message, count=1)
            break
    return _QUOTED.sub(r"\1", message)  # '--jobs' / '-j' → --jobs / -j


def _column(text: str) -> str:
    """typer's ``[default: x]`` and ``[required]`` after an option's help."""
    return text.replace("[default: ", "[默认：").replace("[required]", "[必填]").replace("[env var: ", "[环境变量：")


#: Marks that never open a line (they stay with the text before them).
_CLOSING = set("，。、；：！？）》」』”’")
_OPENING = set("（《「『“‘")
_TOKENS = re.compile(r"[!-~]+|\s+|.", re.S)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns, broken between Chinese characters or at
    spaces (click's wrapping only breaks at spaces, and counts a Chinese character as one column)."""
    from reportlint.output.text import display_width

    lines, line, used = [], "", 0
    for token in _TOKENS.findall(" ".join(text.split())):
        size = display_width(token)
        if line and used + size > width and not token.isspace() and token not in _CLOSING:
            carried = line[-1] if line[-1] in _OPENING else ""  # an opening mark goes with what it opens
            lines.append(line[: len(line) - len(carried)].rstrip())
            line, used = carried, display_width(carried)
        if not line and token.isspace():
            continue
        line, used = line + token, used + size
    return [*lines, line.rstrip()] if line.strip() else lines or [""]


class ChineseFormatter(_HelpFormatter):  # type: ignore[misc,valid-type]
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]...")
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """click's definition list (options, commands), measured in terminal columns."""
        from reportlint.output.text import display_width

        rows = [(first, _column(second)) for first, second in rows]
        widths = [display_width(first) for first, _ in rows]
        first_col = min(max(widths, default=0), col_max) + col_spacing
        indent = " " * (first_col + self.current_indent)
        for (first, second), width in zip(rows, widths, strict=True):
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            self.write(" " * (first_col - width) if width <= first_col - col_spacing else f"\n{indent}")
            lines = wrap(second, max(self.width - first_col - self.current_indent, 10))
            self.write("\n".join([lines[0], *(indent + line for line in lines[1:])]) + "\n")


class ChineseContext(_Context):  # type: ignore[misc,valid-type]
    formatter_class = ChineseFormatter


class _ChineseHelp:
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option


class ChineseCommand(_ChineseHelp, TyperCommand):
    """A command whose help and usage errors are in Chinese."""

    context_class = ChineseContext


class ChineseGroup(_ChineseHelp, TyperGroup):
    """The top-level command: its help in Chinese, and click's usage errors printed in Chinese."""

    context_class = ChineseContext

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.get("standalone_mode", True)
        kwargs["standalone_mode"] = False  # click's own error printing is English: print them here instead
        if not standalone:
            return super().main(*args, **kwargs)
        try:
            result = super().main(*args, **kwargs)
        except _exceptions.ClickException as error:
            show_error(error)
            sys.exit(error.exit_code)
        except _click.core.Abort:
            typer.echo("已中止。", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def show_error(error: Any) -> None:
    """What ``error.show()`` prints, in Chinese."""
    if type(error).__name__ == "NoArgsIsHelpError":  # no arguments: the help, not an error
        error.show()
        return
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = f"运行“{ctx.command_path} {ctx.help_option_names[0]}”查看帮助。\n"
        typer.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    typer.echo(f"错误：{CONFIG_ERROR} {translate_error(error.format_message())}", err=True)


def use_chinese(app: typer.Typer) -> None:
    """Give ``app`` and every command registered on it so far the Chinese help and errors."""
    app.info.cls = ChineseGroup
    for command in app.registered_commands:
        if command.cls in (None, TyperCommand):
            command.cls = ChineseCommand


def severity_name(severity: Any) -> str:
    return SEVERITY_NAMES.get(severity.label, severity.label)


def family_name(family: str) -> str:
    """A family's Chinese name (a plugin's own family keeps its name)."""
    return FAMILY_NAMES.get(family, family)


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    from reportlint.output.text import display_width

    return text + " " * max(0, width - display_width(text))
