"""Every real provincial report is one report with the top-level sections visible in its text."""
from pathlib import Path

import pytest
import yaml

from structure_helpers import CORPUS, requires_corpus
from workreport.ingest import read_document
from workreport.structure import structure

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "structure" / "corpus_top_sections.yaml").read_text("utf-8"))


@pytest.mark.parametrize("rel", sorted(CASES))
def test_provincial_report_top_sections(rel):
    path = CORPUS / rel
    if not path.exists():
        pytest.skip("corpus not available")
    chrome, reports = structure(read_document(path))
    assert len(reports) == 1, [r.start_line for r in reports]
    r = reports[0]
    got = [s.heading.strip()[:12] for s in r.sections]
    assert got == CASES[rel]
    assert r.level == "province"
    assert r.org and r.org.endswith("人民政府")
    # the year reported is the year before the report was delivered
    delivered = int(rel.split("/")[-1][:4])
    assert r.year == delivered - 1


@requires_corpus
def test_glossary_items_are_not_sections():
    path = CORPUS / "provincial_2025_docx" / "txt" / "2025年广东省政府工作报告.txt"
    doc = read_document(path)
    _, reports = structure(doc)
    glossary = next(i for i, l in enumerate(doc.lines, 1) if l.strip().startswith("附件"))
    from workreport.model import walk_sections

    assert all(s.line < glossary for s in walk_sections(reports[0].sections))


@requires_corpus
@pytest.mark.parametrize("year", ["1955", "1982", "1986", "2006", "2025"])
def test_national_report_is_one_report(year):
    path = CORPUS / "national_wikisource" / "txt" / f"{year}_国务院政府工作报告.txt"
    _, reports = structure(read_document(path))
    assert len(reports) == 1
