"""Report starts of issue 10 round 6: how essay and document-sharing sites dress a text's head
(a teaser row that names the title, a numeric document id glued before the title, a one-line
summary that runs the head's lines together) and how titleless reports open ('this year, our
school ...').  All units, figures and sentences here are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure

from structure_helpers import CUT, REPORT


def _structure(lines):
    return structure(document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt"))


def _starts(lines):
    return [r.start_line for r in _structure(lines)[1]]


# a speech page on an essay site: a time row, the teaser row naming the text's title, the title
# (a meeting's name, no year, no genre word a title needs), the salutation, whom the speaker reports for
_SPEECH = ["", "时间:2021-05-10 09:12:00", "", "导语:青山区政府全体会议的讲话一文由用户投稿,本站仅作展示。", "",
           "青山区政府全体会议的讲话", "", "各位代表:", "",
           "现在,我受区人民政府委托,向大会报告一年来的工作,请予审议。", "", "一、过去一年工作回顾", "",
           "过去的一年,全区经济平稳运行,地区生产总值增长百分之六,一般公共预算收入增长百分之五,城乡居民收入稳步提高。"]


def test_the_teaser_row_names_the_title_under_it():
    assert cues.teased_title("导语:青山区政府全体会议的讲话一文由用户投稿,本站仅作展示。") == "青山区政府全体会议的讲话"
    assert cues.teased_title("導語:青山區政府全體會議的講話一文由用戶投稿,本站僅作展示。") == "青山区政府全体会议的讲话"
    assert cues.teased_title("导语:今年以来,某某镇认真贯彻落实上级部署,各项工作稳步推进。") is None


def test_a_speech_titled_by_its_meeting_under_a_teaser_row_starts_at_its_title():
    furniture, reports = _structure(_SPEECH)
    assert [r.start_line for r in reports] == [6]
    assert 6 not in furniture and {2, 4} <= set(furniture)
    # after another page cut off in mid-sentence, the speech still starts at its title
    assert _starts([*CUT, *_SPEECH]) == [1, len(CUT) + 6]


def test_a_line_the_teaser_row_does_not_name_stays_a_weak_row():
    # the line under the teaser row is another text's name: the speech is found at its salutation
    other = [*_SPEECH[:5], "红石镇会议纪要选编", *_SPEECH[6:]]
    assert _starts([*REPORT, *other])[1] == len(REPORT) + 8


def test_a_document_id_glued_before_a_one_line_page_is_the_sites():
    blob = ("编号:123456789青山区文旅局2020年上半年工作总结汇报2020/X/XX青山区文旅局2020年上半年工作总结汇报"
            "2020年上半年,区文旅局紧扣年度目标,扎实推进文化惠民和旅游振兴,全区接待游客三百万人次,旅游收入增长百分之八,"
            "新建农家书屋十二处,开展送戏下乡演出六十场,各项工作稳步推进,为全年目标任务的完成打下了坚实基础,下一步将")
    assert cues.page_mark_end(blob) == len("编号:123456789")
    assert cues.fused_title(blob[cues.page_mark_end(blob):]) is not None
    assert _starts([*CUT, blob]) == [1, len(CUT) + 1]


def test_a_half_year_opening_after_a_title_run_on_with_it():
    # (the title, a date and the title again, then "in the first half of 2021, ...")
    s = "青山区水务局2021年上半年工作情况总结汇报2021/X/XX青山区水务局2021年上半年工作情况总结2021年上半年,区水务局围绕中心工作"
    assert cues.fused_title(s) is not None


def test_a_one_line_summary_that_runs_the_head_together_is_the_sites():
    # an essay page: its site row, then its summary of the text (the title, the genre words, the
    # session line and the speaker run into one line, no punctuation), then the same lines as the text prints them
    page = ["范文站 2021-07-23 10:26:26 政府报告",
            "青山县政府2019年度工作报告 工作报告 2019年2月20日在青山县第九届人民代表大会第三次会议上 青山县人民政府县长",
            "青山县政府2019年度工作报告", "工作报告", "2019年2月20日在青山县第九届人民代表大会第三次会议上",
            "青山县人民政府县长 王某某", "各位代表:", "现在,我受青山县人民政府委托,向大会报告过去一年的工作,请予审议。",
            "一、过去一年工作回顾", "过去的一年,全县地区生产总值增长百分之六,一般公共预算收入增长百分之五。"]
    furniture, reports = _structure(page)
    assert 2 in furniture and 3 not in furniture
    assert [r.start_line for r in reports] == [3]
    assert _starts([*REPORT, *page])[1] == len(REPORT) + 3


def test_this_years_opening_of_a_titleless_report_starts_it():
    assert cues.opening_strength("本年度,我校坚持以质量立校为中心,扎实做好教学与管理各项工作。") == "strong"
    assert cues.opening_strength("本年度,全校共完成课题六项。") is None  # (no subject that writes the report)
    school = ["本年度,我校坚持以质量立校为中心,扎实做好教学与管理各项工作,全年目标任务基本完成,现将有关情况总结如下:",
              "一、主要工作", "(一)加强师德师风建设", "全校教师签订师德承诺书,开展师德专题培训四次,评选师德标兵六名。"]
    assert _starts([*CUT, *school]) == [1, len(CUT) + 1]


def test_a_tables_last_row_at_a_pages_foot_stays_the_reports():
    # a school's summary that ends in a pasted table (cell bars), the page cut after its second
    # row; the next page opens with its site rows
    school = ["红星小学2022年工作总结", "2022年,我校在镇党委政府的领导下,认真落实教学常规,全面提升教育教学质量。",
              "一、教学质量", "全校各科平均分情况如下表:", "科目 | 上年平均分考核 | 今年平均分考核 | 升降幅度 | 名次 | ||||||",
              "上年镇平均 | 上年校平均 | 今年镇平均 | 应达分值 | 奖惩"]
    nxt = ["首页 > 工作总结", "时间:2023-01-05", "青山镇2022年工作总结",
           "2022年,青山镇在县委县政府的领导下,扎实推进各项工作,全年完成固定资产投资三亿元。"]
    furniture, reports = _structure([*school, "", *nxt])
    assert 6 not in furniture and reports[0].end_line == 6
    assert [r.start_line for r in reports] == [1, 10]


def test_a_wrapped_lines_last_piece_that_goes_on_with_a_particle_is_text():
    # a converted page wraps its lines; the site cut it after the first characters of a line
    page = ["青山县2021年政府工作报告", "各位代表:", "现在,我受县人民政府委托,向大会报告过去一年的工作,请予审议。", "一、过去一年工作回顾",
            "过去一年,全县引进项目四十个,总投资一百二十亿元,工业园区新入驻企业三十家,与十家企业签订",
            "了合作协"]
    nxt = ["首页 > 工作总结", "时间:2023-01-05", "青山镇2022年工作总结",
           "2022年,青山镇在县委县政府的领导下,扎实推进各项工作,全年完成固定资产投资三亿元。"]
    furniture, reports = _structure([*page, "", *nxt])
    assert 6 not in furniture and reports[0].end_line == 6


def test_a_session_line_under_a_pages_last_piece_starts_the_speech_there():
    # a town's speech that lost its title opens on its session line; the page pasted right above
    # ends on a lone page number, or on the first characters of a wrapped line
    speech = ["(2021年1月8日在红石乡第十届人民代表大会第三次会议上)", "各位代表:",
              "现在,我受红石乡人民政府委托,向大会报告过去一年的工作,请予审议。", "一、2020年工作回顾",
              "2020年,全乡完成财政收入两千万元,比上年增长百分之八,农民人均可支配收入一万四千元。"]
    for last in ("3", "了合作协"):
        before = [*REPORT[:-1], "基层力量仍然薄弱,服务能力有待提升,部分项目推进较慢,群众反映的", last]
        assert _starts([*before, *speech]) == [1, len(before) + 1]
