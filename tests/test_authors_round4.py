"""Who wrote a report, round 4 (issue 10): forms of naming read from real pages of several sites and
rewritten here with invented units -- an essay site's sample marker or a feed's tag before the
title, a notice that carries a plan, a slogan before a dash, a campaign named in quotes, the
court's report to the congress, "our bureau" guided by its line's higher departments, a title that
names only a field of work, a line of work led by a government, a body's name alone over the text,
and a later report's title or session line below the first paragraph of text (a missed start).
Every name is invented."""
from __future__ import annotations

import pytest

from test_authors import _BODY, one, same_unit

_LONG = "，" + "扎实推进各项重点工作，较好完成了年初确定的目标任务" * 3 + "。"


@pytest.mark.parametrize("title,unit", [
    ("篇一:青石县教育局上半年工作总结", "青石县教育局"),
    ("第2篇：《白河县民政局2023年工作总结》", "白河县民政局"),
    ("【精选文档】 白河县林业局2021年工作总结", "白河县林业局"),
    ("(某某网发布)青山区审计局2023年工作总结", "青山区审计局"),
    ("关于印发青山区统计局2023年工作要点的通知", "青山区统计局"),
    ("关于上报《白河县审计局2025年上半年工作总结》的报告", "白河县审计局"),
    ("砥砺奋进 再谱新篇——2022年共青团白河县委工作回顾", "共青团白河县委"),
])
def test_what_a_site_or_a_cover_puts_before_a_title_is_not_the_author(title, unit):
    r = one(title + "\n今年以来，在县委、县政府的正确领导下，各项工作稳步推进。" + _BODY)
    assert r.org == unit, (r.org, r.org_rule)


def test_a_bureau_s_city_work_in_a_title_names_no_city():
    r = one("【Word文档】 白河县林业局城市绿化工作年度总结\n今年以来，我局扎实推进城市绿化。" + _BODY)
    assert (r.org, r.level, r.domain) == ("白河县林业局", "county_district", "林业和园林绿化"), (r.org, r.org_rule)


def test_a_community_named_in_quotes_is_a_campaign_not_the_author():
    r = one("社区工作计划\n为全面开展创建\"文明社区\"活动，巩固文明社区创建成果，结合青松社区实际，"
            "根据\"文明社区\"考评标准，结合青松社区的实际情况，特制定本计划。\n一、创建\"文明社区\"的目的\n"
            "引导社区居民参与。\n二、主要内容\n抓好文明社区创建工作。\n")
    assert r.org == "青松社区" and r.level == "township_street", (r.org, r.org_rule)


def test_the_social_construction_commission_is_its_own_body():
    r = one("20xx年，青山区社工委紧扣全区社会建设重点，扎实推进社区服务项目落地见效。" + _BODY)
    assert (r.org, r.level, r.domain) == ("青山区社工委", "county_district", "其他"), (r.org, r.org_rule, r.domain)


def test_the_court_s_report_to_the_congress_is_the_court_s():
    r = one("——2024年1月10日在青山区第五届人民代表大会第三次会议上\n各位代表：\n"
            "现在，我代表青山区人民法院向大会报告工作，请予审议。\n一、过去一年的工作\n审结案件5000件。\n")
    assert (r.org, r.level, r.domain, r.year) == ("青山区人民法院", "county_district", "政法", 2023), r.org_rule
    # the government's own report on the same dateline stays the government's
    r = one("——2024年1月10日在青山区第五届人民代表大会第三次会议上\n各位代表：\n"
            "现在，我代表区人民政府向大会报告工作，请予审议。\n一、过去一年的工作\n经济平稳增长。\n")
    assert r.domain == "政府工作" and r.org_rule != "org.speech.organ", (r.org, r.org_rule)


def test_our_bureau_guided_by_its_superiors_line_departments_is_that_line_s_bureau():
    r = one("上半年，我局工作在省、市统计部门的业务指导下，紧紧围绕市委、市政府中心工作，各项工作取得较好成效。" + _BODY)
    assert (r.org, r.domain) == ("统计局", "统计"), (r.org, r.org_rule)
    r = one("今年以来，我局在上级部门的指导下，扎实推进各项工作。" + _BODY)  # no line named
    assert r.org_rule != "org.self_reference.field", (r.org, r.org_rule)


def test_a_place_s_field_title_under_that_place_s_government_is_its_department():
    r = one("青山区2023年卫生健康工作总结\n2023年，在区委、区政府的正确领导下，我们全面推进健康青山建设。" + _BODY)
    assert (r.org, r.level, r.domain) == ("青山区卫生健康局", "county_district", "卫生健康"), (r.org, r.org_rule)
    # a government is led by its party committee alone: then the place's government wrote it
    r = one("青山区2023年卫生健康工作总结\n2023年，在区委的坚强领导下，区政府全面推进健康青山建设。" + _BODY)
    assert r.org_rule != "org.title.field_department", (r.org, r.org_rule)


def test_a_title_naming_only_a_line_department_s_field_names_that_department():
    r = one("2023年度水务工作总结\n今年以来，我们紧紧围绕全县中心工作，全县供水保障能力持续提升，全县河道治理稳步推进。"
            + _BODY)
    assert (r.org, r.level, r.domain) == ("县水务局", "county_district", "水利"), (r.org, r.org_rule)
    r = one("2023年统计工作总结\n今年以来，我们认真履职，各项工作稳步推进。" + _BODY)
    assert same_unit("统计局", r.org) and r.domain == "统计", (r.org, r.org_rule)


@pytest.mark.parametrize("title", ["2023年党建工作总结", "2023年安全生产工作总结", "2023年疫情防控工作总结"])
def test_a_field_every_body_works_on_names_no_department(title):
    r = one(title + "\n今年以来，我们认真履职，各项工作稳步推进。" + _BODY)
    assert r.org_rule != "org.title.field_only", (r.org, r.org_rule)


@pytest.mark.parametrize("opening,unit,domain", [
    ("今年以来，青山审计在区委区政府的领导下，紧扣中心工作，扎实开展经济体检。", "区审计局", "审计"),
    ("2020年，教育在区委、区政府的领导下，贯彻落实教育大会精神。", "区教育局", "教育"),
    ("全年水利工作，在市委、市政府和上级水行政主管部门的坚强领导下，圆满完成各项任务。", "市水利局", "水利"),
])
def test_a_line_of_work_led_by_a_government_is_its_department(opening, unit, domain):
    r = one(opening + _BODY)
    assert (r.org, r.domain) == (unit, domain), (r.org, r.org_rule)


def test_a_town_led_by_the_county_government_is_still_the_town():
    r = one("今年以来，在县委、县政府的正确领导下，我镇紧紧围绕中心工作，扎实推进各项工作。" + _BODY)
    assert r.level == "township_street" and r.org_rule != "org.subject.opening", (r.org, r.org_rule)


def test_a_body_s_name_alone_over_a_title_less_text_is_the_author():
    r = one("云岭省水利厅\n\n2023年在省委、省政府坚强领导下，全省水利系统深入推进水网建设，圆满完成年度目标任务。"
            + _BODY)
    assert (r.org, r.level, r.domain) == ("云岭省水利厅", "province", "水利"), (r.org, r.org_rule)


def test_a_session_line_below_the_first_paragraph_of_text_is_a_later_report_s():
    r = one("2023年，我场深入推进森林资源保护和生态修复" + _LONG + "\n政府工作报告\n"
            "——2024年1月5日在某某镇第十八届人民代表大会第三次会议上\n各位代表：\n"
            "现在，我代表某某镇人民政府向大会报告工作。\n一、过去一年的工作\n经济平稳增长。\n")
    assert r.org != "某某镇人民政府" and r.org_rule != "org.speech.on_behalf", (r.org, r.org_rule)


def test_a_title_fused_below_the_first_paragraph_of_text_is_a_later_report_s():
    r = one("2023年，我场深入推进森林资源保护和生态修复" + _LONG + "\n"
            "1、白河县卫生局2023年工作总结今年以来，县卫生局扎实推进医疗卫生工作。\n一、主要工作\n抓好医改。\n")
    assert r.org != "白河县卫生局", (r.org, r.org_rule)


@pytest.mark.parametrize("title,unit,level,domain", [
    ("县长在全县经济工作会议上的讲话", "县人民政府", "county_district", "政府工作"),
    ("白河县县长在2023年全县经济工作会议上的讲话", "白河县人民政府", "county_district", "政府工作"),
    ("局长在全市民政工作会议上的讲话", "市民政局", "city", "民政"),
    ("青山区民政局局长张某某在全区民政工作会议上的讲话", "青山区民政局", "county_district", "民政"),
])
def test_a_leader_s_speech_speaks_for_the_body_of_the_post(title, unit, level, domain):
    r = one(title + "\n同志们：\n这次会议的主要任务是总结2023年的工作，部署今年的任务。" + _BODY)
    assert (r.org, r.level, r.domain) == (unit, level, domain), (r.org, r.org_rule)


def test_a_title_that_begins_with_a_government_named_as_a_superior_is_its_own():
    r = one("1、区政府2021年工作计划2021年是新一届政府的开局之年，做好今年的政府工作至关重要。" + _BODY)
    assert (r.org, r.level, r.domain) == ("区政府", "county_district", "政府工作"), (r.org, r.org_rule)
    # but a government's name before a department's field is that field's title
    r = one("县政府民政工作总结\n上半年，我局在县委、县政府的领导下，较好完成了目标任务。" + _BODY)
    assert r.org != "县政府", (r.org, r.org_rule)


def test_who_compiled_an_annual_report_names_its_author():
    r = one("2023年政府信息公开工作年度报告\n本报告由白河县卫生健康局根据《中华人民共和国政府信息公开条例》要求编制。"
            + _BODY)
    assert (r.org, r.domain) == ("白河县卫生健康局", "卫生健康"), (r.org, r.org_rule)


def test_a_template_s_blank_is_a_placeholder_name():
    r = one("2023年工作总结\n今年以来，__镇党委政府团结带领全镇干部群众扎实推进各项工作。" + _BODY)
    assert same_unit("__镇", r.org) and r.level == "township_street", (r.org, r.org_rule)


def test_our_school_named_nowhere_is_a_school_and_our_hospital_by_its_field():
    r = one("2023年度工作总结\n今年以来，我校坚持立德树人，全年招生1000人。" + _BODY)
    assert (r.org, r.level, r.domain) == ("学校", "enterprise_other", "教育"), (r.org, r.org_rule)
    r = one("2023年度工作总结\n今年以来，我院坚持以病人为中心，" + "医疗质量、医疗服务、医疗安全持续提升，" * 4
            + "公共卫生服务扎实，疫苗接种有序。" + _BODY)
    assert (r.org, r.level, r.domain) == ("医院", "enterprise_other", "卫生健康"), (r.org, r.org_rule)
