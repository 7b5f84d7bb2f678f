"""Who wrote a report when the page names its author only by kind or by function (structure/org.py,
selfref.py, titles.py): a template's title that kept only "town" or "township", a portal's
open-information annual report that names its bureau in the publishing sentence, a zone's social
services bureau, a report that speaks as "we" under its own street office's committee, "our
bureau" tied to its line of work or guided by its line's higher department, "our community".
Every name is invented."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit


def test_a_title_that_kept_only_its_author_s_kind_names_that_kind():
    r = one("镇上半年工作情况总结\n今年以来，全镇上下团结一心，各项工作稳步推进。" + _BODY)
    assert same_unit("镇人民政府", r.org) and r.level == "township_street", (r.org, r.org_rule)
    assert r.domain == "乡镇综合"
    r = one("乡2023年政府工作报告\n一年来，我们坚持惠民生、强保障。青石村实施土地整治项目。" + _BODY)
    assert same_unit("乡人民政府", r.org) and r.level == "township_street", (r.org, r.org_rule)
    # the same kind in traditional characters is read folded and kept as written
    r = one("鄉鎮上半年宣傳思想工作總結\n上半年，全鎮宣傳思想工作紮實推進。" + _BODY)
    assert r.org == "鄉鎮" and r.level == "township_street", (r.org, r.org_rule)


def test_a_field_that_starts_like_a_place_kind_is_no_author():
    r = one("乡村振兴工作总结\n今年以来，各项工作稳步推进，群众满意度提升。" + _BODY)
    assert r.org_rule != "org.title", (r.org, r.org_rule)


def test_an_open_information_annual_report_names_its_bureau_where_it_is_published():
    r = one("根据《中华人民共和国政府信息公开条例》的规定，现发布青山区民政局2021年政府信息公开工作年度报告。\n"
            "一、总体情况\n2021年，民政局按照区政府部署，扎实推进政务公开。\n二、存在问题\n公开形式较单一。\n")
    assert (r.org, r.level, r.domain, r.year) == ("青山区民政局", "county_district", "民政", 2021), r.org_rule


def test_a_zone_s_social_services_bureau_follows_the_zone_s_committees():
    r = one("2022年以来，社会事业局在园区党工委、管委会的坚强领导下，克服人手少、任务重的困难，"
            "较好完成了教育、卫生、民政等各项任务。" + _BODY)
    assert (r.org, r.level, r.domain) == ("社会事业局", "county_district", "其他"), (r.org_rule, r.level_rule)


def test_we_led_last_by_our_own_street_office_s_committee_is_the_street_office():
    r = one("2022年，我们坚持以习近平新时代中国特色社会主义思想为指导，在区委、区政府和街道党工委的坚强领导下，"
            "全力推动街域经济社会发展。" + _BODY)
    assert same_unit("街道办事处", r.org) and r.level == "township_street", (r.org, r.org_rule)
    assert r.domain == "街道综合"


def test_our_bureau_tied_to_its_line_of_work_is_that_line_s_bureau():
    r = one("2023年，我局在区委、区政府领导下，结合水利工作实际，把政务公开做细做实。" + _BODY)
    assert (r.org, r.level, r.domain) == ("水利局", "county_district", "水利"), r.org_rule
    r = one("过去一年，在市委、市政府领导下，在省交通运输厅的指导下，我局抓住重点项目，"
            "把路网建设往前推。" + _BODY)
    assert (r.org, r.level, r.domain) == ("交通运输局", "city", "交通运输"), r.org_rule
    # a comprehensive superior gives no line of work: "our bureau" stays as written
    r = one("一年来，在市委、市政府的正确领导下，我局认真学习贯彻上级精神，各项工作有序推进。" + _BODY)
    assert r.org == "我局", r.org


def test_our_community_is_a_community_and_what_we_did_is_no_station():
    r = one("2023年，我们社区文明创建工作取得了显著成绩，居民文明素质明显提升。" + _BODY)
    assert same_unit("社区", r.org) and r.level == "township_street", (r.org, r.org_rule)
    r = one("2023年，我们所取得的成绩来之不易，全县经济稳中向好。" + _BODY)
    assert r.org is None or "所" not in r.org, r.org


def test_a_section_that_speaks_of_itself_in_the_third_person_is_the_author():
    r = one("回顾过去一年的工作\n社区建设科承担辖区社区事务的日常管理"
            "这一年社区建设科组织了多场文体活动，居民参与踊跃"
            "社区建设科的服务能力仍需加强\n一、存在问题\n人手不足。\n")
    assert (r.org, r.domain) == ("社区建设科", "民政"), r.org_rule


def test_a_placeless_bureau_takes_the_level_of_the_government_it_names():
    r = one("2017年，人社局按照区政府工作部署，创新工作方式，各项工作取得明显成效。" + _BODY)
    assert (r.org, r.level, r.level_rule) == ("人社局", "county_district", "level.named_government")
    r = one("2017年，人社局落实市委、县委工作部署，创新工作方式，得到县政府肯定。" + _BODY)
    assert r.level == "county_district", r.level_rule


def test_a_party_department_is_no_party_committee_and_a_placeless_one_a_county_s_by_default():
    r = one("2023年，县委组织部认真贯彻落实新时代党的组织路线，全面加强干部队伍建设。" + _BODY)
    assert (r.org, r.level, r.domain) == ("县委组织部", "county_district", "党的建设"), r.org_rule
    # a bureau that names no place, scope or government: a county's, as most such bureaus are
    r = one("卫生健康局2022年工作总结\n一、工作情况\n严格落实各项防控措施，加快推进医疗服务。\n")
    assert (r.org, r.level, r.level_rule) == ("卫生健康局", "county_district", "org.level.unplaced_default")
    # ... but one that names its city's government is the city's
    r = one("卫生健康局2022年工作总结\n一、工作情况\n按照市委、市政府部署，加快推进医疗服务。\n")
    assert r.level == "city", r.level_rule


def _first(text: str):
    from test_authors import parse_text
    furn, reps = parse_text(text)
    return reps[0]


def test_a_report_that_ran_on_keeps_the_author_of_its_own_opening():
    # the next report's start is missed (its title follows this one's last line): the title
    # below this report's opening, and the body the next one names once, are not this author
    r = _first("2023年，团县委围绕服务青年，扎实开展各项工作。\n一、主要工作\n全年各项工作有序推进。\n"
               "二、下一步打算\n继续抓好各项工作。\n某某建材有限公司2023年工作总结\n2023年，公司全面完成销售目标。\n"
               "一、主要工作\n全年各项工作有序推进。\n")
    assert r.org == "团县委", (r.org, r.org_rule, r.start_line, r.end_line)
    r = _first("今年上半年，我镇在县委、县政府的坚强领导下，各项工作稳步推进。\n一、主要工作\n全年各项工作有序推进。\n"
               "二、下一步打算\n继续抓好各项工作。\n2023年，青山区教育和体育局坚持立德树人。\n一、工作开展情况\n"
               "（一）抓好重点项目。\n")
    assert same_unit("镇", r.org) and r.level == "township_street", (r.org, r.org_rule, r.end_line)


def test_our_bureau_s_line_of_work_in_its_own_sentence_beats_a_bureau_named_further_in():
    r = _first("2023年，在县委、县政府的正确领导下，在市民政局的精心指导下，我局紧紧围绕民生保障工作，兜牢底线。\n"
               "一、主要工作\n全年各项工作有序推进。\n二、下一步打算\n继续抓好各项工作。\n"
               "2023年，某某县应急管理局坚持人民至上，全力防范化解重大安全风险。\n一、主要工作\n全年排查隐患。\n")
    assert (r.org, r.domain) == ("民政局", "民政"), (r.org, r.org_rule, r.end_line)


def test_a_body_named_before_a_passive_is_no_body_of_the_one_that_honours_it():
    r = one("2023年，县应急管理局被县委、县政府授予先进单位称号。\n2023年，县应急管理局坚持人民至上，"
            "全力防范化解重大安全风险。" + _BODY)
    assert (r.org, r.domain) == ("县应急管理局", "应急管理"), r.org_rule


def test_a_place_masked_with_a_bracketed_ellipsis_is_a_masked_name():
    r = one("2023年，〔…〕镇在县委、县政府的坚强领导下，较好地完成了全镇各项重点工作任务。" + _BODY)
    assert same_unit("〔…〕镇", r.org) and (r.level, r.domain) == ("township_street", "乡镇综合"), r.org


def test_a_street_office_s_community_office_is_a_civil_affairs_body():
    r = one("2024年金水街道社区发展办工作总结\n今年以来，社区发展办扎实推进社区治理。" + _BODY)
    assert (r.org, r.level, r.domain) == ("金水街道社区发展办", "township_street", "民政"), r.org_rule


def test_our_department_speaking_for_its_sector_is_that_sector_s_department():
    r = one("2023年全省水利工作完成情况\n2023年，在省委、省政府的坚强领导下，全省水利系统全力推进水网建设。\n"
            "一、主要工作\n我厅组织干部职工认真学习，扎实推进各项工作。\n二、下一步打算\n继续抓好各项工作。\n")
    assert (r.org, r.level, r.domain, r.org_rule) == ("省水利厅", "province", "水利", "org.system.self")


def test_our_bureau_whose_text_is_all_one_field_is_that_field_s_bureau():
    body = ("今年以来，我局认真落实各项工作。全年发放低保金1200万元，城乡低保对象3000人，特困供养人员500人。"
            "临时救助困难群众800人次，养老服务中心新建5个，殡葬改革稳步推进，婚姻登记2000对，社会组织年检100家。"
            "低保动态管理常态化，救助资金及时发放，养老服务质量提升，社会组织规范发展，低保审核严格，"
            "临时救助及时，殡葬管理规范。")
    r = one(body + _BODY)
    assert (r.org, r.domain, r.org_rule) == ("民政局", "民政", "org.self_reference.text_field"), (r.org, r.domain)


def test_our_city_that_is_a_county_level_city_is_county_level():
    r = one("今年以来，我局深入贯彻市委决策部署，指导各乡镇抓好春耕，全市粮食总产稳定。" + _BODY)
    assert r.level == "county_district", (r.level, r.level_rule)


def test_a_body_named_by_its_leading_word_ends_as_a_body_does():
    r = one("政协青山县委员会常务委员会工作报告\n各位委员：\n现在，我代表政协青山县第十届委员会常务委员会，向大会报告工作。"
            + _BODY)
    # (named then by the genre's short name, orgs.yaml short_forms)
    assert r.org == "青山县政协" and r.level == "county_district", r.org


def test_our_station_guided_by_a_county_bureau_is_that_line_s_station():
    r = one("2023年，我所在县公安局和镇党委的领导下，全力维护辖区治安稳定。" + _BODY)
    assert (r.org, r.level, r.domain) == ("派出所", "township_street", "公安"), (r.org, r.org_rule)
    r = one("2023年，我所在县市场监管局的正确领导下，认真履行市场监管职责。" + _BODY)
    assert (r.org, r.level, r.domain) == ("市场监管所", "township_street", "市场监管"), (r.org, r.org_rule)
    # a centre the text names in full keeps that name
    r = one("2023年，我中心在县卫健局的正确领导下，扎实开展疾病预防控制工作。青山县疾病预防控制中心全年接种"
            "疫苗2万剂，青山县疾病预防控制中心获评先进。" + _BODY)
    assert r.org == "青山县疾病预防控制中心", (r.org, r.org_rule)


def test_a_department_whose_function_a_site_masked_is_kept_as_written():
    r = one("XX县XX局2023年工作总结\n今年以来，我局在县委、县政府的坚强领导下，扎实推进各项工作。" + _BODY)
    assert (r.org, r.level) == ("XX县XX局", "county_district"), (r.org, r.org_rule)


def test_a_township_s_report_whose_title_names_one_field_keeps_its_own_label():
    # (round 12: every develop-set gold of a township, street, village or community accepts its
    # comprehensive label, 45 pages of 24 sets, field titles included; orgs.yaml domain_own_label)
    r = one("青山镇2023年安全生产工作总结\n2023年，青山镇认真落实安全生产责任制，全年未发生较大事故。" + _BODY)
    assert (r.domain, r.domain_rule) == ("乡镇综合", "domain.own_label"), r.domain
    r = one("金水街道2023年党建工作总结\n2023年，金水街道党工委坚持以党建引领基层治理。" + _BODY)
    assert r.domain == "街道综合", r.domain
    # a title naming no field leaves it to the text: a township's summary of everything
    r = one("青山镇2023年工作总结\n2023年，青山镇各项工作稳步推进。" + _BODY)
    assert r.domain == "乡镇综合", r.domain


def test_a_town_head_s_speech_is_the_town_the_speaker_came_to():
    r = one("镇长述职报告\n各位领导、同志们：我是今年二月份调入青石镇，并在镇人代会上当选为镇长。一年来，"
            "在镇党委的正确领导下，我代表镇政府认真履职。" + _BODY)
    assert same_unit("青石镇", r.org) and r.level == "township_street", (r.org, r.org_rule)
