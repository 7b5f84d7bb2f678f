"""Objects -> the JSON of ../shared/CONTRACT.md (v1): the one place that makes JSON of model
objects, for the CLI, the web API, the store and the exports.  Add fields freely; never rename.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Finding, Indicator, PlanItem, ParsedDocument, Report, Section, enclosing_sections

if TYPE_CHECKING:  # the stages are imported where used: the store writes rows with this module and
    # a command that only reads a library must not load the rules
    from .track import TrackActual, TrackItem, TrackResult, TrackSide, TrackTarget

CONTRACT_VERSION = 1


def _pick(obj: Any, *names: str) -> dict[str, Any]:
    """The named fields of a model object, as they are (the shapes below name every key)."""
    return {n: getattr(obj, n) for n in names}


def rule_text(rules: tuple[str, ...]) -> str:
    """A chain of rule ids as the contract writes it: "numbers.arabic+kind.growth"."""
    return "+".join(rules)


def indicator_json(i: Indicator) -> dict[str, Any]:
    return {
        "line": i.line,
        "span": i.text,
        "col": i.span.start,
        "value": i.value,
        "number": i.number,
        "unit": i.unit,
        "measure": i.measure,
        "measure_phrase": i.measure_phrase,
        "period": i.period,
        "period_end": i.period_end,
        "period_kind": i.period_kind,
        "period_rule": i.period_rule,
        "kind": i.kind,
        "normalized": (
            {"value": i.normalized_value, "unit": i.normalized_unit}
            if i.normalized_value is not None and i.normalized_unit is not None
            else None
        ),
        "low": i.low,
        "high": i.high,
        "qualifier": i.qualifier,
        "rule": rule_text(i.rules),
    }


def section_json(s: Section) -> dict[str, Any]:
    return {**_pick(s, "line", "end_line", "heading", "ordinal", "inferred_ordinal", "depth", "role", "family", "rule"),
            "children": [section_json(c) for c in s.children]}


def finding_json(f: Finding) -> dict[str, Any]:
    """A finding; ``col``/``end_col`` are where ``wrong`` stands in the line (null for a finding
    about a whole report), ``rule_id`` the data rule that made it."""
    return {**_pick(f, "line", "rule", "message", "severity", "wrong", "right"),
            "col": f.span.start if f.span else None, "end_col": f.span.end if f.span else None,
            "rule_id": f.rule_id}


def plan_item_json(p: PlanItem) -> dict[str, Any]:
    return {
        "line": p.line,
        "text": p.text,
        "targets": [indicator_json(t) for t in p.targets],
        "deadline": p.deadline,
        "lead_org": p.lead_org,
        "lead_unit": p.lead_org,  # v1 name of lead_org
        "rule": p.rule,
    }


def value_text(i: Indicator) -> str:
    return f"{i.qualifier or ''}{i.value}{i.unit}" if i.qualifier in ("约", "近", "超过") else f"{i.value}{i.unit}"


def report_json(r: Report) -> dict[str, Any]:
    return {
        "start_line": r.start_line,
        "end_line": r.end_line,
        "org": r.org,
        "org_line": r.org_line,
        "unit": r.org,  # v1 name of org, kept until v2
        "unit_line": r.org_line,  # v1 name of org_line
        "level": r.level,
        "region": r.region,
        "domain": r.domain,
        "year": r.year,
        "title": r.title,
        "org_rule": r.org_rule,
        "level_rule": r.level_rule,
        "domain_rule": r.domain_rule,
        "year_rule": r.year_rule,
        "sections": [section_json(s) for s in r.sections],
        "parts": [_pick(p, "line_start", "line_end", "role", "cue", "rule") for p in r.parts],
        "paragraphs": [
            {"line_start": p.line_start, "line_end": p.line_end, "text": p.text} for p in r.paragraphs
        ],
        "indicators": [indicator_json(i) for i in r.indicators],
        "pairs": [
            {
                "line": p.line,
                "measure": p.measure,
                "target": value_text(p.target),
                "actual": value_text(p.actual),
                "completion": p.completion,
                "rule": p.rule,
                # added in v1.1: the figures as numbers, their unit, the period of the actual
                "target_number": p.target.number,
                "actual_number": p.actual.number,
                "unit": p.actual.unit,
                "period": p.actual.period,
                "period_kind": p.actual.period_kind,
            }
            for p in r.pairs
        ],
        "plan_items": [plan_item_json(p) for p in r.plan_items],
        "findings": [finding_json(f) for f in r.findings],
    }


def parsed_json(parsed: ParsedDocument) -> dict[str, Any]:
    d = parsed.document
    return {
        "contract": CONTRACT_VERSION,
        "source": {"path": d.path, "sha256": d.sha256, "format": d.format, "encoding": d.encoding},
        "chrome_lines": list(parsed.furniture_lines),
        "reports": [report_json(r) for r in parsed.reports],
        "problems": [{"kind": p.kind, "message": p.message, "line": p.line} for p in parsed.problems],
        "unknown_units": unknown_units_json(parsed),
    }


def unknown_units_json(parsed: ParsedDocument) -> list[dict[str, Any]]:
    """Units the unit table does not know yet, with a count and one example each."""
    inds = [i for r in parsed.reports for i in r.indicators]
    return [{"unit": u, "count": n, "example": {"line": i.line, "span": i.text}}
            for u, n, i in _unknown_unit_counts(inds)]


def unknown_units_doc(parsed: ParsedDocument) -> dict[str, Any]:
    return {"contract": CONTRACT_VERSION, "unknown_units": unknown_units_json(parsed)}


def indicator_rows(parsed: ParsedDocument) -> list[dict[str, Any]]:
    """One flat row per indicator with its report and section path (`workreport indicators`)."""
    rows = []
    for r in parsed.reports:
        for i in r.indicators:
            j = indicator_json(i)
            norm = j["normalized"] or {}
            rows.append({
                "org": r.org,
                "report_start_line": r.start_line,
                "section": " / ".join(s.heading for s in enclosing_sections(r.sections, i.line)),
                **{k: j[k] for k in ("line", "col", "span", "value", "number", "unit", "measure", "measure_phrase",
                                     "period", "period_end", "period_kind", "kind")},
                "normalized_value": norm.get("value"),
                "normalized_unit": norm.get("unit"),
                "qualifier": j["qualifier"],
                "rule": j["rule"],
            })
    return rows


def indicators_doc(parsed: ParsedDocument) -> dict[str, Any]:
    return {"contract": CONTRACT_VERSION, "indicators": indicator_rows(parsed)}


def check_json(parsed: ParsedDocument) -> dict[str, Any]:
    """`workreport check --json`: every finding with the line its report starts at."""
    rows = [{**finding_json(f), "report_start_line": r.start_line} for r in parsed.reports for f in r.findings]
    return {"contract": CONTRACT_VERSION, "findings": rows}


def _side_json(s: TrackSide) -> dict[str, Any]:
    out = {"path": s.path, "org": s.org, "unit": s.org, "year": s.year}  # unit: v1 name of org
    if s.report_id is not None:
        out["report_id"] = s.report_id
    return out


def _target_json(t: TrackTarget) -> dict[str, Any]:
    return {"line": t.line, "span": t.text, "low": t.low, "high": t.high, "unit": t.unit, "qualifier": t.qualifier}


def _actual_json(a: TrackActual | None) -> dict[str, Any] | None:
    if a is None:
        return None
    out = {"line": a.line, "span": a.text, "value": a.value, "unit": a.unit, "estimated": a.estimated,
           "match": a.match}  # added: how the evidence was matched to the target (track.TrackActual.match)
    if a.derived:  # added: the value is the target times the share of the plan NEW says was completed
        out.update(derived=a.derived, derived_share=a.share)
    return out


def track_item_json(i: TrackItem) -> dict[str, Any]:
    return {
        "measure": i.measure,
        "rule": i.rule,
        "target": _target_json(i.target),
        "actual": _actual_json(i.actual),
        "status": i.status,
        "margin": i.margin,
        "margin_unit": i.margin_unit,  # added: 个百分点 for a difference of percentages
        "plan_item": {"line": i.plan_item.line, "text": i.plan_item.text} if i.plan_item else None,
    }


def track_json(result: TrackResult) -> dict[str, Any]:
    """The track JSON of CONTRACT.md."""
    return {"contract": CONTRACT_VERSION, "old": _side_json(result.old), "new": _side_json(result.new),
            "items": [track_item_json(i) for i in result.items]}


def _unknown_unit_counts(inds):
    from .extract.indicators import unknown_unit_counts

    return unknown_unit_counts(inds)
