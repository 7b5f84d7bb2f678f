"""Integrity of tests/fixtures/genre: the fictional work reports and their gold file agree.

These tests check the data, not the parser: every text has a gold entry, every line number
points at the text it claims (title, opening, headings, furniture, preamble), labels come from
the closed vocabularies of ../shared/CONTRACT.md, each ``covers`` tag is borne out by the entry,
and the set still covers what it was written to cover (levels, openings, years, lengths).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from structure_helpers import SHARED

GENRE = Path(__file__).resolve().parent / "fixtures" / "genre"
CONTRACT = SHARED / "CONTRACT.md"

# The closed vocabularies of CONTRACT.md "Levels and domains" (checked against it when present).
LEVELS = {"national", "province", "city", "county_district", "township_street", "enterprise_other"}
DOMAINS = set("""
政府工作 党的建设 纪检监察 政法 发展改革 工业和信息化 科技 教育 公安 民政 司法行政 财政
人力资源社会保障 自然资源 生态环境 住房城乡建设 城市管理 交通运输 水利 农业农村 林业和园林绿化 商务
投资促进 文化旅游 体育 卫生健康 爱国卫生 健康促进 食品药品安全 市场监管 退役军人事务 应急管理 审计
统计 医疗保障 信访 政务服务和数据 国有资产 残疾人工作 群团工作 街道综合 乡镇综合 垦殖场综合 企业经营 其他
""".split())
ROLES = {"achievements", "highlights", "problems", "plan", "suggestions", "overview", "other"}
KINDS = {"summary", "summary_plan", "half_year", "plan", "government_report"}
KEYS = {"file", "org", "org_line", "org_simplified", "level", "level_accept", "domain", "domain_accept",
        "year", "session_year", "kind", "title_line", "title_suffix", "preamble_lines", "opening_line",
        "top_sections", "furniture_lines", "covers"}
REQUIRED = {"file", "org", "org_line", "level", "domain", "year", "kind", "title_line", "opening_line",
            "top_sections", "covers"}
# a title names its genre (simplified or traditional)
TITLE_WORD = re.compile(r"总结|總結|计划|計劃|报告|報告|要点|要點|安排|思路|打算|谋划|謀劃")
MASK = re.compile(r"^(\*+|XX|xx|某某)")


def _strip(s: str) -> str:
    return s.strip().strip("\u3000").strip()


def _gold() -> dict:
    return yaml.safe_load((GENRE / "gold.yaml").read_text(encoding="utf-8"))


GOLD = _gold()
ENTRIES = GOLD["files"]
IDS = [e["file"] for e in ENTRIES]


def _lines(entry: dict) -> list[str]:
    return (GENRE / entry["file"]).read_text(encoding="utf-8").split("\n")[:-1]


def test_every_text_has_exactly_one_gold_entry():
    texts = sorted(p.name for p in GENRE.glob("*.txt"))
    assert [f for f, n in Counter(IDS).items() if n > 1] == []
    assert sorted(IDS) == texts


def test_covers_vocabulary_is_all_used():
    vocab = set(GOLD["covers_vocabulary"])
    used = {c for e in ENTRIES for c in e["covers"]}
    assert used - vocab == set(), "tags outside covers_vocabulary"
    assert vocab - used == set(), "vocabulary tags no file covers"


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/CONTRACT.md is not beside this checkout")
def test_vocabularies_match_the_contract():
    text = CONTRACT.read_text(encoding="utf-8")
    part = text[text.index("`domain` —"):]
    listed = part[part.index("\n\n") + 2:part.index("\n\n(")]
    assert {d.strip() for d in listed.replace("\n", " ").split("·")} == DOMAINS
    lv = text[text.index("`level`:") + len("`level`:"):text.index("`domain` —")]
    lv = re.sub(r"\([^)]*\)", "", lv[:lv.index(".")] if "." in lv else lv)
    assert set(re.findall(r"[a-z]+(?:_[a-z]+)*", lv)) == LEVELS


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_entry_fields_and_labels(entry):
    assert REQUIRED <= set(entry) <= KEYS, set(entry) ^ KEYS
    assert entry["level"] in LEVELS
    assert entry["domain"] in DOMAINS
    for key, vocab, own in (("level_accept", LEVELS, "level"), ("domain_accept", DOMAINS, "domain")):
        if key in entry:
            assert set(entry[key]) <= vocab and entry[own] in entry[key] and len(entry[key]) >= 2
    assert entry["kind"] in KINDS
    assert isinstance(entry["year"], int) and 2019 <= entry["year"] <= 2025
    if entry["kind"] == "government_report":
        assert entry["session_year"] == entry["year"] + 1  # a report reviews the year before
    else:
        assert "session_year" not in entry
    assert all(s["role"] in ROLES for s in entry["top_sections"])


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_text_shape(entry):
    raw = (GENRE / entry["file"]).read_bytes()
    text = raw.decode("utf-8")
    assert "\r" not in text and "\t" not in text and text.endswith("\n") and not text.endswith("\n\n")
    assert 800 <= len("".join(text.split())) <= 4000
    lines = _lines(entry)
    assert lines[0].strip() and lines[-1].strip()
    assert "\n\n\n" not in text, "at most one blank line between paragraphs"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_line_numbers_point_at_their_text(entry):
    lines = _lines(entry)
    n = len(lines)
    at = lambda i: _strip(lines[i - 1])  # noqa: E731
    furniture = entry.get("furniture_lines", [])
    preamble = entry.get("preamble_lines", [])
    sections = entry["top_sections"]
    section_lines = [s["line"] for s in sections]

    assert furniture == sorted(set(furniture)) and all(1 <= i <= n and at(i) for i in furniture)

    title = entry["title_line"]
    if title is not None:
        assert 1 <= title <= n and title not in furniture
        assert TITLE_WORD.search(at(title)), at(title)
        if "title_suffix" in entry:
            assert at(title).endswith(entry["title_suffix"]) and entry["title_suffix"].startswith("-")

    opening = entry["opening_line"]
    assert 1 <= opening <= n and at(opening)
    assert opening not in furniture and opening not in section_lines and opening not in preamble
    # the opening is the first line of the report's text: nothing but the title, furniture,
    # preamble, a part heading or blank lines comes before it
    for i in range(1, opening):
        assert i == title or i in furniture or i in preamble or i in section_lines or not at(i), i
    if title is not None:
        assert title < opening

    assert section_lines == sorted(set(section_lines)) and section_lines
    for s in sections:
        assert 1 <= s["line"] <= n and s["line"] not in furniture and s["line"] != title
        assert title is None or s["line"] > title
        if s.get("inline"):
            assert at(s["line"]).startswith(s["heading"]) and s["heading"].endswith("。")
            assert len(at(s["line"])) > len(s["heading"])
        else:
            assert at(s["line"]) == s["heading"]

    if preamble:
        assert entry["kind"] == "government_report"
        assert all(i < opening for i in preamble)
        assert at(preamble[0]).startswith("——") and at(preamble[0]).endswith("会议上")
        assert at(opening) == "各位代表："
    else:
        assert entry["kind"] != "government_report"

    org_line = entry["org_line"]
    assert entry["org"] in at(org_line) and org_line not in furniture
    assert not any(entry["org"] in at(i) for i in range(1, org_line) if i not in furniture)


def _has(entry, tag):
    return tag in entry["covers"]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_covers_tags_hold(entry):
    lines = _lines(entry)
    roles = [s["role"] for s in entry["top_sections"]]
    heads = [s["heading"] for s in entry["top_sections"]]
    furniture = entry.get("furniture_lines", [])
    assert _has(entry, "title.none") == (entry["title_line"] is None)
    assert _has(entry, "title.plain") == (entry["title_line"] is not None)
    assert _has(entry, "title.site_suffix") == ("title_suffix" in entry)
    assert _has(entry, "title.traditional") == ("org_simplified" in entry)
    assert _has(entry, "title.after_furniture") == bool(
        entry["title_line"] and any(i < entry["title_line"] for i in furniture))
    assert _has(entry, "kind.government_report") == (entry["kind"] == "government_report")
    assert _has(entry, "preamble.government_report") == ("preamble_lines" in entry)
    assert _has(entry, "kind.half_year") == (entry["kind"] == "half_year")
    assert _has(entry, "kind.plan_only") == (entry["kind"] == "plan")
    assert _has(entry, "sections.highlights") == ("highlights" in roles)
    # a missing top-level role is either absent from the report or explained by a tag
    if _has(entry, "sections.no_problems") or _has(entry, "sections.problems_nested"):
        assert "problems" not in roles
    elif entry["kind"] not in ("plan", "government_report"):
        assert "problems" in roles
    if _has(entry, "sections.no_plan") or _has(entry, "sections.problems_and_plan_combined"):
        assert "plan" not in roles
    else:
        assert "plan" in roles
    if _has(entry, "sections.problems_and_plan_combined"):
        assert roles[-1] == "problems"
    assert _has(entry, "domain.two_fit") == ("domain_accept" in entry)
    assert _has(entry, "level.farm") == ("level_accept" in entry)
    assert _has(entry, "org.masked") == bool(MASK.match(entry["org"]))
    if any(t.startswith("furniture.") for t in entry["covers"]):
        assert furniture
    else:
        assert not furniture
    if _has(entry, "org.late_in_body"):
        assert entry["org_line"] >= 20
    if _has(entry, "org.signature"):
        assert entry["org_line"] >= len(lines) - 2 and len(_strip(lines[entry["org_line"] - 1])) <= 12
    if _has(entry, "opening.self_reference"):
        assert re.search(r"我(局|镇|乡|校|院|委)", lines[entry["opening_line"] - 1])
        assert entry["org"] not in lines[entry["opening_line"] - 1]
    if _has(entry, "outline.top_paren"):
        assert all(h.startswith("（") for h in heads)
    if _has(entry, "outline.top_arabic"):
        assert all(re.match(r"\d+[.．、]", h) for h in heads)
    if _has(entry, "outline.bare_parts"):
        assert all(re.match(r"\d{4}年", h) for h in heads)
    if _has(entry, "layout.blank_lines"):
        assert sum(1 for x in lines if not x.strip()) >= 5


def test_the_set_covers_what_it_was_written_for():
    by_level = Counter(e["level"] for e in ENTRIES if e["kind"] != "government_report")
    assert len(ENTRIES) >= 45
    assert by_level["township_street"] >= 6
    assert by_level["county_district"] + by_level["city"] >= 20
    assert by_level["province"] >= 3
    assert sum(e["kind"] == "government_report" for e in ENTRIES) >= 3
    assert sum("org.enterprise" in e["covers"] for e in ENTRIES) >= 2
    assert sum("org.hospital_school" in e["covers"] for e in ENTRIES) >= 1
    untitled = sum(e["title_line"] is None for e in ENTRIES) / len(ENTRIES)
    assert 0.4 <= untitled <= 0.6
    assert {e["year"] for e in ENTRIES} >= set(range(2019, 2026))
    assert len({e["domain"] for e in ENTRIES}) >= 30
    assert sum("problems" in [s["role"] for s in e["top_sections"]] for e in ENTRIES) > len(ENTRIES) // 2


def test_readme_lists_every_file():
    readme = (GENRE / "README.md").read_text(encoding="utf-8")
    assert [f for f in IDS if f"`{f}`" not in readme] == []
