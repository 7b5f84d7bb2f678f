"""Report starts of issue 10 round 5, from how the genre heads a report: a speech's head dated on
a line of its own under the title (title, day delivered, session, speaker), a title that pairs the
half-year's summary with the next half's key tasks (重点工作), and a work-conference speech whose
title the page ran on with its first words (今天我们召开…).  Each is a page after another page the
site cut off mid-sentence.  All units and sentences here are made up."""
from structure_helpers import BODY as _BODY, CUT as _CUT, DONE as _DONE, MORE as _MORE
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure



def _starts(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    _, reports = structure(doc)
    return [r.start_line for r in reports]


def test_a_speech_head_dated_under_its_title_starts_at_the_title():
    head = ["政 府 工 作 报 告", "2023年1月12日", "在某某区第三届人民代表大会第二次会议上", "某某区人民政府区长 李某某", "各位代表:",
            "现在，我代表区人民政府，向大会报告工作，请予审议。", "一、2022年工作回顾",
            "2022年，在区委的坚强领导下，全区上下团结奋进，经济社会发展取得新成效，地区生产总值增长百分之六。"]
    n = len(_CUT) + 2
    # the report begins at its title; the date under it dates the head, it does not sign off a report
    assert _starts([*_CUT, "", *head, *_BODY]) == [1, n]


def test_a_date_that_signs_off_a_report_still_ends_it():
    signed = ["青山镇2022年工作总结", "今年以来，青山镇在县委县政府的领导下，扎实推进各项工作。", _DONE, _MORE, "青山镇人民政府", "2022年12月20日"]
    nxt = ["某某街道2022年工作总结", "今年以来，某某街道在区委区政府的坚强领导下，统筹推进各项工作。", *_BODY]
    assert _starts([*signed, "", *nxt]) == [1, len(signed) + 2]


def test_a_title_pairing_the_summary_with_next_half_key_tasks_is_a_title():
    assert cues.title_kind("某某县信访局2021年上半年工作总结和下半年的重点工作") == "title"
    assert cues.title_kind("青山镇2022年工作总结及2023年重点工作") == "title"
    # the key tasks as a part heading of a report are no title
    assert cues.title_kind("二、下半年重点工作") is None
    page = ["某某县信访局2021年上半年工作总结和下半年的重点工作",
            "2021年上半年，我局在县委县政府的正确领导下，认真做好信访工作，信访总量同比下降。", *_BODY]
    assert _starts([*_CUT, "", *page]) == [1, len(_CUT) + 2]


def test_a_conference_speech_run_on_with_its_first_words_starts_there():
    line = "在全县水利工作会议上的讲话今天我们召开一年一度的全县水利工作会议，主要任务是总结去年工作，部署今年任务。"
    assert cues.fused_end(line, line) is not None
    assert _starts([*_CUT, "", line, *_BODY]) == [1, len(_CUT) + 2]
    # "today" inside a sentence after a genre word is no run-on title
    prose = "大家认真学习了工作报告今天的会议精神，要抓好贯彻落实。"
    assert cues.fused_end(prose, prose) is None


def test_an_opening_whose_year_has_no_comma_still_opens_a_report():
    # web copies drop the comma after the year: the year, the body, what it held to
    line = "2023年某某街道始终以习近平新时代中国特色社会主义思想为指引，主动作为，攻坚克难，各项工作取得新成效。"
    assert cues.opening_strength(line, line) == "strong"
    assert cues.is_anchor(line, line)  # a page break never joins it to the cut line before
    assert _starts([*_CUT, "", line, "一、上半年工作开展情况", *_BODY]) == [1, len(_CUT) + 2]
    # the whole place or its parts as the subject: a sentence of the body
    for body in ("2023年全镇坚持稳中求进，完成固定资产投资三亿元。", "2023年各村认真落实人居环境整治任务。"):
        assert cues.opening_strength(body, body) is None


def test_a_line_of_work_as_the_subject_opens_a_report():
    # a province's department reports for its whole line of work: 某某省民政系统 is the subject
    line = "2021年,某某省民政系统以学习贯彻党的二十大精神为统领，以服务高质量发展为重点，各项工作取得新成效。"
    assert cues.opening_subject(line, line) == "某某省民政系统"
    assert cues.opening_strength(line, line) == "strong"
    assert _starts([*_CUT, "", line, "一、党的建设得到全面加强", *_BODY]) == [1, len(_CUT) + 2]


def test_a_page_cut_after_its_title_and_opening_is_still_a_report():
    # a document-sharing preview shows a title and the first lines of the opening, then stops
    short = ["某某县信访局2021年上半年信访工作总结",
             "2021年上半年，我局在县委县政府的正确领导下，以解决群众合理诉求为重点，扎实做好信访各项工作，按照上级关于信访"]
    nxt = ["青山镇2022年工作总结", "今年以来，青山镇在县委县政府的领导下，扎实推进各项工作。", *_BODY]
    n = len(_CUT) + 2
    assert _starts([*_CUT, "", *short, "", *nxt]) == [1, n, n + len(short) + 1]


def test_a_title_and_address_alone_stay_with_the_report_before():
    # a speech's title and salutation at the foot of its own page (a teaser): no report of its own
    speech = ["某某县人民政府工作报告", "各位代表:", "现在，我代表县人民政府向大会报告工作，请予审议。",
              "一、2022年工作回顾", "2022年，在县委的坚强领导下，全县经济社会发展取得新成效，地区生产总值增长百分之六。", _MORE]
    teaser = ["某某县人民政府工作报告", "各位代表:"]
    nxt = ["青山镇2022年工作总结", "今年以来，青山镇在县委县政府的领导下，扎实推进各项工作。", *_BODY]
    starts = _starts([*speech, "", *teaser, "", *nxt])
    assert len(speech) + 2 not in starts


def test_a_file_name_over_the_documents_own_title_is_the_sites_header():
    from workreport.structure.furniture import find_furniture
    page = ["青山县人民医院2023年工作总结及2024年工作计划.docx", "", "青山县人民医院2023年工作总结及2024年工作计划.docx", "",
            "青山县人民医院2023年工作总结及2024年工作计划", "",
            "2023年，在上级主管部门的指导下，我院坚持以患者为中心，统筹推进医疗质量提升和服务改善。", "一、2023年工作总结", _DONE, _MORE]
    doc = document_from_bytes(("\n".join(page) + "\n").encode("utf-8"), "pages.txt")
    assert {1, 3} <= set(find_furniture(doc)) and 5 not in find_furniture(doc)
    # (the title printed twice in the page's head: the report begins at the first copy, docs/GENRE.md section 10)
    assert _starts([*_CUT, "", *page]) == [1, len(_CUT) + 2]
    # a file name with no title printed under it is the only title the page has: it stays
    alone = ["青山县人民医院2023年工作总结.docx", "2023年，在上级主管部门的指导下，我院坚持以患者为中心，统筹推进医疗质量提升。", _DONE]
    doc = document_from_bytes(("\n".join(alone) + "\n").encode("utf-8"), "pages.txt")
    assert 1 not in find_furniture(doc)


def test_a_short_title_with_prose_under_it_is_not_joined_to_it():
    from workreport.structure.furniture import find_furniture
    from workreport.structure.paragraphs import build_paragraphs
    lines = ["第一篇: 2023年某某中学工作总结", "本学期围绕学校内涵发展的工作主题，突出教学研究，深入开展校本培训，取得了较好的效果，现总结如下", _DONE]
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    paras = build_paragraphs(doc, find_furniture(doc))
    assert [p.line_start for p in paras][:2] == [1, 2]
    # a title a narrow page broke in two is still joined
    broke = ["某某市交通运输局2019年工作总结和2020年工", "作思路", _DONE]
    doc = document_from_bytes(("\n".join(broke) + "\n").encode("utf-8"), "pages.txt")
    assert build_paragraphs(doc, find_furniture(doc))[0].line_end == 2


def test_a_date_row_with_its_category_after_a_bar_is_furniture():
    from workreport.structure.furniture import find_furniture
    lines = ["2023-09-11 │ 学校工作总结", "", "2023年某某中学工作总结", "本学期，我校围绕内涵发展的工作主题，深入开展教学研究。", _DONE]
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    assert 1 in find_furniture(doc) and 3 not in find_furniture(doc)


def test_an_essay_sites_lead_naming_its_editor_late_in_the_line_is_furniture():
    from workreport.structure.furniture import find_furniture
    lead = ("总结的用处很多，每完成一项任务都要向上级写总结，反映工作中的基本情况、取得的经验和存在的问题，"
            "以取得上级的指导。以下是小编整理的某某学校工作总结【五篇】，仅供参考。")
    lines = [lead, "", "第一篇：2023年某某中学工作总结", "本学期，我校围绕内涵发展的工作主题，深入开展教学研究。", _DONE]
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    assert 1 in find_furniture(doc) and 3 not in find_furniture(doc)


def test_a_sentence_the_page_cut_short_stays_the_reports_last_line():
    from workreport.structure.furniture import find_furniture
    from workreport.structure.paragraphs import build_paragraphs
    # the site stopped the excerpt a few characters into a new paragraph that opens with its verb
    page = [*_CUT[:-1], "强化行政执法协调监"]
    nxt = ["长者模式 无障碍阅读 | 繁体版", "首页 > 政务公开 > 规划计划", "", "2020年某某省民政工作总结",
           "2020年以来，某某省民政系统坚持以人民为中心，各项工作取得新成效。", *_BODY]
    doc = document_from_bytes(("\n".join([*page, *nxt]) + "\n").encode("utf-8"), "pages.txt")
    furn = find_furniture(doc)
    assert len(page) not in furn
    # and no title goes on across another page's header rows
    paras = build_paragraphs(doc, furn)
    assert not any(p.line_start == len(page) and p.line_end > len(page) for p in paras)
