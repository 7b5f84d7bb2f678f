"""Where a report ends when real pages are pasted one after another (issue 10): the next page's
head (a copy button, a site's menu or time-stamp row, a lead on the genre, a contents list of its
headings) is that page's furniture, so the report before it ends on its own last line, cut or
not; and lines that only look like furniture (a masked year's part heading, a title broken into
short pieces, an item marker that is the text's only title) stay text.  All units and sentences
are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure
from workreport.structure.paragraphs import build_paragraphs
from workreport.structure.furniture import find_furniture

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_CUT = "持续推进农村人居环境整治，全年共清理河塘沟渠四十余条，新建公厕十二座，改造农户厨房两百余户，为下一步"


def _parse(lines):
    text = "\n".join(lines) + "\n"
    doc = document_from_bytes(text.encode("utf-8"), "pages.txt")
    chrome, reports = structure(doc)
    return doc, chrome, reports


def _first_report(lines):
    return ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 4, "一、主要工作", _CUT]


def test_a_copy_button_over_the_next_page_is_not_the_last_line_of_the_report_before():
    lines = [*_first_report(None), "正文复制",
             "2022年，在县委、县政府的正确领导下，县林业局紧紧围绕生态保护中心工作，攻坚克难，各项工作取得新成效。",
             "一、森林资源保护", _DONE]
    _, chrome, reports = _parse(lines)
    assert 6 in chrome
    assert reports[0].end_line == 5  # the cut line is the report's last


def test_a_cut_sentence_does_not_go_on_past_the_next_pages_head():
    # the next page opens with a site's time-stamp row and its text starts with no opening formula:
    # the cut sentence of the first page is not joined to it across the row
    lines = [*_first_report(None), "2021-05-06 10:11:12 某某文档网 [ 字体: ] [ 文档下载 ]",
             "据县财政部门统计，2022年全县一般公共预算收入完成八亿元，同比增长百分之六。", _DONE]
    doc, chrome, _ = _parse(lines)
    assert 6 in chrome
    paras = build_paragraphs(doc, find_furniture(doc))
    assert [(p.line_start, p.line_end) for p in paras][-3:] == [(5, 5), (7, 7), (8, 8)]


def test_a_share_button_inside_a_sentence_is_still_looked_through():
    doc = document_from_bytes("一是压实责任，推动构建党委主体责任体系，进一步\n分享\n健全考核制度，强化结果运用。\n".encode("utf-8"), "t.txt")
    paras = build_paragraphs(doc, find_furniture(doc))
    assert [(p.line_start, p.line_end) for p in paras] == [(1, 3)]


def test_a_list_of_headings_before_a_text_that_lost_its_title_is_its_contents():
    heads = ["一、工作开展情况", "（一）强化党建引领", "（二）推进项目建设", "（三）优化营商环境", "二、存在问题", "三、下一步工作计划"]
    lines = [*heads, "2022年，县发改局围绕县委、县政府决策部署，统筹推进重点项目建设和营商环境优化各项工作。",
             "一、工作开展情况", "（一）强化党建引领，夯实发展基础。全年召开党组会议二十次，开展专题学习十二次。", _DONE]
    _, chrome, reports = _parse(lines)
    assert set(range(1, 7)) <= chrome
    assert reports[0].start_line == 7


def test_headings_in_a_row_inside_a_report_are_not_contents():
    lines = ["青山县交通局2022年工作总结", "一、工作开展情况", "（一）强化党建引领", "（二）推进项目建设",
             "全年完成交通投资三亿元，新改建农村公路一百二十公里，群众出行更加便捷。", _DONE, "二、存在问题", _DONE]
    _, chrome, _ = _parse(lines)
    assert chrome == frozenset()


def test_a_masked_years_part_heading_is_text():
    lines = ["各位代表：", "现在，我代表某某乡人民政府向大会作工作报告，请予审议。", "20xx年政府工作回顾",
             "过去的一年，在县委、县政府的正确领导下，全乡经济健康稳步增长，人民生活明显改善。", _DONE]
    _, chrome, _ = _parse(lines)
    assert 3 not in chrome


def test_a_title_broken_into_short_pieces_is_not_furniture():
    lines = ["青山县水利局", "2023", "年工作总结及", "2024", "年工作打算", "一、2023年工作总结",
             "全年新修灌溉渠道四十公里，加固小型水库六座，汛期未发生险情。", _DONE]
    _, chrome, reports = _parse(lines)
    assert chrome == frozenset()
    assert reports[0].start_line == 1


def test_an_item_marker_is_the_title_when_the_page_prints_no_other():
    lines = ["篇一：《某某中学年度工作总结》", "本年度，我校把教学质量放在首位，德育、教研和后勤工作稳步推进。", _DONE]
    _, chrome, reports = _parse(lines)
    assert 1 not in chrome and reports[0].start_line == 1


def test_an_item_marker_beside_its_title_is_furniture():
    lines = ["某某镇2022年工作总结（精选多篇）", "第一篇：某某镇2022年工作总结", "某某镇2022年工作总结",
             "今年以来，某某镇在县委县政府的领导下，扎实推进各项工作。", _DONE]
    _, chrome, _ = _parse(lines)
    assert 2 in chrome


def test_a_site_path_over_a_lost_title_is_furniture():
    lines = ["某某网 资料文库 县政府报告范文", "以下是小编整理的县政府报告参考范文一篇，供大家阅读参考。", "县政府报告",
             "各位代表：", "现在，我代表县人民政府，向大会作政府工作报告，请予审议。", _DONE]
    _, chrome, _ = _parse(lines)
    assert {1, 2} <= chrome and 3 not in chrome


def test_a_summary_over_its_text_spaced_differently_is_furniture():
    body = "2023年，我们社区文明创建工作在街道党工委的领导下，围绕群众需求开展各项活动，取得明显成效。"
    lines = ["2024年某某社区文明创建工作总结", body[:30], " ".join([body[:10], body[10:]]), _DONE]
    _, chrome, _ = _parse(lines)
    assert 2 in chrome and 3 not in chrome


def test_an_introduction_heading_opens_the_next_text_after_a_pages_lead():
    lines = [*_first_report(None), "学校年度工作总结是对一年工作的回顾和梳理，也是查找差距、谋划来年的依据。", "引言",
             "本年度，我校把教学质量放在首位，德育、教研和后勤工作稳步推进。", _DONE]
    _, chrome, reports = _parse(lines)
    assert 6 in chrome and 7 not in chrome
    assert [r.start_line for r in reports] == [1, 7] and reports[0].end_line == 5


def test_a_title_broken_into_short_pieces_is_one_title_after_another_page():
    lines = [*_first_report(None), "青山县水利局", "2023", "年工作总结及", "2024", "年工作打算", "一、2023年工作总结",
             "全年新修灌溉渠道四十公里，加固小型水库六座，汛期未发生险情。", _DONE]
    _, chrome, reports = _parse(lines)
    assert [r.start_line for r in reports] == [1, 6] and reports[0].end_line == 5
    assert reports[1].title == "青山县水利局2023年工作总结及2024年工作打算"


def test_a_sentence_the_page_cut_short_stays_the_reports_last_line():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 4, "社区以网格化"]
    _, chrome, reports = _parse(lines)
    assert chrome == frozenset() and reports[0].end_line == 4


def test_short_site_lines_under_the_last_sentence_are_still_furniture():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 4, "某某文库", "精品范文", "热门专题"]
    _, chrome, reports = _parse(lines)
    assert chrome == {4, 5, 6} and reports[0].end_line == 3


def test_short_site_lines_under_a_cut_sentence_before_the_next_report_are_furniture():
    lines = [*_first_report(None), "某某文库", "精品范文", "红石镇2022年工作总结",
             "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _DONE]
    _, chrome, reports = _parse(lines)
    assert {6, 7} <= chrome and reports[0].end_line == 5 and reports[1].start_line == 8


def test_short_items_under_a_heading_before_the_next_report_stay_text():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 4, "三、2023年工作重点",
             "加强党建引领", "优化为民服务", "红石镇2022年工作总结", "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _DONE]
    _, chrome, reports = _parse(lines)
    assert not {5, 6} & chrome


def test_values_under_bare_portal_labels_are_furniture_but_a_title_is_not():
    head = ["• 索引号:", "1234567890/2024-001005", "• 发文机构:", "红石镇人民政府", "• 内容概述:"]
    lines = [*_first_report(None), *head, "红石镇2022年工作总结",
             "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _DONE]
    _, chrome, reports = _parse(lines)
    assert set(range(6, 11)) <= chrome and 11 not in chrome
    assert reports[0].end_line == 5 and reports[1].start_line == 11


def test_a_pdfs_broken_lines_keep_their_figures_and_stops():
    lines = ["某某镇2023年工作总结", "一、经济发展平稳", "全年完成财政收入", "12", "亿元，增长", "5%", "；农民人均收入达到",
             "30000", "元，增长", "9%", "。", "二、农业基础更牢", "1.", "果蔬产业提", "档升级", "。", "依托", "蔬菜大棚，全镇新增种植面积六百亩。"]
    _, chrome, _ = _parse(lines)
    assert chrome == frozenset()


def test_a_title_broken_into_pieces_whose_last_reads_as_a_title_is_one_title():
    lines = ["XX", "镇", "2023", "年政府工作报告", "各位代表：", "现在，我代表镇人民政府向大会报告工作，请予审议。", _DONE]
    _, chrome, reports = _parse(lines)
    assert chrome == frozenset() and reports[0].start_line == 1


def test_a_speechs_title_lines_over_its_session_line_stay_text_after_portal_rows():
    lines = ["当前位置：首页 > 要闻", "发布日期：2024-01-20 10:00 信息来源：某某厅", "深入学习贯彻全省工作会议精神",
             "以高质量发展推动某某事业再上新台阶", "——在2024年全省某某工作会议上的工作报告", "某某厅厅长 王某某", "同志们：",
             "这次会议的主要任务是，总结2023年工作，部署2024年重点任务。", _DONE]
    _, chrome, _ = _parse(lines)
    assert {1, 2} <= chrome and not {3, 4, 5} & chrome


def test_a_bodys_name_over_its_text_after_portal_rows_is_its_byline():
    lines = ["索引号：000012345/2022-00123", "发文字号：", "正文", "某某省水利厅",
             "2021年在省委、省政府坚强领导下，全省水利系统深入贯彻新发展理念，各项工作取得新成效。", _DONE]
    _, chrome, _ = _parse(lines)
    assert {1, 2, 3} <= chrome and 4 not in chrome


def test_the_second_line_of_a_speech_title_is_not_furniture():
    lines = ["暨年度工作部署大会上的讲话", "同志们：", "这次会议的主要任务是，总结2025年工作，部署2026年重点任务。", _DONE]
    _, chrome, _ = _parse(lines)
    assert chrome == frozenset()


def test_a_speech_that_lost_its_titles_first_line_starts_at_the_second():
    lines = [*_first_report(None), "暨年度工作部署大会上的讲话", "同志们：",
             "这次会议的主要任务是，总结2025年工作，部署2026年重点任务。", _DONE]
    _, chrome, reports = _parse(lines)
    assert [r.start_line for r in reports] == [1, 6] and reports[0].end_line == 5


def test_markdown_heading_marks_do_not_hide_a_title():
    lines = [*_first_report(None), "### 青山县卫生局年终工作总结", "#### 一、主要工作",
             "全年完成基层医疗机构改造十二所，家庭医生签约率达到百分之六十五。", _DONE]
    _, chrome, reports = _parse(lines)
    assert [r.start_line for r in reports] == [1, 6] and reports[0].end_line == 5
    assert reports[1].title == "青山县卫生局年终工作总结"


def test_a_title_with_pinyin_after_its_characters_is_a_title():
    lines = [*_first_report(None), "篇一:某某局上半年工作總結(jié)范文",
             "上半年，某某局緊緊圍繞中心工作，全面完成各項任務，群眾滿意度持續提升。", _DONE]
    _, chrome, reports = _parse(lines)
    assert 6 not in chrome and [r.start_line for r in reports] == [1, 6]


def test_related_links_with_their_previews_are_the_pages_tail():
    tail = ["相关文档", "白沙镇2021年工作总结", "今年以来，白沙镇在县委县政府的领导下，扎实推进各项工作……",
            "黑石乡2022年工作计划", "2022年，黑石乡将坚持稳中求进工作总基调……"]
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 10,
             "二、下一步工作打算", "继续加强社会救助体系建设，提升服务水平。", *tail,
             "红石镇2022年工作总结", "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _DONE * 5]
    _, chrome, reports = _parse(lines)
    assert set(range(6, 11)) <= chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (11, 13)]


def _spans(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "t.txt")
    return [(p.line_start, p.line_end) for p in build_paragraphs(doc, find_furniture(doc))]


def test_a_sentence_cut_mid_word_does_not_go_on_into_a_sentence_that_opens_with_its_period():
    lines = ["今年以来，县民政局扎实做好各项工作，持续抓好兜底保障政策落", "",
             "今年以来，县政府办紧紧围绕全县中心工作，服务保障有力有效。"]
    assert _spans(lines) == [(1, 1), (3, 3)]
    half = ["全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。上半年重点抓好", "",
            "2021年上半年，在县委、县政府的正确领导下，县民政局扎实推进各项工作。"]
    assert _spans(half) == [(1, 1), (3, 3)]


def test_a_page_break_inside_a_sentence_is_still_repaired():
    lines = ["全年共走访困难家庭三百余户，发放救助资金", "— 3 —", "一百二十万元，群众满意度持续提升。"]
    assert _spans(lines) == [(1, 3)]


def test_a_pages_own_title_and_first_words_again_at_its_foot_are_furniture():
    lines = ["2026年某某省人民政府工作报告", "各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。", _DONE * 6,
             "相关报道：", "解读省政府工作报告：在服务大局中担当作为", "打印本页", "关闭窗口",
             "2026年某某省人民政府工作报告", "各位代表：现在，我代表省人民政府，向大会"]
    _, chrome, reports = _parse(lines)
    assert set(range(5, 11)) <= chrome and [(r.start_line, r.end_line) for r in reports] == [(1, 4)]


def test_a_bracketed_source_credit_at_the_foot_is_furniture():
    lines = ["2026年某某省人民政府工作报告", "各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。", _DONE * 6,
             "（来源：某某日报）", "编辑：某某某"]
    _, chrome, reports = _parse(lines)
    assert {5, 6} <= chrome and reports[0].end_line == 4


def test_a_signature_block_is_the_reports_last_lines_before_the_pages_tail():
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 10,
             "二、下一步工作打算", "继续加强社会救助体系建设，提升服务水平。", "青山县民政局", "2022年12月20日",
             "分享到：", "微信", "打印本页", "红石镇2022年工作总结", "2022年，红石镇在县委、县政府的坚强领导下，统筹推进各项工作。", _DONE * 5]
    _, chrome, reports = _parse(lines)
    assert chrome == {8, 9, 10}
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 7), (11, 13)]


def test_contents_of_a_text_that_lost_its_title_after_a_page_that_ended_on_a_heading():
    heads = ["一、工作开展情况", "（一）强化党建引领", "（二）推进项目建设", "（三）优化营商环境", "二、存在问题", "三、下一步工作计划"]
    lines = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 10,
             "（二）养老服务体系提质升级", *heads,
             "2022年，县发改局围绕县委、县政府决策部署，统筹推进重点项目建设和营商环境优化各项工作。",
             "一、工作开展情况", "（一）强化党建引领，夯实发展基础。全年召开党组会议二十次，开展专题学习十二次。", _DONE]
    _, chrome, reports = _parse(lines)
    assert 4 not in chrome and set(range(5, 11)) <= chrome
