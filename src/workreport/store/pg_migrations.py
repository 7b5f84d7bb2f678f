"""PostgreSQL schema migrations, recorded in ``schema_migrations`` as the SQLite ones
(migrations.py).  Version 3 here is the schema SQLite reaches at its version 3; from there on a
version number is the same change in both lists (docs/SCALING.md, "A new column").

Types match what SQLite gives back: INTEGER/BIGINT -> int, DOUBLE PRECISION -> float (REAL
would be float4), TEXT -> str, BYTEA -> bytes.  Every text column is COLLATE "C", so ORDER BY
sorts by code point as SQLite does, whatever the database's default collation.
"""
from __future__ import annotations

PG_MIGRATIONS: list[tuple[int, str, str]] = [
    (
        3,
        "initial schema (SQLite's versions 1-3) with the search index: grams and trigrams",
        """
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT COLLATE "C" NOT NULL,
    sha256 TEXT COLLATE "C" NOT NULL UNIQUE,
    format TEXT COLLATE "C", encoding TEXT COLLATE "C", size BIGINT,
    n_lines INTEGER NOT NULL, n_reports INTEGER NOT NULL, n_paragraphs INTEGER NOT NULL,
    n_indicators INTEGER NOT NULL, n_findings INTEGER NOT NULL,
    furniture_lines TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    problems TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    lines_z BYTEA NOT NULL,
    ingested_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX documents_path ON documents(path);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL,
    org TEXT COLLATE "C", org_line INTEGER, level TEXT COLLATE "C", region TEXT COLLATE "C",
    domain TEXT COLLATE "C", year INTEGER, title TEXT COLLATE "C", rule TEXT COLLATE "C",
    n_paragraphs INTEGER NOT NULL, n_indicators INTEGER NOT NULL, n_pairs INTEGER NOT NULL,
    n_plan_items INTEGER NOT NULL, n_findings INTEGER NOT NULL
);
CREATE INDEX reports_document ON reports(document_id);
CREATE INDEX reports_org ON reports(org);
CREATE INDEX reports_year ON reports(year);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, line INTEGER NOT NULL, end_line INTEGER,
    heading TEXT COLLATE "C" NOT NULL, ordinal TEXT COLLATE "C", inferred_ordinal TEXT COLLATE "C",
    depth INTEGER NOT NULL, role TEXT COLLATE "C", family TEXT COLLATE "C", rule TEXT COLLATE "C"
);
CREATE INDEX sections_report ON sections(report_id);

CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, line_start INTEGER NOT NULL, line_end INTEGER NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    section_id INTEGER,
    section_path TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    role TEXT COLLATE "C"
);
CREATE INDEX paragraphs_report ON paragraphs(report_id, id);
-- terms of 3+ characters: LIKE '%term%' through trigrams (needs a UTF-8 LC_CTYPE for Chinese)
CREATE INDEX paragraphs_text_trgm ON paragraphs USING gin (text gin_trgm_ops);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, line INTEGER NOT NULL, span TEXT COLLATE "C", col INTEGER,
    value TEXT COLLATE "C", number DOUBLE PRECISION, unit TEXT COLLATE "C", measure TEXT COLLATE "C",
    kind TEXT COLLATE "C", normalized_value DOUBLE PRECISION, normalized_unit TEXT COLLATE "C",
    low DOUBLE PRECISION, high DOUBLE PRECISION, qualifier TEXT COLLATE "C", rule TEXT COLLATE "C"
);
CREATE INDEX indicators_report ON indicators(report_id);
CREATE INDEX indicators_measure ON indicators(measure);

CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, line INTEGER NOT NULL, measure TEXT COLLATE "C", target TEXT COLLATE "C",
    actual TEXT COLLATE "C", completion DOUBLE PRECISION, rule TEXT COLLATE "C",
    target_json TEXT COLLATE "C", actual_json TEXT COLLATE "C"
);
CREATE INDEX pairs_report ON pairs(report_id);

CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, line INTEGER NOT NULL, text TEXT COLLATE "C", deadline TEXT COLLATE "C",
    lead_org TEXT COLLATE "C", rule TEXT COLLATE "C", targets_json TEXT COLLATE "C" NOT NULL DEFAULT '[]'
);
CREATE INDEX plan_items_report ON plan_items(report_id);

CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, line INTEGER NOT NULL, rule TEXT COLLATE "C", severity TEXT COLLATE "C",
    message TEXT COLLATE "C", wrong TEXT COLLATE "C", "right" TEXT COLLATE "C"
);
CREATE INDEX findings_report ON findings(report_id);

-- terms of 1 and 2 characters: every character and every character bigram of a paragraph as
-- lexemes (hex code points, so no text parser touches them) of a tsvector under GIN.  A very
-- long paragraph takes several rows (a tsvector holds at most 1 MB).
CREATE TABLE para_grams (
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    chunk INTEGER NOT NULL,
    grams TSVECTOR NOT NULL,
    PRIMARY KEY (paragraph_id, chunk)
);
CREATE INDEX para_grams_gin ON para_grams USING gin (grams);

-- what bm25 needs about the whole index, kept as SQLite's FTS5 keeps it (pgsearch.py)
CREATE TABLE search_totals (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    n_rows BIGINT NOT NULL, bi_tokens BIGINT NOT NULL, uni_tokens BIGINT NOT NULL
);
INSERT INTO search_totals VALUES (1, 0, 0, 0);
""",
    ),
    (
        4,
        "corrections that stick: overrides, edit log, document display names, rules version",
        """
CREATE TABLE overrides (
    id INTEGER PRIMARY KEY,
    doc_sha256 TEXT COLLATE "C" NOT NULL,
    doc_path TEXT COLLATE "C" NOT NULL,
    start_line INTEGER NOT NULL,
    anchor TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C",
    parsed TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    value TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX overrides_sha ON overrides(doc_sha256);
CREATE INDEX overrides_path ON overrides(doc_path);

CREATE TABLE edit_log (
    id INTEGER PRIMARY KEY,
    at TEXT COLLATE "C" NOT NULL,
    action TEXT COLLATE "C" NOT NULL,
    override_id INTEGER,
    report_id INTEGER, document TEXT COLLATE "C", doc_sha256 TEXT COLLATE "C", start_line INTEGER,
    label TEXT COLLATE "C", field TEXT COLLATE "C", old TEXT COLLATE "C", new TEXT COLLATE "C",
    source TEXT COLLATE "C"
);
CREATE INDEX edit_log_override ON edit_log(override_id);

ALTER TABLE reports ADD COLUMN override_id INTEGER;
ALTER TABLE documents ADD COLUMN name TEXT COLLATE "C";
ALTER TABLE documents ADD COLUMN rules_version TEXT COLLATE "C";
""",
    ),
    (
        5,
        "figures: the measure as written beside its canonical name, and the period each figure is about",
        """
ALTER TABLE indicators ADD COLUMN measure_phrase TEXT COLLATE "C";
ALTER TABLE indicators ADD COLUMN period INTEGER;
ALTER TABLE indicators ADD COLUMN period_end INTEGER;
ALTER TABLE indicators ADD COLUMN period_kind TEXT COLLATE "C";
ALTER TABLE indicators ADD COLUMN period_rule TEXT COLLATE "C";
CREATE INDEX indicators_measure_period ON indicators(measure, period);
""",
    ),
    (6, "one copy per document: text fingerprint, long paragraphs, sources, near-duplicate bands", "_migrate_6"),
]

_MIGRATE_6 = """
ALTER TABLE documents ADD COLUMN text_sha256 TEXT COLLATE "C";
ALTER TABLE documents ADD COLUMN shingles BYTEA;
ALTER TABLE documents ADD COLUMN bands TEXT COLLATE "C";
CREATE INDEX documents_text ON documents(text_sha256);

CREATE TABLE document_sources (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    path TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C",
    sha256 TEXT COLLATE "C" NOT NULL,
    format TEXT COLLATE "C",
    size BIGINT,
    similarity DOUBLE PRECISION NOT NULL,
    added_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX document_sources_sha ON document_sources(sha256);
CREATE INDEX document_sources_document ON document_sources(document_id);

CREATE TABLE document_bands (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    band TEXT COLLATE "C" NOT NULL
);
CREATE INDEX document_bands_band ON document_bands(band);
CREATE INDEX document_bands_document ON document_bands(document_id);
"""


def _migrate_6(cur) -> None:
    """The tables above, and the fingerprints of the documents already stored (as SQLite's 6)."""
    from .copies import bands, shingles, text_sha256
    from .rows import unpack_lines

    cur.execute(_MIGRATE_6)
    cur.execute("SELECT id, lines_z FROM documents")
    for doc_id, lines_z in cur.fetchall():
        lines = unpack_lines(bytes(lines_z))
        sh = shingles(lines)
        bs = bands(sh)
        cur.execute("UPDATE documents SET text_sha256 = %s, shingles = %s, bands = %s WHERE id = %s",
                    (text_sha256(lines), sh, " ".join(bs), doc_id))
        cur.executemany("INSERT INTO document_bands(document_id, band) VALUES (%s, %s)", [(doc_id, b) for b in bs])


def apply_step(cur, step: str) -> None:
    """One migration: its SQL, or (a name starting with ``_migrate_``) this module's function."""
    if step.startswith("_migrate_"):
        globals()[step](cur)
    else:
        cur.execute(step)


LATEST = max(v for v, _, _ in PG_MIGRATIONS)  # the same number as migrations.LATEST (a test checks)
