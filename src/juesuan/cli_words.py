"""Chinese for the words the command-line libraries write into help pages and messages themselves
("Usage:", "Options", "[required]" …), so that every page a user sees is Chinese.

click and typer look these words up through gettext as `_` in their modules; `install` gives them ours.
"""

from __future__ import annotations

WORDS = {
    "Usage:": "用法：",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "required": "必填",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "deprecated": "已弃用",
    "(dynamic)": "（动态）",
    "Aborted!": "已中止。",
    "Missing command.": "缺少命令。",
}
OPTIONS_METAVAR = "[选项]"


def chinese(message: str) -> str:
    return WORDS.get(message, message)


def install(app: object) -> None:
    """Our words into typer (and the click it is built on), and "[选项]" into every command's usage line.

    typer carries its own copy of click (typer._click) in which "Usage:" and the --help option's text are
    written in place, not looked up: those two are replaced where they are made. A typer that no longer has
    them leaves them English; tests/test_cli.py notices.
    """
    import typer.core

    typer.core._ = chinese  # type: ignore[attr-defined]
    for command in getattr(app, "registered_commands", []):
        command.options_metavar = OPTIONS_METAVAR
    try:
        from typer._click import core, formatting
    except ImportError:
        return
    write_usage = formatting.HelpFormatter.write_usage
    if getattr(write_usage, "chinese", False):
        return

    def usage_in_chinese(self: object, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, WORDS["Usage:"] if prefix is None else prefix)  # type: ignore[arg-type]

    usage_in_chinese.chinese = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = usage_in_chinese  # type: ignore[method-assign]
    help_option = core.Command.get_help_option

    def help_in_chinese(self: object, ctx: object) -> object:
        option = help_option(self, ctx)  # type: ignore[arg-type]
        if option is not None:
            option.help = WORDS["Show this message and exit."]
        return option

    core.Command.get_help_option = help_in_chinese  # type: ignore[method-assign]
