"""Rows a government portal or an essay site prints at the head of a page (issue 10, round 5): a row
of disclosure fields that a narrow table split (号: …, 性: 有效), a 来源时间 row, a link row to the
policy interpretation, a site's row of credits and actions, a sharing site's file number run into
the title, an outline (提纲) printed before the article.  They are the page's, so they neither start
a report nor hide the start under them.  All units, sites and sentences are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure
from workreport.structure.furniture import find_furniture

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_FIRST = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 3,
          "一、主要工作", _DONE]
_OPENING = "2023年，县农业农村局在县委县政府的坚强领导下，全力推进乡村振兴，各项工作取得新成效。"


def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")


def test_a_portals_split_disclosure_rows_are_the_pages_and_the_opening_starts_the_report():
    rows = ["号: /202401-00031 信息分类: 综合政务", "来源单位: 白河县农业农村局 性: 现行有效", "生效时间: 现行有效 废止时间: 无",
            "解读材料链接：点击查看解读", "来源时间为:2024-01-22"]
    lines = [*_FIRST, *rows, _OPENING, "一、2023年工作开展情况", _DONE]
    chrome, reports = structure(_doc(lines))
    assert set(range(len(_FIRST) + 1, len(_FIRST) + len(rows) + 1)) <= chrome
    assert [r.start_line for r in reports] == [1, len(_FIRST) + len(rows) + 1]


def test_a_sites_row_of_credits_and_actions_is_the_pages():
    row = "【投稿】【收藏】 作者: 佚名 来源: 网友原创 阅读 次 【小 中 大】"
    assert len(_FIRST) + 1 in find_furniture(_doc([*_FIRST, row, _OPENING, _DONE]))


def test_report_lines_with_a_colon_stay_text():
    lines = ["青山镇2023年工作计划", "今年，全镇将围绕乡村振兴抓好以下工作。", "一、目标：提高质量 措施：加强管理",
             "（一）责任单位：镇农办 配合单位：各村", _DONE]
    assert not find_furniture(_doc(lines)) & {3, 4}


def test_an_outline_before_the_article_is_a_table_of_contents():
    outline = ["提纲：", "一、完善公共文化服务体系", "二、文化场馆免费开放", "1.春节期间", "2.国庆期间", "三、下一步计划",
               "2024017733:青山区文体局2023年工作总结和2024年工作计划"]
    text = ["2023年，区文体局在区委区政府的坚强领导下，加强队伍建设，丰富群众文化生活，各项工作取得新成效。", "一、完善公共文化服务体系",
            "全年新建社区文化室6个，开展送戏下乡演出40场。"]
    lines = [*_FIRST, *outline, *text]
    chrome, reports = structure(_doc(lines))
    assert set(range(len(_FIRST) + 1, len(_FIRST) + len(outline) + 1)) <= chrome
    assert [r.start_line for r in reports] == [1, len(_FIRST) + len(outline) + 1]


def test_a_pages_comment_section_and_its_word_count_pitch_are_not_the_reports_last_lines():
    foot = ["【文章共2150字，优质范文，仅供参考】", "全部评论", "（网友评论只代表个人看法，不代表本站观点）"]
    lines = [*_FIRST, *foot]
    chrome, reports = structure(_doc(lines))
    assert set(range(len(_FIRST) + 1, len(lines) + 1)) <= chrome
    assert reports[0].end_line == len(_FIRST)


def test_a_bare_part_number_under_an_editors_lead_stays_the_reports():
    # the title was lost in the paste: the editor's lead, then the text's first part number alone
    lead = "下面是小编为大家整理的某某区水务局2023年工作总结，供大家参考。"
    lines = [*_FIRST, lead, "第一部分", "2023年工作总结 2023年，区水务局紧紧围绕区委区政府中心工作，全力推进河湖治理。", _DONE]
    furniture = find_furniture(_doc(lines))
    assert len(_FIRST) + 1 in furniture and len(_FIRST) + 2 not in furniture
