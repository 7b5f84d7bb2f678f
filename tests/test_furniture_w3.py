"""Furniture and titles read by what the lines are (issue 10, round 5, wave 3): a summary-and-plan
title names its body; an essay site's item header with no plain title under it is the report's
title line; a portal's reading-colour switch and a "your current position" row are the page's;
an item marker a page broke off alone on its line and a cut last sentence are the report's; a
site's summary run over the text's title, salutation and first paragraphs is the page's.  All
units, sites and sentences are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure
from workreport.structure.furniture import find_furniture, furniture_rule

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"


def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "page.txt")


def test_a_summary_and_next_step_title_names_its_body():
    for title in ("2024年度青山县中医院工作总结及下一步工作打算", "2021年某某街道工作总结和下步工作计划"):
        assert cues.title_kind(title, title) == "title"
    # a part name of the same shape names no body
    assert cues.title_kind("2024年工作总结及下一步工作打算", "2024年工作总结及下一步工作打算") is None


def test_a_title_broken_inside_its_plan_words_is_kept_whole():
    lines = ["2024年度青山县中医院工作总结及下一", "步工作打算", "2024年，医院在县委县政府的领导下，全面完成各项任务。", _DONE * 2]
    assert cues.broken_title(lines[0], lines[1])
    chrome = find_furniture(_doc(lines))
    assert 1 not in chrome and 2 not in chrome
    # its rest alone reads as a part name (步工作打算): the two lines are still one title, one report
    chrome, reports = structure(_doc(lines))
    assert [r.start_line for r in reports] == [1]


def test_a_page_cut_line_over_the_next_texts_title_is_not_joined_to_it():
    lines = ["青山县中医院2024年工作总结", "2024年，医院全面完成各项任务。", _DONE, "强化医疗质量管理监",
             "2023年白河镇政府工作总结", "2023年，白河镇全面完成各项任务。", _DONE]
    chrome, reports = structure(_doc(lines))
    assert 5 in [r.start_line for r in reports]


def test_an_item_header_with_no_plain_title_under_it_is_the_reports_start():
    # an essay site's "text 1" header carrying the title and its word count, the text right under it
    head = "第1篇 青山村两委工作总结及明年工作思路 2960字"
    assert cues.title_kind(head, head) == "genre"
    lines = [head, "今年以来，我村在镇党委政府的领导下，村两委团结带领全体村民完成了各项目标任务。", _DONE * 2]
    chrome, reports = structure(_doc(lines))
    assert 1 not in chrome
    assert [r.start_line for r in reports] == [1]


def test_a_word_count_is_cut_from_a_title_but_not_a_figure_in_a_sentence():
    assert cues.title_core("某某镇工作总结及明年工作思路 4120字") == "某某镇工作总结及明年工作思路"
    assert cues.title_kind("全年共编写简报 4120字", "全年共编写简报 4120字") is None


def test_page_rows_a_portal_prints_over_its_text():
    assert furniture_rule("保护视力色:") == "furniture.reading_colour"
    assert furniture_rule("背景色: 白 黄 绿") == "furniture.reading_colour"
    assert furniture_rule("您的当前位置:首页正文") == "furniture.breadcrumb"
    assert furniture_rule("保护视力色彩搭配的教室改造全部完成") is None


def test_an_item_marker_alone_on_its_line_is_the_reports():
    lines = ["白河街道2021年度工作总结", "2021年，街道党工委、办事处团结带领全街道干部群众，圆满完成各项任务。",
             "一是理论学习走深走实。全年开展集中学习二十四次。", "二是", "基层组织建设全面加强，新建党群服务站三个。", _DONE]
    assert 4 not in find_furniture(_doc(lines))
    # where the page's excerpt was cut right after the marker, it is still the report's last line
    assert 4 not in find_furniture(_doc(lines[:4]))


def test_a_sentence_the_page_cut_at_its_foot_is_the_reports():
    lines = ["青山县中医院2024年工作总结", "2024年，医院全面完成各项任务。", _DONE, "年内新增省"]
    chrome = find_furniture(_doc(lines))
    assert 4 not in chrome
    # a page's foot link after the last sentence is still the page's
    assert 4 in find_furniture(_doc([*lines[:3], "返回顶部"]))


def test_a_site_summary_run_over_the_texts_first_lines_is_the_pages():
    title = "局长在2023年全市水务工作会议上的讲话"
    first = "根据会议安排，我就去年全市水务工作作简要回顾，并对今年工作进行部署"
    lines = [title + "同志们:" + first + "。", title, "同志们:", first + ":", "一、2022年全市水务工作回顾", _DONE * 2]
    chrome = find_furniture(_doc(lines))
    assert 1 in chrome
    assert not {2, 3, 4} & chrome
    # a line the text below only begins (no more than its title) is no summary
    kept = find_furniture(_doc([title, title + "。", first + "。", _DONE]))
    assert 1 not in kept and 2 not in kept


def test_the_same_sentence_printed_on_several_lines_is_no_summary():
    lines = ["白河镇2023年工作总结", "2023年，全镇上下团结一心，各项工作稳步推进。", _DONE, _DONE, _DONE, _DONE]
    assert not find_furniture(_doc(lines))
