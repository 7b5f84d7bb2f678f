"""structure/bodies.py over its tables (bodies.yaml, levels.yaml, traditional.yaml): the written
cases of tests/cases/structure/bodies.yaml, and the tables' own consistency.  The entries'
examples and counter-examples run in test_rule_examples.py (matchers bodies:*, levels:*,
traditional:*)."""
import copy
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from workreport import rules
from workreport.errors import RuleDataError
from workreport.structure import bodies
from workreport.structure import city_text
from workreport.structure.bodies import classify_body, level_of

HERE = Path(__file__).resolve().parent
CASES = yaml.safe_load((HERE / "cases" / "structure" / "bodies.yaml").read_text("utf-8"))
BODIES = rules.load("bodies")
LEVELS = rules.load("levels")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_written_cases(case):
    m = classify_body(case["name"])
    assert m is not None, case
    assert m.domain == case["domain"], m
    assert set(case.get("accept", [])) <= set(m.domain_accept), m
    lv = level_of(case["name"])
    assert (lv.level if lv else None) == case["level"], lv


def test_enough_written_cases():
    assert len(CASES) >= 80


def test_city_level_from_text():
    assert city_text.city_level_from_text("市应急管理局指导各县(市、区)开展排查。全市各县区均已完成。") == "city"
    assert city_text.city_level_from_text("全市14个镇(街道)全部完成整治,各镇街按要求落实。") == "county_district"
    assert city_text.city_level_from_text("全年完成培训3200人次。") is None
    # a municipality's bureau: the provincial level, whatever else it says
    assert city_text.city_level_from_text("市交通委推进北京市轨道交通建设,北京市全年新增线路3条,各区落实。") == "province"
    assert city_text.city_level_from_text("赴北京市招商3次,全市各县区签约项目12个。") == "city"


def test_a_city_name_leaves_the_level_to_the_text():
    assert level_of("云岭市民政局").text_decides
    assert not level_of("白河县民政局").text_decides
    assert not level_of("北京市民政局").text_decides


def _genre_authors():
    for f in sorted((HERE / "cases" / "genre").glob("*.yaml")):
        for case in yaml.safe_load(f.read_text("utf-8")) or []:
            exp = case.get("expect", {})
            for e in [exp, *(exp.get("reports") or [])]:
                if e.get("org") and (e.get("level") or e.get("domain") or e.get("domain_accept")):
                    yield pytest.param(e, id=f"{case['id']}:{e['org']}")


@pytest.mark.parametrize("expect", list(_genre_authors()))
def test_genre_case_authors(expect):
    """The authors of tests/cases/genre (another engineer's reading of real pages): the name alone
    gives their domain, and their level unless the name leaves it to the text (a 市)."""
    m = classify_body(expect["org"])
    if expect.get("domain") or expect.get("domain_accept"):
        assert m is not None and m.domain in {expect.get("domain"), *expect.get("domain_accept", [])}, m
    if expect.get("level"):
        lv = level_of(expect["org"])
        assert lv is not None and (lv.level == expect["level"] or lv.text_decides), lv


def _fixture_authors():
    gold = HERE / "fixtures" / "genre" / "gold.yaml"
    for r in (yaml.safe_load(gold.read_text("utf-8")) or {}).get("files", []) if gold.exists() else []:
        if r.get("org"):
            yield pytest.param(r, id=r["file"])


@pytest.mark.parametrize("gold", list(_fixture_authors()))
def test_genre_fixture_authors(gold):
    """The authors of the genre fixtures (tests/fixtures/genre/gold.yaml): domain from the name;
    level from the name unless the name alone cannot tell (住建局, a 市)."""
    m = classify_body(gold["org"])
    assert m is not None and m.domain in {gold.get("domain"), *(gold.get("domain_accept") or [])}, m
    lv = level_of(gold["org"])
    assert lv is None or lv.text_decides or lv.level == gold["level"], lv


def test_traditional_map_is_one_to_one_and_final():
    chars = rules.load("traditional")["fold"]["chars"]
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in chars.items())
    assert not set(chars) & set(chars.values()), "a key that is itself a simplified form"


def test_every_form_names_its_own_body():
    t = bodies.table()
    wrong = []
    for form in t.forms:
        f = t.form(form)
        m = classify_body(form)
        if m is None or m.id != t.entries[f.entry]["id"]:
            wrong.append((form, t.entries[f.entry]["id"], m and m.id))
    assert not wrong, wrong[:20]


def test_provenance_of_a_match():
    m = classify_body("云岭市青山区民政局")
    assert (m.form, m.prefix, m.organ, m.rule) == ("民政局", "云岭市青山区", "局", "bodies.end")
    assert classify_body("白河县财政局党组").rule == "bodies.end.trailer"
    assert classify_body("政协白河县委员会").rule == "bodies.leading"
    b = classify_body("海滨市公安局东湖区分局")
    assert (b.rule, b.branch, b.organ) == ("bodies.end.branch", "东湖区", "分局")


def test_unknown_and_empty_names():
    assert classify_body("") is None and level_of("") is None
    assert classify_body("我局") is None and level_of("我局") is None
    assert classify_body("关于加强某项工作的通知") is None


def test_domains_are_the_contract_vocabulary():
    contract = HERE.parent.parent.parent / "shared" / "CONTRACT.md"
    if not contract.exists():
        contract = Path("/work/shared/CONTRACT.md")
    if not contract.exists():
        pytest.skip("CONTRACT.md not available")
    text = contract.read_text("utf-8")
    block = text.split("`domain`", 1)[1].split("(城管", 1)[0]
    labels = [w for w in re.split(r"[\s·]+", block.split(":", 1)[1]) if re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    assert labels == BODIES["domains"]


def _table_with(change):
    data = copy.deepcopy(BODIES)
    change(data)
    return bodies._Table(data, LEVELS, rules.load("traditional"))


def test_a_form_of_two_bodies_is_reported():
    def clash(d):
        d["bodies"][0]["forms"] = d["bodies"][0].get("forms", []) + ["审计局"]
    with pytest.raises(RuleDataError) as err:
        _table_with(clash)
    assert "审计局" in str(err.value) and "body.audit" in str(err.value)


def test_every_problem_is_reported_at_once():
    def break_it(d):
        d["bodies"][0]["domain"] = "党建"                  # not in the contract's vocabulary
        d["bodies"][1]["domain_accept"] = ["住建"]
        d["bodies"][2]["places"] = "no_such_group"
        d["place_groups"]["street"].append("大街")          # not a place word of levels.yaml
        d["bodies"][0]["forms"] = d["bodies"][0].get("forms", []) + ["审计局"]
    with pytest.raises(RuleDataError) as err:
        _table_with(break_it)
    assert len(err.value.problems) >= 5, err.value.problems


def test_the_schema_rejects_a_misspelled_key():
    data = copy.deepcopy(BODIES)
    data["bodies"][0]["domian"] = "审计"
    problems = rules.validate("bodies", data)
    assert any("domian" in p and data["bodies"][0]["id"] in p for p in problems), problems


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市县区镇乡街道局委办厅部中心所站队院会联公司集团政府人民党组XX*某（）() 縣區審計科技经信和与、")), max_size=30))
def test_matching_any_text_never_raises(text):
    m = classify_body(text)
    lv = level_of(text)
    assert m is None or m.domain in BODIES["domains"]
    assert lv is None or lv.level in {"national", "province", "city", "county_district",
                                      "township_street", "enterprise_other"}
