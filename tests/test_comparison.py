"""The comparison of one measure (store/comparison.py), on rows made by hand: period years as
columns (never the report's year), actual and target per cell, differences of rates in 百分点,
multi-year totals and figures to a date apart, a bar for one year sorted, a line chart only for
a few bodies."""
from __future__ import annotations

import pytest

from workreport.extract.difference import difference_unit
from workreport.store.comparison import MAX_LINES, compare


def row(org, report_year, period, number, *, kind="growth", unit="%", period_kind="annual", line=1, rid=1,
        phrase=None, normalized=None, period_end=None, measure="地区生产总值增长"):
    nv, nu = normalized if normalized else (number, unit)
    return {"report_id": rid, "org": org, "year": report_year, "level": "province", "measure": measure,
            "measure_phrase": phrase or measure, "value": str(number), "number": number, "unit": unit,
            "normalized_value": nv, "normalized_unit": nu, "kind": kind, "line": line, "span": f"{number}{unit}",
            "document": f"{org}{report_year}.txt", "period": period, "period_end": period_end,
            "period_kind": period_kind, "indicator_id": line}


def test_cells_are_placed_by_period_and_rates_differ_in_points():
    rows = [
        # the 2025 report (reviewing 2024, report year 2024 as the parser gives it) and the 2026 one
        row("甲省", 2024, 2024, 5.3, line=10, rid=1, phrase="全省地区生产总值增长"),
        row("甲省", 2024, 2025, 5.5, kind="target", line=30, rid=1),
        row("甲省", 2025, 2025, 5.4, line=12, rid=2),
        row("甲省", 2025, 2026, 5.0, kind="target", line=40, rid=2),
    ]
    c = compare(rows)
    assert c["years"] == [2024, 2025, 2026]
    (t,) = c["table"]
    assert t["cells"]["2025"]["actual"]["value"] == 5.4 and t["cells"]["2025"]["target"]["value"] == 5.5
    assert t["cells"]["2025"]["gap"] == pytest.approx(-0.1)
    assert c["difference_unit"] == "个百分点" and difference_unit("万人") == "万人"
    assert t["cells"]["2024"]["actual"]["phrase"] == "全省地区生产总值增长"  # the words as written stay
    assert "target" not in t["cells"]["2024"] and "actual" not in t["cells"]["2026"]


def test_five_year_totals_and_figures_to_a_date_are_never_in_a_year_column():
    rows = [
        row("乙省", 2025, 2025, 95, kind="actual", unit="万人", period_kind="annual", line=5),
        row("乙省", 2025, 2021, 452, kind="actual", unit="万人", period_kind="cumulative", period_end=2025, line=6),
        row("乙省", 2025, 2025, 80, kind="actual", unit="万人", period_kind="to_date", line=7),
        row("乙省", 2025, 2026, 90, kind="target", unit="万人", line=8),
    ]
    c = compare(rows)
    assert c["table"][0]["cells"]["2025"]["actual"]["value"] == 95
    assert sorted(a["value"] for a in c["apart"]) == [80, 452]
    assert {a["period_kind"] for a in c["apart"]} == {"cumulative", "to_date"}
    assert all(cell.get("actual", {}).get("value") not in (80, 452) for cell in c["table"][0]["cells"].values())


def test_one_figure_per_cell_the_latest_report_for_an_actual_the_own_year_for_a_target():
    rows = [
        row("丙市", 2024, 2024, 5.1, line=3, rid=1),  # an early figure (estimate) in that year's report
        row("丙市", 2025, 2024, 5.2, line=9, rid=2),  # the next report's final figure
        row("丙市", 2023, 2024, 6.0, kind="target", line=4, rid=3),  # a figure for 2024 in an older plan
        row("丙市", 2024, 2024, 5.5, kind="target", line=20, rid=1),  # the 2024 target in 2024's own report
    ]
    cell = compare(rows)["table"][0]["cells"]["2024"]
    assert cell["actual"]["value"] == 5.2 and cell["actual"]["conflict"] and len(cell["actual"]["others"]) == 1
    assert cell["target"]["value"] == 5.5


def test_units_are_made_alike_and_another_unit_is_left_out():
    rows = [
        row("丁县", 2024, 2024, 2.1, kind="actual", unit="万人", normalized=(21000, "人"), line=1),
        row("戊县", 2024, 2024, 18000, kind="actual", unit="人", normalized=(18000, "人"), line=2),
        row("己县", 2024, 2024, 3.0, kind="actual", unit="万人", normalized=(30000, "人"), line=3),
        row("庚县", 2024, 2024, 12, kind="actual", unit="亿元", normalized=(1.2e9, "元"), line=4),
    ]
    c = compare(rows)
    assert c["unit"] == "万人" and c["other_unit"] == 1
    assert [i["org"] for i in c["bar"]["items"]] == ["己县", "丁县", "戊县"]
    assert c["bar"]["items"][2]["actual"] == pytest.approx(1.8)


def test_bar_year_is_asked_or_the_year_most_bodies_report_and_sorted():
    rows = [row(o, 2024, 2024, v, line=i) for i, (o, v) in enumerate([("A", 5.0), ("B", 6.1), ("C", 5.5)])]
    rows += [row("A", 2025, 2025, 4.0, line=9), row("B", 2025, 2025, 4.5, kind="target", line=10)]
    c = compare(rows)
    assert c["bar"]["year"] == 2024 and [i["org"] for i in c["bar"]["items"]] == ["B", "C", "A"]
    c = compare(rows, year=2025)
    assert c["bar"]["year"] == 2025 and c["bar"]["items"][0] == {"org": "A", "actual": 4.0, "target": None}


def test_line_chart_only_for_a_few_bodies():
    few = [row(f"单位{i}", y, y, 5 + i / 10, line=i * 10 + y - 2020) for i in range(MAX_LINES) for y in (2023, 2024)]
    assert compare(few)["line"]["shown"] and len(compare(few)["line"]["series"]) == MAX_LINES
    many = few + [row("多出的单位", 2024, 2024, 7.0, line=999)]
    assert compare(many)["line"] == {"shown": False, "reason": "orgs", "max": MAX_LINES}
    one_year = [r for r in few if r["period"] == 2024]
    assert compare(one_year)["line"]["shown"] is False


def test_figures_without_a_period_are_only_listed():
    rows = [row("甲", 2024, None, 5.0, period_kind=None), row("乙", 2024, 2024, 5.5)]
    c = compare(rows)
    assert c["unplaced"] == 1 and c["orgs"] == ["乙"] and len(c["rows"]) == 2


def test_bodies_that_leave_their_place_unsaid_stay_apart():
    # two districts' statistics bureaus, each calling itself 区统计局, and two reports naming only
    # themselves (我局): four bodies, not two; a named body keeps one row over its files
    rows = [row("区统计局", 2024, 2024, 6.1, rid=1), row("区统计局", 2024, 2024, 4.8, rid=2),
            row("我局", 2024, 2024, 3.0, rid=3), row("我局", 2024, 2024, 2.0, rid=4),
            row("安吉县统计局", 2024, 2024, 5.0, rid=5), row("安吉县统计局", 2025, 2025, 5.2, rid=6)]
    rows[1]["document"], rows[3]["document"] = "乙区汇编.docx", "丙局.txt"
    rows[5]["document"] = "安吉县统计局2025.txt"
    c = compare(rows)
    assert c["orgs"] == sorted(["区统计局（区统计局）", "区统计局（乙区汇编）", "我局（我局）", "我局（丙局）", "安吉县统计局"])
    assert set(next(t for t in c["table"] if t["org"] == "安吉县统计局")["cells"]) == {"2024", "2025"}


def test_one_districts_compilations_of_two_years_give_one_row():
    # the same placeless bureau in one district's 汇编 of 2024 and of 2025: one body, one row
    rows = [row("区民政局", 2023, 2023, 3.1, rid=1), row("区民政局", 2024, 2024, 3.4, rid=2),
            row("区民政局", 2024, 2024, 2.2, rid=3)]
    rows[0]["document"] = "data/甲区2023年工作总结汇编.txt"
    rows[1]["document"] = "data/甲区2024年度工作总结汇编.docx"
    rows[2]["document"] = "data/乙区2024年工作总结汇编.txt"
    c = compare(rows)
    assert c["orgs"] == ["区民政局（乙区工作总结汇编）", "区民政局（甲区工作总结汇编）"]
    assert set(next(t for t in c["table"] if t["org"] == "区民政局（甲区工作总结汇编）")["cells"]) == {"2023", "2024"}


@pytest.mark.parametrize("org, placeless", [
    ("我局", True), ("本单位", True), ("区统计局", True), ("市委组织部", True), ("镇政府", True), ("xx区民政局", True),
    ("**镇人民政府", True), ("武汉市统计局", False), ("东柳街道", False), ("安吉县人民政府", False),
    ("某某科技有限公司", False),
])
def test_placeless_names(org, placeless):
    from workreport.structure import names
    assert names.placeless(org) is placeless
