"""Report starts after a page a site cut mid-sentence (issue 10, round 6 wave 2): a one-line page
whose title runs straight into a half-year report's text, and a titleless half-year report that
opens on its time phrase with a masked subject.  Every unit and sentence here is invented."""
from __future__ import annotations

from structure_helpers import CUT, DONE
from test_authors import parse_text


def _starts(lines: list[str]) -> list[int]:
    _, reps = parse_text("\n".join(lines) + "\n")
    return [r.start_line for r in reps]


def test_a_one_line_page_with_a_situation_summary_title_fused_to_its_half_year_text():
    blob = ("白沙县水利局 XX 年上半年工作情况的总结 上半年,在县委、县政府的领导下,全局围绕防汛抗旱和农村供水"
            "扎实工作,完成水毁工程修复十二处,新建村级供水站三座,各项工作有序推进。")
    assert _starts([*CUT, blob]) == [1, len(CUT) + 1]


def test_a_titleless_half_year_report_with_a_masked_township_opens_on_its_time_phrase():
    opening = ("××年上半年以来,××乡把发展特色种植作为富民增收的一项重点工作,全面落实县委部署,"
               "多方筹措资金扶持合作社发展。")
    assert _starts([*CUT, opening, "一、发展现状", DONE]) == [1, len(CUT) + 1]


def test_a_situation_summary_named_mid_sentence_without_an_opening_goes_on_the_page_before():
    cont = "各村报送的工作情况的总结 上半年报表已全部汇总,全镇上下按照要求逐项对照检查,及时上报。"
    assert _starts([*CUT, cont, DONE]) == [1]


def test_a_row_linking_a_bodys_reports_of_other_years_is_the_pages_not_a_report():
    from test_authors import parse_text as _parse
    nav = "2019年白沙县人民政府工作报告 2020年白沙县人民政府工作报告 2021年白沙县人民政府工作报告"
    lines = ["2020年白沙县人民政府工作报告", nav, "各位代表:", "现在,我代表县人民政府向大会报告工作,请予审议。", DONE]
    furn, reps = _parse("\n".join(lines) + "\n")
    assert 2 in furn and [r.start_line for r in reps] == [1], (sorted(furn), [r.start_line for r in reps])


def test_a_title_with_its_plan_after_a_space_is_one_title():
    from test_authors import parse_text as _parse
    lines = ["青山镇2022年工作总结 2023年工作计划", "2022年,青山镇在县委、县政府的坚强领导下,统筹推进各项工作。", DONE]
    furn, reps = _parse("\n".join(lines) + "\n")
    assert 1 not in furn and [r.start_line for r in reps] == [1]


def test_a_forum_handle_row_after_a_cut_page_announces_nothing():
    from test_authors import parse_text as _parse
    opening = ("2021年以来,白沙县农业农村局围绕县委、县政府中心工作,紧扣年度目标,扎实推进春耕备耕、"
               "高标准农田建设和农村人居环境整治。")
    prev = ["青山镇2020年工作总结", "", "2020年,青山镇在县委的领导下,各项工作稳步推进。", "", "一、招商引资", "", DONE, "",
            "持续推进项目建设,总投资2.2亿元的光伏电站基本建成,预计春节后投产。另外,青山石材、白沙化工等企业技改项目"]
    lines = [*prev, "@ABC:", "|", opening, "一、粮食生产稳中有增", DONE]
    _, reps = _parse("\n".join(lines) + "\n")
    assert [r.start_line for r in reps] == [1, len(prev) + 3], [(r.start_line, r.end_line) for r in reps]


def test_a_cut_line_that_announces_a_list_with_its_colon_still_goes_on():
    from test_authors import parse_text as _parse
    lines = [*CUT[:-1], "全年重点抓好以下几项工作,具体", "如下:", "一是加强组织领导。", DONE]
    _, reps = _parse("\n".join(lines) + "\n")
    assert [r.start_line for r in reps] == [1]


def test_a_wiki_work_page_head_is_the_sites_and_the_report_runs_from_its_title():
    from test_authors import parse_text as _parse
    lines = ["2021年白沙縣人民政府工作報告", "", "某某文庫,自由的圖書館",
             "2020年白沙縣人民政府工作報告 2021年白沙縣人民政府工作報告 2022年白沙縣人民政府工作報告",
             "本作品收錄於《白沙縣人民政府工作報告", "", "2022年1月6日在白沙縣第九屆人民代表大會第一次會議上", "",
             "各位代表:", "現在,我代表縣人民政府向大會報告工作,請予審議。", DONE]
    furn, reps = _parse("\n".join(lines) + "\n")
    assert {3, 4, 5} <= furn and [(r.start_line, r.end_line) for r in reps] == [(1, len(lines))], \
        (sorted(furn), [(r.start_line, r.end_line) for r in reps])
