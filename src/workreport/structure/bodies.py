"""What kind of body a name is (bodies.yaml) and the level of government it belongs to (levels.yaml).

A name is read as ``<owner places> <body form> [<trailer>]``: the body is the LONGEST known form the
name ends with (a city's ecology and environment bureau ends with the bureau's form; a county's
merged science and economy bureau with that merged form), so its function gives the domain
whatever its report's words are; the owner is the last place word before the form (the innermost
government: a district's civil affairs bureau inside a named city is a district body).  Names are matched after full-width folding
(textnorm.norm) and traditional-to-simplified folding (traditional.yaml), both one character to
one character.  Pure functions over data; no word lists here.  The level lookup over the owner
part is in levels.py (mixed into the table).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from .. import rules
from ..errors import RuleDataError
from ..textnorm import norm
from .levels import LevelMatch, Levels

_MATCH_CACHE = 16384  # prepared names whose match is kept (a few MB at most)


@dataclass(frozen=True, slots=True)
class BodyMatch:
    """The body a name ends with.  ``rule`` says how it was found: ``bodies.end`` (the name ends
    with the form), ``.trailer`` (after dropping a trailer such as the party group or the organ
    itself), ``.branch`` (a branch bureau of the body), ``.parent`` (a generic sub-unit after its
    department's name), ``.combined`` (a bureau of two functions), ``.leading`` (a body named
    with its leading word first, as a county's political consultative committee is)."""

    id: str
    domain: str
    domain_accept: tuple[str, ...]
    comprehensive: bool
    organ: str
    rule: str
    form: str = ""
    prefix: str = ""            # the owner part before the form (folded), e.g. a city's name
    place: str | None = None    # a place word inside the form itself (the county of a county committee)
    level: str | None = None    # a level fixed by the kind of body (companies, schools, hospitals)
    national: bool = False      # the form names the national body itself (a ministry, the audit office)
    branch: str | None = None   # the branch's own name before the branch word (a district's name)


@dataclass(frozen=True, slots=True)
class Mention:
    """A body named in running text: ``name`` is ``text[start:end]`` as written."""

    start: int
    end: int
    name: str
    body: BodyMatch


class _Form(NamedTuple):
    """One form of the table (20k of them: a tuple is built much faster than a dataclass)."""

    entry: int
    organ: str
    place: str | None
    national: bool


class _Table(Levels):
    """bodies.yaml, levels.yaml and traditional.yaml compiled for matching (the level lookup:
    levels.Levels)."""

    def __init__(self, bodies: dict, levels: dict, trad: dict, shipped: bool = False):
        problems: list[str] = []
        self.fold = str.maketrans(trad["fold"]["chars"])
        # most text has no traditional character: one class search spares translating it (a
        # whole report's paragraph is folded by several passes)
        self.traditional = rules.compiled("[" + re.escape("".join(trad["fold"]["chars"])) + "]")
        self.place_level: dict[str, tuple[str, str, bool]] = {}
        # place words that belong to a government word written right before them (a city's zone)
        self.owners: dict[str, frozenset[str]] = {}
        for e in levels["places"]:
            for w in e["words"]:
                self.place_level[w] = (e["level"], e["id"], bool(e.get("text_decides")))
                if e.get("owners"):
                    self.owners[w] = frozenset(e["owners"])
        self.not_place = set(levels["not_place"]["words"])
        self.name_end = set(levels["name_end_compounds"]["words"])
        self.name_end_not_after = set(levels["name_end_compounds"]["not_after"])
        # a compound that holds a place word is no compound before its guard (levels.yaml
        # not_place guards): there the place word stands alone (a city and then its government)
        guards = levels["not_place"].get("guards", {})
        self.place_re = rules.compiled("|".join(
            re.escape(w) + (f"(?!{re.escape(guards[w])})" if w in guards else "")
            for w in sorted(set(self.place_level) | self.not_place, key=lambda w: (-len(w), w))))
        self.municipalities = tuple(levels["municipalities"]["names"])
        cc = levels["county_cities"]
        self.county_cities, self.county_city_level = frozenset(cc["names"]), cc["level"]
        self.county_city_after = tuple(cc["after"])
        self.county_city_chars = max(map(len, self.county_cities))
        self.national_prefixes = set(levels["national"]["prefixes"])
        self.national_leading = rules.compiled(levels["national"]["leading"])
        joint = levels["joint_township"]
        self.joint_township, self.joint_level, self.joint_id = rules.compiled(joint["pattern"]), joint["level"], joint["id"]
        self.organ_levels = dict(levels["organ_levels"]["organs"])
        self.branch_below = dict(levels["branch_levels"]["below"])
        self.stations = tuple(sorted(levels["stations"]["forms"], key=len, reverse=True))
        self.station_level = levels["stations"]["level"]
        self.county_forms = frozenset(levels["county_forms"]["forms"])
        self.county_form_level = levels["county_forms"]["level"]
        self.domains = set(bodies["domains"])
        self.within = tuple(bodies["connectors"]["within"])
        self.between = tuple(bodies["connectors"]["between"])
        self.trailers = sorted(bodies["trailers"], key=len, reverse=True)
        self.sub_units = set(bodies["sub_units"])
        self.bracket_tail = rules.compiled(bodies["bracket_tail"]["pattern"])
        self.branch = rules.compiled(bodies["branch"]["pattern"])
        self.branch_chars = int(bodies["branch"]["name_chars"])
        mention = bodies["mention"]
        name, n = mention["name"], int(mention["name_chars"])
        places = rules.alternation(self.place_level)
        ph = rules.piece("placeholder")
        # owner places before a form, matched backwards from the form by search(..., endpos); a
        # form that holds its own place word (a town's government) may have a placeholder for
        # the place's name
        # real places whose names begin with a character no other name holds (orgs.yaml
        # function_word_places): an owner of their own
        fw = rules.entry("orgs", "org.function_word_places")
        known = "|".join(re.escape(w) + (f"(?!{fw['guards'][w]})" if w in fw.get("guards", {}) else "")
                         for w in sorted(set(fw["words"]) - set(fw["not_in_running_text"]), key=lambda w: (-len(w), w)))
        self.owner = rules.compiled(f"(?:{known}|(?:{ph}|(?:{name}){{1,{n}}}?)?(?:{places}))+$")
        self.place_owner = rules.compiled(f"(?:(?:(?:{ph}|(?:{name}){{1,{n}}}?)?(?:{places}))*{ph}|{known}|(?:{ph}|(?:{name}){{1,{n}}}?)?(?:{places}))+$")
        self.owner_window = 3 * (n + max(map(len, self.place_level)))
        # what both owner patterns must end with: searched first, it spares their slow search at
        # most forms, which no place word or placeholder comes right before
        self.owner_end = rules.compiled(f"(?:{ph}|{places})$")
        self.not_after = rules.compiled(mention["not_after"])
        self.organ_words = sorted(bodies["organ_words"], key=len, reverse=True)
        sets = bodies["organ_sets"]
        groups = bodies["place_groups"]
        for g, words in groups.items():
            problems += [f"bodies.yaml place_groups.{g}: {w!r} is not a place word of levels.yaml"
                         for w in words if w not in self.place_level]
        self.entries: list[dict] = bodies["bodies"]
        self.forms: dict[str, tuple] = {}  # form -> the fields of its _Form (made when one is found)
        self._lengths: dict[str, tuple[int, ...]] | None = None  # see _lengths_ending
        # a parse asks for the same few thousand names again and again (a fifth of them distinct):
        # the answer depends on the name alone; bounded, so a long-running process does not grow
        self._matched = lru_cache(maxsize=_MATCH_CACHE)(self._match_name)
        self.stems: dict[str, int] = {}
        self.leading: list[tuple[str, int]] = []
        # the 20k forms are derived once and kept with the rule tables (rules/cache.py): building
        # them was a tenth of a parse's start-up
        # (``shipped``: the tables are the package's own, so the cache may answer)
        derive = lambda: self._derive(bodies, groups, sets, problems)  # noqa: E731
        self.forms, self.stems, leading, self.max_form, self.end_chars, self.max_stem = (
            rules.cache.table("bodies (forms)", derive, code=__file__) if shipped else derive())
        if problems:  # the place groups' check above runs either way
            raise RuleDataError(problems)
        self.leading = [tuple(x) for x in leading]

    def _derive(self, bodies: dict, groups: dict, sets: dict, problems: list[str]):
        """(forms as plain tuples, stems, leading words) of bodies.yaml; RuleDataError on a problem."""
        for i, e in enumerate(self.entries):
            problems += self._check(e, groups)
            organs = [o for name in e.get("organs", []) for o in sets.get(name, [name])]
            dept = not e.get("comprehensive") and not e.get("level")
            for stem in e.get("stems", []):
                for v in self._variants(stem):
                    if dept:
                        self.stems.setdefault(v, i)
                    for o in organs:
                        problems += self._add(v + o, _Form(i, o, None, False))
            for f in e.get("forms", []):
                for v in self._variants(f):
                    problems += self._add(v, _Form(i, self._organ_of(v), None, False))
            places = groups.get(e.get("places"), [])
            for tpl in e.get("place_forms", []):
                tail = tpl.split("{place}")[-1]
                for p in places:
                    problems += self._add(tpl.replace("{place}", p), _Form(i, tail or p, p, False))
            for f in e.get("national", []):
                problems += self._add(f, _Form(i, self._organ_of(f), None, True), national=True)
            self.leading += [(w, i) for w in e.get("leading", [])]
        self.leading.sort(key=lambda x: -len(x[0]))
        if problems:
            raise RuleDataError(problems)
        return ({k: tuple(v) for k, v in self.forms.items()}, self.stems, self.leading, max(map(len, self.forms)),
                "".join(sorted({f[-1] for f in self.forms})), max(map(len, self.stems)))

    def form(self, key: str) -> _Form | None:
        """The form ``key`` of the table, or None."""
        f = self.forms.get(key)
        return None if f is None else _Form._make(f)

    def _variants(self, word: str) -> list[str]:
        """A stem also without its inner connector, or with another one (levels.yaml connectors);
        each once, in the order made (not a set: the forms table's order and the first of two
        clashing forms must not change with the process)."""
        out = [word]
        for c in self.within:
            if c in word:
                out.append(word.replace(c, ""))
                out += [word.replace(c, d) for d in self.within]
        return list(dict.fromkeys(out))

    def _organ_of(self, form: str) -> str:
        return next((o for o in self.organ_words if form.endswith(o)), form[-1])

    def _add(self, form: str, f: _Form, national: bool = False) -> list[str]:
        old = self.forms.get(form)
        if old is None or (national and old.entry == f.entry):
            self.forms[form] = f
            return []
        if old.entry != f.entry:
            return [f"bodies.yaml: form {form!r} belongs to both {self.entries[old.entry]['id']} "
                    f"and {self.entries[f.entry]['id']}"]
        return []

    def _check(self, e: dict, groups: dict) -> list[str]:
        """What the schema (rules/schema.py) cannot see: the closed vocabulary, place groups."""
        where = f"bodies.yaml:{e.get('id')}"
        out = []
        if e.get("domain") not in self.domains:
            out.append(f"{where}: domain {e.get('domain')!r} is not in the closed vocabulary")
        out += [f"{where}: domain_accept {d!r} is not in the closed vocabulary"
                for d in e.get("domain_accept", []) if d not in self.domains]
        out += [f"{where}: stem {s!r} is shorter than 2 characters" for s in e.get("stems", []) if len(s) < 2]
        if e.get("stems") and not e.get("organs"):
            out.append(f"{where}: stems without organs")
        if e.get("place_forms") and e.get("places") not in groups:
            out.append(f"{where}: place_forms need `places`, the name of a place group")
        out += [f"{where}: place form {t!r} has no {{place}}" for t in e.get("place_forms", []) if "{place}" not in t]
        return out

    # ---- matching --------------------------------------------------------------------------
    def prepare(self, name: str) -> str:
        s = re.sub(r"\s+", "", norm(name).translate(self.fold))
        while True:
            m = self.bracket_tail.search(s)
            if not m or m.start() == 0:
                return s
            s = s[: m.start()]

    def match(self, s: str) -> BodyMatch | None:
        """The body the prepared name ``s`` ends with, or None."""
        return self._matched(s)

    def _match_name(self, s: str) -> BodyMatch | None:
        for word, i in self.leading:
            if not s.startswith(word) or len(s) <= len(word):
                continue
            # the name still ends as a body does (its committee, its branch): not a title run on
            if any(s.endswith(o) for o in self.organ_words) or self._at_end(s) is not None:
                if self.national_leading.match(s[len(word):]):  # its place is the whole country
                    return self._result(i, word, "", "bodies.leading.national", self._organ_of(s), None, True)
                return self._result(i, word, s[len(word):], "bodies.leading", self._organ_of(s), None)
        return self._match(s)

    def _match(self, s: str) -> BodyMatch | None:
        m = self._at_end(s)
        if m:
            return m
        for t in self.trailers:
            if s.endswith(t) and len(s) > len(t):
                m = self._match(s[: -len(t)])
                if m:
                    return replace(m, rule=m.rule + ".trailer")
        b = self.branch.search(s)
        for k in range(b.start() - 1, max(0, b.start() - self.branch_chars) - 1, -1) if b else ():
            m = self._at_end(s[:k])
            if m:
                return replace(m, rule=m.rule + ".branch", organ=b.group("organ"), branch=s[k : b.start()])
        return None

    def form_start(self, s: str, end: int) -> int | None:
        """Where the longest form ending at ``end`` of ``s`` starts, or None."""
        if end <= 0:
            return None
        for n in self._lengths_ending().get(s[end - 1], ()):  # longest first
            if n <= end and s[end - n:end] in self.forms:
                return end - n
        return None

    def _lengths_ending(self) -> dict[str, tuple[int, ...]]:
        """The lengths of the forms ending with each character, longest first: a place in the
        text is tried only with lengths some form ending there has (made on first use)."""
        if self._lengths is None:
            by: dict[str, set[int]] = {}
            for f in self.forms:
                by.setdefault(f[-1], set()).add(len(f))
            self._lengths = {c: tuple(sorted(ns, reverse=True)) for c, ns in by.items()}
        return self._lengths

    def _at_end(self, s: str) -> BodyMatch | None:
        for i in range(max(0, len(s) - self.max_form), len(s)):
            f = self.form(s[i:])
            if f:
                break
        else:
            return None
        if s[i:] in self.sub_units and i > 0:
            parent = self._at_end(s[:i])
            if parent and self._is_dept(parent) and parent.prefix + parent.form == s[:i]:
                return replace(parent, rule=parent.rule + ".parent")
        entries, j = [f.entry], i
        if self._is_dept_entry(f.entry) and self.entries[f.entry].get("stems") and f.place is None:
            entries, j = self._combined(s, i, f.entry)
        m = self._result(entries[0], s[j:], s[:j], "bodies.end", f.organ, f.place, f.national and j == i)
        if len(entries) > 1:
            extra = tuple(self.entries[k]["domain"] for k in entries[1:])
            accept = tuple(dict.fromkeys(a for a in m.domain_accept + extra if a != m.domain))
            m = replace(m, domain_accept=accept, rule="bodies.combined")
        return m

    def _combined(self, s: str, i: int, entry: int) -> tuple[list[int], int]:
        """A bureau of several functions joined by connectors: the stems before the matched form
        belong to the same bureau."""
        entries, j = [entry], i
        while j > 0:
            k = j - 1 if s[j - 1] in self.between else j
            for n in range(min(self.max_stem, k), 1, -1):
                e = self.stems.get(s[k - n : k])
                if e is not None:
                    entries.insert(0, e)
                    j = k - n
                    break
            else:
                break
        return list(dict.fromkeys(entries)), j

    def _is_dept_entry(self, i: int) -> bool:
        e = self.entries[i]
        return not e.get("comprehensive") and not e.get("level")

    def _is_dept(self, m: BodyMatch) -> bool:
        return not m.comprehensive and m.level is None

    def _result(self, i: int, form: str, prefix: str, rule: str, organ: str, place: str | None,
                national: bool = False) -> BodyMatch:
        e = self.entries[i]
        return BodyMatch(id=e["id"], domain=e["domain"], domain_accept=tuple(e.get("domain_accept", [])),
                         comprehensive=bool(e.get("comprehensive")), organ=organ, rule=rule, form=form,
                         prefix=prefix, place=place, level=e.get("level"), national=national)

@lru_cache(maxsize=1)
def table() -> _Table:
    return _Table(rules.load("bodies"), rules.load("levels"), rules.load("traditional"), shipped=True)


def fold(text: str) -> str:
    """``text`` with traditional characters folded to simplified ones (same length)."""
    t = table()
    return text.translate(t.fold) if t.traditional.search(text) else text


def classify_body(name: str) -> BodyMatch | None:
    """The kind of body ``name`` ends with, or None when it names no known body."""
    t = table()
    s = t.prepare(name or "")
    return t.match(s) if s else None


def level_of(name: str) -> LevelMatch | None:
    """The level of the government ``name`` belongs to (see levels.yaml), or None."""
    t = table()
    joint = t.joint(name or "")  # read before the bracket is dropped
    if joint:
        return joint
    s = t.prepare(name or "")
    return t.level(s, t.match(s)) if s else None


@lru_cache(maxsize=64)
def _end_chars(ends: str) -> re.Pattern:
    return re.compile(f"[{re.escape(ends)}]")


def mentions(text: str, ends: str) -> list[Mention]:
    """Bodies named anywhere in ``text`` whose name ends with one of the characters ``ends`` (the
    bureau character for a report that calls itself "our bureau"): the longest known form ending
    there, with the owner places written before it (a county's name, then the bureau's form).  One
    pass over the text; each hit looks back a bounded number of characters, so the cost is linear
    in the text.  A name inside a longer one ending later (the county committee inside "county
    committee and county government") is not reported."""
    t = table()
    s = fold(norm(text))
    out: list[Mention] = []
    for m in _end_chars(ends).finditer(s):
        e = m.end()
        i = t.form_start(s, e)
        if i is None or t.not_after.match(s, e):
            continue
        owner = t.place_owner if t.form(s[i:e]).place else t.owner
        lo = max(0, i - t.owner_window)
        own = owner.search(s, lo, i) if t.owner_end.search(s, lo, i) else None
        start = own.start() if own else i
        body = t.match(t.prepare(text[start:e]))
        if body is None or e - start < 2:
            continue
        while out and out[-1].start >= start:  # a name inside a longer one: keep the longer
            out.pop()
        out.append(Mention(start, e, text[start:e], body))
    return out


def forms_of(body_ids) -> list[str]:
    """Every form of the bodies ``body_ids`` (bodies.yaml ids)."""
    t = table()
    ids = set(body_ids)
    return [f for f in t.forms if t.entries[t.form(f).entry]["id"] in ids]


def is_owner(prefix: str) -> bool:
    """Is ``prefix`` wholly the owner places of a name (a development zone, a city and its
    district, a masked county)?"""
    t = table()
    s = t.prepare(prefix)
    return bool(s) and t.owner.match(s) is not None


def form_at(text: str, i: int) -> str | None:
    """The longest known body form that starts at ``text[i]`` (folded), or None."""
    t = table()
    s = text[i: i + t.max_form].translate(t.fold)
    return next((s[:n] for n in range(len(s), 0, -1) if s[:n] in t.forms), None)


def stem_body(stem: str) -> BodyMatch | None:
    """The department whose function ``stem`` names (civil affairs, transport …), or None."""
    t = table()
    s = t.prepare(stem)
    i = t.stems.get(s)
    return None if i is None else t._result(i, s, "", "bodies.stem", "", None)


def first_form(body_id: str) -> str | None:
    """The first whole form bodies.yaml lists for a body (its usual short name), or None."""
    for e in table().entries:
        if e["id"] == body_id:
            return (e.get("forms") or [None])[0]
    return None


@lru_cache(maxsize=1)
def _stems_re() -> re.Pattern:
    t = table()
    return re.compile("|".join(map(re.escape, sorted(t.stems, key=len, reverse=True))))


def line_mentions(text: str) -> list[tuple[BodyMatch, int]]:
    """How often ``text`` names each line department's function (bodies.yaml stems, the longest
    at each place), most named first: a department's report keeps naming its own line, a
    government's names many."""
    t = table()
    counts: dict[int, list] = {}
    for m in _stems_re().finditer(norm(text).translate(t.fold)):
        i = t.stems[m.group(0)]
        counts.setdefault(i, [m.group(0), 0])[1] += 1
    found = [(stem_body(stem), n) for stem, n in counts.values()]
    return sorted(((b, n) for b, n in found if b is not None), key=lambda bn: -bn[1])
