"""What a pasted web page prints at its head, above the report (issue 10, round 6 wave 2): an
essay site's teaser that shares the text with the reader, a date row with a label or a short
title, an outline excerpt closed by an ellipsis, a disclosure's contents with its numbered parts,
a headline dressed with a model-text word next to the plain title, a collection headline under
the page's own title.  All units, figures and sentences here are made up."""
from workreport.structure import structure

from structure_helpers import REPORT, pasted


def _parse(lines):
    furniture, reports = structure(pasted(lines))
    return set(furniture), [r.start_line for r in reports]


_OPENING = "今年以来，青山镇在县委县政府的领导下，聚焦产业发展和民生改善，各项工作稳步推进，现将有关情况总结如下。"
_BODY = ["一、主要工作", "全镇完成固定资产投资三亿元，新建农村公路十二公里，新增就业岗位四百余个，群众满意度持续提高。",
         "二、下步打算", "继续抓好项目建设和基层治理，确保全年目标任务顺利完成。"]


def test_a_summary_run_into_a_share_row_over_the_title_is_the_sites():
    page = ["青山镇上半年工作有序推进，项目建设提速，民生保障有力。以下是网友为您整理分享的“青山镇上半年工作总结”相关范文，供您参考！",
            "青山镇2023年上半年工作总结", _OPENING, *_BODY]
    furniture, starts = _parse(page)
    assert 1 in furniture and starts == [2]
    # after another report, the page still starts at the title, not at the site's row
    furniture, starts = _parse([*REPORT, *page])
    assert starts == [1, len(REPORT) + 2]


def test_a_site_that_says_it_picked_texts_for_the_reader_is_no_report():
    page = ["时间:2023-03-01 10:20:30", "引言:某某范文网多年整理公文，为您精心挑选了六篇村委会工作报告样例，欢迎选用。",
            "红石村位于镇区以北八公里，全村共有农户三百余户，党员二十一名，村两委干部七人。", *_BODY]
    furniture, starts = _parse(page)
    assert {1, 2} <= furniture and starts == [3]


def test_a_date_row_with_a_source_label_is_the_pages():
    page = ["2022年03月15日 来源: 青山发布", _OPENING, *_BODY]
    furniture, starts = _parse([*REPORT, *page])
    assert len(REPORT) + 1 in furniture and starts == [1, len(REPORT) + 2]


def test_a_dated_list_row_over_a_numbered_model_text_is_the_pages():
    page = ["2021-06-01 社区工作总结", "绿园社区年度工作总结范文2", _OPENING, *_BODY]
    furniture, starts = _parse(page)
    assert 1 in furniture and 2 not in furniture and starts == [2]


def test_an_outline_excerpt_closed_by_an_ellipsis_is_furniture():
    outline = ["目录/提纲:……", "一、2022年工作总结", "(一)抓好造林绿化，全年新造林一万亩，完成森林抚育两万亩，并开展退化林修复",
               "(二)发展林下经济", "二、2023年工作计划", "一是查漏补缺，夯实基础", "……"]
    page = [*outline, "青山县林业局2022年工作总结及2023年工作计划", _OPENING, *_BODY]
    furniture, starts = _parse(page)
    assert set(range(1, len(outline) + 1)) <= furniture and starts == [len(outline) + 1]
    # no closing ellipsis: the outline's headings are not taken past the text
    open_ended = [outline[0], *outline[1:2], "青山县林业局2022年工作总结", _OPENING, *_BODY]
    assert _parse(open_ended)[1] == [3]


def test_a_disclosures_contents_lists_its_report_under_a_numbered_part():
    contents = ["2023年部门决算公开目录", "一、决算报告", "关于青山县2023年财政决算的报告", "二、情况说明",
                "2023年专项资金情况说明", "2023年政府债务情况说明"]
    page = [*contents, "关于青山县2023年财政决算的报告", "各位委员:", _OPENING, *_BODY]
    furniture, starts = _parse(page)
    assert set(range(1, len(contents) + 1)) <= furniture
    assert starts == [len(contents) + 1]


def test_a_headline_dressed_with_a_model_text_word_over_its_plain_title_is_the_titles_first_copy():
    # (round 9 gold convention: a title printed twice at the head starts the report at the first copy)
    page = ["2024年某某乡年工作总结范文和2024年工作计划", "某某乡xx年工作总结和xx年工作计划", "一、xx年工作总结", _OPENING, *_BODY]
    furniture, starts = _parse(page)
    assert 1 not in furniture and starts == [1]
    # the same over a plain title too short to tell from a part's label: the headline stays the title
    short = ["乡政府报告范文", "乡政府报告", "各位代表:", _OPENING, *_BODY]
    assert _parse(short)[1] == [1]


def test_a_collection_headline_under_the_pages_own_title_gives_the_start_to_its_first_item():
    page = ["当前位置:某某范文网>工作总结>园务总结", "园务年终总结", "时间:2021-10-28 19:06:17 年终总结",
            "【精品】园务年终总结五篇", "园务年终总结 篇1", "本学期，我园认真贯彻幼儿园工作规程，全园幼儿出勤率保持在九成以上。",
            *_BODY]
    furniture, starts = _parse(page)
    assert 4 in furniture and 5 not in furniture and starts == [5]
    # without the page's title above it, the headline itself is the first text's title line
    assert _parse([page[0], *page[2:]])[1] == [3]


def test_a_province_titled_with_a_bare_year_starts_under_the_pages_meta_row():
    page = ["发布者:某某 发布时间:2021-03-02 浏览次数:57", "某某省2015政府工作报告", "各位代表:",
            "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。", *_BODY]
    furniture, starts = _parse([*REPORT, *page])
    assert starts == [1, len(REPORT) + 2] and len(REPORT) + 2 not in furniture


def test_a_recommendation_row_naming_the_text_is_the_sites():
    page = ["以下是为您推荐的《青山县应急局局长关于全县安全生产情况的报告》，希望对您有所帮助。",
            "青山县应急局局长关于全县安全生产情况的报告", "各位主任、各位委员:",
            "我受县政府委托，向本次会议报告全县安全生产情况，请予审议。", *_BODY]
    furniture, starts = _parse(page)
    assert 1 in furniture and starts == [2]


def test_a_long_outline_printed_before_a_report_to_an_inspection_team_is_furniture():
    outline = ["一、主要工作情况", "(一)加强理论学习", "(二)抓好主责主业", "二、存在问题",
               "(一)贯彻落实上级关于平安建设和法治建设各项决策部署以及县委工作要求方面的问题",
               "(二)队伍建设方面", "三、下一步打算", "(一)加强理论学习", "(二)从严管理队伍"]
    page = [*outline, "青山县委政法委关于近三年工作情况及迎检准备的汇报",
            "根据县委巡察工作安排，现将县委政法委近三年来工作开展情况汇报如下。", "一、主要工作情况",
            "近三年来，县委政法委坚持围绕中心、服务大局，全县社会大局保持稳定，群众安全感逐年提高。"]
    furniture, starts = _parse(page)
    assert set(range(1, len(outline) + 1)) <= furniture and starts == [len(outline) + 1]


def test_a_title_in_a_portals_table_row_with_empty_cells_after_it_opens_its_report():
    page = ["青山县数据管理局2022年工作总结和2023年工作思路 | ||||", "|", "||||",
            "今年以来，县数据管理局深入推进数字化改革，全县政务数据共享调用量同比增长三成，一网通办事项持续扩大。", *_BODY]
    furniture, starts = _parse([*REPORT, *page])
    assert starts == [1, len(REPORT) + 1]


def test_a_government_named_by_its_kind_over_its_year_and_genre_line_is_one_title():
    # a traditional-character site prints the pinyin of some characters after them
    page = ["鎮(zhèn)政府", "2021年工作總結(jié)及2022年工作安排",
            "2021年,全鎮(zhèn)上下團結一心,地區生產總值增長百分之七,各項工作取得新進展。", *_BODY]
    furniture, starts = _parse([*REPORT, *page])
    assert starts == [1, len(REPORT) + 1] and len(REPORT) + 1 not in furniture
