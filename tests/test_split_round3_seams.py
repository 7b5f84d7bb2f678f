"""Seams of issue 10 round 3 (report starts in pasted pages): a page-count mark or the Word
field code it was printed from glued before a title, a title a converted page broke into short
pieces (name / year / genre words each on a line), fully masked years (****年), a speech's
date line with a masked year, a title run on with its opening after a report's body, a title
after a report that is only its head and one whole opening paragraph (a page the site cut
short), a site's summary of the text printed above it without the text's spaces.  All units
and sentences here are made up."""
from workreport.structure import cues, structure
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraphs import build_paragraphs

from structure_helpers import DONE as _DONE, MORE as _MORE, REPORT as _REPORT, pasted as _doc, start_lines as _starts


def test_a_page_count_mark_comes_off_a_title_run_on_with_its_opening():
    assert cues.page_mark_end("第3页共12页某某县统计局2022年工作总结") == len("第3页共12页")
    assert cues.page_mark_end("第PAGE\\*Arabic\\*MERGEFORMAT2页共NUMPAGES\\*MERGEFORMAT9页正文") > 0
    assert cues.page_mark_end("第3页共12页") == 0  # nothing after it: the mark alone is furniture's business
    assert cues.page_mark_end("全书共12页，第3页是目录") == 0
    glued = ("第PAGE\\*Arabic\\*MERGEFORMAT5页共NUMPAGES\\*MERGEFORMAT5页白沙镇社会事务办工作报告2022年，"
             "白沙镇社会事务办认真贯彻县委县政府部署，扎实推进各项社会事业。一、主要工作（一）民生保障。" + _DONE)
    assert _starts([*_REPORT, glued]) == [1, 9]
    plain = "第2页共7页青石乡农业服务中心2023年工作总结2023年，青石乡农业服务中心在乡党委的领导下，" + _MORE + _DONE
    assert _starts([*_REPORT, plain]) == [1, 9]


def test_a_title_broken_into_short_pieces_is_one_paragraph_that_starts_a_report():
    assert cues.broken_title_lines(["某某区水务局", "2023", "年工作总结和", "2024", "年工作思路"]) == 5
    assert cues.broken_title_lines(["某某区水务局", "2023", "年工作总结", "一、主要工作"]) == 3
    assert cues.broken_title_lines(["讲话", "***", "李某某"]) == 0
    assert cues.broken_title_lines(["2", "个。完成改造", "13"]) == 0  # figures a converted page put on lines of their own
    pieces = ["某某区水务局", "2023", "年工作总结和", "2024", "年工作思路", "一、2023年工作总结", _DONE]
    paras = build_paragraphs(_doc(pieces), frozenset())
    assert paras[0].text == "某某区水务局2023年工作总结和2024年工作思路"
    assert paras[0].rule.startswith("paragraph.join.broken_title")
    assert _starts([*_REPORT, *pieces]) == [1, 9]


def test_a_fully_masked_year_is_a_year():
    assert "split.intro.period" in cues.intro_rules("****年以来，某某服务中心在管委会的坚强领导下，扎实推进各项工作")
    assert "split.intro.opening_year" in cues.intro_rules("xxxx年，某某局坚持稳中求进")
    assert "split.intro.period" not in cues.intro_rules("*****年以来")


def test_a_speech_date_line_with_a_masked_year_holds_the_head_together():
    assert cues.preamble_rule("（二00*年*月*日）") == "split.preamble.session"
    assert cues.preamble_rule("（20xx年1月8日）") == "split.preamble.session"
    speech = ["某某乡政府工作报告", "——在某某乡第五届人民代表大会第三次会议上", "（二00*年*月*日）", "各位代表：",
              "现在，我代表乡人民政府向大会作工作报告，请予审议。",
              "过去的一年，在县委、县政府的正确领导下，我们团结带领全乡干部群众，攻坚克难，各项事业取得新进展，全乡经济平稳增长。"]
    assert _starts(speech) == [1]


def test_a_title_run_on_with_its_opening_after_a_report_body_starts_a_report():
    fused = "某某镇农业服务中心半年度工作总结2024年以来，镇农业服务中心深入贯彻县委部署，扎实推进各项工作。"
    # the report before names no body (a self-reference): no new name tells the two apart
    before = ["今年以来，在县委县政府的坚强领导下，我局扎实做好各项工作。", *_REPORT[2:]]
    assert _starts([*before, fused, _MORE]) == [1, 8]


def test_a_title_after_a_head_and_one_whole_opening_paragraph_starts_a_report():
    # a page the site cut short: a speech's head and its first paragraph, then the next page's title
    short = ["某某乡政府工作报告", "各位代表：", "现在，我代表乡人民政府向大会作工作报告，请予审议。",
             "过去的一年，在县委、县政府的正确领导下，我们团结带领全乡干部群众，攻坚克难，各项事业取得新进展，全乡经济平稳增长，"
             "人民生活持续改善，社会大局和谐稳定，为今后的发展打下了坚实基础。"]
    assert _starts([*short, "青山区市场监管局4月份工作小结", "一、本月工作完成情况", _DONE, _MORE]) == [1, 5]


def test_a_summary_printed_above_the_text_without_its_spaces_is_furniture():
    text = "2023年某某社区环境整治工作总结 一、工作回顾 2023年，我们社区环境整治工作在街道党工委的指导下，" + _DONE + _MORE
    summary = text.replace(" ", "")[:90] + "…"
    lines = [*_REPORT, summary, text]
    assert 9 in find_furniture(_doc(lines))
    assert _starts(lines) == [1, 10]


def test_a_speech_title_run_on_with_its_speaker_date_and_salutation_is_a_fused_title():
    line = "第1页共9页青山市政府工作报告李某某2023年1月6日各位代表:现在,我代表市人民政府,向大会报告工作,请予审议。" + _DONE + _MORE
    assert cues.fused_title(line[cues.page_mark_end(line):]) is not None
    assert _starts([*_REPORT, line]) == [1, 9]


def test_a_site_row_of_name_section_and_title_is_furniture_and_the_report_starts_below_it():
    lines = [*_REPORT, "某某网 资料文库 县政府工作报告范文", "各位代表：", "现在，我代表县人民政府向大会作政府工作报告，请予审议。",
             "过去的一年，在市委、市政府的坚强领导下，我们团结带领全县人民，攻坚克难，砥砺前行，全县经济社会发展取得新成效。", _DONE, _MORE]
    assert 9 in find_furniture(_doc(lines))
    assert _starts(lines) == [1, 10]


def test_openings_with_a_half_year_a_two_character_masked_year_or_a_subject_that_works_consciously():
    assert cues.opening_strength("今年以来，县政府办紧紧围绕全县中心工作，服务保障有力有效") == "strong"
    assert cues.opening_strength("2022年上半年，某某镇党委、政府认真落实县委经济工作会议精神") == "strong"
    assert cues.opening_strength("XX年，某某镇党委政府在县委的坚强领导下，团结带领全镇干部群众") == "strong"
    assert cues.opening_strength("**年以来，某某镇坚持稳中求进") == "strong"
    assert cues.opening_strength("2022年上半年，全镇完成投资三亿元") is None
    assert cues.opening_strength("XX年，全镇完成投资三亿元") is None


def test_a_report_to_a_work_meeting_is_a_title_and_runs_on_into_its_address():
    assert cues.title_kind("在全县农业农村工作会议上的讲话") == "genre"
    assert cues.title_kind("在全县大会上的讲话精神") is None
    line = ("在2023年全县水利工作会上的报告在2023年全县水利工作会上的报告同志们:这次会议的主要任务是总结去年工作，部署今年任务。"
            + _DONE + _MORE)
    assert cues.fused_title(line) is not None
    assert _starts([*_REPORT, line]) == [1, 9]


def test_an_opening_from_last_year_onward_with_an_office_as_its_subject():
    s = "去年以来，在市政府办公室的大力支持和指导下，某某区政府办公室紧扣中心、服务大局，各项工作取得新成效。"
    assert cues.opening_subject(s) == "某某区政府办公室"
    assert cues.opening_strength(s) == "strong"


def test_a_title_left_in_a_table_cell_starts_a_report():
    lines = [*_REPORT, "索引号: | 000000000/2023-00001 | 主题分类: | 政府工作 |", "发布机构: | 区办公室 | 成文日期: | 2023-03-12 |",
             "某某开发区2022年工作总结和2023年工作安排报告 |", "2022年，某某开发区在市委市政府的坚强领导下，攻坚克难，各项工作取得新成效。", _DONE, _MORE]
    assert _starts(lines) == [1, 11]


def test_a_report_sent_up_opens_with_the_bodies_it_is_addressed_to():
    lines = [*_REPORT, "下面是小编为大家整理的某县人民政府年度工作总结，供大家参考。", "市委：",
             "2022年是本届政府的开局之年，也是极不平凡的一年。一年来，我们认真落实市委各项决策部署，全县经济社会发展取得新成效。", _DONE, _MORE]
    assert _starts(lines) == [1, 10]


def test_a_page_number_glued_before_a_year_a_plan_genre_and_site_words_after_the_genre():
    assert cues.page_mark_end("12023年某某街道2023年工作规划2023年是关键之年") == 1
    assert cues.page_mark_end("2023年某某街道工作规划") == 0
    assert cues.fused_title("某某中心2020上半年工作总结报告范文稿2020年，中心在区委、区政府的领导下") is not None
    assert cues.fused_title("青山区司法局2021年工作总结和2022年工作计划文稿今年以来，全区司法行政系统在区委的领导下") is not None
    line = "12023年某某街道2023年工作规划2023年是关键之年，街道将聚焦民生抓好落实。" + _DONE + _MORE
    assert _starts([*_REPORT, line]) == [1, 9]


def test_a_ministers_byline_and_the_date_hold_a_speech_head_together():
    assert cues.preamble_rule("某某部部长 王某某") == "split.preamble.speaker"
    speech = ["——在2024年全国某某工作会议上的工作报告", "某某部部长 王某某", "（2024年1月23日）", "同志们：",
              "这次会议的主要任务是，总结2023年工作，部署2024年重点任务。", _DONE, _MORE]
    assert _starts([*_REPORT, *speech]) == [1, 9]


def test_a_title_broken_before_the_character_for_year_is_still_one_title():
    assert cues.broken_title_lines(["XX", "镇", "2023", "年政府工作报告", "各位代表:"]) == 4
    assert cues.broken_title_lines(["XX", "镇", "年政府工作报告"]) == 0  # (no year cut before it)


def test_a_title_broken_into_pieces_at_a_pages_top_is_no_furniture_but_scattered_tags_are_no_title():
    assert cues.broken_title_lines(["2023", "交通局", "全年", "总结", "范文"]) == 0  # a site's tags: the year has no year character
    assert cues.broken_title_lines(["交通局", "全年", "总结", "范文"]) == 0  # (a genre without its year)
    lines = ["XX", "镇", "2023", "年政府工作报告", "各位代表：", "现在，我代表镇人民政府向大会报告工作，请予审议。",
             "过去的一年，在县委、县政府的坚强领导下，我们团结带领全镇干部群众，攻坚克难，各项事业取得新进展。", _DONE]
    assert not find_furniture(_doc(lines)) & {1, 2, 3}
    assert _starts([*_REPORT, *lines]) == [1, 9]


def test_a_speech_begins_at_the_headline_and_subtitle_printed_over_its_session_line():
    speech = ["深入贯彻全国某某工作会议精神", "以高质量发展推进某某事业现代化", "——在2024年全国某某工作会议上的工作报告",
              "某某部部长 王某某", "（2024年1月23日）", "同志们：", "这次会议的主要任务是，总结2023年工作，部署2024年重点任务。", _DONE, _MORE]
    one_line = "12023年某某街道2023年工作规划2023年是关键之年，街道将聚焦民生抓好落实。" + _DONE + _MORE
    lines = [*_REPORT, one_line, "", *speech]
    assert not find_furniture(_doc(lines)) & {11, 12}
    assert _starts(lines) == [1, 9, 11]


def test_a_report_under_an_essay_sites_item_marker_begins_at_the_marker():
    assert cues.item_header("篇一：某某局上半年工作總結(jié)范文")  # (a broken encoding's pinyin glosses read past)
    assert not cues.item_header("篇目一览")
    lines = [*_REPORT, "", "篇一：某某局上半年工作总结", "",
             "上半年，市某某局紧紧围绕市委、市政府中心工作，全面落实年度工作安排，各项工作取得新成效。", "", "上半年工作完成情况", _DONE, _MORE]
    _, reports = structure(_doc(lines))
    assert [r.start_line for r in reports] == [1, 10]


def test_an_opening_that_names_its_subject_before_the_leadership_it_works_under():
    assert cues.opening_strength("某某林场在县委、县政府和县林业局的领导下，抓好营林护林，森林覆盖率稳步提高。") == "strong"
    assert cues.opening_strength("各村在镇党委的领导下，积极开展人居环境整治。") is None


def test_a_title_run_on_with_the_years_scene_after_a_report_body_starts_a_report():
    line = "某某街道2023年工作规划2023年是承上启下的一年，街道将围绕发展大局，抓好各项重点工作。" + _DONE + _MORE
    assert _starts([*_REPORT, line]) == [1, 9]


def test_a_portal_byline_of_the_bodys_name_over_the_text_is_the_reports_first_line():
    page = ["您好，欢迎访问某某省水利厅网站！ 今天是：设为首页 | 无障碍阅读", "", "索引号000000001/2022-00001 主题词", "发文单位某某省水利厅 效力状态有效",
            "", "某某省水利厅", "", "2021年，在省委、省政府坚强领导下，全省水利系统抓重点、补短板，各项工作取得新进展。", _DONE, _MORE]
    lines = [*_REPORT, *page]
    furn = find_furniture(_doc(lines))
    assert {9, 11, 12} <= furn and 14 not in furn
    assert _starts(lines) == [1, 14]
    # (a body's name signed under a report's last sentence stays that report's signature)
    signed = [*_REPORT, "青山县民政局", "", "今年以来，某某镇在县委县政府的坚强领导下，扎实推进各项工作，取得新成效。", _DONE, _MORE]
    assert _starts(signed) == [1, 11]


def test_a_year_glued_to_the_leadership_phrase_opens():
    assert cues.opening_strength("2021年在省委、省政府坚强领导下，全省水利系统抓重点、补短板") == "strong"
    assert cues.opening_strength("2021年在全省率先完成改革任务") is None
