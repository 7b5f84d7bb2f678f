"""Writers that are no government department (round 10, wave 3): exact author names, where the
genre cases' containment check cannot tell a kind from a named body."""
import yaml
from pathlib import Path

import pytest

from workreport.ingest import document_from_bytes
from workreport.structure import structure

CASES = {c["id"]: c for c in yaml.safe_load((Path(__file__).parent / "cases" / "genre" / "blocks.yaml").read_text("utf-8"))}


def _first(case_id: str):
    _, reps = structure(document_from_bytes(CASES[case_id]["input"].encode("utf-8"), "t.txt"))
    return reps[0]


@pytest.mark.parametrize("case_id, org, rule", [
    ("block.place_title_over_league_opening", "镇团委", "org.subject.opening"),
    ("block.place_title_over_womens_federation_opening", "某某县妇联", "org.subject.opening"),
    ("block.kind_only_title_named_school", "青禾小学", "org.title.named_institution"),
])
def test_named_writer(case_id, org, rule):
    r = _first(case_id)
    assert (r.org, r.org_rule) == (org, rule)


@pytest.mark.parametrize("case_id, org", [
    ("block.not.town_report_opening_with_government", "青石镇"),
    ("block.not.kind_only_title_school_unnamed", "中学"),
])
def test_not_named_writer(case_id, org):
    assert _first(case_id).org == org
