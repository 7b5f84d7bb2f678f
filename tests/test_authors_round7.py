"""Who wrote a report, round 7 (issue 10): a title that names only a kind of government (the
government, the town's government, a stand-in county) while the sentences name the place; a
youth league committee written with its place word after the league word; a bureau's page on a
portal whose text only says "our district"; a superior's plan a sentence follows; a school's
headline over a dash subtitle.  Every name and sentence is invented."""
from __future__ import annotations

from test_authors import _BODY, one, parse_text, same_unit


def test_a_bare_government_title_yields_to_the_township_the_text_names():
    r = one("政府工作报告\n一、基本情况\n白石沟乡地处山区，交通便利。过去一年，白石沟乡围绕特色种植"
            "做文章，全乡农民收入稳步提高。" + _BODY)
    assert same_unit("白石沟乡", r.org) and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_town_government_title_yields_to_the_named_town_in_traditional_characters():
    r = one("2024年鎮政府工作要點\n一、指導思想\n新的一年，青陽鎮堅持穩增長、惠民生，"
            "全鎮幹部群眾齊心協力。" + _BODY)
    assert same_unit("青陽鎮", r.org) and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_stand_in_county_title_yields_to_the_county_the_text_names():
    r = one("某县档案工作情况汇报\n这几年，青岭县把档案数字化作为重点，全县档案工作稳步推进。" + _BODY)
    assert same_unit("青岭县", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_town_government_title_stays_when_the_text_names_no_town():
    r = one("2024年镇政府工作要点\n一、总体思路\n2024年，全镇上下稳增长、惠民生，各项工作有序推进。" + _BODY)
    assert r.org is not None and "镇" in r.org and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_named_title_is_not_replaced_by_another_town_the_text_names():
    r = one("青阳镇2024年工作总结\n2024年，青阳镇稳增长、惠民生。邻近的白石镇组织现场观摩。" + _BODY)
    assert same_unit("青阳镇", r.org), (r.org, r.org_rule)


def test_a_youth_league_committee_keeps_the_word_order_its_text_uses():
    r = one("以下是小编精心整理的区团委年度工作总结2023年，希望对你有帮助。\n"
            "这一年，白河团区委围绕服务青年就业创业，组织开展各类活动。" + _BODY)
    assert same_unit("白河团区委", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_bureau_page_whose_text_says_our_district_is_the_bureau_of_its_breadcrumb():
    text = ("首页 > 信息公开 > 青山区商务局 > 计划总结\n2021-03-02 09:10\n一、上半年主要工作\n"
            "（一）促消费。我区举办汽车家电促销活动4场，全区零售额回升。\n"
            "（二）稳外贸。我区帮助12家外贸企业参加线上展会。\n二、下半年打算\n继续办好促销活动。\n")
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
    r = one("2022年，我局在县委、县政府领导下抓好春耕备耕。\n一、主要工作\n"
            "根据市农业农村局关于粮食生产的部署，我局早安排、早落实，良种供应充足。\n二、下一步打算\n继续抓好秋粮收储。\n")
    assert r.level == "county_district" and (r.org is None or not r.org.startswith("按照")), \
        (r.org, r.org_rule, r.level)


def test_a_headline_over_a_dash_subtitle_opens_the_school_s_report():
    furn, reps = parse_text("春华秋实 砥砺前行\n——2021-2022学年青禾中学工作总结及新学年工作思路\n"
                            "本学年，我校围绕课堂教学改革，狠抓教学常规，教育质量稳中有升。" + _BODY)
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
    r = one("工作报告\n一、过去一年工作回顾\n去年，我们在自治区党委、政府和市委的领导下，"
            "着力扩投资、办实事，各项工作取得新成效。" + _BODY)
    assert r.level == "city", (r.org, r.org_rule, r.level, r.level_rule)


def test_a_report_led_by_the_province_alone_stays_the_province_s():
    r = one("工作报告\n一、过去一年工作回顾\n去年，我们在省委、省政府的领导下，"
            "着力扩投资、办实事，各项工作取得新成效。" + _BODY)
    assert r.level in ("province", None), (r.org, r.org_rule, r.level, r.level_rule)
