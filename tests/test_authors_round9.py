"""Who wrote a report, round 9 (issue 10): a government named as the report itself writes it --
the short "town government" of a summary that never writes the full form, and the speaker's line
of a work report (a banner's short name) over the session's dateline.  Every name and sentence
is invented."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit


def test_a_town_that_only_writes_town_government_keeps_that_form():
    r = one("2024年，在县委、县政府的正确领导下，在镇人大的监督支持下，我带领镇政府班子成员，"
            "围绕年度目标扎实工作，各项任务顺利完成。\n一、主要工作\n（一）产业发展。\n"
            "全年新引进项目6个，镇政府各部门协同推进。\n")
    assert r.org == "镇政府" and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_town_that_writes_its_full_name_keeps_the_full_form():
    r = one("2024年，在县委、县政府的正确领导下，在镇人大的监督支持下，镇人民政府围绕年度目标"
            "扎实工作，镇政府班子团结协作。\n一、主要工作\n（一）产业发展。\n全年新引进项目6个。\n")
    assert r.org == "镇人民政府", (r.org, r.org_rule)


def test_our_county_is_the_county_government_as_the_text_writes_it():
    r = one("今年以来，面对复杂形势，我县统筹发展和安全，县政府常务会议研究重点项目12次，"
            "全县经济运行稳中向好。\n一、上半年工作情况\n（一）项目建设提速。\n新开工项目18个。\n")
    assert same_unit("县政府", r.org), (r.org, r.org_rule)


def test_the_speaker_line_names_the_government_in_its_own_short_form():
    r = one("——在白马尔罕旗第九届人民代表大会第三次会议上\n白马旗人民政府代旗长 某某某\n（2023年1月8日）\n"
            "各位代表：\n现在，我代表旗人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n"
            "过去一年，全旗地区生产总值增长6.1%。\n")
    assert r.org == "白马旗人民政府", (r.org, r.org_rule)
    assert (r.level, r.domain, r.year) == ("county_district", "政府工作", 2022), (r.level, r.domain, r.year)


def test_a_speaker_line_of_another_kind_of_place_does_not_rename_the_dateline():
    r = one("——在青山区第五届人民代表大会第二次会议上\n白河县县长 某某某\n（2023年1月8日）\n"
            "各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n"
            "过去一年，全区地区生产总值增长6.1%。\n")
    assert r.org == "青山区人民政府", (r.org, r.org_rule)


def test_our_bureau_of_petitions_takes_its_line_from_the_text():
    r = one("2023年，在县委、县政府的正确领导下，我局畅通群众来信来访渠道，全年信访形势平稳。\n"
            "一、基本情况\n全年共受理来信来访860件次，其中来信210件，来访650人次，集访同比下降。\n"
            "二、主要做法\n（一）领导接访。局领导轮流接待上访群众，信访事项按期办结率98%。\n"
            "（二）源头化解。对重复信访逐件包案，来访群众满意率提高。\n")
    assert r.domain == "信访" and same_unit("局", r.org), (r.org, r.domain, r.domain_rule)


def test_a_whole_bureau_as_one_is_a_bureau_of_its_text_s_line():
    r = one("今年上半年，全局上下同心协力，紧紧围绕乡村振兴，聚焦农业提质增效。\n"
            "一、上半年工作开展情况\n（一）粮食生产稳定。全区粮食播种面积12万亩，新建高标准农田8000亩。\n"
            "（二）特色种植扩面。发展设施农业，新增种植基地6个，养殖场完成改造4家。\n"
            "（三）农业经营主体壮大。新培育家庭农场20家。\n")
    assert r.domain == "农业农村" and same_unit("局", r.org), (r.org, r.org_rule, r.domain, r.domain_rule)


def test_serving_the_overall_situation_is_no_bureau():
    from workreport.structure.selfref import bare_organ
    r = one("2023年，青石街道坚持服务全局，顾全大局，各项工作取得新进展。\n一、主要工作\n"
            "（一）基层治理。新建网格12个。\n")
    assert r.org == "青石街道办事处" or same_unit("青石街道", r.org), (r.org, r.org_rule)
    assert bare_organ(r) is None


def test_a_bureau_whose_fields_are_mixed_gets_no_guessed_line():
    r = one("2023年，我局围绕中心工作，各项任务顺利完成。\n一、主要工作\n"
            "（一）党建。党员学习12次，党支部换届，党组织生活会召开。\n"
            "（二）业务。新建农田800亩，种植大户培训3次，学校食堂检查6次，教育活动2次。\n")
    assert r.domain is None and r.org == "我局", (r.org, r.domain, r.domain_rule)


def test_a_traditional_character_portal_s_source_row_names_the_department():
    r = one("2022年全省民政工作總結\n時間 : 2023-02-10 09:12:01 來源 : 雲嶺省民政廳\n"
            "2022年，全省民政系統堅持以人民為中心，兜牢基本民生底線，各項工作取得新成效。\n"
            "一、主要工作\n（一）社會救助。全年發放低保金12億元，臨時救助3.2萬人次。\n"
            "（二）養老服務。新建養老服務中心40個。\n")
    assert same_unit("雲嶺省民政廳", r.org) and r.level == "province", (r.org, r.org_rule, r.level)


def test_our_bureau_on_its_own_portal_is_the_department_of_the_masthead():
    r = one("青山市数据资源管理局\n\n来源:本网 发布时间:2023-01-20\n"
            "2022年以来，我局坚持以数字政府建设为牵引，持续推进政务服务一网通办，办事效率明显提高。\n"
            "一、主要成绩\n（一）政务云扩容。新增政务云节点2个。\n（二）一网通办。政务服务事项网办率95%。\n")
    assert same_unit("青山市数据资源管理局", r.org) and r.level == "city", (r.org, r.org_rule, r.level)


def test_a_heading_above_the_report_is_no_masthead():
    from workreport.structure.titles import Evidence, masthead_bodies
    ev = Evidence(rows=((1, "（二）聚焦工业强县"), (2, "白河县统计局"), (9, "白河县林业局")))
    assert masthead_bodies(ev, 5) == [("白河县统计局", 2)]


def test_a_report_written_within_its_year_takes_the_one_year_it_names():
    r = one("今年上半年，全局上下克服汛期影响，聚焦主责主业，各项工作稳步推进。\n"
            "一、上半年工作开展情况\n（一）项目建设。落实2024年城区排水改造补助资金300万元。\n"
            "（二）队伍建设。开展业务培训4次。\n二、下半年工作安排\n抓好项目收尾。\n")
    assert r.year == 2024, (r.year, r.year_rule)


def test_a_summary_that_names_a_past_year_once_is_not_dated_by_it():
    r = one("过去一年，我局聚焦主责主业，各项工作稳步推进。\n"
            "一、主要工作\n（一）项目建设。续建2019年开工的排水改造工程。\n（二）队伍建设。开展业务培训4次。\n")
    assert r.year is None, (r.year, r.year_rule)
