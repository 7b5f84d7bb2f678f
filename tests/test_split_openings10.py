"""Report openings of issue 10 round 6 wave 3: reports whose first line is neither a title nor a
time phrase -- a purpose clause that runs into the leadership the work was done under, a
debrief's first sentence naming when the speaker took office, a fused title whose opening states
what the report is written for.  All units, figures and sentences here are made up."""
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure

from structure_helpers import CUT, DONE, MORE, REPORT


def _starts(lines):
    return [r.start_line for r in structure(document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt"))[1]]


# a titleless report on one task: the purpose of the work first, then the body and its leadership
_PURPOSE = ["为确保春节期间群众出行平安顺畅,青山县交通运输系统在县委、县政府和市交通运输局的正确领导下,"
            "周密部署节日运输保障工作,圆满完成了各项任务。节日期间共发送旅客五万余人次,未发生较大安全事故。",
            "一、提前谋划,周密部署", DONE, MORE]


def test_a_purpose_clause_running_into_the_leadership_opens_a_report():
    assert cues.opening_strength(_PURPOSE[0], _PURPOSE[0]) == "strong"
    # a purpose clause that leads to a measure is a paragraph of a report's body
    for body in ("为确保工作落实,局里成立了以局长为组长的工作专班,明确责任分工。",
                 "为加强领导,镇党委研究决定调整充实领导小组成员。"):
        assert cues.opening_strength(body, body) is None


def test_a_purpose_opening_after_a_page_cut_mid_sentence_starts_a_report():
    assert _starts([*CUT, *_PURPOSE]) == [1, len(CUT) + 1]


def test_a_purpose_clause_inside_a_report_does_not_split_it():
    inside = [*REPORT, "为确保汛期安全,局里成立了防汛工作专班,落实了二十四小时值班制度。", MORE]
    assert _starts(inside) == [1]


# a debrief read to a standing committee: its title, then when the speaker took office
_DEBRIEF = ["某某县水务局局长述职报告",
            "我于2019年 3 月就任某某县水务局局长。三年来,在县委、县政府的正确领导和县人大的监督下,我认真履职,",
            "团结班子成员,做了一些工作。现将履职情况报告如下:", "一、履行职责所做的主要工作", DONE, MORE]


def test_a_debrief_opens_on_when_the_speaker_took_office():
    for line in ("我于2019年 3 月就任某某县水务局局长。", "我是2018年6月任副局长,主持局里工作。", "本人自2020年5月起担任青山镇镇长。"):
        assert "split.intro.debrief" in cues.intro_rules(line, line)
    for line in ("我于2022年3月参加了全市业务培训。", "我局于2023年完成了全部任务。"):
        assert "split.intro.debrief" not in cues.intro_rules(line, line)


def test_a_debrief_after_a_page_cut_mid_sentence_starts_at_its_title():
    assert _starts([*CUT, *_DEBRIEF]) == [1, len(CUT) + 1]
    # without its title, the debrief starts at its first sentence
    assert _starts([*CUT, *_DEBRIEF[1:]]) == [1, len(CUT) + 1]


def test_a_fused_title_whose_opening_states_the_reports_purpose():
    blob = ("青山县林业局2022年工作总结和2023年工作打算 2022工作总结2023工作打算 为全面回顾总结2022年全县林业工作,"
            "查找工作中存在的问题和不足,研究部署2023年重点工作,现将有关情况总结如下: 一、2022年工作总结 "
            "2022年,我局在县委、县政府的领导下,全年完成造林一万亩,森林覆盖率提高一个百分点。")
    assert cues.fused_title(blob) is not None
    assert _starts([*CUT, blob]) == [1, len(CUT) + 1]


# a 汇报 titled by its subject line (关于 + matter + 的汇报), the body named only as "our county"
_HUIBAO = ["关于我县农村公路养护问题的汇报", "各位领导:受县政府委托,现将我县农村公路养护工作情况汇报如下:",
           "一、基本情况", DONE, MORE]


def test_a_subject_line_title_of_a_huibao_is_a_title():
    assert cues.title_kind("关于我县农村公路养护问题的汇报") is not None
    assert cues.title_kind("关于印发某某工作方案的通知") is None


def test_a_huibao_after_a_page_cut_mid_sentence_starts_at_its_subject_line():
    assert _starts([*CUT, *_HUIBAO]) == [1, len(CUT) + 1]


def test_a_huibao_that_greets_the_visiting_leaders_opens_there():
    visit = "今天,省厅各位领导在百忙之中莅临我县检查指导农村公路工作,我代表县交通运输局表示热烈欢迎,下面我就有关情况作简要汇报。"
    assert cues.opening_strength(visit, visit) == "strong"
    for line in ("今天,我们召开全县水利工作会议,主要任务是总结去年工作。", "今年以来,市领导多次到我县调研农村公路工作。"):
        assert "split.intro.visit" not in cues.intro_rules(line, line)
    # its title dropped by the page, the 汇报 starts at the greeting
    assert _starts([*CUT, visit, "一、基本情况", DONE, MORE]) == [1, len(CUT) + 1]


# a standing committee's work report read at the congress: the formal head block (body, kind,
# date and session, the committee's director), then the salutation and whom the speaker reports for
_COMMITTEE = ["某某县人民代表大会常务委员会", "工 作 报 告", "——2024年1月20日在某某县第十八届", "人民代表大会第三次会议上",
              "某某县人大常委会主任 王某某", "各位代表:", "我受县人大常委会委托,向大会报告工作,请予审议。", "一、坚持党的领导", DONE, MORE]


def test_a_committee_directors_speaker_line_is_part_of_the_head_block():
    assert cues.preamble_rule("某某县人大常委会主任 王某某") == "split.preamble.speaker"
    assert cues.preamble_rule("县人大常委会主任带队视察") is None
    # the report runs on past the speaker line and the salutation: one report, to its end
    reports = structure(document_from_bytes(("\n".join([*CUT, *_COMMITTEE]) + "\n").encode("utf-8"), "pages.txt"))[1]
    assert [r.start_line for r in reports] == [1, len(CUT) + 1]
    assert reports[-1].end_line == len(CUT) + len(_COMMITTEE)
