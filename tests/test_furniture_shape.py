"""Page furniture known by the shape of its lines (structure/shape.py), not by its words: every
line here is fictional and none of its words is on a furniture list."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

BODY = "全年各项工作有序推进，重点任务全面完成，群众满意度稳步提升。" * 3
OPENING = "2023年，青山区审计局在区委、区政府的坚强领导下，认真履行审计监督职责，各项工作取得新成效。"


def chrome_of(lines, sep="\n"):
    text = sep.join(lines) + "\n"
    chrome, reports = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    numbered = {n: l for n, l in enumerate(text.split("\n"), 1)}
    return {numbered[n] for n in chrome}, reports


def test_menu_and_field_rows_over_a_title_are_the_pages():
    # a menu longer than a short token row, a row of fields split by bars, a line of words under it
    head = ["蓝山公文素材站 | 把写作资料库收藏到电脑桌面", "机构概况 新闻动态 办事服务 互动交流 数据开放", "安装后可以快捷访问"]
    chrome, reports = chrome_of([*head, "青山区审计局2023年工作总结", OPENING, "一、主要工作", BODY])
    assert chrome == set(head)
    assert reports[0].title == "青山区审计局2023年工作总结"


def test_field_rows_between_a_title_and_its_text():
    rows = ["蓝山公文素材站 · 2024-01-08 09:12 · 心得体会栏目", "XB20240108QSSJ-0007"]
    chrome, reports = chrome_of(["青山区审计局2023年工作总结", *rows, OPENING, BODY])
    assert chrome == set(rows)
    assert len(reports) == 1 and reports[0].title == "青山区审计局2023年工作总结"


def test_page_rows_between_two_reports():
    rows = ["蓝山公文素材站 | 写作资料收藏到桌面 | 联系站长", "蓝山素材 · 2024-01-08 · 心得体会栏目"]
    second = "某某街道2023年工作总结"
    chrome, reports = chrome_of(["青山区审计局2023年工作总结", OPENING, BODY, *rows, second,
                                 "2023年，某某街道在区委、区政府的坚强领导下，扎实推进各项工作，取得明显成效。", BODY])
    assert chrome == set(rows)


def test_a_bare_heading_between_a_sentence_and_the_opening_stays():
    # a speech's part heading without an outline marker between the salutation's sentence and its text
    lines = ["某某镇2023年上半年政府工作报告", "各位代表：", "现在，我代表某某镇人民政府，向大会报告政府工作，请予审议。",
             "上半年工作回顾", "今年上半年，我镇在区委、区政府的坚强领导下，认真落实各项决策部署，经济社会平稳发展。", BODY]
    chrome, _ = chrome_of(lines)
    assert "上半年工作回顾" not in chrome


def test_figures_and_bylines_keep_their_lines():
    # a table-like line of figures, a figure with its unit, and a byline under a speech's title
    lines = ["在全县审计工作会议上的讲话", "某某县审计局 局长 张三", "同志们：", BODY,
             "地区生产总值 118.0 125.3", "新建道路12公里", "截至2023-06-30，完成投资3亿元。", BODY]
    chrome, _ = chrome_of(lines)
    assert chrome == set()


def test_a_short_figure_line_at_the_foot_stays():
    # a table's last row pasted under the last sentence is the report's, not the page's foot
    chrome, _ = chrome_of(["青山区审计局2023年工作总结", OPENING, BODY, "改造老旧管网12公里", "新增停车泊位300个"])
    assert chrome == set()
