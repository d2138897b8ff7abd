"""The `juesuan` command line (typer + rich). Every message a user sees is in Chinese."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from juesuan.document import Document
from juesuan.errors import ReadError
from juesuan.limits import TIME_LIMIT_S
from juesuan.outline import Outline, Section, build_outline
from juesuan.outline.labels import KIND_LABELS, LAYOUT_LABELS
from juesuan.places import place
from juesuan.readers import SUPPORTED

app = typer.Typer(
    name="juesuan",
    help="juesuan：读取、检查、生成和比较部门（单位）决算公开报告。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    options_metavar="[选项]",
    subcommand_metavar="命令 [参数]...",
)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)


class Format(StrEnum):
    text = "text"
    json = "json"


FileArg = Annotated[Path, typer.Argument(help=f"报告文件：{SUPPORTED}", show_default=False, metavar="报告文件")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="输出格式：text（默认）或 json")]
LargeOpt = Annotated[bool, typer.Option("--large", help="把文件大小、字数、段落、页数、扫描页数等上限放宽为10倍（见 README“输入的上限”）")]


JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help="同时检查的进程数（默认：本机可用的核数）", show_default=False)]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="在已启动的 Dask 集群上检查，如 tcp://10.0.0.5:8786（见 README“在多台机器上检查”）",
                                                 show_default=False)]
MaxPagesOpt = Annotated[int | None, typer.Option("--max-pages", help="PDF 页数上限，超过即报告无法读取（默认 3000）", show_default=False)]
MemoryOpt = Annotated[int, typer.Option("--memory-limit", help="每个工作进程的内存上限（MB），超过即终止并记为失败")]


def _workers(jobs: int | None, scheduler: str | None, memory_mb: int):  # type: ignore[no-untyped-def]
    from juesuan.batch.run import Workers, cores

    if jobs is not None and jobs < 1:
        _fail("--jobs 应为正整数")
    if memory_mb < 256:
        _fail("--memory-limit 至少为 256（MB）")
    if scheduler is not None and not re.fullmatch(r"(tcp|tls|inproc|ws|wss)://[^\s]{1,200}", scheduler):
        _fail(f"--scheduler 应为 Dask 调度器的地址，如 tcp://10.0.0.5:8786，现为“{scheduler}”")
    return Workers(jobs=jobs or cores(), scheduler=scheduler, memory_mb=memory_mb)


def _max_pages(pages: int | None) -> None:
    if pages is not None:
        from dataclasses import replace

        from juesuan.limits import limits, set_limits

        if pages < 1:
            _fail("--max-pages 应为正整数")
        set_limits(replace(limits(), pdf_pages=pages))


def _allow_large(large: bool) -> None:
    if large:
        from juesuan.limits import limits, set_limits

        set_limits(limits().raised(10))


def _read(path: Path) -> Document:
    """Reads a report, or ends the program with one Chinese line and exit status 2."""
    from juesuan.readers import read

    try:
        return read(path)
    except ReadError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("已中断")
    raise AssertionError("unreachable")


def _fail(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr)
    raise typer.Exit(2)


def _label(section: Section) -> str:
    title = section.title or "（无标题）"
    kind = KIND_LABELS.get(section.kind, section.kind)
    extra = ""
    if section.table is not None:
        extra = f"，{section.table.rows}行×{section.table.columns}列"
    return f"{title}  [dim]〔{kind}，{place(section.location)}{extra}〕[/dim]"


def _tree(outline: Outline, source: Path) -> Tree:
    meta = outline.meta
    head = " · ".join(
        x
        for x in [
            meta.organisation or "（未识别单位）",
            f"{meta.year}年度" if meta.year else "（未识别年度）",
            meta.kind or "（未识别决算类型）",
            LAYOUT_LABELS.get(meta.layout, meta.layout),
        ]
    )
    tree = Tree(f"[bold]{head}[/bold]  [dim]{source}[/dim]")

    def add(node: Tree, section: Section) -> None:
        child = node.add(_label(section))
        for sub in section.children:
            add(child, sub)

    for section in outline.sections:
        add(tree, section)
    return tree


@app.command()
def outline(path: FileArg, fmt: FormatOpt = Format.text, large: LargeOpt = False) -> None:
    """显示报告的结构：各部分、各项说明、附件和附表，以及它们所在的行或页。"""
    _allow_large(large)
    document = _read(path)
    result = build_outline(document)
    if fmt is Format.json:
        data = {
            "source": str(path),
            "report": result.meta.as_json(),
            "truncation": result.truncation,
            "start_cut": result.start_cut,
            "contents": [e.as_json() for e in result.contents],
            "sections": [s.as_json() for s in result.sections],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(_tree(result, path))
    if result.meta.kind == "预算":
        out.print("[magenta]这是一份预算报告，不是决算报告。[/magenta]")
    for cut in (result.start_cut, result.truncation):
        if cut:
            out.print(f"[magenta]文本不完整：{escape(cut)}。[/magenta]")
    if not result.sections and result.contents:
        out.print("目录（正文中没有这些部分）：")
        for entry in result.contents:
            out.print(f"{'  ' * (min(entry.level, 3) - 1)}{escape(entry.title)}  [dim]〔{place(entry.location)}〕[/dim]")
    elif not result.sections:
        out.print("[yellow]未识别出任何部分或章节：这可能不是一份决算公开报告，或是没有标题的片段。[/yellow]")


@app.command()
def extract(path: FileArg, fmt: FormatOpt = Format.text, large: LargeOpt = False) -> None:
    """提取报告中的全部数字（金额、占比、增减、完成率、数量、表格）到结构化模型。"""
    _allow_large(large)
    from juesuan.pipeline import analyse

    analysis = analyse(_read(path))
    if fmt is Format.json:
        print(analysis.disclosure.model_dump_json(indent=2))
        return
    from juesuan.model.labels import path_label

    for field_path, figure in analysis.figures:
        where = place(figure.location)
        out.print(f"{escape(path_label(field_path))} = [bold]{escape(figure.raw)}[/bold]  [dim]{where}  {escape(field_path)}[/dim]")


class MinSeverity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="一个或多个报告文件", show_default=False, metavar="报告文件…")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="输出格式：text（默认）、json、html、csv 或 xlsx；"
                                            "不给时按 -o 文件的扩展名", show_default=False)] = None,
    select: Annotated[str | None, typer.Option("--select", help="只运行这些规则（逗号分隔，可用前缀，如 R1,T）")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="不运行这些规则（逗号分隔，可用前缀）")] = None,
    min_severity: Annotated[MinSeverity, typer.Option("--min-severity", help="只报告不低于此级别的问题")] = MinSeverity.info,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是屏幕（html 格式默认写入 报告名.check.html）")] = None,
    money_slack: Annotated[str, typer.Option("--money-slack", help="金额比较额外放宽的万元数（默认0：只容许末位四舍五入）")] = "0",
    percent_slack: Annotated[str, typer.Option("--percent-slack", help="百分比比较额外放宽的百分点（默认0）")] = "0",
    partial: Annotated[bool, typer.Option("--partial", help="文本只是报告的一部分：缺失部分涉及的检查记为数据不足，不报缺项")] = False,
    time_limit: Annotated[float, typer.Option("--time-limit", help="每个文件读取、分析和检查的时限（秒），超过即报告“文件过于复杂”")] = TIME_LIMIT_S,
    large: LargeOpt = False,
    jobs: JobsOpt = None,
    scheduler: SchedulerOpt = None,
    max_pages: MaxPagesOpt = None,
    memory_limit: MemoryOpt = 2048,
) -> None:
    """按规则目录检查报告（可给文件夹）：每个问题标明所在行或页；多个文件时用全部核并行检查，最后给出汇总。
    退出码 0 无错误，1 有错误，2 有文件无法读取。"""
    _allow_large(large)
    _max_pages(max_pages)
    from juesuan.files import files_in

    files = list(files_in(paths))
    if not files:
        _fail("给出的文件夹中没有支持格式的报告文件")
    workers = _workers(jobs, scheduler, memory_limit)
    from juesuan.files import WriteError, write_failure
    from juesuan.outputs import Destination, find_output
    from juesuan.pipeline import CheckOptions, check_file
    from juesuan.rules import Severity, Tolerance

    try:
        tolerance = Tolerance(money_slack=Decimal(money_slack), percent_slack=Decimal(percent_slack))
    except InvalidOperation:
        _fail("--money-slack 和 --percent-slack 应为数字，如 0.01")
        return
    options = CheckOptions(select=tuple(_ids(select) or ()), ignore=tuple(_ids(ignore) or ()), tolerance=tolerance,
                           min_severity=Severity(min_severity.value), partial=partial,
                           time_limit=time_limit if time_limit > 0 else None)
    if not options.rules():
        _fail("没有选中任何规则，请检查 --select 和 --ignore")
    try:
        chosen = find_output(fmt, output)
        writer = chosen.start(Destination(output, sys.stdout, len(files) > 1))
    except WriteError as exc:
        _fail(str(exc))
        return
    unreadable = errors = False
    try:
        if len(files) == 1 and not workers.scheduler:  # one file: in this process, no worker to start
            try:
                outcome = check_file(files[0], options)
                errors = outcome.has_errors
                writer.add(outcome)
            except ReadError as exc:
                print(f"错误：{exc}", file=sys.stderr)
                unreadable = True
        else:
            unreadable, errors = _check_batch(files, options, workers, writer)
        writer.close()
    except WriteError as exc:
        _fail(str(exc))
    except OSError as exc:  # the disk filled up, or the terminal's pipe closed, while results were written
        _fail(write_failure(output or Path("标准输出"), exc))
    raise typer.Exit(2 if unreadable else 1 if errors else 0)


def _check_batch(files: list[Path], options: Any, workers: Any, writer: Any) -> tuple[bool, bool]:
    """Many files over the workers: results written in input order, a progress bar, a summary at the end."""
    from juesuan.batch.cluster import ClusterError
    from juesuan.batch.pool import in_order
    from juesuan.batch.run import run
    from juesuan.batch.summary import Summary

    summary = Summary(workers.describe())
    unreadable = errors = False
    try:
        with _batch_progress(len(files)) as advance:
            for done in in_order(run(files, options, workers)):
                summary.add(done)
                advance()
                if done.outcome is None:
                    print(f"错误：无法读取“{Path(done.path).name}”：{done.reason}", file=sys.stderr)
                    unreadable = True
                    continue
                errors = errors or done.outcome.has_errors
                writer.add(done.outcome)
    except ClusterError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _print_summary(summary, "已中断。")
        raise typer.Exit(130) from None
    _print_summary(summary)
    return unreadable, errors


def _print_summary(summary: Any, first: str = "") -> None:
    lines = summary.lines()
    print("\n".join([first + lines[0], *lines[1:]]), file=sys.stderr)


@contextlib.contextmanager
def _batch_progress(total: int):  # type: ignore[no-untyped-def]
    """A progress bar on the terminal (rate and time left); nothing when standard error is not a terminal."""
    console = Console(stderr=True)
    if total <= 3 or not console.is_terminal:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("检查中"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TextColumn("剩余"), TimeRemainingColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("检查", total=total, rate="")

        def advance() -> None:
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"每秒 {speed:.1f} 份" if speed else "")

        yield advance


def _ids(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


@app.command()
def rules(rule_id: Annotated[str | None, typer.Argument(help="规则编号，如 R101", show_default=False, metavar="[规则编号]")] = None) -> None:
    """列出规则目录；给出编号时说明该规则，并附错误和正确的例子。"""
    from rich.table import Table

    from juesuan.rules import CATALOGUE, find_rule
    from juesuan.rules.base import CATEGORY_LABELS

    if rule_id is None:
        table = Table(title=f"规则目录（{len(CATALOGUE)} 条）")
        for column in ("编号", "类别", "级别", "名称"):
            table.add_column(column)
        for r in CATALOGUE:
            table.add_row(r.id, CATEGORY_LABELS[r.category], r.severity.label, r.title)
        out.print(table)
        return
    found = find_rule(rule_id)
    if found is None:
        _fail(f"没有编号为“{rule_id}”的规则（运行 juesuan rules 查看全部）")
        return
    out.print(f"[bold]{found.id} {escape(found.title)}[/bold]  〔{CATEGORY_LABELS[found.category]}，{found.severity.label}〕")
    out.print(escape(found.description))
    out.print("\n[red]错误的例子：[/red]")
    out.print(escape(found.bad))
    out.print("\n[green]正确的例子：[/green]")
    out.print(escape(found.good))


@app.command()
def generate(
    data: Annotated[Path | None, typer.Argument(help="数据文件：.yaml、.json 或 .xlsx（见 juesuan template）", show_default=False,
                                                   metavar="[数据文件]")] = None,
    layout: Annotated[str, typer.Option("--layout", help="版式：sichuan（四川）或 shanghai（上海）")] = "sichuan",
    out_path: Annotated[Path, typer.Option("--out", "-o", help="输出文件：.docx、.html、.md 或 .pdf", show_default=False)] = Path(
        "report.docx"),
    charts: Annotated[bool | None, typer.Option("--charts/--no-charts", help="是否附图（默认按版式：四川附图，上海不附图）",
                                                show_default=False)] = None,
    source: Annotated[Path | None, typer.Option("--from", help="由已公开的报告重建数据，重写一份改正后的报告（列出改动）",
                                                show_default=False)] = None,
    save_data: Annotated[Path | None, typer.Option("--save-data", help="与 --from 合用：把重建的数据另存为 .yaml，便于核对修改",
                                                   show_default=False)] = None,
) -> None:
    """由本年度决算数据生成完整的决算公开报告（含附表；四川版式附图），数据不一致时拒绝生成并列出全部问题。"""
    from juesuan.files import WriteError, check_target
    from juesuan.generate import GenerationRefused, formats, layouts, load
    from juesuan.generate import generate as write_report

    if layout not in layouts():
        known = "、".join(f"{name}（{cls.label}）" for name, cls in layouts().items())
        _fail(f"不认识的版式“{layout}”（支持 {known}）")
    if out_path.suffix.lower() not in formats():
        _fail(f"不支持的输出格式“{out_path.suffix or '无扩展名'}”（支持 {' '.join(formats())}）")
    if (data is None) == (source is None):
        _fail("请给出数据文件，或用 --from 给出一份已公开的报告（二者选一）")
    if source is not None:
        _from_report(source, layout, out_path, charts, save_data)
        return
    try:
        check_target(out_path)  # before the data is read: a wrong folder is said at once
        report_data = load(data)  # type: ignore[arg-type]
        write_report(report_data, layout, out_path, charts)
    except (ReadError, WriteError) as exc:
        _fail(str(exc))
    except GenerationRefused as exc:
        print(f"错误：数据有 {len(exc.problems)} 处问题，未生成报告：", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        raise typer.Exit(2) from None
    print(f"已生成 {out_path}", file=sys.stderr)


def _from_report(source: Path, layout: str, out_path: Path, charts: bool | None, save_data: Path | None) -> None:
    """generate --from: the published report's source figures, validated like a data file, written again."""
    import yaml

    from juesuan.files import AtomicFile, WriteError, check_target
    from juesuan.generate import GenerationRefused
    from juesuan.generate import generate as write_report
    from juesuan.generate.from_report import changes, rebuilt
    from juesuan.pipeline import analyse

    try:
        check_target(out_path)
        analysis = analyse(_read(source))
        raw, data, refused = rebuilt(analysis)
        saved = save_data or out_path.with_name(f"{source.stem}.data.yaml")
        out = AtomicFile(saved)
        out.file.write(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False))
        out.commit()
        print(f"由报告重建的数据已写入 {saved}", file=sys.stderr)
        if data is None:
            print(f"错误：报告中的数字不全或不一致，无法重写（{len(refused)} 处）：", file=sys.stderr)
            for problem in refused:
                print(f"  {problem}", file=sys.stderr)
            print(f"改正 {saved} 中的数字后运行：juesuan generate {saved} --layout {layout} --out {out_path}", file=sys.stderr)
            raise typer.Exit(2)
        write_report(data, layout, out_path, charts)
        rewritten = analyse(_read(out_path)).disclosure
    except (ReadError, WriteError) as exc:
        _fail(str(exc))
        return
    except GenerationRefused as exc:
        _fail("；".join(exc.problems))
        return
    found = changes(analysis.disclosure, rewritten)
    print(f"已生成 {out_path}（由 {source} 重写）。改动 {len(found)} 处：" if found else
          f"已生成 {out_path}（由 {source} 重写），所述数字没有改动。", file=sys.stderr)
    for line in found:
        print(f"  {line}", file=sys.stderr)


@app.command()
def template(
    yaml_path: Annotated[Path | None, typer.Option("--yaml", help="写出空白的 YAML 数据模板（含中文说明）")] = None,
    xlsx_path: Annotated[Path | None, typer.Option("--xlsx", help="写出空白的 Excel 数据模板（含说明工作表）")] = None,
) -> None:
    """写出空白的数据模板，填写后用 juesuan generate 生成报告。"""
    from juesuan.generate.template import write_yaml_template
    from juesuan.generate.workbook import write_template

    if yaml_path is None and xlsx_path is None:
        _fail("请用 --yaml 文件名 或 --xlsx 文件名 指定要写出的模板")
    if yaml_path is not None:
        write_yaml_template(yaml_path)
        print(f"已写出 {yaml_path}", file=sys.stderr)
    if xlsx_path is not None:
        write_template(xlsx_path)
        print(f"已写出 {xlsx_path}", file=sys.stderr)


DbOpt = Annotated[str | None, typer.Option("--db", help="数据库：SQLite 文件路径或 PostgreSQL 地址（postgresql://…）；"
                                          "默认取环境变量 JUESUAN_DB，再默认为当前目录的 juesuan.db", show_default=False)]
AliasOpt = Annotated[Path | None, typer.Option("--aliases", help="单位别名文件（YAML，每行“旧名称: 新名称”），用于改名的单位",
                                               show_default=False)]
ExportOpt = Annotated[Path | None, typer.Option("--output", "-o", help="导出为 .csv 或 .xlsx 文件", show_default=False)]


def _store(db: str | None):  # type: ignore[no-untyped-def]
    from juesuan.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        _fail(str(exc))


_ACTIONS = {"stored": "已入库", "updated": "已更新（规则已变）", "unchanged": "已在库中", "unreadable": "无法读取，已记录"}


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="报告文件或文件夹（递归查找支持的格式）", show_default=False,
                                                 metavar="文件或文件夹…")],
    db: DbOpt = None,
    time_limit: Annotated[float, typer.Option("--time-limit", help="每个文件的时限（秒）")] = TIME_LIMIT_S,
    large: LargeOpt = False,
    jobs: JobsOpt = None,
    scheduler: SchedulerOpt = None,
    max_pages: MaxPagesOpt = None,
    memory_limit: MemoryOpt = 2048,
) -> None:
    """读取、检查报告并存入数据库（多个文件时并行；每份报告一个事务；已入库的文件跳过，中断后再运行即从中断处继续；
    规则变化后重新检查）。"""
    from juesuan.batch.cluster import ClusterError
    from juesuan.pipeline import CheckOptions
    from juesuan.store.ingest import ingest as put

    _allow_large(large)
    _max_pages(max_pages)
    workers = _workers(jobs, scheduler, memory_limit)
    store = _store(db)
    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"找不到 {missing[0]}")
    counts: dict[str, int] = {}

    def show(result) -> None:  # type: ignore[no-untyped-def]
        counts[result.action] = counts.get(result.action, 0) + 1
        label = _ACTIONS[result.action]
        number = f"#{result.report_id} " if result.report_id is not None else ""
        print(f"{label}：{result.path} {number}{result.detail}", file=sys.stderr)

    try:
        put(store, paths, CheckOptions(time_limit=time_limit if time_limit > 0 else None), progress=show,
            workers=workers)
    except ClusterError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        print(f"已中断：已入库的报告都已保存（{store.label}）", file=sys.stderr)
        raise typer.Exit(130) from None
    summary = "，".join(f"{_ACTIONS[k]} {v} 份" for k, v in counts.items()) or "没有找到报告文件"
    print(f"{summary}。数据库：{store.label}", file=sys.stderr)


@app.command()
def reports(
    db: DbOpt = None,
    year: Annotated[int | None, typer.Option("--year", help="年度")] = None,
    org: Annotated[str | None, typer.Option("--org", help="单位名称（包含即可）")] = None,
    region: Annotated[str | None, typer.Option("--region", help="地区（包含即可），如 攀枝花市")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="类型：部门决算 或 单位决算")] = None,
    errors: Annotated[bool | None, typer.Option("--errors/--no-errors", help="只列有错误（或没有错误）的报告", show_default=False)] = None,
    output: ExportOpt = None,
) -> None:
    """列出数据库中的报告，可按年度、单位、地区、类型和有无错误筛选。"""
    from juesuan.files import WriteError
    from juesuan.store.compare import Filters
    from juesuan.store.compare import reports as listing
    from juesuan.store.export import write_table

    store = _store(db)
    with store.session() as session:
        found = listing(session, Filters(year=year, organisation=org, region=region, kind=kind, with_errors=errors))
    from juesuan.store.score import score_label

    headers = ["编号", "单位", "年度", "地区", "级别", "类型", "页数", "错误", "警告", "提示", "公开评分", "状态", "文件"]
    rows = [[r.id, r.organisation or "（未识别）", r.year, r.region, r.level, r.kind, r.pages, r.errors, r.warnings,
             r.infos, score_label(r.score, r.score_judged, r.score_method) if r.status == "checked" else None,
             "已检查" if r.status == "checked" else f"无法读取：{r.reason}", r.file_name] for r in found]
    try:
        write_table(f"数据库中的报告（{len(rows)} 份，{store.label}）", headers, rows, output, out)
    except WriteError as exc:
        _fail(str(exc))


@app.command()
def show(
    report_id: Annotated[int, typer.Argument(help="报告编号（juesuan reports 列出）", show_default=False, metavar="编号")],
    db: DbOpt = None,
) -> None:
    """显示数据库中一份报告的关键数字和问题。"""
    from sqlalchemy import select

    from juesuan.store.compare import key_rows
    from juesuan.store.schema import Report, ScorePoint, StoredFinding
    from juesuan.store.score import NOT_JUDGED, score_label

    store = _store(db)
    with store.session() as session:
        report = session.get(Report, report_id)
        if report is None:
            _fail(f"数据库中没有编号为 {report_id} 的报告（juesuan reports 列出全部）")
            return
        out.print(f"[bold]#{report.id} {escape(report.organisation or '（未识别单位）')} {report.year or ''}年度"
                  f"{escape(report.kind or '')}[/bold]  {escape(report.file_name)}")
        if report.status != "checked":
            out.print(f"无法读取：{escape(report.reason or '')}")
            return
        out.print(f"地区：{report.region or '—'}  级别：{report.level or '—'}  页数：{report.pages or '—'}  "
                  f"错误 {report.errors}，警告 {report.warnings}，提示 {report.infos}")
        row = key_rows(session, [report])[0]
        for label, value in row.values.items():
            if value is not None:
                out.print(f"  {label}：{escape(_amount(value, label))}")
        findings = session.scalars(select(StoredFinding).where(StoredFinding.report_id == report.id)
                                   .order_by(StoredFinding.start)).all()
        for f in findings:
            where = f"第{f.page}页" if f.page else f"第{f.line}行" if f.line else ""
            out.print(f"  [{'red' if f.severity == 'error' else 'yellow' if f.severity == 'warning' else 'dim'}]"
                      f"{f.rule}[/] {escape(where)} {escape(f.message)}")
        out.print(f"公开评分：{escape(score_label(report.score, report.score_judged, report.score_method))}"
                  "（方法见 docs/score.md）")
        points = session.scalars(select(ScorePoint).where(ScorePoint.report_id == report.id)
                                 .order_by(ScorePoint.id)).all()
        for p in points:
            where = f"第{p.page}页 " if p.page else f"第{p.line}行 " if p.line else ""
            lost = "不计" if p.part == NOT_JUDGED else f"-{p.points}"
            out.print(f"  {escape(p.part)} {lost} {escape(p.item)} {escape(where)}{escape(p.reason)}")


def _amount(value: Decimal, label: str) -> str:
    from juesuan.amounts import number
    from juesuan.store.keys import BY_LABEL

    key = BY_LABEL.get(label)
    unit = key.unit if key is not None else ""
    return f"{number(value)}{unit}" if unit == "万元" else f"{value}{unit}"


@app.command()
def compare(
    db: DbOpt = None,
    org: Annotated[str | None, typer.Option("--org", help="一个单位：逐年列出关键数字和增减", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", help="一个年度：各单位并列、排序", show_default=False)] = None,
    region: Annotated[str | None, typer.Option("--region", help="与 --year 合用：只比较这个地区", show_default=False)] = None,
    sort: Annotated[str, typer.Option("--sort", help="与 --year 合用：按哪个数排序（如 本年支出合计、“三公”经费、错误）")] = "本年支出合计",
    aliases: AliasOpt = None,
    output: ExportOpt = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="与 --org 合用：把逐年趋势图存为 .png 或 .svg 文件",
                                               show_default=False)] = None,
) -> None:
    """比较：--org 看一个单位逐年的关键数字（并核对各年报告所述上年数），--year 看同一年度各单位并列排名。"""
    from juesuan.files import WriteError
    from juesuan.store.compare import (
        SORTABLE,
        YEAR_LABELS,
        by_organisation,
        by_year,
        organisation_table,
        previous_year_mismatches,
        year_table,
    )
    from juesuan.store.export import write_chart, write_table
    from juesuan.store.keys import KEYS
    from juesuan.store.names import Aliases

    if (org is None) == (year is None):
        _fail("请给出 --org 单位名称（逐年比较）或 --year 年度（各单位比较）之一")
    if chart is not None and org is None:
        _fail("--chart 只与 --org 合用（一个单位的逐年趋势图）")
    if sort not in SORTABLE:
        _fail(f"不能按“{sort}”排序（可选：{'、'.join(SORTABLE)}）")
    try:
        names = Aliases.load(aliases)
    except ReadError as exc:
        _fail(str(exc))
    store = _store(db)
    labels = [k.label for k in KEYS]
    try:
        with store.session() as session:
            if org is not None:
                rows = by_organisation(session, org, names)
                if not rows:
                    _fail(f"数据库中没有“{org}”的报告（juesuan reports --org {org} 查找）")
                title, headers, table = organisation_table(rows)
                write_table(title, headers, table, output, out)
                if chart is not None:
                    from juesuan.store.trend import trend_image

                    write_chart(lambda fmt: trend_image(rows, title.split(" ")[0] + " 关键数字逐年变化", fmt), chart)
                    print(f"趋势图：{chart}", file=sys.stderr)
                mismatches = previous_year_mismatches(session, names, only=[r.report for r in rows])
                for m in mismatches:
                    print(f"X101 {m.message}：{m.report.file_name} {m.stated_place}“{m.stated_where.sentence[:80]}”；"
                          f"{m.previous_report.file_name} {m.recorded_place}“{m.recorded_where.sentence[:80]}”", file=sys.stderr)
                consecutive = sum(b.report.year == (a.report.year or 0) + 1 for a, b in itertools.pairwise(rows))
                if consecutive and not mismatches:
                    print(f"相邻年度 {consecutive} 对：各年报告所述上年数与上年报告一致（X101 未发现问题）。", file=sys.stderr)
                elif not consecutive:
                    print("没有相邻年度的报告，无法核对报告所述上年数（X101）。", file=sys.stderr)
            else:
                rows = by_year(session, year, region, sort)  # type: ignore[arg-type]
                headers, table = year_table(rows, YEAR_LABELS if output is None else labels)  # a terminal is narrow
                if not table:
                    _fail(f"数据库中没有 {year} 年度{('、' + region) if region else ''}的报告")
                write_table(f"{year}年度各单位关键数字（按{sort}排序，万元）", headers, table, output, out)
    except WriteError as exc:
        _fail(str(exc))


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="监听地址；默认只允许本机访问。监听其他地址时必须设置令牌")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口")] = 8000,
    token: Annotated[str | None, typer.Option("--token", help="访问令牌：上传、生成、删除时需要；也可用环境变量 JUESUAN_TOKEN",
                                              show_default=False)] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="检查上传文件的进程数（0：本机可用的核数）")] = 0,
    max_upload_mb: Annotated[int, typer.Option("--max-upload-mb", help="每个上传文件的大小上限（MB）")] = 50,
) -> None:
    """启动网页和 REST API（浏览器打开 http://127.0.0.1:8000 上传、查看、比较和生成报告）。"""
    try:
        import uvicorn

        from juesuan.web.app import create_app
        from juesuan.web.settings import Settings, is_loopback, token_from_environment
    except ModuleNotFoundError as exc:
        _fail(f"网页服务需要安装 web 扩展（缺少 {exc.name}）：pip install 'juesuan[web]'，或运行 make setup")
        return
    token = token_from_environment(token)
    if not is_loopback(host) and not token:
        _fail(f"监听 {host} 时其他机器也能访问：请用 --token 或环境变量 JUESUAN_TOKEN 设置访问令牌")
    if not 1 <= port <= 65535 or max_upload_mb < 1 or jobs < 0:
        _fail("端口应在 1–65535 之间，上传上限至少 1 MB，进程数不能为负")
    import socket

    try:  # a port already taken is said in one line here, rather than by uvicorn's log after the start
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        _fail(f"无法在 {host}:{port} 启动服务（{'端口已被占用' if exc.errno == 98 else exc.strerror or exc}）")
    from juesuan.store import StoreError

    try:
        web_app = create_app(Settings(db=db, host=host, token=token, jobs=jobs, max_upload_mb=max_upload_mb))
    except StoreError as exc:
        _fail(str(exc))
        return
    print(f"juesuan 网页服务：http://{host}:{port}/ （API 说明：/api/docs；按 Ctrl+C 停止）", file=sys.stderr)
    try:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
    except OSError as exc:
        _fail(f"无法在 {host}:{port} 启动服务（{exc.strerror or exc}）")


@app.command()
def text(path: FileArg, large: LargeOpt = False) -> None:
    """输出报告规范化后的全文（全角数字和标点转为半角，表格每行一行、单元格以制表符分隔）。"""
    _allow_large(large)
    document = _read(path)
    sys.stdout.write(document.normalized)
    if not document.normalized.endswith("\n"):
        sys.stdout.write("\n")


def main() -> None:
    """The console entry point: a usage mistake is one Chinese line and exit status 2, an unexpected failure
    one Chinese line and exit status 3; never a traceback, never the command-line library's English."""
    from juesuan.cli_words import install

    install(app)
    try:
        status = app(standalone_mode=False)
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        kinds = {c.__name__ for c in type(exc).__mro__}  # typer vendors click: its exceptions are known by name
        if "NoArgsIsHelpError" in kinds and getattr(exc, "ctx", None) is not None:
            with contextlib.suppress(BrokenPipeError):
                print(exc.ctx.get_help())  # type: ignore[attr-defined]
            sys.exit(0)
        if "UsageError" in kinds:
            print(f"错误：{_usage(exc, kinds)}", file=sys.stderr)
            sys.exit(2)
        if "Abort" in kinds:
            print("已中断", file=sys.stderr)
            sys.exit(130)
        # a bug of ours must still not show the user a traceback
        print(f"错误：程序内部错误（{type(exc).__name__}: {exc}），请将此行报告给 juesuan 的维护者", file=sys.stderr)
        sys.exit(3)
    try:
        sys.stdout.flush()
    except OSError as exc:  # results could not all be written to the terminal's file or pipe
        from juesuan.files import write_failure

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left for Python to flush at exit
        if not isinstance(exc, BrokenPipeError):  # a closed pipe (… | head) is the reader's choice, not an error
            print(f"错误：{write_failure('标准输出', exc)}", file=sys.stderr)
            sys.exit(2)
    sys.exit(status if isinstance(status, int) else 0)


_ARGUMENTS = {"paths": "报告文件", "path": "报告文件", "data": "数据文件", "rule_id": "规则编号"}


def _usage(exc: Any, kinds: set[str]) -> str:
    """A command-line usage mistake in Chinese, with where to look for the right usage."""
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path.replace("python -m ", "") if ctx is not None else "juesuan"
    hint = f"。用法：{_usage_line(ctx, command)}（{command} --help 查看全部选项）" if ctx is not None else "（运行 juesuan --help 查看用法）"
    param = getattr(exc, "param", None)
    if "NoSuchOption" in kinds:
        return f"没有“{exc.option_name}”这个选项{hint}"
    if "MissingParameter" in kinds:
        name = getattr(param, "name", "") or ""
        return f"缺少{_ARGUMENTS.get(name, f'参数“{name}”')}{hint}"
    if "BadParameter" in kinds:
        name = getattr(exc, "param_hint", None) or (param.opts[0] if param is not None and param.opts else "")
        listed = re.search(r"is not one of (.*)$", str(exc))  # this typer says the choices only in its message
        choices = re.findall(r"'([^']*)'", listed.group(1)) if listed else None
        allowed = f"，可选：{'、'.join(str(c) for c in choices)}" if choices else ""
        return f"参数 {name} 的取值无效{allowed}{hint}".replace("'", "")
    if ctx is not None and "No such command" in str(exc):
        return f"没有这个命令（可用命令：{'、'.join(sorted(ctx.command.commands))}）"
    return f"命令用法有误{hint}"


def _usage_line(ctx: Any, command: str) -> str:
    """The command's usage in Chinese: "juesuan check [选项] 报告文件…"."""
    if getattr(ctx.command, "commands", None):  # the top level: a command is missing or unknown
        return f"{command} 命令 [选项] …"
    arguments = [p for p in ctx.command.params if getattr(p, "param_type_name", "") == "argument"]
    names = [_ARGUMENTS.get(p.name, p.name) + ("…" if getattr(p, "nargs", 1) == -1 else "") for p in arguments]
    return " ".join([command, "[选项]", *names])


if __name__ == "__main__":
    main()
