"""The year a report reports on, round 5 (issue 10): a year named once as the year now closing, a
site's sample label on the title, a speech filed under a summary's name, a year written straight
before the genre words, a school year, a first part that opens on the year and its speakers, a
new term's first session in the summer.  Every name and sentence is invented."""
from __future__ import annotations

from test_authors import _BODY, one, parse_text

from workreport.structure.year import report_year


def test_a_speech_naming_its_year_once_as_closing_reports_that_year():
    r = one("同志们：今天我们召开全局务虚会，听取大家意见。\n一、今年的主要工作\n全局上下团结一心，扎实推进各项工作。\n重点项目建设稳步推进，服务群众水平不断提升。\n眼下，2024年已接近尾声，"
            "各项工作有序推进。\n二、明年的打算\n我们要认真谋划明年工作安排。\n")
    assert (r.year, r.year_rule) == (2024, "year.closing_scene"), (r.year, r.year_rule)


def test_a_past_year_named_in_passing_is_not_a_closing_year():
    r = one("同志们：今天我们召开全局务虚会，听取大家意见。2019年已完成的项目还要回头看。" + _BODY)
    assert r.year_rule != "year.closing_scene", (r.year, r.year_rule)


def test_a_sample_label_on_the_title_yields_to_the_year_the_body_opens_with():
    r = one("2021年青山中学工作总结范文\n2017年度，在县教育局的正确领导下，青山中学全体教职工"
            "团结一心，圆满完成了各项工作任务。" + _BODY)
    assert (r.year, r.year_rule) == (2017, "year.opening.over_sample_title"), (r.year, r.year_rule)


def test_a_plain_title_keeps_its_year_over_the_body_s_opening():
    r = one("白河镇2021年工作总结和2022年工作计划\n2020年，白河镇党委、政府在县委的坚强领导下，"
            "团结带领全镇干部群众，各项工作取得新成效。" + _BODY)
    assert (r.year, r.year_rule) == (2021, "year.title"), (r.year, r.year_rule)


def test_a_congress_speech_filed_under_a_summary_s_name_reports_the_summary_s_year():
    r = one("2022年青山区政府部门工作汇报\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。"
            "\n一、主要工作\n预计全年地区生产总值增长5%。\n二、下一步打算\n继续抓好各项工作。\n")
    assert r.year == 2022, (r.year, r.year_rule)


def test_a_year_written_straight_before_the_genre_words_is_the_title_s_year():
    r = one("XX镇2023政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。"
            "\n一、过去一年的工作\n全年各项工作有序推进。\n二、今年的工作安排\n继续抓好各项工作。\n")
    assert r.year == 2022, (r.year, r.year_rule)


def test_a_school_year_summary_reports_the_year_the_school_year_ends():
    r = one("2022-2023学年青山中学工作总结\n本学年，我校坚持立德树人，教育教学质量稳步提升。" + _BODY)
    assert r.year == 2023, (r.year, r.year_rule)


def test_a_first_part_opening_on_the_year_and_its_speakers_is_the_year_reviewed():
    r = one("白河镇2024年政府工作报告 各位代表：现在我代表镇人民政府报告工作。一、2024年我们迎难而上，"
            "全镇经济稳中有进。二、2025年工作安排 继续抓好各项工作。")
    assert (r.year, r.year_rule) == (2024, "year.gov_report.review_inline"), (r.year, r.year_rule)


def test_a_new_term_s_first_session_in_the_summer_reviews_the_year_before():
    r = one("白河乡2021年政府工作报告\n——2021年8月20日在白河乡第十八届人民代表大会第一次会议上\n"
            "各位代表：\n现在，我代表乡人民政府向大会报告工作，请予审议。\n一、过去一年的工作\n"
            "全年各项工作有序推进。\n二、今后的工作安排\n继续抓好各项工作。\n")
    assert (r.year, r.year_rule) == (2020, "year.gov_report.session"), (r.year, r.year_rule)


def test_a_december_session_reviews_its_own_year():
    r = one("白河乡2022年政府工作报告\n——2021年12月20日在白河乡第十八届人民代表大会第二次会议上\n"
            "各位代表：\n现在，我代表乡人民政府向大会报告工作，请予审议。\n一、过去一年的工作\n"
            "全年各项工作有序推进。\n二、明年的工作安排\n继续抓好各项工作。\n")
    assert (r.year, r.year_rule) == (2021, "year.gov_report.session_late"), (r.year, r.year_rule)


def test_a_past_fact_in_a_later_sentence_of_a_document_site_s_next_chunk_is_not_the_year():
    r = one("1、白河电力公司先进事迹材料各位领导、同志们：今天，市里安排我们公司介绍经验，我们深感荣幸。\n"
            "2、公司供电量增长迅速，居全市之首。而我公司早在2006年最高负荷就已突破十万千瓦，电网十分薄弱。\n"
            "3、加强电网建设，提升供电能力。\n")
    assert r.year_rule != "year.opening", (r.year, r.year_rule)


def test_the_first_part_heading_run_into_a_one_line_page_names_the_year():
    r = one("青山市林业局工作总结及工作安排今年以来，在市委、市政府的正确领导下，全市林业工作保持良好态势，"
            "各项工作稳步推进，全体干部职工团结一心、攻坚克难，造林绿化、森林防火、林业产业和生态保护修复等重点工作均取得明显成效。一、2022年林业主要工作及成效(一)认真实施造林工程。"
            "全年完成造林五万亩。")
    assert (r.year, r.year_rule) == (2022, "year.review_part_inline"), (r.year, r.year_rule)


def test_a_government_portal_s_posting_date_dates_a_monthly_summary_that_names_no_year():
    r = one("您所在的位置：首页 > 政务公开 > 部门信息 > 青山区林业局\n\n青山区林业局5月份工作小结\n\n"
            "信息来源：青山区林业局 发布时间：2023-06-12 浏览：\n\n一、5月份工作完成情况\n"
            "1、完成植树造林二百亩。\n2、开展森林防火检查十次。\n二、6月份工作打算\n继续抓好森林防火。\n")
    assert (r.year, r.year_rule) == (2023, "year.portal_date"), (r.year, r.year_rule)


def test_an_essay_site_s_posting_date_dates_nothing():
    r = one("当前位置:范文网 > 实用文 > 汇报材料 >\n\n青山区林业局5月份工作小结\n\n"
            "更新时间:2023-06-12 阅读量:25\n\n一、5月份工作完成情况\n"
            "1、完成植树造林二百亩。\n2、开展森林防火检查十次。\n二、6月份工作打算\n继续抓好森林防火。\n")
    assert r.year is None, (r.year, r.year_rule)


def test_a_work_conference_subtitle_under_a_theme_headline_dates_the_report():
    _, reps = parse_text("凝心聚力推动林业高质量发展\n——在2025年全省林业工作会议上的报告\n某某省林业局局长 张三\n"
            "同志们：\n这次会议的主要任务是总结工作、部署任务。\n一、过去一年的主要工作\n各项工作有序推进。\n"
            "二、今年的重点任务\n继续抓好各项工作。\n")
    # the report as read under its theme headline alone (the subtitle is one of its lines)
    r = next(r for r in reps if r.start_line <= 2 <= r.end_line)
    assert report_year(r, (("凝心聚力推动林业高质量发展", "org.title"),)) == (2024, "year.gov_report.title")


def test_a_year_only_a_document_site_put_before_the_file_name_is_not_the_report_s():
    bare = report_year_of_chunks("苗圃半年工作总结 青山县白石苗圃")
    dated = report_year_of_chunks("2023年苗圃半年工作总结 青山县白石苗圃")
    assert bare[1] != "year.title" and dated == (2023, "year.title"), (bare, dated)


def report_year_of_chunks(first_chunk: str):
    """A document-sharing page: the file-name row dates the file, its chunks are the document."""
    _, reps = parse_text("2023年苗圃半年工作总结.docx\n上传者:某某 上传日期:2023-03-02\n资源描述\n\n"
                         f"1、{first_chunk} 今年以来，本场在主管部门指导下，扎实推进苗木培育工作。\n"
                         "2、苗木培育。目前已育苗三十万株，病虫害防治有序开展。\n")
    r = next(r for r in reps if r.start_line <= 5 <= r.end_line)
    return r.year, r.year_rule


def test_a_government_work_report_title_glued_to_the_speech_dates_it():
    r = one("下面是为大家整理的材料，供参考。\nXX 镇 2024 政府工作报告 现在，我代表镇人民政府，向大会作政府工作报告，"
            "请予审议。\n一、过去五年工作回顾\n五年来，全镇经济平稳发展。\n二、今年的工作安排\n继续抓好各项工作。\n")
    assert (r.year, r.year_rule) == (2023, "year.gov_report.fused_title"), (r.year, r.year_rule)
