"""Figures a PDF text layer put on lines of their own (issue 10): a number or a masked figure
between the words before it and its measure word, a title broken at its year.  All units are
fictional; the shapes are the ones doc-share and forum pages of PDF text show."""
from workreport.ingest import document_from_bytes
from workreport.structure import split
from workreport.structure.figures import figure_only, goes_on, wrapped_figure_row
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraphs import build_paragraphs


def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "t.txt")


def paras(*lines):
    doc = _doc(lines)
    return [(p.line_start, p.line_end) for p in build_paragraphs(doc, find_furniture(doc))]


def starts(*lines):
    doc = _doc(lines)
    furn = find_furniture(doc)
    ps = build_paragraphs(doc, furn)
    return [ps[i].line_start for i, _, _ in split.find_starts(doc, list(ps), furn)]


def test_figure_shapes():
    assert figure_only("2021") and figure_only("30XX") and figure_only("8.5") and figure_only("xx")
    assert not figure_only("3月") and not figure_only("*") and not figure_only("(二)")
    assert goes_on("4500", "亩,同比增加") and goes_on("xx", "乡镇完成验收") and goes_on("95%", "完成年度任务。")
    assert not goes_on("12", "加强队伍建设。")  # a page number: no measure word follows it


def test_title_broken_at_its_year_is_one_line():
    got = paras("2021", "年青山区水务局工作总结", "今年以来,我局围绕防汛抗旱和供水保障开展工作,现总结如下:")
    assert got[0] == (1, 2)


def test_lone_figures_rejoin_their_sentence():
    got = paras("一是加强巡查,全年共组织巡查人员", "320", "人次,清理河道垃圾", "45.5", "吨,整改问题",
                "xx", "处,完成率达到", "98%", "。")
    assert got == [(1, 9)]


def test_masked_year_opening_joins_its_sentence_not_the_title():
    got = paras("2021", "年某某镇林业站上半年工作总结", "20XX",
                "年上半年全镇林业工作在镇党委的领导下,围绕“", "xxxx", "”目标扎实推进,现总结如下:")
    assert got == [(1, 2), (3, 6)]


def test_page_number_and_heading_stay_apart():
    # a page number alone between two sentences; a heading over a line opening with a figure
    assert paras("全年完成培训任务。", "12", "二是加强队伍建设。") == [(1, 1), (2, 2), (3, 3)]
    got = paras("(三)推进数字化管理", "2021", "年我局建成网格化平台,覆盖全部社区。")
    assert got == [(1, 1), (2, 3)]


def test_cut_sentence_before_a_new_title_broken_at_its_year():
    # the page before ends mid-sentence; the next text's title is broken at its year
    got = starts("某某县教育局2020年工作总结", "2020年,我局围绕教育质量提升,推进学校建设和师资培训,取得了",
                 "2021", "年某某县交通运输局工作总结", "今年以来,我局紧扣交通建设目标,全年完成公路养护里程86公里。")
    assert got == [1, 3]


def test_wrapped_row_ending_in_a_figure_is_not_a_contents_entry():
    assert wrapped_figure_row("每月走访,收集群众反映问题 18", "件,已全部办结。")
    assert not wrapped_figure_row("某某镇2022年工作总结 3", "某某镇2023年工作计划 5")
    lines = ["一是加强走访,每季度入户听取意见,收集群众反映问题 18", "件,帮助解决饮水、照明等问题 22",
             "件。二是做好信息报送,全年报送信息56篇。"]
    doc = _doc(lines)
    assert not find_furniture(doc)
    assert [(p.line_start, p.line_end) for p in build_paragraphs(doc, frozenset())] == [(1, 3)]


# --- a page cut right after its last line began (issue 10: reports ending a line early)

def test_next_item_mark_alone():
    from workreport.structure.figures import next_item
    assert next_item("2完善渔港设施。新建码头一座", "3")
    assert next_item("一是加强培训。全年举办培训班六期", "二是")
    assert not next_item("2完善渔港设施。新建码头一座", "7")  # a page number
    assert not next_item("全年举办培训班六期。", "3")


def test_next_item_number_at_the_foot_is_the_texts_line():
    lines = ["某某县农机中心2021年上半年工作总结", "今年以来,我中心围绕农机化生产开展工作,现总结如下:",
             "1推进农机购置补贴。全年兑付补贴资金120万元,惠及农户340户。",
             "2开展农机安全检查。检查拖拉机86台,排除隐患12处。", "3"]
    doc = _doc(lines)
    assert 5 not in find_furniture(doc)


def test_slogan_headline_over_a_session_line_keeps_its_start():
    # (a start moved off a short line that reads as a cut sentence would take a speech's slogan
    # headline for the page's cut end: the start stays on the headline)
    first = ["某某县水利局2021年工作总结", "2021年,我局围绕防汛抗旱开展工作,全年完成河道清淤40公里,各项任务圆满完成。"]
    speech = ["奋力推进高质量发展", "——在某某县2022年经济工作会议上的讲话", "同志们:",
              "这次会议的主要任务是总结去年工作,部署今年任务。"]
    assert starts(*first, *speech) == [1, 3]

def test_table_rows_at_a_page_foot_stay_the_reports():
    # a pipe table closing a page, then the next page's rows: the table's short second row is the
    # report's (its header row above is too long for a menu), the site's rows are furniture
    lines = ["某某小学2022学年工作总结", "本学年各年级成绩见下表:",
             "年级 | 参考人数 | 本学年平均分 | 优秀率 | 及格率 | 较上学年升降的名次",
             "上学年名次 | 本学年名次 | 升降 | 奖分", "", "更新时间:2021-05 来源:用户投稿", "",
             "上半年,我局围绕农田建设开展工作,各项任务按进度完成。"]
    furn = find_furniture(_doc(lines))
    assert 4 not in furn and 6 in furn
    menu = ["收藏本站 | 设为首页 | 联系我们 | 网站地图", "首页 | 新闻 | 公开 | 互动", "", "某某县2022年工作总结",
            "2022年,全县上下围绕发展大局,扎实推进各项工作,经济社会保持平稳。"]
    assert {1, 2} <= find_furniture(_doc(menu))  # a menu's rows under a menu row are still the page's
