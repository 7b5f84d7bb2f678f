"""Who wrote a report and which year it reviews, round 12 (session 9's develop pages): a portal's
disclosure row or masthead dates a year-less report, a half-year report to a town's congress
reviews its own year, a sector spoken for as a whole is its department's, a byline over its
delivery date, the agent of a recognition is a superior, a water bureau's words, a bare kind on
a page whose author row names it, a review part under a subtitle.  Every name and sentence is
invented; each mechanism has its counter-example."""
from __future__ import annotations

from test_authors import one, parse_text, same_unit

_BODY = "一、主要工作\n全年各项工作有序推进，较好完成了目标任务。\n二、下一步打算\n继续抓好各项工作。\n"


# ---- a government portal dates a year-less report ---------------------------------------------

_HALF = "今年上半年，临江县水利局在县委、县政府的坚强领导下，扎实推进防汛备汛和河湖治理，各项工作取得积极进展。\n"


def test_a_portal_s_disclosure_row_dates_a_report_that_names_no_year():
    r = one("当前位置：首页 > 临江县水利局 > 法定主动公开内容 > 规划计划\n"
            "公开方式：主动公开 发布时间：2024-07-15\n" + _HALF + _BODY)
    assert (r.year, r.year_rule) == (2024, "year.portal_date"), (r.year, r.year_rule)


def test_a_portal_s_masthead_on_the_date_row_dates_it_too():
    r = one("临江县人民政府门户网站 www.linjiang.gov.cn 发布时间：2024-07-15 09:30\n" + _HALF + _BODY)
    assert (r.year, r.year_rule) == (2024, "year.portal_date"), (r.year, r.year_rule)


def test_an_essay_site_s_posting_date_dates_nothing():
    r = one("时间：2024-07-15 来源：网友投稿\n" + _HALF + _BODY)
    assert r.year is None, (r.year, r.year_rule)


# ---- a half-year report to a town's congress ----------------------------------------------------

_TOWN = ("各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n"
         "一、工作回顾\n全镇完成固定资产投资3.2亿元，同比增长8.5%。\n")


def test_a_half_year_report_to_a_summer_session_reviews_that_year():
    r = one("青石镇人民政府上半年工作情况报告\n——2023年7月20日在青石镇第十届人民代表大会第三次会议上\n" + _TOWN)
    assert (r.year, r.level) == (2023, "township_street"), (r.year, r.year_rule)


def test_a_year_s_report_to_a_winter_session_reviews_the_year_before():
    r = one("青石镇人民政府工作报告\n——2023年1月10日在青石镇第十届人民代表大会第二次会议上\n" + _TOWN)
    assert r.year == 2022, (r.year, r.year_rule)


# ---- a sector spoken for as a whole ------------------------------------------------------------

def test_a_sector_with_its_scope_is_its_department_s():
    r = one("2023年，全区民政系统坚持以人民为中心，扎实推进兜底保障，各项工作取得新成效。\n" + _BODY)
    assert (r.org, r.level, r.domain) == ("区民政局", "county_district", "民政"), (r.org, r.org_rule)


def test_a_sector_without_a_scope_stays_as_written():
    r = one("一年来，通过民政系统的共同努力，兜底保障更加有力，各项工作取得新成效。\n" + _BODY)
    assert r.org != "民政局", (r.org, r.org_rule)


def test_a_province_s_emergency_management_work_is_its_emergency_management_department_s():
    r = one("2022年，在省委、省政府的坚强领导下，全省应急管理工作坚持人民至上、生命至上，安全生产形势持续稳定。\n" + _BODY)
    assert (r.org, r.level, r.domain) == ("省应急管理厅", "province", "应急管理"), (r.org, r.org_rule)


def test_a_city_s_environmental_protection_work_is_the_ecology_bureau_s_not_a_protection_bureau_s():
    r = one("今年以来，全市生态环境保护工作以改善环境质量为核心，深入打好污染防治攻坚战。\n" + _BODY)
    assert r.org == "市生态环境局", (r.org, r.org_rule)


# ---- a byline over its delivery date -----------------------------------------------------------

def test_a_byline_dated_below_it_a_few_rows_under_the_title():
    r = one("2023年统计工作总结和2024年工作打算\n\n栏目：工作动态\n\n手机阅读\n\n临江市统计局\n\n（2024年1月20日）\n\n"
            "一、2023年工作成效\n2023年，全市统计系统坚持依法统计，统计数据质量稳步提升。\n")
    assert (r.org, r.level, r.domain) == ("临江市统计局", "city", "统计"), (r.org, r.org_rule)


def test_a_name_far_under_the_title_with_no_date_is_no_byline():
    r = one("2023年统计工作总结和2024年工作打算\n\n栏目：工作动态\n\n手机阅读\n\n临江市统计局\n\n"
            "一、2023年工作成效\n2023年，全县统计系统坚持依法统计，统计数据质量稳步提升。\n")
    assert r.org != "临江市统计局", (r.org, r.org_rule)


# ---- the agent of a recognition is a superior -----------------------------------------------------

def test_a_ministry_that_affirms_the_work_is_not_its_author():
    r = one("2023年，在市委、市政府的正确领导下，我们坚持安全第一、预防为主，安全生产形势稳定向好。"
            "相关做法被应急管理部推广，得到应急管理部肯定，被应急管理部确认为试点地区。\n" + _BODY)
    assert r.org != "应急管理部" and r.level == "city", (r.org, r.org_rule, r.level)


# ---- a water bureau's words -------------------------------------------------------------------------

def test_our_bureau_whose_text_is_all_water_is_a_water_bureau():
    r = one("一、2022年工作总结\n"
            "1.水旱防御。2022年，全区防汛抗旱机制进一步完善，我局科学调度防洪闸和水库，灌区供水有序。\n"
            "2.河湖治理。全面推行河湖长制，河长巡河3000余次，河湖水质持续向好，水土保持成效明显。\n"
            "3.水利建设。完成堤防加固12公里，新建饮水工程5处，水资源管理更加规范，水利基础不断夯实。\n")
    assert r.domain == "水利" and same_unit("水利局", r.org), (r.org, r.org_rule, r.domain)


def test_a_town_that_also_fights_floods_stays_a_town():
    r = one("2022年，青石镇在县委、县政府的坚强领导下，统筹推进经济发展和民生保障，做好防汛工作。\n"
            "一、经济发展\n全镇完成财政收入3200万元，新增规上企业3家，农业产值增长5%。\n")
    assert r.domain == "乡镇综合", (r.org, r.domain, r.domain_rule)


# ---- a bare kind on a page whose author row names it -------------------------------------------------

def test_a_bare_street_office_takes_the_page_s_author_row_of_its_kind():
    r = one("信息索引号：001/2024-01 公布日期：2024-03-01\n发布单位：临江街道\n"
            "一、2023年工作回顾\n2023年，街道办事处坚持党建引领，扎实推进基层治理，各项工作取得新成效。\n"
            "（一）经济发展\n全年完成固定资产投资2.1亿元。\n")
    assert same_unit("临江街道", r.org), (r.org, r.org_rule)


def test_a_bare_street_office_ignores_an_author_row_of_another_kind():
    r = one("信息索引号：001/2024-01 公布日期：2024-03-01\n发布单位：临江县统计局\n"
            "一、2023年工作回顾\n2023年，街道办事处坚持党建引领，扎实推进基层治理，各项工作取得新成效。\n"
            "（一）经济发展\n全年完成固定资产投资2.1亿元。\n")
    assert not same_unit("临江县统计局", r.org), (r.org, r.org_rule)


# ---- a review part under a subtitle ------------------------------------------------------------------

def test_a_plan_subtitle_over_a_review_part_is_no_plan_of_its_own():
    _, reps = parse_text("2024年工作思路\n2023年以来，在区委区政府的正确领导下，全区卫生健康系统扎实推进各项工作。\n"
                         "一、2023年重点工作完成情况\n（一）疫情防控\n全年接种疫苗12万剂次。\n"
                         "（二）基础设施\n新建卫生院2所。\n")
    assert reps[0].year == 2023, (reps[0].year, reps[0].year_rule)


def test_a_plan_of_its_own_keeps_its_year():
    r = one("2024年工作要点\n一、2024年主要任务\n（一）疫情防控\n全年接种疫苗12万剂次。\n（二）基础设施\n新建卫生院2所。\n")
    assert r.year == 2024, (r.year, r.year_rule)


# ---- a youth league committee's short form and its full name ----------------------------------------

_LEAGUE = ("一、思想引领\n一是专题学，召开共青团临江区委员会三届五次全体（扩大）会议，组织团干集中学习。"
           "二是深入学，指导基层团组织开展主题团日活动。\n")


def test_the_district_league_committee_s_short_form_takes_its_full_name_in_the_text():
    r = one("今年以来，在区委区政府的正确领导下，团区委始终坚持党建带团建，引领广大团员青年，各项工作取得新进展。\n" + _LEAGUE)
    assert r.org == "共青团临江区委员会" and r.level == "county_district", (r.org, r.org_rule)


def test_the_full_name_of_a_committee_of_another_place_word_is_not_taken():
    r = one("今年以来，在县委县政府的正确领导下，团县委始终坚持党建带团建，引领广大团员青年，各项工作取得新进展。\n" + _LEAGUE)
    assert r.org == "团县委", (r.org, r.org_rule)


def test_a_superior_league_committee_s_full_name_is_not_taken():
    r = one("今年以来，在区委区政府和共青团临江市委的正确领导下，团区委始终坚持党建带团建，引领广大团员青年，各项工作取得新进展。\n"
            "一、思想引领\n组织团干集中学习。\n")
    assert r.org == "团区委", (r.org, r.org_rule)
