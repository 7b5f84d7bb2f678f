"""Who wrote a report, round 21 (issue 10): a sector of a whole autonomous region is the region's
own department of that line; a sector named with a municipality's name is the municipality's
department (provincial); a named prefecture city's government whose report speaks of its counties'
economy stays a city's.  Every name and sentence is invented."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit


def test_a_whole_region_s_system_is_the_region_s_department():
    r = one("2023年，全区林业和草原系统认真落实自治区党委、政府部署，国土绿化稳步推进。" + _BODY)
    assert same_unit("自治区林业和草原厅", r.org) or same_unit("自治区林业和草原局", r.org), (r.org, r.org_rule)
    assert r.level == "province", (r.org, r.level, r.level_rule)


def test_a_whole_region_s_line_of_work_is_the_region_s_department():
    r = one("2023年，在自治区党委和政府领导下，全区民政工作坚持以人民为中心，各项工作取得新成效。" + _BODY)
    assert same_unit("自治区民政厅", r.org) and r.level == "province", (r.org, r.org_rule, r.level)


def test_a_district_s_system_stays_a_district_s_bureau():
    r = one("2023年，全区水利系统认真落实区委、区政府部署，河道治理稳步推进。" + _BODY)
    assert same_unit("区水利局", r.org) and r.level == "county_district", (r.org, r.org_rule, r.level)


def test_a_municipality_s_named_system_is_provincial():
    r = one("今年以来，在北京市委、市政府的领导下，全市统计工作稳步推进。\n"
            "北京市统计系统扎实开展调查，数据质量持续提高，服务全市发展大局。" + _BODY)
    assert r.level == "province", (r.org, r.org_rule, r.level, r.level_rule)


def test_a_named_prefecture_s_government_speaking_of_county_economies_stays_a_city():
    r = one("政府工作报告\n——2024年1月10日在云州市第九届人民代表大会第三次会议上\n各位代表：\n"
            "现在，我代表云州市人民政府向大会报告工作，请予审议。\n一、过去一年的工作\n"
            "过去一年，县域经济加快发展，县域生产总值增长6%，民生持续改善。" + _BODY)
    assert same_unit("云州市人民政府", r.org) and r.level == "city", (r.org, r.org_rule, r.level, r.level_rule)
