"""Who wrote a report, round 8 (issue 10): how bodies name themselves on pages the rules had not
met -- a street office whose opening verb is "突出抓好"; a doc-share page whose title runs into the
first sentence (the text's own name for the bureau, not the title's); a university president's
report to the staff congress (the dateline names the university, its line is education); a city
finance bureau that ranks itself among the prefectures; a bureau that calls itself only "our
bureau" but says which line of work it does.  Every name and sentence is invented."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit


def test_a_street_office_that_stresses_its_work_is_named_by_the_opening():
    r = one("2022年,青石街道突出抓好基层治理和背街小巷改造，全年任务按期完成。\n"
            "一、主要工作\n（一）党建引领基层治理。\n新建小区党支部12个。\n")
    assert same_unit("青石街道", r.org) and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_problems_that_stand_out_are_no_subject():
    from workreport.structure.subjects import subjects
    assert subjects("2023年,白沙镇突出问题依然较多", 60) == []


def test_a_title_run_into_the_first_sentence_yields_to_the_text_s_name():
    r = one("市场监管局2023年工作总结和2024年工作计划范文2023年,市市场监管局坚持稳中求进，"
            "全力守护食品安全底线，全年共完成抽检3200批次。" + _BODY)
    assert same_unit("市市场监管局", r.org), (r.org, r.org_rule)


def test_a_title_standing_alone_still_names_its_author():
    r = one("行署2024年工作报告\n一、过去一年的工作\n2023年，全地区粮食总产稳定在80万吨。\n"
            "二、今年的主要任务\n抓好项目建设。\n")
    assert r.org == "行署", (r.org, r.org_rule)


def test_a_president_s_report_to_the_staff_congress_is_the_university_s():
    r = one("——在云岭理工学院第四届教职工代表大会第二次会议上的工作报告\n（2021年3月6日）\n院长 某某某\n"
            "各位代表、老师们、同志们：\n现在，我代表学院向大会报告工作，请予审议。\n一、2020年工作回顾\n"
            "2020年，学院坚持立德树人，全年招收本科生4200人，全省高校考核位居前列。\n")
    assert same_unit("云岭理工学院", r.org), (r.org, r.org_rule)
    assert (r.level, r.domain, r.year) == ("enterprise_other", "教育", 2020), (r.level, r.domain, r.year, r.domain_rule)


def test_a_city_bureau_ranked_among_the_prefectures_is_city_level_though_it_names_towns():
    r = one("2023年上半年,市财政局坚持稳中求进，全市一般公共预算收入80.2亿元，增幅居全省各地市第3，"
            "指导各镇街加强预算管理。" + _BODY)
    assert same_unit("市财政局", r.org) and r.level == "city", (r.org, r.level, r.level_rule)


def test_our_bureau_takes_the_line_of_work_its_opening_names():
    r = one("过去一年，我局围绕群众关切，着力做好做实市容管理工作，重点抓了四件事。\n"
            "一、加强基层党组织建设\n局机关党支部按期换届，全体党员参加党建培训，党支部开展党员活动，"
            "党组织生活会按期召开，党员队伍素质提高，支部书记讲党课，党建工作扎实。\n"
            "二、整治市容环境\n全年清理占道经营1200处，城管队员每日巡查，环卫作业全覆盖，市容明显改观。\n")
    assert r.domain == "城市管理", (r.org, r.domain, r.domain_rule)


def test_our_bureau_keeps_the_text_s_field_when_the_opening_names_none():
    r = one("过去一年，我局围绕群众关切，各项工作取得了新成效。\n"
            "一、加强基层党组织建设\n局机关党支部按期换届，全体党员参加党建培训，党支部开展党员活动，"
            "党组织生活会按期召开，党员队伍素质提高，支部书记讲党课，党建工作扎实。\n"
            "二、整治市容环境\n全年清理占道经营1200处，城管队员每日巡查，环卫作业全覆盖，市容明显改观。\n")
    assert r.domain != "城市管理", (r.org, r.domain, r.domain_rule)


def test_a_party_department_head_s_speech_is_the_department_s_in_its_own_script():
    r = one("宣傳部長在全縣宣傳思想工作會議上的講話\n同志們:\n根據會議安排,我就全縣宣傳思想工作講三點意見。\n"
            "一、2022年工作回顧\n2022年,全縣宣傳系統堅持正確導向,新聞宣傳成效明顯。\n")
    assert r.org == "宣傳部", (r.org, r.org_rule)
    assert r.domain == "党的建设", (r.domain, r.domain_rule)


def test_a_department_head_s_debrief_is_no_speech_title():
    from workreport.structure.titles import speech_post
    assert speech_post("组织部长述职报告") is None
    assert speech_post("组织部长在全区组织工作会议上的讲话") == "组织部"


def test_a_budget_report_delivered_on_the_town_government_s_behalf_is_the_government_s():
    r = one("各位代表:\n受青石镇人民政府委托,现将青石镇2024年上半年财政预算执行情况报告如下,请予审议。\n"
            "一、上半年预算执行情况\n上半年,全镇一般公共预算收入1200万元,完成年度预算的52%。\n")
    assert same_unit("青石镇人民政府", r.org) and not r.org.startswith("受"), (r.org, r.org_rule)
    assert r.level == "township_street", r.level


def test_an_audit_on_the_government_s_behalf_stays_the_audit_office_s():
    r = one("受白河县人民政府委托，现将2023年度县级预算执行和其他财政收支的审计情况报告如下。\n"
            "一、县级财政管理审计情况\n审计了县财政局具体组织的预算执行情况。\n")
    assert r.org is not None and r.org.endswith("审计局"), (r.org, r.org_rule)


_TEASER = "下面是小编为大家整理的2023年区水利局工作总结，供大家参考。\n"
_PLAN = "一、2023年主要工作\n（一）河湖治理。\n全年清理河道42公里，新建堤防3公里，完成水毁修复12处。\n"


def test_an_essay_teaser_s_bureau_yields_to_the_sector_the_opening_speaks_for():
    r = one(_TEASER + "今年以来,全区水利系统紧紧围绕区委区政府部署，认真履行水利职责，"
            "防汛抗旱和河湖治理取得新成效。\n" + _PLAN)
    assert r.org == "区水利局" and r.domain == "水利", (r.org, r.org_rule, r.domain)


def test_an_essay_teaser_s_bureau_stays_when_the_opening_speaks_for_another_line():
    r = one(_TEASER + "今年以来,全区交通运输系统紧紧围绕区委区政府部署，认真履行职责，"
            "道路建设取得新成效。\n" + _PLAN)
    assert r.org != "全区交通运输系统", (r.org, r.org_rule)


def test_a_half_year_title_names_a_provincial_department_s_division():
    r = one("2020年上半年某省水利厅河湖管理处工作总结及下半年工作计划\n"
            "上半年，我处认真落实河长制各项任务，全省河湖面貌持续改善。\n一、主要工作\n完成河湖划界1200公里。\n")
    assert r.org == "某省水利厅河湖管理处" and r.level == "province", (r.org, r.org_rule, r.level)
