"""Where a report ends (issue 10, round 5): the comment widget under a text on essay and
document-sharing sites (its header with a count, the site's note that comments are the users' own
views, counters and a star rating, a word-count note in brackets) is the page's, so the report
before it ends on its own last line; a report that speaks of comments, ratings or likes inside a
sentence keeps those lines.  All units, sites and sentences are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_FIRST = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 3,
          "一、主要工作", _DONE]
_NEXT = ["白石镇2021年工作总结", "2021年，白石镇在县委县政府的坚强领导下，统筹推进乡村振兴和基层治理各项工作。", _DONE]


def _parse(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    return structure(doc)


def _at(lines, text):
    return lines.index(text) + 1


def test_an_essay_sites_comment_widget_under_the_text_is_the_pages():
    widget = ["【本文约3120字，范文可作写作参考】", "网友评论", "（网友留言只代表个人看法，与本网站立场无关）"]
    lines = [*_FIRST, *widget, *_NEXT]
    chrome, reports = _parse(lines)
    assert {_at(lines, w) for w in widget} <= chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (_at(lines, _NEXT[0]), len(lines))]


def test_a_sharing_sites_name_and_comment_count_at_the_foot_are_the_pages_even_after_a_cut_sentence():
    cut = "2023年，县中医院在县卫健局的领导下，坚持以病人为中心，持续改善医疗服务，门诊量稳步增长，住院"
    lines = [cut, "某某文档", "", "文档评论(2)", *_NEXT]
    chrome, reports = _parse(lines)
    assert {2, 4} <= chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 1), (5, len(lines))]


def test_the_users_comments_under_the_widgets_header_are_the_pages_up_to_the_next_report():
    comments = ["最新评论：", "游客 2023-05-06", "写得很全面", "有用(3) 无用(0)", "★★★★☆"]
    lines = [*_FIRST, *comments, *_NEXT]
    chrome, reports = _parse(lines)
    assert {_at(lines, c) for c in comments} <= chrome
    assert reports[0].end_line == 5 and reports[1].start_line == _at(lines, _NEXT[0])


def test_comments_ratings_and_likes_inside_a_reports_sentences_stay_text():
    text = ["青山区网信办2022年工作总结", "今年以来，区网信办在区委的领导下，做好网络内容建设和管理工作。",
            "一、网络评论引导", "组建网络评论员队伍30人，开展网络评论引导12次，群众留言办结率100%。",
            "二、服务评价", "政务服务好评率达到98%，群众评分平均4.8分，收藏文物120件。"]
    chrome, reports = _parse(text)
    assert not chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, len(text))]


def test_a_masked_names_first_letter_where_the_site_cut_the_page_is_the_reports_last_line():
    cut = "青山街道建成社区书屋五处，节假日照常开放，放学后还为孩子们安排托管和阅读辅导，借阅人次比上年增加两成，"
    lines = [*_FIRST, cut, "", "X", "", "当前位置：首页 > 工作总结", *_NEXT]
    chrome, reports = _parse(lines)
    assert _at(lines, "X") not in chrome and _at(lines, "当前位置：首页 > 工作总结") in chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, _at(lines, "X")), (_at(lines, _NEXT[0]), len(lines))]


def test_a_sites_address_printed_at_a_page_break_inside_a_sentence_does_not_cut_the_report():
    # (the rest of the sentence under the address, cut by the site, then a page pasted without its title)
    done = "全镇新建村级文化广场十二个，改造农家书屋三十个，组织送戏下乡演出八十场，开展全民健身活动二十余次，群众参与热情高涨，文化惠民工程"
    rest = "深入推进，基层综合性文化服务中心实现全覆盖，公共文化服务效能持续提升，群众获得"
    nxt = ["今年以来，白石镇在县委县政府的坚强领导下，统筹推进乡村振兴和基层治理各项工作，取得明显成效。", "一、主要工作", _DONE]
    lines = [*_FIRST, done * 2, "某某文库网 www.example.com", rest, *nxt]
    chrome, reports = _parse(lines)
    assert _at(lines, "某某文库网 www.example.com") in chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, _at(lines, rest)), (_at(lines, nxt[0]), len(lines))]


def test_a_sites_address_over_the_next_pages_title_still_parts_the_two_reports():
    lines = [*_FIRST, "全镇新建村级文化广场十二个，改造农家书屋三十个，组织送戏下乡演出八十场，惠及群众两万余",
             "某某文库网 www.example.com", *_NEXT]
    chrome, reports = _parse(lines)
    assert [(r.start_line, r.end_line) for r in reports] == [(1, len(_FIRST) + 1), (_at(lines, _NEXT[0]), len(lines))]
