"""Page-break repair: cut sentences are joined, headings never glued to body text."""
from workreport.ingest import document_from_bytes
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraphs import build_paragraphs


def paras(*lines, blank=True):
    text = ("\n\n" if blank else "\n").join(lines) + "\n"
    doc = document_from_bytes(text.encode("utf-8"), "t.txt")
    return [(p.line_start, p.line_end) for p in build_paragraphs(doc, find_furniture(doc))]


def test_sentence_cut_by_page_break_is_joined():
    assert paras("一是加强领导,定期召开会议研究部署,做到", "立行立改,确保各项工作落到实处。") == [(1, 3)]


def test_heading_without_punctuation_is_not_joined():
    assert paras("(二)精细管理,焕新城区面貌", "完善执法机制,落实网格编组制度。") == [(1, 1), (3, 3)]


def test_body_not_glued_to_following_heading():
    assert paras("全年共开展检查活动12", "(三)强化监管") == [(1, 1), (3, 3)]


def test_ordinal_cut_from_its_heading():
    assert paras("3", "、培训就业方面,加大力度完成创建残疾人就业培训基地。") == [(1, 3)]


def test_numbered_item_cut_between_long_siblings():
    long1 = "1、结合控烟条例颁布实施活动周及世界无烟日等各类重大活动,开展控烟主题宣传,普及烟草危害知识,营造良好氛围。"
    long3 = "3、结合投诉处理平台,进一步加强社区及餐饮、宾馆等公共场所的控烟检查力度,努力减少违规吸烟行为的发生。"
    got = paras(long1, "2、针对今年某某路", "多次投诉情况,街道将进一步落实和提升控烟工作制度,强化监督职责。", long3)
    assert got == [(1, 1), (3, 5), (7, 7)]


def test_short_semicolon_items_stay_apart():
    assert paras("工业部门为二百四十八亿元；", "农业部门为三十二亿元；", blank=False) == [(1, 1), (2, 2)]


def test_colon_ends_a_paragraph():
    assert paras("各位代表：", "现在，我代表省人民政府，向大会报告工作。", blank=False) == [(1, 1), (2, 2)]


def test_furniture_between_pieces_is_skipped():
    assert paras("一是压实责任,推动构建党委主体责任体系,进一步", "分享", "健全考核制度,强化结果运用。") == [(1, 5)]


def test_lone_opening_bracket_joins_its_ordinal():
    assert paras("（", "三）改革开放持续深化。", blank=False) == [(1, 2)]


def test_a_title_broken_into_short_lines_is_joined_where_the_furniture_pass_reads_one():
    # one rule (cues.broken_title_lines) for both passes: the whole title, next year's plan too, is one paragraph
    body = "今年以来，青山县民政局在县委县政府的领导下，扎实做好各项民政工作，群众满意度持续提升。"
    title = ["青山县", "民政局", "2023年", "工作总结", "和2024年", "工作计划"]
    assert paras(*title, body, blank=False) == [(1, 6), (7, 7)]
    doc = document_from_bytes(("\n".join([*title, body]) + "\n").encode("utf-8"), "t.txt")
    assert not find_furniture(doc)
    # a site's tags one a line (no year with its year character) are no title: not joined
    for tags in (["交通局", "全年", "总结", "范文"], ["2023", "交通局", "全年", "总结"]):
        doc = document_from_bytes(("\n".join([*tags, body]) + "\n").encode("utf-8"), "t.txt")
        assert [p.line_end - p.line_start for p in build_paragraphs(doc, frozenset())] == [0] * 5


def test_lone_ordinal_goes_on_into_its_heading_words():
    # (round 24) a PDF's text layer broke the heading after its number, and the year on a line of its own
    got = paras("一、", "2031", "年重点工作任务完成情况", "(一)国家储备林建设稳步推进。", blank=False)
    assert got[0] == (1, 3), got


def test_lone_ordinal_over_another_heading_stays_apart():
    assert paras("一、", "(一)国家储备林建设稳步推进。", blank=False)[0] == (1, 1)


def test_excerpt_cut_at_a_part_number_does_not_go_on_into_the_next_text():
    got = paras("全年各项工作有序推进。", "(二)", "今年以来，某某镇在县委的领导下，扎实推进各项工作。", blank=False)
    assert got == [(1, 1), (2, 2), (3, 3)], got
