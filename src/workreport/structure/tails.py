"""The tail of a page: a marker (read the full text, related posts, print this page ...) and the
lines after it (related links, their previews, the page's own title again with a teaser) up to
the next report text.  ``pl`` is furniture.PageLines; lines found are set in ``pl.found``."""
from __future__ import annotations

from .. import rules
from . import cues
from .headings import match_heading

_TABLE = "furniture"
_TAIL = [(e["id"], rules.compiled(e["pattern"])) for e in rules.load(_TABLE)["tail_start"]]
_TAIL_END_MIN = rules.limit(_TABLE, "furniture.tail_end_min_chars")
_PROSE_MIN = rules.limit(_TABLE, "furniture.prose_min_chars")
_SENTENCE = rules.pattern(_TABLE, "furniture.sentence")
_SNIPPET = rules.pattern(_TABLE, "furniture.snippet_end")
_SNIPPET_MAX = 200  # a link's preview is a line or two of text
_TEASER_MAX = 120  # the first words of a text a page's foot prints under its title again
_TEASER_LINES = 2
_ABSTRACT = "furniture.essay.abstract"
_BODY_LABEL = rules.pattern(_TABLE, "furniture.body_label")
_BOX_LINES = int(rules.limit(_TABLE, "furniture.summary_box_lines"))


def mark_tails(pl) -> None:
    """A tail marker (read the full text, related posts, print this page ...) and what follows it, until a line reads as
    report text again or a title opens the next report."""
    in_tail = listed = False  # listed: the tail's last line was a related title
    titles: set[str] = set()  # the titles read so far (a page's foot may print its own again)
    for k, s in enumerate(pl.text):
        if not in_tail and not pl.found[k] and cues.title_kind(s, s) is not None:
            titles.add(cues.title_core(s))
        if any(p.match(s) for _, p in _TAIL):
            in_tail = pl.found[k] = True
            listed = False
            continue
        if not in_tail or pl.found[k]:
            continue
        if listed and len(s) <= _SNIPPET_MAX and _SNIPPET.search(s):
            pl.found[k] = True  # a related link's preview, cut by the site
        elif len(s) > _TAIL_END_MIN and _reads_as_text(s):
            in_tail = False
        elif cues.title_kind(s, s) is not None and cues.title_core(s) in titles and _teaser(pl, k):
            # the page's own title again at its foot, with the first words of its text under it
            for m in range(k, _teaser(pl, k)):
                pl.found[m] = True
            in_tail = False
        elif cues.title_kind(s, s) is not None or cues.fused_title(s, s) is not None:
            # one more title of a list of links opens a text only if its own text follows, and
            # that text does not name another body (a link over a report pasted without its title)
            body = pl.body_after(k, repeat=not listed)
            if cues.fused_title(s, s) is not None or (body is not None and not cues.names_conflict(s, pl.text[body])
                                                      and not (len(pl.text[body]) <= _SNIPPET_MAX and _SNIPPET.search(pl.text[body]))):
                in_tail = False
            else:
                pl.found[k] = listed = True
        elif pl.anchor(k) or match_heading(s, 0) is not None:
            in_tail = False  # an opening or a heading: the next report, title dropped
        else:
            pl.found[k] = True


def mark_chunk_marks(pl) -> None:
    """A document-sharing preview's last chunk number left with no text after it (the preview cut
    right after the site printed it) is the site's, like every chunk number: page furniture."""
    for k in cues.bare_chunk_marks(pl.text):
        pl.found[k] = True


def _teaser(pl, k: int) -> int:
    """The end (exclusive) of a page-foot teaser starting at the title line k: the title and a
    few short lines before the document ends or the next title; 0 if more text follows."""
    chars = 0
    for j in range(k + 1, len(pl)):
        if pl.found[j]:
            continue
        if cues.title_kind(pl.text[j], pl.text[j]) is not None:
            return j if chars else 0
        chars += len(pl.text[j])
        if chars > _TEASER_MAX or j - k > _TEASER_LINES:
            return 0
    return len(pl) if chars else 0


def _reads_as_text(s: str) -> bool:
    """A line that is clearly report prose (ends a sentence and is long)."""
    return len(s) >= _PROSE_MIN and bool(_SENTENCE.search(s))


def mark_summary_boxes(pl) -> None:
    """An essay page's summary box: the lines between a summary label and the body label a few
    lines under it are the site's summary of the text (a title among them stays the text's)."""
    for k, rid in enumerate(pl.rule):
        if rid != _ABSTRACT:
            continue
        for j in range(k + 1, min(len(pl), k + 1 + _BOX_LINES)):
            if _BODY_LABEL.match(pl.text[j]):
                for m in range(k + 1, j):
                    if cues.title_kind(pl.text[m], pl.text[m]) is None:
                        pl.found[m] = True
                break
