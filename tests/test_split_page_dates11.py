"""A page's head rows around its text (issue 10, round 7): the title a page prints over its date row
and again under it, the label a page prints over the text it shows (a preview), an essay site's
"we prepared this for you" row; and a page's date row between two texts as a page seam: a web page
prints its date (published, updated, the date and time with the site or the source beside it) in its
head, under the title a paste may lose, or at its foot, and a report is never dated inside its own
text.  So once the report before has its text, the text under such a row is another page, whatever
its first line is -- unless the line under the row is the site's teaser of the text (the next line
repeats its opening): the text has not begun there.
All units and sentences here are made up."""
from structure_helpers import CUT as _CUT, DONE as _DONE, MORE as _MORE
from workreport.ingest import document_from_bytes
from workreport.structure import structure


def _starts(lines):
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    _, reports = structure(doc)
    return [r.start_line for r in reports]


_PART = ["四、社会治理和平安建设工作：", "", "今年来，某某镇坚持以综治中心为依托，完善矛盾纠纷排查调处机制，全年调处各类纠纷一百二十余起，调处成功率达到百分之九十八。",
         "", "五、下一步工作打算", "", _DONE]
_PARA = ["我到青山中学任职两年多来，始终思考怎样办好一所让群众满意的学校，这一年学校在教学质量、队伍建设和校园安全方面都有了新的进步，",
         "", "一、抓教学质量", _DONE, _MORE]


def test_a_page_beginning_mid_report_under_its_time_row_starts_a_report():
    for row in ("时间：2021-08-31", "更新时间：2025-02 来源：网友投稿", "发布时间：2023-09-18 03:13:01"):
        lines = [*_CUT, "", row, "", *_PART]
        assert _starts(lines) == [1, len(_CUT) + 4], row


def test_a_plain_paragraph_under_a_date_and_site_row_starts_a_report():
    lines = [*_CUT, "", "", "2024-10-29 10:36:30 某某素材网", *_PARA]
    assert _starts(lines) == [1, len(_CUT) + 4]


def test_a_month_day_time_row_with_the_author_and_column_rows_heads_a_page():
    # an essay site's rows: the time as month and day, the author, the column; then the text (its title lost)
    rows = ["时间: 07-03", "作者:王某", "栏目:总结"]
    lines = [*_CUT, "", *rows, *_PARA]
    assert _starts(lines) == [1, len(_CUT) + 5]


def test_a_teaser_the_next_line_repeats_is_no_start_under_the_date_row():
    # a document site's date row, then its teaser (the text's opening cut short), then the text itself
    # opening with the same words: the seam is not at the teaser (without the teaser it is at the text)
    # (the text run into one line, its line breaks printed as a stray token; the teaser is cut off)
    text = ("(某某省)2021年青山区人民政府工作报告(全文)   政府工作报告QRS   ——2021年1月6日在青山区QRS   第四届人民代表大会第五次会议上QRS"
            "   各位代表:QRS   受区政府委托,向大会报告青山区一年来的工作。QRS   一、过去一年工作回顾QRS   全区生产总值增长百分之六,财政收入增长百分之八。")
    teaser = "(某某省)2021年青山区人民政府工作报告(全文)  政府工作报告QRS  ——2021年1月6日在青山区QRS  第四届人民代表大会第五次会议上QR"
    lines = [*_CUT, "", "某某公文网 2021-07-28 08:33:05 政府报告", teaser, text, *_PART[2:]]
    assert len(_CUT) + 3 not in _starts(lines)
    plain = [*_CUT, "", "某某公文网 2021-07-28 08:33:05 政府报告", "", *_PARA]
    assert _starts(plain) == [1, len(_CUT) + 4]


def test_a_title_over_its_date_row_keeps_its_text():
    # the row under a report's own title is its head's: the text under it is the same report's
    page = ["青山县民政局2022年工作总结", "", "时间：2023-01-05 来源：青山县民政局", "", *_PART[2:]]
    assert _starts(page) == [1]


def test_a_date_written_in_a_sentence_is_no_page_row():
    # a report's text that speaks of a day, or its signature date, is not the site's row
    lines = [*_CUT[:5], "2022年12月20日", "时间紧、任务重，全局干部职工加班加点，确保各项工作按期完成。", _MORE]
    assert _starts(lines) == [1]




def test_a_title_printed_over_the_date_row_and_again_under_it_starts_at_the_upper_copy():
    # an essay site's heading row, the page's title, the date row, the article's title again, the text
    page = ["某某素材库 首页", "", "档案馆工作总结", "", "时间：2019-05-26 22:13:27 网站：某某素材库", "", "档案馆工作总结", "", *_PART[2:]]
    lines = [*_CUT, "", *page]
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    furniture, reports = structure(doc)
    top = len(_CUT) + 4
    assert [r.start_line for r in reports] == [1, top]
    assert top not in furniture and top - 2 in furniture


def test_the_line_under_a_preview_label_is_the_texts_first():
    # a preview label over a short title naming no place, then the text; the title lost: its first part heading
    page = ["内容预览：", "县便民服务中心运行情况汇报", "一、基本情况", _DONE, "（一）进驻情况", _MORE]
    lines = [*_CUT, "", *page]
    doc = document_from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "pages.txt")
    furniture, reports = structure(doc)
    assert [r.start_line for r in reports] == [1, len(_CUT) + 3]
    assert len(_CUT) + 2 in furniture and len(_CUT) + 3 not in furniture
    lost = [*_CUT, "", "内容预览：", *page[2:]]
    assert _starts(lost) == [1, len(_CUT) + 3]



def test_a_sites_we_prepared_this_for_you_row_heads_a_page():
    row = "本站小编为你精心准备了某某局年度工作参考范文，愿这些范文能为您的写作提供参考。"
    lines = [*_CUT, "", row, *_PARA]
    assert _starts(lines) == [1, len(_CUT) + 3]
