"""Who wrote a report, round 10 (issue 10): the body the report names as its own voice wins over
a superior it names as the one who entrusts or leads it -- a department's speaker line under a
congress's dateline (a budget, plan or audit report delivered "on the government's behalf"), and a
department's title with no year glued to a one-line page's first sentence.  Every name and
sentence is invented."""
from __future__ import annotations

from test_authors import one, same_unit


def test_a_budget_report_delivered_for_the_government_is_the_finance_bureau_s():
    r = one("关于青山县2023年财政决算和2024年上半年预算执行情况的报告\n"
            "——2024年7月20日在青山县第五届人民代表大会常务委员会第九次会议上\n"
            "青山县财政局局长 某某某\n主任、各位副主任、各位委员：\n"
            "受县人民政府委托，现将全县2023年财政决算和2024年上半年预算执行情况报告如下，请予审议。\n"
            "一、2023年财政决算情况\n2023年，全县一般公共预算收入完成8.6亿元，增长5.2%。\n")
    assert r.org == "青山县财政局", (r.org, r.org_rule)
    assert (r.level, r.domain) == ("county_district", "财政"), (r.level, r.domain, r.domain_rule)


def test_a_plan_report_with_the_department_as_byline_is_the_department_s():
    r = one("——2024年1月18日在白河省第十四届人民代表大会第二次会议上\n"
            "白河省发展和改革委员会\n各位代表：\n"
            "受省人民政府委托，现将全省2023年国民经济和社会发展计划执行情况与2024年计划草案提请大会审议。\n"
            "一、2023年计划执行情况\n2023年，全省地区生产总值增长5.5%，固定资产投资增长4.1%。\n")
    assert r.org == "白河省发展和改革委员会", (r.org, r.org_rule)
    assert (r.level, r.domain, r.year) == ("province", "发展改革", 2023), (r.level, r.domain, r.year)


def test_an_audit_report_with_the_head_s_line_is_the_audit_office_s():
    r = one("——2024年7月25日在白河省第十四届人民代表大会常务委员会第十次会议上\n"
            "白河省审计厅厅长  某某\n主任、各位副主任、秘书长，各位委员：\n"
            "我受省人民政府委托，向省人大常委会报告2023年度省级预算执行和其他财政收支的审计情况，请审议。\n"
            "去年以来，全省审计机关在省委、省政府的坚强领导下，依法审计了省级预算执行情况，"
            "共审计单位120个，促进增收节支3.2亿元。\n")
    assert r.org == "白河省审计厅" and r.domain == "审计", (r.org, r.org_rule, r.domain)


def test_the_government_s_own_head_under_the_dateline_keeps_the_government():
    r = one("——在青山县第五届人民代表大会第三次会议上\n青山县人民政府县长 某某某\n（2024年1月9日）\n"
            "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n"
            "过去一年，全县地区生产总值增长6.0%。\n")
    assert r.org == "青山县人民政府" and r.domain == "政府工作", (r.org, r.org_rule, r.domain)


def test_an_entrusted_report_naming_no_department_stays_the_government_s():
    r = one("——在青石镇第十八届人民代表大会第四次会议上\n各位代表：\n"
            "受青石镇人民政府委托，向大会作2024年上半年财政预算执行情况的报告，请予审议。\n"
            "一、上半年财政收支情况\n上半年，全镇一般公共预算收入完成1200万元，完成预算的48%。\n")
    assert same_unit("青石镇人民政府", r.org), (r.org, r.org_rule)


def test_a_department_title_without_a_year_glued_to_the_text_names_the_author():
    r = one("青山县民政局上半年优抚安置工作总结今年上半年，优抚安置工作在县委、县政府的正确领导下，"
            "在局党组的带领下，较好完成了半年任务，现总结如下：一、优抚工作。全县发放优抚金320万元，"
            "走访慰问优抚对象860人次。二、安置工作。接收安置退役士兵42名。\n")
    assert same_unit("青山县民政局", r.org) and r.domain == "民政", (r.org, r.org_rule, r.domain)


def test_a_body_led_title_glued_to_a_numbered_first_part_names_the_bureau():
    r = one("某某局服务全县发展工作总结一、全力以赴，在项目服务上实现新突破今年是我县项目建设的攻坚之年，"
            "我局作为牵头部门，主动对接企业42家，协调解决问题68个，全年服务保障重点项目15个。\n")
    assert same_unit("某某局", r.org) and not same_unit("县人民政府", r.org), (r.org, r.org_rule)


def test_a_first_sentence_announcing_the_summary_is_no_title():
    r = one("今年上半年，在县委、县政府的正确领导下，青山县民政局上半年工作总结如下：一是优抚金按时发放，"
            "全县发放优抚金320万元；二是走访慰问优抚对象860人次，接收安置退役士兵42名。\n")
    assert r.org_rule != "org.title.fused", (r.org, r.org_rule)


def test_a_cppcc_standing_committee_s_own_words_win_over_a_title_naming_its_city():
    r = one("青山市第五届委员会常务委员会工作报告\n——在政协青山市第五届委员会第三次会议上\n某某某\n"
            "各位委员、同志们：\n我代表政协青山市第五届委员会常务委员会，向大会报告工作，请予审议。\n"
            "一、2024年工作回顾\n一年来，在市委的坚强领导下，市政协常委会围绕中心、服务大局，"
            "共提出提案210件，立案率96%。\n")
    assert "政协" in (r.org or "") and "人民政府" not in (r.org or ""), (r.org, r.org_rule)


def test_a_superior_after_a_verb_of_following_is_no_author():
    r = one("2023年，全市气象系统深入学习防灾减灾救灾重要论述，严格落实市委、市政府部署要求，"
            "以监测预报为重点，新建自动气象站12个，预警信息覆盖率达到98%。\n"
            "一、主要工作\n（一）监测能力提升。完成观测站升级改造6个。\n")
    assert not (r.org or "").startswith(("严格", "落实")), (r.org, r.org_rule)


def test_a_goal_set_by_the_district_is_no_subject():
    r = one("尊敬的各位领导：\n青河是青山区西部的一个山区乡，辖8个村。\n"
            "今年年初，按区委、区政府提出的经济增长目标，我乡结合乡情认真研究，提出全年增长10%以上的目标，"
            "目前已完成年度任务的92%。\n一、产业发展\n全乡新增经济林3000亩。\n")
    assert not (r.org or "").startswith("按"), (r.org, r.org_rule)


def test_a_sumu_s_congress_dateline_names_the_sumu_government():
    r = one("——2024年3月20日在某某图苏木第十届人民代表大会第二次会议上\n某某某\n各位代表：\n"
            "现在，我代表苏木人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n"
            "过去一年，全苏木牧民人均可支配收入增长7.2%。\n")
    assert r.org == "某某图苏木人民政府" and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_pdf_title_cut_after_its_year_is_read_as_one():
    r = one("2022\n年青山县林业局上半年工作总结\n"
            "上半年，全县林业工作在县委、县政府的领导下，完成造林1.2万亩，森林抚育3000亩，"
            "未发生较大森林火灾。\n一、主要工作\n（一）国土绿化。完成义务植树20万株。\n")
    assert same_unit("林业局", r.org) and r.year == 2022, (r.org, r.org_rule, r.year, r.year_rule)
    assert r.domain == "林业和园林绿化", (r.domain, r.domain_rule)
