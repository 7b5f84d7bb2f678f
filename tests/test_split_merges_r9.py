"""Report starts of round 9 (merges): a page's table row the furniture pass left is no sentence cut
off, a dash subtitle is its title printed again, one body masked two ways is one body.  All units
and sentences here are made up."""
from workreport.structure import cues, evidence, split
from workreport.structure.paragraph_cues import paragraph_cues
from workreport.structure.paragraphs import build_paragraphs

from structure_helpers import REPORT as _REPORT, pasted as _doc

_SPEECH = ["青山县2023年政府工作报告", "青山县2023年政府工作报告 制定机关：青山县人民政府 2023年2月10日 |", "各位代表：",
           "现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和列席会议的同志提出意见。",
           "一、过去一年的工作", "过去一年，全县上下在县委的坚强领导下，克难攻坚，经济社会发展主要目标任务全面完成。"]


def _weighed(lines, text, furniture=frozenset()):
    """The evidence for the paragraph ``text`` as a start, the report walked up to it (no furniture:
    the rows a furniture pass might miss stay in the text)."""
    doc = _doc(lines)
    paras = list(build_paragraphs(doc, furniture))
    cs = paragraph_cues(doc, paras, furniture)
    st = evidence.State()
    st.take(cs[0], paras[0])
    starts = {i for i, _, _ in split.decode(cs, paras)}
    for i in range(1, len(paras)):
        if paras[i].text == text:
            return evidence.features(i, cs, paras, st, evidence.is_compilation(cs)), i in starts
        if i in starts:
            st.begin(i)
        st.take(cs[i], paras[i])
    raise AssertionError(text)


def test_a_table_row_over_the_salutation_is_no_cut_sentence():
    f, started = _weighed([*_REPORT, *_SPEECH], "各位代表：")
    assert f["prev_unfinished"] == 0.0 and not started
    # (the same row without its cell's bar is a line the page cut: the evidence stays)
    row = _SPEECH[1].rstrip(" |")
    f, _ = _weighed([*_REPORT, _SPEECH[0], row, *_SPEECH[2:]], "各位代表：")
    assert f["prev_unfinished"] == 1.0


def test_a_dash_subtitle_is_the_title_again():
    assert cues.title_core("——青山区文旅局2022年工作总结") == "青山区文旅局2022年工作总结"
    assert cues.title_name(cues.title_core("—— 青山区文旅局2022年工作总结")) == "青山区文旅局"
    assert evidence.repeats(cues.title_core("——青山区文旅局2022年工作总结"), {"青山区文旅局2022年工作总结"})
    # (a session line is no title, with or without its dash)
    assert not cues.is_title("——2023年1月10日在青山区第五届人民代表大会第三次会议上")


def test_one_body_masked_two_ways_is_no_new_name():
    assert evidence._masked_same("共青团XX县委", {"共青团(县)"})
    assert evidence._masked_same("县区宣传部", {"*区宣传部"})
    assert not evidence._masked_same("XX县财政局", {"XX县民政局"})
    assert not evidence._masked_same("XX镇", {"**镇"})  # (a kind alone names no body)
    assert not evidence._masked_same("青山县财政局", {"青山县民政局"})
