"""Who wrote a report, round 11 (issue 10): names read as an essay site's garbling leaves them
(pinyin glosses after the characters, traditional function words, a bracketed mask of dots), a
template's bare "township-or-town government" title, and a head speaking for a named government
to "the deputies".  Every name and sentence is invented."""
from __future__ import annotations

from test_authors import one, same_unit


def test_pinyin_glosses_inside_a_department_s_name_do_not_hide_it():
    r = one("青山市生態(tài)環(huán)境局2021年工作總結(jié)\n"
            "2021年，青山市生態(tài)環(huán)境局在市委、市政府的堅(jiān)強(qiáng)領(lǐng)導(dǎo)下，"
            "全力打好污染防治攻堅(jiān)戰(zhàn)，全市空氣優(yōu)良天數(shù)比例達(dá)到88%。\n"
            "一、大氣污染防治\n全年完成燃煤鍋爐改造12臺(tái)。\n")
    assert r.org == "青山市生態環境局", (r.org, r.org_rule)
    assert (r.level, r.domain) == ("city", "生态环境"), (r.level, r.domain)


def test_a_glossed_bare_town_government_title_defers_to_the_masked_town_of_the_text():
    r = one("鎮(zhèn)政府\n2019年工作總結(jié)及2020年工作安排\n"
            "2019年，**鎮(zhèn)人民政府在市委、市政府堅(jiān)強(qiáng)領(lǐng)導(dǎo)下，"
            "緊緊圍繞全年目標(biāo)任務(wù)，真抓實(shí)干，各項(xiàng)工作取得新成效。\n"
            "一、經(jīng)濟(jì)發(fā)展\n全鎮(zhèn)完成財(cái)政收入3200萬元。\n")
    assert same_unit("**鎮人民政府", r.org) and r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_traditional_according_to_is_no_owner_of_the_county_committee():
    r = one("201*年村(居)“兩委”換屆工作總結\n"
            "根據縣委、縣人民政府關於做好村“兩委”換屆選舉工作的要求，我鎮堅持把換屆選舉工作作為"
            "全鎮階段性工作的中心任務，鎮黨委精心組織，積極穩妥推進。\n"
            "全鎮共12個村(社區)，全部一次選舉成功。鎮黨委召開專題會議部署換屆工作。\n")
    assert r.org is None or not r.org.startswith("根據"), (r.org, r.org_rule)
    assert r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_mask_of_dots_in_brackets_is_the_town_s_own_name():
    r = one("乡镇2025年工作总结暨2026年工作计划\n"
            "2025年，在县委、县政府的坚强领导下，〔...〕乡坚持稳中求进，全面完成年度目标任务。\n"
            "一、2025年工作回顾\n全乡实现地区生产总值12亿元，增长6%。\n")
    assert same_unit("〔...〕乡", r.org) and r.level == "township_street", (r.org, r.org_rule)


def test_a_head_speaking_for_a_named_government_to_the_deputies_is_that_government_s():
    r = one("乡政府2023年民生实事工程进展情况报告\n各位代表：\n"
            "根据会议安排，我代表青石乡人民政府，向各位代表汇报2023年青石乡政府民生实事工程进展情况。\n"
            "一、农村道路工程\n全乡完成道路硬化12公里。\n")
    assert r.org == "青石乡人民政府", (r.org, r.org_rule)
    assert (r.level, r.domain, r.year) == ("township_street", "乡镇综合", 2023), (r.level, r.domain, r.year)


def test_a_department_entrusted_by_the_government_is_not_the_government():
    r = one("青山县安全生产监督管理局工作报告\n各位代表：\n"
            "我受县政府委托，向本次会议报告全县2023年安全生产工作情况，请予审议。\n"
            "一、主要工作\n全年开展安全检查320次。\n")
    assert r.org != "县政府", (r.org, r.org_rule)


def test_a_traditional_our_town_is_read_and_the_name_kept_as_written():
    r = one("年終工作總結\n"
            "行政區劃調整後，我鎮迅速編制全鎮總體規劃，全鎮上下圍繞富民強鎮目標，真抓實幹。\n"
            "一、城鎮建設\n全鎮完成道路改造8公里。\n")
    assert r.org is not None and "鎮" in r.org and "镇" not in r.org, (r.org, r.org_rule)
    assert r.level == "township_street", (r.org, r.org_rule, r.level)


def test_a_county_congress_dateline_in_traditional_keeps_the_place_as_written():
    r = one("——2024年1月6日在雲山市第十五屆人民代表大會第五次會議上\n各位代表：\n"
            "現在，我代表市人民政府，向大會報告工作，請予審議。\n一、過去一年工作回顧\n全市地區生產總值增長5.8%。\n")
    assert r.org == "雲山市人民政府" and r.level == "city", (r.org, r.org_rule, r.level)


def test_a_town_committee_named_as_leading_is_not_the_town_government_s_author():
    r = one("一、2023年度工作回顾\n"
            "2023年是全面贯彻党的二十大精神的开局之年。一年来，在县委、县政府，镇党委的坚强领导下，"
            "在镇人大的有效监督下，xx镇政府围绕年初确定的目标任务，攻坚克难，各项工作取得新成效。\n"
            "（一）经济发展\n全镇完成固定资产投资3.2亿元。\n")
    assert same_unit("xx镇政府", r.org), (r.org, r.org_rule)
