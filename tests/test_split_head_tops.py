"""A report begins at the top of its head (split._head_tops): a start found low in a page's head (a
second copy of the title, a session line, a salutation, an opening under the rows) moves up to the
head's highest title, past the page's rows; not onto a site's column name, a listing of another
year or a related link naming another body.  All units and sentences here are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

_BEFORE = ["石门街道2023年工作总结",
           "2023年，石门街道在区委区政府的坚强领导下，统筹推进基层治理和民生保障各项工作，取得新进展。",
           "一、主要工作",
           "一是持续推进老旧小区改造，全年完成改造十二个小区，惠及居民三千余户。",
           "二是持续擦亮生态底色，全年新增绿地面积三十余公顷，群众获得感不断增强。"]
_SPEECH = ["——2024年1月9日在青山区第六届人民代表大会第三次会议上", "区长  王某", "各位代表：",
           "现在，我代表区人民政府，向大会报告工作，请予审议，并请各位政协委员提出意见。",
           "一、2023年工作回顾", "过去一年，我们坚持稳中求进，全区经济运行持续向好，主要指标好于预期。"]


def _starts(lines):
    _, reports = structure(document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt"))
    return [r.start_line for r in reports]


def test_the_page_headline_over_rows_and_a_bare_genre_line_begins_the_report():
    # (a portal prints its headline, its date and font rows, then the text's own short heading)
    head = ["2024年青山区政府工作报告", "2024年01月14日来源:青山区人民政府办公室", "[字体: ] 打印", "", "政府工作报告", ""]
    assert _starts([*_BEFORE, *head, *_SPEECH]) == [1, len(_BEFORE) + 1]


def test_a_bare_column_name_over_a_fuller_title_is_the_sites():
    head = ["政府工作报告", "当前位置：首页 >> 政务公开 >> 政府工作报告", "发布日期：2024-01-20 来源：区政府办",
            "青山区2024年政府工作报告"]
    assert _starts([*_BEFORE, *head, *_SPEECH]) == [1, len(_BEFORE) + 4]


def test_a_title_naming_another_body_stays_out_of_the_head():
    head = ["柳河镇2024年工作总结", "发布日期：2024-01-20 来源：区政府办"]
    assert _starts([*_BEFORE, *head, *_SPEECH]) == [1, len(_BEFORE) + 3]


_OPENING = ["2023年，我局在市委市政府的坚强领导下，全面推进水利基础设施建设，各项工作取得明显成效。",
            "一、主要工作", "一是加快水库除险加固，全年完成三座，汛期安全度汛。"]


def test_the_bodys_name_over_its_title_begins_the_report():
    # (a portal prints the body's name as the head's first line, the title naming it under it)
    head = ["临江市水务局", "", "临江市水务局2023年工作总结", "", "发布日期：2024-01-20 来源：办公室", ""]
    assert _starts([*_BEFORE, "", *head, *_OPENING]) == [1, len(_BEFORE) + 2]


def test_a_company_name_over_a_title_naming_no_body_under_the_rows():
    head = ["公告日期：2024-04-20", "", "某某科技股份有限公司", "", "2023年度董事会工作报告", ""]
    assert _starts([*_BEFORE, "", *head, *_OPENING]) == [1, len(_BEFORE) + 4]


def test_a_signature_under_the_last_sentence_stays_with_the_text_before():
    # (the name signed under a last sentence, then a title naming no body: the signature is the text's)
    head = ["某某科技股份有限公司", "", "2023年度董事会工作报告", ""]
    assert _starts([*_BEFORE, "三是持续深化改革创新，各项工作扎实推进。", *head, *_OPENING]) == [1, len(_BEFORE) + 4]


def test_another_bodys_name_over_a_title_is_not_its_byline():
    head = ["柳河镇人民政府", "", "临江市水务局2023年工作总结", ""]
    assert _starts([*_BEFORE, "", *head, *_OPENING]) == [1, len(_BEFORE) + 4]



def test_a_bare_dated_title_between_the_breadcrumb_and_the_date_row_is_the_reports():
    # (the site's widget row, its crumb, the title naming only the year and genre, the date row, the text)
    head = ["切换语言", "", "您的位置：首页 > 机构专页 > 某某街道办事处 > 计划总结", "", "2023年工作总结", "",
            "来源：本网 发布时间：2024-01-20 09:30 阅读次数：-", "字号：", ""]
    assert _starts([*_BEFORE, "", *head, *_OPENING]) == [1, len(_BEFORE) + 6]

