"""Synthetic compilations (real reports joined under a cover page and contents) split back."""
import random

import pytest

from structure_helpers import CORPUS, requires_corpus, build_compilation
from workreport.ingest import document_from_bytes
from workreport.structure import structure

FILES = sorted((CORPUS / "provincial_2025_docx" / "txt").glob("*.txt"))


@requires_corpus
@pytest.mark.parametrize("seed", range(6))
def test_compilation_splits_at_each_title(seed):
    rnd = random.Random(seed)
    files = rnd.sample(FILES, 3 + seed % 3)
    text, starts = build_compilation(files, blank_between_lines=seed % 2 == 1)
    _, reports = structure(document_from_bytes(text.encode("utf-8"), "synthetic.txt"))
    assert [r.start_line for r in reports] == starts
    for r, f in zip(reports, files):
        province = f.stem.removeprefix("2025年").removesuffix("政府工作报告")
        assert r.org.startswith(province[:2])


def test_report_opening_before_restart_belongs_to_next_report():
    text = "\n\n".join([
        "一、2022年工作总结", "全年完成各项任务，群众满意度明显提升。",
        "二、2023年工作计划", "继续抓好各项重点工作，确保年度目标完成。",
        "2022年，某某镇在县委、县政府的坚强领导下，各项工作有序推进，现将有关情况汇报如下：",
        "一、2022年工作总结", "全镇经济运行稳中有进。",
        "二、存在的问题", "基础设施仍有短板。",
    ]) + "\n"
    _, reports = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert [r.start_line for r in reports] == [1, 9]
    assert reports[1].org.startswith("某某镇")
    assert reports[1].level == "township_street"
    assert [s.role for s in reports[0].sections] == ["achievements", "plan"]


def test_subsection_restarts_are_not_new_reports():
    text = "\n".join([
        "一、2024年工作回顾", "（一）经济运行稳中向好。", "（二）改革开放持续深化。",
        "二、2025年工作安排", "（一）扩大有效需求。", "（二）加快产业升级。",
    ]) + "\n"
    _, reports = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert len(reports) == 1
    assert [len(s.children) for s in reports[0].sections] == [2, 2]


def test_report_numbered_from_paren_one_after_closing_cue():
    body = "全年各项工作有序推进，重点任务全面完成，群众满意度稳步提升，社会大局和谐稳定。" * 6
    text = "\n".join([
        "一、2022年工作总结", body, "二、2023年工作计划", body,
        "某某局2022年工作稳步推进，现将有关情况汇报如下：",
        "（一）强化组织领导", body, "（二）狠抓工作落实", body,
    ]) + "\n"
    _, reports = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert [r.start_line for r in reports] == [1, 5]
    assert [s.heading for s in reports[1].sections] == ["（一）强化组织领导", "（二）狠抓工作落实"]


def test_repeated_page_header_is_furniture():
    body = "全年各项工作有序推进，重点任务全面完成。"
    text = "\n".join(["某某系列--2022年度工作总结汇编(9篇)", "2023-03-14 05:05:17 121", "一、2022年工作总结",
                      body, "某某系列--2022年度工作总结汇编(9篇)", body]) + "\n"
    chrome, _ = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert sorted(chrome) == [1, 2, 5]


def test_numbered_titles_in_a_compilation_start_reports():
    body = "全年各项工作有序推进，重点任务全面完成，群众满意度稳步提升，社会大局和谐稳定。" * 6
    text = "\n".join([
        "1、某某局2022年工作总结", "一、2022年工作完成情况", body, "二、2023年工作计划", body,
        "2、某某镇2022年工作总结和2023年工作计划", "一、2022年工作总结", body, "二、存在的问题", body,
    ]) + "\n"
    _, reports = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert [r.start_line for r in reports] == [1, 6]
    assert [s.heading for s in reports[1].sections] == ["一、2022年工作总结", "二、存在的问题"]
    assert reports[1].org.startswith("某某镇")
