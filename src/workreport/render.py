"""Readable terminal output (rich) for `workreport parse` without --json."""
from __future__ import annotations

from rich.console import Console
from rich.tree import Tree

from .labels import ROLE_LABELS, level_label
from .model import ParsedDocument, Section


def _add(tree: Tree, sections: tuple[Section, ...]) -> None:
    for s in sections:
        label = f"[dim]{s.line:>5}[/dim] {s.heading}  [cyan]〔{ROLE_LABELS.get(s.role, s.role)}〕[/cyan]"
        if s.inferred_ordinal:
            label += f"  [yellow](序号缺失，应为 {s.inferred_ordinal})[/yellow]"
        _add(tree.add(label), s.children)


def print_outline(parsed: ParsedDocument, console: Console | None = None) -> None:
    console = console or Console()
    doc = parsed.document
    console.print(f"[bold]{doc.path}[/bold]  {doc.format}/{doc.encoding}  {len(doc.lines)} 行  "
                  f"{len(parsed.reports)} 篇报告  页面杂项 {len(parsed.furniture_lines)} 行")
    for i, r in enumerate(parsed.reports, 1):
        head = (f"[bold]#{i}[/bold] 行 {r.start_line}–{r.end_line}  单位: {r.org or '?'}  "
                f"层级: {level_label(r.level) or '?'}  领域: {r.domain or '?'}  年度: {r.year or '?'}  "
                f"指标 {len(r.indicators)}  计划 {len(r.plan_items)}  问题 {len(r.findings)}")
        tree = Tree(head)
        _add(tree, r.sections)
        console.print(tree)
