"""Who wrote a report, round 5 (issue 10): classes seen on fresh pages and rewritten here with
invented units -- a PDF's text that spaces a mask off its town ("xx 镇"), a department of justice
speaking for its line by the line's own name (司法行政系统), a city that ranks itself among counties
(a county-level city), and a government's half-year report whose title stresses its period, not a
department's field.  Every name is invented."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit


def test_a_masked_town_spaced_off_by_a_pdf_is_the_author():
    r = one("乡镇 2022 年工作总结和 2023 年工作计划\n"
            "2022 年,xx 镇党委、政府在市委、市政府的坚强领导下,\n"
            "围绕年初确定的目标任务,强化责任,狠抓落实,全镇呈现出\n"
            "经济发展、社会和谐稳定的良好态势。" + _BODY)
    assert same_unit("xx镇", r.org) and " " not in (r.org or ""), (r.org, r.org_rule)
    assert (r.level, r.domain) == ("township_street", "乡镇综合"), (r.level, r.level_rule, r.domain)


def test_a_placeholder_alone_is_still_no_town_when_the_space_leads_elsewhere():
    r = one("2022年工作总结\n2022年,xx 同志带领全体干部坚持以人民为中心,扎实推进各项工作。" + _BODY)
    assert r.org is None or "同志" not in r.org, (r.org, r.org_rule)


def test_the_justice_line_spoken_for_as_a_whole_is_the_justice_department_s():
    r = one("2022年,南岭司法行政系统以学习贯彻党的二十大精神为统领,以队伍建设为主线,"
            "全面推进法治南岭建设,各项工作取得新成效。" + _BODY)
    assert same_unit("南岭司法行政系统", r.org) and r.domain == "司法行政", (r.org, r.org_rule, r.domain)


def test_the_whole_province_s_justice_line_in_traditional_characters():
    r = one("2022年以來,全省司法行政系統堅持以習近平法治思想為指導,聚焦服務大局,各項工作取得新成效。"
            + _BODY)
    assert r.domain == "司法行政" and r.level == "province", (r.org, r.domain, r.level, r.level_rule)


def test_a_city_bureau_ranked_among_counties_is_a_county_level_city_s():
    r = one("青石市城管局2022年工作总结\n今年以来,市城管局围绕建设美丽城市目标,扎实推进各项工作,"
            "城市管理考核多次位居区县(市)同组首位。" + _BODY)
    assert (r.org, r.level) == ("青石市城管局", "county_district"), (r.org, r.level, r.level_rule)


def test_a_city_bureau_that_directs_its_counties_stays_a_city_s():
    r = one("青石市城管局2022年工作总结\n今年以来,市城管局围绕建设美丽城市目标,指导各区县(市)扎实推进"
            "各项工作,全市城市管理水平明显提升。" + _BODY)
    assert (r.org, r.level) == ("青石市城管局", "city"), (r.org, r.level, r.level_rule)


def test_a_government_s_half_year_title_names_the_government_not_a_field():
    r = one("2022年县政府上半年重点工作情况报告\n一、上半年工作情况\n今年以来,全县上下团结一心,"
            "我县迅速部署各项重点工作,经济社会发展稳中有进。" + _BODY)
    assert r.org == "县政府" and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_government_title_naming_a_line_of_work_is_still_the_department_s():
    r = one("县政府民政工作总结\n今年以来,我局在县委、县政府的正确领导下,扎实推进民政各项工作。" + _BODY)
    assert r.org != "县政府" and r.domain == "民政", (r.org, r.org_rule, r.domain)


def test_a_department_that_calls_itself_only_the_whole_department_is_that_word():
    r = one("同志们:\n今年务虚会请来了两位专家介绍产业情况,分别听取了厅机关各处室的汇报,"
            "全厅上下对明年的农业工作形成了共识。" + _BODY)
    assert r.org == "厅", (r.org, r.org_rule)


def test_the_provincial_department_as_a_city_bureau_s_superior_is_no_author():
    r = one("2022年工作总结\n今年以来,在省厅党组和市委市政府的坚强领导下,各项工作稳步推进。" + _BODY)
    assert r.org != "厅", (r.org, r.org_rule)


def test_the_whole_department_whose_text_is_one_field_s_is_that_field_s_department():
    r = one("同志们:\n这次务虚会听取了厅机关各处室的汇报,全厅上下围绕农业农村工作、粮食生产、"
            "农业产业化、农村改革、高标准农田建设和乡村振兴深入讨论,农业生产和农民增收形势良好。"
            + "\n一、粮食生产\n全省粮食播种面积稳定,农业机械化水平提高,农村人居环境整治、农田水利和"
            "种业振兴扎实推进,农民合作社和家庭农场发展壮大。" * 3 + _BODY)
    assert same_unit("厅", r.org) and len(r.org) >= 2 and r.domain == "农业农村", (r.org, r.org_rule, r.domain)


def test_a_body_named_with_all_its_staff_as_the_subject_is_the_author():
    r = one("2022年度工作总结\n2022年度,在上级主管部门的正确领导下,青石中学全体师生同心同德,团结协作,"
            "努力追求率先发展。" + _BODY)
    assert r.org == "青石中学", (r.org, r.org_rule)


def test_a_bureau_that_sets_out_from_an_aim_is_the_subject_not_the_system_it_leads():
    r = one("xx年,在县委、县政府坚强领导下,__县卫生局从构建和谐社会的高度出发,带领卫生系统广大干部职工,"
            "坚持以人为本,认真落实各项工作目标。" + _BODY)
    assert same_unit("县卫生局", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)
