"""Builds 青山区教育局2025年工作总结.docx, the one report of the district set that arrived as a Word
file.  Its headings are real Word auto-numbering (numbering.xml: 一、 / （一）), not typed
ordinals, so the sample shows the Word import.  Fictional text written for the project.

Run from the repository root:  .venv/bin/python samples/district/make_docx.py
"""
from __future__ import annotations

import pathlib

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# One multilevel list, as Word writes it for a report outline: 一、 then （一）.
NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

H1, H2 = 0, 1  # list levels
PARAS = [
    ("title", "青山区教育局2025年工作总结和2026年工作要点"),
    ("p", "2025年，区教育局坚持立德树人根本任务，深入实施教育强区战略，聚焦学位扩容、质量提升、队伍建设和教育改革，"
          "全区教育事业高质量发展取得新成效。现将有关情况报告如下。"),
    (H1, "2025年工作回顾"),
    (H2, "学位供给持续扩大"),
    ("p", "完成3所学校改扩建，新增学位3240个，超额完成年度目标。全区在校学生达到6.82万人，较上年的6.51万人增长6.8%。"
          "新组建教育集团2个，全区教育集团达到8个，覆盖成员学校27所，城乡学校结对帮扶实现全覆盖。"),
    (H2, "教育质量稳步提升"),
    ("p", "全区中考平均分较上年提高4.2分，高中阶段毛入学率达到98.9%。课后服务覆盖率保持100%，学生参与率达到94.1%。"
          "建成市级以上特色学校14所，学生在省级以上各类竞赛中获奖358人次。深化心理健康教育，专职心理健康教师配备率达到92%。"
          "开展“一师一优课”评选活动，推出区级优质课例196节。"),
    (H2, "教师队伍建设持续加强"),
    ("p", "全年招聘新教师165名，完成年度计划的91.7%，组织教师全员培训2.5万人次。一是深化“县管校聘”改革，交流轮岗教师336名，"
          "其中骨干教师102名；三是完善教师荣誉制度，评选表彰优秀教师、优秀班主任120名。"),
    (H2, "教育民生保障有力"),
    ("p", "落实学生资助政策，发放各类资助资金2186万元，资助学生1.86万人次。完成校舍安全隐患排查整改38处，"
          "校园“一键报警”和视频监控实现全覆盖，学校食堂“互联网+明厨亮灶”覆盖率保持100%。"),
    (H2, "教育改革不断深化"),
    ("p", "推进义务教育优质均衡发展改革，完成学校办学质量综合督导评估42所；深化中考改革，"
          "优质普通高中招生名额分配到校比例达到60%；启动中小学人工智能教育试点学校10所。"),
    (H1, "存在的问题"),
    ("p", "一是城区优质学位仍然紧张，部分学校班额偏大；二是教师招聘未完成年度计划，音体美、心理健康等学科教师仍然短缺；"
          "三是农村学校办学条件与城区相比仍有差距，优质师资留不住的问题依然存在。"),
    (H1, "2026年工作要点"),
    (H2, "扩大优质教育资源"),
    ("p", "新建中小学1所，新增学位2000个，推进集团化办学全覆盖，实现城乡学校结对帮扶常态化。"),
    (H2, "加强教师队伍建设"),
    ("p", "招聘新教师200名，培养区级骨干教师150名，加强音体美和心理健康教师配备。"),
    (H2, "深化教育综合改革"),
    ("p", "推进义务教育优质均衡发展，深化课堂教学改革，完善学校办学质量评价体系，"
          "推动教育督导结果与学校考核、校长任用挂钩。"),
    (H2, "守牢校园安全底线"),
    ("p", "常态化开展校园安全隐患排查整治，加强学校食品安全管理和校车安全管理，"
          "深入开展防溺水、交通安全等专题教育，确保全年不发生重大校园安全事故。"),
]


def build() -> bytes:
    import io

    d = docx.Document()
    d.part.numbering_part._element = parse_xml(NUMBERING)
    for kind, text in PARAS:
        if kind == "title":
            p = d.add_paragraph()
            run = p.add_run(text)
            run.bold = True
            run.font.size = Pt(18)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        p = d.add_paragraph(text)
        if kind in (H1, H2):
            p._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{kind}"/><w:numId w:val="1"/></w:numPr>'))
            for run in p.runs:
                run.bold = kind == H1
        else:
            p.paragraph_format.first_line_indent = Pt(24)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


if __name__ == "__main__":
    out = pathlib.Path(__file__).with_name("青山区教育局2025年工作总结.docx")
    out.write_bytes(build())
    print(out)
