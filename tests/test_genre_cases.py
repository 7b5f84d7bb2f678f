"""The genre cases (tests/cases/genre: furniture, titles, openings, blocks) run through the
structure stage.  Each case is a fact of the genre (docs/GENRE.md) written as data; here the
parser must agree with it.  Authors, levels, domains and years of the cases are checked by the
org tests; this module checks what lines are furniture, what is a title, where reports start
and end."""
from pathlib import Path

import pytest
import yaml

from workreport.ingest import document_from_bytes
from workreport.structure import cues, structure
from workreport.structure.furniture import find_furniture

CASES = Path(__file__).parent / "cases" / "genre"


def _cases(name, key):
    return [pytest.param(c, id=c["id"]) for c in yaml.safe_load((CASES / name).read_text("utf-8"))
            if key in c["expect"]]


def _doc(text):
    return document_from_bytes(text.encode("utf-8"), "case.txt")


@pytest.mark.parametrize("case", _cases("furniture.yaml", "furniture") + _cases("titles.yaml", "furniture"))
def test_furniture_line(case):
    """The line alone on a page: furniture or not."""
    assert (1 in find_furniture(_doc(case["input"] + "\n"))) == case["expect"]["furniture"]


@pytest.mark.parametrize("case", _cases("titles.yaml", "title"))
def test_title_line(case):
    assert cues.is_title(case["input"]) == case["expect"]["title"]


# A report before the case line (fictional), and a part heading after it: an opening must start
# the next report where it stands; a line that only looks like one must not.
BEFORE = ["某某县某某局2022年工作总结", "2022年，某某局在县委、县政府的领导下，扎实推进各项工作，现将有关情况报告如下：",
          "一、主要工作", "全年完成项目建设12个，完成投资3.4亿元，同比增长8.6%，群众满意度稳步提升。",
          "全年开展专项检查46次，排查整改问题隐患312处，办理群众来信来访86件，办结率100%，各项工作均走在全县前列。",
          "二、下一步打算", "继续抓好重点项目建设，确保年度目标任务全面完成，推动各项工作再上新台阶。",
          "持续加强干部队伍建设，深化作风整顿，提升服务能力和办事效率，为全县经济社会发展作出新的更大贡献。"]
AFTER = ["全年各项工作有序推进，重点任务全面完成，群众满意度稳步提升，社会大局和谐稳定。"]


@pytest.mark.parametrize("case", _cases("openings.yaml", "opening"))
def test_opening_starts_a_report(case):
    lines = [*BEFORE, case["input"], *AFTER]
    _, reports = structure(_doc("\n".join(lines) + "\n"))
    line = len(BEFORE) + 1
    assert (line in {r.start_line for r in reports}) == case["expect"]["opening"], [r.start_line for r in reports]


@pytest.mark.parametrize("case", _cases("blocks.yaml", "starts"))
def test_block(case):
    text = case["input"]
    chrome, reports = structure(_doc(text))
    exp = case["expect"]
    assert [r.start_line for r in reports] == exp["starts"]
    assert sorted(chrome) == exp["furniture_lines"]
    for r, want in zip(reports, exp["reports"]):
        if "end" in want:
            assert r.end_line == want["end"], r
