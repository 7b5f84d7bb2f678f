"""Report starts of issue 10 round 7: how a numbered list inside a report differs from a
document-sharing site's chunks, and where a report whose title was lost begins when its outline
restarts.  All units, figures and sentences here are made up."""
from structure_helpers import WHOLE, starts

_PREV = WHOLE


_starts = starts


_ITEM_1 = ("1、春耕生产有序推进。年初县里下达我区粮食播种任务三万亩，上半年已完成早稻播种八千亩，与去年基本持平，"
           "早稻生产呈现播种早、良种多、管理细的特点。全区新建高标准农田三千亩，完成农机补贴发放两百余万元，"
           "春季动物防疫密度达到百分之百，为全年丰收打下了基础")  # (the web copy lost its last stop)
_ITEM_2 = "2、农村人居环境整治扎实开展。全区共清理沟渠四十余条，新建公厕十二座，改造农户厨房两百余户，群众满意度明显提升。"


def test_numbered_items_under_a_part_heading_are_no_document_sharing_chunks():
    # a half-year summary: part heading, sub-heading, then long items 1、2、 whose first lost its stop;
    # a sharing site's chunks begin the text where the page begins, never under a heading of the text
    report = ["白河区农业农村局2023年上半年工作总结",
              "2023年上半年，白河区农业农村局在区委、区政府的领导下，围绕年度目标，扎实推进各项工作。",
              "一、上半年主要工作", "（一）现代农业稳步发展", _ITEM_1, _ITEM_2,
              "3、农技推广成效明显。全区举办农技培训班十二期，培训农民一千余人次。"]
    assert _starts(report) == [1]
    assert _starts([*_PREV, *report]) == [1, len(_PREV) + 1]


def test_a_sharing_sites_chunks_after_a_page_cut_at_a_heading_still_begin_a_report():
    # the page before was cut right under a heading; the next page is a document-sharing preview
    # whose first chunk runs the title on with the text: it begins a report all the same
    cut = [*_PREV[:-2], "三、明年打算"]
    chunk1 = ("1、红石镇2023年工作总结2023年，红石镇在县委县政府的坚强领导下，坚持稳中求进工作总基调，全镇经济社会"
              "持续健康发展，全年完成地区生产总值十二亿元，同比增长百分之六，一般公共预算收入完成八千万")
    chunk2 = ("2、元，同比增长百分之五。全镇新签约项目八个，总投资二十亿元，其中工业项目五个，农业项目三个，"
              "项目建设取得新进展，民生保障持续改善，社会大局和谐稳定。")
    assert _starts([*cut, chunk1, chunk2]) == [1, len(cut) + 1]


def test_a_titleless_report_begins_at_its_year_opening_above_its_first_part():
    # the title was lost in the paste: the report opens with its year set in its scene, then its
    # first part; the outline starting again splits, and the start is the opening above it
    nxt = ["2023年，是全面贯彻落实党的二十大精神的开局之年，也是红石镇推进乡村振兴的关键一年。",
           "一、主要经济指标完成情况", "1、农业生产：全镇粮食播种面积五万亩，总产两万吨。",
           "2、工业生产：规模以上工业产值完成十二亿元，同比增长百分之八。",
           "二、存在的问题", "项目储备不足，财政增收压力较大。"]
    assert _starts([*_PREV, *nxt]) == [1, len(_PREV) + 1]


_CONGRESS = ["青山县人民政府工作报告", "——2024年1月10日在青山县第十八届人民代表大会第四次会议上", "各位代表：",
             "现在，我代表县人民政府，向大会报告工作，请予审议。", "一、2023年工作回顾",
             "过去一年，全县地区生产总值增长百分之六，一般公共预算收入完成九亿元，城乡居民收入稳步增长。",
             "各位代表！成绩来之不易，这是县委坚强领导的结果，是全县人民团结奋斗的结果。",
             "——五年来，我们坚持项目为王，新建工业园区两个，引进企业四十余家，县域经济实力明显增强，城乡面貌"]


def test_a_salutation_alone_with_its_colon_heard_again_heads_another_speech():
    # a second speech to the same audience (a hospital's 职代会 report) whose title the site left off:
    # a salutation alone on its line with a colon is said once, at a speech's head
    speech = ["各位代表：", "此次职代会我代表医院领导班子所作的工作报告，总结了去年的主要工作，分析了存在的问题。",
              "一年来，全院门诊量增长百分之十，新开设专科门诊三个，患者满意度持续提高。"]
    assert _starts([*_CONGRESS, *speech]) == [1, len(_CONGRESS) + 1]


def test_a_speech_addressing_its_audience_again_goes_on():
    # the exclamation inside the report above stays in it (no new report at 各位代表！)
    assert _starts(_CONGRESS) == [1]


def test_a_report_sent_up_begins_at_its_addressee_line():
    # a portal's release row, then the working committee the report is sent to, then the opening:
    # the report begins at the addressee line, the head of a document sent up
    page = ["发布时间:2024-01-15 09:22 信息来源: 区统计局", "中共青山经开区工委：",
            "今年以来，在工委、管委会的坚强领导下，区统计局坚持依法统计，扎实推进法治政府建设，现将有关情况报告如下：",
            "一、2023年度推进法治政府建设的主要举措和成效", "全年开展统计执法检查十二次，查处统计违法案件三件。",
            "二、存在的不足和原因", "执法力量仍然不足。", "三、下一步工作安排", "继续加强统计法治宣传。"]
    assert _starts([*_PREV, *page]) == [1, len(_PREV) + 2]


_NOTICE = ["关于印发《青山县民政局2024年重点工作任务》的通知", "青民发〔2024〕3号",
           "各乡镇人民政府、各街道办事处，县直各有关单位：",
           "现将《青山县民政局2024年重点工作任务》印发给你们，请认真抓好落实。", "青山县民政局", "2024年2月20日",
           "一、稳定粮食生产", "全年粮食播种面积稳定在四十万亩以上，总产量保持在十五万吨以上。",
           "二、推进乡村建设", "新改建农村公路六十公里，完成农村户厕改造两千户。"]


def test_a_notice_found_at_its_addressees_begins_at_its_title_and_number_above():
    # the notice's title and document number row over its addressee line are the notice's, not the text before's
    assert _starts([*_PREV, *_NOTICE]) == [1, len(_PREV) + 1]


def test_a_notice_title_going_on_a_cut_sentence_is_not_pulled_up():
    # the page before was cut mid-sentence right over a line that only looks like a notice's title:
    # nothing is pulled up over a cut; the start stays at or under the addressee line
    cut = [*_PREV[:-1], _PREV[-1].rstrip("。") + "，按照上级要求，认真学习贯彻落实市农业农村局转发的省农业农村厅有关文件和会议精神，以及"]
    page = ["关于做好2024年春耕生产工作的通知", *_NOTICE[2:]]
    starts = _starts([*cut, *page])
    assert len(starts) == 2 and starts[1] >= len(cut) + 2


def test_a_speech_that_opens_on_the_meeting_held_today_begins_there():
    # a web copy lost the speech's title and salutation: its first line says the meeting is held today and
    # what it is for, in the speakers' voice; the summary before it ended without its last stop, and no
    # numbered outline restarts under it
    prev = [*_PREV[:-1], "继续完善社会救助制度，加强养老服务设施建设，推进殡葬改革"]
    speech = ["今天，我们在这里召开全县水利工作会议，主要任务是总结去年工作，部署今年任务，动员全县上下抓好水利建设。",
              "去年全县完成水利投资四亿元，新建小型水库两座，治理河道三十公里。",
              "今年要抓好灌区改造和农村供水保障，确保完成省市下达的目标任务。"]
    assert _starts([*prev, *speech]) == [1, len(prev) + 1]


def test_a_report_telling_of_a_meeting_it_held_does_not_begin_there():
    # a bureau's report recounting its meetings (a date, a count, 我局): a paragraph of the report, not a speech
    page = [*_PREV[:4], "近三年，我局每年召开安全生产工作会议两次，层层签订责任书，全年未发生安全事故。", *_PREV[4:]]
    assert _starts(page) == [1]
