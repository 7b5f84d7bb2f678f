"""Issue 10 round 7: where a web page's excerpt was cut mid-sentence, the next page's first line
begins a text of its own; the page-break repair must not take it for the cut sentence's next
words, while a real continuation (a page of one long report) is still joined.
All units, figures and sentences here are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraphs import build_paragraphs

# the end of a report whose page was cut mid-word (no sentence end)
_PREV = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", "一、主要工作",
         "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。",
         "持续推进农村人居环境整治，全年共清理河塘沟渠四十余条，新建公厕十二座，改造农户厨房两百余户。",
         "健全社会救助体系，全年新增低保对象八十余户，临时救助困难群众两百余人次，做到应保尽保、应救尽救。",
         "二、明年打算", "继续完善社会救助制度，加强养老服务设施建设，推进殡葬改革，提升基层民政服务水平和群众"]
_BODY = ["一、主要工作", "全镇新建高标准农田三千亩，粮食总产稳定在两万吨以上，农民人均收入增长百分之六。",
         "二、存在问题", "基层力量仍然薄弱，部分项目推进较慢，群众反映的问题还需加快解决。"]


def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")


def _paras(lines):
    doc = _doc(lines)
    return [(p.line_start, p.line_end) for p in build_paragraphs(doc, find_furniture(doc))]


def _starts(lines):
    return [r.start_line for r in structure(_doc(lines))[1]]


def test_a_titleless_opening_whose_subject_is_its_writer_is_not_joined_to_a_cut_line():
    n = len(_PREV)
    for opening in ("我镇始终高度重视民生工作，切实加强改善民生，工作卓有成效。现将目标完成情况汇报如下：",
                    "我乡应急管理工作在乡党委、政府的正确领导和县应急办的指导下，紧密围绕全乡工作大局，较好地完成了各项任务，现将上半年工作情况汇",
                    "本局结合工作实际，认真总结前三季度工作，积极谋划明年工作。现将具体情况报告如下。"):
        assert (n, n) in _paras([*_PREV, opening, *_BODY])
        assert _starts([*_PREV, opening, *_BODY]) == [1, n + 1]


def test_a_page_cut_right_after_an_items_number_does_not_take_the_next_pages_opening():
    cut = [*_PREV[:-1], "3、"]
    opening = "我乡在乡党委、政府的领导下，认真贯彻县应急管理工作要求，现将上半年工作情况汇报如下："
    assert (len(cut) + 1, len(cut) + 1) in _paras([*cut, opening, *_BODY])


def test_a_cut_sentence_still_goes_on_in_a_line_that_names_the_writer_without_an_openings_frame():
    # the writer named mid-sentence, no leadership, no period, no announced report: the cut sentence's rest
    n = len(_PREV)
    assert (n, n + 1) in _paras([*_PREV, "我镇开展的各项惠民工作满意度达到百分之九十五以上。", *_BODY])
    # and a line that ends a sentence before it keeps the next line apart as it always did
    done = [*_PREV[:-1], "继续完善社会救助制度。"]
    assert (n, n) in _paras([*done, "我镇开展的各项惠民工作满意度达到百分之九十五以上。", *_BODY])


def test_a_line_cut_at_a_comma_inside_one_opening_is_still_joined():
    # a PDF page break inside an opening: the leadership phrase and its comma, then the writer
    lines = ["红石镇2023年工作总结", "2023年，在县委的坚强领导下，",
             "我镇坚持稳中求进工作总基调，现将全年工作情况汇报如下：", *_BODY]
    assert (2, 3) in _paras(lines)


def test_a_quarterly_reports_title_run_on_with_its_quarter_opening_is_a_fused_title():
    from workreport.structure import cues
    assert cues.fused_title("青山镇某年一季度工作情况汇报一季度,全镇上下认真落实县委部署,各项工作稳步推进") == "青山镇某年一季度工作情况汇报"
    assert "split.intro.period" in cues.intro_rules("一季度，我镇在县委、县政府的正确领导下，扎实推进各项工作")
    assert "split.intro.period" not in cues.intro_rules("第一季度工作完成情况")
    n = len(_PREV)
    blob = "青山镇某年一季度工作情况汇报一季度,全镇上下认真落实县委部署,围绕年度目标任务,扎实推进各项工作,全镇经济社会保持平稳"
    assert (n, n) in _paras([*_PREV, blob, *_BODY])
    assert _starts([*_PREV, blob, *_BODY]) == [1, n + 1]


def test_a_title_and_its_first_sentence_with_only_a_space_between_begin_a_text_after_a_cut_line():
    from workreport.structure import cues
    line = "白河医院工作报告 通过职工代表大会,强化院务公开,不断引导职工关心医院的发展,对内坚持把职代会作为院务公开的"
    assert cues.fused_title(line).strip() == "白河医院工作报告"
    # a loose year-and-genre phrase that names no body is no title before a space
    assert cues.fused_title("认真做好年度工作总结 全镇上下,团结一心") is None
    n = len(_PREV)
    assert (n, n) in _paras([*_PREV, line, *_BODY])
    assert _starts([*_PREV, line, *_BODY]) == [1, n + 1]


def test_an_essay_sites_sample_tag_with_its_number_is_cut_from_a_title_in_either_script():
    from workreport.structure import cues
    assert cues.title_kind("青山中学校长述职报告例子") == "genre"
    assert cues.title_kind("青山中學校長述職報告例子") == "genre"  # traditional characters, folded first
    assert cues.title_kind("某某鄉政府年終工作總結范文一") == "genre"
    assert cues.title_kind("中学生学习的例子") is None
    # after a page cut mid-sentence, such a title begins the next text
    n = len(_PREV)
    assert _starts([*_PREV, "白石中學校長述職報告例子", "各位領導、各位老師:", "我于2021年8月任白石中學校長,現將任職以來的工作報告如下。", *_BODY])[:2] == [1, n + 1]


def test_the_last_words_of_a_cut_page_over_a_speechs_session_line_are_not_its_headline():
    from workreport.structure import cues
    assert cues.speech_headline("政府工作报告") and cues.speech_headline("工 作 报 告")
    assert not cues.speech_headline("我们将继") and not cues.speech_headline("重")
    speech = ["——2023年1月9日在青山区第五届人民代表大会第三次会议上", "青山区人民政府区长 某某某", "各位代表：",
              "现在，我代表区政府向大会作工作报告，请予审议。",
              "一、过去一年工作回顾", "过去一年，全区地区生产总值增长百分之五，一般公共预算收入增长百分之四。"]
    for piece in ("我们将继", "年内新增市"):
        cut = [*_PREV[:-2], "三、下半年工作要点", piece]
        assert _starts([*cut, *speech])[:2] == [1, len(cut) + 1]
    # a headline with its genre word is still the speech's first line
    cut = [*_PREV[:-1], "继续完善社会救助制度。"]
    assert _starts([*cut, "政府工作报告", *speech])[:2] == [1, len(cut) + 1]


def test_a_peoples_organisation_named_before_the_leadership_it_worked_under_opens_a_report():
    from workreport.structure import cues
    assert cues.opening_strength("青山镇工会在镇党委领导下，在上级工会指导下，围绕全镇工作大局开展工作") == "strong"
    assert cues.opening_strength("某某县妇联在县委的领导下，团结带领全县妇女建功立业") == "strong"
    assert cues.opening_strength("这次大会在县委的领导下顺利召开") is None


def test_a_traditional_profile_opening_is_read_folded_and_is_not_joined_to_a_cut_line():
    from workreport.structure import cues
    line = "青石村位於白河鎮政府西南部，距離鎮政府3公里，純屬山區農業村，全村共有農戶三百餘戶。"
    assert cues.fold(line).startswith("青石村位于白河镇政府西南部")
    assert "split.intro.profile" in cues.intro_rules(line)
    n = len(_PREV)
    assert (n, n) in _paras([*_PREV, line, *_BODY])
