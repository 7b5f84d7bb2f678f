"""The shape of every rule table: which keys an entry must have, which it may have, their types.

A schema is a tree of small nodes (nodes.py).  ``Entry`` is a rule entry (a mapping with an ``id``): its
problems name the entry's id, so a misspelled key (``counter_exmples``, ``rnak``) is reported
as ``outline.yaml: families[2] (outline.cn_paren): unknown key 'rnak'``.  ``Record`` is a plain
mapping with known keys (a table's top level, a group of entries).  ``Pattern`` fields are
regexes: the loader expands their named pieces (``{year}``) and compiles them.

Every file in data/ must have a schema here (``SCHEMAS``); a table without one fails to load.
"""
from __future__ import annotations

from ..model import KINDS, LEVELS, PERIOD_KINDS, ROLES
from .nodes import Entry, Examples, ListOf, MapOf, Node, Pattern, Record, Scalar


# ---------------------------------------------------------------------------------------
# Building blocks.

STR = Scalar((str,), "a string")
INT = Scalar((int,), "an integer")
NUM = Scalar((int, float), "a number")
BOOL = Scalar((bool,), "true or false")
STRS = ListOf(STR)
ID = STR
EXAMPLES = {"examples": Examples(), "counter_examples": Examples()}


def rule(required: dict[str, Node] | None = None, optional: dict[str, Node] | None = None,
         *, one_of: tuple[str, ...] = ()) -> Entry:
    """A rule entry: an id, its own fields, examples and counter-examples (both required)."""
    return Entry({"id": ID, **(required or {}), **EXAMPLES}, dict(optional or {}), one_of=one_of)


PATTERN_RULE = rule({"pattern": Pattern()})
PATTERN_RULES = ListOf(PATTERN_RULE, non_empty=True)
WORDS_RULE = rule({"words": STRS})
# A threshold: a number with the reason it has that value.  No examples: the tests that use it
# are the behaviour tests of its stage.
LIMIT = Entry({"id": ID, "value": NUM, "why": STR})
LIMITS = ListOf(LIMIT, non_empty=True)

LEVEL = Scalar((str,), "a level", choices=LEVELS)
# the contract's levels with national (the State Council and its ministries), for bodies and levels
ANY_LEVEL = Scalar((str,), "a level", choices=tuple(dict.fromkeys(("national", *LEVELS))))
ROLE = Scalar((str,), "a role", choices=ROLES)
KIND = Scalar((str,), "a figure kind", choices=KINDS)


def table(required: dict[str, Node], optional: dict[str, Node] | None = None) -> Record:
    return Record(required, optional or {})


# ---------------------------------------------------------------------------------------
# One schema per data file.

SCHEMAS: dict[str, Record] = {
    "pieces": table({"pieces": PATTERN_RULES}),
    "numbering": table({
        "counting": ListOf(rule({"formats": STRS, "digits": STR, "places": STRS, "zero": STR},
                                {"digit_by_digit_from": INT, "digit_by_digit": STR}), non_empty=True),
        "digital": ListOf(rule({"formats": STRS, "digits": STR}), non_empty=True),
        "sequences": ListOf(rule({"formats": STRS, "items": STR}), non_empty=True),
    }),
    "numerals": table({
        "digits": rule({"values": MapOf(INT)}),
        "small": rule({"values": MapOf(INT)}),
        "big": rule({"values": MapOf(INT)}),
        "point": rule({"word": STR}),
        "circled": rule({"chars": STR}),
        "vague": rule({"digit": STR, "qualifier": STR}),
    }),
    "bodies": table({
        "domains": ListOf(STR, non_empty=True),
        "connectors": Record({"within": STRS, "between": STRS}),
        "organ_sets": MapOf(STRS),
        "organ_words": STRS,
        "place_groups": MapOf(STRS),
        "sub_units": STRS,
        "trailers": STRS,
        "bracket_tail": PATTERN_RULE,
        "mention": rule({"name": Pattern(), "name_chars": INT, "not_after": Pattern()}),
        "branch": rule({"pattern": Pattern(), "name_chars": INT}),
        "bodies": ListOf(rule({"domain": STR}, {
            "domain_accept": STRS, "comprehensive": BOOL, "level": ANY_LEVEL, "stems": STRS, "organs": STRS,
            "forms": STRS, "place_forms": STRS, "places": STR, "national": STRS, "leading": STRS},
            one_of=("stems", "forms", "place_forms", "national", "leading")), non_empty=True),
    }),
    "checks": table({
        **{k: PATTERN_RULES for k in ("placeholder", "lost_ordinal", "bare_ordinal", "ordinal_tail",
                                      "problems_heading", "year_end_heading")},
        "fig": Record({"per_visit": rule({"chars": STR})}),
        "sums": Record({**{k: PATTERN_RULE for k in ("total_cue", "respectively", "among", "list_gap", "list_gap_comma",
                                                            "not_whole", "named_parts")},
                        "complements": ListOf(WORDS_RULE, non_empty=True)}),
        "percents": Record({"share_of": rule({"pattern": Pattern(), "share_verb": STR}),
                            **{k: PATTERN_RULE for k in ("among_have", "rate_name", "share_word", "whole_cue",
                                                         "points")},
                            **{k: WORDS_RULE for k in ("floor", "about")}}),
        "stops": Record({k: rule({"chars": STR}) for k in ("label", "rate_label", "clause")}),
        "growth": Record({k: PATTERN_RULE for k in ("cue", "down", "average", "from_old", "to_new", "than_old")}),
        "year": Record({k: PATTERN_RULE for k in ("heading", "opening", "sentence", "deadline", "future",
                                                     "multi_year")}),
        "org_names": Record({"generic_tails": WORDS_RULE, "levels": WORDS_RULE, "full_forms": WORDS_RULE,
                             "organ_equal": WORDS_RULE, "opening_place": PATTERN_RULE,
                             "former": ListOf(rule({"current": STR, "former": STRS}), non_empty=True)}),
        "enumeration": ListOf(rule({"pattern": Pattern(), "written": STR}), non_empty=True),
        "repeat": Record({k: PATTERN_RULE for k in ("sentence", "sentence_end", "clause", "leading_ordinal")}),
        "pairs": ListOf(rule({"open": STR, "close": STR})),
        "sentence": PATTERN_RULE,
        "comma_widths": rule({"half": STR, "full": STR}),
        "limits": LIMITS,
    }),
    "furniture": table({
        "line": PATTERN_RULES,
        "shape": ListOf(rule({"pattern": Pattern()}, {"under_title": BOOL}), non_empty=True),
        "tail_start": PATTERN_RULES,
        "page_title": rule({"max_chars": INT}),
        "sentence": PATTERN_RULE,
        "crumb_separators": WORDS_RULE,
        "labels": WORDS_RULE,
        "tokens": WORDS_RULE,
        "weak_punct": PATTERN_RULE,
        "signature_name": PATTERN_RULE,
        "document_part": PATTERN_RULE,
        "table_row": PATTERN_RULE,
        "figure_unit": PATTERN_RULE,
        "toc_run": PATTERN_RULE,
        "item_marker": PATTERN_RULE,
        "pinyin": PATTERN_RULE,
        "fragment": PATTERN_RULE,
        "title_continuation": PATTERN_RULE,
        "speech_title_tail": PATTERN_RULE,
        "snippet_end": PATTERN_RULE,
        "body_label": PATTERN_RULE,
        "label_lead": PATTERN_RULE,
        "label_end": PATTERN_RULE,
        "token_split": PATTERN_RULE,
        "limits": LIMITS,
    }),
    "html": table({"drop_tags": WORDS_RULE, "chrome_attr": PATTERN_RULES}),
    "indicators": table({
        "traps": PATTERN_RULES,
        "bare_cues": PATTERN_RULES,
        "kinds": Record({"growth": PATTERN_RULES, "rate": PATTERN_RULES, "target": PATTERN_RULES,
                         "actual": PATTERN_RULES}),
        "scan_hints": Record({"traps": Pattern(), "cues": Pattern()}),
        "boundaries": PATTERN_RULES,
        "measure": ListOf(rule({"pattern": Pattern()}, {"name": STR, "and": Pattern(), "joint": MapOf(STRS)}), non_empty=True),
        "pairs": PATTERN_RULES,
        "limits": LIMITS,
    }),
    "levels": table({
        "places": ListOf(rule({"words": STRS, "level": ANY_LEVEL}, {"text_decides": BOOL}), non_empty=True),
        "not_place": rule({"words": STRS}),
        "name_end_compounds": rule({"words": STRS, "not_after": STRS}),
        "municipalities": rule({"names": STRS, "level": ANY_LEVEL}),
        "county_cities": rule({"names": STRS, "level": ANY_LEVEL, "after": STRS}),
        "national": rule({"prefixes": STRS, "level": ANY_LEVEL}),
        "organ_levels": rule({"organs": MapOf(ANY_LEVEL)}),
        "branch_levels": rule({"below": MapOf(ANY_LEVEL)}),
        "stations": rule({"forms": STRS, "level": ANY_LEVEL}),
        "city_cues": Record({"prefecture": PATTERN_RULE, "county": PATTERN_RULE},
                            {"superior_city": PATTERN_RULE, "ranked_among_counties": PATTERN_RULE,
                             "municipality": rule({"pattern": Pattern(), "capital": STR, "name_weight": INT,
                                                   "capital_weight": INT, "enough": INT, "decisive": INT})}),
        "limits": LIMITS,
    }),
    "library": table({"keep": ListOf(WORDS_RULE, non_empty=True), "limits": LIMITS}),
    "measures": table({
        "rename": ListOf(rule({"pattern": Pattern(), "replace": STR}, {"ratio": BOOL}), non_empty=True),
        **{k: PATTERN_RULES for k in ("cut", "lead", "inner", "tail")},
        "unit_nouns": ListOf(rule({"dimensions": STRS, "noun": STR, "ends": STRS}), non_empty=True),
        "change": PATTERN_RULES,
        "narrowing": PATTERN_RULES,
        "synonyms": ListOf(rule({"words": STRS}, {"name": STR}), non_empty=True),
        "limits": LIMITS,
    }),
    "messages": table({"messages": MapOf(STR)}),
    "orgs": table({
        "suffixes": ListOf(rule({"words": STRS}, {"place": BOOL, "body": STR})),
        "zone_bodies": rule({"bodies": STRS}),
        "not_names": PATTERN_RULE,
        "superiors": PATTERN_RULE,
        "superior_context": Record({"before": PATTERN_RULE, "after": PATTERN_RULE}),
        "subject_cues": rule({"before": Pattern(), "after": Pattern()}, {"alias": Pattern()}),
        "body_frame": PATTERN_RULE,
        "bare_subjects": rule({"bodies": STRS}),
        "formula": PATTERN_RULE,
        "post": PATTERN_RULE,
        "post_lead": PATTERN_RULE,
        "speech": ListOf(rule({"pattern": Pattern()}, {"unit": STR})),
        "speech_organ": PATTERN_RULE,
        "guided_field": PATTERN_RULE,
        "field_department_led": PATTERN_RULE,
        "title_field_cross_cutting": WORDS_RULE,
        "title_field_year": PATTERN_RULE,
        "line_led": PATTERN_RULE,
        "next_year_genre": PATTERN_RULE,
        "plan_title": PATTERN_RULE,
        "meeting_title": PATTERN_RULE,
        "half_year": PATTERN_RULE,
        "speech_body": rule({"word": STR}),
        "speaker_place": PATTERN_RULE,
        "speaker_body": PATTERN_RULE,
        "supervised_government": rule({"pattern": STR, "unless": STR}),
        "whole_place": PATTERN_RULE,
        "entrusted_audit": rule({"pattern": STR, "organs": MapOf(STR)}),
        "self_reference": PATTERN_RULE,
        "self_alias": rule({"map": MapOf(STR)}),
        "we_named": PATTERN_RULE,
        "own_reality": PATTERN_RULE,
        "self_prefixes": WORDS_RULE,
        "self_kinds": rule({"kinds": MapOf(Record({}, {"ends": STR, "organs": STRS, "bodies": STRS,
                                                       "any": BOOL, "system_organ": STR, "bare": STR,
                                                       "by_domain": MapOf(STR),
                                                       "refine": ListOf(Record({"organ": STR, "before": Pattern()}))}))}),
        "self_places": rule({"kinds": MapOf(STRS)}),
        "system": rule({"pattern": Pattern(), "scope": Pattern()}),
        "sector_opening": rule({"pattern": Pattern(), "organs": MapOf(STR)}),
        "title_field": PATTERN_RULE,
        "own_field": PATTERN_RULE,
        "field_department": rule({"pattern": Pattern()}),
        "rows": Record({"author": PATTERN_RULE, "title": PATTERN_RULE}, {"essay_title": PATTERN_RULE}),
        "fused_title": PATTERN_RULE,
        "title_bare_kind": PATTERN_RULE,
        "own_place_leader": PATTERN_RULE,
        "bare_organ_self": PATTERN_RULE,
        "domain_from_text": rule({"bodies": STRS}),
        "named_government": PATTERN_RULE,
        "unguessed_places": WORDS_RULE,
        "guessed_places": WORDS_RULE,
        "titled_place": rule({"kinds": STRS, "before": Pattern(), "name": Pattern(), "after": Pattern()}),
        "short_place_heads": WORDS_RULE,
        "place_heads": WORDS_RULE,
        "not_place_endings": WORDS_RULE,
        "self_named_not_before": PATTERN_RULE,
        "domains": ListOf(rule({"label": STR, "text": Pattern(), "min_hits": INT}, {"not_focus_of_comprehensive": BOOL})),
        "date_line": PATTERN_RULE,
        "names": Record({k: PATTERN_RULE for k in ("not_in_owner", "organ_in_place", "generic", "bad_start", "lead", "function_chars", "place")}),
        "scope": PATTERN_RULE,
        "scope_levels": MapOf(LEVEL),
        "unplaced_default": rule({"level": LEVEL}),
        "leadership": PATTERN_RULE,
        "scope_region": rule({"scopes": STRS, "pattern": Pattern(), "unless": Pattern(), "level": LEVEL}),
        "domain_fixed": rule({"bodies": STRS, "label": STR}),
        "domain_topic": PATTERN_RULE,
        "year": PATTERN_RULE,
        "cn_year": PATTERN_RULE,
        "not_report_year": PATTERN_RULE,
        "session": PATTERN_RULE,
        "plan_phrase": rule({"pattern": Pattern(), "periods": MapOf(INT), "years": MapOf(INT)}),
        "file_year": PATTERN_RULE,
        "review_heading": PATTERN_RULE,
        "review_inline": PATTERN_RULE,
        "review_scene": rule({"pattern": Pattern(), "looking_back": Pattern()}),
        "year_range": PATTERN_RULE,
        "closing_scene": PATTERN_RULE,
        "sample_title": PATTERN_RULE,
        "summary_title": PATTERN_RULE,
        "opening_year_place": PATTERN_RULE,
        "title_head": PATTERN_RULE,
        "title_subtitle": PATTERN_RULE,
        "speech_post": rule({"pattern": Pattern(), "governments": MapOf(STR), "heads": MapOf(STR), "government_body": STR}),
        "quoted_name": PATTERN_RULE,
        "title_tail": PATTERN_RULE,
        "title_line": PATTERN_RULE,
        "region_suffixes": WORDS_RULE,
        "file_compilation": PATTERN_RULE,
        "limits": LIMITS,
    }),
    "outline": table({
        "families": ListOf(rule({"family": STR, "rank": INT, "pattern": Pattern()},
                                {"lost": BOOL, "written": STR, "render": STR}), non_empty=True),
        "bare_ordinal": PATTERN_RULE,
        "ordinal_continuation": PATTERN_RULE,
        "not_heading": PATTERN_RULES,
        "bare_heading": rule({"pattern": Pattern(), "min_chars": INT, "max_chars": INT}),
        "bare_heading_strong": PATTERN_RULE,
        "heading_end": rule({"pattern": Pattern(), "kept": STR}),
        "clause_end": PATTERN_RULE,
        "terminal": PATTERN_RULE,
        "ordinal_prefix": PATTERN_RULE,
        "limits": LIMITS,
    }),
    "paragraphs": table({
        **{k: PATTERN_RULE for k in ("continuation_start", "list_start", "any_punct", "colon_end", "semicolon_end", "first_page_mark")},
        "openers": WORDS_RULE,
        "limits": LIMITS,
    }),
    "periods": table({
        "cues": ListOf(rule({"pattern": Pattern()}, {
            "ignore": BOOL,
            "year": Scalar((str,), "a year rule", choices=("written", "reviewed", "speaking", "previous", "next", "plan",
                                                           "since", "years_back", "plan_period", "plan_period_end",
                                                           "plan_period_since", "before", "last", "keep")),
            "kind": Scalar((str,), "a period kind", choices=PERIOD_KINDS),
            "reach": Scalar((str,), "a reach", choices=("figure", "sentence", "paragraph"))}), non_empty=True),
        "plan_periods": rule({"values": MapOf(INT)}),
        "report": PATTERN_RULES,
        "opener": PATTERN_RULE,
        "boundaries": PATTERN_RULES,
        "limits": LIMITS,
    }),
    "plans": table({
        **{k: PATTERN_RULES for k in ("plan_heading", "combined_heading", "plan_start", "item_heading",
                                      "inline_item", "intro", "deadline", "lead_unit", "target_cue",
                                      "estimate_cue", "decrease", "file_name_noise", "admin_suffix",
                                      "ceiling_measure")},
        "track_qualifiers": ListOf(WORDS_RULE, non_empty=True),
    }),
    "roles": table({"roles": ListOf(rule({"role": ROLE, "pattern": Pattern()}, {"priority": BOOL, "top_only": BOOL}),
                                     non_empty=True),
                    "year": PATTERN_RULE,
                    "problem_lead": Record({k: PATTERN_RULE for k in ("vocative", "acknowledge", "problem", "overcome",
                                                                       "still", "follows", "sentence_end")}),
                    "limits": LIMITS}),
    "split": table({
        "title": rule({"pattern": Pattern(), "max_chars": INT}),
        "genre_title": rule({"pattern": Pattern(), "max_chars": INT}),
        "title_decoration": PATTERN_RULE,
        "fused_title": PATTERN_RULE,
        "fused_tagged_title": PATTERN_RULE,
        "fused_gap_title": PATTERN_RULE,
        "spaced": PATTERN_RULE,
        "broken_title": rule({"tail_max_chars": INT, "max_lines": INT, "piece_max_chars": INT, "max_chars": INT}),
        "generic_subject": PATTERN_RULE,
        "name_line": PATTERN_RULE,
        "nameless_title": PATTERN_RULE,
        "bare_title": PATTERN_RULE,
        "year_named_title": PATTERN_RULE,
        "title_prefix": PATTERN_RULE,
        "chunk": PATTERN_RULE,
        "page_mark": PATTERN_RULE,
        "address_body": PATTERN_RULE,
        "masked_name": PATTERN_RULE,
        "session_body": PATTERN_RULE,
        "year_tail": PATTERN_RULE,
        "greeting": PATTERN_RULE,
        "inline_outline": PATTERN_RULE,
        "intro": ListOf(rule({"pattern": Pattern()}, {"first_chars": INT, "last_chars": INT},
                             one_of=("first_chars", "last_chars")), non_empty=True),
        "preamble": PATTERN_RULES,
        "signature": PATTERN_RULE,
        "title_row": PATTERN_RULE,
        "not_a_start": PATTERN_RULE,
        "cut_sentence": PATTERN_RULE,
        "subject": PATTERN_RULE,
        "scene_body": PATTERN_RULE,
        "sentence_stop": PATTERN_RULE,
        "title_name": PATTERN_RULE,
        "evidence": Record({"id": STR, "fitted_by": STR, "threshold": NUM, "weights": MapOf(NUM)}),
        "appendix": PATTERN_RULE,
        "named_title": PATTERN_RULE,
        "year": PATTERN_RULE,
        "limits": LIMITS,
    }),
    "tables": table({
        **{k: PATTERN_RULES for k in ("captions", "header_unit", "unit_separator", "columns", "row_label")},
        "kinds": ListOf(rule({"kind": KIND, "pattern": Pattern()}), non_empty=True),
        "brackets": rule({"open": STR, "close": STR}),
        "limits": LIMITS,
    }),
    "traditional": table({"fold": rule({"chars": MapOf(STR)})}),
    "typos": table({
        "confusions": ListOf(rule({"pattern": Pattern(), "right": STR})),
        "misspelled": ListOf(rule({"wrong": STR, "right": STR}), non_empty=True),
        "doubled_junctions": ListOf(WORDS_RULE),
        "fixed_phrases": ListOf(rule({"words": STRS}, {"except": STRS, "substitution": BOOL})),
        "doubled_allow": ListOf(rule({}, {"words": STRS, "pattern": Pattern()}, one_of=("words", "pattern"))),
        "doubled": PATTERN_RULES,
        "limits": LIMITS,
    }),
    "units": table({
        "grammar": PATTERN_RULES,
        "qualifiers": Record({"pre": STRS, "mid": STRS, "post": STRS}),
        "not_units": ListOf(WORDS_RULE, non_empty=True),
        "units": ListOf(rule({"dimension": STR, "base": Scalar((str,), "a string or null", nullable=True),
                              "factor": NUM, "words": STRS}, {"arabic_only": BOOL}), non_empty=True),
        "multipliers": ListOf(rule({"words": MapOf(NUM), "after_chinese": STRS}), non_empty=True),
        "lone_article": ListOf(WORDS_RULE, non_empty=True),
        "unknown_unit": PATTERN_RULES,
    }),
}
