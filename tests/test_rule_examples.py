"""Every rule entry's ``examples`` and ``counter_examples``, run through the code that uses it.

One matcher is registered per table section (``"outline:families"``): it says whether the
entry applies to a text.  Each example must make it say yes, each counter-example no.  Some
sections add checks that only examples can meet (a trap must also keep its figure out of the
indicators).  An entry with examples in a section without a matcher fails: a new table or
section needs its matcher here.
"""
from __future__ import annotations

import re
from typing import Callable

import pytest

from workreport import numerals, rules
from workreport.check import figures, orgnames, punctuation, typos
from workreport.extract.indicators import paragraph_indicators
from workreport.extract.numbers import find_quantities
from workreport.ingest import document_from_bytes
from workreport.model import Document, Paragraph, Report
from workreport.structure import author, bodies, city_text, cues, forms, forum, furniture, headings, names, org, roles, selfref, shape, split, subjects, titles
from workreport.ingest.debris import read_lines as norm_lines
from workreport.textnorm import norm, norm_line

Matcher = Callable[[dict, str], bool]
MATCHERS: dict[str, Matcher] = {}
EXAMPLE_CHECKS: dict[str, Callable[[dict, str], None]] = {}  # run on examples only


def matcher(*sections: str):
    def register(fn: Matcher) -> Matcher:
        for s in sections:
            assert s not in MATCHERS, s
            MATCHERS[s] = fn
        return fn
    return register


def example_check(*sections: str):
    def register(fn):
        for s in sections:
            EXAMPLE_CHECKS[s] = fn
        return fn
    return register


_INDEX = re.compile(r"\[\d+\]")


def section_of(table: str, path: str) -> str:
    """"outline:families" for the entry at ``families[2]`` of outline.yaml."""
    return table + ":" + _INDEX.sub("", path)


def _para(text: str) -> Paragraph:
    return Paragraph(1, 1, text, ((1, 0),))


# ---------------------------------------------------------------------------------------
# Patterns alone: searched in the normalised text (what the engine sees), or in the text as
# written where the engine gets raw text (HTML attributes) or the tests always did.

@matcher(*(f"checks:{k}" for k in ("placeholder", "lost_ordinal", "bare_ordinal", "ordinal_tail",
                                   "problems_heading", "year_end_heading", "enumeration")),
         *(f"checks:sums.{k}" for k in ("total_cue", "respectively", "among", "list_gap", "list_gap_comma",
                                        "not_whole", "named_parts")),
         *(f"checks:percents.{k}" for k in ("share_of", "among_have", "rate_name", "share_word", "whole_cue",
                                            "points")),
         *(f"checks:growth.{k}" for k in ("cue", "down", "average", "from_old", "to_new", "than_old")),
         *(f"checks:repeat.{k}" for k in ("sentence", "sentence_end", "clause", "leading_ordinal")),
         *(f"checks:year.{k}" for k in ("heading", "opening", "sentence", "deadline", "future", "multi_year")),
         "checks:org_names.opening_place",
         *(f"roles:problem_lead.{k}" for k in ("vocative", "acknowledge", "problem", "overcome", "still", "follows",
                                               "sentence_end")),
         "furniture:tail_start",
         "orgs:speech", "orgs:speech_organ", "orgs:field_department_led", "orgs:title_field_year", "orgs:title_subtitle", "orgs:speech_post", "orgs:line_led", "orgs:names.bad_start", "orgs:names.lead", "orgs:names.function_chars",
         "orgs:names.place", "orgs:names.not_in_owner", "orgs:names.organ_in_place", "orgs:names.government_quality", "orgs:in_full_not_owner", "orgs:names.generic", "orgs:scope", "orgs:cn_year", "orgs:not_report_year", "orgs:plan_after_review", "orgs:bare_lead_summary", "orgs:execution_year", "orgs:assessment_year", "orgs:report_formula", "orgs:document_name",
         "orgs:not_names", "orgs:sole_place_not_name", "orgs:superiors", "orgs:next_year_genre", "orgs:self_reference",
         "orgs:self_named_not_before", "orgs:year", "orgs:school_term", "orgs:session", "orgs:session_place", "orgs:plan_phrase", "orgs:plenum", "orgs:campaign", "orgs:file_year", "orgs:file_compilation", "orgs:date_line", "orgs:review_heading", "orgs:review_inline", "orgs:year_range", "orgs:closing_scene", "orgs:this_year_opening", "orgs:half_year_scope", "orgs:span_start", "orgs:title_lead_year", "orgs:sample_title", "orgs:summary_title", "orgs:opening_year_place", "orgs:review_part_inline", "orgs:title_summary_part", "orgs:title_plan_part", "orgs:base_year", "orgs:plan_period_review", "orgs:estimated_year", "orgs:sample_copy", "orgs:restamp_opening", "orgs:portal_row", "orgs:portal_date", "orgs:title_year_part",
         "orgs:title_tail", "orgs:title_line", "orgs:title_bare_kind", "orgs:generic_owner", "orgs:speaker_place", "orgs:speaker_body", "orgs:written_government", "orgs:supervised_government", "orgs:whole_place", "orgs:entrusted_audit", "orgs:entrusted_government", "orgs:we_named", "orgs:own_reality", "orgs:own_document", "orgs:formal_street", "orgs:named_government", "orgs:own_field", "orgs:league_full", "orgs:guided_we", "orgs:guided_same_form", "orgs:own_place_leader", "orgs:located_place", "orgs:bare_organ_self", "orgs:formula", "orgs:post_lead", "orgs:plan_title", "orgs:meeting_title", "orgs:field_department", "orgs:domain_topic", "orgs:own_work", "orgs:half_year", "orgs:body_frame", "orgs:leadership", "orgs:leadership_next", "orgs:rows.author", "orgs:rows.title", "orgs:rows.essay_title", "orgs:rows.breadcrumb", "orgs:year_place",
         "orgs:superior_context.before", "orgs:short_forms", "orgs:thanks_speaker",
         "outline:bare_ordinal", "outline:ordinal_continuation", "outline:lone_ordinal", "outline:not_heading", "outline:heading_end",
         "outline:clause_end", "outline:ordinal_prefix",
         *(f"paragraphs:{k}" for k in ("continuation_start", "list_start", "any_punct", "colon_end", "semicolon_end", "first_page_mark",
                                        "figure_only", "figure_end", "measure_start", "writer_start", "figure_start", "page_stamp")),
         "furniture:sentence", "roles:year", "split:named_title", "split:year", "split:title_row", "split:not_a_start", "split:mid_sentence", "split:cut_sentence", "split:translation_line", "split:bare_title", "split:dated_start", "split:scene_body", "split:lead_clause",
         "furniture:weak_punct", "furniture:document_part", "furniture:signature_name", "furniture:table_row", "furniture:table_cells", "furniture:table_unit_cell", "furniture:table_figure_cell", "furniture:label_lead", "furniture:nav_list_lead", "furniture:label_end",
         "furniture:token_split", "furniture:label_shape", "furniture:bullet_field", "furniture:lone_glyph", "furniture:toc_run", "furniture:toc_page_tail", "furniture:item_marker", "furniture:pinyin", "furniture:fragment", "furniture:title_tag", "furniture:twin_noise", "furniture:copy_year", "furniture:text_label", "furniture:collection_count", "furniture:title_continuation", "furniture:speech_title_tail", "furniture:snippet_end", "furniture:body_label", "furniture:head_row", "furniture:head_piece", "split:sentence_stop", "split:spaced", "split:chunk", "split:year_tail", "split:inline_outline", "split:greeting", "split:name_line", "split:nameless_title", "split:year_named_title", "split:title_prefix", "split:subtitle", "split:slogan_title", "split:page_head_row", "split:page_date_row", "split:teaser_row", "split:open_title_head",
         "split:signature", "split:address_body", "split:masked_name", "split:session_body", "split:subtitle_dash", "split:name_mask", "split:adopted_note", "split:head_date",
         *(f"plans:{k}" for k in ("plan_heading", "combined_heading", "plan_start", "item_heading", "inline_item",
                                  "intro", "deadline", "lead_unit", "target_cue", "estimate_cue", "decrease",
                                  "file_name_noise", "admin_suffix", "ceiling_measure")),
         "bodies:bracket_tail", "bodies:branch", "levels:city_cues.prefecture", "levels:city_cues.county",
         "levels:city_cues.superior_city", "levels:city_cues.ranked_among_counties", "levels:city_cues.in_province", "orgs:organ_place", "orgs:scope_people", "orgs:scope_own",
         *(f"tables:{k}" for k in ("captions", "header_unit", "unit_separator", "columns", "kinds", "row_label")))
def pattern_in_normalised(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(norm(text)))


@matcher("html:chrome_attr", "units:grammar", "units:unknown_unit",
         "indicators:traps", "indicators:bare_cues", "indicators:kinds.growth", "indicators:kinds.rate",
         "indicators:kinds.target", "indicators:kinds.actual", "indicators:boundaries", "indicators:measure",
         "indicators:pairs")
def pattern_in_text(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(text))


# ---------------------------------------------------------------------------------------
# Named pieces and numerals.

@matcher("pieces:pieces")
def whole_piece(entry: dict, text: str) -> bool:
    return bool(re.fullmatch(rules.piece(entry["id"]), text))


@matcher("numerals:digits")
def all_digits(entry: dict, text: str) -> bool:
    return all(ch in entry["values"] for ch in text)


@matcher("numerals:small", "numerals:big")
def read_by_place_value(entry: dict, text: str) -> bool:
    return numerals.cn_int(text) is not None and any(ch in entry["values"] for ch in text)


@matcher("numerals:point")
def decimal_words(entry: dict, text: str) -> bool:
    return entry["word"] in text and numerals.cn_number(text) is not None


@matcher("numerals:circled")
def circled_number(entry: dict, text: str) -> bool:
    return text in entry["chars"] and numerals.ordinal_value(text) == entry["chars"].index(text) + 1


@matcher("numerals:vague")
def vague_count(entry: dict, text: str) -> bool:
    return any(q.qualifier == entry["qualifier"] for q in find_quantities(text + "个"))


# ---------------------------------------------------------------------------------------
# Structure.

@matcher("paragraphs:openers")
def lone_opener(entry: dict, text: str) -> bool:
    return norm(text).strip() in entry["words"]


@matcher("furniture:crumb_separators")
def breadcrumb(entry: dict, text: str) -> bool:
    return bool(furniture.find_furniture(document_from_bytes(text.encode("utf-8"), "t.txt")))


@matcher("tables:brackets")
def bracketed(entry: dict, text: str) -> bool:
    return text[:1] in entry["open"] or text[-1:] in entry["close"]


@matcher("outline:terminal")
def ends_a_sentence(entry: dict, text: str) -> bool:
    return headings.is_terminal(text)


@matcher("orgs:suffixes")
def org_suffix(entry: dict, text: str) -> bool:
    return org.org_suffix(text) in entry["words"]


@matcher("orgs:domains")
def domain_words(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["text"]).search(norm(text)))


@matcher("orgs:domain_fixed", "orgs:zone_bodies", "orgs:publisher_department", "orgs:publisher_government", "orgs:bare_subjects", "orgs:opening_group_body")
def government_body(entry: dict, text: str) -> bool:
    m = bodies.classify_body(text)
    return m is not None and m.id in entry["bodies"]


@matcher("orgs:self_kinds", "orgs:self_places")
def self_reference_of_a_kind(entry: dict, text: str) -> bool:
    m = selfref.SELF.search(norm(text))
    return m is not None and m.group(1) in entry["kinds"]


@matcher("orgs:superior_context.after", "orgs:fused_title", "orgs:post", "orgs:quoted_name")
def pattern_at_start(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).match(norm(text)))


@matcher("orgs:speaker_line")
def speaker_line_names_department(entry: dict, text: str) -> bool:
    from workreport.structure.titles import speaker_line

    return speaker_line(text) is not None


@matcher("orgs:title_year_cut")
def year_cut_title(entry: dict, text: str) -> bool:
    from workreport.structure.titles import year_cut

    piece, title = text.split("\n")
    return year_cut(piece, title) is not None


@matcher("orgs:fused_body_title")
def body_led_fused_title(entry: dict, text: str) -> bool:
    from workreport.structure.titles import body_led_title

    return body_led_title(text) is not None


@matcher("orgs:title_field_cross_cutting", "orgs:in_full_peoples")
def names_cross_cutting_field(entry: dict, text: str) -> bool:
    return any(w in norm(text) for w in entry["words"])


@matcher("orgs:title_site_prefix")
def site_prefixed_title(entry: dict, text: str) -> bool:
    # the author is read in the title after the site's mark, not the site's owner before it
    s = norm(text).strip()
    m = rules.compiled(entry["pattern"]).match(s)
    org = titles.org_from_title(s) if m else None
    return bool(org) and s.find(org, m.start("title")) >= 0


@matcher("orgs:title_head")
def title_head(entry: dict, text: str) -> bool:
    m = rules.compiled(entry["pattern"]).match(norm(text))
    return bool(m and m.end() > 0)


@matcher("orgs:system", "orgs:sector_opening", "orgs:sector_opening_named", "orgs:title_field", "orgs:guided_field")
def sector_named(entry: dict, text: str) -> bool:
    return any(names.sector_stem(m) for m in rules.compiled(entry["pattern"]).finditer(norm(text)))


@matcher("orgs:merged_second_name", "levels:farm_administers")
def pattern_searched(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(norm(text)))


@matcher("orgs:review_scene")
def reviewed_scene(entry: dict, text: str) -> bool:
    s = norm(text)
    return bool(rules.compiled(entry["pattern"]).search(s) and rules.compiled(entry["looking_back"]).search(s))


@matcher("orgs:scope_region")
def scope_of_a_region(entry: dict, text: str) -> bool:
    return author.scope_level(text)[0] == entry["level"]


@matcher("levels:city_cues.municipality")
def municipality_text(entry: dict, text: str) -> bool:
    return city_text.city_level_from_text(text) == "province"


@matcher("bodies:mention")
def names_a_body(entry: dict, text: str) -> bool:
    return bool(bodies.mentions(text, "局办心"))


@matcher("orgs:self_alias")
def self_word_spelled_out(entry: dict, text: str) -> bool:
    m = selfref.SELF.search(norm(text))
    return m is not None and selfref.self_word(m) != m.group(0)


@matcher("orgs:domain_from_text", "orgs:domain_own_label")
def domain_read_from_text(entry: dict, text: str) -> bool:
    m = bodies.classify_body(text)
    return m is not None and m.id in entry["bodies"]


@matcher("orgs:unplaced_default")
def placeless_department_defaults(entry: dict, text: str) -> bool:
    return author.level_of(text, names.OrgGuess(text, 1, "org.title"), "")[1] == entry["id"]


@matcher("orgs:field_author")
def field_has_a_department(entry: dict, text: str) -> bool:
    level, label = text.split()
    organ = entry["organs"].get(level)
    return organ is not None and selfref.kind_field_department(organ, label) is not None


@matcher("orgs:place_line")
def one_line_names_its_department(entry: dict, text: str) -> bool:
    place, body = text.split("|")
    return author.place_line_department(place, "county_district", body) is not None


@matcher("orgs:self_prefixes")
def names_itself(entry: dict, text: str) -> bool:
    return names.is_self(text)


@matcher("orgs:placeless_owner")
def owner_names_no_place(entry: dict, text: str) -> bool:
    return bool(re.match(entry["pattern"], text))


@matcher("orgs:function_word_places")
def starts_with_real_place(entry: dict, text: str) -> bool:
    return names.place_start(text) > 0


@matcher("orgs:titled_place")
def place_heading_a_document(entry: dict, text: str) -> bool:
    return any(p.search(text) for p in selfref.TITLED_PLACE.values())


@matcher("orgs:short_place_heads", "orgs:place_heads")
def starts_with_place_word(entry: dict, text: str) -> bool:
    return text[:1] in entry["words"]


@matcher("orgs:not_place_endings", "orgs:region_suffixes", "orgs:guessed_places", "orgs:sole_place_kinds")
def ends_with_word(entry: dict, text: str) -> bool:
    return text.endswith(tuple(entry["words"]))


@matcher("orgs:year_place_not_place")
def is_listed_word(entry: dict, text: str) -> bool:
    return text in entry["words"]


@matcher("furniture:line")
def furniture_line(entry: dict, text: str) -> bool:
    # the line is furniture by some rule, and this rule's pattern takes the whole line
    return furniture.furniture_rule(text) is not None and bool(
        rules.compiled(entry["pattern"]).match(norm(text).strip()))


@matcher("furniture:glued_head")
def glued_head_blanked(entry: dict, text: str) -> bool:
    # the debris is blanked in the line cue readers see, the line's own text stays
    seen = norm_lines([text])[0]
    return seen != norm_line(text) and bool(seen.strip()) and len(seen) == len(text)


@matcher("furniture:glued_tail")
def glued_tail_candidate(entry: dict, text: str) -> bool:
    # a candidate; repeated over two lines it is blanked and the line's own text stays
    seen = norm_lines([text, "\u7532\u4e59" + text[-12:]])[0]
    return bool(rules.compiled(entry["pattern"]).search(norm(text))) and seen != norm_line(text) and bool(seen.strip())


@matcher("furniture:forum_profile")
def furniture_forum_profile(entry: dict, text: str) -> bool:
    return forum.profile_row(norm(text).strip())


@matcher("furniture:figure_unit")
def figure_with_unit(entry: dict, text: str) -> bool:
    # the figure keeps its short line out of a block of weak lines
    s = norm(text).strip()
    return bool(rules.compiled(entry["pattern"]).search(s)) and not furniture.PageLines._is_weak(s)


@matcher("furniture:shape")
def furniture_shape(entry: dict, text: str) -> bool:
    return shape.shape_rule(norm(text).strip()) == entry["id"]


@matcher("furniture:labels")
def metadata_row(entry: dict, text: str) -> bool:
    return furniture.furniture_rule(text) == "furniture.labels"


@matcher("furniture:form_fields")
def form_field_row(entry: dict, text: str) -> bool:
    return forms.field_row(norm(text).strip())


@matcher("furniture:tokens")
def toolbar_row(entry: dict, text: str) -> bool:
    return furniture.furniture_rule(text) == "furniture.tokens"


@matcher("furniture:page_title")
def furniture_page_title(entry: dict, text: str) -> bool:
    body = "今年以来，某某街道扎实推进各项工作，全年完成投资3.4亿元，群众满意度明显提升。"
    doc = document_from_bytes(f"{text}\n2022-12-01 10:00\n{body}\n".encode("utf-8"), "t.txt")
    return 1 in furniture.find_furniture(doc)


@matcher("outline:families")
def heading_family(entry: dict, text: str) -> bool:
    h = headings.match_heading(text, 1)
    return h is not None and h.rule == entry["id"]


@example_check("outline:not_heading")
def not_a_heading(entry: dict, text: str) -> None:
    assert headings.match_heading(text, 1) is None, text


@matcher("outline:bare_heading")
def bare_heading(entry: dict, text: str) -> bool:
    return headings.is_bare_heading(text)


@matcher("outline:bare_heading_strong")
def bare_heading_strong(entry: dict, text: str) -> bool:
    return headings.is_bare_heading(text, strong=True)


@matcher("roles:roles")
def role_cue(entry: dict, text: str) -> bool:
    return roles.cue_role(text) == entry["role"]


@matcher("split:review_title")
def review_title_line(entry: dict, text: str) -> bool:
    return cues.title_kind(text) is not None


@matcher("split:intro")
def opening_cue(entry: dict, text: str) -> bool:
    return entry["id"] in split.intro_rules(text)


@matcher("split:title")
def title(entry: dict, text: str) -> bool:
    return split.is_title(text)


@matcher("split:genre_title")
def genre_title(entry: dict, text: str) -> bool:
    return cues.title_kind(text) == "genre"


@matcher("split:title_decoration")
def decorated_title(entry: dict, text: str) -> bool:
    # the decoration comes off and what is left is a title
    return cues.title_core(norm(text).strip()) != norm(text).strip() and cues.is_title(text)


@matcher("split:fused_title")
def title_run_on(entry: dict, text: str) -> bool:
    return cues.fused_title(text) is not None


@matcher("split:fused_tagged_title")
def tagged_title_run_on(entry: dict, text: str) -> bool:
    return cues.fused_title(text) is not None


@matcher("split:fused_gap_title")
def gapped_title_run_on(entry: dict, text: str) -> bool:
    return cues.fused_title(text) is not None


@matcher("split:fused_genre_end")
def fused_genre_end(entry: dict, text: str) -> bool:
    return re.search(entry["pattern"], text) is not None


@matcher("split:fused_space_title")
def spaced_title_run_on(entry: dict, text: str) -> bool:
    return cues.fused_title(text) is not None


@matcher("split:fused_named_title")
def named_title_run_on(entry: dict, text: str) -> bool:
    return cues.fused_title(text) is not None


@matcher("split:fused_twice_title")
def twice_title_run_on(entry: dict, text: str) -> bool:
    return cues.fused_title(text) is not None


@matcher("split:speech_headline")
def speech_headline(entry: dict, text: str) -> bool:
    return cues.speech_headline(norm(text).strip())


@matcher("split:speech_session_piece")
def speech_session_piece(entry: dict, text: str) -> bool:
    return split.session_piece(cues.fold(re.sub(r"\s+", "", norm(text))))


@matcher("split:occasion_line")
def occasion_line(entry: dict, text: str) -> bool:
    return cues.occasion_line(norm(text))


@matcher("split:speaker_name")
def speaker_name(entry: dict, text: str) -> bool:
    return split.speaker_name(cues.fold(re.sub(r"\s+", "", norm(text))))


@matcher("split:speech_title_end")
def speech_title_end(entry: dict, text: str) -> bool:
    return bool(cues._SPEECH_TITLE_END.search(cues.title_core(norm(text).strip())))


@matcher("split:addressee")
def addressee(entry: dict, text: str) -> bool:
    return bool(split._ADDRESSEE.match(cues.fold(re.sub(r"\s+", "", norm(text)))))


@matcher("split:document_title")
def document_title(entry: dict, text: str) -> bool:
    return bool(split._DOC_TITLE.match(cues.fold(re.sub(r"\s+", "", norm(text)))))


@matcher("split:transmit")
def transmit(entry: dict, text: str) -> bool:
    return bool(split._TRANSMIT.search(cues.fold(re.sub(r"\s+", "", norm(text)))))


@matcher("split:transmit_named")
def transmit_named(entry: dict, text: str) -> bool:
    return bool(split._named_documents(cues.fold(re.sub(r"\s+", "", norm(text)))))


@matcher("split:page_mark")
def page_mark(entry: dict, text: str) -> bool:
    # the mark comes off and what is left reads as a title or a title run on with its text
    n = norm(text)
    rest = n[cues.page_mark_end(n):]
    return rest != n and (cues.is_title(rest) or cues.fused_title(rest) is not None)


@matcher("split:broken_title")
def broken_title(entry: dict, text: str) -> bool:
    first, second = (norm(x).strip() for x in text.split("\n"))
    return cues.broken_title(first, second)


@matcher("split:generic_subject")
def generic_subject(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(norm(text)))


@matcher("split:short_body_name")
def short_body_name(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).match(norm(text)))


@matcher("split:preamble")
def preamble_line(entry: dict, text: str) -> bool:
    return cues.preamble_rule(text) == entry["id"]


@matcher("split:subject")
def opening_subject(entry: dict, text: str) -> bool:
    return cues.opening_subject(text) is not None


@matcher("split:title_name")
def title_names_a_body(entry: dict, text: str) -> bool:
    return cues.title_name(text) is not None


@matcher("split:appendix")
def appendix(entry: dict, text: str) -> bool:
    return split.is_appendix(text)


@matcher("orgs:subject_cues")
def names_a_subject(entry: dict, text: str) -> bool:
    return subjects.names_subject(text)


# ---------------------------------------------------------------------------------------
# Bodies and levels.  An example may be a mapping: a name with the level and domain it must get.

def _text(ex) -> str:
    return ex if isinstance(ex, str) else ex.get("name") or ex["text"]


@matcher("bodies:bodies")
def names_this_body(entry: dict, ex) -> bool:
    m = bodies.classify_body(_text(ex))
    if m is None or m.id != entry["id"]:
        return False
    if isinstance(ex, dict):
        lv = bodies.level_of(ex["name"])
        got = lv.level if lv else None
        return ex.get("domain", m.domain) == m.domain and ex.get("level", got) == got
    return True


@matcher("levels:places", "levels:not_place", "levels:name_end_compounds", "levels:municipalities", "levels:county_cities", "levels:national", "levels:organ_levels",
         "levels:branch_levels", "levels:stations", "levels:county_forms", "levels:joint_township")
def has_this_level(entry: dict, ex: dict) -> bool:
    lv = bodies.level_of(ex["name"])
    return lv is not None and lv.level == ex["level"]


@matcher("traditional:fold")
def folded(entry: dict, ex) -> bool:
    return bodies.fold(_text(ex)) != _text(ex)


@example_check("traditional:fold")
def folds_to(entry: dict, ex: dict) -> None:
    assert bodies.fold(ex["text"]) == ex["folded"], ex


# ---------------------------------------------------------------------------------------
# Figures.

@matcher("units:units")
def unit_of_a_quantity(entry: dict, text: str) -> bool:
    return any(q.unit_word in entry["words"] for q in find_quantities(text))


@example_check("units:units")
def last_quantity_has_the_unit(entry: dict, text: str) -> None:
    qs = find_quantities(text)
    assert qs and qs[-1].unit_word in set(entry["words"]), (text, qs)


@matcher("units:not_units", "units:lone_article")
def not_a_quantity(entry: dict, text: str) -> bool:
    return find_quantities(text) == []


@matcher("units:multipliers")
def multiplied(entry: dict, text: str) -> bool:
    return any(q.multiplier != 1 for q in find_quantities(text, include_bare=True))


@example_check("indicators:traps")
def trap_keeps_the_figure_out(entry: dict, text: str) -> None:
    from workreport.extract.indicators import _TRAPS

    assert _TRAPS.search(text), "scan_hints.traps must cover every trap example"
    assert paragraph_indicators(_para(f"开展{text}工作。")) == [], text


@example_check("indicators:kinds.target", "indicators:kinds.actual")
def cue_seen_by_the_phase_scan(entry: dict, text: str) -> None:
    from workreport.extract.indicators import _EVENTS

    assert _EVENTS.search(text), "scan_hints.cues must cover every kind cue example"


# ---------------------------------------------------------------------------------------
# Checker.

@matcher("typos:confusions", "typos:fixed_phrases", "typos:doubled", "typos:misspelled")
def flagged_as_typo(entry: dict, text: str) -> bool:
    return bool(typos.find_in_text(text))


@matcher("typos:doubled_junctions")
def doubling_at_a_junction(entry: dict, text: str) -> bool:
    return not any(f.rule_id == "typo.doubled_word" for f in typos.find_in_text(text))


@example_check("typos:confusions")
def confusion_corrected(entry: dict, text: str) -> None:
    """The suggestion replaces exactly the text it marks: applied, the slip is gone."""
    for f in [f for f in typos.find_in_text(text) if f.rule_id == entry["id"]]:
        fixed = text[:f.line] + f.right + text[f.line + len(f.wrong):]
        assert not [g for g in typos.find_in_text(fixed) if g.rule_id == entry["id"]], fixed


@example_check("typos:misspelled")
def misspelling_corrected(entry: dict, text: str) -> None:
    fixed = text.replace(entry["wrong"], entry["right"])
    assert not [f for f in typos.find_in_text(fixed) if f.rule_id == entry["id"]], fixed


@matcher("checks:fig.per_visit")
def counts_visits(entry: dict, text: str) -> bool:
    return entry["chars"] in text


@matcher("checks:percents.floor", "checks:percents.about")
def qualifier_read(entry: dict, text: str) -> bool:
    """The number grammar reads the qualifier the rate check sorts by."""
    return any(q.qualifier in entry["words"] for q in find_quantities(text))


@matcher("checks:stops.label", "checks:stops.rate_label", "checks:stops.clause")
def label_cut_at_a_stop(entry: dict, text: str) -> bool:
    """The label read back from the end of the text stops short of its start."""
    nt = norm(text)
    return figures.label_before(nt, len(nt), 0, len(nt), entry["chars"]) != nt


@matcher("checks:sums.complements")
def labels_name_a_whole(entry: dict, text: str) -> bool:
    labels = text.split("/")
    return all(any(w in lab for lab in labels) for w in entry["words"])


@matcher("checks:org_names.generic_tails")
def normal_short_form(entry: dict, text: str) -> bool:
    full, short = text.split("/")
    return orgnames.relation(short, full) == "same"


@matcher("checks:org_names.former")
def former_name(entry: dict, text: str) -> bool:
    return orgnames.relation(text[:-1], entry["current"]) == "former"


@matcher("checks:org_names.levels", "checks:org_names.full_forms", "checks:org_names.organ_equal")
def ends_with_a_word(entry: dict, text: str) -> bool:
    return all(any(part.endswith(w) for w in entry["words"]) for part in text.split("/"))


@matcher("typos:doubled_allow")
def doubling_allowed(entry: dict, text: str) -> bool:
    return typos.doubled_allowed(text)


@matcher("checks:sentence")
def whole_sentence(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).fullmatch(norm(text)))


@matcher("checks:comma_widths")
def mixed_commas(entry: dict, text: str) -> bool:
    return entry["half"] in text and entry["full"] in text


@matcher("checks:pairs")
def unbalanced_pair(entry: dict, text: str) -> bool:
    doc = Document(path="t.txt", sha256="", format="txt", encoding="utf-8", lines=(text,))
    report = Report(start_line=1, end_line=1, paragraphs=(_para(text),))
    return any(entry["open"] in f.message or entry["close"] in f.message
               for f in punctuation.check(doc, report) if f.rule == "unbalanced_pair")


# ---------------------------------------------------------------------------------------
# Library and tracking.

@matcher("library:keep")
def ranked_format(entry: dict, text: str) -> bool:
    from workreport.store.copies import keep_rank

    return keep_rank(text, "")[0] < len(entry["words"])


@matcher("library:file_year")
def year_of_a_file_name(entry: dict, text: str) -> bool:
    return re.fullmatch(entry["pattern"], text) is not None


@matcher("measures:synonyms")
def synonym_group(entry: dict, text: str) -> bool:
    from workreport.store.library import synonyms

    return bool(set(synonyms(text)) & set(entry["words"]))


@example_check("measures:synonyms")
def whole_group(entry: dict, text: str) -> None:
    from workreport.extract.measures import canonical
    from workreport.store.library import synonyms

    assert set(synonyms(text)) == set(entry["words"]) | {text}, text
    assert canonical(text).name == entry.get("name", entry["words"][0]), text


@matcher("measures:rename", "measures:cut", "measures:lead", "measures:inner", "measures:tail")
def measure_step(entry: dict, ex) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(norm(_text(ex))))


@example_check("measures:rename", "measures:cut", "measures:lead", "measures:inner", "measures:tail")
def measure_step_result(entry: dict, ex) -> None:
    from workreport.extract.measures import canonical

    if isinstance(ex, dict):  # the whole of canonical(), with this step among its rules
        got = canonical(ex["text"], ratio=bool(entry.get("ratio")))
        assert got.name == ex["canonical"] and entry["id"] in got.rules, (ex, got)


def _unit_noun(ex: dict):
    from workreport.extract.measures import Canonical, with_unit_noun
    from workreport.extract.numbers import find_quantities

    (q,) = find_quantities("1" + ex["unit"])
    return with_unit_noun(Canonical(ex["text"], ()), q.dimension)


@matcher("measures:unit_nouns")
def takes_unit_noun(entry: dict, ex: dict) -> bool:
    return entry["id"] in _unit_noun(ex).rules


@example_check("measures:unit_nouns")
def unit_noun_result(entry: dict, ex: dict) -> None:
    assert _unit_noun(ex).name == ex["canonical"], ex


@matcher("measures:change")
def change_word(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(norm(text)))


@matcher("measures:narrowing")
def narrowing_word(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(norm(text)))


@example_check("measures:narrowing")
def narrowed_topic_keeps_its_name(entry: dict, text: str) -> None:
    """A topic naming a listed measure after a narrowing word is not named by the listed one."""
    from workreport.extract.measures import anchored, canonical, group_of

    topic = canonical(text + "社会消费品零售额")
    assert group_of(anchored(topic).name) is None, (text, anchored(topic))


# ---------------------------------------------------------------------------------------
# Periods.

@matcher("periods:cues")
def period_cue(entry: dict, text: str) -> bool:
    from workreport.extract.periods import _events

    # the cue wins the scan somewhere in the text (a base of comparison is found before a year)
    return any(cue.id == entry["id"] for _, _, cue, _ in _events(norm(text)))


@matcher("periods:report", "periods:boundaries", "periods:opener")
def period_pattern(entry: dict, text: str) -> bool:
    return bool(rules.compiled(entry["pattern"]).search(norm(text)))


@matcher("periods:plan_periods")
def plan_period_name(entry: dict, text: str) -> bool:
    return text in entry["values"]


@matcher("plans:track_qualifiers")
def track_qualifier(entry: dict, text: str) -> bool:
    qs = find_quantities(text)
    return bool(qs) and qs[0].qualifier in entry["words"]


# ---------------------------------------------------------------------------------------
# Word's list-number formats: every format the entry serves renders the value as Word shows it.

@matcher("numbering:counting", "numbering:digital", "numbering:sequences")
def word_list_number(entry: dict, ex) -> bool:
    from workreport.ingest.numbering import format_number

    return all(format_number(int(ex["n"]), fmt) == ex["text"] for fmt in entry["formats"])


# ---------------------------------------------------------------------------------------
# The cases.

def _cases():
    for table in rules.data_files():
        name = table[:-5]
        for path, entry in rules.iter_entries(rules.load(name)):
            sec = section_of(name, path)
            for ex in entry.get("examples", []):
                yield pytest.param(sec, entry, ex, True, id=f"{entry['id']}+{_text(ex)[:12]}")
            for ex in entry.get("counter_examples", []):
                yield pytest.param(sec, entry, ex, False, id=f"{entry['id']}-{_text(ex)[:12]}")


CASES = list(_cases())


def test_every_section_with_examples_has_a_matcher():
    missing = sorted({c.values[0] for c in CASES} - set(MATCHERS))
    assert not missing, f"no matcher registered in {__name__} for {missing}"


def test_every_matcher_is_used():
    assert set(MATCHERS) <= {c.values[0] for c in CASES}, set(MATCHERS) - {c.values[0] for c in CASES}


@pytest.mark.parametrize("section,entry,text,expected", CASES)
def test_example(section, entry, text, expected):
    match = MATCHERS.get(section)
    if match is None:
        pytest.fail(f"{section}: no matcher")
    got = match(entry, text)
    what = "example" if expected else "counter-example"
    assert got == expected, f"{entry['id']}: {what} {text!r}"
    if expected and section in EXAMPLE_CHECKS:
        EXAMPLE_CHECKS[section](entry, text)


@matcher("orgs:named_institution")
def institution_named(entry: dict, text: str) -> bool:
    return bool(org.institution_names(text, entry["bodies"]))
