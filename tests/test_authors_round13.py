"""Round 9, wave 2 authors: a sector with its own place is its department, under the
department's own name; "we" guided by the line's higher department; a field's work tail left out
of its department's name; an agriculture bureau's own words for its charge.  Invented text."""
from test_authors import _BODY, one, same_unit


def test_our_bureau_whose_text_is_on_farmers_and_the_countryside_is_the_agriculture_bureau():
    text = ("2023年，我局在县委县政府的坚强领导下，深入推进“三农”工作，农民收入稳步增长。\n"
            "一、主要工作\n全县农村常住居民人均可支配收入增长7%，低收入农户全部纳入帮扶，"
            "农户小额贷款发放2000万元，农村人居环境持续改善，三农工作考核位居全市前列。\n"
            "二、下一步打算\n继续抓好农民增收。\n")
    r = one(text)
    assert same_unit("农业农村局", r.org) and r.domain == "农业农村", (r.org, r.org_rule, r.domain, r.domain_rule)


def test_migrant_workers_wages_are_no_agriculture_words():
    text = ("2023年，我局在县委县政府的坚强领导下，扎实推进各项工作。\n"
            "一、主要工作\n开展农民工工资清欠行动，追回农民工工资300万元，农民工工资专户全覆盖，"
            "农民工维权案件全部办结，农民工实名制管理落实到位。\n二、下一步打算\n继续抓好各项工作。\n")
    assert one(text).domain != "农业农村"


def test_a_district_s_own_justice_system_is_its_justice_bureau():
    r = one("2024年，青石区司法行政系统深入践行法治思想，扎实推进法治城区建设，各项工作稳步推进。" + _BODY)
    assert (r.org, r.level, r.domain) == ("青石区司法局", "county_district", "司法行政"), r.org_rule


def test_we_guided_by_the_provincial_department_in_a_city_is_the_city_s_department():
    r = one("2023年，在市委、市政府的坚强领导下，在省生态环境厅的精心指导下，我们持续深入打好污染防治攻坚战，"
            "生态环境质量持续改善。" + _BODY)
    assert (r.org, r.level, r.domain) == ("市生态环境局", "city", "生态环境"), r.org_rule


def test_we_guided_by_a_same_place_department_is_no_department_of_its_line():
    r = one("2023年，在县委、县政府的坚强领导下，在县财政局的大力支持下，我们扎实推进各项工作。" + _BODY)
    assert r.org is None or "财政局" not in r.org, (r.org, r.org_rule)


_HALF = "今年上半年，临江县水利局在县委、县政府的坚强领导下，扎实推进防汛备汛和河湖治理，各项工作取得积极进展。\n"


def test_a_portal_s_publisher_row_naming_a_government_body_dates_a_year_less_report():
    r = one("发布日期：2024-07-15    发布者：县人民政府\n" + _HALF + _BODY)
    assert (r.year, r.year_rule) == (2024, "year.portal_date"), (r.year, r.year_rule)


def test_a_site_s_publisher_row_naming_a_user_dates_nothing():
    r = one("发布日期：2024-07-15    发布者：网友投稿\n" + _HALF + _BODY)
    assert r.year is None, (r.year, r.year_rule)


def test_the_plan_s_year_alone_after_the_work_reported_dates_the_year_before():
    r = one("按照上级通知要求，现将临江县水利局工作开展情况及2024年工作计划汇报如下。\n" + _BODY)
    assert r.year == 2023, (r.year, r.year_rule)
