"""Outline tree of one report: headings -> nested Sections with depth and recovered ordinals.

Depth follows the order in which heading families first appear in the report (as Word's
multilevel lists do): the first family seen is depth 1, a new family nests under the current
item, and a family already open closes everything below it.  Bare headings (next year's plan,
unnumbered) sit at depth 1.  Lost ordinals (empty brackets) are recovered from their siblings'
sequence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import rules
from ..model import Heading, LineHint, Paragraph, Section
from .headings import FAMILY_RANK, is_bare_heading, match_heading, render_ordinal

BARE = "bare"
_STYLED_HEADING_MAX = rules.limit("outline", "outline.styled_heading_max_chars")


def _rank(family: str) -> int:
    return -1 if family == BARE else FAMILY_RANK.get(family, 99)


@dataclass
class _Node:
    head: Heading
    depth: int
    children: list["_Node"] = field(default_factory=list)
    end_line: int = 0
    inferred: str | None = None


def headings_of(paragraphs: tuple[Paragraph, ...], stop_line: int | None = None,
                hints: dict[int, LineHint] | None = None, title_line: int | None = None) -> list[Heading]:
    out: list[Heading] = []
    paragraphs = tuple(p for p in paragraphs if p.line_start != title_line)  # a numbered report title
    numbered = [match_heading(p.text, p.line_start, allow_shi=False, normalized=p.norm_text) for p in paragraphs]
    numbered_top = any(h is not None and h.family in ("cn_dun", "chapter") for h in numbered)
    for p, h in zip(paragraphs, numbered):
        if stop_line is not None and p.line_start >= stop_line:
            break
        if h is None:
            h = match_heading(p.text, p.line_start, normalized=p.norm_text)  # inline items (first, second…)
        if h is None:
            hint = hints.get(p.line_start) if hints else None
            text = p.text.strip()
            styled = hint is not None and hint.outline_level and len(text) <= _STYLED_HEADING_MAX
            if is_bare_heading(text, strong=numbered_top, normalized=p.norm_text) or styled:
                h = Heading(line=p.line_start, family=BARE, ordinal=None, value=None,
                            heading=text, rule="outline.bare_heading" if hint is None else "outline.docx_style")
        if h is not None:
            out.append(h)
    return out


def _tree(heads: list[Heading], end_line: int) -> list[_Node]:
    roots: list[_Node] = []
    stack: list[_Node] = []
    fams: list[str] = []  # family open at each depth; len(fams) == len(stack)

    def close_from(d: int) -> None:
        del fams[d:]
        del stack[d:]

    for h in heads:
        fam = h.family
        if fam == BARE:
            fam = fams[0] if fams else BARE
        if fam in fams:
            close_from(fams.index(fam))
        elif fams and fams[-1] == "cn_shi":
            # an inline enumeration (first, second…) never holds numbered headings: close it first
            close_from(len(fams) - 1)
            if fam in fams:
                close_from(fams.index(fam))
        if fams and fam not in fams and _rank(fam) < _rank(fams[0]):
            close_from(0)  # a higher family than the report's first one: it is the real top
        node = _Node(head=h, depth=len(stack) + 1)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        fams.append(fam)
    _close(roots, end_line)
    return roots


def _close(nodes: list[_Node], end_line: int) -> None:
    for k, n in enumerate(nodes):
        n.end_line = (nodes[k + 1].head.line - 1) if k + 1 < len(nodes) else end_line
        _close(n.children, n.end_line)
    _recover(nodes)


def _recover(siblings: list[_Node]) -> None:
    """Fill lost ordinals from the sequence of their numbered siblings."""
    prev = 0
    for n in siblings:
        h = n.head
        if h.value is not None:
            prev = h.value
        elif h.family not in (BARE,) and h.ordinal is None:
            prev += 1
            n.inferred = render_ordinal(h.family, prev)


def _freeze(nodes: list[_Node]) -> tuple[Section, ...]:
    return tuple(
        Section(
            line=n.head.line,
            heading=n.head.heading,
            ordinal=n.head.ordinal,
            depth=n.depth,
            role="other",
            children=_freeze(n.children),
            family=n.head.family,
            value=n.head.value,
            inferred_ordinal=n.inferred,
            end_line=n.end_line,
            rule=n.head.rule,
        )
        for n in nodes
    )


def build_outline(paragraphs: tuple[Paragraph, ...], end_line: int, stop_line: int | None = None,
                  hints: tuple[LineHint, ...] = (), title_line: int | None = None) -> tuple[Section, ...]:
    hint_map = {h.line: h for h in hints} if hints else None
    heads = headings_of(paragraphs, stop_line, hint_map, title_line)
    return _freeze(_tree(heads, end_line if stop_line is None else stop_line - 1))
