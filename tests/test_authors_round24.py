"""Round 24: a government work report whose title names no place takes the comprehensive body its
portal page's publisher row names; a city body's text that writes 乡镇(街道) is not thereby a
county-level city's (a province's and a prefecture's reports write it too).  Every name and
sentence is invented."""
from __future__ import annotations

from test_authors import one

_ROWS = "索引号：11460000-0/2023-00041 分类：规划计划\n{row}\n"
_TOWN = ("2031年政府工作报告及2032年工作打算\n一、2031年工作回顾\n"
         "过去一年，镇政府在区委、区政府的领导下，全镇经济平稳增长。\n"
         "全镇农民人均纯收入达到18200元，同比增长6.2%。\n")


def test_a_placeless_government_title_takes_its_publisher_town():
    r = one(_ROWS.format(row="发布机构：云岭区青禾镇 发文日期：2023年02月20日") + _TOWN)
    assert r.org == "云岭区青禾镇" and r.org_rule == "org.title.publisher_government", (r.org, r.org_rule)
    assert r.level == "township_street" and r.domain == "乡镇综合", (r.level, r.domain)


def test_two_bodies_in_the_rows_name_no_publisher():
    r = one(_ROWS.format(row="发布机构：云岭区青禾镇 来源：云岭区白沙镇") + _TOWN)
    assert r.org_rule != "org.title.publisher_government", (r.org, r.org_rule)


def test_a_department_publishing_is_no_government():
    r = one(_ROWS.format(row="发布机构：云岭区发展和改革局 发文日期：2023年02月20日") + _TOWN)
    assert r.org_rule != "org.title.publisher_government", (r.org, r.org_rule)


_CITY = ("2031年，市民政局紧扣全市中心工作，扎实做好各项民政工作。\n一、主要工作\n"
         "全市新建乡镇(街道)社工站36个，实现全覆盖。\n二、下一步打算\n继续抓好各项工作。\n")


def test_township_street_stations_do_not_make_a_city_county_level():
    r = one(_CITY)
    assert r.level == "city", (r.org, r.level, r.level_rule)


def test_a_city_of_its_own_towns_and_streets_stays_county_level():
    r = one(_CITY.replace("乡镇(街道)社工站36个", "14个镇(街道)社工站"))
    assert r.level == "county_district", (r.org, r.level, r.level_rule)


_GOV = ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、工作回顾\n"
        "全市地区生产总值增长5.1%，各项事业稳步前进。\n二、下一步打算\n继续抓好各项工作。\n")


def test_a_government_report_title_dated_late_in_the_year_reviews_that_year():
    r = one("云州市人民政府工作报告（2032年12月28日）\n" + _GOV)
    assert r.year == 2032 and r.year_rule == "year.gov_report.title_date_late", (r.year, r.year_rule)


def test_a_government_report_title_dated_early_in_the_year_reviews_the_year_before():
    r = one("云州市人民政府工作报告(2032年1月15日)\n" + _GOV)
    assert r.year == 2031, (r.year, r.year_rule)


def test_a_mass_organisation_s_line_takes_no_committee_word():
    from workreport.structure import author
    text = "全市残联系统履职尽责：残疾人康复服务扩面，残疾人就业帮扶到户，残疾人组织建设加强，残疾人权益维护有力，残疾人事业宣传深入，残疾人证办理便捷，残疾人助学到位，残疾人文体活动丰富，残疾人托养服务覆盖。"
    found = author.place_line_department("云岭市", "city", text)
    assert found is not None and found[0] == "云岭市残联", found


def test_the_united_front_line_keeps_the_committee_word():
    from workreport.structure import author
    text = "全市统一战线凝心聚力：统战成员学习常态开展，统战干部培训到位，统战团体服务发展，党外人士建言献策，统战宣传深入，统一战线联谊活跃，统战工作格局完善，统战信息报送及时，统战基层网络健全。"
    found = author.place_line_department("云岭市", "city", text)
    assert found is not None and found[0] == "云岭市委统战部", found


def test_a_department_s_speaker_line_with_no_dateline_over_it_names_the_author():
    r = one("云州市青山区发展和改革局局长 张某某\n各位代表：\n受青山区人民政府委托，我向大会报告青山区2031年国民经济和社会发展计划执行情况，请予审议。\n"
            "一、2031年计划执行情况\n全区地区生产总值增长5.6%，各项指标稳步向好。\n二、2032年计划安排\n继续抓好各项工作。\n")
    assert r.org == "云州市青山区发展和改革局" and r.org_rule == "org.speech.speaker_line", (r.org, r.org_rule)
