"""Pinyin printed after each character (issue 10): some sites flatten their <ruby> annotations into
the text, so a traditional-script page reads 'character(syllable)character(syllable)…'.  The rules
read the line without the syllables (textnorm.unruby, same length); the line's text stays as the
page printed it, and figures, checks and periods keep the text's own offsets.  Every unit, name
and sentence here is invented."""
from __future__ import annotations

import re

from test_authors import parse_text
from workreport import rules
from workreport.ingest import document_from_bytes
from workreport.pipeline import parse
from workreport.textnorm import RUBY, has_ruby, norm_line, offsets_view, unruby


def test_the_rules_read_a_ruby_line_without_its_syllables_at_the_same_length():
    line = "白水縣林(lín)業(yè)局2021年工作總結(jié)"
    read = unruby(line)
    assert len(read) == len(line)
    assert read.rstrip() == "白水縣林業局2021年工作總結"
    assert norm_line(line).rstrip() == read.rstrip()


def test_brackets_without_a_tone_mark_are_text():
    for line in ["(一)主要工作", "完成目标(xx)项", "第(2)条", "（a）款"]:
        assert unruby(line) == line and not has_ruby(line)


def test_the_pattern_agrees_with_the_rule_data():
    entry = rules.entry("furniture", "furniture.pinyin")
    assert all(RUBY.fullmatch(e) for e in entry["examples"])
    assert not any(RUBY.search(c) for c in entry["counter_examples"])
    data = re.compile(entry["pattern"])
    for s in ["(lín)", "（zhèn）", "(yè)", "(zhuàng)", "(a)", "(xx)", "(一)"]:
        assert bool(data.fullmatch(s)) == bool(RUBY.fullmatch(s)), s


def test_offsets_view_is_the_texts_own_where_syllables_were_dropped():
    line = "完成造(zào)林(lín)3000畝(mǔ)"
    assert offsets_view(line, norm_line(line)) == line
    plain = "完成造林3000亩"
    assert offsets_view(plain, norm_line(plain)) == norm_line(plain)


_REPORT = ("白水縣生(shēng)態(tài)環(huán)境局2021年工作總結(jié)\n"
           "2021年,縣生(shēng)態(tài)環(huán)境局在縣委、縣政府的堅強領導下,紮實推進污染防治,"
           "全年完成治理項(xiàng)目37個,空氣優良天數比例達到85.5%。\n"
           "一、主要工作\n"
           "(一)大氣污染防治。全年共檢查企業(yè)120家次,整改問題46個。\n")


def test_a_ruby_page_names_its_bureau_without_the_syllables():
    _, reps = parse_text(_REPORT)
    assert len(reps) == 1 and reps[0].start_line == 1
    r = reps[0]
    assert r.org and "(" not in r.org and r.org.endswith("生態環境局"), (r.org, r.org_rule)
    assert r.year == 2021 and r.level == "county_district", (r.year, r.level)


def test_figures_on_a_ruby_line_are_cut_from_the_line_as_printed():
    doc = document_from_bytes(_REPORT.encode("utf-8"), "t.txt")
    pd = parse(doc)
    figs = [i for r in pd.reports for i in r.indicators]
    assert figs
    for i in figs:
        assert doc.lines[i.line - 1][i.span.start:i.span.end] == i.text, i
    assert {"37個", "85.5%", "120家次", "46個"} <= {i.text for i in figs}


def test_a_line_with_no_syllables_is_read_as_before():
    for line in ["青山县民政局2022年工作总结", "２０２２年，某某镇（街道）扎实推进各项工作", "拼音(pinyin)课程"]:
        assert unruby(line) is line and not has_ruby(line)


def test_a_town_government_over_its_year_and_genre_line_opens_the_next_report():
    from structure_helpers import CUT, DONE
    lines = [*CUT[:5], DONE, "鎮(zhèn)政府", "2020年工作總結(jié)及2021年工作安排",
             "2020年,全鎮(zhèn)上下在縣委、縣政府的堅強領導下,攻堅克難,各項工作穩步推進。", "一、主要工作", DONE]
    _, reps = parse_text("\n".join(lines) + "\n")
    assert [r.start_line for r in reps] == [1, 7], [(r.start_line, r.title) for r in reps]
    assert reps[1].year == 2020 and reps[1].level == "township_street"
