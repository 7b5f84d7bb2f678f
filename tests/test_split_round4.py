"""Report starts of issue 10 round 4, read from how the genre's web pages print a report's first
line: a title in the forms essay and document sites give it (a place name masked away so the
level word comes first, the Taiwan form of 'plan', the second half-year, a 'for reference' or
'model text' tag after any genre word, a notice that issues a plan), a title run on with its
text after such a tag or before a salutation, and an opening that profiles the place or the body.
Each is a page's first line, after a page the site cut mid-sentence.  All units and sentences
here are made up."""
from structure_helpers import BODY as _BODY, CUT as _CUT, DONE as _DONE, MORE as _MORE
from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraphs import build_paragraphs



def _doc(lines):
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")


def _starts(lines):
    _, reports = structure(_doc(lines))
    return [r.start_line for r in reports]


def _after_cut(first: list[str]) -> list[int]:
    """Starts of a cut page, a blank line, then a page that begins with ``first``."""
    return _starts([*_CUT, "", *first, *_BODY])


def test_titles_as_sites_print_them_read_as_titles():
    # the town's name masked away: the level word comes first
    assert cues.title_kind("镇农村饮水安全工作计划") == "genre"
    assert cues.title_kind("区域协调发展工作总结") is None and cues.title_kind("村级组织建设工作总结") is None
    # a converted page's traditional characters, with the Taiwan form of the plan
    assert cues.is_title("白沙鎮2023年上半年工作情況匯報和下半年工作計畫")
    # the second half-year names a period as a year does; alone it is a part of a report
    assert cues.is_title("关于某某县林业的下半年的工作计划和总结")
    assert not cues.is_title("下半年工作计划")
    # a site's tag after any genre word, and a file name
    assert cues.is_title("青山县水务局关于2021年工作总结暨2022年工作打算范文.doc")
    assert cues.is_title("1 2022 年青石乡农业服务中心上半年工作总结及下步计划 供借鉴")
    assert cues.is_title("2022年度某某县总工会工作总结.docx")


def test_a_short_title_after_a_cut_page_and_a_blank_line_starts_a_report():
    n = len(_CUT) + 2
    assert _after_cut(["镇农村饮水安全工作计划", "为确保全镇群众喝上放心水，结合我镇实际，制定本计划。"]) == [1, n]
    assert _after_cut(["白沙鎮2023年上半年工作情況匯報和下半年工作計畫", "一、上半年工作情況"]) == [1, n]
    assert _after_cut(["关于某某县林业的下半年的工作计划和总结", "一年来，通过全局干部职工的共同努力，我县林业工作取得了一定成绩。"]) == [1, n]


def test_a_title_run_on_after_a_sites_tag_is_a_fused_title():
    teaser = "红星医院年终工作总结范文2021最新精选6篇年终总结是对过去一年工作的回顾和分析，用于指导下一阶段的工作。"
    assert cues.fused_title(teaser) == "红星医院年终工作总结范文2021最新精选6篇"
    assert cues.fused_title("2022年青石乡党政办政务公开工作总结供借鉴2022年，我办认真落实政务公开各项要求") is not None
    # a quoted file name and a page thumbnail's caption name a title; they are no title run on
    assert cues.fused_title("《红星医院年终工作总结范文.docx》由会员分享，可在线阅读") is None
    assert cues.fused_title("红星医院年终工作总结范文.docx_第1页") is None
    # a sentence that names a summary is no title
    assert cues.fused_title("全年完成投资3亿元，年度工作总结范文已上报") is None
    assert _after_cut([teaser, "2021年，在县卫健局的领导下，我院坚持以病人为中心。"]) == [1, len(_CUT) + 2]


def test_titles_run_on_with_a_half_year_opening_a_salutation_or_a_session():
    assert cues.fused_title("青山县妇联2021年上半年工作总结范文半年来，在县委的正确领导下，全县各级妇联组织") is not None
    assert cues.fused_title("某某公司先进事迹报告会交流材料各位领导、同志们：今天，我们在这里汇报工作") is not None
    assert cues.fused_title("在全局水利工作务虚会上的总结讲话同志们：今年务虚会听取了各科室的汇报") is not None
    assert cues.fused_title("某某乡政府工作报告 某某乡第八届人民代表大会第三次会议政府工作报告") is not None
    assert cues.fused_title("青石镇交通运输所半年工作总结和下半年工作计划 20*年上半年，在镇党委的领导下") is not None
    # after a cut page: its own page, never the end of the cut sentence (a page-count mark before it)
    speech = "第1页共9页在全局水利工作务虚会上的总结讲话同志们：今年务虚会听取了各科室的汇报，" + _MORE
    paras = build_paragraphs(_doc([*_CUT, "", speech]), frozenset())
    assert paras[-1].text == speech
    assert _after_cut([speech]) == [1, len(_CUT) + 2]


def test_a_notice_that_issues_a_plan_is_one_report_with_the_plan():
    notice = ["某某省林业局关于印发某某省2023年林业工作要点的通知", "各市林业局，局机关各处室：",
              "《某某省2023年林业工作要点》已经局务会议审议通过，现印发给你们，请认真贯彻执行。",
              "某某省林业局", "2023年2月8日", "某某省2023年林业工作要点",
              "2023年是全面贯彻党的二十大精神的开局之年，做好林业工作意义重大。", "一、加强森林资源保护", _MORE]
    assert cues.is_title(notice[0])
    assert not cues.is_title("关于印发《安全生产大检查实施方案》的通知")  # a notice of another kind of text
    assert _starts(notice) == [1]
    assert _starts([*_CUT, "", *notice]) == [1, len(_CUT) + 2]


def test_an_opening_that_profiles_the_place_or_the_body_opens_a_report():
    place = "青石乡位于某某县西南部，距县城15公里，辖9个行政村，总人口1.2万人。今年以来，乡党委政府团结带领全乡干部群众攻坚克难。"
    body = "某某市科技局是负责统筹全市科技创新工作的政府职能部门。今年以来，市科技局认真落实市委市政府部署。"
    for first in (place, body):
        assert cues.opening_strength(first) == "strong"
        assert cues.is_anchor(first)  # never the end of a sentence a page cut
        assert _after_cut([first]) == [1, len(_CUT) + 2]
    assert cues.opening_strength("工业和农业是国民经济的两个主要部门，要协调发展。") is None
    assert cues.opening_strength("项目位于园区东部，总投资3亿元。") is None
    # the furniture pass leaves the profile with its page
    assert not find_furniture(_doc([*_CUT, "", place]))


def test_an_opening_a_converted_page_spaced_out_still_opens():
    # a PDF's text keeps a space between a year and its character (2023 年是…)
    spaced = "2023 年是全面贯彻党的二十大精神的开局之年。一年来，青石镇党委团结带领全镇干部群众攻坚克难，各项事业稳步推进。"
    assert "split.intro.scene" in cues.intro_rules(spaced)
    assert cues.opening_strength("2022 年，青石镇农业服务中心在镇党委的领导下，扎实推进各项工作。") == "strong"
    assert _after_cut([spaced]) == [1, len(_CUT) + 2]


def test_a_title_after_a_report_run_into_one_long_paragraph_is_the_next_head():
    # a converted page ran its body into one paragraph; it ended its sentence, and the same
    # body's next report follows with no blank line (same name, same year: only its title says so)
    one = ["青山县民政局2022年上半年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", _DONE + _MORE * 8]
    nxt = ["青山县民政局2022年下半年工作打算", "下半年，县民政局重点抓好以下几项工作。", _MORE]
    assert _starts([*one, *nxt]) == [1, 4]
    assert _starts([*one[:2], _DONE, *nxt]) == [1]  # a short body: the title may be the report's own part


def test_more_title_forms_of_essay_sites():
    # (the level word and the genre words alone are no title: sites scatter such tags one per line)
    assert cues.title_kind("街道工作总结") is None
    assert cues.title_kind("某某局述职述廉报告") == "genre"
    assert cues.is_title("青山区水务局2019年工作亮点及2020年工作重点")
    # a part of a report, not a title
    assert not cues.is_title("2019年工作亮点") and not cues.is_title("上半年工作回顾")


def test_a_long_title_line_is_not_glued_to_the_text_under_it():
    # a news-style title longer than a name line, then a blank line and a sentence
    title = "某某市卫健委考核某某市第三人民医院2022年度重点工作完成情况"
    text = ["1月10日上午，市卫健委考核组来院考核2022年度重点工作完成情况，院领导班子成员参会。", _MORE]
    paras = build_paragraphs(_doc([title, "", *text]), frozenset())
    assert paras[0].text == title
    assert _after_cut([title, "", *text]) == [1, len(_CUT) + 2]


def test_heads_of_the_genre_a_page_may_begin_with():
    # a body's name, then a year written without its character; a year first is such a title only
    # when a body's name follows it at once, or the genre pairs a summary with a plan
    assert cues.is_title("青山区商务局2021工会工作总结")
    assert cues.is_title("2021青山区商务局工会工作总结")
    assert cues.is_title("2020水务工作总结及计划")
    assert not cues.is_title("2021全区工作总结")
    assert not cues.is_title("2021工作总结")
    assert not cues.is_title("2021年度目标任务完成情况汇总表")
    # a speech's title with the speaker first and no 'at the meeting's'
    assert cues.title_kind("副市长在全市水利暨防汛推进会讲话") == "genre"
    # the label a congress prints over its session's documents
    assert cues.preamble_rule("某某旗第十五届人民代表大会第四次会议材料(三)") == "split.preamble.congress_document"
    congress = ["某某旗第十五届人民代表大会第四次会议材料(三)", "政府工作报告", "——2023年1月9日在某某旗第十五届人民代表大会第四次会议上",
                "各位代表：", "现在，我代表旗人民政府向大会报告工作，请予审议。", _DONE]
    assert _after_cut(congress) == [1, len(_CUT) + 2]


def test_a_speech_opens_its_first_part_in_its_own_words():
    # right after it addressed its audience, an opening before the first numbered part is the speech's
    speech = ["副市长在全市水利工作会议上的讲话", "同志们：", "这次会议的主要任务是：总结去年工作，部署今年任务，动员全市上下加快水利建设。",
              "下面，我讲三点意见。", "2022年，我市认真贯彻落实省委部署，水利建设取得新成效。", "（一）水利投入进一步加大。", _DONE, _MORE]
    assert _starts(speech) == [1]
    assert _starts([*_CUT, "", *speech]) == [1, len(_CUT) + 2]


def test_a_page_that_prints_its_title_again_run_on_with_its_text_is_one_report():
    # (a site's preview of the text, cut off, between the two)
    page = ["青石镇2022年工作总结暨2023年工作思路", "全镇上下团结一心，全年完成固定资产投资3亿元，同比增长", "",
            "青石镇2022年工作总结暨2023年工作思路 一、2022年工作总结 今年以来，在县委县政府的领导下，青石镇扎实推进各项工作。" + _DONE, _MORE]
    assert _starts(page) == [1]


def test_titles_with_a_plans_other_names_and_an_item_number():
    assert cues.is_title("青石新区2022年工作总结及2023年工作部署")
    assert cues.is_title("某某镇2023年上半年工作总结及下半年工作设想")
    assert cues.is_title("青山中学学校工作总结 篇1")  # an essay site's item number
    assert cues.title_kind("青山区城管局关于城市管理工作情况总结") == "genre"


def test_a_title_run_on_with_its_opening_across_a_name_or_a_date():
    blob = "1、青山林场阶段工作总结 某某县国有青山林场 二〇二二年阶段工作总结 半年多时间以来，我场在县林业局的领导下，切实加强森林管护。" + _MORE
    assert cues.fused_title(blob) is not None
    assert cues.fused_title("认真总结经验今年以来全镇上下团结一心，各项工作稳步推进。") is None
    spaced = "青山县人民医院 2025 年工作总结暨 2026 年工 作计划 2025 年，在县委县政府的领导下，医院坚持以人民健康为中心。" + _DONE
    assert cues.fused_title(spaced) is not None
    # after its own title line, the spaced copy run on with the text is that title again
    assert _starts(["青山县人民医院2025年工作总结暨2026年工作计划", "加入收藏 立即下载", "", spaced, _MORE]) == [1]
    assert _after_cut([blob]) == [1, len(_CUT) + 2]
