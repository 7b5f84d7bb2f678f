"""Who wrote a report, round 6 (issue 10): how bodies name themselves when no title names them --
a department head's speech at the whole sector's meeting that says whose behalf it speaks on, a
speech title glued to its first words, a sector reviewed at every level of an autonomous region,
a department that calls itself "the whole department" while reviewing its line at every level, a
company that says "we, the company's staff", a plan whose subject says what it will do.  Every
name and sentence is invented."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit


def test_a_speech_at_the_sector_s_meeting_is_the_bureau_the_speaker_speaks_for():
    r = one("在2023年全县林业系统工作会议上的讲话\n同志们：今天召开全县林业系统工作会议，总结去年工作，"
            "部署今年任务。下面，我代表白河县林业局党组讲三点意见。" + _BODY)
    assert (r.org, r.level) == ("白河县林业局", "county_district"), (r.org, r.org_rule, r.level)


def test_a_speaker_for_the_people_of_a_town_names_no_body():
    r = one("在2023年全县林业系统工作会议上的讲话\n同志们：今天召开全县林业系统工作会议，总结去年工作。"
            "我代表全乡的干部群众，向各位领导表示感谢。" + _BODY)
    assert r.org is None or "干部" not in r.org, (r.org, r.org_rule)


def test_a_speech_title_glued_to_its_first_words_names_the_department():
    r = one("在青山县统计局2024年半年工作会上的讲话同志们：今天我们召开半年工作会，盘点上半年"
            "各项工作进展，部署下半年重点任务。上半年，全局上下克服困难，统计调查工作有序推进。" + _BODY)
    assert same_unit("青山县统计局", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_whole_region_s_departments_at_every_level_are_the_region_s_department():
    # (round 21: the region's own department of that line, as the annotations name it, no
    # longer the sector as written)
    r = one("2023年全区交通运输工作总结\n2023年，在自治区党委和政府领导下，"
            "全区各级交通运输部门加快路网建设，各项工作取得新进展。" + _BODY)
    assert same_unit("自治区交通运输厅", r.org) and r.level == "province", (r.org, r.org_rule, r.level, r.level_rule)


def test_a_district_s_departments_at_every_level_stay_a_district_s():
    r = one("2023年全区林业工作总结\n2023年，在区委、区政府的坚强领导下，"
            "全区各级林业部门扎实推进国土绿化，各项工作取得新进展。" + _BODY)
    assert same_unit("区林业局", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_department_speaking_as_the_whole_department_is_its_organ_not_its_line():
    r = one("在全厅林业工作座谈会上的讲话\n同志们：这次座谈会上厅机关各处室都作了交流，大家讲得很实在。\n"
            "一、今年工作回顾\n今年，全省各级林业部门战胜旱情和虫害，"
            "造林任务超额完成。全厅上下团结一心。" + _BODY)
    # (round 11: the department is named as its scope's department of the line it speaks for,
    # as "our department" already was, rather than by its bare organ word)
    assert r.org in ("厅", "省林业厅") and r.level == "province", (r.org, r.org_rule, r.level)


def test_we_the_company_s_staff_names_the_company():
    r = one("引言\n在过去的一年里，我们青河供水公司全体员工齐心协力，提升供水服务质量，确保居民用水安全。"
            + _BODY)
    assert same_unit("青河供水公司", r.org) and r.level == "enterprise_other", (r.org, r.org_rule, r.level)


def test_we_all_together_names_no_body():
    r = one("引言\n在过去的一年里，我们全体干部齐心协力，圆满完成了各项任务。" + _BODY)
    assert r.org is None or "全体" not in r.org, (r.org, r.org_rule)


def test_a_plan_s_subject_says_what_it_will_do():
    r = one("新的一年任务繁重。街道办事处将继续围绕辖区居民最关心的事，"
            "把各项工作做细做实。为此，特拟定今年工作计划。" + _BODY)
    assert same_unit("街道办事处", r.org) and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_city_bureau_that_names_itself_once_with_a_municipality_is_provincial():
    r = one("2023年，市林业局坚持生态优先，扎实推进国土绿化，各项工作取得新进展。全年新增造林面积"
            "12万亩。欢迎关注“天津市林业局”公众号了解更多信息。" + _BODY)
    # (the text's full name of the same bureau may stand for the short one: round 14 in_full)
    assert r.org in ("市林业局", "天津市林业局") and r.level == "province", (r.org, r.level, r.level_rule)


def test_a_city_bureau_that_only_mentions_a_municipality_stays_a_city_s():
    r = one("2023年，市林业局坚持生态优先，扎实推进国土绿化，指导各县区做好工作，赴天津学习考察。" + _BODY)
    assert (r.org, r.level) == ("市林业局", "city"), (r.org, r.level, r.level_rule)


def test_a_speech_s_speaker_body_keeps_the_department_s_own_line_of_work():
    r = one("在2023年全县林业系统工作会议上的讲话\n同志们：今天召开全县林业系统工作会议，总结去年工作，"
            "部署今年任务。下面，我代表白河县林业局党组讲三点意见。" + _BODY)
    assert r.domain != "政府工作", (r.org, r.domain, r.domain_rule)


def test_a_session_line_wrapped_over_two_lines_and_spaced_still_names_the_government():
    r = one("政 府 工 作 报 告\n——2024年1月9日在青山旗第十六届\n人 民 代 表 大 会 第 三 次 会 议 上\n"
            "各位代表：\n现在，我代表旗人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
            "过去的一年，全旗上下团结一心，经济社会发展稳中有进。" + _BODY)
    assert r.org == "青山旗人民政府" and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_banner_that_calls_itself_ours_is_the_banner_s_government():
    r = one("2023年，在盟委、行署的坚强领导下，我旗扎实推进各项工作，牧民人均可支配收入稳步增长。" + _BODY)
    assert r.org is not None and r.org.endswith("人民政府") and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_company_s_subsidiaries_are_no_banner():
    r = one("2023年，青河能源公司紧紧围绕年度目标，我旗下的子公司全部实现盈利。" + _BODY)
    assert r.level == "enterprise_other", (r.org, r.org_rule, r.level)


def test_the_whole_autonomous_region_s_line_of_work_is_provincial():
    r = one("2023年，在自治区党委和政府领导下，全区民政工作坚持以人民为中心，各项工作取得新成效。" + _BODY)
    assert r.level == "province", (r.org, r.org_rule, r.level, r.level_rule)


def test_a_named_city_citing_the_municipalities_as_models_stays_a_city():
    r = one("2023年，云州市工业和信息化局学习北京、上海的先进经验，扎实推进制造业高质量发展，"
            "全省排名第三。" + _BODY)
    assert (r.org, r.level) == ("云州市工业和信息化局", "city"), (r.org, r.level, r.level_rule)


def test_an_audit_report_on_the_government_s_behalf_is_the_audit_office_s():
    r = one("主任、各位副主任、秘书长、各位委员：\n受白河县人民政府委托，现将2023年度县级预算执行和其他财政收支的"
            "审计情况报告如下，请予审议。\n一、县级预算执行审计情况\n审计结果表明，全县财政运行总体平稳。" + _BODY)
    assert (r.org, r.level) == ("白河县审计局", "county_district"), (r.org, r.org_rule, r.level)


def test_a_plan_execution_report_on_the_government_s_behalf_is_not_an_audit_office_s():
    r = one("受白河县人民政府委托，现将今年上半年计划执行情况报告如下，请予审议。" + _BODY)
    assert r.org is None or "审计" not in r.org, (r.org, r.org_rule)


def test_a_disabled_persons_federation_written_in_full_is_the_author():
    r = one("2023年，青山县残疾人联合会在县委、县政府的坚强领导下，扎实推进残疾人康复和就业工作。" + _BODY)
    assert (r.org, r.level) == ("青山县残疾人联合会", "county_district"), (r.org, r.org_rule, r.level)


def test_a_culture_press_and_broadcasting_bureau_by_its_short_name():
    r = one("2023年，区文新广局在区委、区政府的坚强领导下，扎实推进公共文化服务体系建设。" + _BODY)
    assert (r.org, r.level, r.domain) == ("区文新广局", "county_district", "文化旅游"), (r.org, r.level, r.domain)


def test_a_report_supervised_by_its_congress_and_cppcc_is_the_government_s():
    r = one("过去的一年，我们在市委领导下，在市人大、市政协监督支持下，团结依靠全市人民，"
            "扎实推进各项工作，经济社会保持平稳健康发展。" + _BODY)
    assert (r.org, r.level) == ("市人民政府", "city"), (r.org, r.org_rule, r.level)


def test_a_procuratorate_supervised_by_its_congress_is_no_government():
    r = one("去年，全县检察机关在县人大及其常委会、县政协的依法监督下，"
            "各项检察工作稳步推进。" + _BODY)
    assert r.org is None or "政府" not in r.org, (r.org, r.org_rule)


def test_the_whole_town_as_one_is_the_town_s_government():
    r = one("2023年，全镇上下在县委、县政府的坚强领导下，凝心聚力，扎实推进各项工作。" + _BODY)
    assert (r.org, r.level) == ("镇人民政府", "township_street"), (r.org, r.org_rule, r.level)


def test_the_whole_county_in_a_bureau_s_report_leaves_the_bureau_the_author():
    r = one("2023年，全县上下在县委、县政府的坚强领导下，扎实推进各项工作。我局紧紧围绕全县中心工作，"
            "扎实推进统计调查，圆满完成经济普查。" + _BODY)
    assert r.org is not None and "政府" not in r.org, (r.org, r.org_rule)
