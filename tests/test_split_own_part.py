"""Text right under the part heading a running report's outline reached last is that part's text
(evidence.under_own_part), even when it opens with the year's formula: a government work report's
first part (one, the year's review) opens so.  Not under a part for next year that reviews a year
instead, and not across a line where the words change (a page cut at its heading, another text's
opening under it).  All units and sentences here are made up."""
from workreport.structure import evidence, split
from workreport.structure.cohesion import Cohesion
from workreport.structure.furniture import find_furniture
from workreport.structure.paragraph_cues import paragraph_cues
from workreport.structure.paragraphs import build_paragraphs

from structure_helpers import REPORT as _REPORT, pasted as _doc


def _weighed(lines, text):
    """The evidence for the paragraph ``text`` as a start, the report walked up to it."""
    doc = _doc(lines)
    furn = find_furniture(doc)
    paras = list(build_paragraphs(doc, furn))
    cs = paragraph_cues(doc, paras, furn)
    coh = Cohesion(paras)
    st = evidence.State()
    st.take(cs[0], paras[0])
    for i in range(1, len(paras)):
        if paras[i].text == text:
            return evidence.features(i, cs, paras, st, evidence.is_compilation(cs), cohesion=coh)
        st.take(cs[i], paras[i])
    raise AssertionError(text)


_HEAD = ["白河镇2024年政府工作报告", "各位代表：", "现在，我代表白河镇人民政府向大会报告工作，请予审议，并请列席人员提出意见。"]
_OPENING = ("2023年是全面贯彻党的二十大精神的开局之年。一年来，在县委、县政府和镇党委的坚强领导下，镇政府团结依靠全镇干部群众，"
            "抓产业、促项目、惠民生，全镇经济社会发展取得新成效，全镇地区生产总值增长百分之六，产业项目建设稳步推进。")
_PARTS = ["（一）产业项目建设稳步推进。全镇新引进产业项目八个，建成投产项目五个，镇工业园区新增标准厂房两万平方米，产业发展后劲不断增强。",
          "（二）民生保障持续加强。全镇新增城镇就业五百人，改造农村公路二十公里，新建村级养老服务站三个，群众生活持续改善。"]


def test_the_years_formula_under_the_reports_own_review_heading_is_that_parts_text():
    lines = [*_REPORT, *_HEAD, "一、2023年工作回顾", _OPENING, *_PARTS]
    f = _weighed(lines, _OPENING)
    assert f["under_own_part"] == 1.0 and split.score(f) <= split.THRESHOLD


def test_a_review_under_a_part_for_next_year_is_not_that_parts_text():
    # (a page cut at its plan heading: another body's review of its year under it)
    other = ("今年以来，青山区卫生健康局在区委、区政府的坚强领导下，统筹做好医疗服务和公共卫生工作，全区新建社区卫生服务站三个，"
             "家庭医生签约率达到百分之六十，全区卫生健康事业持续发展。")
    lines = [*_HEAD, "一、2023年工作回顾", _OPENING, *_PARTS, "二、2024年工作安排", other]
    assert _weighed(lines, other)["under_own_part"] == 0.0


def test_another_texts_words_under_the_heading_are_no_part_of_it():
    # (a page cut at a topic heading: a text on other things under it shares few word pieces with it)
    other = ("临江县审计局依法履行审计监督职责，全年完成预算执行审计、经济责任审计等审计项目三十个，查出违规资金八百万元，"
             "移送问题线索五件，提出审计建议四十条，被审计单位整改落实到位。")
    more = "审计整改督查覆盖全部被审计单位，建立审计发现问题整改台账，逐项销号管理，审计结果公告制度进一步落实，审计监督成效明显。"
    last = "组织审计业务培训六期，参训人员两百余人次，审计人员依法审计能力和计算机审计水平不断提升，审计质量持续提高。"
    lines = [*_HEAD, "一、2023年工作回顾", _OPENING, *_PARTS, "二、深化改革创新", other, more, last]
    assert _weighed(lines, other)["under_own_part"] == 0.0
