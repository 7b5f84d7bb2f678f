"""Figures in tables: each number cell is an Indicator measured by its row and column labels.

A table is a run of lines whose cells are joined by a tab: DOCX rows (the reader marks them
with ``LineHint(style="table")``) or, in text, two or more consecutive lines with the same
number (two or more) of tab-separated cells.  Its unit comes, most specific first, from the
cell itself (a figure with its unit), the row's unit column, the column header (a label with
its unit in brackets), the row label, and last the caption (a unit statement just above the
table or in a row before the header).  The first row that is mostly not numbers is the column header; the first label cell
of a row names the row.  Words live in data/tables.yaml; units and their factors in
data/units.yaml, applied through ``numbers.find_quantities`` so nothing is duplicated.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import rules
from ..model import Indicator, LineHint, Paragraph, Report, Span
from ..textnorm import norm
from .measures import canonical
from .numbers import PERCENT, Quantity, find_quantities

_TABLE = "tables"
_T = rules.load(_TABLE)
_CAPTION = rules.pattern(_TABLE, "tables.caption.unit")
_HEADER_UNIT = rules.pattern(_TABLE, "tables.header.unit")
_UNIT_SEP = rules.pattern(_TABLE, "tables.caption.unit_separator")
_ORDINAL_COL = rules.pattern(_TABLE, "tables.column.ordinal")
_UNIT_COL = rules.pattern(_TABLE, "tables.column.unit")
_DATE_COL = rules.pattern(_TABLE, "tables.column.date")
_KINDS = [(e["kind"], e["id"], rules.compiled(e["pattern"])) for e in _T["kinds"]]
_ROW_ORDINAL = rules.pattern(_TABLE, "tables.row_label.ordinal")
_YEAR = rules.compiled(rules.piece("year"))  # a header cell holding a year is a label, not a figure
_INT = rules.compiled(r"[0-9]{1,3}")
_CAPTION_LOOKBACK = int(rules.limit(_TABLE, "tables.caption_lookback_lines"))
_BRACKETS = rules.entry(_TABLE, "tables.brackets")
_OPENING, _CLOSING = _BRACKETS["open"], _BRACKETS["close"]


@dataclass(frozen=True, slots=True)
class Cell:
    text: str  # the cell as written, surrounding spaces stripped
    col: int  # where ``text`` starts in its line


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]
    units: tuple[str, ...] = ()  # from a caption line above the table
    rule: str = ""

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(r.line for r in self.rows)


# ---------------------------------------------------------------------------------------
# Finding tables.


def report_lines(report: Report) -> list[tuple[int, str]]:
    """(line, text) of every line of the report's paragraphs, in order."""
    out: list[tuple[int, str]] = []
    for p in report.paragraphs:
        ends = [off for _, off in p.pieces[1:]] + [len(p.text)]
        for (ln, off), end in zip(p.pieces, ends):
            out.append((ln, p.text[off:end]))
    return out


def split_cells(text: str) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    pos = 0
    for raw in text.split("\t"):
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(raw.strip(), pos + lead))
        pos += len(raw) + 1
    return tuple(cells)


def find_tables(report: Report, hints: tuple[LineHint, ...] = ()) -> list[Table]:
    lines = report_lines(report)
    hinted = {h.line for h in hints if h.style == "table"}
    n = len(lines)
    counts = [text.count("\t") + 1 if "\t" in text else 0 for _, text in lines]
    member = [lines[k][0] in hinted for k in range(n)]
    k = 0
    while k < n:  # text tables: >= 2 consecutive lines with the same number of cells
        j = k
        while j + 1 < n and counts[k] >= 2 and counts[j + 1] == counts[k]:
            j += 1
        if j > k:
            for m in range(k, j + 1):
                member[m] = True
        k = j + 1
    tables: list[Table] = []
    k = 0
    while k < n:
        if not member[k]:
            k += 1
            continue
        j = k
        while j + 1 < n and member[j + 1]:
            j += 1
        rows = tuple(Row(lines[m][0], split_cells(lines[m][1])) for m in range(k, j + 1))
        units: tuple[str, ...] = ()
        for m in range(k - 1, max(-1, k - 1 - _CAPTION_LOOKBACK), -1):
            if member[m]:
                break
            units = caption_units(lines[m][1])
            if units:
                break
        rule = "tables.docx" if any(r.line in hinted for r in rows) else "tables.tab_separated"
        tables.append(Table(rows, units, rule))
        k = j + 1
    return tables


# ---------------------------------------------------------------------------------------
# Units.


def _known_unit(unit: str) -> bool:
    """Is ``unit`` (multiplier included) a unit of data/units.yaml?"""
    probe = "1" + unit
    qs = find_quantities(probe)
    return len(qs) == 1 and qs[0].end == len(probe) and qs[0].unit != "" and qs[0].dimension != "unknown"


def caption_units(text: str) -> tuple[str, ...]:
    """Units a caption states (every unit it lists, in order); () when it states none."""
    m = _CAPTION.search(norm(text))
    if not m:
        return ()
    s, e = m.span("units")
    parts = [p.strip() for p in _UNIT_SEP.split(text[s:e])]
    units = tuple(p for p in parts if p and _known_unit(p))
    return units


def _caption_only(text: str) -> bool:
    """Is the cell nothing but a caption (a unit statement, bracketed or not)?"""
    m = _CAPTION.search(norm(text))
    return bool(m) and not text[: m.start()].strip(_OPENING) and not text[m.end():].strip(_CLOSING)


def _header_unit(label: str) -> tuple[str, str]:
    """(label without its bracketed unit, unit) for a label with its unit in brackets;
    (label, "") otherwise."""
    m = _CAPTION.search(norm(label))
    units = caption_units(label) if m else ()
    if units:
        return label[: m.start()].rstrip(_OPENING), units[0]
    m = _HEADER_UNIT.search(norm(label))
    if m:
        s, e = m.span("unit")
        unit = label[s:e].strip()
        if _known_unit(unit):
            return label[: m.start()].strip(), unit
    return label, ""


# ---------------------------------------------------------------------------------------
# Cells.


def _cell_quantity(text: str) -> Quantity | None:
    """The one quantity a cell holds when the cell is nothing but that quantity."""
    if not text:
        return None
    qs = find_quantities(text, include_bare=True)
    if len(qs) != 1 or qs[0].start != 0 or qs[0].end != len(text):
        return None
    return qs[0]


def _is_label_row(cells: tuple[Cell, ...]) -> bool:
    filled = [c for c in cells if c.text]
    numeric = sum(1 for c in filled if _cell_quantity(c.text) is not None and not _YEAR.fullmatch(c.text))
    return len(filled) >= 2 and numeric * 2 < len(filled)


def _label_cue(labels: tuple[str, ...]) -> tuple[str, str]:
    """(kind, rule id) from the first label with a kind cue (column label before row label)."""
    for label in labels:
        t = norm(label)
        for kind, rid, pat in _KINDS:
            if t and pat.search(t):
                return kind, rid
    return "", ""


def _kind(labels: tuple[str, ...], q: Quantity, in_plan: bool) -> tuple[str, str]:
    if q.is_placeholder:
        return "placeholder", "tables.kind.placeholder"
    kind, rid = _label_cue(labels)
    if kind:
        return kind, rid
    if in_plan:
        return "target", "tables.kind.plan_section"
    if q.dimension == "percent":
        return "rate", "tables.kind.percent"
    return "actual", "tables.kind.actual"


def _with_unit(written: str, unit: str) -> Quantity | None:
    """A bare number as written, read with ``unit`` through the unit table."""
    probe = written + unit
    qs = find_quantities(probe)
    if len(qs) == 1 and qs[0].end == len(probe) and qs[0].unit:
        return qs[0]
    return None


def _pick_caption_unit(units: tuple[str, ...], kind_hint: str) -> str:
    pct = [u for u in units if norm(u) == PERCENT]
    other = [u for u in units if norm(u) != PERCENT]
    if kind_hint in ("rate", "growth") and pct:
        return pct[0]
    return (other or pct or [""])[0]


def _opens_header(row: Row) -> bool:
    """A row of labels only, one of them stating a unit: the header of a table that follows
    the previous one with no line between (text tables of the same width merge)."""
    filled = [c for c in row.cells if c.text]
    if len(filled) < 2 or any(_cell_quantity(c.text) is not None for c in filled):
        return False
    return any(caption_units(c.text) or _header_unit(c.text)[1] for c in filled)


def _segments(rows: tuple[Row, ...]) -> list[tuple[Row, ...]]:
    out: list[list[Row]] = [[]]
    seen_data = False
    for row in rows:
        if seen_data and _opens_header(row):
            out.append([])
            seen_data = False
        out[-1].append(row)
        seen_data = seen_data or any(_cell_quantity(c.text) is not None for c in row.cells[1:])
    return [tuple(seg) for seg in out if seg]


def table_indicators(table: Table, in_plan=lambda line: False) -> list[Indicator]:
    out: list[Indicator] = []
    for seg in _segments(table.rows):
        out.extend(_segment_indicators(seg, table.units, in_plan))
    return out


def _segment_indicators(rows: tuple[Row, ...], units: tuple[str, ...], in_plan) -> list[Indicator]:
    header: tuple[str, ...] | None = None
    header_units: tuple[str, ...] = ()
    data: list[Row] = []
    for row in rows:
        filled = [c for c in row.cells if c.text]
        stated = next((u for c in filled if (u := caption_units(c.text))), ())
        if header is None and not data:
            if stated:
                units = stated
            if sum(1 for c in filled if not _caption_only(c.text)) <= 1:
                continue  # a caption or title row above the header
            if _is_label_row(row.cells):
                pairs = [_header_unit(c.text) for c in row.cells]
                header = tuple(p[0] for p in pairs)
                header_units = tuple(p[1] for p in pairs)
                continue
        data.append(row)
    if not data:
        return []
    ncols = max(len(r.cells) for r in data)
    unit_col = next((j for j, h in enumerate(header or ()) if _UNIT_COL.search(norm(h))), None)
    ordinal_cols = {j for j, h in enumerate(header or ()) if _ORDINAL_COL.search(norm(h))}
    skip_cols = {j for j, h in enumerate(header or ()) if _DATE_COL.search(norm(h))}
    if header is None and ncols > 2 and all(
        len(r.cells) > 1 and _INT.fullmatch(r.cells[0].text) and _cell_quantity(r.cells[1].text) is None
        for r in data
    ):
        ordinal_cols = {0}  # a first column of row numbers with labels beside it
    label_col = next((j for j in range(ncols) if j not in ordinal_cols and j != unit_col), 0)
    out: list[Indicator] = []
    for row in data:
        cells = row.cells
        raw_label = cells[label_col].text if label_col < len(cells) else ""
        label, label_unit = _header_unit(_ROW_ORDINAL.sub("", raw_label))
        row_unit = cells[unit_col].text if unit_col is not None and unit_col < len(cells) else ""
        if row_unit and not _known_unit(row_unit):
            row_unit = ""
        for j, cell in enumerate(cells):
            if j == label_col or j == unit_col or j in ordinal_cols or j in skip_cols:
                continue
            q0 = _cell_quantity(cell.text)
            if q0 is None:
                continue
            col_label = header[j] if header is not None and j < len(header) else ""
            col_unit = header_units[j] if header is not None and j < len(header_units) else ""
            labels = (col_label, label)
            q = q0
            if not q0.unit:  # a bare number: the table's unit applies
                # most specific first; a % column stays % whatever the row label says
                pct_col = col_unit if norm(col_unit) == PERCENT else ""
                unit = (row_unit or pct_col or label_unit or col_unit
                        or _pick_caption_unit(units, _label_cue(labels)[0]))
                if unit:
                    q = _with_unit(cell.text, unit) or q0
            if not q.unit and _YEAR.fullmatch(cell.text):
                continue  # a year in a date column, not a figure
            kind, krule = _kind(labels, q, in_plan(row.line))
            named = canonical(label + col_label)
            out.append(
                Indicator(
                    line=row.line,
                    span=Span(cell.col + q0.start, cell.col + q0.end),
                    text=cell.text[q0.start:q0.end],  # offsets of the cell: an exact substring
                    value=q0.value,
                    number=q0.number,
                    unit=q.unit,
                    measure=named.name or label + col_label,
                    kind=kind,
                    normalized_value=q.normalized_value if q.normalized_unit else None,
                    normalized_unit=q.normalized_unit or None,
                    low=q0.low,
                    high=q0.high,
                    qualifier=q0.qualifier,
                    rules=("tables.cell", q.rule, krule, *named.rules),
                    measure_phrase=label + col_label,
                )
            )
    return out


def text_cells(table: Table) -> list[tuple[int, Cell]]:
    """(line, cell) of the cells that are text, not one figure: read as prose by the caller
    (a progress column stating the investment completed so far)."""
    return [(r.line, c) for r in table.rows for c in r.cells if c.text and _cell_quantity(c.text) is None]


def without_lines(p: Paragraph, drop: frozenset[int]) -> list[Paragraph]:
    """``p`` cut into the runs of its lines that are not in ``drop`` (table rows)."""
    if not any(ln in drop for ln, _ in p.pieces):
        return [p]
    ends = [off for _, off in p.pieces[1:]] + [len(p.text)]
    out: list[Paragraph] = []
    run: list[tuple[int, str]] = []
    for (ln, off), end in list(zip(p.pieces, ends)) + [((None, 0), 0)]:
        if ln is not None and ln not in drop:
            run.append((ln, p.text[off:end]))
            continue
        if run:
            pieces, text = [], ""
            for rl, rt in run:
                pieces.append((rl, len(text)))
                text += rt
            out.append(Paragraph(run[0][0], run[-1][0], text, tuple(pieces), p.rule))
            run = []
    return out
