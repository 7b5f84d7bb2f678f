"""Who wrote a report, round 22: a government, street office or town named without its place
takes the place its report's year summing-up names as a stage of its own course ("<year> was an
unusual year in <place>'s development"); the nation's course, a superior's place, a field's or
two different places leave it as it was.  Every name and sentence is invented."""
from __future__ import annotations

from test_authors import _BODY, one

_HEAD = "各位代表：\n现在，我代表{body}向大会报告工作，请予审议。\n一、过去一年的工作回顾\n"


def _gov(body: str, year_line: str):
    return one(_HEAD.format(body=body) + year_line + _BODY)


def test_a_town_government_takes_its_place_from_the_year_slot():
    r = _gov("镇人民政府", "2031年是青禾发展进程中极为不凡的一年，全镇上下攻坚克难，各项事业稳步前进。")
    assert r.org == "青禾镇人民政府" and r.org_rule == "org.year_place", (r.org, r.org_rule)


def test_a_district_government_named_with_its_place_word_in_the_slot():
    r = _gov("区政府", "过去的一年，是柳川区发展历程中很不平凡的一年，全区上下团结奋进。")
    assert r.org.startswith("柳川区") and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_the_nation_s_course_names_no_place():
    r = _gov("区人民政府", "2031年是中国发展进程中极为不凡的一年，全区上下攻坚克难，各项事业稳步前进。")
    assert r.org == "区人民政府", (r.org, r.org_rule)


def test_a_superior_s_place_is_never_taken():
    r = _gov("区人民政府", "2031年是柳川市发展进程中极为不凡的一年，全区上下攻坚克难，各项事业稳步前进。")
    assert r.org == "区人民政府", (r.org, r.org_rule)


def test_a_long_bare_slot_holds_more_than_a_name():
    r = _gov("区人民政府", "2031年是青禾赶超跨越发展进程中极为不凡的一年，全区上下攻坚克难。")
    assert r.org == "区人民政府", (r.org, r.org_rule)


def test_two_places_in_the_slots_tell_nothing():
    r = _gov("镇人民政府", "2031年是青禾发展进程中极为不凡的一年，全镇上下攻坚克难。"
                        "2030年是白沙历史上发展最快的一年，全镇经济稳步增长。")
    assert r.org == "镇人民政府", (r.org, r.org_rule)


def test_a_department_keeps_its_own_naming():
    # a bureau is no jurisdiction: the slot's place is its government's, read by other rules
    r = one("2031年，我局在县委、县政府的正确领导下扎实工作。2031年是青禾发展进程中极为不凡的一年。\n" + _BODY)
    assert r.org_rule != "org.year_place", (r.org, r.org_rule)


def test_the_party_and_the_nation_name_no_place():
    r = _gov("镇人民政府", "2031年是党和国家历史上极为重要的一年，全镇上下攻坚克难。")
    assert r.org == "镇人民政府", (r.org, r.org_rule)
