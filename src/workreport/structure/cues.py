"""What a single line or paragraph says about where a report begins: a title (as sites dress
it), an opening formula, a government work report's preamble, a signature.

These are the cues the furniture pass (anchors that end a block of page furniture) and the
splitter (evidence for a report start) share.  Patterns: data/split.yaml.  Every function
takes the raw text and, when the caller has it, the normalised text (``textnorm.norm``).
Titles are read after folding traditional characters (a title in traditional characters is a title).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rules
from ..model import Paragraph
from ..textnorm import norm
from .bodies import fold  # noqa: F401 (the one traditional-script fold; cues.fold is public)
from .headings import is_bare_heading, is_terminal, match_heading, strip_ordinal

_TABLE = "split"
_T = rules.load(_TABLE)
_TITLE = rules.pattern(_TABLE, "split.title")
_TITLE_MAX = int(rules.entry(_TABLE, "split.title")["max_chars"])
_GENRE_TITLE = rules.pattern(_TABLE, "split.genre_title")
_SUBTITLE = rules.pattern(_TABLE, "split.subtitle")
_SUBTITLE_DASH = rules.pattern(_TABLE, "split.subtitle_dash")
_GENRE_MAX = int(rules.entry(_TABLE, "split.genre_title")["max_chars"])
_DECORATION = rules.pattern(_TABLE, "split.title_decoration")
_DECORATION_ENDS = rules.Ends(_DECORATION.pattern)  # decorations end a line: most lines cannot hold one
_FUSED = rules.pattern(_TABLE, "split.fused_title")
_FUSED_TAGGED = rules.pattern(_TABLE, "split.fused_tagged_title")
_FUSED_GAP = rules.pattern(_TABLE, "split.fused_gap_title")
_FUSED_SPACE = rules.pattern(_TABLE, "split.fused_space_title")
_FUSED_NAMED = rules.pattern(_TABLE, "split.fused_named_title")
_GENRE_WORDS = rules.pattern(_TABLE, "split.fused_genre_end")
_FUSED_TWICE = rules.pattern(_TABLE, "split.fused_twice_title")
_TWICE_MIN = 8  # characters of a title printed twice run on (a shorter phrase is a genre word or two)
_SPACED = rules.pattern(_TABLE, "split.spaced")
_OCCASION = rules.pattern(_TABLE, "split.occasion_line")
_NAMED_TITLE = rules.pattern(_TABLE, "split.named_title")
# (id, pattern, first characters searched, last characters searched)
_INTRO = [(e["id"], rules.compiled(e["pattern"]), e.get("first_chars"), e.get("last_chars")) for e in _T["intro"]]
_PREAMBLE = [(e["id"], rules.compiled(e["pattern"])) for e in _T["preamble"]]
# cues that end their line ($): a line ending otherwise is not searched (rules.Ends)
_INTRO_ENDS = {rid: rules.Ends(pat.pattern) for rid, pat, _, _ in _INTRO}
_PREAMBLE_ENDS = {rid: rules.Ends(pat.pattern) for rid, pat in _PREAMBLE}
_FIRST = max(e.get("first_chars") or 0 for e in _T["intro"])
_LAST = max(e.get("last_chars") or 0 for e in _T["intro"])
_SIGNATURE = rules.pattern(_TABLE, "split.signature.date")
_SUBJECT_NAME = rules.pattern(_TABLE, "split.subject")
_TITLE_NAME = rules.pattern(_TABLE, "split.title_name")
_SUBJECT_LOOK = 80  # the subject of an opening comes within its first characters
_SCENE_MAX = 80  # a scene sentence is short
_SENTENCE_STOP = rules.pattern("split", "split.sentence_stop")
_SCENE_BODY = rules.pattern(_TABLE, "split.scene_body")
_LEAD = rules.entry(_TABLE, "split.lead_clause")
_LEAD_CLAUSE = rules.pattern(_TABLE, "split.lead_clause")
_LEAD_MAX_CLAUSES = int(_LEAD["max_clauses"])
_LEAD_MAX_CHARS = int(_LEAD["max_chars"])
_LEAD_NAME_MIN = 3  # a named body (a place and its kind), not a bare kind word
_LEADERSHIP = rules.pattern(_TABLE, "split.intro.leadership")
_LEAD_PURPOSE = rules.pattern(_TABLE, "split.lead_clause", "purpose")
_CLAUSE_STOP = re.compile("[,\uff0c\u3002]")  # a clause ends at a comma (a full stop ends the sentence)
_APPENDIX = rules.pattern(_TABLE, "split.appendix")
_BROKEN = rules.entry(_TABLE, "split.broken_title")
_BROKEN_TAIL = int(_BROKEN["tail_max_chars"])  # the second line of a title broken over two
# a title broken into three or more pieces: at most this many lines, each piece and the whole this short
BROKEN_LINES = int(_BROKEN["max_lines"])
_BROKEN_PIECE = int(_BROKEN["piece_max_chars"])
BROKEN_CHARS = int(_BROKEN["max_chars"])
_CHUNK = rules.pattern(_TABLE, "split.chunk")
_PAGE_MARK = rules.pattern(_TABLE, "split.page_mark")
_CHUNK_MIN = int(rules.limit(_TABLE, "split.chunk_min_chars"))
_GENERIC_SUBJECT = rules.pattern(_TABLE, "split.generic_subject")
_NAME_LINE = rules.pattern(_TABLE, "split.name_line")
_NAMELESS_TITLE = rules.pattern(_TABLE, "split.nameless_title")
_OPEN_HEAD = rules.pattern(_TABLE, "split.open_title_head")
_YEAR_NAMED_TITLE = rules.pattern(_TABLE, "split.year_named_title")
_BARE_TITLE = rules.pattern(_TABLE, "split.bare_title")
_BARE_TITLE_MAX = int(rules.limit(_TABLE, "split.bare_title_max_chars"))
_DATED = rules.pattern(_TABLE, "split.dated_start")
_SLOGAN = rules.pattern(_TABLE, "split.slogan_title")
_REVIEW_TITLE = rules.pattern(_TABLE, "split.review_title")
_SLOGAN_MAX = int(rules.entry(_TABLE, "split.slogan_title")["max_chars"])
_TITLE_PREFIX = rules.pattern(_TABLE, "split.title_prefix")
_SPEECH_TITLE_END = rules.pattern(_TABLE, "split.speech_title_end")
_SPACE = re.compile(r"\s")
_YEAR_TAIL = rules.pattern(_TABLE, "split.year_tail")
_PIECE_STOP = rules.pattern("paragraphs", "paragraph.any_punct")  # a piece of a title has no punctuation
_LOOK = 2 * _TITLE_MAX  # a line longer than this is no title (decorations included)
_FUSED_LOOK = 120  # a fused title is looked for in the first characters of a line
_PREAMBLE_MAX = 100  # preamble lines are short (a session line may carry the speaker and a full stop)
# openings that say whose leadership the body worked under (read by the paragraph builder and the seam evidence)
LEADERSHIP = frozenset({"split.intro.leadership", "split.intro.leadership_first"})
# cues that open a report by themselves; a time phrase opens one only with a subject (a named
# body, a self-reference, a scope's system) or the leadership it works under
_STRONG = {"split.intro.opening", "split.intro.self_report", "split.intro.closing", "split.intro.leadership_first", "split.intro.addressed", "split.intro.profile",
           "split.intro.purpose", "split.intro.debrief", "split.intro.visit", "split.intro.meeting_now"}
_TIME = {"split.intro.opening_year", "split.intro.period"}
_SUBJECT = {"split.intro.leadership", "split.intro.self", "split.intro.system", "split.intro.line_of_work"}




_PINYIN = rules.pattern("furniture", "furniture.pinyin")
_PINYIN_MARK = re.compile("[\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc]")  # a toned vowel


def _s(text: str, normalized: str | None) -> str:
    return (normalized if normalized is not None else norm(text)).strip()


def drop_pinyin(s: str) -> str:
    """``s`` without the pinyin a site printed after its characters (only looked for when a toned
    vowel is there: most lines have none)."""
    return _PINYIN.sub("", s) if _PINYIN_MARK.search(s) else s


def pinyin_spans(s: str) -> list[tuple[int, int]]:
    """Where ``drop_pinyin`` cuts ``s``: (start, end) of each gloss."""
    return [m.span() for m in _PINYIN.finditer(s)] if _PINYIN_MARK.search(s) else []


@lru_cache(maxsize=1 << 14)
def title_core(s: str) -> str:
    """A (normalised, stripped) line as a title reads: traditional characters folded, site
    decorations cut from its end, spaces between spaced-out characters removed."""
    s = drop_pinyin(fold(s))
    m = _TITLE_PREFIX.match(s)
    if m:  # an essay site's "text one:" marker: the title is what it marks
        s = m.group("title").strip()
    m = _SUBTITLE_DASH.match(s)
    if m:  # a subtitle under a slogan headline: the title is what its dash marks
        s = s[m.end():]
    if _SPACED.match(s):
        return re.sub(r"\s+", "", s)
    for _ in range(4):
        m = _DECORATION.search(s) if _DECORATION_ENDS.may_end(s) else None
        if not m or m.start() == 0:
            break
        s = s[: m.start()]
    if not _SPACE.search(s):
        return s  # nothing to remove or strip
    return re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])", "", s).strip()


@lru_cache(maxsize=1 << 14)
def _title_kind(s: str) -> str | None:
    if not s or len(s) > _LOOK or is_terminal(s, s):
        return None
    core = title_core(s)
    if not core or len(core) > _TITLE_MAX:
        return None
    h = match_heading(core, 0)
    if h is not None:
        # a compilation numbers its titles (3. a bureau's 2022 summary); a numbered part name is no title
        rest = strip_ordinal(core)
        if _TITLE.match(rest) and not is_bare_heading(rest) and _NAMED_TITLE.match(rest):
            return "numbered"
        if _GENRE_TITLE.match(rest) and not _TITLE.match(rest):
            return "numbered"  # a numbered genre title with no year
        return None
    if len(core) <= _GENRE_MAX and _GENRE_TITLE.match(core) and not _TITLE.match(core):
        return "genre"  # a body's name and the genre words, which a bare part name lacks
    if _REVIEW_TITLE.match(core):
        return "title"  # a reportage of a body's year (its slogan and dash kept: title_core cut a leading dash only)
    if is_bare_heading(core) and not _YEAR_NAMED_TITLE.match(core):
        return None  # a part name (the year's summary), unless a body follows its year
    return "title" if _TITLE.match(core) else None


def bare_title(s: str) -> bool:
    """A short title naming no body (data: split.bare_title), read without what the site added
    (a tag in brackets, a count): a title only where a page prints its head."""
    core = title_core(s) if len(s) <= 2 * _BARE_TITLE_MAX else ""
    return bool(core) and len(core) <= _BARE_TITLE_MAX and bool(_BARE_TITLE.match(fold(core)))


def dated_bare_title(s: str) -> bool:
    """A bare title that opens with its year (data: split.dated_start): one text's title, never a page's row."""
    return bool(_DATED.match(s)) and bare_title(s)


_TEASER = rules.pattern(_TABLE, "split.teaser_row")
_SPEECH_HEADLINE = rules.pattern(_TABLE, "split.speech_headline")
_SPEECH_FRAGMENT = int(rules.limit(_TABLE, "split.speech_fragment_chars"))


def teased_title(normalized: str) -> str | None:
    """The title an essay site's teaser row names (data: split.teaser_row), as a title reads (title_core), or None."""
    m = _TEASER.match(fold(normalized.strip()))
    return title_core(m.group("title").strip()) if m else None


def item_header(text: str, normalized: str | None = None) -> bool:
    """An essay site's item marker with the text's title after it (data: split.title_prefix), a line the furniture keeps."""
    s = fold(_s(text, normalized))
    return bool(_TITLE_PREFIX.match(_PINYIN.sub("", s))) and _title_kind(s) is not None


def slogan_over(line: str, below: str) -> bool:
    """Is ``line`` (normalised) a slogan printed as the title over ``below``, a dash subtitle that
    is the report's title (a slogan line, then a dash and the body's year and genre)?  (Not over a speech's dash session
    line: a page cut off short right above another page's session line is no slogan.)"""
    s = line.strip()
    return (len(s) <= _SLOGAN_MAX and bool(_SLOGAN.match(s)) and bool(_SUBTITLE.match(below))
            and _title_kind(below.strip()) is not None)


def occasion_line(line: str) -> bool:
    """Does ``line`` (normalised) name the meeting a report was given at, nothing after it (at the ... meeting)?"""
    return bool(_OCCASION.match(fold(re.sub(r"\s+", "", line))))


def occasion_over(line: str, below: str) -> bool:
    """Is ``line`` (normalised) the meeting a report was given at, printed as its title's first line
    right over the rest, ``below`` (a title: a report on the year's work)?"""
    return occasion_line(line) and _title_kind(below.strip()) is not None


def title_kind(text: str, normalized: str | None = None) -> str | None:
    """"title" (a year and a genre), "numbered" (a compilation's numbered title), "genre" (the
    genre words and a body, no year: a government work report), or None."""
    return _title_kind(_s(text, normalized))


def is_title(text: str, normalized: str | None = None) -> bool:
    """A report's own title line, as sites print it (site suffixes, tags, file names, spaced
    or traditional characters); a numbered part name (1. the year's summary) is not one."""
    return _title_kind(_s(text, normalized)) is not None


def clean_title(text: str, normalized: str | None = None) -> str:
    """The title without what the site added (original characters, decorations cut)."""
    s = _s(text, normalized)
    folded = fold(s)
    if _SPACED.match(folded):
        return title_core(s)
    cut = len(folded)  # decorations cut as title_core cuts them; spaces inside kept (a site name before one)
    for _ in range(4):
        m = _DECORATION.search(folded[:cut])
        if not m or m.start() == 0:
            break
        cut = m.start()
    raw = text.strip()
    return (raw if len(raw) == len(s) else s)[:cut].strip()


def chunk_runs(texts: list[str]) -> set[int]:
    """Indexes of the (normalised) lines or paragraphs that make runs of document-sharing chunks:
    two or more long pieces numbered one after the other (1, 2, 3 with an enumeration comma), the site's cut of a text
    run into one line.  A chunk is a whole piece: no page break joins it to its neighbours."""
    out: set[int] = set()
    prev: int | None = None  # the number of the long chunk just before
    for k, t in enumerate(texts):
        m = _CHUNK.match(t)
        n = int(m.group("n")) if m else None
        if n is not None and prev is not None and n == prev + 1:
            out.update((k - 1, k))  # the last chunk holds what is left: it may be short
        prev = n if n is not None and len(t.strip()) >= _CHUNK_MIN else None
    return out


def bare_chunk_marks(texts: list[str]) -> list[int]:
    """Indexes of the chunk numbers printed with nothing after them that close a run of
    document-sharing chunks (chunks 1 and 2, then the number 3 alone): the site's number of a chunk its preview cut
    off, never a line of the text."""
    return sorted(k for k in chunk_runs(texts) if (m := _CHUNK.match(texts[k])) and not texts[k][m.end():].strip())


def page_mark_end(normalized: str) -> int:
    """Where a page-count mark glued before a line's text ends (0: none, or nothing after it)."""
    m = _PAGE_MARK.match(normalized)
    return m.end() if m and normalized[m.end():].strip() else 0


def broken_title(first: str, second: str) -> bool:
    """Two lines (normalised, stripped) that are one title broken by a narrow page: neither is
    a title, the second is short, the two together are one."""
    # (a site's pinyin debris after traditional characters is not read)
    first, second = drop_pinyin(first), drop_pinyin(second)
    if not first or not second or len(second) > _BROKEN_TAIL or len(first) + len(second) > _LOOK:
        return False
    if _SIGNATURE.match(first):
        return False  # a full date is a signature's line (a notice's, over the document it issues), never a title's piece
    if _title_kind(first) is not None or _title_kind(first + second) is None:
        return False
    # the second line may be a title of its own only when the first is the body it names (a
    # name line over a year-and-genre line), or when the first is left open (a formal report's
    # "concerning ..." with no genre word, or a line ending on "and": the title goes on)
    return (_title_kind(second) is None or bool(_NAME_LINE.match(fold(first)) and _NAMELESS_TITLE.match(fold(second)))
            or open_title_head(first))


def open_title_head(first: str) -> bool:
    """Is the line (normalised, stripped) a title's first line left open (data split.open_title_head)?"""
    return bool(_OPEN_HEAD.match(first))


_VALUE_CELL = re.compile(r"^(?:[+\-]\d+(?:\.\d+)?|\d+\.\d+)%?$")  # a measured value alone, no year nor ordinal


def broken_title_lines(parts: list[str]) -> int:
    """How many of the first (normalised, stripped) lines make one title broken into three or
    more short pieces (a converted page puts a name, a year and the genre words each on a line
    of its own): the most that read as a title together, none of the pieces a title or a
    sentence by itself, the line after them no title (0: no such title)."""
    best, joined = 0, ""
    for k, s in enumerate(parts[:BROKEN_LINES]):
        # (a piece that reads as a title alone may still end one whose year was cut before the year character: data split.year_tail)
        if not s or len(s) > _BROKEN_PIECE or _PIECE_STOP.search(s) or (
                _title_kind(s) is not None and not (k and parts[k - 1].isdigit() and _YEAR_TAIL.match(s))):
            break
        if k and parts[k - 1].isdigit() and not _YEAR_TAIL.match(s):
            break  # a number alone is a year cut from its year character, which the next piece begins with
        if _VALUE_CELL.match(s):
            break  # a decimal or signed figure alone is a table's value (a title's numbers are years) (round 22)
        joined += s
        if len(joined) > BROKEN_CHARS:
            break
        if k >= 2 and _title_kind(joined) == "title":  # (with its year: a site's scattered tags read as a genre title)
            best = k + 1
        elif k >= 2 and k + 1 < len(parts) and _title_kind(joined) == "genre" and _addressed(parts[k + 1]):
            best = k + 1  # a government's report with no year in its title: the salutation or session line under it
    # (the title's keywords a page scatters one per line above the title itself are no title)
    return 0 if best and best < len(parts) and _title_kind(parts[best]) is not None else best


def addressed(s: str) -> bool:
    """Public reading of _addressed: a salutation or a preamble line (what stands under a speech's head)."""
    return _addressed(s)


def _addressed(s: str) -> bool:
    """Does a line address a congress (the salutation with its colon) or date a session (a
    preamble line): what stands right under a report's title, never under a page's keyword tags."""
    return bool(s) and ("split.intro.salutation" in intro_rules(s, s) or preamble_rule(s, s) is not None)


def _distinct(name: str) -> str:
    """A body's name as compared: traditional folded, spaces and generic words (party
    committee, people's government, office) cut: a town's party committee names only its level."""
    name = re.sub(r"\s+", "", fold(name))
    for _ in range(2):
        name = _GENERIC_SUBJECT.sub("", name)
    return name


def names_conflict(title: str, opening: str) -> bool:
    """Does an opening name a different body than the title above it (a related link over
    another report's text)?  Only when the opening names a body distinctly (a county's
    forestry bureau, not 'the town's party committee') and the title shares no pair of
    characters with that name."""
    subject = opening_subject(opening)
    if not subject:
        return False
    mine = _distinct(subject)
    if len(mine) < 3:
        return False
    core = fold(title_core(_s(title, None)))
    pairs = {mine[k: k + 2] for k in range(len(mine) - 1)}
    shared = sum(1 for p in pairs if p in core)
    return shared * 2 < len(pairs)


@lru_cache(maxsize=1 << 12)
def _fused_match(s: str) -> int | None:
    """The end of the title a (folded, stripped) line starts with, text run on after it: an
    opening right after the genre words, or a site's tag that only ends titles (the part before
    the tag must read as a title by itself)."""
    m = _FUSED.match(s)
    if m:
        return m.end()
    # (a title printed twice in a row: the second copy is the text's own, the text follows it; a
    # phrase that ends in genre words is not repeated at once in a sentence, whatever words it has)
    m = _FUSED_TWICE.match(s)
    if m and len(m.group("title")) >= _TWICE_MIN and m.end() < len(s.rstrip()):
        return m.end()
    m = _FUSED_TAGGED.match(s)
    if m and _title_kind(m.group("title").strip()) is not None:
        return m.end()
    # (or a few words that are no sentence between the title and its opening: a name, a date, the title again)
    # (the title is the longest piece before the opening that ends in genre words and reads as a title by
    # itself: the shortest may be half of a compound title, the year's summary of "summary and next year's
    # plan"; the gap may be empty, a title run straight on into its year or its since-phrase, whatever
    # genre words end it)
    # (a title never ends inside a quoted document's name: "according to <the plan's name>" cites one)
    m = _FUSED_GAP.match(s)
    if m and (_gap_title(m.group("title"))
              or any(_gap_title(s[m.start("title"): k]) for k in _genre_ends(s, m.start("title"), m.end()))):
        return m.end()
    # (or only a space between the title and its first sentence, whatever that sentence opens with)
    # (a title that names its body: a loose year-and-genre phrase may be a sentence's object)
    m = _FUSED_SPACE.match(s)
    kind = _title_kind(m.group("title")) if m else None
    if kind in ("genre", "numbered") or (kind and (_NAMED_TITLE.match(m.group("title")) or _YEAR_NAMED_TITLE.match(m.group("title")))):
        return m.end()
    # (or nothing between: a title that names its body and its year, then a sentence)
    m = _FUSED_NAMED.match(s)
    if m and _title_kind(m.group("title")) is not None and (_NAMED_TITLE.match(m.group("title")) or _YEAR_NAMED_TITLE.match(m.group("title"))):
        return m.end()
    return None


_MASKED = rules.pattern(_TABLE, "split.masked_name")


def names_differ(a: str, b: str) -> bool:
    """Do two names (a title's body, an opening's subject) name different bodies?  Only when
    both name one distinctly (a town by its name, not 'the town') and they share no pair of
    characters (a page's headline may name the sector, its title the bureau: water works,
    the city's water bureau)."""
    x, y = sorted((_distinct(a), _distinct(b)), key=len)
    if len(x) < 3 or _MASKED.search(x + y):
        return False  # (a masked name, XX town, says too little)
    return not any(x[k: k + 2] in y for k in range(len(x) - 1))


def fused_end(text: str, normalized: str | None = None) -> int | None:
    """Where the title a line starts with ends (an offset into the line), when text runs on after it."""
    n = normalized if normalized is not None else norm(text)
    lead = len(n) - len(n.lstrip())
    end = _fused_spaced(fold(n.strip()[:_FUSED_LOOK]))
    return lead + end if end is not None else None


def fused_title(text: str, normalized: str | None = None) -> str | None:
    """The title a line starts with when the text runs on after it on the same line."""
    s = _s(text, normalized)[:_FUSED_LOOK]
    end = _fused_spaced(fold(s))
    return strip_ordinal(s[:end]) if end is not None else None


def _gap_title(piece: str) -> bool:
    """Does a piece before a run-on opening read as a title by itself (no quoted name left open)?"""
    return piece.count(_QUOTE_OPEN) == piece.count(_QUOTE_CLOSE) and _title_kind(piece.strip()) is not None


_QUOTE_OPEN, _QUOTE_CLOSE = "\u300a", "\u300b"  # the double angle quotes around a document's name


def _genre_ends(s: str, start: int, end: int) -> list[int]:
    """Offsets in ``s[start:end]`` right after genre words (a title's possible ends), the last first."""
    return sorted((m.end() + start for m in _GENRE_WORDS.finditer(s[start:end])), reverse=True)


def _fused_spaced(s: str) -> int | None:
    """``_fused_match`` on a line, or on it with a converted page's spaces around its figures
    removed (a year set apart from its characters: the title is the same; the space between a
    title and its text stays), the end mapped back to an offset into the line as given."""
    end = _fused_match(s)
    if end is not None or not _FIGURE_SPACE.search(s):
        return end
    gone = {k for m in _FIGURE_SPACE.finditer(s) for k in range(m.start(), m.end())}
    kept = [k for k in range(len(s)) if k not in gone]
    end = _fused_match("".join(s[k] for k in kept))
    if end is None:
        return None
    return kept[end - 1] + 1 if end else 0


def is_appendix(text: str, normalized: str | None = None) -> bool:
    return bool(_APPENDIX.match(_s(text, normalized)))


_INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])")
_FIGURE_SPACE = re.compile(r"(?<=\d)\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=\d)")


def _glossless(s: str, n: int) -> str:
    """The first n characters of ``s`` (the last -n when n < 0), folded, as a mirror site's text reads
    without the pinyin glosses it prints inside words (its leadership phrase is the same phrase)."""
    part = s[:n] if n > 0 else s[n:]
    if not _PINYIN_MARK.search(part):
        return fold(part)
    whole = drop_pinyin(fold(s))
    return whole[:n] if n > 0 else whole[n:]


def _despaced(s: str) -> str:
    """A converted page's spaces between characters and digits (a year, a space, its character) removed."""
    return _INNER_SPACE.sub("", s) if _SPACE.search(s) else s


def intro_rules(text: str, normalized: str | None = None) -> set[str]:
    """Ids of every opening cue a paragraph carries (each looked for where its entry says)."""
    s = _s(text, normalized)
    # only the ends are read: fold only them (a converted page's spaces inside them read past)
    head, tail = _despaced(_glossless(s, _FIRST + 8))[:_FIRST], _glossless(s, -_LAST)
    found = set()
    for rid, pat, first, last in _INTRO:
        part = tail[-last:] if last else head[:first]
        if _INTRO_ENDS[rid].may_end(part) and pat.search(part):
            found.add(rid)
    return found


def intro_rule(text: str, normalized: str | None = None) -> str | None:
    """The first opening cue of a paragraph (in table order), or None."""
    found = intro_rules(text, normalized)
    return next((rid for rid, *_ in _INTRO if rid in found), None)


def opening_strength(p: Paragraph | str, normalized: str | None = None, found: set[str] | None = None) -> str | None:
    """"strong" when a paragraph (or a text) opens the way reports open; None otherwise.
    ``found``: its intro_rules when the caller has them."""
    text, normalized = (p.text, p.norm_text) if isinstance(p, Paragraph) else (p, normalized)
    found = intro_rules(text, normalized) if found is None else found
    if found & _STRONG:
        return "strong"
    if found & _TIME and (found & _SUBJECT or opening_subject(text, normalized)):
        return "strong"
    if _after_lead(text, normalized) is not None:
        return "strong"
    if "split.intro.scene" in found:
        # the year's scene first (the year is a year of ... ), then the opening proper, or the body in the scene
        s = _s(text, normalized)
        stop = _SENTENCE_STOP.search(s)
        cut = stop.start() if stop else -1
        rest = s[cut + 1:] if 0 < cut < _SCENE_MAX else ""
        if rest and opening_strength(rest, rest) == "strong" or _SCENE_BODY.search(fold(s[:_SCENE_MAX])):
            return "strong"
        # (or the scene's clause ended by a comma, the body and the leadership it worked under right
        # after it: the year is a year of ..., the county's water bureau, under the county's leadership, ...)
        comma = _CLAUSE_STOP.search(s)
        rest = s[comma.end():].lstrip() if comma and comma.group() != "\u3002" and comma.end() < _SCENE_MAX else ""
        if rest and "split.intro.leadership_first" in intro_rules(rest, rest) and not _LEADERSHIP.match(rest):
            return "strong"
    return None


# (cached: opening_strength reads it, then paragraph_cues asks lead_subject for the same paragraph)
@lru_cache(maxsize=1 << 12)
def _after_lead(text: str, normalized: str | None) -> str | None:
    """The opening proper after a lead clause or two that carry no body (a purpose, a look back, a
    literary phrase), or None: the body named right after them with the leadership it worked
    under, or a named (not generic) body with its predicate."""
    s = _despaced(_glossless(_s(text, normalized), _LEAD_MAX_CHARS + _FIRST))
    start = 0
    timed = False  # the paragraph opened on its time phrase (the year, facing ..., the street office held to ...)
    for _ in range(_LEAD_MAX_CLAUSES):
        stop = _CLAUSE_STOP.search(s, start)
        clause = s[start:stop.start()].strip() if stop else ""
        if stop is None or stop.group() == "\u3002" or stop.end() > _LEAD_MAX_CHARS or not _LEAD_CLAUSE.match(clause):
            return None
        timed = timed or (start == 0 and bool(intro_rules(s[:stop.end()], s[:stop.end()]) & _TIME))
        rest = s[stop.end():].lstrip()
        found = intro_rules(rest, rest)
        # (the leadership with its body named first; a bare leadership phrase after a clause is a measure's)
        if "split.intro.leadership_first" in found and not _LEADERSHIP.match(rest):
            return rest
        name = opening_subject(rest, rest)
        # a body named (not generic) after a purpose clause, or after the time phrase the paragraph
        # opened on and a clause of the year's circumstances (facing ..., ...): the opening's subject
        if name and (found & _TIME or (start == 0 and _LEAD_PURPOSE.match(clause) or timed and start > 0)
                     and len(name) >= _LEAD_NAME_MIN and not _GENERIC_SUBJECT.search(name)):
            return rest
        start = stop.end()
    return None


def lead_subject(text: str, normalized: str | None = None) -> str | None:
    """The body an opening names after its lead clauses (a purpose, a look back), or None."""
    rest = _after_lead(text, normalized)
    return opening_subject(rest, rest) if rest else None


def opening_subject(text: str, normalized: str | None = None) -> str | None:
    """The body an opening names as its subject (after its time phrase and leadership), or None."""
    m = _SUBJECT_NAME.match(_despaced(_glossless(_s(text, normalized), _SUBJECT_LOOK)))
    return m.group("name") if m else None


def title_name(core: str) -> str | None:
    """The body a (cleaned) title names, or None."""
    m = _TITLE_NAME.match(strip_ordinal(core))
    return m.group("name").strip() if m else None


def preamble_rule(text: str, normalized: str | None = None) -> str | None:
    """Id of the government work report's preamble cue a line is (session, speaker, address), or None."""
    # (a traditional-script mirror's pinyin after its characters breaks the preamble's words: read without it)
    s = drop_pinyin(fold(_s(text, normalized)[:3 * _PREAMBLE_MAX]))[:_PREAMBLE_MAX + 1]
    for rid, pat in _PREAMBLE:
        if rid == "split.preamble.address":
            if _PREAMBLE_ENDS[rid].may_end(s[:_PREAMBLE_MAX]) and pat.match(s[:_PREAMBLE_MAX]):
                return rid
        elif len(s) <= _PREAMBLE_MAX and _PREAMBLE_ENDS[rid].may_end(s) and pat.match(s):
            return rid
    return None


def speech_headline(normalized: str) -> bool:
    """Can a (normalised, stripped) line be a speech's headline over its session line?  A very short
    one only with a genre word (data: split.speech_headline): a few characters with none are the last
    words of a page the site cut mid-word, or a site's menu or column label."""
    return len(normalized) > _SPEECH_FRAGMENT or bool(_SPEECH_HEADLINE.search(fold(re.sub(r"\s+", "", normalized))))


def speech_title_over(line: str, below: str) -> bool:
    """Is ``line`` (normalised) a speech's title printed right over ``below``, its session line?
    It ends with the speech's genre word, and is no sentence (stray marks of a mis-decoded page
    inside it are allowed: the session line under it says what it is)."""
    s = line.strip()
    return (0 < len(s) <= _TITLE_MAX + _GENRE_MAX and not is_terminal(s, s)
            and bool(_SPEECH_TITLE_END.search(title_core(s)))
            and preamble_rule(below, below) == "split.preamble.session")


def is_signature_date(text: str, normalized: str | None = None) -> bool:
    return bool(_SIGNATURE.match(_s(text, normalized)))


def is_anchor(text: str, normalized: str | None = None) -> bool:
    """A line that can only begin a report's head: a title, a preamble line, an opening (read
    from its beginning).  Page furniture never runs through one; a page break never joins one
    to the line before."""
    return _anchor(_s(text, normalized))


@lru_cache(maxsize=1 << 12)
def _anchor(s: str) -> bool:
    s = s[page_mark_end(s):]  # a converted page's count mark glued before its first line is the site's
    if _title_kind(s) is not None or preamble_rule(s, s) is not None or fused_title(s, s) is not None:
        return True
    # what a line's beginning says: a closing formula (reported as follows:) ends an opening, maybe one a page cut
    found = intro_rules(s, s) - {"split.intro.closing"}
    if "split.intro.opening_year" in found or ("split.intro.salutation" in found and not s.endswith("!")):
        return True  # a year and a comma / the salutation with a colon begins a sentence, never goes on with one a page cut
    return opening_strength(s, s, found) == "strong"
