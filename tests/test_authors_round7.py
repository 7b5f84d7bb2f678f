"""Who wrote a report, round 7 (issue 10): a title that names only a kind of government (the
government, the town's government, a stand-in county) while the sentences name the place; a
youth league committee written with its place word after the league word; a bureau's page on a
portal whose text only says "our district"; a superior's plan a sentence follows; a school's
headline over a dash subtitle.  Every name and sentence is invented."""
from __future__ import annotations

from test_authors import _BODY, one, parse_text, same_unit


def test_a_bare_government_title_yields_to_the_township_the_text_names():
    r = one("政府工作报告\n一、基本情况\n在县委县政府的坚强领导下，白石沟乡以产业振兴为抓手，"
            "全乡经济平稳发展，白石沟乡耕地面积稳定。" + _BODY)
    assert same_unit("白石沟乡", r.org) and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_town_government_title_yields_to_the_named_town_in_traditional_characters():
    r = one("2024年鎮政府工作要點\n一、總體思路\n2024年，青陽鎮的總體工作思路是：穩增長、惠民生，"
            "全鎮上下團結一心。" + _BODY)
    assert same_unit("青陽鎮", r.org) and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_stand_in_county_title_yields_to_the_county_the_text_names():
    r = one("某县档案工作情况汇报\n近年来，青岭县大力宣传档案法，全县档案工作稳步推进。" + _BODY)
    assert same_unit("青岭县", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_town_government_title_stays_when_the_text_names_no_town():
    r = one("2024年镇政府工作要点\n一、总体思路\n2024年，全镇上下稳增长、惠民生，各项工作有序推进。" + _BODY)
    assert r.org is not None and "镇" in r.org and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_named_title_is_not_replaced_by_another_town_the_text_names():
    r = one("青阳镇2024年工作总结\n2024年，青阳镇稳增长、惠民生。邻近的白石镇组织现场观摩。" + _BODY)
    assert same_unit("青阳镇", r.org), (r.org, r.org_rule)


def test_a_youth_league_committee_keeps_the_word_order_its_text_uses():
    r = one("下面是小编为大家整理的区团委工作总结和2023年工作计划，供大家参考。\n"
            "今年以来，白河团区委以青年思想引领为重点，扎实推进各项工作。" + _BODY)
    assert same_unit("白河团区委", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_bureau_page_whose_text_says_our_district_is_the_bureau_of_its_breadcrumb():
    text = ("首页 > 政务公开 > 青山区商务局 > 规划计划\n2022-06-23 13:26\n一、工作开展情况\n"
            "（一）经济指标完成情况。一季度，我区社会消费品零售总额增长3.1%，全区外贸平稳。\n"
            "（二）项目推进情况。我区申报项目5个，全部入围。\n二、下半年工作打算\n继续抓好消费促进。\n")
    furn, reps = parse_text(text)
    r = reps[-1]
    assert same_unit("青山区商务局", r.org) and r.domain == "商务", (r.org, r.org_rule, r.domain)


def test_a_breadcrumb_of_sections_only_names_no_bureau():
    text = ("首页 > 政务公开 > 规划计划\n一、工作开展情况\n"
            "（一）经济运行情况。一季度，我区地区生产总值增长5.1%，全区经济平稳。\n二、下半年工作打算\n继续抓好经济运行。\n")
    furn, reps = parse_text(text)
    r = reps[-1]
    assert r.org is None or "局" not in r.org, (r.org, r.org_rule)


def test_a_superior_bureau_whose_plan_a_sentence_follows_is_not_our_bureau():
    r = one("今年以来，在县委、县政府的正确领导下，我局深入推进林长制。\n一、主要工作完成情况\n"
            "按照市林业局“五大行动”工作安排，我局提前谋划，各项工作扎实推进。\n二、下一步打算\n继续抓好森林防火。\n")
    assert r.level == "county_district" and (r.org is None or not r.org.startswith("按照")), \
        (r.org, r.org_rule, r.level)


def test_a_headline_over_a_dash_subtitle_opens_the_school_s_report():
    furn, reps = parse_text("砥砺前行 再谱新篇\n——2021-2022学年青禾中学工作总结及新学年工作思路\n"
                            "一年来，我校以立德树人为根本，聚焦学生成长，各项工作稳步推进。" + _BODY)
    assert len(reps) == 1 and reps[0].start_line == 1, [(x.start_line, x.org) for x in reps]
    r = reps[0]
    assert same_unit("青禾中学", r.org) and r.level == "enterprise_other" and r.year == 2022, \
        (r.org, r.org_rule, r.level, r.year)


def test_an_essay_site_s_short_name_yields_to_the_text_s_full_name_of_the_same_bureau():
    r = one("下面是小编为大家整理的区应急局2023年工作总结，供大家参考。\n"
            "2023年，青溪区应急管理局坚持安全发展理念，扎实推进安全生产专项整治。" + _BODY)
    assert same_unit("青溪区应急管理局", r.org), (r.org, r.org_rule)


def test_an_essay_site_s_name_stays_when_the_text_names_another_place_s_bureau():
    r = one("下面是小编为大家整理的区应急局2023年工作总结，供大家参考。\n"
            "2023年，我局坚持安全发展理念。青溪县应急管理局来我区交流。" + _BODY)
    assert r.org is None or "青溪县" not in r.org, (r.org, r.org_rule)


def test_a_report_led_by_the_province_and_then_the_city_is_the_city_s():
    r = one("工作报告\n一、过去一年工作回顾\n过去的一年，我们在省委、省政府和市委的坚强领导下，"
            "全力稳增长、保民生，各项工作取得新成效。" + _BODY)
    assert r.level == "city", (r.org, r.org_rule, r.level, r.level_rule)


def test_a_report_led_by_the_province_alone_stays_the_province_s():
    r = one("工作报告\n一、过去一年工作回顾\n过去的一年，我们在省委、省政府的坚强领导下，"
            "全力稳增长、保民生，各项工作取得新成效。" + _BODY)
    assert r.level in ("province", None), (r.org, r.org_rule, r.level, r.level_rule)
