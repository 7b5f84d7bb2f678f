"""One copy per document: the same text from two files is one document with two sources, a
re-import changes nothing, and a near-duplicate (Jaccard of long paragraphs >= the threshold in
data/library.yaml) is reported and not stored twice; both sides of the threshold, every backend."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import CORPUS, quick_parse, table_counts
from workreport.store import Library, copies

NEAR = copies.setting("duplicates.near_jaccard")
MIN_CHARS = int(copies.setting("duplicates.paragraph_min_chars"))
PROVINCES = CORPUS / "provincial_2025_docx"


def _paragraphs(n: int, tag: str = "") -> list[str]:
    """``n`` distinct long paragraphs of a fictional report (each one a shingle)."""
    return [f"{i + 1}. 青山区{tag}第{i + 1}项工作：完成道路改造{i * 3 + 7}公里，新增就业{i + 40}人，群众满意度持续提升。"
            for i in range(n)]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _changed(lines: list[str], k: int) -> list[str]:
    """The same report with its first ``k`` paragraphs reworded (k paragraphs out, k new ones in)."""
    return [line.replace("群众满意度", "居民获得感") if i < k else line for i, line in enumerate(lines)]


def _k_for(n: int, above: bool) -> int:
    """How many of ``n`` paragraphs to change to land just above (or just below) the threshold:
    changing k of n gives Jaccard (n-k)/(n+k)."""
    ks = [k for k in range(n) if ((n - k) / (n + k) >= NEAR) == above]
    return max(ks) if above else min(ks)


# -- the measures themselves ---------------------------------------------------------------------


def test_same_text_whatever_the_spacing_blank_lines_and_full_width_forms():
    a = ["一、工作回顾", "", "全年完成投资１２亿元，同比增长５％。", "　　二、下步打算"]
    b = ["一、工作回顾", "全年完成投资12亿元，同比增长5%。  ", "", "二、下步打算", ""]
    assert copies.text_sha256(a) == copies.text_sha256(b)
    assert copies.text_sha256(a) != copies.text_sha256(a + ["三、其他"])
    assert copies.text_sha256(["", "  "]) is None  # no text: never anyone's copy


def test_short_lines_are_not_shingles_and_jaccard_counts_long_paragraphs():
    long_lines = _paragraphs(6)
    assert all(len(x) >= MIN_CHARS for x in long_lines)
    blob = copies.shingles(["各位代表：", "一、工作回顾", *long_lines])
    assert len(copies.unpack(blob)) == 6
    other = copies.unpack(copies.shingles(_changed(long_lines, 2)))
    assert copies.jaccard(copies.unpack(blob), other) == pytest.approx(4 / 8)


@pytest.mark.parametrize("above", [True, False])
def test_bands_find_documents_at_the_threshold(above):
    n = 40
    base = _paragraphs(n)
    k = _k_for(n, above)
    sim = copies.jaccard(copies.unpack(copies.shingles(base)), copies.unpack(copies.shingles(_changed(base, k))))
    assert copies.is_near(sim) == above
    if above:  # a near pair shares at least one band (the candidate search finds it)
        assert set(copies.bands(copies.shingles(base))) & set(copies.bands(copies.shingles(_changed(base, k))))
    assert copies.bands(copies.shingles(_paragraphs(int(copies.setting("duplicates.min_paragraphs")) - 1))) == []


# -- in a library, on every backend ----------------------------------------------------------------


def test_same_text_from_two_files_is_one_document_with_two_sources(quick_library, tmp_path):
    lines = ["青山区2024年工作总结", "", *_paragraphs(8)]
    (tmp_path / "a").mkdir()
    first = _write(tmp_path / "a" / "青山区2024年工作总结.txt", lines)
    second = _write(tmp_path / "青山区2024年工作总结（网页版）.txt", ["　　" + x + "  " for x in lines] + ["", ""])
    s = quick_library.ingest([first, second], workers=1)
    assert s["documents_new"] == 1 and s["documents_duplicate"] == 1
    assert s["duplicates"] == [{"path": str(second), "document_id": s["duplicates"][0]["document_id"],
                                "document": "青山区2024年工作总结.txt", "similarity": 1.0}]
    assert quick_library.stats()["documents"] == 1 and quick_library.stats()["reports"] == 1
    doc = quick_library.document(quick_library.documents()[0]["id"])
    assert [x["name"] for x in doc["sources"]] == ["青山区2024年工作总结（网页版）.txt"]
    assert doc["sources"][0]["similarity"] == 1.0
    # every hit once
    assert quick_library.search("道路改造")["total"] == 8
    before = table_counts(quick_library)
    again = quick_library.ingest([first, second], workers=1)
    assert again["documents_unchanged"] == 2 and again["documents_new"] == again["documents_duplicate"] == 0
    assert table_counts(quick_library) == before
    # the copy in the other order: still one document
    assert quick_library.ingest_bytes(second.read_bytes(), "again.txt")["documents_unchanged"] == 1


@pytest.mark.parametrize("above", [True, False])
def test_near_duplicate_is_reported_not_stored_and_the_threshold_holds(quick_library, tmp_path, above):
    base = _paragraphs(40)
    k = _k_for(40, above)
    a = _write(tmp_path / "总结.txt", base)
    b = _write(tmp_path / "总结（修改稿）.txt", _changed(base, k))
    s = quick_library.ingest([a, b], workers=1)
    if above:
        assert s["documents_new"] == 1 and s["documents_duplicate"] == 1
        assert s["duplicates"][0]["similarity"] == pytest.approx((40 - k) / (40 + k), abs=1e-4)
        assert s["duplicates"][0]["similarity"] < 1
        assert quick_library.stats()["documents"] == 1
        assert quick_library.ingest([b], workers=1)["documents_unchanged"] == 1  # reported once, then known
    else:
        assert s["documents_new"] == 2 and s["documents_duplicate"] == 0 and s["duplicates"] == []
        assert quick_library.stats()["documents"] == 2


def test_deleting_the_kept_copy_lets_the_other_file_in(quick_library, tmp_path):
    lines = _paragraphs(6)
    a, b = _write(tmp_path / "a.txt", lines), _write(tmp_path / "b.txt", lines + [""])
    quick_library.ingest([a, b], workers=1)
    (doc,) = quick_library.documents()
    assert quick_library.delete_document(doc["id"])
    s = quick_library.ingest([b], workers=1)
    assert s["documents_new"] == 1 and quick_library.documents()[0]["name"] == "b.txt"


def test_reparse_keeps_the_other_sources(quick_library, tmp_path):
    lines = _paragraphs(6)
    a, b = _write(tmp_path / "a.txt", lines), _write(tmp_path / "b.txt", lines + [""])
    quick_library.ingest([a, b], workers=1)
    assert quick_library.reparse()["documents"] == 1
    (doc,) = quick_library.documents()
    assert [x["name"] for x in quick_library.document(doc["id"])["sources"]] == ["b.txt"]
    assert quick_library.ingest([b], workers=1)["documents_unchanged"] == 1


def test_an_edited_file_that_now_copies_another_leaves_no_old_version(quick_library, tmp_path):
    a = _write(tmp_path / "a.txt", _paragraphs(6, "甲"))
    b = _write(tmp_path / "b.txt", _paragraphs(6, "乙"))
    quick_library.ingest([a, b], workers=1)
    _write(b, _paragraphs(6, "甲") + ["", ""])  # b edited into a's text
    s = quick_library.ingest([b], workers=1)
    assert s["documents_duplicate"] == 1
    assert [d["name"] for d in quick_library.documents()] == ["a.txt"]
    _write(b, _paragraphs(6, "丙"))  # and edited again into a report of its own
    assert quick_library.ingest([b], workers=1)["documents_new"] == 1
    docs = quick_library.documents()
    assert sorted(d["name"] for d in docs) == ["a.txt", "b.txt"]
    assert all(quick_library.document(d["id"])["sources"] == [] for d in docs)


def test_a_few_docx_and_txt_twins_of_the_corpus_are_one_document_each(db_location):
    names = ["2025年吉林省政府工作报告", "2025年河北省政府工作报告"]
    files = [PROVINCES / sub / f"{n}.{ext}" for n in names for sub, ext in (("docx", "docx"), ("txt", "txt"))]
    with Library(db_location, parser=quick_parse) as lib:
        s = lib.ingest(files, workers=1)
        assert s["documents_new"] == 2 and s["documents_duplicate"] == 2, s
        assert all(d["similarity"] == 1.0 for d in s["duplicates"])
        assert sorted(d["format"] for d in lib.documents()) == ["docx", "docx"]


def test_a_library_made_before_copies_were_known_gets_them(tmp_path):
    path = str(tmp_path / "old.db")
    lines = _paragraphs(6)
    with Library(path, parser=quick_parse) as lib:
        lib.ingest([_write(tmp_path / "a.txt", lines)], workers=1)
    conn = sqlite3.connect(path)  # back to the schema of migration 5
    conn.executescript("DROP TABLE document_sources; DROP TABLE document_bands; DROP INDEX documents_text;"
                       "ALTER TABLE documents DROP COLUMN text_sha256; ALTER TABLE documents DROP COLUMN shingles;"
                       "ALTER TABLE documents DROP COLUMN bands; DELETE FROM schema_migrations WHERE version = 6;")
    conn.close()
    with Library(path, parser=quick_parse) as lib:
        s = lib.ingest([_write(tmp_path / "b.txt", _changed(lines, 0) + [""])], workers=1)
        assert s["documents_duplicate"] == 1 and lib.stats()["documents"] == 1


@pytest.mark.parametrize("order", ["txt_first", "docx_first"])
def test_which_twin_is_kept_does_not_depend_on_the_order(db_location, order):
    """A docx and its txt: the docx is the document and the txt its source, whichever was written
    first (workers finish in any order); the summary counts one new document and one copy."""
    name = "2025年吉林省政府工作报告"
    docx, txt = PROVINCES / "docx" / f"{name}.docx", PROVINCES / "txt" / f"{name}.txt"
    files = [txt, docx] if order == "txt_first" else [docx, txt]
    with Library(db_location, parser=quick_parse) as lib:
        s = lib.ingest(files, workers=1)
        assert s["documents_new"] == 1 and s["documents_duplicate"] == 1, s
        assert s["duplicates"][0]["path"].endswith(".txt")
        (doc,) = lib.documents()
        assert doc["format"] == "docx"
        assert [x["format"] for x in lib.document(doc["id"])["sources"]] == ["txt"]
        assert lib.stats()["reports"] == len(lib.reports()["items"]) >= 1
        # and either file again changes nothing
        again = lib.ingest(files, workers=1)
        assert again["documents_unchanged"] == 2 and lib.stats()["documents"] == 1


def test_two_copies_in_one_format_keep_the_path_that_sorts_first(quick_library, tmp_path):
    lines = _paragraphs(6)
    b = _write(tmp_path / "b.txt", lines)
    a = _write(tmp_path / "a.txt", lines + [""])
    quick_library.ingest([b, a], workers=1)
    (doc,) = quick_library.documents()
    assert doc["name"] == "a.txt"
    assert [x["name"] for x in quick_library.document(doc["id"])["sources"]] == ["b.txt"]


def test_sources_travel_through_a_parquet_export(tmp_path, db_location):
    """export --format parquet -> ingest --from-parquet: the new library knows which files were
    copies (the docx kept, its txt a source), so importing the txt there changes nothing either."""
    name = "2025年吉林省政府工作报告"
    docx, txt = PROVINCES / "docx" / f"{name}.docx", PROVINCES / "txt" / f"{name}.txt"
    lines = _paragraphs(6)
    a, b = _write(tmp_path / "a.txt", lines), _write(tmp_path / "b.txt", lines + [""])
    with Library(str(tmp_path / "first.db"), parser=quick_parse) as first:
        first.ingest([docx, txt, a, b], workers=1)
        first.export("parquet", tmp_path / "pq")
        want = sorted((s[0], s[3], s[5], s[8]) for s in first.sources_table()[1])
    assert len(want) == 2
    with Library(db_location, parser=quick_parse) as moved:
        s = moved.ingest_parquet(tmp_path / "pq")
        assert s["documents_new"] == 2 and s["sources_added"] == 2
        assert sorted((x[0], x[3], x[5], x[8]) for x in moved.sources_table()[1]) == want
        for f in (txt, b):
            assert moved.ingest([f], workers=1)["documents_unchanged"] == 1
        assert moved.stats()["documents"] == 2
        # loading the folder again adds nothing
        assert moved.ingest_parquet(tmp_path / "pq")["sources_added"] == 0
