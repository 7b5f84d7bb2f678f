"""Who wrote a report, at what level, on what, for which year (structure/org.py, author.py, year.py).

Measured on text the rules were not written from: the genre fixtures (45 fictional reports, each
parsed alone), the genre cases of tests/cases/genre (openings, titles, pasted blocks), the real
national and provincial 政府工作报告 of ../shared/corpus, and written cases below for each cause
of issue 10 (units named deep in the body, CMS rows, self-references, traditional characters,
masked names, owners' levels, years of 政府工作报告 and plans).  Names are invented.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from structure_helpers import CORPUS, requires_corpus
from timing import best_cpu, holds
from workreport.ingest import document_from_bytes, read_document
from workreport.structure import bodies, structure

HERE = Path(__file__).resolve().parent
GENRE = HERE / "fixtures" / "genre"
CASES = HERE / "cases" / "genre"


def _key(s: str | None) -> str:
    s = bodies.fold(unicodedata.normalize("NFKC", s or ""))
    return "".join(s.split()).replace("x", "").replace("X", "")


def same_unit(gold: str, got: str | None) -> bool:
    """As ../shared/tools/score.py compares units (one holds the other), after folding."""
    g, p = _key(gold), _key(got)
    return len(p) >= 2 and (g in p or p in g)


def parse_text(text: str, name: str = "t.txt"):
    return structure(document_from_bytes(text.encode("utf-8"), name))


def one(text: str, name: str = "t.txt"):
    furn, reps = parse_text(text, name)
    assert reps, text
    return reps[0]


# ---- the genre fixtures, each parsed alone ------------------------------------------------

FIXTURES = yaml.safe_load((GENRE / "gold.yaml").read_text("utf-8"))["files"]
# Floors: measured 45/45 on each attribute when these tests were written; one report may
# regress through another stage's change before the suite says so.
FIXTURE_FLOORS = {"unit": 44, "level": 44, "domain": 44, "year": 44}


def _fixture_scores():
    got = {k: 0 for k in FIXTURE_FLOORS}
    misses = []
    for e in FIXTURES:
        _, reps = structure(read_document(GENRE / e["file"]))
        line = e["opening_line"] or e["org_line"]
        r = next((x for x in reps if x.start_line <= line <= x.end_line), reps[0])
        ok = {
            "unit": same_unit(e.get("org_simplified") or e["org"], r.org),
            "level": r.level in {e["level"], *(e.get("level_accept") or [])},
            "domain": r.domain in {e["domain"], *(e.get("domain_accept") or [])},
            "year": r.year == e["year"],
        }
        for k, v in ok.items():
            got[k] += v
        if not all(ok.values()):
            misses.append((e["file"], r.org, r.level, r.domain, r.year))
    return got, misses


def test_genre_fixtures_each_alone_meet_the_floors():
    got, misses = _fixture_scores()
    assert all(got[k] >= FIXTURE_FLOORS[k] for k in FIXTURE_FLOORS), (got, misses)


# ---- the fictional district compilations (samples/district) ---------------------------------

DISTRICT = HERE.parent / "samples" / "district"
DISTRICT_GOLD = yaml.safe_load((DISTRICT / "gold.yaml").read_text("utf-8"))["compilations"]


@pytest.mark.parametrize("comp", [c for c in DISTRICT_GOLD if c["format"] == "txt"], ids=lambda c: c["file"])
def test_district_compilation_authors(comp):
    """Each gold report's author, level, domain and year, read from the predicted report that
    covers most of it (where reports begin is the split stage's measure).  Measured: every one
    right (11/11, 10/10); floor: all but one."""
    _, reps = structure(read_document(DISTRICT / comp["file"]))
    right = {k: 0 for k in ("unit", "level", "domain", "year")}
    misses = []
    for g in comp["reports"]:
        cover = [r for r in reps if r.start_line <= g["end"] and r.end_line >= g["start"]]
        r = max(cover, key=lambda r: min(r.end_line, g["end"]) - max(r.start_line, g["start"]))
        ok = {"unit": any(same_unit(u, r.org) for u in [g["unit"], *g.get("org_accept", [])]),
              "level": r.level == g["level"], "domain": r.domain in (g.get("domain_accept") or [g["domain"]]),
              "year": r.year == g["year_reported"]}
        for k, v in ok.items():
            right[k] += v
        if not all(ok.values()):
            misses.append((g["unit"], r.org, r.level, r.domain, r.year))
    n = len(comp["reports"])
    assert all(v >= n - 1 for v in right.values()), (right, misses)


# ---- the genre cases ------------------------------------------------------------------------

def _cases(name: str, need=("org", "level", "domain", "domain_accept", "year")):
    for c in yaml.safe_load((CASES / name).read_text("utf-8")):
        exp = c["expect"]
        if any(k in exp for k in need) and exp.get("title", exp.get("opening", True)) is not False:
            yield pytest.param(c, id=c["id"])


def _check(expect: dict, r) -> None:
    if "org" in expect:
        if expect["org"] is None:
            assert r.org is None or r.org.startswith(("我", "本")), r.org
        else:
            assert same_unit(expect["org"], r.org), (r.org, r.org_rule)
    if "level" in expect:
        assert r.level == expect["level"], (r.org, r.level, r.level_rule)
    if "domain" in expect or "domain_accept" in expect:
        accept = {expect.get("domain"), *(expect.get("domain_accept") or [])} - {None}
        assert r.domain in accept, (r.org, r.domain, r.domain_rule)
    if "year" in expect and expect["year"] is not None:
        assert r.year == expect["year"], (r.year, r.year_rule)


# a short body after the case's line, so the line is a report's opening or title
_BODY = "\n一、主要工作\n全年各项工作有序推进，较好完成了目标任务。\n二、下一步打算\n继续抓好各项工作。\n"


@pytest.mark.parametrize("case", list(_cases("openings.yaml")))
def test_genre_opening_names_its_author(case):
    _check(case["expect"], one(case["input"] + _BODY))


@pytest.mark.parametrize("case", list(_cases("titles.yaml")))
def test_genre_title_names_its_author(case):
    _check(case["expect"], one(case["input"] + _BODY))


def _block_reports():
    for c in yaml.safe_load((CASES / "blocks.yaml").read_text("utf-8")):
        for start, exp in zip(c["expect"]["starts"], c["expect"]["reports"]):
            if any(k in exp for k in ("org", "level", "domain", "year")):
                yield pytest.param(c, start, exp, id=f"{c['id']}@{start}")


@pytest.mark.parametrize("case,start,expect", list(_block_reports()))
def test_genre_block_names_its_author(case, start, expect):
    """The author of the predicted report that holds most of the case's report (where reports
    begin is the split stage's question, tested with the same cases there)."""
    _, reps = parse_text(case["input"])
    end = expect.get("end", len(case["input"].splitlines()))
    r = max(reps, key=lambda x: min(x.end_line, end) - max(x.start_line, start))
    if r.start_line != start:  # the report lost its first lines (its title): only its body is read
        expect = {k: v for k, v in expect.items() if k != "year"}
    _check(expect, r)


# ---- real government work reports -------------------------------------------------------------

def _national():
    return sorted((CORPUS / "national_wikisource" / "txt").glob("*.txt")) if CORPUS.exists() else []


@requires_corpus
def test_every_national_report_is_the_state_councils():
    """All 52 national reports: 国务院, national, 政府工作, the year before the session (the year
    is in the file name, the title or the review heading)."""
    files = _national()
    assert len(files) == 52
    wrong = []
    for path in files:
        _, reps = structure(read_document(path))
        r = reps[0]
        got = (r.org, r.level, r.domain, r.year)
        if got != ("国务院", "national", "政府工作", int(path.name[:4]) - 1):
            wrong.append((path.name, got, r.year_rule))
    assert not wrong, wrong


def _provincial():
    if not CORPUS.exists():
        return []
    return sorted((CORPUS / "provincial_2025_docx" / "txt").glob("*.txt")) + \
        sorted((CORPUS / "provincial_2026_web" / "txt").glob("*.txt"))


_PROVINCE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|省|市)$")


@requires_corpus
def test_every_provincial_report_is_named_by_its_province():
    files = _provincial()
    assert len(files) == 62
    wrong = []
    for path in files:
        province = re.sub(r"^\d{4}年?_?|_?政府工作报告$", "", path.stem)
        _, reps = structure(read_document(path))
        r = reps[0]
        ok = (r.org and _PROVINCE_SUFFIX.sub("", province) in r.org and r.level == "province"
              and r.domain == "政府工作" and r.year == int(path.name[:4]) - 1)
        if not ok:
            wrong.append((path.name, r.org, r.level, r.domain, r.year))
    assert not wrong, wrong


# ---- written cases, one per cause ------------------------------------------------------------

_FILLER = "".join(f"（{i}）第{i}项工作稳步推进，完成年度目标任务的{90 + i % 10}%。\n" for i in range(1, 25))


def test_unit_named_only_deep_in_the_body_is_not_the_superior():
    text = ("今年以来，我局在县委、县政府的坚强领导下，在市信访局的精心指导下，扎实推进信访工作。\n"
            "一、主要工作\n" + _FILLER +
            "今年5月，云岭县信访局被评为全市信访工作先进集体。\n二、下一步打算\n继续做好信访工作。\n")
    r = one(text)
    assert r.org == "云岭县信访局" and r.org_rule == "org.self_reference.named"
    assert (r.level, r.domain) == ("county_district", "信访")


def test_self_reference_resolved_by_a_cms_author_row():
    text = ("当前位置：首页 > 政府信息公开 > 计划总结\n发文机关：某某区统计局 | 主题词： |\n"
            "标题：某某区统计局2021年工作总结 | |\n"
            "在区委、区政府的坚强领导下，我局以提高统计数据质量为核心，统计工作又上新台阶。现将2021年我局工作总结如下：\n"
            "一、主要指标完成情况\n全区地区生产总值增长6.1%。\n")
    _, reps = parse_text(text)  # the rows are furniture or left in the text: they name the author either way
    r = next(x for x in reps if x.end_line >= 4)
    assert same_unit("某某区统计局", r.org) and (r.level, r.domain, r.year) == ("county_district", "统计", 2021)


def test_a_school_that_says_we_is_named_by_its_signature():
    text = ("2022年，我校在市教育局的正确领导下，坚持立德树人，各项工作取得新成绩。现将一年来的工作总结如下：\n"
            "一、教学工作\n全年开设校本课程12门。\n二、下一步打算\n继续提高教学质量。\n临江市第三中学\n2022年12月30日\n")
    r = one(text)
    assert r.org == "临江市第三中学" and (r.level, r.domain) == ("enterprise_other", "教育")


def test_traditional_title_is_folded_for_matching_and_kept_as_written():
    r = one("雲嶺縣民政局2021年工作總結\n2021年，縣民政局堅持以人民為中心，兜牢民生底線。\n一、主要工作\n全年發放救助資金120萬元。\n")
    assert r.org == "雲嶺縣民政局" and (r.level, r.domain, r.year) == ("county_district", "民政", 2021)


@pytest.mark.parametrize("title,unit", [
    ("某某县水利局2023工作安排", "某某县水利局"),
    ("区卫生健康委员会卫生健康工作总结", "区卫生健康委员会"),
    ("青山区城管局2022年工作总结及2023年工作计划-某某范文网", "青山区城管局"),
    ("5.某某乡2022年综治工作总结及2023年工作思路", "某某乡"),
])
def test_title_words_are_not_glued_to_the_unit(title, unit):
    r = one(title + _BODY)
    assert r.org is not None and r.org.startswith(unit) and "工作" not in r.org, r.org


@pytest.mark.parametrize("opening,unit,level,domain", [
    ("2022年，XX建设集团有限公司紧紧围绕年度经营目标，狠抓安全生产。", "XX建设集团有限公司", "enterprise_other", "企业经营"),
    ("2023年，*街道在区委区政府的坚强领导下，统筹推进各项工作。", "*街道", "township_street", "街道综合"),
    ("2023年，**县坚持稳中求进工作总基调，经济社会持续健康发展。", "**县", "county_district", "政府工作"),
    ("2022年，XX市生态环境局坚持以改善生态环境质量为核心，统筹推进污染防治。", "XX市生态环境局", "city", "生态环境"),
    ("2022年，云岭市青山区民政局认真落实区委区政府部署，兜牢民生底线。", "云岭市青山区民政局", "county_district", "民政"),
    ("2023年，上海市某某区城管局坚持精细化管理，市容环境持续改善。", "上海市某某区城管局", "county_district", "城市管理"),
    ("2023年，北京市交通委员会全力服务首都城市运行，综合交通体系持续完善。", "北京市交通委员会", "province", "交通运输"),
    ("2022年，白河县审计局坚持依法审计，全年完成审计项目32个，审计财政资金5.2亿元，财政收支审计全覆盖。",
     "白河县审计局", "county_district", "审计"),
])
def test_unit_kept_as_written_with_its_owners_level_and_function(opening, unit, level, domain):
    r = one(opening + _BODY)
    assert same_unit(unit, r.org) and (r.level, r.domain) == (level, domain), (r.org, r.level, r.domain)


def test_a_community_that_says_ours_is_named_by_the_name_it_repeats():
    r = one("2022年上半年社区工作总结\n2022年上半年在街道党工委、办事处的领导下，我社区认真落实工作目标任务。\n"
            "一、加强党组织建设\n梧桐社区党支部现有党员41名，通过配强梧桐社区支部班子，梧桐社区党支部战斗力明显提升。\n")
    assert (r.org, r.level, r.domain) == ("梧桐社区", "township_street", "街道综合")


def test_a_self_reference_keeps_the_body_form_it_goes_on_with():
    r = one("今年以来，我村委会带领全村群众发展特色种植，村集体经济收入稳步增长。" + _BODY)
    assert (r.org, r.level, r.domain) == ("我村委会", "township_street", "乡镇综合")


def test_a_development_zone_is_kept_as_its_own_body():
    r = one("2021年，经开区以改革提升年活动为主抓手，凝心聚力，克难奋进。现就经开区一年来工作总结汇报如下：" + _BODY)
    assert (r.org, r.level, r.domain) == ("经开区", "county_district", "政府工作")


def test_a_township_report_given_on_the_governments_behalf():
    r = one("乡镇政府换届工作报告\n各位代表：现在，我受镇人民政府委托，向大会作政府工作报告，请予审议。\n"
            "一、过去五年的工作回顾\n全镇工农业生产总值7260.84万元。\n")
    # a town's own congress report is all its work: the town's comprehensive label (gold convention)
    assert (r.org, r.level, r.domain) == ("镇人民政府", "township_street", "乡镇综合"), r.org_rule


def test_a_street_office_named_with_its_party_committee():
    r = one("2024年，临江街道党工委、办事处在区委、区政府的坚强领导下，统筹抓好经济发展和民生保障。现将一年来工作情况报告如下。"
            + _BODY)
    assert same_unit("临江街道", r.org) and (r.level, r.domain) == ("township_street", "街道综合")


def test_a_department_without_place_takes_the_government_that_leads_it():
    r = one("今年以来，住建局在区委区政府的坚强领导下，以城市更新为抓手，扎实推进各项工作。" + _BODY)
    assert (r.org, r.level, r.domain) == ("住建局", "county_district", "住房城乡建设")
    assert r.level_rule == "level.leadership"


def test_a_sector_spoken_for_as_a_whole():
    r = one("2023年，全区水利系统认真落实自治区党委、政府部署，全力保障供水安全。" + _BODY)
    assert (r.level, r.domain) == ("province", "水利") and r.org_rule == "org.system"


def test_a_sector_report_that_names_its_department_is_the_department_s():
    r = one("2023年，全区水利系统认真落实自治区党委、政府部署，全力保障供水安全。自治区水利厅统筹推进重点工程。" + _BODY)
    assert (r.org, r.level, r.domain) == ("自治区水利厅", "province", "水利"), r.org_rule


@pytest.mark.parametrize("text,year", [
    ("政府工作报告\n——2023年1月10日在青山区第五届人民代表大会第三次会议上\n青山区人民政府区长  张某某\n各位代表：\n"
     "现在，我代表区人民政府向大会作工作报告，请予审议。\n一、过去一年的工作\n这一年，我们顶住压力。\n", 2022),
    ("政府工作报告\n——2022年12月27日在青山区第十届人民代表大会第二次会议上\n各位代表：\n"
     "现在，我代表区人民政府向大会报告工作，请予审议。\n一、过去一年的工作\n这一年，我们顶住压力。\n", 2022),
    ("某某县2024年政府工作报告—全文\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n"
     "一、过去一年的工作\n这一年，我们顶住压力。\n", 2023),
    ("青山区发展和改革局2025年工作要点\n一、总体要求\n坚持稳中求进。\n二、重点任务\n（一）抓好项目建设。\n", 2025),
])
def test_year_is_the_year_whose_work_is_reported(text, year):
    r = one(text)
    assert r.year == year, (r.year, r.year_rule)


def test_file_name_gives_the_year_of_a_title_less_government_report():
    r = one("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、过去一年的工作\n这一年，我们顶住压力。\n",
            "2016_国务院政府工作报告.txt")
    assert (r.org, r.level, r.domain, r.year) == ("国务院", "national", "政府工作", 2015)


def test_text_domains_are_the_contract_vocabulary():
    from workreport import rules
    vocab = set(rules.load("bodies")["domains"])
    labels = {e["label"] for e in rules.load("orgs")["domains"]} | {rules.load("orgs")["domain_fixed"]["label"]}
    assert labels <= vocab, labels - vocab


def test_rules_are_kept_for_tracing():
    r = one("2022年，XX市生态环境局坚持以改善生态环境质量为核心，统筹推进污染防治。" + _BODY)
    assert r.org_rule.startswith("org.") and r.level_rule and r.domain_rule == "body.ecology"
    assert r.year_rule.startswith("year.")


def test_finding_authors_is_linear_in_the_report():
    """Subjects and bodies are searched through the whole report: doubling it must not quadruple
    the time."""
    para = "今年以来，我局在县委、县政府的坚强领导下，在市信访局的精心指导下，推进各项工作，全县信访形势平稳。\n"

    texts = ["一、主要工作\n" + para * n for n in (400, 1600)]
    one(texts[0][:2000])
    # CPU time, the sizes in turn, best of three, the whole taken again when missed
    # (tests/timing.py): 4x the text is ~4x linear, 16x quadratic
    ok, figures = holds(lambda: best_cpu([lambda t=t: one(t) for t in texts]), lambda f: f[1] < 8 * f[0])
    assert ok, figures


def test_a_debrief_is_by_the_body_whose_post_the_speaker_holds():
    r = one("述职报告\n一年来，我认真履行某某县交通运输局局长职责，带领全局干部职工扎实工作。\n" + _BODY)
    assert (r.org, r.level, r.domain) == ("某某县交通运输局", "county_district", "交通运输"), r.org_rule


def test_a_company_may_name_itself_by_its_kind_alone():
    r = one("2023年，公司紧紧围绕年度经营目标，狠抓安全生产，全年实现营业收入3.2亿元。\n" + _BODY)
    assert (r.org, r.level, r.domain, r.year) == ("公司", "enterprise_other", "企业经营", 2023), r.org_rule


def test_a_session_date_left_blank_still_dates_a_government_report():
    r = one("政府工作报告\n——2022年 月 日在某某镇第十八届人民代表大会第一次会议上\n各位代表：\n"
            "现在，我代表镇人民政府向大会作工作报告，请予审议。\n一、过去一年的工作\n这一年，我们顶住压力。\n")
    assert (r.level, r.year) == ("township_street", 2021), r.year_rule


@pytest.mark.parametrize("text,unit,level,domain", [
    # a sector's work as the opening's subject: that function's department in the scope's government
    ("2023年，全县民政工作在县委、县政府的正确领导和市民政局的有力指导下，扎实推动社会救助工作。", "县民政局", "county_district", "民政"),
    ("今年以来，全市生态环境保护工作以改善环境质量为核心，各项工作取得积极进展。", "市生态环境局", "city", "生态环境"),
    # a street office that calls itself by its kind alone
    ("2023年，在市委、市政府和高新区党工委、管委会的坚强领导下，街道上下团结一心、拼抢实干。", "街道", "township_street", "街道综合"),
    # a city whose name ends like a compound of place words (州市, 城市, 都市) is still a city
    ("2022年，云州市生态环境局坚持精准治污，统筹推进污染防治。", "云州市生态环境局", "city", "生态环境"),
])
def test_opening_subjects_of_the_genre(text, unit, level, domain):
    r = one(text + _BODY)
    assert same_unit(unit, r.org) and (r.level, r.domain) == (level, domain), (r.org, r.org_rule)


def test_a_title_s_bare_department_takes_its_place_from_the_report():
    r = one("生态环境局关于创建文明城市工作情况的汇报\n根据会议安排，现将市生态环境局2022年以来创建工作情况报告如下：" + _BODY)
    assert (r.org, r.level, r.domain, r.year) == ("市生态环境局", "city", "生态环境", 2022), r.org_rule


def test_a_town_that_says_ours_is_named_by_its_signature():
    r = one("2023年，我镇在县委、县政府的坚强领导下，紧紧围绕年初确定的目标任务，扎实推进各项工作。" + _BODY
            + "白石镇人民政府\n2023年12月20日\n")
    assert (r.org, r.level, r.domain) == ("白石镇人民政府", "township_street", "乡镇综合"), r.org_rule


def test_a_plan_issued_by_notice_is_dated_by_its_own_year():
    text = ("云州市卫生健康委关于印发2023年全市卫生健康工作要点的通知\n各区县卫生健康局：\n"
            "现将《2023年全市卫生健康工作要点》下发给你们，请认真贯彻执行。\n云州市卫生健康委员会\n2023年4月26日\n"
            "2023年全市卫生健康工作要点\n2023年全市卫生健康工作的总体要求是：坚决贯彻市委市政府决策部署。\n"
            "一、全面深化一个主题\n1.全面深化实干争先主题实践。\n")
    r = one(text)
    assert (r.level, r.domain, r.year) == ("city", "卫生健康", 2023), (r.org, r.year_rule)


def test_a_title_fused_behind_a_page_counter_names_the_author():
    r = one("第1页共5页县交通运输局XX年工作情况报告今年，全县交通运输事业与经济社会发展同呼吸、共命运。\n"
            "一、在履职上突出敢担当\n全县公路建设实现新突破。\n")
    assert (r.org, r.level, r.domain) == ("县交通运输局", "county_district", "交通运输"), r.org_rule


_HEALTH_BODY = ("一、主要工作\n（一）健康自我管理小组活动。全年组建健康自我管理小组12个，开展控烟宣传8次。\n"
                "（二）健康社区建设。建成健康社区2个，健康促进讲座覆盖居民3000人次。\n"
                "（三）爱国卫生运动。开展爱国卫生运动4次，病媒生物防制2次。\n"
                "（四）健康行动宣传。健康促进进社区、进学校，控烟劝导全年不断。\n"
                "（五）环境卫生整治。街道爱卫办组织灭鼠、除四害，整治病媒孳生地，爱国卫生月活动覆盖全部社区。\n")


def test_a_street_office_report_on_a_programme_takes_the_programme_s_field():
    """A comprehensive body's report names its topic in its opening (the programme it answers);
    the text bears the field out though it does not dominate it."""
    r = one("根据《健康某某行动实施方案》的要求，现将某某街道办事处2024年相关工作进展情况报告如下：\n" + _HEALTH_BODY)
    assert (r.level, r.domain, r.domain_rule) == ("township_street", "健康促进", "domain.topic"), r.org


def test_party_members_in_an_opening_are_no_topic():
    r = one("今年以来，某某镇在县委县政府的正确领导下，全体党员干部坚持新发展理念，扎实推进各项工作。\n" + _HEALTH_BODY)
    assert r.domain_rule != "domain.topic" and r.domain in ("乡镇综合", "健康促进"), (r.domain, r.domain_rule)


def test_a_plan_titled_document_that_reviews_its_past_year_is_dated_by_the_review():
    r = one("青山区民政局2023年工作安排\n一、2022年工作回顾\n全年完成投资1.2亿元。\n二、2023年工作安排\n继续抓好。\n")
    assert r.year == 2022, r.year_rule


@pytest.mark.parametrize("text,unit,level,domain,year", [
    # a site's name before a space is no owner of the body in the title
    ("某某官方网站 农业农村局2024年工作总结和2025年工作安排\n一、2024年工作总结\n今年以来，在区委、区政府坚强领导下，"
     "区农业农村局聚焦主职主业，全面完成各项工作任务。\n二、2025年工作安排\n继续抓好。\n",
     "区农业农村局", "county_district", "农业农村", 2024),
    # a numbered document-sharing chunk whose first line is title and opening at once
    ("1、区农业农村和水利局2023年上半年工作总结和下半年工作计划区农业农村和水利局2023年上半年工作总结和下半年工作计划 "
     "2023年，我局深入学习贯彻党的二十大精神，扎实做好三农工作。\n一、2023年上半年工作\n我局党组严格落实第一议题制度。\n"
     "二、下半年工作计划\n继续抓好。\n", "区农业农村和水利局", "county_district", "农业农村", 2023),
    # traditional headings vote for the year like simplified ones
    ("2023年工作總結和2024年工作安排\n2023年，區農業農村局全面貫徹落實區委、區政府決策部署，推動三農工作取得明顯成效。\n"
     "一、2023年工作總結\n（一）全力保障國家糧食安全。\n二、2024年工作安排\n繼續抓好。\n",
     "區農業農村局", "county_district", "农业农村", 2023),
    # the government named with its term, the session line masked
    ("乡政府工作报告\n-------在**乡第**届人民代表大会第*次会议上的讲话\n各位代表：\n"
     "现在我代表**乡第**届人民政府向大会作工作报告，请予审议。\n一、狠抓特色产业\n红枣总产量达100万公斤。\n",
     "**乡人民政府", "township_street", "乡镇综合", None),
    # a mid-year session's report reviews the half year it is given in
    ("2022年上半年政府工作报告（镇乡）\n各位代表：\n现在，我代表xx镇人民政府，向大会报告政府工作，请予审议。\n"
     "上半年工作回顾\n今年上半年，我镇在区委、区政府及镇党委的坚强领导下，较好地完成了各项工作任务。\n",
     "xx镇人民政府", "township_street", "乡镇综合", 2022),
])
def test_web_page_shapes_of_the_genre(text, unit, level, domain, year):
    r = one(text)
    assert same_unit(unit, r.org) and (r.level, r.domain) == (level, domain), (r.org, r.org_rule)
    assert year is None or r.year == year, r.year_rule


@pytest.mark.parametrize("text,unit", [
    ("2023年，我镇在县委、县政府的坚强领导下，扎实推进各项工作。\n一、主要工作\n青山镇全年完成地区生产总值12亿元。"
     "青山镇被评为省级卫生镇。\n二、下一步打算\n继续抓好。\n", "青山镇"),
    ("今年以来，我街道在区委、区政府的坚强领导下，扎实推进各项工作。\n一、主要工作\n东湖街道全年完成固定资产投资12亿元。"
     "东湖街道荣获市级文明街道。\n二、下一步打算\n继续抓好。\n", "东湖街道"),
])
def test_a_town_or_street_that_says_ours_is_named_by_the_name_it_repeats(text, unit):
    r = one(text)
    assert same_unit(unit, r.org) and r.org_rule == "org.self_reference.local_place", (r.org, r.org_rule)


def test_towns_named_once_each_are_neighbours_not_the_author():
    r = one("2023年，我镇在县委、县政府的坚强领导下，扎实推进各项工作。\n一、主要工作\n"
            "与青山镇、白石镇、红岩镇共建产业园。\n二、下一步打算\n继续抓好。\n")
    assert r.org_rule == "org.self_reference" and r.level == "township_street", (r.org, r.org_rule)


def test_no_name_is_read_across_two_paragraphs():
    """A reporter's masked name on the line before is not the body's owner."""
    r = one("本刊记者 某某\n省教育厅深入贯彻落实省委工作部署，全省教育向更加公平更高质量稳步迈进。\n"
            "积极推进区域教育协同发展。\n")
    assert (r.org, r.level, r.domain) == ("省教育厅", "province", "教育"), r.org_rule


def test_a_verb_before_a_body_is_no_owner():
    r = one("本站小编为你准备了围绕省教育厅年度工作的参考范文。\n年全省教育工作的总体要求是：坚持优先发展、育人为本。\n"
            "（一）推动教育事业科学发展\n1.认真学习贯彻全省教育工作会议精神。\n")
    assert r.org is None or not r.org.startswith(("围绕", "本站")), (r.org, r.org_rule)


def test_a_traditional_government_report_keeps_its_unit_as_written():
    r = one("政府工作報告\n——2007年12月 日在**縣第十五屆人民代表大會第一次會議上\n縣人民政府縣長***\n各位代表：\n"
            "現在，我代表縣人民政府，向縣十五屆人大一次會議報告本屆政府的工作，請予審議。\n"
            "一、過去五年政府工作回顧\n本屆政府自2003年1月就職以來，圓滿完成了預期目標。\n")
    assert (r.org, r.level, r.domain, r.year) == ("**縣人民政府", "county_district", "政府工作", 2007), r.org_rule


@pytest.mark.parametrize("line,level", [
    ("各乡镇卫生院完善措施，加快施工进度。", "county_district"),
    ("指导各县区卫生健康局加快施工进度。", "city"),
])
def test_a_department_named_without_place_or_scope_takes_the_level_of_the_places_it_directs(line, level):
    r = one(f"卫健委2021年上半年工作总结\n一、上半年工作总结\n（一）重点项目建设进展顺利\n{line}\n二、下半年工作谋划\n继续抓好。\n")
    assert (r.org, r.level, r.level_rule) == ("卫健委", level, "level.text_cues")


def test_our_bureau_under_a_title_that_names_its_field_is_that_field_s_bureau():
    r = one("县政府民政工作总结\n上半年，我局在县委、县政府的领导和上级部门的指导下，较好完成了上半年的目标任务。\n"
            "一、主要工作\n（一）抓好重点工作。\n")
    assert (r.org, r.level, r.domain) == ("民政局", "county_district", "民政"), r.org_rule


@pytest.mark.parametrize("opening, org", [
    # named by its place only: kept so (a reader's gold "长岭县青禾街道" holds it; "青禾街道办事处" does not)
    ("2023年，青禾街道在县委、县政府的坚强领导下，扎实推进各项工作。", "青禾街道"),
    ("2022年以来，白石镇坚持稳中求进，经济社会保持平稳发展。", "白石镇"),
    # the report writes its office's full name: that name
    ("2023年，青禾街道办事处在县委、县政府的坚强领导下，扎实推进各项工作。", "青禾街道办事处"),
    # "town government" written after the place: the town by its name (round 22: a reader's gold
    # "白石镇", "白石镇政府" or "白石镇人民政府" holds it; "白石镇政府" holds only the first two)
    ("2022年以来，白石镇政府坚持稳中求进，经济社会保持平稳发展。", "白石镇"),
    # a masked place names nobody: its office's name
    ("2023年，XX镇在县委、县政府的坚强领导下，扎实推进各项工作。", "XX镇人民政府"),
])
def test_a_street_or_town_is_named_as_the_report_names_it(opening, org):
    r = one(opening + "\n" + _BODY)
    assert (r.org, r.level) == (org, "township_street"), r.org_rule


@pytest.mark.parametrize("title, org, level", [
    # a county's or a city's government named short in its title is that government, by its full name
    ("青禾县政府2023年工作总结", "青禾县人民政府", "county_district"),
    ("云岭市政府2022年工作总结", "云岭市人民政府", "city"),
    # a town's, by its name
    ("白石镇政府2023年工作总结", "白石镇", "township_street"),
    # a government's office is no government
    ("青禾县政府办2023年工作总结", "青禾县政府办", "county_district"),
])
def test_a_government_named_short_gets_one_label(title, org, level):
    r = one(title + "\n" + _BODY)
    assert (r.org, r.level) == (org, level), r.org_rule


def test_a_traditional_page_s_government_is_named_in_its_own_script():
    """The government the rules make of a title's place keeps the page's script for the whole
    place (city and district), not for its first place word only."""
    r = one("2021年雲州市青禾區政府工作報告\n各位代表：\n現在，我代表區人民政府向大會報告工作，請予審議。\n"
            "一、過去一年的工作\n全年完成地區生產總值120億元。\n")
    assert r.org == "雲州市青禾區人民政府", r.org_rule
