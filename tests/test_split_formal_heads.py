"""Report starts of issue 10 round 6 (wave 2): the head block of a formal report delivered to a
body (an audit or final-accounts report to a congress's standing committee, a work report to an
executive committee, a speech) is one block: its title (maybe broken over lines), its session
line (maybe wrapped), its speaker and its salutation belong to the report that follows, which
begins at the block's first line; nothing inside the block starts a report.
All units, names, figures and sentences here are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure

from structure_helpers import CUT, DONE, MORE, REPORT


def _structure(lines):
    return structure(document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt"))


def _starts(lines):
    return [r.start_line for r in _structure(lines)[1]]


def _spaced(lines):
    """The lines as a portal prints them: a blank line between each."""
    return [x for line in lines for x in (line, "")]


_BODY = ["一、预算执行和财政管理审计情况", DONE, MORE,
         "从审计情况看,市级财政部门认真落实积极的财政政策,预算执行总体平稳,财政收支管理进一步规范,绩效管理持续加强。"]

# an audit report to the city congress's standing committee: a two-line title, a session line
# wrapped before "standing committee", the speaker (title and name), the committee's salutation
_AUDIT = ["关于青山市2022年度市级预算执行", "和其他财政收支的审计工作报告", "——2023年6月28日在青山市第九届人民代表大会",
          "常务委员会第五次会议上", "青山市审计局局长  李某某", "主任、各位副主任、秘书长、各位委员:",
          "我受市人民政府委托,向市人大常委会报告2022年度市级预算执行和其他财政收支的审计情况,请予审议。", *_BODY]

# a county finance bureau's final-accounts report: the title's first line left open ("... and"),
# its second line a title by itself
_ACCOUNTS = ["关于白河县2022年财政决算和", "2023年上半年预算执行情况的报告", "——2023年7月20日在白河县第八届人民代表大会",
             "常务委员会第十二次会议上", "白河县财政局局长 王某某", "主任、各位副主任、秘书长、各位委员:",
             "受县人民政府委托,现将我县2022年财政决算和2023年上半年预算执行情况报告如下,请予审议。", *_BODY]


def test_the_wrapped_session_line_and_the_speaker_stay_in_the_audit_reports_head():
    assert cues.preamble_rule("常务委员会第五次会议上") == "split.preamble.session"
    assert cues.preamble_rule("青山市审计局局长  李某某") == "split.preamble.speaker"
    for lines in (_AUDIT, _spaced(_AUDIT)):
        assert _starts([*REPORT, *lines]) == [1, len(REPORT) + 1]
        assert _starts([*CUT, *lines]) == [1, len(CUT) + 1]


def test_a_title_left_open_on_its_first_line_begins_the_final_accounts_report():
    assert cues.broken_title("关于白河县2022年财政决算和", "2023年上半年预算执行情况的报告")
    # (a whole title over a second one is two titles; a sentence's end is no title's first line)
    assert not cues.broken_title("白河县2022年财政决算的报告", "2023年上半年预算执行情况的报告")
    assert not cues.open_title_head("全年完成投资三亿元,同比增长百分之五和")
    starts = _starts([*REPORT, *_ACCOUNTS])
    assert starts == [1, len(REPORT) + 1]
    furniture, reports = _structure([*CUT, *_ACCOUNTS])
    assert [r.start_line for r in reports] == [1, len(CUT) + 1]
    assert reports[1].title.startswith("关于白河县2022年财政决算和2023年")


def test_the_salutation_of_a_standing_or_executive_committee():
    for s in ("主任、各位副主任、秘书长、各位委员:", "各位执委,同志们:", "尊敬的主席、各位副主席、各位常委:"):
        assert "split.intro.salutation" in cues.intro_rules(s), s
    for s in ("主任、副主任带队检查:", "各位委员,同志们,我们要坚定信心。", "主任:"):
        assert "split.intro.salutation" not in cues.intro_rules(s), s
    # whom the speaker reports for: the committee's commission, to the committee
    assert cues.preamble_rule("现在,我受某某县妇联第五届常委会委托,向各位执委作工作报告,请予审议。") == "split.preamble.address"
    assert cues.preamble_rule("我代表县人大常委会,向辛勤工作在各条战线的同志们表示感谢!") is None


# a women's federation's report to its executive committee: a short title, the salutation
_EXECUTIVE = ["某某县妇联工作报告", "各位执委,同志们:", "现在,我受某某县妇联第五届常委会委托,向各位执委作工作报告,请予审议。",
              "二〇二二年工作回顾", "2022年,在县委、县政府的坚强领导下,全县各级妇女组织团结带领广大妇女积极投身经济社会发展,各项工作取得新进展。",
              "一、聚焦中心大局,巾帼建功作用持续彰显", DONE, MORE]


def test_an_executive_committee_report_starts_at_its_title():
    assert _starts([*REPORT, *_EXECUTIVE]) == [1, len(REPORT) + 1]
    assert _starts([*CUT, *_spaced(_EXECUTIVE)]) == [1, len(CUT) + 1]


# a speech on a university's mirror page: a publisher row, then a title no rule reads as one (the
# year with no year character), then the salutation
_SPEECH = ["发布者:某某 发布时间:2021-03-02 浏览次数:15", "", "某某省2015政府工作报告", "", "各位代表:", "",
           "现在,我代表省人民政府向大会作工作报告,请予审议。", "", "一、2014年工作回顾", "",
           "过去的一年,全省经济平稳运行,地区生产总值增长百分之七,一般公共预算收入增长百分之六,城乡居民收入稳步提高。"]


def test_a_news_caption_over_the_salutation_is_no_title():
    # (the governor delivering the report, a photo's caption on a news page: the speech's own title is above it)
    page = ["某某省2024年政府工作报告", "2024年1月20日在某某省第十四届人民代表大会第二次会议上", "省长某某某作政府工作报告",
            *_SPEECH[4:]]
    assert _starts(page) == [1]
    assert _starts([*REPORT, *page]) == [1, len(REPORT) + 1]


def test_a_budget_reports_headline_with_its_session_run_on_after_a_dash():
    # the page's headline runs the title and the start of its session line together; the title follows again
    head = "关于青山市2022年预算执行情况和2023年预算草案的报告——2023年1月9日在青山市"
    assert cues.title_core(head) == "关于青山市2022年预算执行情况和2023年预算草案的报告"
    page = [head, "青山市财政局", "关于青山市2022年预算执行情况和2023年预算草案的报告",
            "——2023年1月9日在青山市第十届人民代表大会第二次会议上", "青山市财政局", "各位代表:",
            "受市人民政府委托,现将青山市2022年预算执行情况和2023年预算草案提请大会审议。", *_BODY]
    assert _starts([*REPORT, *page]) == [1, len(REPORT) + 1]
    assert _starts([*CUT, *page]) == [1, len(CUT) + 1]


def test_a_committee_reports_opening_names_the_party_and_government_that_led_the_year():
    # a political consultative committee's standing committee reports; its first paragraph after the
    # address names the city's party committee and government, which led the year: no other author
    page = ["政协青山市第九届委员会常务委员会工作报告", "——在政协青山市第九届委员会第三次会议上", "张某某", "各位委员、同志们:",
            "我代表政协青山市第九届委员会常务委员会,向大会报告工作,请予审议。", "2023年工作回顾",
            "2023年是全面贯彻党的二十大精神的开局之年,也是青山发展极不平凡的一年。面对复杂多变的外部环境和艰巨繁重的改革发展任务,"
            "全市上下凝心聚力、真抓实干,经济运行回升向好,城乡面貌持续改善,民生福祉不断增进,社会大局和谐稳定,"
            "人民政协事业在服务全市中心工作中展现了新的担当和作为,为青山高质量发展贡献了智慧和力量。",
            "一年来,中共青山市委、青山市人民政府团结带领全市干部群众,攻坚克难,全市经济社会发展取得新成效。",
            "一年来,在市委的坚强领导下,市政协常委会坚持团结和民主两大主题,履行职能,各项工作取得新进展。", *_BODY]
    assert _starts([*REPORT, *page]) == [1, len(REPORT) + 1]


def test_a_bare_genre_label_over_the_salutation_is_no_title():
    # an essay site's category label printed over a text that lost its title: the speech begins at its salutation
    page = ["发布者:某某 发布时间:2021-03-02 浏览次数:15", "述职报告", "各位领导、同志们:",
            "我于去年三月任某某乡乡长,一年来在乡党委的领导下,认真履行职责,现将有关情况报告如下:", *_BODY]
    assert _starts([*REPORT, *page])[1:] == [len(REPORT) + 3]
