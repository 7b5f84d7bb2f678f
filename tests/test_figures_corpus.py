"""Figures of the 62 provincial government work reports of ../shared/corpus (2025 docx text and
2026 web text), as a comparison of provinces needs them: one name for the regional product's
growth whatever the province calls it, the year each figure is about (a 2025 report's review is
2024's, its targets 2025's), and five-year totals never read as one year's figure."""
from __future__ import annotations

from pathlib import Path

import pytest

from structure_helpers import CORPUS, requires_corpus
from workreport.pairing import place_key
from workreport.pipeline import parse_path

GDP_GROWTH = "地区生产总值增长"
NEW_JOBS = "城镇新增就业"
# at least this many of the 31 provinces (three 2025 reports state no 2024 growth at all)
MIN_PROVINCES = 28
# a figure this many times the province's yearly figure is a total over years
TOTAL_OVER_YEARS = 2.5


def _files(folder: str) -> list[Path]:
    return sorted((CORPUS / folder / "txt").glob("*.txt"))


@pytest.fixture(scope="module")
def figures() -> dict[tuple[int, str], list]:
    """{(report year, province): indicators} of every provincial report."""
    out = {}
    for year, folder in ((2025, "provincial_2025_docx"), (2026, "provincial_2026_web")):
        for f in _files(folder):
            out[(year, place_key(str(f)))] = [i for r in parse_path(f).reports for i in r.indicators]
    return out


def _provinces(figures, year: int, want) -> set[str]:
    return {p for (y, p), inds in figures.items() if y == year and any(want(i) for i in inds)}


def _actual(i, measure: str, period: int) -> bool:
    return i.measure == measure and i.kind != "target" and i.period == period and i.period_kind == "annual"


def _target(i, measure: str, period: int) -> bool:
    return i.measure == measure and i.kind == "target" and i.period == period and i.period_end is None


@requires_corpus
def test_all_provinces_are_read(figures):
    assert len({p for y, p in figures if y == 2025}) == 31 and len({p for y, p in figures if y == 2026}) == 31


@requires_corpus
def test_gdp_growth_of_the_reviewed_year_and_the_target_of_the_next(figures):
    assert len(_provinces(figures, 2025, lambda i: _actual(i, GDP_GROWTH, 2024))) >= MIN_PROVINCES
    assert len(_provinces(figures, 2025, lambda i: _target(i, GDP_GROWTH, 2025))) >= MIN_PROVINCES
    assert len(_provinces(figures, 2026, lambda i: _actual(i, GDP_GROWTH, 2025))) >= MIN_PROVINCES
    assert len(_provinces(figures, 2026, lambda i: _target(i, GDP_GROWTH, 2026))) >= MIN_PROVINCES


@requires_corpus
def test_no_target_is_dated_by_the_year_its_report_reviews(figures):
    for (year, province), inds in figures.items():
        for i in inds:
            if i.measure == GDP_GROWTH and i.kind == "target" and i.period_end is None:
                assert i.period == year, (year, province, i.line, i.text, i.period_rule)


@requires_corpus
def test_five_year_totals_of_new_jobs_are_never_annual(figures):
    yearly = {p: max(i.number for i in inds if _actual(i, NEW_JOBS, 2024) and i.number)
              for (y, p), inds in figures.items() if y == 2025 and any(_actual(i, NEW_JOBS, 2024) and i.number for i in inds)}
    assert len(yearly) >= MIN_PROVINCES - 3
    totals = 0
    for (year, province), inds in figures.items():
        for i in inds:
            if i.measure != NEW_JOBS or i.kind == "target" or not i.number or province not in yearly:
                continue
            if i.number > TOTAL_OVER_YEARS * yearly[province]:
                totals += 1
                assert i.period_kind == "cumulative", (year, province, i.line, i.text, i.period_rule)
                assert (i.period, i.period_end) == (2021, 2025), (province, i.text)
    assert totals >= 6  # the 2026 reports review the five years 2021-2025


JOBS = Path(__file__).parent / "cases" / "figures" / "jobs_2025.yaml"
# provinces whose 2026 report gives 2025's new jobs as a figure or as a share of the plan (table)
MIN_JOBS_EVIDENCE = 25


def _at(inds, line: int, text: str, want) -> bool:
    return any(i.line == line and i.text == text and want(i) for i in inds)


@requires_corpus
def test_new_jobs_target_and_result_of_2025_as_the_table_says(figures):
    """The figures tracking needs for 城镇新增就业: the 2025 target in the 2025 report and the
    2025 result in the 2026 report, each with its period, against a table checked by reading."""
    import yaml

    table = yaml.safe_load(JOBS.read_text(encoding="utf-8"))["provinces"]
    assert len(table) == 31
    targets, evidence, wrong = set(), set(), []
    for p, row in table.items():
        if _at(figures[(2025, p)], row["target_line"], row["target"], lambda i: _target(i, NEW_JOBS, 2025)):
            targets.add(p)
        else:
            wrong.append((p, "target"))
        new = figures[(2026, p)]
        if "actual" in row:
            ok = _at(new, row["actual_line"], row["actual"], lambda i: _actual(i, NEW_JOBS, 2025))
        elif "plan_share" in row:
            ok = _at(new, row["plan_share_line"], row["plan_share"],
                     lambda i: i.measure.startswith(NEW_JOBS) and i.kind == "rate" and i.period == 2025)
        else:  # no figure for 2025: nothing of 2025 may be read as one
            ok = not any(_actual(i, NEW_JOBS, 2025) for i in new)
            if not ok:
                wrong.append((p, "a 2025 figure where the report has none"))
            continue
        (evidence.add(p) if ok else wrong.append((p, "result")))
    assert len(targets) >= 30 and len(evidence) >= MIN_JOBS_EVIDENCE, wrong
