"""scripts/score_pages.py: the structure stage scored on annotated pages kept outside the repository.

The set here is a tiny fictional one made in tmp_path (the pages of test_fit_split_real); the
script must read it, paste the pages into shuffled compilations and score starts, authors and
furniture against the gold it was given, so a wrong gold mark shows as an error."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from structure_helpers import script_module
from test_fit_split_real import UNITS, _page

LEVELS = ["county_district", "township_street", "county_district", "township_street"]


@pytest.fixture(scope="module")
def score_pages():
    return script_module("score_pages")


def _write_set(root: Path, start: int = 2) -> None:
    singles = root / "fict" / "singles"
    singles.mkdir(parents=True)
    for n, (unit, level) in enumerate(zip(UNITS, LEVELS)):
        lines = _page(unit, 2020 + n)
        (singles / f"{n:02d}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        gold = {"chrome_lines": [1], "reports": [{"start": start, "end": len(lines), "unit": unit, "level": level,
                                                  "domain": None, "year_reported": 2020 + n}]}
        (singles / f"{n:02d}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")


def test_pages_alone_and_in_compilations_are_scored_against_their_gold(score_pages, tmp_path, capsys):
    _write_set(tmp_path)
    out = tmp_path / "m.json"
    assert score_pages.main(["--root", str(tmp_path), "--sets", "fict", "--singles", "--jobs", "1",
                             "--json", str(out)]) == 0
    alone = json.loads(out.read_text("utf-8"))["fict"]
    assert alone["pages"] == 4 and alone["split_f1"] == 1.0 and alone["unit"] == 1.0 and alone["year"] == 1.0
    assert score_pages.main(["--root", str(tmp_path), "--sets", "fict", "--n", "3", "--jobs", "1", "--detail",
                             "--json", str(out)]) == 0
    pasted = json.loads(out.read_text("utf-8"))["fict"]
    assert pasted["split_f1"] == 1.0 and pasted["level"] == 1.0
    printed = capsys.readouterr().out
    assert "missed starts" in printed and UNITS[0] not in printed  # page ids and line numbers, no text


def test_a_gold_start_the_parser_does_not_give_counts_as_missed(score_pages, tmp_path, capsys):
    _write_set(tmp_path, start=3)  # the opening sentence under the title: not where the report begins
    assert score_pages.main(["--root", str(tmp_path), "--sets", "fict", "--singles", "--jobs", "1", "--detail"]) == 0
    printed = capsys.readouterr().out
    assert "split_f1=0.000" in printed and "'fict:00': 1" in printed


class _Always:
    """A random source that always leaves the title out."""

    def random(self):
        return 0.0


def test_a_left_out_title_moves_the_start_to_a_title_row_but_not_to_a_teaser(score_pages, monkeypatch):
    monkeypatch.setattr(score_pages, "DROP", 1.0, raising=False)
    title = "临江县统计局2023年工作总结"
    body = "2023年，县统计局坚持依法统计，全面完成各项调查任务，数据质量稳步提高。"
    row = f"名称: {title} 发布日期: 2023-12-20"
    page = [title, "索引号: 001/2023-12", row, body, "一、主要工作"]
    gold = {"chrome_lines": [2, 3], "reports": [{"start": 1, "end": 5}]}
    lines, start, end, chrome = score_pages.drop_title(page, gold, _Always())
    assert lines[start - 1] == row and chrome == [1] and end == 4  # the row is the page's only title now
    teaser = f"{title} {body}"  # a site's abstract: the title run on into the text
    page2 = [title, teaser, body, "一、主要工作"]
    lines, start, end, chrome = score_pages.drop_title(page2, {"chrome_lines": [2], "reports": [{"start": 1, "end": 4}]},
                                                       _Always())
    assert lines[start - 1] == body and chrome == [1]
    # the title printed again as a line under the row: the row is now the title's first copy, where
    # the gold convention starts the report (round 22, as split.title_row reads it)
    page3 = [title, row, title, body]
    lines, start, end, chrome = score_pages.drop_title(page3, {"chrome_lines": [2], "reports": [{"start": 1, "end": 4}]},
                                                       _Always())
    assert start == 1 and lines[start - 1] == row and chrome == []
    page4 = [title, "索引号: 001/2023-12", title, body]  # no row names it: the text's own copy starts
    lines, start, end, chrome = score_pages.drop_title(page4, {"chrome_lines": [2], "reports": [{"start": 1, "end": 4}]},
                                                       _Always())
    assert start == 2 and lines[start - 1] == title and chrome == [1]


def test_a_left_out_title_moves_the_start_to_the_title_row_nearest_the_text(score_pages, monkeypatch):
    monkeypatch.setattr(score_pages, "DROP", 1.0, raising=False)
    title = "临江县统计局2023年工作总结"
    body = "2023年，县统计局坚持依法统计，全面完成各项调查任务，数据质量稳步提高。"
    page = ["上一篇的最后一句话在这里结束，这一行是正文。", f"标题: {title}", "发布机构: 临江县统计局",
            f"名称: {title}", "发布日期: 2023-12-20", title, body]
    gold = {"chrome_lines": [2, 3, 4, 5], "reports": [{"start": 6, "end": 7}]}
    lines, start, end, chrome = score_pages.drop_title(page, gold, _Always())
    assert start == 4 and lines[start - 1] == f"名称: {title}" and chrome == [2, 3, 5] and end == 6


def test_a_thread_title_or_news_lead_that_quotes_the_title_is_no_title_row(score_pages):
    title = "临江县2023年政府工作报告"
    assert score_pages._title_row(f"标题:|{title}|", title)
    assert score_pages._title_row(f"内容概述{title}", title)  # a bare field name, its colon lost
    assert not score_pages._title_row(f"[某省]{title}", title)  # a forum thread's title
    assert not score_pages._title_row(f"2月16日,{title}发布。", title)  # a news lead
    assert not score_pages._title_row(f"临江县人民政府-{title}", title)  # a site's name run into it


def test_a_headless_page_s_first_part_heading_is_never_dropped_as_its_title(score_pages):
    assert score_pages.title_shaped("临江县统计局2023年工作总结")
    for heading in ("一、2021年工作回顾", "（一）主要工作", "1、2022年工作开展情况", "第一部分 工作总结"):
        assert not score_pages.title_shaped(heading), heading
    assert score_pages.title_shaped("2023年工作总结")  # a year is no part number


def test_missed_starts_are_told_by_kind(score_pages):
    g = {"start": 12, "off": 10}
    assert score_pages._missed_kind(g, 30, [1, 15, 31]) == "missed_below"  # the head went to the report before
    assert score_pages._missed_kind(g, 30, [1, 11, 31]) == "missed_above"  # a row over the title was taken
    assert score_pages._missed_kind(g, 30, [1, 31]) == "missed_merged"  # nothing on the page: merged
    assert score_pages._missed_kind(g, None, [1, 40]) == "missed_below"  # the last page runs to the end
