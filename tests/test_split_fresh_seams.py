"""Seams of issue 10 round 2, learned from pages the splitter had never seen (the fresh set):
titles that put the year before the body or end with 全年总结/年终总结, a session line of a
government work report cut after its place, an official document number above the text, an
essay site's 篇一：《…》 marker, a title glued to its first part heading.  All units and sentences
here are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_CUT_LONG = "持续推进农村人居环境整治，全年共清理河塘沟渠四十余条，新建公厕十二座，改造农户厨房两百余户，为下一步"


def _starts(lines):
    text = "\n".join(lines) + "\n"
    _, reports = structure(document_from_bytes(text.encode("utf-8"), "pages.txt"))
    return [r.start_line for r in reports]


def test_a_title_with_its_year_before_the_body_is_a_title_and_a_bare_part_name_is_not():
    assert cues.title_kind("2019年青石镇政府工作总结") == "title"
    assert cues.title_kind("2023年某某社区环境整治工作总结") == "title"
    assert cues.title_kind("2019年青石鎮政府工作總結") == "title"  # traditional characters
    assert cues.title_kind("2023年工作总结") is None
    assert cues.title_kind("2023年乡村振兴工作总结") is None
    assert cues.title_kind("2023年全镇工作总结") is None


def test_a_summary_named_for_the_whole_year_is_a_genre_title():
    assert cues.title_kind("青山市交通局全年总结") == "genre"
    assert cues.title_kind("某某区市场监管局食品安全年终总结") == "genre"
    assert cues.title_kind("全局年终总结") is None


def test_a_portal_title_with_its_publish_date_reads_as_the_title():
    assert cues.title_core("白沙街道办事处2019年工作总结和2020年工作安排 2021-03-15") == "白沙街道办事处2019年工作总结和2020年工作安排"


def test_a_session_line_cut_after_its_place_is_preamble():
    assert cues.preamble_rule("20xx年2月10日在青山县") == "split.preamble.session"
    assert cues.preamble_rule("2022年12月20日在县城召开表彰大会") is None


def test_an_issuing_number_and_an_essay_marker():
    assert cues.preamble_rule("青环〔2022〕31号") == "split.preamble.doc_number"
    assert cues.preamble_rule("根据青环〔2022〕31号文件要求") is None
    assert cues.title_kind("篇一：《某某中学年度工作总结》") == "title"


def test_a_title_glued_to_its_first_part_heading_is_a_fused_title():
    assert cues.fused_title("某某社区2023年环境整治工作总结 一、工作回顾 今年以来，社区") == "某某社区2023年环境整治工作总结 "
    assert cues.fused_title("全年完成投资三亿元。一、工作回顾") is None


def test_a_page_whose_title_puts_the_year_first_starts_after_a_cut_page():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE, _CUT_LONG,
             "", "2019年青石镇政府工作总结", "四是抓好基础设施建设，全年新修村道八公里。", _DONE]
    assert _starts(lines) == [1, 6]


def test_a_speech_whose_session_line_is_broken_is_one_report():
    lines = ["政 府 工 作 报 告", "", "20xx年1月20日在青山县", "", "第九届人民代表大会第三次会议上", "",
             "青山县人民政府县长 某某某", "", "各位代表：", "", "现在，我代表县人民政府向大会作工作报告，请予审议。", "",
             "一、过去一年工作回顾", "", _DONE, "", _DONE]
    assert _starts(lines) == [1]


def test_an_opening_over_five_years_starts_the_next_page():
    lines = ["红石乡2022年工作总结", "2022年，红石乡在县委、县政府的坚强领导下，统筹推进各项工作。", "一、主要工作",
             _DONE, _DONE, _DONE, _CUT_LONG,
             "五年来，镇政府在县委、县政府和镇党委的正确领导下，团结带领全镇干部群众，扎实开展各项工作。",
             "一、经济实力稳步提升", _DONE]
    assert _starts(lines) == [1, 8]


def test_a_named_title_after_a_report_body_starts_the_next_even_glued_after_an_ended_sentence():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", "一、主要工作",
             _DONE, _DONE, _DONE, _DONE, _DONE, "某某市生态环境分局2022年工作总结和2023年工作计划",
             "今年以来，全市生态环境保护工作稳步推进。", _DONE]
    assert _starts(lines) == [1, 9]


def test_a_report_s_own_title_printed_again_over_a_later_page_does_not_split_it():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", "一、主要工作",
             _DONE, _DONE, _DONE, "青山县民政局2022年工作总结", "二、存在的问题", _DONE]
    assert _starts(lines) == [1]


def test_an_opening_whose_leadership_phrase_comes_after_a_long_scene_clause_is_strong():
    s = ("2022年，面对复杂多变的外部环境和交织叠加的风险挑战，我们坚持以新发展理念为引领，深入贯彻上级各项决策部署，"
         "在区委、区政府和街道党工委的坚强领导下，迎难而上，砥砺前行。")
    assert cues.opening_strength(s) == "strong"
    assert cues.opening_strength("2022年，全镇共完成粮食播种面积三万亩，同比增长百分之五，蔬菜种植面积稳定在八千亩以上。") is None


def test_a_document_sharing_notice_block_is_furniture_before_the_next_title():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", "一、主要工作",
             _DONE, _DONE, _DONE, _DONE, _DONE, _CUT_LONG,
             "温馨提示:", "1. 本文档由用户上传，版权归属用户，某某网负责整理代发布。", "网站客服:400000000",
             "某某市交通局全年总结", "一年来，我局在市委、市政府的正确领导下，圆满完成了各项工作任务。", _DONE]
    text = "\n".join(lines) + "\n"
    parsed, reports = structure(document_from_bytes(text.encode("utf-8"), "pages.txt"))
    assert [r.start_line for r in reports] == [1, 13]
    assert reports[0].end_line == 9


def test_an_opening_after_a_head_whose_own_opening_was_cut_off_starts_the_next_page():
    lines = ["政府工作报告", "——2022年1月10日在青山县第八届人民代表大会第一次会议上", "县长 某某某", "各位代表：",
             "现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。",
             "过去的一年，县政府在县委的坚强领导下，团结依靠全县人民，坚持稳中求进，统筹发展和安全，真抓实干，锐意进取，紧紧围绕年初确定的",
             "一年来，在市委、市政府的正确领导下，在省交通运输厅的大力支持下，我局认真履行职责，全力推进交通建设。", _DONE]
    assert _starts(lines) == [1, 7]


def test_a_monthly_summary_and_a_fully_masked_year_still_read_as_titles():
    assert cues.title_kind("青山区市场监督管理局4月份工作小结") == "title"
    assert cues.title_kind("一、4月份工作完成情况") is None
    assert cues.fused_title("某某服务中心年终工作总结****年以来,服务中心在管委会的领导下") == "某某服务中心年终工作总结"
