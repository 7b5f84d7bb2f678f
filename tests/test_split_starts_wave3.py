"""Report starts of issue 10 round 5, wave 3: how a report is built (its head, its opening, the
sentence that announces its parts, then the parts) read against a body that announces a list
inside it.  All units, figures and sentences here are made up."""
from workreport.structure import cues

from structure_helpers import WHOLE, starts

_PREV = WHOLE


_starts = starts


def test_a_list_announced_inside_a_budget_report_starts_no_report():
    # a town's budget report to its congress: the salutation, who reports, then the parts; inside
    # them, "spending went so, by item as follows:" twice, each over a list numbered from one
    budget = ["各位代表：", "受红石镇人民政府委托，向大会报告2023年上半年财政预算执行情况，请予审议。",
              "一、上半年财政收支情况", "2023年上半年，全镇一般公共预算收入完成2100万元，完成预算的48%。",
              "2023年上半年，全镇一般公共预算支出完成1980万元，各主要项目支出情况如下：",
              "1、一般公共服务支出320万元，占总支出的16%。", "2、农林水支出610万元，占总支出的31%。",
              "3、城乡社区支出540万元，占总支出的27%。",
              "按照上级预算管理改革要求，我镇支出除按功能分类列示外，按经济分类情况如下：",
              "1、工资福利支出410万元，占总支出的21%。", "2、基础设施建设支出730万元，占总支出的37%。",
              "二、下半年工作安排", "严格预算执行，压减一般性支出，保障基本民生和重点项目资金需要。"]
    assert _starts(budget) == [1]
    assert _starts([*_PREV, *budget]) == [1, len(_PREV) + 1]


def test_the_formula_that_announces_a_whole_report_still_opens_one():
    assert "split.intro.closing" in cues.intro_rules("现将某某街道2023年工作开展情况及2024年工作打算如下：")
    assert "split.intro.closing" in cues.intro_rules("结合本局实际，现就一年来的工作总结如下：")
    assert "split.intro.closing" not in cues.intro_rules("全年完成固定资产投资8亿元，主要项目进展情况如下：")
    # a titleless report after another: its opening with the formula is its start
    nxt = ["2023年，白河乡在县委县政府的领导下，紧紧围绕年度目标任务，各项工作稳步推进，现将有关情况汇报如下：",
           "一、主要工作完成情况", "全乡新建高标准农田三千亩，粮食总产稳定在两万吨以上。"]
    assert _starts([*_PREV, *nxt]) == [1, len(_PREV) + 1]


def test_a_portals_first_paragraph_in_a_bulleted_row_under_its_reading_widgets_starts_the_report():
    # a portal prints its rows as a bulleted list (hits, date, source), the text's first paragraph
    # the last of them, over the font-size and eye-colour widgets; the report before was cut mid-sentence
    page = ["文字:", "保护视力色:", "  • 阅读:", "  • 时间:2022-03-01 09:30", "  • 来源:市发改委",
            "  • 2021年是极不平凡的一年。面对复杂严峻的发展环境，在市委市政府的坚强领导下，市发改委坚持稳中求进工作总基调，全市经济持续恢复。",
            "一、主要指标完成情况", "全市地区生产总值增长百分之六，固定资产投资增长百分之八。"]
    cut = [*_PREV[:-1], "继续完善社会救助制度，加强养老服务设施建设，推进殡葬改革和基层民政服务"]
    assert _starts([*cut, *page])[1] == len(cut) + 6


def test_a_doc_share_title_tagged_as_material_run_on_with_its_salutation_is_a_fused_title():
    assert cues.fused_title("青山区人民政府年度工作报告材料各位代表：现在，我代表区人民政府，向大会报告工作") == "青山区人民政府年度工作报告材料"
    cut = [*_PREV[:-1], "继续完善社会救助制度，加强养老服务设施建设，推进殡葬改革和基层民政服务"]
    blob = ("红石区人民政府年度工作报告材料各位代表。现在，我代表区人民政府，向大会作工作报告，请予审议。一、过去一年工作回顾过去一年，全区经济平稳运行"
            + "，地区生产总值增长百分之五，一般公共预算收入增长百分之四，城乡居民收入稳步提高，" * 4)
    assert _starts([*cut, blob]) == [1, len(cut) + 1]


def test_looking_back_on_the_year_with_the_body_named_is_an_opening():
    assert cues.opening_strength("回顾即将过去的一年，我局以服务群众为目标，扎实推进城市管理各项工作。") == "strong"
    assert cues.opening_strength("回顾过去，我们深感责任重大。") is None


def test_a_summary_and_next_years_plan_with_no_year_is_a_genre_title():
    assert cues.title_kind("山村村委会工作总结及下一年工作思路") == "genre"
    assert cues.title_kind("青山卫生院工作总结及下一步工作打算") == "genre"
    assert cues.title_kind("全区工作总结及下一年工作思路") is None  # a scope, no body: a part name
    # an essay site's item header with the word count, in traditional characters: the title line
    assert cues.title_kind("第1篇 山村村兩委工作總結及下一年工作思路 3600字") == "genre"


def test_a_department_heads_speech_at_a_work_meeting_is_a_title_and_its_salutation_in_traditional_characters():
    assert cues.title_kind("宣传部长在2023年全县宣传思想工作会议上的讲话") == "genre"
    assert cues.title_kind("組織部長在2023年縣委工作會議上的講話") == "genre"
    assert "split.intro.salutation" in cues.intro_rules("同志們:")


def test_a_street_office_that_puts_its_stress_on_the_years_tasks_is_an_opening_subject():
    assert cues.opening_strength("2021年,青石街道突出抓好党的建设、城市更新和疫情防控,各项工作稳步推进。") == "strong"
    assert cues.opening_subject("2021年,青石街道突出抓好党的建设、城市更新和疫情防控,各项工作稳步推进。") == "青石街道"
    assert cues.opening_strength("2021年,全街道突出问题整改率达到百分之九十。") is None
