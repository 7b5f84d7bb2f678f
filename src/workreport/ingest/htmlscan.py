"""A linear pre-scan of an HTML page: how deep the parser's stack of open elements will get.

Why: the HTML parsing algorithm (and lexbor, which implements it) looks down the stack of open
elements for every ``<div>``, ``<p>``, ``<li>`` …, so 100,000 nested ``<div>`` cost 100,000² steps
(32 s), and a crafted page of nothing but tags costs ~330 bytes per element.  Counting first keeps
the parse linear: a page deeper than ``Limits.html_depth`` or with more than
``Limits.html_elements`` elements is refused before lexbor sees it.

The scan follows the tokenizer (comments, raw-text elements, quoted attributes) and the parts of
the tree builder that change the depth: elements closed implicitly (a ``<p>`` closes an open p,
``<li>`` an open li, ``</div>`` everything above its div), table parts outside a table ignored,
svg/math content, and the list of active formatting elements, whose entries are opened again
in every later paragraph until closed (``<p><b id=1></p><p><b id=2></p>…x`` nests all of them).
The estimate never falls far below lexbor's real depth (tests compare the two on random tag
soup).  Every step is O(1) amortised: open elements are indexed by name, so "is there a p in
button scope" compares two positions instead of walking the stack.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..errors import LimitExceeded
from .limits import Limits

VOID = frozenset("area base basefont bgsound br col embed frame hr image img input keygen link meta param source "
                 "track wbr".split())
RAW = frozenset("script style textarea title xmp iframe noembed noframes".split())  # content is text
IGNORED = frozenset(("html", "head", "body"))  # merged into the element that already exists
# start tags that leave "frameset-ok" set: the page may still turn out to be a frameset
BEFORE_BODY = frozenset("html head meta link title style script base basefont bgsound noframes".split())
# frameset and select: the parser reads their content in modes of its own; nothing closes through them
SCOPE = frozenset("applet caption html table td th marquee object template frameset select mi mo mn ms mtext "
                  "annotation-xml foreignobject desc title".split())
TABLE_SCOPE = frozenset(("html", "table", "template"))
MARKERS = frozenset("applet caption marquee object template td th".split())  # fence formatting elements
SPECIAL = frozenset(
    "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup "
    "dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head "
    "header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes "
    "noscript object ol p param plaintext pre script search section select source style summary table tbody td "
    "template textarea tfoot th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc".split())
# end tags that close everything above their element when it is in scope; any other end tag
# closes only through non-special elements
CLOSES_IN_SCOPE = frozenset(
    "address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer "
    "header hgroup listing main menu nav ol pre search section summary ul applet marquee object template select "
    "dd dt".split())
LIST_STOP = SPECIAL - {"address", "div", "p"}  # an <li> closes an open li unless one of these is between
CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header "
    "hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form plaintext table hr "
    "xmp li dd dt".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
TABLE_PARTS = frozenset("caption col colgroup tbody thead tfoot tr td th".split())  # ignored outside a table
SECTIONS = ("tbody", "thead", "tfoot")
FOREIGN = ("svg", "math")
# where svg/math content turns back into HTML (namespaces are not tracked: any of them counts)
INTEGRATION = ("foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml")
BREAKOUT = frozenset("b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li "
                     "listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var".split())
NO_RECONSTRUCT = CLOSES_P | TABLE_PARTS | IGNORED | RAW - {"xmp"}

_NEXT = re.compile(r"<(?:(!--)|([!?]|/(?![A-Za-z]))|(/?)([A-Za-z][^\s/>]*))")
_COMMENT_END = re.compile(r"--!?>")
_TAG_END = re.compile(r""">|=[ \t\r\n\f]*(["'])""")
_UNQUOTED_LAST = re.compile(r"""=[ \t\r\n\f]*[^ \t\r\n\f"'>]+$""")  # <svg a=1/>: the "/" is the value's
_RAW_END = {name: re.compile(rf"</{name}[\s/>]", re.I) for name in RAW}

# per name, the boundary groups it belongs to (bit i -> _Stack._groups[i])
_SPECIAL, _SCOPE, _TABLE_SCOPE, _LIST_STOP = 1, 2, 4, 8
_KIND = {name: (_SPECIAL if name in SPECIAL else 0) | (_SCOPE if name in SCOPE else 0)
         | (_TABLE_SCOPE if name in TABLE_SCOPE else 0) | (_LIST_STOP if name in LIST_STOP else 0)
         for name in SPECIAL | SCOPE | TABLE_SCOPE}


def _last(lst: list[int]) -> int:
    return lst[-1] if lst else -1


class _Stack:
    """Open elements by name, with O(1) "nearest open X" and "nearest boundary" lookups, and the
    list of active formatting elements (entries: [name, attributes, stack index or -1])."""

    def __init__(self):
        self.names: list[str | None] = []  # None: taken out from the middle
        self.at: dict[str, list[int]] = {}
        self.special: list[int] = []
        self.scope: list[int] = []
        self.table_scope: list[int] = []
        self.list_stop: list[int] = []
        self._groups = ((_SPECIAL, self.special), (_SCOPE, self.scope), (_TABLE_SCOPE, self.table_scope),
                        (_LIST_STOP, self.list_stop))
        self.live = 0
        self.foreign = 0  # open svg/math elements
        # active formatting elements: id -> entry in list order (None = marker); per marker segment
        # the ids by name and by (name, attributes) for the "at most three alike" rule
        self.afe: dict[int, list | None] = {}
        self.by_name: list[dict[str, list[int]]] = [{}]
        self.by_key: list[dict[tuple, list[int]]] = [{}]
        self.afe_at: dict[int, int] = {}  # stack index -> entry id
        self._ids = 0
        self.reopened = 0  # elements the parser creates again without a tag in the text
        self.frameset_ok = True  # no content yet: a <frameset> would replace the body
        self.in_frameset = False  # then only framesets nest and every other tag is dropped

    # -- the stack

    def nearest(self, *names: str) -> int:
        best = -1
        for n in names:
            lst = self.at.get(n)
            if lst and lst[-1] > best:
                best = lst[-1]
        return best

    def foreign_root(self) -> int:
        """Index of the outermost svg/math element of the current foreign content; -1 if HTML."""
        if not self.foreign:
            return -1
        base = self.nearest(*INTEGRATION)
        best = -1
        for name in FOREIGN:
            lst = self.at.get(name)
            if lst and lst[-1] > base:
                i = lst[bisect_right(lst, base)]
                best = i if best < 0 else min(best, i)
        return best

    def top(self) -> str | None:
        return self.names[-1] if self.names else None

    def push(self, name: str) -> int:
        i = len(self.names)
        self.names.append(name)
        self.at.setdefault(name, []).append(i)
        self.live += 1
        kind = _KIND.get(name)
        if kind:
            for bit, group in self._groups:
                if kind & bit:
                    group.append(i)
        if name in FOREIGN:
            self.foreign += 1
        if name in MARKERS:
            self._ids += 1
            self.afe[self._ids] = None
            self.by_name.append({})
            self.by_key.append({})
        return i

    def pop_to(self, k: int) -> None:
        """Pop element k and everything above it."""
        names = self.names
        while len(names) > k:
            name = names.pop()
            if name is None:
                continue
            i = len(names)
            self.at[name].pop()
            self.live -= 1
            kind = _KIND.get(name)
            if kind:
                for bit, group in self._groups:
                    if kind & bit:
                        group.pop()
            if name in FOREIGN:
                self.foreign -= 1
            fid = self.afe_at.pop(i, None)
            if fid is not None:
                self.afe[fid][2] = -1  # off the stack, still active: reopened by the next text
            if name in MARKERS:
                self._clear_to_marker()

    def take_out(self, k: int) -> None:
        name = self.names[k]
        self.names[k] = None
        self.at[name].pop()
        self.live -= 1
        self.afe_at.pop(k, None)
        while self.names and self.names[-1] is None:
            self.names.pop()

    # -- active formatting elements

    def _clear_to_marker(self) -> None:
        while self.afe:
            _, entry = self.afe.popitem()
            if entry is None:
                break
            if entry[2] >= 0:
                self.afe_at.pop(entry[2], None)
        if len(self.by_name) > 1:
            self.by_name.pop()
            self.by_key.pop()

    def add_formatting(self, name: str, attrs: str, index: int) -> None:
        key = (name, attrs)
        alike = self.by_key[-1].setdefault(key, [])
        if len(alike) >= 3:  # "Noah's Ark": the earliest of three alike leaves the list
            self.drop_entry(alike[0])
        self._ids += 1
        self.afe[self._ids] = [name, attrs, index]
        alike.append(self._ids)
        self.by_name[-1].setdefault(name, []).append(self._ids)
        self.afe_at[index] = self._ids

    def drop_entry(self, fid: int) -> None:
        name, attrs, index = self.afe.pop(fid)
        self.by_name[-1][name].remove(fid)
        self.by_key[-1][(name, attrs)].remove(fid)
        if index >= 0:
            self.afe_at.pop(index, None)

    def last_entry(self, name: str) -> int | None:
        ids = self.by_name[-1].get(name)
        return ids[-1] if ids else None

    def reconstruct(self) -> None:
        """Reopen the active formatting elements that were closed implicitly (text after them)."""
        if not self.afe:
            return
        reopen = []
        for fid in reversed(self.afe):
            entry = self.afe[fid]
            if entry is None or entry[2] >= 0:
                break
            reopen.append(fid)
        self.reopened += len(reopen)
        for fid in reversed(reopen):
            entry = self.afe[fid]
            entry[2] = self.push(entry[0])
            self.afe_at[entry[2]] = fid


def _adoption(st: _Stack, t: str) -> bool:
    """A formatting end tag; False when ``t`` has no active entry (then it is any other end tag)."""
    fid = st.last_entry(t)
    if fid is None:
        return False
    k = st.afe[fid][2]
    if k < 0:
        st.drop_entry(fid)
    elif k < _last(st.scope):
        pass  # not in scope: ignored
    elif _last(st.special) > k:
        pass  # a block opened inside it: the formatting element is cloned around it, depth unchanged
    else:
        st.pop_to(k)
        st.drop_entry(fid)
    return True


def _start(st: _Stack, t: str, attrs: str, self_closing: bool) -> bool:
    """Apply one start tag; True when it opened an HTML element (not svg/math content)."""
    if t == "frameset":  # counted even where the parser drops it: the estimate stays on the safe side
        st.in_frameset = st.in_frameset or (st.frameset_ok and st.live == 0)
        st.frameset_ok = False
        st.push(t)
        return False
    if st.in_frameset:
        return False  # a frameset page: the parser drops every other tag
    if t not in BEFORE_BODY:
        st.frameset_ok = False
    root = st.foreign_root()
    if root >= 0:
        if t not in BREAKOUT:
            if not self_closing:  # "/>" closes only in svg and math
                st.push(t)
            return False
        st.pop_to(root)  # an HTML element ends the svg/math it appears in
    if t in IGNORED:
        return False
    if t in TABLE_PARTS and st.nearest("table") < 0:
        return True  # a cell or row outside any table is dropped by the parser
    if t == "a" and st.last_entry("a") is not None:
        fid = st.last_entry("a")
        _adoption(st, "a")
        if fid in st.afe:  # a second <a> closes the first, wherever it is
            k = st.afe[fid][2]
            st.drop_entry(fid)
            if k >= 0:
                st.take_out(k)
    if t == "nobr":
        st.reconstruct()
        if st.nearest("nobr") > _last(st.scope):
            _adoption(st, "nobr")
    if t == "li" or t in ("dd", "dt"):  # before the p is closed: an open p may hide nothing
        k = st.nearest("li") if t == "li" else st.nearest("dd", "dt")
        if k >= 0 and k >= _last(st.list_stop):  # the li itself is a stop; one above it blocks
            st.pop_to(k)
    if t in CLOSES_P:
        k = st.nearest("p")
        if k >= 0 and k > max(_last(st.scope), st.nearest("button")):
            st.pop_to(k)
    if t in HEADINGS and st.top() in HEADINGS:
        st.pop_to(len(st.names) - 1)
    elif t in ("td", "th", "tr") or t in SECTIONS:
        k = st.nearest("td", "th") if t in ("td", "th") else st.nearest("tr") if t == "tr" else st.nearest(*SECTIONS)
        if k >= 0 and k > _last(st.table_scope):
            st.pop_to(k)
        # the parser supplies the tbody and tr a bare cell or row lacks
        table = _last(st.table_scope)
        if t in ("td", "th", "tr") and st.nearest(*SECTIONS) < table:
            st.push("tbody")
        if t in ("td", "th") and st.nearest("tr") < table:
            st.push("tr")
    elif t == "table" and st.top() in ("table", "tbody", "thead", "tfoot", "tr") and st.nearest("table") >= 0:
        st.pop_to(st.nearest("table"))
    elif t in ("option", "optgroup") and st.top() == "option":
        st.pop_to(len(st.names) - 1)
    elif t == "button":
        k = st.nearest("button")
        if k >= 0 and k > _last(st.scope):
            st.pop_to(k)
    if t not in NO_RECONSTRUCT:  # after the closing above: what it closed is reopened inside
        st.reconstruct()
    if t in FOREIGN and self_closing:
        return True  # <svg/> opens and closes at once
    if t not in VOID:
        i = st.push(t)
        if t in FORMATTING:
            st.add_formatting(t, attrs, i)
    return True


def _end(st: _Stack, t: str) -> None:
    if t in ("br", "p") and st.foreign_root() >= 0:
        st.pop_to(st.foreign_root())  # </br> and </p> end svg/math content like an HTML start tag
    if t == "br":
        _start(st, "br", "", False)  # </br> is read as <br>
        return
    if t in FORMATTING and _adoption(st, t):
        return
    k = st.nearest(*HEADINGS) if t in HEADINGS else st.nearest(t)  # </h1> closes an open h2 too
    if k < 0:
        return
    if t == "form":
        if k >= _last(st.scope):
            st.take_out(k)  # only the form leaves the stack; what it holds stays open
    elif t == "p":
        if k > max(_last(st.scope), st.nearest("button")):
            st.pop_to(k)
    elif t == "li":
        if k > max(_last(st.scope), st.nearest("ol", "ul")):
            st.pop_to(k)
    elif t in TABLE_PARTS or t == "table":
        if k >= _last(st.table_scope):
            st.pop_to(k)
    elif t in CLOSES_IN_SCOPE or t in HEADINGS:
        if k >= _last(st.scope):
            st.pop_to(k)
    elif k > _last(st.special):  # any other end tag stops at the first special element
        st.pop_to(k)


def _tag_end(text: str, p: int) -> int:
    """Index of the ">" that ends the tag whose name ends at p (quoted values may hold ">"); -1: EOF."""
    while True:
        t = _TAG_END.search(text, p)
        if t is None:
            return -1
        if t.group(1) is None:
            return t.start()
        q = text.find(t.group(1), t.end())
        if q < 0:
            return -1
        p = q + 1


def _refuse(path: str, deepest: int, created: int, limits: Limits) -> None:
    if created > limits.html_elements:
        raise LimitExceeded(path, "the page has too many HTML elements", created, limits.html_elements,
                            "html_elements")
    if deepest > limits.html_depth:
        raise LimitExceeded(path, "HTML elements are nested too deeply", deepest, limits.html_depth, "html_depth")


def check_html(text: str, path: str, limits: Limits) -> tuple[int, int]:
    """(deepest stack, elements created) of ``text``; LimitExceeded past the limits. Linear time."""
    st = _Stack()
    elements = deepest = 0
    max_depth, max_elements = limits.html_depth, limits.html_elements
    pos, n = 0, len(text)
    while pos < n:
        m = _NEXT.search(text, pos)
        if m is None:
            if st.afe and pos < n and not st.foreign:
                st.reconstruct()  # trailing text
            break
        if m.start() > pos:
            if st.afe and not st.foreign:
                st.reconstruct()  # text reopens formatting closed implicitly
            st.frameset_ok = False
        if m.group(1):  # <!-- comment -->: an unclosed one runs to the end; <!--> and <!---> are empty
            if text.startswith(">", m.end()) or text.startswith("->", m.end()):
                pos = text.find(">", m.end()) + 1
                continue
            end = _COMMENT_END.search(text, m.end())
            if end is None:
                break
            pos = end.end()
            continue
        if m.group(2):  # <!doctype …>, <?…>, </ x> : bogus comment up to ">"
            end = text.find(">", m.end())
            if end < 0:
                break
            pos = end + 1
            continue
        closing, name = m.group(3), m.group(4).lower()
        gt = _tag_end(text, m.end())
        if gt < 0:
            break  # EOF inside a tag: the parser drops the rest
        pos = gt + 1
        if closing:
            _end(st, name)
        else:
            elements += 1
            attrs = text[m.end():gt].strip(" \t\r\n\f/") if name in FORMATTING else ""
            closed = text[gt - 1] == "/" and not _UNQUOTED_LAST.search(text, m.end(), gt)
            html_element = _start(st, name, attrs, closed)
            # raw text only where the parser surely reads it so (svg/math content or a frameset page
            # drop it; inside <select> lexbor reads all of them as raw text too)
            raw = html_element and not st.foreign and st.nearest("frameset") < 0
            if name == "plaintext" and raw:
                break  # everything after it is text
            if name in RAW and raw:
                r = _RAW_END[name].search(text, pos)
                if r is None:
                    break
                pos = r.start()
        if st.live > deepest:
            deepest = st.live
        if deepest > max_depth or elements + st.reopened > max_elements:
            break
    deepest = max(deepest, st.live)
    _refuse(path, deepest, elements + st.reopened, limits)
    return deepest, elements + st.reopened
