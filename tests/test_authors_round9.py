"""Who wrote a report, round 9 (issue 10): a government named as the report itself writes it --
the short "town government" of a summary that never writes the full form, and the speaker's line
of a work report (a banner's short name) over the session's dateline.  Every name and sentence
is invented."""
from __future__ import annotations

from test_authors import _BODY, one, same_unit


def test_a_town_that_only_writes_town_government_keeps_that_form():
    r = one("2024年，在县委、县政府的正确领导下，在镇人大的监督支持下，我带领镇政府班子成员，"
            "围绕年度目标扎实工作，各项任务顺利完成。\n一、主要工作\n（一）产业发展。\n"
            "全年新引进项目6个，镇政府各部门协同推进。\n")
    assert r.org == "镇政府" and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_town_that_writes_its_full_name_keeps_the_full_form():
    r = one("2024年，在县委、县政府的正确领导下，在镇人大的监督支持下，镇人民政府围绕年度目标"
            "扎实工作，镇政府班子团结协作。\n一、主要工作\n（一）产业发展。\n全年新引进项目6个。\n")
    assert r.org == "镇人民政府", (r.org, r.org_rule)


def test_our_county_is_the_county_government_as_the_text_writes_it():
    r = one("今年以来，面对复杂形势，我县统筹发展和安全，县政府常务会议研究重点项目12次，"
            "全县经济运行稳中向好。\n一、上半年工作情况\n（一）项目建设提速。\n新开工项目18个。\n")
    assert same_unit("县政府", r.org), (r.org, r.org_rule)


def test_the_speaker_line_names_the_government_in_its_own_short_form():
    r = one("——在白马尔罕旗第九届人民代表大会第三次会议上\n白马旗人民政府代旗长 某某某\n（2023年1月8日）\n"
            "各位代表：\n现在，我代表旗人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n"
            "过去一年，全旗地区生产总值增长6.1%。\n")
    assert r.org == "白马旗人民政府", (r.org, r.org_rule)
    assert (r.level, r.domain, r.year) == ("county_district", "政府工作", 2022), (r.level, r.domain, r.year)


def test_a_speaker_line_of_another_kind_of_place_does_not_rename_the_dateline():
    r = one("——在青山区第五届人民代表大会第二次会议上\n白河县县长 某某某\n（2023年1月8日）\n"
            "各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n"
            "过去一年，全区地区生产总值增长6.1%。\n")
    assert r.org == "青山区人民政府", (r.org, r.org_rule)
