"""Seams between pasted web pages (issue 10): each page is the beginning of a real page, cut by
the site in mid-sentence, and the next page follows with 0, 1 or 2 blank lines.  A cut sentence
followed by a title, a preamble, a page's first document-sharing chunk or (after a long cut
line) an opening formula is where the next page begins; the cut line stays with its own page.
All units and sentences here are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

# a paragraph of a report, ended; and one cut off by the page's end (no closing punctuation)
_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_CUT_LONG = "持续推进农村人居环境整治，全年共清理河塘沟渠四十余条，新建公厕十二座，改造农户厨房两百余户，为下一步"


def _parse(lines):
    text = "\n".join(lines) + "\n"
    return structure(document_from_bytes(text.encode("utf-8"), "pages.txt"))


def _starts(lines):
    _, reports = _parse(lines)
    return [r.start_line for r in reports]


def test_a_title_after_a_cut_sentence_starts_the_next_page_with_no_blank_line():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE,
             "一、主要工作", _CUT_LONG,
             "红石镇2022年工作总结", "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _DONE]
    _, reports = _parse(lines)
    assert [r.start_line for r in reports] == [1, 6]
    assert reports[0].end_line == 5  # the cut line ends its own page; the title is not kept there


def test_a_very_short_page_is_not_merged_with_the_next():
    lines = ["白水乡2021年工作总结", "2021年以来，白水乡党委、政府团结带领全乡干部群众，紧紧围绕年初确定的目标任务，全力抓好产业发展和",
             "", "某某街道2021年工作总结", "今年以来，某某街道在区委区政府的领导下，扎实推进基层治理。", _DONE]
    assert _starts(lines) == [1, 4]


def test_a_report_after_a_long_government_speech_keeps_its_own_title():
    speech = ["政府工作报告", "——2022年1月10日在青山县第八届人民代表大会第一次会议上", "县长 某某某", "各位代表：",
              "现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。",
              "一、过去一年工作回顾"] + [_DONE] * 12 + [_CUT_LONG]
    lines = speech + ["青山县水务局2020年工作总结和2021年工作计划",
                      "2020年，县水务局在县委县政府的坚强领导下，全力推进河湖治理。", _DONE]
    assert _starts(lines) == [1, len(speech) + 1]


def test_a_titled_item_number_the_site_appends_still_reads_as_a_title():
    lines = ["某某乡2022年工作总结", "今年以来，某某乡党委、政府紧紧围绕县委部署，全力推进各项重点工作落地见效。", _CUT_LONG,
             "", "某某镇政府工作报告2", "各位代表：", "现在，我代表镇人民政府向大会报告工作，请予审议。", _DONE]
    assert _starts(lines) == [1, 5]


def test_an_opening_after_a_long_cut_line_starts_a_page_without_title():
    lines = ["红星农场2021年工作总结", "2021年，红星农场在市委、市政府的坚强领导下，全力推进农场改革发展。", _CUT_LONG,
             "2022年以来，黄河垦殖场在县委、县政府的坚强领导下，坚持稳中求进，各项工作取得新成效。", _DONE]
    assert _starts(lines) == [1, 4]


def test_a_page_break_inside_a_report_is_no_seam():
    # the second half of a sentence a page break cut goes on mid-sentence: one report
    lines = ["红星农场2021年工作总结", "2021年，红星农场在市委、市政府的坚强领导下，全力推进农场改革发展。", _CUT_LONG,
             "", "做好乡村振兴打下基础，全年农场职工人均收入增长百分之六。", _DONE]
    assert _starts(lines) == [1]


def test_a_short_subheading_without_punctuation_is_no_cut():
    # an unnumbered subheading and a paragraph that opens like a report: still one report
    lines = ["青山区审计局2022年工作总结", "2022年，区审计局在区委区政府的坚强领导下，依法履行审计监督职责。", _DONE,
             "强化经济责任审计", "2022年以来，区审计局在区委审计委员会的领导下，完成经济责任审计项目十个。", _DONE]
    assert _starts(lines) == [1]


def test_a_first_chunk_after_another_pages_chunks_begins_a_new_page():
    body_a = "某某乡2022年工作要点 2022年，某某乡党委政府将在县委、县政府的领导下，坚持稳中求进，做强特色产业，" * 3
    body_b = "红石镇2021年工作总结 2021年，红石镇在县委、县政府的坚强领导下，全面完成年初确定的各项目标任务，" * 3
    lines = ["1、" + body_a, "", "2、" + body_a[:-5], "", "1、" + body_b, "", "2、" + body_b[:-4]]
    assert _starts(lines) == [1, 5]


def test_a_document_sharing_head_block_before_the_first_chunk_is_furniture():
    body = "青山镇2021年政府工作报告各位代表：现在，我代表镇人民政府向大会报告工作，请予审议。过去一年，全镇上下攻坚克难，" * 3
    lines = ["某某街道2021年工作总结", "今年以来，某某街道在区委区政府的领导下，扎实推进基层治理。", _CUT_LONG, "",
             "ID:20220311", "", "大小:48.5 KB", "", "页数:6页", "", "青山镇2021年政府工作报告 _第1页",
             "青山镇2021年政府工作报告 _第2页", "资源描述:", "", "1、" + body, "", "2、" + body[:-3]]
    chrome, reports = _parse(lines)
    assert [r.start_line for r in reports] == [1, 15]
    assert {5, 7, 9, 11, 12, 13} <= set(chrome)
    assert reports[0].end_line == 3


def test_a_collection_header_after_a_cut_begins_a_page_that_lost_its_title():
    # a middle page of an essay site: its header names a collection and the page counter; the
    # text under it opens with no title and no opening formula
    lines = ["红石镇2022年工作总结", "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _CUT_LONG,
             "乡镇2022年工作总结-12篇(第7/24页)", "一年来，全镇把民生实事摆在突出位置，逐件抓好落实。", _DONE]
    chrome, reports = _parse(lines)
    assert 4 in chrome
    assert [r.start_line for r in reports] == [1, 5]


def test_a_running_header_with_the_reports_own_title_is_no_seam():
    # a page break inside one report, with the report's own title printed as the page's header
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _CUT_LONG,
             "青山县民政局2022年工作总结", "做好困难群众救助打下基础，全年新增社会救助对象一百余户。", _DONE]
    chrome, reports = _parse(lines)
    assert [r.start_line for r in reports] == [1]


def test_a_bureau_heads_name_line_after_a_cut_heading_begins_a_report():
    lines = ["某某街道2021年工作总结", "今年以来，某某街道在区委区政府的领导下，扎实推进基层治理。", _DONE, "(三)养老服务提质增效",
             "", "青山区审计局局长 李某某", "各位代表：", "我受区人民政府委托，向大会报告区级预算执行和其他财政收支的审计情况，请予审议。", _DONE]
    assert _starts(lines) == [1, 6]


def test_a_breadcrumb_written_with_spaces_over_the_title_is_furniture():
    lines = ["某某街道2021年工作总结", "今年以来，某某街道在区委区政府的领导下，扎实推进基层治理。", _CUT_LONG,
             "某某范文网 资料库 红石镇政府报告", "", "红石镇政府报告", "各位代表：", "现在，我代表镇人民政府向大会报告工作，请予审议。", _DONE]
    chrome, reports = _parse(lines)
    assert 4 in chrome
    assert [r.start_line for r in reports] == [1, 6]


def test_a_first_part_heading_past_a_pages_furniture_after_a_cut_begins_a_report():
    # the next page lost its title: its site's label rows, then its text starts at part one
    lines = ["某某街道2021年工作总结", "今年以来，某某街道在区委区政府的领导下，扎实推进基层治理。", "一、主要工作", _CUT_LONG,
             "【正文】", "一、2022年工作总结", "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _DONE]
    chrome, reports = _parse(lines)
    assert 5 in chrome
    assert [r.start_line for r in reports] == [1, 6]


def test_text_after_a_document_sharing_pages_last_chunk_is_another_page():
    body = "红石镇2021年工作总结 2021年，红石镇在县委、县政府的坚强领导下，全面完成年初确定的各项目标任务，" * 3
    lines = ["1、" + body, "", "2、" + body[:-4],
             "全乡共青团工作安排：围绕乡党委中心工作，带领青年投身乡村振兴，重点做好以下几件事。", _DONE]
    assert _starts(lines) == [1, 4]
