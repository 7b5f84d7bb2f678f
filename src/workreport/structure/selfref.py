"""A self-reference ("our bureau", "our town", "this unit") made into a name as far as the report
allows: a CMS author row or the signature of that kind, a placeholder place of that kind, a body of
that kind the text names (not as a superior), a community's repeated name, a place heading the
report's own documents, the function the report calls its system.  Words: data/orgs.yaml."""
from __future__ import annotations

import re
from collections import Counter

from .. import rules
from ..model import Report
from ..textnorm import norm
from . import bodies
from .names import NAME_MIN, PH, OrgGuess, clean_name, fuller, is_self, limit, place_start, report_text, sector_stem, \
    superior, system_stem
from .titles import TITLE_LINE, Evidence, breadcrumb_bodies, masthead_bodies, report_titles, row_authors

_TABLE = "orgs"
_HAN = rules.piece("han")
SELF = rules.pattern(_TABLE, "org.self_reference")
_SELF_ALIAS: dict[str, str] = rules.entry(_TABLE, "org.self_alias")["map"]
_SELF_KINDS: dict[str, dict] = rules.entry(_TABLE, "org.self_kinds")["kinds"]
_SELF_PLACES: dict[str, list] = rules.entry(_TABLE, "org.self_places")["kinds"]
_UNGUESSED = frozenset(rules.words(_TABLE, "org.unguessed_places"))
GUESSED_KINDS = frozenset(rules.words(_TABLE, "org.guessed_places"))
_SOLE_KINDS = frozenset(rules.words(_TABLE, "org.sole_place_kinds"))
_SOLE_NOT_NAME = rules.pattern(_TABLE, "org.sole_place_not_name")
_NOT_NAME = rules.pattern(_TABLE, "org.not_names")
_BAD_START = rules.pattern(_TABLE, "org.name.bad_start")
_LOCATED = rules.pattern(_TABLE, "org.located_place")
_FUNCTION_CHARS = rules.pattern(_TABLE, "org.name.function_chars")
_TP = rules.entry(_TABLE, "org.titled_place")
TITLED_PLACE = {k: rules.compiled(f"{_TP['before']}({_TP['name']}{re.escape(k)}){_TP['after']}") for k in _TP["kinds"]}
_NOT_AFTER_SELF = rules.entry(_TABLE, "org.self_named.not_before")["pattern"]
_SYSTEM = rules.pattern(_TABLE, "org.system")
_DEPARTMENT_STEMS: dict[str, str] = rules.entry(_TABLE, "org.system")["department_stems"]
_TITLE_FIELD = rules.pattern(_TABLE, "org.self_reference.title_field")
_FULLER_MAX = int(rules.limit(_TABLE, "org.fuller_prefix_max"))
_FIELD_DEPT = rules.pattern(_TABLE, "org.title.field_department")
_SECTOR_ORGANS: dict[str, str] = rules.entry(_TABLE, "org.sector")["organs"]
_WORK_TAILS: tuple[str, ...] = tuple(rules.entry(_TABLE, "org.sector").get("work_tails", ()))
_OWN_FIELD = rules.pattern(_TABLE, "org.self_reference.own_field")
_GUIDED_FIELD = rules.pattern(_TABLE, "org.self_reference.guided_field")
_LED_BY_GOVERNMENT = rules.pattern(_TABLE, "org.title.field_department.led")
_CROSS_CUTTING = rules.words(_TABLE, "org.title_field.cross_cutting")
_SCOPE = rules.pattern(_TABLE, "org.scope")
_SYSTEM_SCOPE = rules.pattern(_TABLE, "org.system", "scope")
_TITLE_YEAR = rules.pattern(_TABLE, "org.title_field.year")
_LINE_LED = rules.pattern(_TABLE, "org.subject.line_led")
_STOP = rules.compiled(rules.piece("sentence_stop"))
_SAME_FORM = rules.entry(_TABLE, "org.self_reference.guided_same_form")
_SAME_FORM_LEADERS = rules.pattern(_TABLE, "org.self_reference.guided_same_form")
_STATIONS = tuple(rules.entry("levels", "level.station")["forms"])
_QUOTED = rules.pattern(_TABLE, "org.local_place.quoted")
_OWN_DOCUMENT = rules.pattern(_TABLE, "org.own_document")
_DOCUMENT = rules.pattern(_TABLE, "org.year.document_name")
_FORMAL_STREET = rules.pattern(_TABLE, "org.formal_street")
# a government or its party committee issues documents its departments draft: not an issuer's own name
_NOT_ISSUERS = frozenset({"body.government", "body.party_committee"})
_FORMAL_STREET_KIND = "body.street"


def self_word(m: re.Match) -> str:
    """A self-reference as written: with the place word it abbreviates (self_alias), or with the
    whole body form it goes on with ("our community residents' committee")."""
    form = bodies.form_at(m.string, m.start(1))
    if form and len(form) > len(m.group(1)) and form.startswith(m.group(1)):
        return m.group(0)[0] + m.string[m.start(1): m.start(1) + len(form)]
    return m.group(0)[0] + _SELF_ALIAS.get(m.group(1), m.group(1))


def _of_kind(body: bodies.BodyMatch, kind: str) -> bool:
    if body is None:
        return False
    spec = _SELF_KINDS.get(kind, {})
    if spec.get("any"):
        return True
    return body.id in spec.get("bodies", _SELF_PLACES.get(kind, ())) or body.organ in spec.get("organs", ())


def resolve_self(m: re.Match, report: Report, ev: Evidence, line: int, sig) -> OrgGuess:
    """A self-reference made into a name as far as the report allows: a CMS author row of that
    kind, a placeholder place of that kind (XX + town), a body of that kind the text names (not as a
    superior), a place heading the report's own documents, the function the report calls its
    system (the civil affairs system + "our bureau" = the civil affairs bureau)."""
    kind = _SELF_ALIAS.get(m.group(1), m.group(1))
    for name, row_line in row_authors(ev):
        if _of_kind(bodies.classify_body(name), kind):
            return OrgGuess(name, row_line, "org.self_reference.row")
    for name, row_line in masthead_bodies(ev, report.start_line):  # the department whose site it is
        if _of_kind(bodies.classify_body(name), kind):
            return OrgGuess(name, row_line, "org.self_reference.masthead")
    if sig and _of_kind(bodies.classify_body(sig[0]), kind):
        return OrgGuess(sig[0], line, "org.self_reference.signature")
    # "our bureau" under a portal's breadcrumb through one bureau's own disclosure section
    for name, row_line in breadcrumb_bodies(ev):
        if kind not in TITLED_PLACE and _of_kind(bodies.classify_body(name), kind):
            return OrgGuess(name, row_line, "org.self_reference.breadcrumb")
    if kind in TITLED_PLACE:  # "our district" on the page of one of its departments (its breadcrumb)
        for name, row_line in breadcrumb_bodies(ev):
            body = bodies.classify_body(name)
            if body is not None and not body.comprehensive and (body.prefix.endswith(kind) or body.place == kind):
                return OrgGuess(name, row_line, "org.self_reference.breadcrumb")
    text = report_text(report)
    c: Counter[str] = Counter(x.group(1) for x in re.finditer(rf"({PH}{re.escape(kind)})(?!{_NOT_AFTER_SELF})", text))
    if c:
        return OrgGuess(c.most_common(1)[0][0], line, "org.self_reference")
    spec = _SELF_KINDS.get(kind, {})
    named = _named_of_kind(kind, text) if kind not in _UNGUESSED else None
    # its line of work in its own sentence: nearer evidence than a bureau of another line named
    # anywhere in the text (the next report's, when a start was missed)
    stem = _field_near(m) if spec.get("system_organ") else None
    line_body = bodies.stem_body(stem) if stem else None
    named_body = bodies.classify_body(named) if named else None
    if stem and (named_body is None or line_body is None or named_body.id != line_body.id):
        return OrgGuess(stem + spec["system_organ"], line, "org.self_reference.field")
    if named:
        return OrgGuess(named_of_bare_kind(named, report) or fuller(named, report), line, "org.self_reference.named")
    # a station of the line of the department that guides it (the market regulation station)
    stem = guiding_line(m) if spec.get("organs") and not spec.get("system_organ") else None
    of_line = bodies.stem_body(stem) if stem else None
    # the usual name of such a station of that line (a police station), else line + organ
    names = [f for f in _STATIONS if f.endswith(kind)] + [stem + organ for organ in spec.get("organs", ())] \
        if of_line is not None else []
    for name in names:
        body = bodies.classify_body(name)
        if body is not None and body.id == of_line.id:
            return OrgGuess(name, line, "org.self_reference.guided")
    same = guided_same_form(m, kind) if spec.get("same_form") else None
    if same:
        return OrgGuess(same, line, "org.self_reference.guided_same_form")
    local = (_local_place(kind, text) or _located_place(kind, text)) if kind in GUESSED_KINDS else None
    if local:
        return OrgGuess(local, line, "org.self_reference.local_place")
    place = _titled_place(kind, report)
    if place:
        return OrgGuess(place, line, "org.self_reference.titled_place")
    # a town that says "our town" and names one town only, its own, once (the place it works for,
    # the body that publishes its data): that town; a town named beside another is not told apart
    # (after the place heading its own documents: that tells the place, not which of its bodies)
    local = _local_place(kind, text, sole=True) if kind in _SOLE_KINDS else None
    if local:
        return OrgGuess(local, line, "org.self_reference.local_place")
    spec = _SELF_KINDS.get(kind, {})
    if spec.get("system_organ"):
        # (a sector of another scope than the one the text speaks of is a superior's or a
        # neighbour's: "the whole province's ecology system" in a county bureau's report; and a
        # name that makes no department of that line is no sector: an information system)
        own = Counter(x.group(1) for x in _SCOPE.finditer(norm(text))).most_common(1)
        stems = Counter(st for x in _SYSTEM.finditer(norm(text)) for st in [sector_stem(x)]
                        if st and _line_department(st, spec["system_organ"])
                        and (not own or _system_scope(x, st) in (None, own[0][0])))
        if stems:
            stem = stems.most_common(1)[0][0]
            return OrgGuess(_line_department(stem, spec["system_organ"]), line, "org.self_reference.system")
        stem = _title_field(report, ev)
        if stem:
            return OrgGuess(stem + spec["system_organ"], line, "org.self_reference.title_field")
    if spec.get("bare"):  # one kind of body (a school): its bare name
        return OrgGuess(spec["bare"], line, "org.self_reference.bare")
    return OrgGuess(self_word(m), line, "org.self_reference")


def _system_scope(m: re.Match, stem: str) -> str | None:
    """The scope written before a sector's function ("the whole province" + ecology system),
    searched back from the function when the match ran on over it."""
    if m.group("scope"):
        return m.group("scope")
    head = m.group("stem")
    before = _SYSTEM_SCOPE.search(head[: len(head) - len(stem)]) if head.endswith(stem) else None
    return before.group(0)[-1] if before else None


def _line_department(stem: str, organ: str) -> str | None:
    """The department of a line of work by its organ word (civil affairs + bureau), when that
    name is a known body of that line."""
    name = _DEPARTMENT_STEMS.get(stem, stem) + organ
    body, line = bodies.classify_body(name), bodies.stem_body(stem)
    return name if body is not None and line is not None and body.id == line.id else None


def department_kind(name: str) -> bool:
    """Is ``name`` a department's organ word alone or with "our" ("our bureau", the bare "bureau"
    of "the whole bureau"): a body of one line of work that its name does not tell?"""
    kind = bodies.fold(name[1:] if is_self(name) else name)
    return bool(_SELF_KINDS.get(_SELF_ALIAS.get(kind, kind), {}).get("system_organ"))


def field_department_of(self_name: str, label: str) -> str | None:
    """"Our bureau" whose text is plainly about one department's field (its domain read from the
    words, author.py): that field's department, by the organ "our" names (civil affairs + bureau)."""
    return kind_field_department(self_name[1:], label)


def kind_field_department(kind: str, label: str) -> str | None:
    """The department of a field by the organ word a body calls itself (department + agriculture:
    the agriculture department), when that organ is the field's."""
    kind = bodies.fold(kind)
    spec = _SELF_KINDS.get(_SELF_ALIAS.get(kind, kind), {})
    if label in spec.get("by_domain", {}):  # a kind several bodies share: the one of this field
        return spec["by_domain"][label]
    organ = spec.get("system_organ")
    line = bodies.stem_body(label) if organ else None
    body = bodies.classify_body(label + organ) if line is not None else None
    if body is None or body.id != line.id or body.domain != label:
        return None
    # a line named by its work's short form takes its department's own name (justice work: the
    # justice bureau), as a sector spoken for as a whole does
    return _DEPARTMENT_STEMS.get(label, label) + organ


def system_department(system: str, report: Report) -> str | None:
    """A sector spoken for as a whole (the whole province's ecology system) in a report that
    calls itself "our department" or "our bureau", or speaks of "the whole bureau": that sector's
    department of the scope's government (province + ecology + department), as far as the text
    names the scope."""
    m = _SYSTEM.search(bodies.fold(system))
    stem = system_stem(m.group("stem")) if m else None
    if not stem:
        return None
    text = norm(report_text(report))
    organs = [_SELF_KINDS.get(_SELF_ALIAS.get(x.group(1), x.group(1)), {}).get("system_organ") for x in SELF.finditer(text)]
    # or one that speaks of itself by its organ word alone ("the whole bureau"): that organ
    bare = _BARE_ORGAN.search(bodies.fold(text))
    for organ in [o for o in organs if o] + ([bare.group("organ")] if bare else []):
        # a sector named by its work's short form: the department's own name for that function
        name = (m.group("scope") or "") + _DEPARTMENT_STEMS.get(stem, stem) + organ
        body, line = bodies.classify_body(name), bodies.stem_body(stem)
        return name if body is not None and line is not None and body.id == line.id else None
    return None


def _field_near(m: re.Match) -> str | None:
    """The function of a department that calls itself "our bureau" in a sentence joining it to its
    own line of work (orgs.yaml own_field), or that names the same function's higher department
    as the one guiding it (the province's transport department guides the city's bureau)."""
    own = _OWN_FIELD.search(bodies.fold(m.string[m.end(): m.end() + limit("leadership_window")]))
    stem = system_stem(own.group("stem")) if own else None
    return stem or guiding_line(m) or guided_field(m)


def guided_field(m: re.Match) -> str | None:
    """The line of the superiors' departments named in the sentence of "our ..." as the ones
    guiding it (orgs.yaml guided_field: the provincial and city civil affairs departments)."""
    s = m.string
    stop = _STOP.search(s[m.end(): m.end() + limit("leadership_window")])
    seg = bodies.fold(s[max(0, m.start() - limit("leadership_window")): m.end() + (
        stop.start() if stop else limit("leadership_window"))])
    g = _GUIDED_FIELD.search(seg)
    stem = system_stem(g.group("stem")) if g else None
    return stem if stem and bodies.stem_body(stem) is not None else None


def guiding_line(m: re.Match) -> str | None:
    """The function of the department named, before "our ...", as the one that leads or guides
    it (the county's market regulation bureau guiding "our station")."""
    s = m.string
    lo = max(0, m.start() - limit("leadership_window"))
    stop = _STOP.search(s[m.end(): m.end() + limit("leadership_window")])
    seg = s[lo: m.end() + (stop.start() if stop else limit("leadership_window"))]
    for x in bodies.mentions(seg, bodies.table().end_chars):
        body = x.body
        if lo + x.start >= m.start() and lo + x.start < m.end() or body.comprehensive or not body.organ \
                or not body.form.endswith(body.organ):
            continue
        stem = body.form[: len(body.form) - len(body.organ)]
        line = bodies.stem_body(stem) if len(stem) >= NAME_MIN else None
        if line is not None and line.id == body.id and superior(seg, x.start, x.end):
            return stem
    return None


def guided_same_form(m: re.Match, kind: str) -> str | None:
    """A party committee's department or a federation that calls itself "we", guided by the body
    of its own form one level up (the city committee's publicity department): that form in the
    place of the lower committee or government leading it, else the bare form (orgs.yaml
    guided_same_form)."""
    s = m.string
    lo = max(0, m.start() - limit("leadership_window"))
    stop = _STOP.search(s[m.end(): m.end() + limit("leadership_window")])
    seg = bodies.fold(s[lo: m.end() + (stop.start() if stop else limit("leadership_window"))])
    ranks = _SAME_FORM["ranks"]
    committee_word = _SAME_FORM["committee"]
    for x in bodies.mentions(seg, kind):
        body = x.body
        if body.comprehensive or body.organ != kind or not superior(seg, x.start, x.end):
            continue
        # the guide's place: its name's owner, or the place word written just before its form
        # (a committee's owner, "the city committee", is not read as a place by the mention)
        owner = body.prefix or seg[max(0, x.start - 2): x.start]
        committee = owner.endswith(committee_word)
        guide_place = owner[:-len(committee_word)] if committee else owner
        guide_rank = ranks.get(guide_place[-1:]) if guide_place else None
        if guide_rank is None:
            return body.form
        lower = [ld.group("place") for ld in _SAME_FORM_LEADERS.finditer(seg)
                 if ranks.get(ld.group("place"), -1) > guide_rank]
        if not lower:
            return body.form
        return lower[0] + (committee_word if committee else "") + body.form
    return None


def _title_field(report: Report, ev: Evidence) -> str | None:
    """The department function a title names as its field of work (its first title, or the
    report's first line when it is shaped like a title but names no body)."""
    titles = [t for t, _, _ in report_titles(report, ev)[:1]]
    if report.paragraphs and TITLE_LINE.search(re.sub(r"\s+", "", report.paragraphs[0].norm_text)):
        titles.append(report.paragraphs[0].text)
    for title in titles:
        f = _TITLE_FIELD.search(bodies.fold(norm(title)))
        stem = system_stem(f.group("stem")) if f else None
        if stem:
            return stem
    return None


def _local_place(kind: str, text: str, sole: bool = False) -> str | None:
    """A community or village that calls itself ours, named by the name it repeats (a report on
    one community names it again and again; other communities seldom): the most used name,
    clearly ahead of any other that is not a part of it.  Each use counts for every length of
    name before the kind word (a name's start is not marked); the longest of the most used wins."""
    han = rules.compiled(_HAN)
    c: Counter[str] = Counter()
    quoted: set[str] = set()  # a campaign's or an honour's title, in quotes at least once
    for m in re.finditer(re.escape(kind), text):
        if _QUOTED.match(text, m.end()):
            quoted.add(text[max(0, m.start() - _FULLER_MAX): m.end()])
            continue
        here: list[str] = []
        for n in range(NAME_MIN, _FULLER_MAX + 1):
            name = text[max(0, m.start() - n): m.end()]
            head = name[: -len(kind)]
            if len(head) < n or not all(han.match(ch) for ch in head) or _FUNCTION_CHARS.search(head):
                break
            cleaned = clean_name(name)
            bad = _BAD_START.match(name) if cleaned is None else None
            cleaned = name[bad.end():] if bad and bad.end() else cleaned
            if cleaned == name:
                here.append(name)
            elif cleaned and len(cleaned) < len(name):
                # a verb before the name ("combining" + the community): the name starts after it
                here = [x for x in here if len(x) <= len(cleaned)]
                break
        c.update(here)
    c = Counter({k: v for k, v in c.items() if not any(q.endswith(k) for q in quoted)})
    if not c:
        return None
    best = max(c.items(), key=lambda kv: (kv[1], len(kv[0])))
    rivals = [v for k, v in c.items() if not k.endswith(best[0]) and not best[0].endswith(k)]
    if sole:  # named once is enough when it is the only place of its kind the text names
        name = None if rivals else _after_cut_verb(best[0], kind, text)
        return None if name is None or _SOLE_NOT_NAME.search(bodies.fold(name)) else name
    if best[1] < limit("place_min_uses") or any(v * limit("titled_place_margin") > best[1] for v in rivals):
        return None
    return best[0]


def _after_cut_verb(name: str, kind: str, text: str) -> str:
    """A name read back a bounded number of characters may start inside a verb the window cut in
    two ("push forward" + the town: its second character): the name starts after that verb."""
    i = text.find(name)
    for back in range(1, 3):
        if i < back:
            break
        bad = _BAD_START.match(text[i - back: i + len(name)])  # (its pattern is anchored: a slice)
        if bad and back < bad.end() <= len(name) - len(kind) - NAME_MIN + back:
            return name[bad.end() - back:]
    return name


def _located_place(kind: str, text: str) -> str | None:
    """A village, community or town that calls itself ours, named where its text says where it
    lies (orgs.yaml located_place): the first such name of that kind."""
    s = bodies.fold(text)
    for m in _LOCATED.finditer(s):
        name = text[m.start("name"): m.end("name")]
        head = name[: -len(kind)]
        if m.group("kind") == kind and clean_name(name) == name and not _FUNCTION_CHARS.search(head):
            return name
    return None


def local_name(name: str, report: Report) -> str | None:
    """A place named by its bare kind (a title's "street office", "town", "community" with no
    name of its own) that the report names with its own name again and again: that name
    (orgs.yaml guessed_places; the same test as for "our community")."""
    kind = name[1:] if is_self(name) else name
    return _local_place(kind, report_text(report)) if kind in GUESSED_KINDS else None


def _named_of_kind(kind: str, text: str) -> str | None:
    """The body of ``kind`` the text names most often, not counting superiors; a short name
    that a fuller one ends with counts for the fuller one.  A body named with a name of its own
    (the county's No. 1 school) used often enough wins over the bare kind (the school), and a
    report that calls itself by a bare organ word again and again (the branch bureau) is a body
    of that organ (orgs.yaml self_kinds ``refine``)."""
    spec = _SELF_KINDS.get(kind)
    if not spec or not spec.get("ends"):
        return None
    s = norm(text)
    c: Counter[str] = Counter()
    for x in bodies.mentions(text, spec["ends"]):
        # a verb or preposition the mention took in ("following the city's bureau's plan"): the
        # name starts after it, and what stands before the name tells a superior
        bad = None if place_start(x.name, running=True) else _BAD_START.match(x.name)
        start, name = (x.start + bad.end(), x.name[bad.end():]) if bad else (x.start, x.name)
        # (a clause run into the owner place, "handed over to the city's hall": the name starts
        # after the last character no place name holds)
        owner = name[: max(0, len(name) - len(x.body.form))] if x.body.form else ""
        head = place_start(owner, running=True)  # (a real place that starts like a function word holds none)
        cut = [head + c.end() for c in _FUNCTION_CHARS.finditer(bodies.fold(owner[head:]))]
        if cut:
            start, name = start + cut[-1], name[cut[-1]:]
        if len(name) > len(kind) and _of_kind(x.body, kind) and not superior(s, start, x.end) \
                and not is_self(x.name) and not is_self(name):
            c[name] += 1
    for short in list(c):
        full = [k for k in c if k != short and k.endswith(short)]
        if full:
            c[max(full, key=len)] += c.pop(short)
    refined = _refine(spec, s, c)
    if refined is not None:
        c = refined
    own = Counter({k: v for k, v in c.items() if v >= limit("place_min_uses") and _has_owner(k)})
    return (own or c).most_common(1)[0][0] if c else None


def named_of_bare_kind(name: str, report: Report) -> str | None:
    """A body named by its bare kind (the school, the company): the body of that kind the report
    names with a name of its own, often enough (orgs.yaml place_min_uses); else None."""
    m = bodies.classify_body(name)
    if m is None or m.prefix:
        return None
    if not any(m.id in spec.get("bodies", ()) for spec in _SELF_KINDS.values()):
        return None
    text = report_text(report)
    # its own name has no place word (a school's or a company's): the name the report repeats
    # before a form of its kind (before the senior high school, before the school)
    first: dict[str, int] = {}
    for x in bodies.mentions(text, bodies.table().end_chars):
        if x.body.id == m.id and not x.body.prefix:
            first.setdefault(x.name, x.start)
    # the longest form first; forms of one length by their first place in the text, then by
    # their characters (a set's order changes with the process: the same text must name one body)
    forms = sorted(first, key=lambda f: (-len(f), first[f], f))
    found = [n for n in (_local_place(f, text) for f in forms) if n]
    return found[0] if found else None


def _has_owner(name: str) -> bool:
    m = bodies.classify_body(name)
    return m is not None and bool(m.prefix or m.branch)


def _refine(spec: dict, s: str, c: Counter) -> Counter | None:
    """The names ending with the organ word the report calls itself by, bare and often enough (a
    branch bureau writing "the branch did …"), when the text names any; else None."""
    for r in spec.get("refine", ()):
        uses = len(re.findall(rf"{r['before']}{re.escape(r['organ'])}", s))
        if uses >= limit("place_min_uses"):
            kept = Counter({k: v for k, v in c.items() if k.endswith(r["organ"])})
            if kept:
                return kept
    return None


def _titled_place(kind: str, report: Report) -> str | None:
    """A self-referring city, district or county named by the documents the report says it
    issued: a superior's name rarely heads its own work plans in a subordinate's report.
    Needs one name clearly ahead of any other."""
    text = report_text(report)
    c = Counter(m.group(1) for m in TITLED_PLACE[kind].finditer(text)) if kind in TITLED_PLACE else Counter()
    c = Counter({k: v for k, v in c.items() if not _NOT_NAME.match(k) and not _BAD_START.match(k)})
    top = c.most_common(2)
    if not top or (len(top) > 1 and top[1][1] * limit("titled_place_margin") > top[0][1]):
        return None
    return top[0][0]


def field_department(place: str, title: str, report: Report) -> str | None:
    """A title that names a place and its field of work, in a report that speaks as the field's
    department (names the department or calls itself "our bureau"): that department of the place
    (orgs.yaml field_department; the organ as for a sector's opening)."""
    f = _TITLE_FIELD.search(bodies.fold(norm(title)))
    stem = system_stem(f.group("stem")) if f else None
    organ = _SECTOR_ORGANS.get(place[-1:]) if stem else None
    if not organ:
        return None
    body = bodies.stem_body(stem)
    name = place + stem + organ
    found = bodies.classify_body(name)
    if body is None or found is None or found.id != body.id:
        return None
    text = bodies.fold(report_text(report))
    own = re.search(re.escape(stem) + _FIELD_DEPT.pattern, text) or any(
        m.group(1) == organ for m in SELF.finditer(text)) or _led_by_government(place[-1:], report)
    return name if own else None


def _led_by_government(place_word: str, report: Report) -> bool:
    """Does the opening say it works under the government of ``place_word`` (the district
    committee and the district government)?  A government names only its party committee."""
    for p in report.paragraphs[: limit("opening_paragraphs")]:
        m = _LED_BY_GOVERNMENT.search(bodies.fold(p.norm_text[: limit("leadership_window")]))
        if m and m.group("scope") == place_word:
            return True
    return False


def title_field_author(report: Report, ev: Evidence) -> OrgGuess | None:
    """A report that names no author under a title that names only a line department's field of
    work (orgs.yaml title_field_cross_cutting: not a field every body works on): that
    department, in the place word its title puts before the field, else in the scope its text
    speaks of most (the whole county's education: the county's), else bare."""
    titles = [(t, line) for t, line, _ in report_titles(report, ev)[:1]]
    for title, line in titles:
        t = bodies.fold(norm(title))
        f = _TITLE_FIELD.search(t)
        stem = system_stem(f.group("stem")) if f else None
        if not stem or any(w in f.group("stem") for w in _CROSS_CUTTING):
            continue
        line_body = bodies.stem_body(stem)
        if line_body is None or line_body.comprehensive:
            continue
        head = _TITLE_YEAR.sub("", t[: f.end("stem") - len(stem)])  # what stands before the field
        place = head[-1:] if head[-1:] and head[-1:] in _SECTOR_ORGANS else ""
        if not place and head:
            continue  # something else is named before the field (a programme, a body)
        if not place:
            scopes = Counter(m.group(1) for m in _SCOPE.finditer(norm(report_text(report))))
            place = next((w for w, _ in scopes.most_common() if w in _SECTOR_ORGANS), "")
        # the department's own name leaves out its work's tail (ecology protection: the ecology department)
        short = [stem[: -len(t)] for t in _WORK_TAILS if stem.endswith(t) and len(stem) - len(t) >= NAME_MIN]
        short = [x for x in short if bodies.stem_body(x) is not None and bodies.stem_body(x).id == line_body.id]
        for name in (*(place + x + _SECTOR_ORGANS[place] for x in short), place + stem + _SECTOR_ORGANS[place], stem):
            found = bodies.classify_body(name)
            if found is not None and found.id == line_body.id:
                return OrgGuess(name, line, "org.title.field_only")
    return None


def line_led(s: str) -> tuple[int, str] | None:
    """An opening whose subject is a line of work (bare, or after a short place name) led by a
    government and its party committee (orgs.yaml line_led): the offset of that subject and the
    government's department of the line.  Not for the fields every body works on."""
    s = bodies.fold(s[: limit("subject_window")])
    m = _LINE_LED.search(s)
    if not m:
        return None
    clause = m.group("clause")
    stem = system_stem(clause)
    if not stem or any(w in clause for w in _CROSS_CUTTING):
        return None
    before = _TITLE_YEAR.sub("", clause[: len(clause) - len(stem)])
    line_body = bodies.stem_body(stem)
    if len(before) > limit("line_led_name_max") or line_body is None or line_body.comprehensive \
            or bodies.table().place_re.search(before):
        return None  # a longer phrase, or a place's own body (a town's office) before the line
    name = m.group("scope") + stem + _SECTOR_ORGANS[m.group("scope")]
    found = bodies.classify_body(name)
    return (m.start("clause"), name) if found is not None and found.id == line_body.id else None


_BARE_ORGAN = rules.pattern(_TABLE, "org.self_reference.bare_organ")


def bare_organ(report: Report) -> OrgGuess | None:
    """A department that speaks of itself only by its organ word ("the whole department"): that
    word, as written (orgs.yaml bare_organ_self)."""
    for p in report.paragraphs:
        m = _BARE_ORGAN.search(bodies.fold(p.norm_text))
        if m:
            return OrgGuess(p.text[m.start("organ"): m.end("organ")], p.line_start, "org.self_reference.bare_organ")
    return None


def unnamed(name: str | None) -> bool:
    """Is an author found without a name of its own: none, a self-reference ("our bureau"), or
    a bare kind (the school, the street office)?"""
    if not name or is_self(name):
        return True
    m = bodies.classify_body(name)
    return m is not None and not (m.prefix or m.branch)


def own_document(name: str | None, report: Report) -> OrgGuess | None:
    """An author found without a name of its own, in a text that names it as the issuer of a
    document it drew up (orgs.yaml own_document: the body's name opens the document's name):
    that body, of the author's kind when one was found; the one named most, the first on a tie."""
    kind = name[1:] if name and is_self(name) else name
    want = bodies.classify_body(kind) if kind else None
    c: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in report.paragraphs:
        for cand, body in _issuers(p.text, p.norm_text):
            if kind and (body.id != want.id if want is not None else not (body.organ == kind or body.form.endswith(kind))):
                continue
            c[cand] += 1
            first.setdefault(cand, p.line_start)
    if not c:
        return None
    best = c.most_common(1)[0][0]
    return OrgGuess(best, first[best], "org.own_document")


def _issuers(text: str, norm_text: str):
    """The bodies ``text`` names as the issuers of documents drawn up (orgs.yaml own_document),
    each a name of its own that opens a document's name, with its kind; in text order."""
    ends = bodies.table().end_chars
    for m in _OWN_DOCUMENT.finditer(bodies.fold(norm_text)):
        for d in _DOCUMENT.finditer(norm_text, m.start("docs"), m.end("docs")):  # each of a list
            doc = text[d.start() + 1: d.end() - 1]
            found = bodies.mentions(doc, ends)
            if not found or found[0].start > limit("own_document_owner_max_chars"):
                continue
            cand = doc[: found[0].end]
            body = bodies.classify_body(cand)
            if body is not None and (body.prefix or body.branch) and body.id not in _NOT_ISSUERS \
                    and clean_name(cand) == cand and _has_owner(cand):
                yield cand, body


def formal_street(name: str | None, report: Report, ev: Evidence) -> OrgGuess | None:
    """An author found with no name (none, a bare street office) in a text or page rows that give
    a street office's formal name (its government's name, then the street's: orgs.yaml
    formal_street): that street, the one named most, the first on a tie."""
    if name:
        kind = bodies.classify_body(name[1:] if is_self(name) else name)
        if kind is None or kind.id != _FORMAL_STREET_KIND:
            return None
    c: Counter[str] = Counter()
    first: dict[str, int] = {}
    lines = [*ev.rows, *((p.line_start, p.text) for p in report.paragraphs)]
    for line, text in lines:
        s = norm(text)
        for m in _FORMAL_STREET.finditer(bodies.fold(s)):
            street = s[m.start("name"): m.end("name")]
            c[street] += 1
            first.setdefault(street, line)
    if not c:
        return None
    best = c.most_common(1)[0][0]
    return OrgGuess(best, first[best], "org.formal_street")
