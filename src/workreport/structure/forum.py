"""A discussion forum's thread head: forum software prints, over the first post, the thread's
counters row, the thread's title, the poster's profile block (counters and their labels one per
line, rank, mood, sign-in days) and the post's own row (when it was posted, the floor buttons).
All of it is the site's, the thread's title included: the post under it is the text, with its
own title when it has one.  (Site forms differ in their words, not in this order.)

``pl`` is furniture.PageLines; lines found are set in ``pl.found``."""
from __future__ import annotations

from .. import rules
from . import cues

_TABLE = "furniture"
_STATS = "furniture.forum.thread_stats"
_POST = "furniture.forum.post_head"
_PROFILE = rules.pattern(_TABLE, "furniture.forum.profile")
_SENTENCE = rules.pattern(_TABLE, "furniture.sentence")
_HEAD_LINES = int(rules.limit(_TABLE, "furniture.forum_head_lines"))
_LINE_MAX = rules.entry(_TABLE, "furniture.page_title")["max_chars"]  # (the thread's title is the longest line)
_SIGNATURE_NAME = rules.pattern(_TABLE, "furniture.signature_name")
_PROFILE_MIN = 2  # profile rows that show a forum's block when its counters row is not there


def profile_row(s: str) -> bool:
    """Is ``s`` (normalised) a row of a forum poster's profile block?"""
    return bool(_PROFILE.match(s))


def mark_thread_heads(pl) -> None:
    """The lines over each post's own row, up to the thread's counters row, are the forum's.
    Without the counters row (the paste began under it), the run of short lines over the post's
    row is taken when it holds a profile block, but for the lines a text above it was signed with
    (its body's name, its date), which stay the text's."""
    text = pl.text
    for k, rid in enumerate(pl.rule):
        if rid != _POST:
            continue
        top, stats, profiles = k, None, 0
        for j in range(k - 1, max(-1, k - 1 - _HEAD_LINES), -1):
            s = text[j]
            if pl.rule[j] == _STATS:
                stats = j
                break
            if _SENTENCE.search(s) or len(s) > _LINE_MAX or pl.rule[j] == _POST:
                break
            profiles += profile_row(s)
            top = j
        if stats is not None:
            top = stats
        elif profiles < _PROFILE_MIN:
            continue
        else:
            while top < k and (cues.is_signature_date(text[top], text[top]) or _SIGNATURE_NAME.match(text[top])):
                top += 1
        for m in range(top, k + 1):
            pl.found[m] = True


def mark_profile_rows(pl) -> None:
    """A profile row left between furniture lines is the forum's too: a block pasted without the
    post's own row (a sign-in counter among the poster's rank and points rows)."""
    found = pl.found
    for k, s in enumerate(pl.text):  # (the non-blank lines; a traditional-script forum too)
        if not found[k] and profile_row(cues.fold(s)) and (k == 0 or found[k - 1]) and k + 1 < len(pl) and found[k + 1]:
            found[k] = True
