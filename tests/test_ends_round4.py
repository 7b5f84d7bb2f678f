"""Where a report ends, and what of a page is the page's (issue 10, round 4): the notice a
document-sharing site prints over a document, the info rows it bullets, a login prompt where a site
cuts a text, a long breadcrumb, an editor's lead that comes after a lyrical opening, the headline of
a page collecting several texts, an essay page's summary box, a headline carrying the site's word
count.  Each is the page's wherever it stands, so the report before it ends on its own last line;
report lines that speak of documents, uploads or a station's own work stay text.  All units,
sites and sentences are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

_DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
_FIRST = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE * 3,
          "一、主要工作", _DONE]


def _parse(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    return structure(doc)


def _at(lines, text):
    return lines.index(text) + 1


def test_a_sharing_sites_notice_and_info_rows_are_the_pages_and_the_report_before_ends_on_its_own_line():
    notice = ["- 36.2 KB |", "- 2021-03-02 发布 |", "- 9页",
              "1、某某文库网站文档一经付费，不意味着购买了该文档的版权，仅供个人学习使用。",
              "2、本站全部内容均由网友上传，本站不对文档的完整性做任何保证！",
              "3、如文档侵犯您的著作权，请点击版权申诉。",
              "4、该文档为VIP文档，成为VIP会员后下载免费。",
              "- 网站客服QQ:100000000"]
    text = ["白石镇2021年工作总结", "2021年，白石镇在县委县政府的坚强领导下，统筹推进乡村振兴和基层治理各项工作。", _DONE]
    lines = [*_FIRST, *notice, *text]
    chrome, reports = _parse(lines)
    assert {_at(lines, n) for n in notice} <= chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (_at(lines, text[0]), len(lines))]


def test_a_login_prompt_where_a_site_cuts_the_text_is_not_the_reports_last_line():
    lines = [*_FIRST, "（查看完整内容，您需要先登录！）"]
    chrome, reports = _parse(lines)
    assert 6 in chrome
    assert reports[-1].end_line == 5


def test_a_long_breadcrumb_naming_the_title_and_a_mobile_link_is_the_pages():
    crumb = ("您的位置:某某范文网 > 范文大全 > 工作总结 > 青山街道2022年上半年工作总结及下半年工作安排 正文 "
             "手机版:青山街道2022年上半年工作总结及下半年工作安排")
    lines = [*_FIRST, crumb, "2022-08-05 10:20:30 来源:某某范文网", "青山街道2022年上半年工作总结及下半年工作安排",
             "上半年，街道在区委区政府的领导下，紧紧围绕年度目标任务，各项工作稳步推进。", _DONE]
    chrome, reports = _parse(lines)
    assert 6 in chrome and 7 in chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (8, 10)]


def test_an_editors_lead_after_a_lyrical_opening_is_the_pages():
    lead = ("时光飞逝，转眼一年又要过去，回头看看这一年的收获，再为新的一年定个目标吧。"
            "下面就由小编给大家带来街道年度工作计划，希望大家喜欢！")
    lines = [*_FIRST, lead, "青山街道2023年工作计划", "为进一步改善社区环境，提高居民生活质量，结合本街道实际，特制定本年度工作计划。",
             "一、工作目标", _DONE]
    chrome, reports = _parse(lines)
    assert 6 in chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (7, 10)]


def test_a_collection_headline_and_an_item_header_beside_the_title_are_the_pages():
    lines = [*_FIRST, "某某县林业局2023年工作总结(5篇范文)", "发布时间:2024-10-12 热度:21", "某某县林业局2023年工作总结",
             "第1篇 某某县林业局2023年工作总结", "某某县林业局工作总结 关键词:工作总结",
             "今年以来，县林业局在县委县政府的领导下，扎实推进森林防火和造林绿化各项工作。", _DONE]
    chrome, reports = _parse(lines)
    assert {6, 7, 9, 10} <= chrome and 8 not in chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (8, 12)]


def test_an_item_header_standing_alone_is_the_texts_title():
    lines = ["第1篇 某某区人大常委会工作报告", "各位代表：", "我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。", _DONE]
    chrome, reports = _parse(lines)
    assert 1 not in chrome
    assert reports[0].start_line == 1


def test_an_essay_pages_summary_box_is_the_sites_and_its_title_stays():
    summary = "尽管我县基层医疗工作取得一定成效，但仍存在一些不足：一是乡镇卫生院设施不足，二是人才缺乏。针对这些问题，我们将进一步改进。"
    lines = [*_FIRST, "内容预览:", "某某县卫生局合作医疗工作总结", "【内容摘要】", summary,
             "【正文】 我县地处省境中部，辖十二个乡镇。一年来，县卫生局认真落实合作医疗各项政策，参合率稳步提高。", _DONE]
    chrome, reports = _parse(lines)
    assert {6, 8, 9} <= chrome and 7 not in chrome and 10 not in chrome
    # (a title and an opening alone would be a teaser of the text: the report has a line of body too)
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (7, 11)]


def test_a_headline_with_the_sites_word_count_is_the_reports_title_line():
    # like a title with a site suffix (…-某某网), the count is the site's, the line is the report's head
    lines = [*_FIRST, "某某区水务局2022年度工作总结及2023年度工作思路(6410字)",
             "今年以来，区水务局在区委区政府的坚强领导下，全力推进水利工程建设和河湖治理。", "一、工作开展情况", _DONE]
    chrome, reports = _parse(lines)
    assert 6 not in chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5), (6, 9)]
    assert reports[1].title == "某某区水务局2022年度工作总结及2023年度工作思路" and "水务局" in reports[1].org


def test_report_lines_about_documents_uploads_or_a_stations_own_work_stay_text():
    lines = ["某某县气象站2022年工作总结", "本站全年观测数据完整率百分之百，按时上传省气象局。",
             "档案室全年接收电子文档一千二百件，全部上传至省级平台。", "规范文档管理，杜绝侵权行为。", _DONE]
    chrome, reports = _parse(lines)
    assert not chrome
    assert [(r.start_line, r.end_line) for r in reports] == [(1, 5)]


def test_a_sentence_the_excerpt_cut_short_stays_the_reports_last_line():
    # the cut line opens with the genre's verb or purpose (no subject), or is a dash-led item of a speech
    for cut in ("深化“一村一", "为适应新形势", "——扎实推"):
        lines = [*_FIRST, cut, "某某县林业局2023年工作总结",
                 "今年以来，县林业局在县委县政府的领导下，扎实推进森林防火和造林绿化各项工作。", _DONE]
        chrome, reports = _parse(lines)
        assert 6 not in chrome, cut
        assert [(r.start_line, r.end_line) for r in reports] == [(1, 6), (7, 9)], cut
