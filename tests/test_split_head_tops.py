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


def test_the_bodys_name_over_a_title_naming_it_is_the_portals_masthead():
    # (a portal prints the body's name as the head's first line, the title naming it again under it:
    # the name is a piece of the title, the site's masthead; round 20 moved the start to the title,
    # as the s21 builders marked it, from the round-14 reading that began the report at the name)
    head = ["临江市水务局", "", "临江市水务局2023年工作总结", "", "发布日期：2024-01-20 来源：办公室", ""]
    assert _starts([*_BEFORE, "", *head, *_OPENING]) == [1, len(_BEFORE) + 4]


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



# A speech whose title the compilation left out: the head left over its salutation (session line,
# its wrapped second piece, date, speaker) begins it, and a signature under the report before stays there.
_ADDRESS = ["各位代表：", "现在，我代表县人民政府，向大会报告工作，请予审议，并请各位政协委员提出意见。",
            "一、2023年工作回顾", "过去一年，我们坚持稳中求进，全县经济运行持续向好，主要指标好于预期。",
            "（一）产业发展提质增效。全年新签约项目二十个，规上工业增加值增长百分之七。"]
_LONG = [*_BEFORE, "二、存在的问题", "一是基层治理力量仍显薄弱，网格员队伍流动性较大，专业化水平有待提升。",
         "二是公共服务供给仍不均衡，老旧小区配套设施短板较多，群众期盼尚未完全满足。",
         "三、下一步工作打算", "一是持续深化党建引领基层治理，推动网格力量下沉，提升服务群众的能力和水平。",
         "二是持续抓好民生实事，加快补齐公共服务短板，不断增强群众的获得感和幸福感。"]


def test_the_speakers_name_alone_over_the_salutation_begins_the_speech():
    assert _starts([*_LONG, "", "李某某", *_ADDRESS]) == [1, len(_LONG) + 2]


def test_the_session_line_and_the_speaker_over_the_salutation_begin_the_speech():
    head = ["——2024年1月9日在青山县第六届人民代表大会第三次会议上", "青山县人民政府县长  王某"]
    assert _starts([*_LONG, *head, *_ADDRESS]) == [1, len(_LONG) + 1]


def test_the_second_piece_of_a_wrapped_session_line_begins_the_speech():
    # (the session line's first piece lost: its second piece is the first line left of the head)
    head = ["三次会议上", "青山县人民政府县长  王某"]
    assert _starts([*_LONG, *head, *_ADDRESS]) == [1, len(_LONG) + 1]


def test_a_reporting_body_over_the_salutation_begins_its_report():
    lines = ["临江市发展和改革委员会", "各位代表：", "受市人民政府委托，现将临江市2023年计划执行情况与2024年计划草案提请大会审议。",
             "一、2023年计划执行情况", "2023年，全市经济运行稳中有进，地区生产总值增长百分之五。",
             "（一）投资保持增长。全年固定资产投资增长百分之六，重大项目有序推进。"]
    assert _starts([*_LONG, "", *lines]) == [1, len(_LONG) + 2]


def test_a_salutation_over_the_start_found_at_the_address_line_is_the_speechs():
    # (the page's rows over the salutation: the start found at the address moves up to the salutation)
    head = ["发布时间：2024-01-20 来源：县政府办", "【字体：大 中 小】"]
    assert _starts([*_LONG, "", *head, *_ADDRESS]) == [1, len(_LONG) + 4]


def test_a_signature_date_and_name_under_the_last_sentence_stay_with_the_report_before():
    # (counter-case: the body's name and date signed under the last sentence are that report's foot)
    sign = ["石门街道办事处", "2024年1月5日"]
    out = _starts([*_LONG, *sign, "县长  王某", *_ADDRESS])
    assert out == [1, len(_LONG) + 3]


def test_a_date_under_the_last_sentence_stays_with_the_report_before():
    # (counter-case: a bare date under a last sentence is the text before's signature, not the speech's day)
    out = _starts([*_LONG, "2024年1月5日", "县长  王某", *_ADDRESS])
    assert out == [1, len(_LONG) + 2]


def test_a_fragment_of_a_page_cut_mid_word_over_the_salutation_stays_with_the_text_before():
    # (counter-case: the last words of a page the site cut, not a speaker's name: too long, or a particle first)
    for tail in (["全年新增市级重点"], ["", "了入驻协"], ["", "科"]):
        out = _starts([*_LONG, "四是加快推进产业园区建设，全年新引进企业二十余家，带动就业", *tail, *_ADDRESS])
        assert out == [1, len(_LONG) + 2 + len(tail)], tail


def test_a_session_line_taken_for_a_report_of_its_own_is_the_speechs_first_line():
    # (the text begins with the session line; the reporting body and the salutation under it are the same speech)
    lines = ["——2024年1月9日在临江市第六届人民代表大会第三次会议上", "临江市发展和改革委员会", *_ADDRESS]
    assert _starts(lines) == [1]
