"""Report starts of issue 10 round 5, wave 2: a title a document-sharing site prints again inside
the text (the outline numbers on under it), a slogan headline over a dash subtitle, the text under
a portal's catalogue rows or breadcrumb (its title lost), an essay site's "collected for you" line
over a text that begins with a bare part heading, titles with a year written without its character
or a school year.  All units and sentences here are made up."""
from workreport.structure import cues, evidence, split
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraph_cues import paragraph_cues
from workreport.structure.paragraphs import build_paragraphs

from structure_helpers import DONE as _DONE, MORE as _MORE, REPORT as _REPORT, pasted as _doc, start_lines as _starts


def _weighed(lines, text):
    """The evidence for the paragraph ``text`` as a start, the report walked up to it."""
    doc = _doc(lines)
    furn = find_furniture(doc)
    paras = list(build_paragraphs(doc, furn))
    cs = paragraph_cues(doc, paras, furn)
    st = evidence.State()
    st.take(cs[0], paras[0])
    for i in range(1, len(paras)):
        if paras[i].text == text:
            return evidence.features(i, cs, paras, st, evidence.is_compilation(cs))
        st.take(cs[i], paras[i])
    raise AssertionError(text)


def test_a_title_printed_again_where_the_outline_numbers_on_is_inside_the_text():
    title = "白石乡上半年工作总结"
    page = ["上半年，白石乡在县委县政府的领导下，稳步推进各项工作，全乡社会大局稳定。", "一、上半年工作情况",
            "（一）谋划全年工作", "年初召开乡党委扩大会议，研究确定全年工作任务和责任分工。", _MORE,
            "1.明确年度目标。围绕产业、民生、治理三个方面定下年度目标，逐项分解到人。", title,
            "2.理清发展路径。依托山区林果资源，发展乡村旅游，带动群众增收。", _DONE]
    f = _weighed([*_REPORT, *page], title)
    assert f["outline_goes_on"] == 1.0 and f["head_after_body"] == 1.0
    assert split.score(f) <= split.THRESHOLD
    # the same title over an outline that starts at one is the next report's head
    fresh = [title, "1.明确年度目标。围绕产业、民生、治理三个方面定下年度目标，逐项分解到人。", _MORE, _DONE]
    f = _weighed([*_REPORT, *fresh], title)
    assert f["outline_goes_on"] == 0.0 and split.score(f) > split.THRESHOLD
    assert _starts([*_REPORT, *fresh]) == [1, 9]


def test_a_slogan_over_a_dash_subtitle_is_where_the_report_begins():
    assert cues.slogan_over("凝心聚力谋发展 砥砺奋进开新局", "——青山中学2021-2022学年工作总结")
    assert not cues.slogan_over("强化行政执法协调监", "——2022年4月26日在青山区第十一届人民代表大会第一次会议上")
    assert not cues.slogan_over("一、主要工作", "——青山中学2022年工作总结")
    school = ["凝心聚力谋发展 砥砺奋进开新局", "——青山中学2021-2022学年工作总结",
              "一年来，我校坚持立德树人根本任务，全面提升办学质量，现将一年来的工作总结如下：", "一、党建引领，凝聚发展合力", _MORE, _DONE]
    lines = [*_REPORT, *school]
    assert not find_furniture(_doc(lines)) & {9, 10}
    assert _starts(lines) == [1, 9]


def test_the_text_under_a_portals_catalogue_rows_begins_a_document():
    page = ["某某自治区某某委员会", "", "政府信息公开", "", "  • 索引号：000000000/2020-00001", "  • 发文字号：",
            "  • 公文种类：", "  • 发文机关：某某委", "  • 成文日期：2019-07-04", "", "发布时间：2019-07-04   浏览次数：",
            "", "关于“7.加快推进城乡供水一体化建设”方面", "", "一是完成三处水厂改扩建，新铺设供水管网四十公里，惠及群众两万余人。",
            "", "关于“8.持续改善全区农村人居环境质量”方面", "", "一是开展村庄清洁行动，清理积存垃圾一千余吨，改造农村户厕三百余座。"]
    assert _starts([*_REPORT, *page]) == [1, 21]
    # the same rows over a report that has its title: the report begins at the title, not under the rows
    titled = ["青山县林业局2022年工作总结", "索引号：000000/2022-00145", "发文机关：青山县林业局", "成文日期：2022-12-30",
              "2022年，县林业局在县委县政府的领导下，扎实推进国土绿化和森林防火工作。", _MORE, _DONE]
    assert _starts([*_REPORT, *titled]) == [1, 9]


def test_a_bare_part_heading_under_an_essay_sites_collected_for_you_line_begins_a_report():
    page = ["下面是小编为大家整理的青山市园林局2021年工作总结及2022年工作思路，供大家参考。", "第一部分",
            "2021年工作总结 2021年，市园林局围绕城市绿化提升，新建改造公园游园十二处。", _MORE, _DONE]
    assert _starts([*_REPORT, *page]) == [1, 10]


def test_titles_with_a_year_written_without_its_character_or_a_school_year():
    for t in ("2023青山县妇联工作汇报", "2020水利工作总结及计划3篇", "2021-2022学年青山中学工作总结"):
        assert cues.is_title(t), t
    for t in ("2020全区工作总结", "2022中心工作总结", "本学年工作总结", "2023工作总结及2024工作计划"):
        assert not cues.is_title(t), t
    page = ["当前位置：某某文档网 > 范文大全 > 工作汇报", "下面是小编为大家整理的2023青山县妇联工作汇报，供大家参考。",
            "2023青山县妇联工作汇报", "今年以来，县妇联在县委的领导下，联系服务妇女儿童，各项工作有序推进。", _MORE, _DONE]
    lines = [*_REPORT, *page]
    assert 11 not in find_furniture(_doc(lines))
    assert _starts(lines) == [1, 11]


def test_a_page_that_begins_with_its_review_of_another_year_begins_a_report():
    # (the text lost its title: the part name that reviews its year is the first line left)
    page = ["2019年工作回顾", "2019年，全县审计机关在县委的坚强领导下，依法履行审计监督职责，各项工作取得新成效。",
            "一、聚焦主责主业，服务发展大局", "全年完成审计项目四十余个，促进增收节支两千余万元。", _DONE]
    assert _starts([*_REPORT, "", *page]) == [1, 10]
    # the same part name in a report of that year is the report's own
    own = ["青山县审计局2019年工作报告", "各位代表：", "现在，我代表县审计局，向大会报告工作，请予审议。", *page]
    assert _starts(own) == [1]
