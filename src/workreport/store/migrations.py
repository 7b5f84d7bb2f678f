"""Numbered schema migrations; the applied ones are recorded in ``schema_migrations``.

Never edit a migration that has shipped: append a new one.  Each runs in its own transaction.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "initial schema",
        """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    format TEXT,
    encoding TEXT,
    size INTEGER,
    n_lines INTEGER NOT NULL,
    n_reports INTEGER NOT NULL,
    n_paragraphs INTEGER NOT NULL,
    n_indicators INTEGER NOT NULL,
    n_findings INTEGER NOT NULL,
    chrome_lines TEXT NOT NULL DEFAULT '[]',
    problems TEXT NOT NULL DEFAULT '[]',
    lines_z BLOB NOT NULL,            -- zlib(JSON list of the document's lines): the source text, once
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_path ON documents(path);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    unit TEXT, unit_line INTEGER, level TEXT, region TEXT, domain TEXT, year INTEGER, title TEXT,
    rule TEXT,
    n_paragraphs INTEGER NOT NULL, n_indicators INTEGER NOT NULL, n_pairs INTEGER NOT NULL,
    n_plan_items INTEGER NOT NULL, n_findings INTEGER NOT NULL
);
CREATE INDEX reports_document ON reports(document_id);
CREATE INDEX reports_unit ON reports(unit);
CREATE INDEX reports_year ON reports(year);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    line INTEGER NOT NULL, end_line INTEGER,
    heading TEXT NOT NULL, ordinal TEXT, inferred_ordinal TEXT,
    depth INTEGER NOT NULL, role TEXT, family TEXT, rule TEXT
);
CREATE INDEX sections_report ON sections(report_id);

CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    line_start INTEGER NOT NULL, line_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    section_id INTEGER,
    section_path TEXT NOT NULL DEFAULT '[]',
    role TEXT
);
CREATE INDEX paragraphs_report ON paragraphs(report_id);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    line INTEGER NOT NULL, span TEXT, col INTEGER,
    value TEXT, number REAL, unit TEXT, measure TEXT, kind TEXT,
    normalized_value REAL, normalized_unit TEXT, low REAL, high REAL, qualifier TEXT, rule TEXT
);
CREATE INDEX indicators_report ON indicators(report_id);
CREATE INDEX indicators_measure ON indicators(measure);

CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    line INTEGER NOT NULL, measure TEXT, target TEXT, actual TEXT, completion REAL, rule TEXT,
    target_json TEXT, actual_json TEXT
);
CREATE INDEX pairs_report ON pairs(report_id);

CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    line INTEGER NOT NULL, text TEXT, deadline TEXT, lead_unit TEXT, rule TEXT,
    targets_json TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX plan_items_report ON plan_items(report_id);

CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    line INTEGER NOT NULL, rule TEXT, severity TEXT, message TEXT, wrong TEXT, "right" TEXT
);
CREATE INDEX findings_report ON findings(report_id);

-- Paragraph search (see search.py): token streams made in Python, hex-coded so unicode61 never
-- drops or splits a character.  para_bi: overlapping bigrams with positions (a phrase of
-- consecutive bigrams = an exact substring).  para_uni: single characters, no positions (for
-- 1-character queries; small).  Both contentless, rowid = paragraphs.id; rows are removed with
-- the 'delete' command and the same streams, regenerated from paragraphs.text.
CREATE VIRTUAL TABLE para_bi USING fts5(bi, content='', tokenize='unicode61');
CREATE VIRTUAL TABLE para_uni USING fts5(uni, content='', tokenize='unicode61', detail=none);
""",
    ),
    (2, "search: filter tokens in the FTS tables, covering index paragraph -> report", "_migrate_2"),
    (
        3,
        "one name per concept: org is the body that wrote a report, unit only a unit of measure",
        """
ALTER TABLE reports RENAME COLUMN unit TO org;
ALTER TABLE reports RENAME COLUMN unit_line TO org_line;
DROP INDEX reports_unit;
CREATE INDEX reports_org ON reports(org);
ALTER TABLE plan_items RENAME COLUMN lead_unit TO lead_org;
ALTER TABLE documents RENAME COLUMN chrome_lines TO furniture_lines;
""",
    ),
    (4, "corrections that stick: overrides, edit log, document display names, rules version", "_migrate_4"),
    (
        5,
        "figures: the measure as written beside its canonical name, and the period each figure is about",
        """
ALTER TABLE indicators ADD COLUMN measure_phrase TEXT;
ALTER TABLE indicators ADD COLUMN period INTEGER;
ALTER TABLE indicators ADD COLUMN period_end INTEGER;
ALTER TABLE indicators ADD COLUMN period_kind TEXT;
ALTER TABLE indicators ADD COLUMN period_rule TEXT;
CREATE INDEX indicators_measure_period ON indicators(measure, period);
""",
    ),
    (6, "one copy per document: text fingerprint, long paragraphs, sources, near-duplicate bands", "_migrate_6"),
]


LATEST = max(v for v, _, _ in MIGRATIONS)


def _migrate_2(conn) -> None:
    """Filters (year, level, domain, role, report) become FTS tokens in a second column ``meta``,
    so a filtered search is an index intersection, not a join over every match.  Rebuilds the
    two FTS tables from the stored paragraphs."""
    from .search import bigram_tokens, meta_tokens, unigram_tokens

    conn.execute("DROP TABLE IF EXISTS para_bi")
    conn.execute("DROP TABLE IF EXISTS para_uni")
    conn.execute("CREATE VIRTUAL TABLE para_bi USING fts5(bi, meta, content='', tokenize='unicode61')")
    conn.execute("CREATE VIRTUAL TABLE para_uni USING fts5(uni, meta, content='', tokenize='unicode61', detail=none)")
    conn.execute("CREATE INDEX IF NOT EXISTS paragraphs_report_cover ON paragraphs(id, report_id)")
    cur = conn.execute(
        "SELECT p.id, p.text, p.role, r.id AS report_id, r.year, r.level, r.domain FROM paragraphs p"
        " JOIN reports r ON r.id = p.report_id ORDER BY p.id"
    )
    while True:
        rows = cur.fetchmany(2000)
        if not rows:
            break
        metas = [meta_tokens(r["report_id"], r["year"], r["level"], r["domain"], r["role"]) for r in rows]
        conn.executemany("INSERT INTO para_bi(rowid, bi, meta) VALUES (?,?,?)",
                         [(r["id"], bigram_tokens(r["text"]), m) for r, m in zip(rows, metas)])
        conn.executemany("INSERT INTO para_uni(rowid, uni, meta) VALUES (?,?,?)",
                         [(r["id"], unigram_tokens(r["text"]), m) for r, m in zip(rows, metas)])


_MIGRATE_4 = """
CREATE TABLE overrides (
    id INTEGER PRIMARY KEY,
    doc_sha256 TEXT NOT NULL,         -- the document the corrected report was in ...
    doc_path TEXT NOT NULL,           -- ... and its path (an edited file keeps its corrections)
    start_line INTEGER NOT NULL,      -- the report: its first line,
    anchor TEXT NOT NULL,             -- that line's text,
    title TEXT,                       -- its title, and
    parsed TEXT NOT NULL DEFAULT '{}',  -- what the parser said of it (JSON), refreshed on each write
    value TEXT NOT NULL DEFAULT '{}',   -- the corrected fields (JSON: org, level, domain, year)
    deleted INTEGER NOT NULL DEFAULT 0, -- deleted by a person: never stored again
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX overrides_sha ON overrides(doc_sha256);
CREATE INDEX overrides_path ON overrides(doc_path);

CREATE TABLE edit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,             -- edit, delete_report, delete_document
    override_id INTEGER,              -- the correction (its report may be re-stored under a new id)
    report_id INTEGER, document TEXT, doc_sha256 TEXT, start_line INTEGER, label TEXT,
    field TEXT, old TEXT, new TEXT,   -- JSON values
    source TEXT
);
CREATE INDEX edit_log_override ON edit_log(override_id);

ALTER TABLE reports ADD COLUMN override_id INTEGER;
ALTER TABLE documents ADD COLUMN name TEXT;
ALTER TABLE documents ADD COLUMN rules_version TEXT;
"""


def _migrate_4(conn) -> None:
    """The tables of ``overrides.py``; ``documents.name`` filled from the stored paths."""
    from .overrides import display_name

    for stmt in _statements(_MIGRATE_4):
        conn.execute(stmt)
    rows = conn.execute("SELECT id, path, sha256 FROM documents").fetchall()
    conn.executemany("UPDATE documents SET name = ? WHERE id = ?",
                     [(display_name(r["path"], r["sha256"]), r["id"]) for r in rows])


_MIGRATE_6 = """
ALTER TABLE documents ADD COLUMN text_sha256 TEXT;
ALTER TABLE documents ADD COLUMN shingles BLOB;
ALTER TABLE documents ADD COLUMN bands TEXT;
CREATE INDEX documents_text ON documents(text_sha256);

-- Other files holding a stored document's text (same text: similarity 1) or nearly its text
-- (a near-duplicate, reported and not stored again); their bytes are known, so importing them
-- again changes nothing.
CREATE TABLE document_sources (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    name TEXT,
    sha256 TEXT NOT NULL,
    format TEXT,
    size INTEGER,
    similarity REAL NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX document_sources_sha ON document_sources(sha256);
CREATE INDEX document_sources_document ON document_sources(document_id);

-- MinHash bands of each document's long paragraphs (copies.py): candidates for near-duplicates
CREATE TABLE document_bands (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    band TEXT NOT NULL
);
CREATE INDEX document_bands_band ON document_bands(band);
CREATE INDEX document_bands_document ON document_bands(document_id);
"""


def _migrate_6(conn) -> None:
    """The tables above, and the fingerprints of the documents already stored (from their text)."""
    from .copies import bands, shingles, text_sha256
    from .rows import unpack_lines

    for stmt in _statements(_MIGRATE_6):
        conn.execute(stmt)
    for r in conn.execute("SELECT id, lines_z FROM documents").fetchall():
        lines = unpack_lines(r["lines_z"])
        sh = shingles(lines)
        bs = bands(sh)
        conn.execute("UPDATE documents SET text_sha256 = ?, shingles = ?, bands = ? WHERE id = ?",
                     (text_sha256(lines), sh, " ".join(bs), r["id"]))
        conn.executemany("INSERT INTO document_bands(document_id, band) VALUES (?, ?)", [(r["id"], b) for b in bs])


def apply(conn) -> list[int]:
    """Apply every pending migration; returns the versions applied now."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {r["version"] for r in conn.execute("SELECT version FROM schema_migrations")}
    applied = []
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        conn.execute("SAVEPOINT migrate")
        try:
            if sql.startswith("_migrate_"):  # a migration that needs Python (token streams)
                globals()[sql](conn)
            else:
                for stmt in _statements(sql):
                    conn.execute(stmt)
            conn.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, datetime('now'))",
                (version, name),
            )
        except BaseException:
            conn.execute("ROLLBACK TO migrate")
            conn.execute("RELEASE migrate")
            raise
        conn.execute("RELEASE migrate")
        applied.append(version)
    return applied


def _statements(sql: str):
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if buf.strip().endswith(";"):
            import sqlite3

            if sqlite3.complete_statement(buf):
                yield buf.strip()
                buf = ""
    if buf.strip():
        yield buf.strip()
