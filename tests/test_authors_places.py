"""Who wrote a report whose place's name begins with a character read elsewhere as a function word,
a time word or a self prefix (orgs.yaml function_word_places: 本溪市, 和县, 即墨区, 日照市 …): the
name is kept whole, in a title, in a title-less opening and in the body of a report that calls
itself "our bureau"; the function words, the self-reference and the guards still work for every
other name.  The places are real; every sentence is invented."""
from __future__ import annotations

import pytest

from test_authors import _BODY, one, same_unit
from workreport.structure import names

_LED = "在{0}委、{0}政府的坚强领导下，扎实推进各项工作，较好完成了年度目标任务。"


@pytest.mark.parametrize("org, level, scope", [
    ("本溪市生态环境局", "city", "市"),
    ("本溪满族自治县民政局", "county_district", "县"),
    ("全椒县农业农村局", "county_district", "县"),
    ("和田地区教育局", "city", "地"),
    ("和县水务局", "county_district", "县"),
    ("和平区民政局", "county_district", "区"),
    ("于都县统计局", "county_district", "县"),
    ("即墨区商务局", "county_district", "区"),
    ("日照市林业局", "city", "市"),
    ("都江堰市文化广电旅游局", "county_district", "市"),
    ("会同县交通运输局", "county_district", "县"),
    ("从化区水务局", "county_district", "区"),
    ("向阳区司法局", "county_district", "区"),
    ("将乐县自然资源局", "county_district", "县"),
    ("月湖区审计局", "county_district", "区"),
])
def test_a_title_less_opening_keeps_the_place(org, level, scope):
    r = one(f"2022年，{org}" + _LED.format(scope) + _BODY)
    assert r.org == org and r.level == level, (r.org, r.org_rule, r.level)


@pytest.mark.parametrize("org", ["本溪市生态环境局", "全椒县农业农村局", "和平区民政局", "即墨区商务局", "都匀市市场监督管理局"])
def test_a_title_keeps_the_place(org):
    r = one(f"{org}2022年工作总结\n2022年，我局在上级的坚强领导下，扎实推进各项工作。" + _BODY)
    assert r.org == org, (r.org, r.org_rule)


def test_our_bureau_named_in_the_body_keeps_the_place():
    r = one("2022年工作总结\n2022年，我局在市委、市政府的坚强领导下，扎实推进各项工作。\n一、主要工作\n"
            "本溪市生态环境局牵头开展蓝天行动，本溪市生态环境局全年完成治理项目12个。\n"
            "本溪市生态环境局获评全省生态环境系统先进单位。" + _BODY)
    assert r.org == "本溪市生态环境局", (r.org, r.org_rule)


def test_a_lead_before_another_place_is_still_cut():
    r = one("2022年，全年区应急管理局扎实推进各项工作，安全生产形势总体平稳。" + _BODY)
    assert r.org == "区应急管理局", (r.org, r.org_rule)


def test_this_bureau_is_still_a_self_reference():
    r = one("2022年，本局在区委、区政府的坚强领导下，扎实推进各项工作。" + _BODY)
    assert r.org_rule.startswith("org.self_reference"), (r.org, r.org_rule)


def test_county_committee_and_county_government_is_no_place_called_he():
    r = one("2022年，在县委和县政府的坚强领导下，县水务局扎实推进各项工作，河湖面貌持续改善。" + _BODY)
    assert same_unit("县水务局", r.org) and not r.org.startswith("和"), (r.org, r.org_rule)


def test_name_readers():
    assert names.clean_name("本溪市生态环境局") == "本溪市生态环境局"
    assert names.clean_name("和县水务局") == "和县水务局"
    assert names.clean_name("将乐县自然资源局") == "将乐县自然资源局"
    assert names.clean_name("和日照市林业局") == "日照市林业局"
    assert names.clean_name("全年区应急管理局") == "区应急管理局"
    assert not names.is_self("本溪市生态环境局") and names.is_self("本局") and names.is_self("本镇")
    assert names.place_start("本溪生态环境局") == 2
    assert names.place_start("和平发展") == 0 and names.place_start("向阳花") == 0
    assert names.place_start("和县委") == 0 and names.place_start("全州县域") == 0
