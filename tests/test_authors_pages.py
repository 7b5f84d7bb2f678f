"""Authors, levels, domains and years of report shapes seen on real pasted web pages (issue 10).

Each case is a fictional report in the shape a class of pages gives it: a CMS table row with the
author between pipes; a site's note about itself ("not this site's view") above the report; a
document-sharing chunk whose number, title and opening are one line; a department opening with
"our county's <sector> work"; a school named by its own name in the body while the opening says
"our school"; a branch bureau calling itself "the branch"; branches and town stations of county
and city bureaus; a township naming only its own documents; an acting head's byline; a review
heading run into a one-line page; a government report whose review opens "<year> was …"; a
five-year review with a range heading; verbs that are no names; masked names.  All names are
invented.
"""
from __future__ import annotations

import pytest

from test_authors import one, parse_text, same_unit
from workreport.ingest import document_from_bytes
from workreport.structure import structure

B = "\n一、主要工作\n全年各项工作有序推进，较好完成了目标任务。\n二、下一步打算\n继续抓好各项工作。\n"

# (id, text, org, level, domain, year); None: not checked
CASES = [
 # (id, text, org, level, domain, year)
 ("pipe_row", "索引号: | 0000/2023-001 | 公开方式: | 主动公开 |\n发布机构: | 市交通运输局 | 成文日期: | 2023-01-10 |\n2022年，全市交通运输系统在市委、市政府的坚强领导下，扎实推进各项工作，较好完成了全年目标任务，交通运输保障能力不断提升。" + B, "市交通运输局", "city", "交通运输", 2022),
 ("site_self", "青山县审计局2023年工作总结\n导语：本文来源于网友上传，不代表本站观点。\n2023年，青山县审计局在县委、县政府的坚强领导下，依法履行审计监督职责。" + B, "青山县审计局", "county_district", "审计", 2023),
 ("chunk_opening", "1、-精选范文- 2021年街道工作总结一年来，青石街道办事处在区委、区政府的正确领导下，紧紧围绕年度目标任务，全力推进城市管理、社区建设和民生保障各项工作，取得了较好成效。现将一年来的工作总结如下，请各位领导提出宝贵意见。\n2、一是加强社区建设。完善社区服务设施。", "青石街道办事处", "township_street", "街道综合", 2021),
 ("sector_self", "1、统计局的工作报告 2023年，我县统计工作在市统计局的精心指导下，认真贯彻上级会议精神，圆满完成了各项统计调查任务。我县共完成企业联网直报审核1200家次，数据质量稳步提高，统计服务水平明显提升，为县委县政府决策提供了有力支撑。\n2、二是抓好普查工作。", "县统计局", "county_district", "统计", 2023),
 ("school_named", "2023年是学校加快发展的关键之年。一年来，我校认真落实立德树人根本任务，学校教育教学质量稳步提升。\n一、主要工作\n1.开展青山实验中学与白河二中结对帮扶活动，学校教师交流互访12人次。\n2.打造富有青山实验中学特色的劳动教育课程，学校获评区级示范校。\n二、下一步打算\n学校将继续努力。", "青山实验中学", "enterprise_other", "教育", 2023),
 ("branch_self", "2022年，在区委区政府的大力支持下，我局严格按照市公安局、区政府的部署，扎实推进执法公开工作。\n一、加强组织领导。2022年，分局调整了执法公开领导小组。\n二、规范平台建设。坚持把“青山区公安分局”门户网站作为第一平台，全年分局共发布信息800条。\n三、下一步打算。继续做好公开工作。", "青山区公安分局", "county_district", "公安", 2022),
 ("branch_city_level", "云岭市公安局河西分局2023年工作总结\n2023年，分局在市局党委和区委、区政府的坚强领导下，全力维护辖区社会治安稳定。" + B, "云岭市公安局河西分局", "county_district", "公安", 2023),
 ("station", "某某派出所2023年工作总结\n2023年，某某派出所在县公安局党委和镇党委、政府的坚强领导下，扎实开展各项工作。" + B, "某某派出所", "township_street", "公安", 2023),
 ("market_station", "青山县市场监督管理局白石市场监管所2022年工作总结\n2022年，白石市场监管所在县局党组的领导下，扎实开展市场监管各项工作。" + B, "白石市场监管所", "township_street", "市场监管", 2022),
 ("titled_township_doc", "我乡食品安全工作认真执行《食品安全法》，层层压实监管责任。乡党委、政府高度重视食品安全工作，下发《石桥乡食品安全2022年度工作要点》，联合职能部门开展监管。\n一是落实食品安全责任制。年初乡政府与各村签订食品安全责任书，开展食品安全抽检。\n二是完善食品安全监管网络。各村配备食品安全信息员，加强食品安全宣传。食品安全形势稳定，餐饮单位食品安全抽检合格率100%。", "石桥乡", "township_street", "食品药品安全", None),
 ("acting_byline", "2024年3月10日在青山区第十九届\n人民代表大会第四次会议上\n青山区人民政府代区长 某某某\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n2023年，我们紧扣高质量发展主题，地区生产总值增长5%。\n二、2024年工作安排\n做好今年工作。", "青山区人民政府", "county_district", "政府工作", 2023),
 ("inline_review_blob", "XX镇2024年政府工作报告各位代表：现在，我代表镇人民政府，向大会报告政府工作，请予审议。一、2023年工作回顾刚刚过去的一年，镇政府在县委县政府和镇党委的坚强领导下，较好完成了各项目标任务。", "XX镇", "township_street", None, 2023),
 ("review_scene", "2024年镇政府工作报告\n尊敬的各位代表：\n首先，我代表本镇政府全体成员向大家表示感谢。\n2024年是我镇发展的关键之年。一年来，我们按照县委和县政府的要求，全面推进经济社会发展。\n一、经济建设\n全镇生产总值增长6%。\n二、社会建设\n完成公路硬化。", "镇政府", "township_street", None, 2024),
 ("range_heading", "2018年以来，青石农场在市委、市政府的坚强领导下，扎实推进农垦改革发展各项工作。\n一、基本情况\n青石农场始建于1958年，是国有农场。\n二、近五年(2018-2022)工作开展情况\n农场经济稳步发展。", "青石农场", "enterprise_other", "垦殖场综合", 2022),
 ("verb_not_name", "今年以来，镇始终坚持以新时代中国特色社会主义思想为指导，紧紧围绕县委、县政府和镇党委的安排部署，全镇经济社会发展取得新的成效。" + B, None, "township_street", None, None),
 ("gov_office", "今年以来，县政府办紧扣县委县政府年度重点，服务大局，较好完成了全年任务。" + B, "县政府办", "county_district", "政府工作", None),
 ("masked_star_street", "2023年，*街道在区委、区政府的坚强领导下，扎实推进城市更新和基层治理各项工作。" + B, "*街道", "township_street", "街道综合", 2023),
 ("masked_xx_town_selfref", "2022年来，我镇紧紧围绕县委县政府交办任务，以党建引领乡村振兴为中心任务。XX镇荣获省级卫生乡镇称号。" + B, "XX镇", "township_street", "乡镇综合", 2022),
 ("deep_body_name", "今年以来，我局在区委、区政府的坚强领导下，认真履行职责，扎实推进各项工作。\n一、主要工作\n（一）加强队伍建设。组织干部职工参加培训。\n（二）推进重点工作。\n1.完成年度统计调查任务。\n2.青山区统计局荣获全省统计工作先进集体称号。\n3.开展统计执法检查。\n二、下一步打算\n继续做好统计工作。", "青山区统计局", "county_district", "统计", None),
 ("party_office", "中共白河县委办公室2023年工作总结\n2023年，县委办公室在县委的坚强领导下，充分发挥参谋助手、督促检查、服务保障职能。" + B, "白河县委办公室", "county_district", "党的建设", 2023),
 ("county_level_city_body", "2022年卫健委围绕市委、市政府决策部署和云州市卫健委《2022年卫生健康重点工作清单》，持续深化医改，补齐基层服务短板。现将2022年度工作开展情况报告如下：\n一、工作完成情况\n（一）加强党建引领。XX市卫健委党组围绕党建工作要点开展学习。\n二、2023年工作计划\n继续做好卫生健康工作。", "XX市卫健委", "county_district", "卫生健康", 2022),
 ("prefecture_city_body_own_city", "2022年，云州市卫健委在云州市委、市政府的坚强领导下，深入推进综合医改，全面提升医疗卫生服务能力，指导各县区卫生健康局做好疫情防控。" + B, "云州市卫健委", "city", "卫生健康", 2022),
 ("own_place_federation", "1、 乡镇年度妇联工作总结 我镇妇联在县妇联和镇党委的正确领导下，以维护妇女合法权益为主线，结合我镇妇女工作实际，主要开展了以下几方面工作。一、加强学习教育，我镇妇联组织积极开展宣传教育活动。\n2、二是维护妇女权益。", "镇妇联", "township_street", "群团工作", None),
 ("place_subject_is_its_department", "2022年全县妇联工作总体思路：围绕全县发展战略，实施党建带妇建工程。\n一、思想政治引领\n一是开展系列活动。3月1日，青山县举办巾帼技能大赛；3月4日，青山县妇联联合县司法局开展法治讲座；4月1日，青山县妇联组织巾帼志愿者开展宣传活动。\n二、下一步打算\n继续做好妇女工作。", "青山县妇联", "county_district", "群团工作", 2022),
 ("date_line_no_year", "青山市白河区审计局局长 某某某\n2023年9月20日\n主任、各位副主任、各位委员：\n我受区人民政府的委托，向区人大常委会报告2022年度区本级预算执行和其他财政收支的审计情况，请予审议。\n一、财政管理审计情况\n区审计局依法审计了区级预算执行情况。", "白河区审计局", "county_district", "审计", 2022),
 ("party_part_not_focus", "过去一年，在区委区政府的领导下，街道认真贯彻上级决策部署，较好完成了各项工作。\n一、主要工作完成情况\n（一）党建引领\n街道党工委抓党建，组织党员学习，党员干部、党组织、党支部建设全面加强，党建品牌、党员志愿服务、党组织覆盖、支部标准化、党员积分、党建联盟、党员教育、支部书记培训、党组织生活、党员先锋岗、党建阵地全面推进。\n（二）城市治理\n完成道路改造。", "街道", "township_street", "街道综合", None),
]


@pytest.mark.parametrize("cid,text,org,level,domain,year", CASES, ids=[c[0] for c in CASES])
def test_page_shape_names_its_author(cid, text, org, level, domain, year):
    r = one(text)
    if org is not None:
        assert same_unit(org, r.org), (r.org, r.org_rule)
    if level is not None:
        assert r.level == level, (r.org, r.level, r.level_rule)
    if domain is not None:
        assert r.domain == domain, (r.org, r.domain, r.domain_rule)
    if year is not None:
        assert r.year == year, (r.year, r.year_rule)


def test_one_stray_year_is_no_year_reported():
    """A title-less summary that names a past year once ("problems found in 2020") reports no year."""
    r = one("过去一年，在区委区政府的领导下，街道认真贯彻上级决策部署，较好完成了各项工作。\n一、主要工作\n"
            "街道党工委以调动全体党员积极性为着力点，带领全体党员学习，开展学习181场次，组织党员重温入党誓词，"
            "理论讲解和现场参观相结合，发动党员干部深入学习，编成党课教材一套，在社区、园区和居民小区循环展播，覆盖党员群众一万余人次。坚持问题导向，针对2020年度查摆的问题，选精配强队伍。\n"
            "二、下一步打算\n继续做好各项工作。\n")
    assert r.year is None, (r.year, r.year_rule)


def test_a_verb_before_a_superior_is_no_author():
    """"紧紧围绕县委…" is the clause's verb and its superior, never the author."""
    r = one("今年以来，镇始终坚持稳中求进，紧紧围绕县委、县政府的安排部署，全镇经济社会发展取得新的成效。" + B)
    assert r.org is None or "县委" not in r.org, (r.org, r.org_rule)


_SECOND = "白河县林业局2023年工作总结\n2023年，白河县林业局在县委、县政府的坚强领导下，统筹推进造林绿化和森林防火。" + B


def _two_reports(name: str):
    first = "今年以来，我局在县委、县政府的坚强领导下，认真履行职责，扎实推进各项工作。" + B
    return structure(document_from_bytes((first + "\n" + _SECOND).encode("utf-8"), name))[1]


def test_file_name_titles_the_first_report_of_several_when_it_has_none():
    reps = _two_reports("青山县水利局2023年工作总结.txt")
    assert len(reps) == 2, [(r.start_line, r.org) for r in reps]
    assert same_unit("青山县水利局", reps[0].org), (reps[0].org, reps[0].org_rule)
    assert reps[0].domain == "水利" and reps[0].level == "county_district"
    assert same_unit("白河县林业局", reps[1].org), reps[1].org


def test_a_compilations_file_name_titles_no_report():
    reps = _two_reports("2023年各部门工作总结汇编.txt")
    assert len(reps) == 2
    assert reps[0].org is None or not reps[0].org.endswith("汇编"), reps[0].org
    assert same_unit("白河县林业局", reps[1].org), reps[1].org


def test_a_government_report_read_from_a_heading_still_names_its_government():
    """The report starts at a line read as a heading (an essay site's item header, an address
    numbered by the paste): the address to the congress right after it names the government."""
    r = one("一、各位代表：\n现在，我代表青山县人民政府，向大会报告工作，请予审议。\n二、2023年工作回顾\n"
            "一年来，我们较好完成了目标任务。\n三、2024年工作安排\n做好今年工作。\n")
    assert (r.org, r.level, r.domain) == ("青山县人民政府", "county_district", "政府工作"), r.org_rule


def test_a_sites_greeting_run_into_the_title_is_no_owner():
    r = one("您好，欢迎访问某某文档\n县民政局2023年上半年工作总结及下半年工作打算2023年，x县民政局在县委县政府的正确领导下，"
            "认真践行民政为民工作理念，各项工作稳步推进。\n一、前期工作情况\n全县民政事业发展再上新台阶。\n")
    assert r.org and "欢迎" not in r.org and same_unit("x县民政局", r.org), (r.org, r.org_rule)
