"""Builders of synthetic compilations from the real corpus (labelled synthetic in the tests), and the
scripts/ modules the tests load."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from workreport.ingest import document_from_bytes
from workreport.structure import structure

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
requires_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")
SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def script_module(name: str):
    """A script of scripts/ loaded as a module (scripts/ is no package)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_compilation(files: list[Path], *, blank_between_lines: bool = False,
                      cover: bool = True) -> tuple[str, list[int]]:
    """Join report files under a cover page and contents; return (text, 1-based title lines)."""
    out: list[str] = []
    if cover:
        out += ["省级政府工作报告汇编（合成测试材料）", "", "目录"]
        for k, f in enumerate(files, 1):
            out.append(f"{k}. {f.stem} ........ {k * 10}")
        out.append("")
    starts: list[int] = []
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()
        starts.append(len(out) + 1)
        for line in lines:
            out.append(line)
            if blank_between_lines:
                out.append("")
        out.append("")
    return "\n".join(out) + "\n", starts


# Lines of a made-up bureau's report, shared by the report-start tests (tests/test_split_round4.py, _round5.py).
DONE = "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。"
MORE = "持续推进农村人居环境整治，全年共清理河塘沟渠四十余条，新建公厕十二座，改造农户厨房两百余户。"
# a page the site cut off in mid-sentence (the search corpus and doc-share previews stop anywhere)
CUT = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", "一、主要工作", DONE, MORE,
       "加强养老服务体系建设，新建农村互助养老站六处，为八十岁以上老人发放高龄津贴，开展居家养老上门服务三千余人次。",
       "健全社会救助体系，全年新增低保对象八十余户，临时救助困难群众两百余人次，做到应保尽保、应救尽救，同时加快推进"]
BODY = [MORE, "二、存在问题", "基层力量仍然薄弱，服务能力有待提升，部分项目推进较慢，群众反映的问题还需加快解决。"]
# a whole short report of the same bureau (its title, opening, two parts), and how the seam tests read it
REPORT = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", "一、主要工作", DONE, MORE,
          "健全社会救助体系，全年新增低保对象八十余户，临时救助困难群众两百余人次，做到应保尽保、应救尽救。",
          "二、存在问题", "基层力量仍然薄弱，服务能力有待提升，部分项目推进较慢，群众反映的问题还需加快解决。"]


def pasted(lines: list[str]):
    """The lines pasted as one text file."""
    from workreport.ingest import document_from_bytes
    return document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")


def start_lines(lines: list[str]) -> list[int]:
    """The first line of every report found in the pasted lines."""
    from workreport.structure import structure
    _, reports = structure(pasted(lines))
    return [r.start_line for r in reports]


# A made-up bureau's whole report (title, opening, parts, problems, next year's plan): the page before a
# seam in the report-start tests (tests/test_split_starts_wave3.py, tests/test_split_starts11.py).
WHOLE = ["青山县民政局2022年工作总结", "今年以来，县民政局在县委县政府的领导下，扎实做好各项工作。", "一、主要工作",
         "全年共走访困难家庭三百余户，发放救助资金一百二十万元，群众满意度持续提升。",
         "持续推进农村人居环境整治，全年共清理河塘沟渠四十余条，新建公厕十二座，改造农户厨房两百余户。",
         "健全社会救助体系，全年新增低保对象八十余户，临时救助困难群众两百余人次，做到应保尽保、应救尽救。",
         "二、存在问题", "基层力量仍然薄弱，服务能力有待提升，部分项目推进较慢，群众反映的问题还需加快解决。",
         "三、明年打算", "继续完善社会救助制度，加强养老服务设施建设，推进殡葬改革，提升基层民政服务水平。"]


def starts(lines: list[str]) -> list[int]:
    """The first lines of the reports found in ``lines`` pasted as one text file."""
    _, reports = structure(document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt"))
    return [r.start_line for r in reports]
