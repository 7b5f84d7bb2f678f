"""Who wrote a report, by the kinds of author the genre has beyond a named bureau (structure/org.py,
author.py, bodies.py): a sector spoken for with its scope, a prefecture's 行署, a county-level city's
bodies, an essay site's lead naming the piece, a name carrying its other name in brackets, a verb
glued to a body's noun, a byline under a title that names only a place, a title's bare street
office that the text names in full, a bare department given a masked place through its function, a
sector named deep into a long opening, a company that names itself by its kind.  Every name is
invented except the county-level cities, whose names are the data being tested (levels.yaml)."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit
from workreport.structure import bodies
from workreport.structure import city_text
from workreport.structure.names import is_body


def test_a_sector_with_its_scope_takes_the_scope_s_level_whatever_else_the_text_names():
    r = one("2022年，全市民政系统聚焦兜底保障，困难群众基本生活得到保障。养老服务体系建设走在全省前列，"
            "社会救助数字化改革位居全省第二，婚姻登记服务获评全省示范，全省首批通过验收。" + _BODY)
    assert (r.level, r.domain, r.org_rule) == ("city", "民政", "org.system"), (r.org, r.level, r.level_rule)


def test_a_prefecture_s_commissioner_office_is_city_level():
    r = one("行署2024年工作报告\n一、过去一年的工作\n2023年，全地区粮食总产稳定在80万吨，"
            "外贸进出口增长9%。\n二、今年的主要任务\n抓好项目建设。\n")
    assert (r.org, r.level, r.domain) == ("行署", "city", "政府工作"), r.org_rule


def test_a_county_level_city_s_body_is_county_level():
    assert bodies.level_of("宜兴市统计局").level == "county_district"
    assert bodies.level_of("云岭市统计局").level == "city"  # not listed: the text decides, city by default
    # a body that writes only 市 in a text that names its county-level city again and again
    text = "市统计局全力做好宜兴市经济普查，宜兴市统计监测体系不断完善，得到云州市统计局肯定，宜兴市名列前茅。"
    assert city_text.city_level_from_text(text) == "county_district"
    # ... but a prefecture's body that directs its counties names them too: the prefecture cue wins
    assert city_text.city_level_from_text("指导各县(市、区)开展普查，宜兴市、宜兴市均按期完成。") == "city"


def test_an_essay_site_s_lead_names_the_author_but_not_the_year():
    r = one("这里是小编收集的2023年青石县人民政府工作情况报告，欢迎阅读。\n"
            "2022年，全县经济运行总体平稳，重点项目加快推进，民生实事全部办结。\n"
            "一、主要工作\n（一）抓项目建设。全年新开工项目12个。\n")
    assert same_unit("青石县人民政府", r.org) and (r.level, r.domain) == ("county_district", "政府工作"), r.org
    assert r.year == 2022


def test_a_name_with_its_other_name_in_brackets_and_no_verb_glued_to_a_body():
    r = one("一季度，云岭高新区（某某镇）坚持项目为王，新签约项目6个，着力促进区镇融合，"
            "持续提升社区治理水平。" + _BODY)
    assert same_unit("云岭高新区", r.org) and r.level == "county_district", (r.org, r.org_rule)
    assert not is_body("面促进区镇人民政府") and not is_body("持续提升社区")


def test_a_byline_under_a_title_that_names_only_its_place():
    r = one("关于青山市2023年国民经济和社会发展计划执行情况与2024年计划的报告\n青山市发展和改革委员会\n各位代表：\n"
            "本委受市政府委托，向大会报告计划执行情况，请予审查。\n一、2023年计划执行情况\n全市经济稳中向好。\n")
    assert (r.org, r.domain, r.org_rule) == ("青山市发展和改革委员会", "发展改革", "org.byline")


def test_a_title_s_bare_street_office_is_the_one_the_text_names_again_and_again():
    r = one("街道2022年工作总结\n一、2022年工作总结\n（一）夯实党建基础\n街道党工委全年组织理论学习20次。"
            "在梧桐街道文化广场举办邻里节3场；梧桐街道新时代文明实践所全年开展活动40场。\n")
    assert same_unit("梧桐街道", r.org) and (r.level, r.domain) == ("township_street", "街道综合"), (r.org, r.org_rule)


def test_a_bare_department_takes_the_masked_place_its_function_is_written_with():
    r = one("2023年，卫生健康局聚焦群众看病就医难题，新建社区卫生服务站3个，"
            "XX区卫生健康服务能力持续提升，全市排名第二。" + _BODY)
    assert (r.org, r.level, r.domain) == ("XX区卫生健康局", "county_district", "卫生健康"), r.org_rule


def test_a_sector_named_deep_in_a_long_opening():
    filler = "今天的会议，一是回顾上一年的成绩，二是分析面临的形势，三是部署新一年的重点任务。" * 3
    r = one("同志们：" + filler + "一年来，全市交通运输系统抓项目、保畅通，全年新改建农村公路320公里。" + _BODY)
    assert same_unit("市交通运输局", r.org) and (r.level, r.domain) == ("city", "交通运输"), (r.org, r.org_rule)


def test_a_company_that_names_itself_by_its_kind_in_traditional_characters():
    r = one("2022年，公司克服原料漲價壓力，嚴控成本，產值穩步增長。" + _BODY)
    assert (r.org, r.level, r.domain) == ("公司", "enterprise_other", "企业经营"), r.org_rule


def test_a_work_conference_report_reviews_the_year_before_and_keeps_its_department_s_domain():
    r = one("在2024年全县民政工作会议上的报告\n同志们：\n今天召开全县民政工作会议，回顾去年工作，部署今年任务。"
            "一年来，全县民政系统兜牢民生底线，养老服务体系不断完善。\n一、过去一年的工作\n落实低保政策。\n"
            "二、今年的重点任务\n抓好养老服务。\n")
    assert (r.year, r.domain) == (2023, "民政"), (r.year, r.year_rule, r.domain)


def test_a_half_year_written_without_its_year_word_and_its_plan_for_the_same_year():
    r = one("青山县统计局2023上半年工作总结\n今年以来，县统计局在县委、县政府的领导下，扎实开展统计调查。\n"
            "一、2023上半年重点工作\n完成经济普查入户登记。\n二、2023下半年工作计划\n抓好年报工作。\n")
    assert (r.org, r.year) == ("青山县统计局", 2023), (r.year, r.year_rule)


def test_a_title_naming_a_place_and_its_field_is_the_field_s_department_when_the_text_speaks_as_it():
    body = ("2023年，县统计部门围绕县委、县政府中心工作，扎实开展统计调查，全县统计数据质量稳步提高。\n"
            "一、主要工作\n完成经济普查。\n")
    r = one("青石县2023年统计工作开展情况汇报\n" + body)
    assert (r.org, r.level, r.domain) == ("青石县统计局", "county_district", "统计"), r.org_rule
    # a county's report on one field that speaks as the county: its government
    r = one("青石县2023年统计工作开展情况汇报\n2023年，全县上下齐心协力，统计数据质量稳步提高。\n一、主要工作\n完成经济普查。\n")
    assert r.org == "青石县人民政府", r.org_rule


def test_a_title_ending_with_work_situation_gives_our_bureau_its_field():
    r = one("青石区2021年统计工作情况\n一年来，我局围绕区委、区政府中心工作，依法开展统计调查，数据质量稳步提高。\n"
            "全年我局共完成统计调查项目12个，发布统计信息40期。\n")
    assert (r.org, r.level, r.domain) == ("青石区统计局", "county_district", "统计"), r.org_rule


def test_a_debrief_s_year_of_taking_office_is_not_the_year_reported():
    r = one("各位领导：\n本人于2019年3月调任区统计局局长。这几年，我带领全局干部依法统计，数据质量明显提高。"
            "下面，我就任期内的履职情况作述职报告。\n一、注重队伍建设\n选拔年轻干部5名。\n")
    assert (r.org, r.domain, r.year) == ("区统计局", "统计", None), (r.org, r.year, r.year_rule)


def test_an_essay_site_s_numbered_piece_title_names_its_body():
    r = one("高新区年度工作总结和明年思路 篇3\n一、主要工作开展情况\n1、产业发展。全年新增规上企业8家。\n")
    assert (r.org, r.level, r.domain) == ("高新区", "county_district", "政府工作"), r.org_rule


def test_a_sector_s_organs_spoken_for_as_a_whole():
    r = one("2023年，全县公安机关坚持以人民为中心，全力维护社会稳定，全县刑事警情同比下降12%。" + _BODY)
    assert (r.level, r.domain, r.org_rule) == ("county_district", "公安", "org.system"), (r.org, r.org_rule)


def test_a_bare_community_or_town_as_its_own_subject_is_named_by_the_name_the_text_repeats():
    r = one("今年以来，社区坚持党建引领，全年开展志愿服务30次。金桂社区新建养老驿站1个，金桂社区党委组织主题活动20次。" + _BODY)
    assert (r.org, r.level, r.domain) == ("金桂社区", "township_street", "街道综合"), r.org_rule
    r = one("今年以来，社区坚持党建引领，全年开展志愿服务30次。" + _BODY)
    assert (r.org, r.level) == ("社区", "township_street"), r.org_rule
    r = one("2023年，镇始终坚持稳中求进。白沙镇新建产业园1个，白沙镇获评省级生态镇。" + _BODY)
    assert same_unit("白沙镇", r.org) and r.level == "township_street", r.org_rule


def test_a_title_naming_only_the_kind_defers_to_a_masked_or_named_body_of_that_kind_in_the_opening():
    for body in ("*街道", "某某街道", "青禾街道"):
        r = one("以下是小编为大家整理的街道年度工作总结,仅供参考。\n"
                f"2023年以来,{body}在区委的领导下,扎实推进城市更新,各项工作取得新进展。\n"
                "一、主要成效\n(一)民生保障有力。新增就业岗位320个。\n")
        # a masked street is its office; a named one is named as the report names it
        assert r.org == (body if body == "青禾街道" else f"{body}办事处"), (body, r.org, r.org_rule)
        assert r.level == "township_street"
    # counter-example: an opening that names no body of the kind keeps the title's bare kind
    r = one("以下是小编为大家整理的街道年度工作总结,仅供参考。\n"
            "2023年以来,我们在区委的领导下,扎实推进城市更新,各项工作取得新进展。\n"
            "一、主要成效\n(一)民生保障有力。新增就业岗位320个。\n")
    assert r.org == "街道办事处", (r.org, r.org_rule)
