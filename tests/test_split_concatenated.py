"""Every provincial report of ../shared/corpus (the 2025 texts and the 2026 web texts with their
page furniture) pasted one after the other with nothing between them: one report each, named
by its province, in order (issue 10).  And the suite's synthetic compilations (tests/synth.py,
240 seeds) split back at issue 10's 0.95 at least (docs/ACCURACY.md gives the measured figure
and the errors by cause)."""
import re

import pytest

import synth
from structure_helpers import CORPUS, requires_corpus
from workreport.ingest import document_from_bytes
from workreport.structure import structure

SYNTHETIC_FLOOR = 0.95  # issue 10's target; measured 0.967 (was 0.937 before the seam cues)
_PROVINCE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|省|市)$")


def _provincial():
    return sorted((CORPUS / "provincial_2025_docx" / "txt").glob("*.txt")) + \
        sorted((CORPUS / "provincial_2026_web" / "txt").glob("*.txt"))


@requires_corpus
@pytest.mark.slow
def test_all_provincial_reports_concatenated_split_into_one_each():
    files = _provincial()
    assert len(files) == 62
    text = "".join(f.read_text("utf-8") for f in files)
    _, reports = structure(document_from_bytes(text.encode("utf-8"), "provinces.txt"))
    provinces = [_PROVINCE_SUFFIX.sub("", re.sub(r"^\d{4}年?_?|_?政府工作报告$", "", f.stem)) for f in files]
    got = [r.org or "" for r in reports]
    assert len(reports) == 62, got
    wrong = [(p, g) for p, g in zip(provinces, got) if p not in g]
    assert not wrong, wrong


@requires_corpus
@pytest.mark.slow
def test_synthetic_compilations_split_back():
    seeds = list(synth.TEST_SEEDS)
    assert len(seeds) >= 200
    total = synth.score_seeds(seeds)
    assert total.f1 >= SYNTHETIC_FLOOR, (round(total.f1, 3), total.causes)
