"""A title printed twice in a page's head (the site's copy: a headline, a file name; its rows;
the article's own copy): the report begins at the first copy (docs/GENRE.md section 10).  Only
where the reports start is asked here; whether the site's copy is furniture is the furniture
pass's question.  All names invented."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

BEFORE = ["某某县某某局2022年工作总结", "2022年，某某局在县委、县政府的领导下，扎实推进各项工作，现将有关情况报告如下：",
          "一、主要工作", "全年完成项目建设12个，完成投资3.4亿元，同比增长8.6%，群众满意度稳步提升。",
          "全年开展专项检查46次，排查整改问题隐患312处，办理群众来信来访86件，办结率100%，各项工作均走在全县前列。"]


def _starts(lines, cut=False):
    """Report starts in ``lines`` (1-based) after a report; ``cut``: its page was cut mid-sentence."""
    before = [*BEFORE, "全年办理行政审批事项1200余件，按时办结率100%，推进“一网通办”，"] if cut else BEFORE
    _, reports = structure(document_from_bytes(("\n".join([*before, *lines]) + "\n").encode("utf-8"), "case.txt"))
    return [r.start_line - len(before) for r in reports[1:]]


def test_file_name_copy_over_title():
    assert _starts(["2023年临江市中心医院工作总结及2024年工作计划.docx", "",
                    "2023年临江市中心医院工作总结及2024年工作计划.docx", "",
                    "2023年临江市中心医院工作总结及2024年工作计划", "",
                    "2023年，在上级主管部门的指导下，我院坚持以患者为中心，各项工作稳步推进。",
                    "一、2023年工作总结"]) == [1]


def test_headline_copy_over_title():
    assert _starts(["临江市机关事务中心2024年上半年工作总结范文",
                    "临江市机关事务中心2024年上半年工作总结",
                    "2024年以来，市机关事务中心在省管局的指导下，扎实推进各项工作。",
                    "一、加强自身建设"]) == [1]


def test_headline_copy_over_rows_and_summary():
    assert _starts(["学校一年来的工作情况汇报", "", "栏目：学校工作总结 / 发布于： / 人气：1.2W", "",
                    "2021年，在上级主管部门的大力支持下，我校认真落实立德树人根本任务，全面贯彻党的教育方针，坚持依法治校，坚持内涵发展，把", "",
                    "学校一年来的工作情况汇报", "", "第一部分：学校基本情况"], cut=True) == [1]


def test_linked_title_is_not_a_copy():
    # (a row that names the title among its words, a link to it, is no copy: the report begins at its title)
    starts = _starts(["上一篇：2023年临江市中心医院工作总结及2024年工作计划", "",
                      "2023年临江市中心医院工作总结及2024年工作计划", "",
                      "2023年，在上级主管部门的指导下，我院坚持以患者为中心，各项工作稳步推进。",
                      "一、2023年工作总结"])
    assert starts == [3]
