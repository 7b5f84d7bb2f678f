"""Property tests: any text parses, and every result points at real text in range."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workreport.contract import parsed_json
from workreport.ingest import document_from_bytes
from workreport.model import walk_sections
from workreport.pipeline import parse

# Pieces of the genre, so generated text reaches deep into every stage.
PIECES = [
    "一、", "二、", "三、", "(一)", "（二）", "1.", "2、", "(1)", "①", "一是", "二是", "()", "第一章", "第三条",
    "2022年工作总结", "2023年工作计划", "存在的问题", "下一步打算", "今年以来,", "XX镇", "我局", "区残联",
    "在区委的领导下,", "现将工作情况汇报如下:", "完成投资3.4亿元,", "增长12%", "目标6.65亿元,已完成7.01亿元",
    "xx万元", "x.xx%", "共计1,100万元", "百分之三十", "三分之一", "5-6亿元", "500多亿", "近2亿元", "约x.xx万份",
    "〔2022〕x号", "1-10月份", "三减三健", "开展开展", "赋子", "。", ",", "，", "；", "：", "“", "”", "(", ")",
    "阅读全文", "分享", "2023-03-14 05:05:17 121", "相关内容", "附件1", "名词解释", "\n", "\n\n", "\t", " ",
    "　　", "３", "％", "各位代表：", "—3—", "全市", "隐患整改率达到95%以上", "年底前完成", "（牵头单位：住建局）",
]

_free = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=6)
texts = st.lists(st.one_of(st.sampled_from(PIECES), _free), max_size=80).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_parses_and_points_at_itself(text):
    if not text.strip():
        return  # empty input is refused by design (EmptyInput), tested elsewhere
    doc = document_from_bytes(text.encode("utf-8"), "fuzz.txt")
    parsed = parse(doc)
    n = len(doc.lines)
    for c in parsed.furniture_lines:
        assert 1 <= c <= n
    for r in parsed.reports:
        assert 1 <= r.start_line <= r.end_line <= n
        for s in walk_sections(r.sections):
            assert r.start_line <= s.line <= r.end_line
        for p in r.paragraphs:
            assert r.start_line <= p.line_start <= p.line_end <= r.end_line
        for i in r.indicators:
            assert i.text and i.text in doc.lines[i.line - 1]
            assert doc.lines[i.line - 1][i.span.start : i.span.end] == i.text
        for f in r.findings:
            assert 1 <= f.line <= n
    assert not [p for p in parsed.problems if p.kind == "stage_failed"], parsed.problems
    parsed_json(parsed)  # the contract serialises whatever came out


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_raise_a_clear_error(data):
    from workreport.errors import WorkReportError

    try:
        parse(document_from_bytes(data, "fuzz.bin"))
    except WorkReportError as exc:
        assert str(exc)


def test_a_failing_stage_is_recorded_not_fatal(monkeypatch):
    import workreport.pipeline as pipeline

    def boom(report, hints=()):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pipeline, "extract_indicators", boom)
    text = "一、2022年工作总结\n全年完成投资3亿元。\n二、2023年工作计划\n力争完成投资4亿元。\n"
    parsed = pipeline.parse(document_from_bytes(text.encode("utf-8"), "t.txt"))
    assert len(parsed.reports) == 1 and parsed.reports[0].sections  # structure kept
    assert parsed.reports[0].indicators == ()
    assert [p.kind for p in parsed.problems] == ["stage_failed"]
    assert "simulated bug" in parsed.problems[0].message
