"""Essay pages that collect several texts (data/furniture.yaml: essay.collection_title,
essay.collection_item): the collection's headline and each item's header are the page's furniture
beside the text's own plain title; where no plain title is printed, the headline (or the item
header) is the first text's title line and stays the report's."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import rules
from . import cues, site_heads

if TYPE_CHECKING:
    from .furniture import PageLines

_TABLE = "furniture"
_COLLECTION = "furniture.essay.collection_title"
_COLLECTION_ITEM = "furniture.essay.collection_item"
_COLLECTION_HEAD = int(rules.limit(_TABLE, "furniture.collection_head_lines"))
_ITEM_MARKER = rules.pattern(_TABLE, "furniture.item_marker")
_ITEM_NEAR = int(rules.limit(_TABLE, "furniture.item_near_lines"))
_PINYIN = rules.pattern(_TABLE, "furniture.pinyin")
_COUNT = rules.pattern(_TABLE, "furniture.collection_count")


def mark_collections(pl: PageLines) -> None:
    """An essay page that collects several texts prints a headline with their count and an item
    header (text one: ...) over each text.  Both are the page's furniture beside the text's own
    plain title; where the page prints no plain title, the headline (or, without a headline, the
    item header) is the first text's title line and stays the report's."""
    listed = [m for m, rid in enumerate(pl.rule) if rid == _COLLECTION]  # (before any is given back)
    first_items: set[int] = set()
    for k, rid in enumerate(pl.rule):
        if rid == _COLLECTION:
            keep = _plain_title_follows(pl, k) or _headline_above(pl, listed, k, repeat=True)
            if not keep and _titled_above(pl, k):
                # (the page's title over the headline: the headline is the page's, and the first
                # item header under it, if any, the first text's title line)
                keep = True
                first_items.update(_first_item(pl, k))
        elif rid == _COLLECTION_ITEM:
            keep = k not in first_items and (_item_title_near(pl, k) or _headline_above(pl, listed, k))
        else:
            continue
        if not keep:
            pl.rule[k], pl.found[k] = None, False
            pl.headlines.add(k)  # (a title line, even one that reads like no title: never a weak page row)


def _plain_title_follows(pl: PageLines, k: int) -> bool:
    """Does the collection headline k have the text's own title (the headline without its count)
    within the next lines of the page head?  (printed alone, or run into the text's first line)"""
    core = cues.title_core(pl.text[k])
    if len(core) < 4:
        return False
    numbered = False
    for j in range(k + 1, min(len(pl), k + 1 + _COLLECTION_HEAD)):
        s = pl.text[j]
        if pl.rule[j] == _COLLECTION_ITEM:
            # an item marker before a title prints the text's own title (text one: the title); a
            # number after the headline's words (the headline, text 1) only numbers the headline
            m = _ITEM_MARKER.match(_PINYIN.sub("", s))
            if m is None:
                numbered = cues.title_core(s).startswith(core)
                continue
            s = m.group("title")
        elif numbered and pl.rule[j] is None:
            # (the headline numbered for its first text, then a title line: the text's own title,
            # worded as the text words it rather than as the headline does)
            if cues.is_title(s, s):
                return True
            numbered = False
        elif pl.rule[j] == _COLLECTION:
            continue
        # (the headline itself again, run into a teaser, is no plain title)
        if cues.title_core(s).startswith(core) and not s.startswith(pl.text[k]):
            return True
    return False


def _headline_above(pl: PageLines, listed: list[int], k: int, repeat: bool = False) -> bool:
    """Is a collection headline (one of ``listed``) printed within the few lines above line k
    (for a headline: the same headline, which the page repeats)?"""
    return any(k - _COLLECTION_HEAD <= j < k and (not repeat or pl.text[j] == pl.text[k]) for j in listed)


def _item_title_near(pl: PageLines, k: int) -> bool:
    """Is the title an item header names (after its marker, or before its number) printed next
    to it?  A bare item number, with no title, is the page's in any case."""
    s = _PINYIN.sub("", pl.text[k])
    m = _ITEM_MARKER.match(s)
    title = m.group("title") if m is not None else cues.title_core(s)
    if title == s or cues.title_kind(title, title) is None:
        return True
    core = cues.title_core(title)
    near = range(max(0, k - _ITEM_NEAR), min(len(pl), k + _ITEM_NEAR + 1))
    return any(j != k and cues.title_core(pl.text[j]) == core for j in near)


def _titled_above(pl: PageLines, k: int) -> bool:
    """Is the collection headline k printed under the page's own title (the headline without its
    count and tags, a date row between)?"""
    core = _plain(pl.text[k])
    return len(core) >= 4 and any(_plain(pl.text[j]) == core for j in range(max(0, k - _COLLECTION_HEAD), k))


def _first_item(pl: PageLines, k: int) -> list[int]:
    """The first item header within the page head under the headline k (none or one)."""
    return [j for j in range(k + 1, min(len(pl), k + 1 + _COLLECTION_HEAD)) if pl.rule[j] == _COLLECTION_ITEM][:1]


def _plain(s: str) -> str:
    """A title without the site's count, tags and years (what a headline and the page's title share)."""
    return site_heads.twin_key(_COUNT.sub("", cues.title_core(s)))
