"""Page furniture of scraped compilations and web pages becomes chrome_lines."""
from workreport.ingest import document_from_bytes
from workreport.structure import structure

BODY = "全年各项工作有序推进，重点任务全面完成，群众满意度稳步提升。" * 3


def chrome_of(lines):
    text = "\n\n".join(lines) + "\n"
    chrome, reports = structure(document_from_bytes(text.encode("utf-8"), "t.txt"))
    numbered = {n: l for n, l in enumerate(text.split("\n"), 1)}
    return {numbered[n] for n in chrome}, reports


def test_compilation_page_tail():
    tail = ["阅读全文", "分享", "赏赞", "¥9.9", "本文标题：2022年度工作总结汇编", "链接地址：https://example.com/a/1.html",
            "相关内容", "某某镇2022年工作总结", "某某局2023年工作计划", "热门推荐", "微信扫一扫"]
    chrome, reports = chrome_of(["一、2022年工作总结", BODY, "二、2023年工作计划", BODY, *tail])
    assert chrome == set(tail)
    assert len(reports) == 1 and reports[0].end_line == 7


def test_web_page_head():
    head = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】", "您的位置:", "首页", ">", "要闻"]
    chrome, reports = chrome_of([*head, "2026年某某省政府工作报告", "来源：某某日报", "时间：2026-02-01",
                                 "一、2025年工作回顾", BODY, "二、2026年重点工作", BODY])
    assert chrome == set(head) | {"来源：某某日报", "时间：2026-02-01"}
    assert reports[0].title == "2026年某某省政府工作报告"


def test_report_text_is_not_furniture():
    lines = ["一、2022年工作总结", "分享经验做法，推广先进典型。", "全年发放宣传资料3000份，扫码关注人数达1万人。", "二、存在的问题", BODY]
    chrome, _ = chrome_of(lines)
    assert chrome == set()


def test_contents_with_glued_page_numbers():
    # an index of the reports a page publishes together, converted with the page numbers glued on
    index = ["3.青山区文旅局2023年工作总结和2024年工作计划9", "4.青山区水务局2023年工作总结15",
             "5.青山区民政局2023年工作总结及2024年工作打算22"]
    opening = "2023年以来，在区委区政府的正确领导下，我局坚持以人民为中心，各项工作取得新成效，现将有关情况报告如下："
    chrome, reports = chrome_of([*index, opening, "一、2023年工作总结", BODY, "二、2024年工作计划", BODY])
    assert chrome == set(index)
    assert len(reports) == 1


def test_titles_ending_in_a_figure_are_no_contents():
    # numbers that do not grow down the list are no page numbers
    lines = ["一、基本情况3", BODY, "二、工作打算2", BODY, "三、存在问题1", BODY]
    chrome, _ = chrome_of(["某某镇2023年工作总结", *lines])
    assert not chrome & {"一、基本情况3", "二、工作打算2", "三、存在问题1"}
    listed = ["(一)组织建设情况2", "(二)队伍建设情况2", "(三)制度建设情况2"]
    chrome, _ = chrome_of(["某某镇2023年工作总结", *listed, BODY])
    assert not chrome & set(listed)
    # a report's own outline listed with its pages under its cover is the report's front matter
    own = ["一、基本情况1", "(一)组织建设情况2", "二、主要工作5"]
    chrome, _ = chrome_of(["某某职业学校2023年度质量报告", *own, "一、基本情况", BODY])
    assert not chrome & set(own)


def test_document_sharing_rows_with_bullets_and_spaced_thumbnails():
    rows = ["• 格式:doc", "• 大小:48.50 KB", "青山区文旅局2023年工作总结.docx 第1页", "青山区文旅局2023年工作总结.docx 第2页",
            "- 配套资料:"]
    chrome, reports = chrome_of([*rows, "青山区文旅局2023年工作总结", BODY, "一、主要工作", BODY])
    assert chrome == set(rows)
    assert len(reports) == 1 and reports[0].title == "青山区文旅局2023年工作总结"


def test_bulleted_text_lines_stay_text():
    lines = ["• 主要做法：全区新建公园3个。", "- 2023年：完成投资3亿元"]
    chrome, _ = chrome_of(["青山区2023年工作总结", BODY, *lines, BODY])
    assert not chrome & set(lines)


def test_converter_page_mark_before_a_title_is_not_the_titles():
    from workreport.structure import cues
    for line, rest in (("17 第页共页 青山团种植业工作总结 本团坚持", "青山团种植业工作总结 本团坚持"),
                       ("1 2021 年青山县政府工作报告(全文)", "2021 年青山县政府工作报告(全文)")):
        assert line[cues.page_mark_end(line):] == rest
    assert cues.page_mark_end("1 青山县2021年工作总结") == 0  # (a number before no year nor mark is left alone)
