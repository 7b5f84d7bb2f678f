"""Corrections that stick: a report's org, level, domain and year edited by a person survive an
ingest of the same file, a re-parse, a new rules version and a parser that cuts the document
differently; every reader sees them; every change is logged."""
from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from workreport.errors import EditError, NotInLibrary
from workreport.model import Paragraph, ParsedDocument, Report
from workreport.store import Library
from workreport.store.overrides import Override, display_name, match

ROOT = Path(__file__).resolve().parent.parent
DISTRICT = ROOT / "samples" / "district"
GOLD = yaml.safe_load((DISTRICT / "gold.yaml").read_text("utf-8"))
C2024 = DISTRICT / "青山区2024年工作总结汇编.txt"


# -- a parser whose "rules" are the lines its reports start on --------------------------------


def cutting_at(*starts: int, org_prefix: str = ""):
    """A parser that cuts the document into reports starting on ``starts``; each report's org is
    its first line (so a test knows what the parser says), level city, year 2024."""

    def parse(doc) -> ParsedDocument:
        reports = []
        n = len(doc.lines)
        for i, s in enumerate(starts):
            end = (starts[i + 1] - 1) if i + 1 < len(starts) else n
            paras = tuple(Paragraph(line_start=k, line_end=k, text=doc.lines[k - 1], pieces=((k, 0),))
                          for k in range(s, end + 1) if doc.lines[k - 1].strip())
            reports.append(Report(start_line=s, end_line=end, org=org_prefix + doc.lines[s - 1][:6], level="city",
                                  year=2024, domain="其他", title=doc.lines[s - 1], paragraphs=paras, rule="test.cut"))
        return ParsedDocument(document=doc, furniture_lines=(), reports=tuple(reports))

    parse.rules_version = "cut:" + ",".join(map(str, starts)) + org_prefix
    return parse


TEXT = [
    "甲局2024年工作总结", "甲局全年完成投资3亿元，隐患整改率100%。", "",
    "乙局2024年工作总结", "乙局全年新增就业1200人。", "乙局排查隐患45处。", "",
    "丙局2024年工作总结", "丙局完成造林2万亩。", "",
]


@pytest.fixture
def doc_path(tmp_path) -> Path:
    p = tmp_path / "docs" / "汇编.txt"
    p.parent.mkdir()
    p.write_text("\n".join(TEXT) + "\n", encoding="utf-8")
    return p


def _by_start(lib) -> dict[int, dict]:
    return {r["start_line"]: r for r in lib.reports(limit=500)["items"]}


# -- validation and the log -------------------------------------------------------------------


def test_edit_is_checked_against_the_closed_vocabularies(db_location, tmp_path, doc_path):
    with Library(db_location, parser=cutting_at(1, 4, 8)) as lib:
        lib.ingest([doc_path], workers=1)
        rid = _by_start(lib)[4]["id"]
        for bad in ({"level": "district"}, {"domain": "城建"}, {"year": "二〇二四"}, {"year": 1800},
                    {"colour": "red"}, {"org": "局" * 101}):
            with pytest.raises(EditError):
                lib.edit_report(rid, bad)
        with pytest.raises(NotInLibrary):
            lib.edit_report(99999, {"year": 2024})
        # a level may be given as its Chinese label; --unit is the old name of org
        done = lib.edit_report(rid, {"level": "县区级", "unit": " 乙  局 "})
        assert {c["field"]: c["new"] for c in done} == {"level": "county_district", "org": "乙 局"}
        assert lib.edit_report(rid, {"level": "county_district"}) == []  # no change, nothing logged
        assert len(lib.edits(report_id=rid)) == 2


def test_every_change_is_logged_with_time_and_old_and_new_value(db_location, tmp_path, doc_path):
    with Library(db_location, parser=cutting_at(1, 4, 8)) as lib:
        lib.ingest([doc_path], workers=1)
        rid = _by_start(lib)[4]["id"]
        lib.edit_report(rid, {"year": 2023}, source="cli")
        lib.edit_report(rid, {"year": 2025}, source="web")
        lib.edit_report(rid, {"year": None}, source="web")  # back to the parser's value
        log = lib.edits(report_id=rid)
        assert [(e["field"], e["old"], e["new"], e["source"]) for e in log] == [
            ("year", 2025, 2024, "web"), ("year", 2023, 2025, "web"), ("year", 2024, 2023, "cli")]
        assert all(e["at"][:4].isdigit() and e["document"] == "汇编.txt" for e in log)
        assert lib.report(rid)["year"] == 2024 and lib.report(rid)["corrections"] == {}


# -- sticking ---------------------------------------------------------------------------------


def test_a_correction_survives_reingest_reparse_and_a_rules_upgrade(db_location, tmp_path):
    """The real parser on the district compilation: the 2024 民政局 report's org, level, domain
    and year corrected; the same file ingested again, re-parsed, and read by a new rules version."""
    db = db_location
    gold = next(r for r in GOLD["compilations"][0]["reports"] if "民政" in (r.get("org") or ""))
    with Library(db) as lib:
        lib.ingest([C2024], workers=1)
        rep = next(r for r in lib.reports(limit=500)["items"] if r["start_line"] <= gold["start"] <= r["end_line"])
        fix = {"org": "青山区民政局（更正）", "level": "county_district", "domain": "民政", "year": 2023}
        lib.edit_report(rep["id"], fix, source="test")

        def fixed(lib) -> dict:
            hits = [r for r in lib.reports(limit=500)["items"] if r["org"] == fix["org"]]
            assert len(hits) == 1, [r["org"] for r in lib.reports(limit=500)["items"]]
            assert {k: hits[0][k] for k in fix} == fix
            return hits[0]

        fixed(lib)
        assert lib.ingest([C2024], workers=1)["documents_unchanged"] == 1
        fixed(lib)
        assert lib.reparse() == {"documents": 1, "reports": lib.stats()["reports"]}
        again = fixed(lib)  # stored anew, its log follows it
        assert {e["field"]: e["new"] for e in lib.edits(report_id=again["id"])} == \
            {k: v for k, v in fix.items() if rep[k] != v}
    with Library(db, rules_version="a later version") as lib:
        summary = lib.ingest([C2024], workers=1)
        assert summary["documents_reparsed"] == 1 and summary["documents_new"] == 0
        fixed(lib)
        assert {d["rules_version"] for d in lib.documents()} == {"a later version"}


def test_deleting_a_document_and_importing_it_again_keeps_its_corrections(db_location, tmp_path, doc_path):
    with Library(db_location, parser=cutting_at(1, 4, 8)) as lib:
        lib.ingest([doc_path], workers=1)
        lib.edit_report(_by_start(lib)[8]["id"], {"org": "丙局（更正）"})
        lib.delete_document(lib.documents()[0]["id"], source="test")
        assert lib.reports()["total"] == 0
        assert lib.edits()[0]["action"] == "delete_document" and lib.edits()[0]["document"] == "汇编.txt"
        lib.ingest([doc_path], workers=1)
        assert _by_start(lib)[8]["org"] == "丙局（更正）"


def test_new_rules_cutting_the_document_differently(db_location, tmp_path, doc_path):
    """Version 1 cuts at 1, 4, 8.  Version 2 takes the title line of 乙局 into 甲局 (乙 now starts
    at 5) and merges 丙局 into 乙局.  乙局's correction follows it by its anchor-free fallback (the
    report holding its old first line); 丙局's has no report of its own any more: it is kept,
    listed as unmatched, and not applied to 乙局."""
    db = db_location
    with Library(db, parser=cutting_at(1, 4, 8)) as lib:
        lib.ingest([doc_path], workers=1)
        by = _by_start(lib)
        lib.edit_report(by[1]["id"], {"domain": "财政"})
        lib.edit_report(by[4]["id"], {"org": "乙局（更正）", "year": 2023})
        lib.edit_report(by[8]["id"], {"org": "丙局（更正）"})
    with Library(db, parser=cutting_at(1, 5)) as lib:
        assert lib.ingest([doc_path], workers=1)["documents_reparsed"] == 1
        by = _by_start(lib)
        assert set(by) == {1, 5}
        assert by[1]["domain"] == "财政" and by[1]["org"] == TEXT[0][:6]
        assert by[5]["org"] == "乙局（更正）" and by[5]["year"] == 2023
        assert [u["value"] for u in lib.unmatched_corrections()] == [{"org": "丙局（更正）"}]
    with Library(db, parser=cutting_at(1, 4, 8, org_prefix="新")) as lib:  # back to three reports
        lib.ingest([doc_path], workers=1)
        by = _by_start(lib)
        assert by[4]["org"] == "乙局（更正）" and by[8]["org"] == "丙局（更正）" and by[1]["domain"] == "财政"
        assert lib.unmatched_corrections() == []


def test_an_edited_file_keeps_the_corrections_of_the_reports_it_still_has(db_location, tmp_path, doc_path):
    db = db_location
    with Library(db, parser=cutting_at(1, 4, 8)) as lib:
        lib.ingest([doc_path], workers=1)
        lib.edit_report(_by_start(lib)[8]["id"], {"org": "丙局（更正）"})
    # two lines added at the top: every report moves down by two, the text of its first line stays
    doc_path.write_text("\n".join(["封面", ""] + TEXT) + "\n", encoding="utf-8")
    with Library(db, parser=cutting_at(1, 3, 6, 10)) as lib:
        lib.ingest([doc_path], workers=1)
        assert _by_start(lib)[10]["org"] == "丙局（更正）"
        assert lib.documents()[0]["n_reports"] == 4


def test_a_deleted_report_stays_deleted_but_only_where_the_same_report_is_cut(db_location, tmp_path, doc_path):
    db = db_location
    with Library(db, parser=cutting_at(1, 4, 8)) as lib:
        lib.ingest([doc_path], workers=1)
        gone = _by_start(lib)[4]
        assert lib.delete_report(gone["id"], source="test")["document"] == "汇编.txt"
        assert set(_by_start(lib)) == {1, 8} and lib.search("新增就业")["total"] == 0
        assert lib.documents()[0]["n_reports"] == 2
        lib.reparse()
        assert set(_by_start(lib)) == {1, 8}
        assert lib.edits()[0]["action"] == "delete_report"
    # rules that cut 乙局 together with 丙局: not the report that was deleted, so it is kept
    with Library(db, parser=cutting_at(1, 4)) as lib:
        lib.ingest([doc_path], workers=1)
        assert set(_by_start(lib)) == {1, 4}


# -- read everywhere --------------------------------------------------------------------------


def test_every_reader_sees_the_corrected_values(db_location, tmp_path):
    db = db_location
    with Library(db) as lib:
        lib.ingest([DISTRICT / "青山区2024年工作总结汇编.txt", DISTRICT / "青山区2025年工作总结汇编.txt"], workers=1)
        items = lib.reports(limit=500)["items"]
        # two reports of one body in two years, renamed together
        org = next(r["org"] for r in items if r["org"] and r["year"] == 2025
                   and any(x["org"] == r["org"] and x["year"] == 2024 for x in items) and r["n_indicators"])
        pair = sorted((r for r in items if r["org"] == org), key=lambda r: r["year"])
        new_org = "云州市青山区测试更正局"
        for r in pair:
            lib.edit_report(r["id"], {"org": new_org, "domain": "审计", "level": "city"})
        assert [r["id"] for r in lib.reports(org="测试更正", domain="审计", level="city", limit=10)["items"]] == \
            [pair[1]["id"], pair[0]["id"]]
        assert lib.facets()["domain"]["审计"] == 2 and lib.facets()["level"]["city"] == 2
        hits = lib.search("工作", org="测试更正", domain="审计", level="city")
        assert hits["total"] > 0 and {h["org"] for h in hits["hits"]} == {new_org}
        measure = next(i["measure"] for i in lib.report(pair[1]["id"])["indicators"] if i["measure"])
        rows = lib.compare(measure, org="测试更正")["rows"]
        assert rows and {r["org"] for r in rows} == {new_org}
        cols, table = lib.table("reports")
        assert sum(1 for row in table if row[cols.index("org")] == new_org) == 2
        assert {"org": new_org, "old": pair[0]["id"], "new": pair[1]["id"]}.items() <= \
            next(p for p in lib.track_pairs() if p["org"] == new_org).items()
        tracked = lib.track(pair[0]["id"], pair[1]["id"])
        assert tracked.old.org == new_org and tracked.new.org == new_org


# -- the pieces -------------------------------------------------------------------------------


def test_display_name_strips_only_the_files_own_hash():
    sha = "0123456789abcdef" * 4
    assert display_name("/srv/uploads/0123456789ab-青山区汇编.txt", sha) == "青山区汇编.txt"
    assert display_name("/srv/uploads/0123456789ab-青山区汇编.txt", "f" * 64) == "0123456789ab-青山区汇编.txt"
    assert display_name("C:\\报告\\汇编.docx") == "汇编.docx"


def test_match_never_gives_two_corrections_one_report():
    reports = [{"start_line": 1, "end_line": 9, "org": "甲", "title": None},
               {"start_line": 10, "end_line": 20, "org": "乙", "title": None}]
    lines = ["x"] * 20

    def ov(i, start, org, deleted=False):
        return Override(id=i, doc_sha256="s", doc_path="p", start_line=start, anchor="", title=None,
                        parsed={"org": org, "end_line": start + 4}, value={"org": "改"}, deleted=deleted)

    # both old reports lay inside the first new one: the one starting on its line takes it
    assert match([ov(1, 5, "丙"), ov(2, 1, "丁")], reports, lines, "s") == {2: 0}
    # a deletion never follows a report whose lines changed
    assert match([ov(3, 1, "甲", deleted=True)], reports, lines, "s") == {}
    assert match([replace(ov(3, 1, "甲", deleted=True), parsed={"org": "甲", "end_line": 9})], reports, lines,
                 "s") == {3: 0}


def test_the_library_tables_are_created_by_a_migration(tmp_path):
    with Library(tmp_path / "m.db"):
        pass
    conn = sqlite3.connect(tmp_path / "m.db")
    cols = {r[1] for r in conn.execute("PRAGMA table_info(reports)")}
    assert "override_id" in cols
    assert {r[1] for r in conn.execute("PRAGMA table_info(documents)")} >= {"name", "rules_version"}
    assert conn.execute("SELECT count(*) FROM edit_log").fetchone()[0] == 0
    conn.close()


def test_an_upload_is_named_by_its_own_name(db_location, tmp_path):
    data = (C2024).read_bytes()
    import hashlib

    stored = tmp_path / f"{hashlib.sha256(data).hexdigest()[:12]}-青山区汇编.txt"
    shutil.copy(C2024, stored)
    with Library(db_location) as lib:
        lib.ingest([stored], workers=1)
        assert {r["document"] for r in lib.reports(limit=500)["items"]} == {"青山区汇编.txt"}
        assert {h["document"] for h in lib.search("工作")["hits"]} == {"青山区汇编.txt"}
