"""Who wrote a report (unit, level, region), about what (domain), for which year."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .. import rules
from ..model import Report
from ..textnorm import norm
from .headings import ordinal_digits, strip_ordinal
from .roles import cue_role

_T = rules.load("orgs")
PH = _T["placeholder"]
_SUFFIX_INFO: dict[str, dict] = {}
for _e in _T["suffixes"]:
    for _w in _e["words"]:
        _SUFFIX_INFO.setdefault(_w, _e)
_SUFFIX_ALT = rules.alternation(_SUFFIX_INFO)
# any name holding a township-level place word (镇, 街道, 垦殖场, 社区…) is a township-level body
_TOWNSHIP_WORD = re.compile(rules.alternation(w for w, e in _SUFFIX_INFO.items() if e.get("level") == "township_street"))
_CJK = r"[\u4e00-\u9fff]"
NAME = rf"(?:{PH}|{_CJK}){{1,14}}?(?:{_SUFFIX_ALT})"
_SUBJECT = re.compile(
    rf"{_T['subject_cues']['before']}\s*(?P<name>{NAME})(?={_T['subject_cues']['after']})"
)
_SELF = re.compile(_T["self_reference"])
_SELF_ALIAS = _T["self_alias"]
_SUPERIOR = re.compile(_T["superiors"])
_NAMES = _T["names"]
_BAD_START = re.compile(_NAMES["bad_start"]["pattern"])
_LEAD = re.compile(_NAMES["lead"]["pattern"])
_FUNCTION_CHARS = re.compile(_NAMES["function_chars"]["pattern"])
_PLACE = re.compile(_NAMES["place"]["pattern"])
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d{2})(?=年)")
_CN_YEAR = re.compile(_T["cn_year"]["pattern"])
_PLACE_LEVELS = [(e["id"], re.compile(e["pattern"]), e["level"]) for e in _T["place_levels"]]
_PREFECTURE = re.compile(_T["city_cues"]["prefecture"]["pattern"])
_COUNTY = re.compile(_T["city_cues"]["county"]["pattern"])
_SPEECH = [(e["id"], re.compile(e["pattern"]), e.get("unit")) for e in _T["speech"]]
_SCOPE = re.compile(_T["scope"]["pattern"])
_SCOPE_LEVEL = _T["scope_levels"]
_TITLED_PLACE = {k: re.compile(rf"《((?:{_CJK}){{2,4}}?{k})(?=\d{{4}}年|[\u4e00-\u9fff])") for k in "市区县"}
_SHORT_PLACE_HEADS = "场镇乡村"  # a body named by its place's last character: 场党委, 镇政府
_PLACE_WITHIN = 10  # an administrative place word further into a name is part of its title
_MIN_SUBJECT_HITS = 2  # one mention in the body may be anybody; the author recurs
_MIN_OPENING_CHARS = 60  # an opening is a paragraph, not a heading-like line
_NEXT_YEAR_GENRE = re.compile(_T["next_year_genre"])
_DOMAINS = [(e["id"], e["label"], re.compile(e["unit"]), re.compile(e["text"]), int(e["min_hits"])) for e in _T["domains"]]
_COMPREHENSIVE = [(e["id"], re.compile(e["suffix"]), e["label"]) for e in _T["comprehensive"]]
_GENRE = re.compile(_T["title_genre"]["pattern"])
_NOT_REPORT_YEAR = re.compile(_T["not_report_year"]["pattern"])


def _years(text: str) -> list[int]:
    s = norm(text)
    out = [int(m.group(1)) for m in _YEAR.finditer(s)]
    for m in _CN_YEAR.finditer(s):
        out.append(2000 + int(ordinal_digits(m.group(2) + m.group(3))))
    return out


def report_year(report: Report) -> int | None:
    """The year whose work is reported: from top-level headings, then the title/opening."""
    if report.title and _NEXT_YEAR_GENRE.search(report.title):
        ys = _years(report.title)
        if ys:
            return ys[0] - 1
    votes: Counter[int] = Counter()
    for s in report.sections:
        ys = _years(s.heading)
        if not ys:
            continue
        role = cue_role(s.heading)
        if role == "plan":
            votes[ys[0] - 1] += 2
        elif role in ("achievements", "highlights", "overview"):
            votes[ys[0]] += 3
    if votes:
        return votes.most_common(1)[0][0]
    head = [p.text for p in report.paragraphs[:3]]
    if report.title:
        ys = _years(report.title)
        if ys:
            return ys[0] - 1 if _NEXT_YEAR_GENRE.search(report.title) else ys[0]
    for t in head:
        ys = _years(_NOT_REPORT_YEAR.sub("", t[:100]))
        if ys:
            return ys[0]
    allys = Counter(y for p in report.paragraphs for y in _years(p.text))
    return allys.most_common(1)[0][0] if allys else None


_NOT_NAME = re.compile(_T["not_names"])


def _clean_name(name: str) -> str | None:
    name = _LEAD.sub("", name.strip())
    if _NOT_NAME.match(name):
        return None
    if len(re.sub(PH, "", name)) < 2 and not re.search(PH, name):
        return None
    if _BAD_START.match(name) or _SUPERIOR.match(name):
        return None
    return name


def _subjects(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    s = norm(text if limit is None else text[:limit])
    out = []
    for m in _SUBJECT.finditer(s):
        nm = _clean_name(text[m.start("name"): m.end("name")])
        if nm:
            out.append((m.start("name"), nm))
    return out


def opens_with_subject(text: str) -> bool:
    """Does a paragraph begin with its author as subject ("XX镇党委、政府始终坚持…")?"""
    subs = _subjects(text, 40)
    return bool(subs) and subs[0][0] == 0 and len(text) >= _MIN_OPENING_CHARS


def names_subject(text: str) -> bool:
    """Does a paragraph's first sentence name an organisation as its subject?"""
    return bool(_subjects(text, 60))


def _suffix_of(name: str) -> str | None:
    for w in sorted(_SUFFIX_INFO, key=len, reverse=True):
        if name.endswith(w):
            return w
    return None


def _fuller(name: str, report: Report) -> str:
    """A fuller form of ``name`` used in the report: 区残联 -> 江岸区残联, 市爱卫办 -> xx市爱卫办.

    The prefix must be a placeholder, or a place name (prefix + the name's 区/市/县) that the
    report uses on its own at least twice: "百步亭社区残联" does not make 残联 a 社区 body.
    """
    text = "".join(p.text for p in report.paragraphs)
    if not re.match(PH, name) and name[0] in _SHORT_PLACE_HEADS:
        # "场党委" in a report that names "XX垦殖场": the short form of a named place's body
        m = re.search(rf"({PH}{_CJK}{{0,4}}{re.escape(name[0])})(?={re.escape(name[1:])})", text) or \
            re.search(rf"({PH}{_CJK}{{0,4}}{re.escape(name[0])})", text)
        if m:
            return m.group(1) + name[1:]
    if re.match(PH, name) or name[0] not in "市区县省州旗":
        return name
    ph = re.search(rf"({PH}){re.escape(name)}", text)
    if ph:
        return ph.group(1) + name
    cands: Counter[str] = Counter()
    for m in re.finditer(rf"({_CJK}{{2,4}}?)(?={re.escape(name)})", text):
        pre = m.group(1)
        for k in range(len(pre)):
            sub = pre[k:]
            if _FUNCTION_CHARS.search(sub) or _BAD_START.match(sub):
                continue
            place = sub + name[0]
            if place.endswith(("社区", "小区", "园区", "校区", "景区", "城区", "辖区", "片区", "全市", "全区")):
                continue
            n = text.count(place)
            if n >= 2:
                cands[sub] = max(cands[sub], n)
    if not cands:
        return name
    return cands.most_common(1)[0][0] + name


def _self_named(kind: str, report: Report) -> str | None:
    """我乡 -> the 乡 the report names with a placeholder ("XX乡"); 我局 -> the 局 that is the
    subject of its sentences most often ("区应急管理局"); None when it names none.

    Real place names are not guessed: any other 某某市 in the text may be a superior or a neighbour.
    """
    text = "".join(p.text for p in report.paragraphs)
    kind = _SELF_ALIAS.get(kind, kind)
    c: Counter[str] = Counter(m.group(1) for m in re.finditer(rf"({PH}{re.escape(kind)})(?![村组])", text))
    if c:
        return c.most_common(1)[0][0]
    if kind in "市区县镇乡街道":
        return None
    for p in report.paragraphs:
        for _, nm in _subjects(p.text):
            if nm.endswith(kind) and len(nm) > len(kind) + 1 and not nm.startswith(("我", "本")):
                c[nm] += 1
    return _fuller(c.most_common(1)[0][0], report) if c else None


def _titled_place(kind: str, report: Report) -> str | None:
    """我市 -> the 市 whose name heads the documents the report says it issued:
    "制定《明光市2022年…安排》" names the author; a superior's name rarely heads its own
    work plans in a subordinate's report.  Needs one name clearly ahead of any other."""
    text = "".join(p.text for p in report.paragraphs)
    c = Counter(m.group(1) for m in _TITLED_PLACE[kind].finditer(text)) if kind in _TITLED_PLACE else Counter()
    c = Counter({k: v for k, v in c.items() if not _NOT_NAME.match(k) and not _BAD_START.match(k)})
    top = c.most_common(2)
    if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
        return None
    return top[0][0]


def _unit_from_title(title: str) -> str | None:
    s = _GENRE.sub("", strip_ordinal(norm(title).strip())).strip(" :：-—")
    s = re.sub(r"^\d{4}", "", s)
    return s if 2 <= len(s) <= 30 else None


def _speech_unit(report: Report) -> tuple[str, int, str] | None:
    """The government a work report speaks for, from its title block."""
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    for p in report.paragraphs[:12]:
        if p.line_start >= first_head:
            break
        s = norm(p.text).strip()
        for rid, pat, unit in _SPEECH:
            m = pat.search(s)
            if m:
                groups = m.groupdict()
                name = unit or groups.get("body") or (groups["place"] + "人民政府")
                return name, p.line_start, rid
    return None


def _self_word(m: re.Match) -> str:
    """我街 -> 我街道: a self-reference spelled out with the place word it abbreviates."""
    return m.group(0)[0] + _SELF_ALIAS.get(m.group(1), m.group(1))


def find_unit(report: Report) -> tuple[str | None, int | None, str]:
    """(unit as named, evidence line, rule id)."""
    speech = _speech_unit(report)
    if speech:
        return speech
    if report.title:
        u = _unit_from_title(report.title)
        if u:
            return u, report.start_line, "org.title"
    first_head = report.sections[0].line if report.sections else report.end_line + 1
    opening = [p for p in report.paragraphs if p.line_start < first_head][:3]
    for p in opening:
        subs = _subjects(p.text, 200)
        selfref = _SELF.search(norm(p.text[:200]))
        if subs and (selfref is None or subs[0][0] < selfref.start()):
            return _fuller(subs[0][1], report), p.line_start, "org.subject.opening"
        if selfref:
            found = _resolve_self(selfref, report, p.line_start)
            if found[0] != _self_word(selfref) or selfref.group(1) not in "市区县":
                return found
    # No opening: the body's most frequent subject.
    c: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    for p in report.paragraphs:
        for _, nm in _subjects(p.text):
            c[nm] += 1
            first_line.setdefault(nm, p.line_start)
    if c and c.most_common(1)[0][1] >= _MIN_SUBJECT_HITS:
        nm = c.most_common(1)[0][0]
        return _fuller(nm, report), first_line[nm], "org.subject.frequent"
    for p in report.paragraphs:
        m = _SELF.search(norm(p.text))
        if m:
            return _resolve_self(m, report, p.line_start)
    return None, None, "org.none"


def _resolve_self(m: re.Match, report: Report, line: int) -> tuple[str, int, str]:
    """A self-reference (我乡, 我局, 我市) made into a name as far as the report allows."""
    kind = m.group(1)
    named = _self_named(kind, report)
    if named:
        return named, line, "org.self_reference"
    place = _titled_place(kind, report)
    if place:
        return place, line, "org.self_reference.titled_place"
    return _self_word(m), line, "org.self_reference"


def canonical_unit(name: str) -> str:
    """A bare place ("XX镇") stands for its government ("XX镇人民政府"): the reporting body."""
    suf = _suffix_of(name)
    info = _SUFFIX_INFO.get(suf or "")
    if info and info.get("place") and info.get("body") and name.endswith(suf):
        if name.startswith(("我", "本")):
            name = name[1:]
        return name + info["body"]
    return name


def unit_level(unit: str | None, report: Report) -> str | None:
    """Level from the name: its suffix (镇, 街道, 公司…), else the first administrative place in
    it (区城市管理局 is a 区 body; xx市爱卫办 a 市 one), else the scope the report speaks of."""
    if not unit:
        return None
    suf = _suffix_of(unit)
    info = _SUFFIX_INFO.get(suf or "", {})
    bare = re.sub(rf"^(?:{PH})", "", unit)
    if info.get("level") == "township_street" or _TOWNSHIP_WORD.search(bare[:10]):
        return "township_street"
    if info.get("level") == "enterprise_other":
        return "enterprise_other"
    best = None
    for rid, pat, level in _PLACE_LEVELS:
        for m in pat.finditer(bare):
            # 贵州省, 广州市: a place word followed by another one is part of the name
            nxt = bare[m.end() : m.end() + 2]
            if nxt[:1] and nxt[:1] in "省市区县旗" and nxt != "市场":
                continue
            if m.start() <= _PLACE_WITHIN and (best is None or m.start() < best[0]):
                best = (m.start(), rid, level)
            break
    if best is None or (unit.startswith(("我", "本")) and best[1] not in ("org.place.township", "org.place.city")):
        return _level_from_scope(report)
    _, rid, level = best
    if level == "city":
        text = "".join(p.text for p in report.paragraphs)
        pref, county = len(_PREFECTURE.findall(text)), len(_COUNTY.findall(text))
        return "city" if pref >= county or pref > 0 and county == 0 else "county_district"
    return level


def _level_from_scope(report: Report) -> str | None:
    """A department with no place in its name: the scope it speaks of ("全区" → a district)."""
    text = "".join(p.text for p in report.paragraphs)
    c = Counter(m.group(1) for m in _SCOPE.finditer(text))
    if not c:
        return None
    scope, n = c.most_common(1)[0]
    return _SCOPE_LEVEL.get(scope) if n >= 2 else None


def region_of(unit: str | None) -> str | None:
    if not unit or re.match(PH, unit) or unit.startswith(("我", "本")):
        return None
    m = _PLACE.match(unit)
    if not m:
        return None
    place = m.group(1)
    return place if len(place) >= 3 or place.endswith(("省", "市")) else None


def domain_of(unit: str | None, report: Report) -> str | None:
    u = unit or ""
    comprehensive = next((label for _, spat, label in _COMPREHENSIVE if u and spat.search(u)), None)
    for rid, label, upat, _, _ in _DOMAINS:
        if u and not comprehensive and upat.search(u):
            return label
    text = "".join(p.text for p in report.paragraphs)
    hits = [(len(tpat.findall(text)), label, minh) for rid, label, _, tpat, minh in _DOMAINS]
    focused = max(((n, label) for n, label, minh in hits if n >= minh), default=None)
    if comprehensive:
        # a comprehensive unit writing about one field (a 街道 report on health promotion)
        second = sorted(n for n, _, _ in hits)[-2]
        if focused and focused[0] >= 2 * max(3, second) and focused[0] * 1000 >= 8 * max(1, len(text)):
            return focused[1]
        return comprehensive
    return focused[1] if focused else None


def identify(report: Report) -> Report:
    year = report_year(report)
    named, line, rule = find_unit(report)
    # a place known only from its documents' titles: which of its bodies wrote is not known
    unit = (named if rule == "org.self_reference.titled_place" else canonical_unit(named)) if named else None
    level = unit_level(unit, report)
    return replace(report, org=unit, org_line=line, level=level, region=region_of(named),
                   domain=domain_of(unit, report), year=year)
