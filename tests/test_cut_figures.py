"""Page cuts and wraps at a report's foot (issue 10): a wrapped row ending in a figure is no
contents entry, the next item's mark alone stays the text's, table rows under the sentence that
announces them stay the report's.  All units are fictional."""
from workreport.ingest import document_from_bytes
from workreport.structure import split
from workreport.structure.figures import wrapped_figure_row
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


# --- a figure a PDF text layer put on a line of its own (issue 10)

def test_lone_figure_between_sentence_pieces_is_joined():
    from workreport.structure.figures import figure_only, goes_on
    assert figure_only("3500") and figure_only("xxxx") and not figure_only("3500亩")
    assert goes_on("3500", "亩,完成全年任务。") and goes_on("xxxx", "社区开展义诊活动。")
    assert not goes_on("3500", "二、存在的问题")
    lines = ["今年以来,某某镇林业站组织群众植树造林,全年共完成", "3500", "亩,超额完成县下达的任务。"]
    assert paras(*lines) == [(1, 3)]


def test_title_broken_at_its_year_is_one_paragraph_and_one_title():
    lines = ["2021", "年青山县水务局上半年工作总结", "上半年,我局围绕防汛和供水保障开展工作,完成河道清淤12公里。"]
    assert paras(*lines) == [(1, 2), (3, 3)]
    from workreport.pipeline import parse
    rep = parse(_doc(lines)).reports[0]
    assert rep.start_line == 1 and "青山县水务局" in (rep.org or "") and "2021" in (rep.title or "")


def test_opening_year_cut_from_its_subject_goes_on_into_it():
    # "2023" / "年," / "XX" / "<body> under the county's leadership ...": the paragraph so far is
    # only the sentence's opening, so the body's line is its subject, not another text's opening
    lines = ["某某区城管局2023年工作总结", "2023", "年,", "XX", "区城管局在区委、区政府的领导下,围绕市容整治扎实开展工作,成效明显。"]
    assert paras(*lines) == [(1, 1), (2, 5)]


def test_year_after_a_cut_page_line_opens_the_next_text():
    # a page's last sentence cut off, then a title broken at its year: the year goes with the title
    lines = ["一是加强河道巡查,全年出动巡查人员", "2022", "年某某镇水利站工作计划", "2022年,我站将重点做好以下工作。"]
    assert paras(*lines)[:2] == [(1, 1), (2, 3)]


def test_page_number_alone_is_not_joined():
    lines = ["全年完成各项目标任务。", "3", "二、存在的问题"]
    assert paras(*lines) == [(1, 1), (2, 2), (3, 3)]
