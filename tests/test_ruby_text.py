"""Pinyin printed after each character (issue 10): some sites flatten their <ruby> annotations into
the text, so a traditional-script page reads 'character(syllable)character(syllable)…'.  Titles are
read without the syllables (cues.title_core, furniture.pinyin), a name line over a broken title
too, and a unit is given without them; the line's text stays as the page printed it.  Every
unit, name and sentence here is invented."""
from __future__ import annotations

from structure_helpers import CUT, DONE
from test_authors import parse_text
from workreport.ingest import document_from_bytes
from workreport.pipeline import parse

_REPORT = ("白水縣生(shēng)態(tài)環(huán)境局2021年工作總結(jié)\n"
           "2021年,縣生態環境局在縣委、縣政府的堅強領導下,紮實推進污染防治,"
           "全年完成治理項(xiàng)目37個,空氣優良天數比例達到85.5%。\n"
           "一、主要工作\n"
           "(一)大氣污染防治。全年共檢查企業(yè)120家次,整改問題46個。\n")


def test_figures_on_a_ruby_line_are_cut_from_the_line_as_printed():
    doc = document_from_bytes(_REPORT.encode("utf-8"), "t.txt")
    pd = parse(doc)
    figs = [i for r in pd.reports for i in r.indicators]
    for i in figs:
        assert doc.lines[i.line - 1][i.span.start:i.span.end] == i.text, i
    assert {"37個", "85.5%", "120家次", "46個"} <= {i.text for i in figs}
    assert "(" in doc.lines[0]  # the line keeps what the page printed


def test_a_town_government_over_its_year_and_genre_line_opens_the_next_report():
    lines = [*CUT[:5], DONE, "鎮(zhèn)政府", "2020年工作總結(jié)及2021年工作安排",
             "2020年,全鎮(zhèn)上下在縣委、縣政府的堅強領導下,攻堅克難,各項工作穩步推進。", "一、主要工作", DONE]
    _, reps = parse_text("\n".join(lines) + "\n")
    assert [r.start_line for r in reps] == [1, 7], [(r.start_line, r.title) for r in reps]
    assert reps[1].year == 2020 and reps[1].level == "township_street"
    assert reps[1].org == "鎮政府", (reps[1].org, reps[1].org_rule)  # the unit without the syllables
