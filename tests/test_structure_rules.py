"""Structure rules on built reports (the tables' own examples run in test_rule_examples.py)."""
import pytest

from workreport.structure import headings, roles
from workreport.structure.author import level_of
from workreport.structure.org import OrgGuess, canonical_org, find_org
from workreport.model import Paragraph, Report


@pytest.mark.parametrize("value,text", [(1, "一"), (11, "十一"), (20, "二十"), (3, "3"), (3, "③"), (2, "两")])
def test_ordinal_value(value, text):
    assert headings.ordinal_value(text) == value


def test_lost_ordinal_is_recovered_from_siblings():
    from workreport.ingest import document_from_bytes
    from workreport.structure import structure

    text = "一、工作完成情况\n()主要工作完成情况\n做了很多工作。\n()特色亮点工作\n亮点突出。\n(三)存在的困难\n困难不少。\n"
    _, reps = structure(document_from_bytes(text.encode(), "t.txt"))
    kids = reps[0].sections[0].children
    assert [k.inferred_ordinal for k in kids] == ["(一)", "(二)", None]
    assert [k.role for k in kids] == ["achievements", "highlights", "problems"]


def _report(*texts):
    paras = tuple(Paragraph(i + 1, i + 1, t, ((i + 1, 0),)) for i, t in enumerate(texts))
    return Report(start_line=1, end_line=len(texts), paragraphs=paras)


@pytest.mark.parametrize("opening,unit,level", [
    ("今年以来,区残联在区委、区政府的坚强领导下,扎实推进各项工作。", "区残联", "county_district"),
    ("2022年,某某街道爱卫办在区健康促进中心的指导下,扎实开展工作。", "某某街道爱卫办", "township_street"),
    ("2022年以来,XX街道以习近平新时代中国特色社会主义思想为指导,推动发展。", "XX街道办事处", "township_street"),
    ("2022年,在县委、县政府的坚强领导下,我乡坚持稳中求进,XX乡各项工作有序推进。", "XX乡人民政府", "township_street"),
    ("今年以来,XX垦殖场党委场部在区委区政府的正确领导下,保持锐意进取。", "XX垦殖场党委场部", "township_street"),
    ("——2026年1月26日在广东省第十四届人民代表大会第五次会议上", "广东省人民政府", "province"),
])
def test_unit_from_opening(opening, unit, level):
    r = _report(opening, "一、2022年工作总结", "全年任务圆满完成。")
    guess = find_org(r)
    assert isinstance(guess, OrgGuess) and guess.line == 1 and guess.rule.startswith("org.")
    assert canonical_org(guess.name) == unit
    assert level_of(canonical_org(guess.name), guess, "".join(p.text for p in r.paragraphs))[0] == level


UNIT_CASES = __import__("yaml").safe_load(
    (__import__("pathlib").Path(__file__).parent / "cases" / "structure" / "units.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", UNIT_CASES, ids=[c["unit_contains"] for c in UNIT_CASES])
def test_unit_and_level_of_opening(case):
    from workreport.ingest import document_from_bytes
    from workreport.structure import structure

    text = case["opening"] + "\n一、2022年工作总结\n全年各项工作有序推进。\n二、2023年工作计划\n继续抓好各项工作。\n"
    _, reps = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert case["unit_contains"] in (reps[0].org or "")
    assert reps[0].level == case["level"]


ROLE_CASES = __import__("yaml").safe_load(
    (__import__("pathlib").Path(__file__).parent / "cases" / "structure" / "roles.yaml").read_text("utf-8"))


@pytest.mark.parametrize("heading,role", sorted(ROLE_CASES.items()))
def test_role_of_genre_heading(heading, role):
    assert roles.cue_role(heading) == role


def test_self_reference_named_by_its_own_documents():
    from workreport.ingest import document_from_bytes
    from workreport.structure import structure

    text = ("今年以来，我市坚持以人民为中心，扎实推进安全生产工作。\n一、2022年工作总结\n"
            "制定《青山市2022年安全生产工作要点》，印发《青山市安全生产专项整治实施方案》，"
            "在青川市年度考核中位列前茅。\n二、2023年工作计划\n继续抓好各项工作。\n")
    _, reps = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert reps[0].org == "青山市" and reps[0].region == "青山市"


def test_self_reference_with_competing_titles_stays_unnamed():
    from workreport.ingest import document_from_bytes
    from workreport.structure import structure

    text = ("今年以来，我市坚持以人民为中心，扎实推进安全生产工作。\n一、2022年工作总结\n"
            "落实《青川市安全生产条例》和《青山市安全生产工作要点》。\n二、2023年工作计划\n继续抓好各项工作。\n")
    _, reps = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert reps[0].org == "市人民政府"
