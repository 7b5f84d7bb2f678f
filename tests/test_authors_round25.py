"""Round 25: a place's form read after a character it makes a common word with (农村, 乡村, 城市:
levels.yaml not_place) is no body.  A long speech that speaks of the countryside came out as written
by a village ("…整个农村", township level).  The texts are invented."""
from __future__ import annotations

import pytest

from test_authors import one
from workreport.structure.names import is_body


@pytest.mark.parametrize("name", ["农村", "乡村", "整个农村", "城市"])
def test_a_common_word_ending_in_a_place_word_is_no_body(name):
    assert not is_body(name)


@pytest.mark.parametrize("name", ["石桥村", "王村", "新村", "XX村", "红旗垦殖场", "青山区", "白河镇"])
def test_names_of_places_stay_bodies(name):
    assert is_body(name)


def test_a_speech_about_the_countryside_is_not_a_villages():
    r = one("各位代表：\n过去一年，我们坚持稳中求进，经济社会保持平稳发展。今后还要统筹安排整个农村的建设。"
            "农村的道路、供水、电网、通信和物流设施都要纳入规划，逐步改善。\n"
            "要大力发展县域经济。农村的商业网点、金融服务、文化教育和医疗卫生等公共服务，也要加快补齐短板。\n"
            "一、着力扩大有效需求\n全年安排重点项目320个，完成投资900亿元。\n")
    assert r.level != "township_street" and "农村" not in (r.org or ""), (r.org, r.level, r.org_rule)
