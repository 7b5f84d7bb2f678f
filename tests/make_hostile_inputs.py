"""Write the hostile inputs of docs/RELIABILITY.md to a folder, to time them whole-process:

    python tests/make_hostile_inputs.py /tmp/hostile
    /usr/bin/time -v workreport text /tmp/hostile/numbering_bomb.docx > /dev/null

Built with the same helpers as tests/test_hostile_inputs.py (which keeps each case as a test).
"""
from __future__ import annotations

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_hostile_inputs import _pdf, numbered, one_list, small_docx  # noqa: E402


def inputs() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    out["numbering_bomb.docx"] = small_docx("".join(numbered(f"第{i}项工作") for i in range(40)),
                                            one_list("lowerLetter", "%1.", "2600000000"))
    out["level_text_superscript.docx"] = small_docx(numbered("第一项工作"), one_list("decimal", "%²、"))
    out["xml_depth_300.docx"] = small_docx("<w:sdt><w:sdtContent>" * 150 + "<w:p><w:r><w:t>正文</w:t></w:r></w:p>"
                                           + "</w:sdtContent></w:sdt>" * 150)
    rng = random.Random(7)
    runs = "".join(f'<w:r w:rsidR="{rng.getrandbits(32):08X}"/>' for _ in range(1_200_000))
    out["one_paragraph_1.2M_elements.docx"] = small_docx(f"<w:p>{runs}</w:p>")
    for n in (25_000, 50_000, 100_000, 200_000):
        out[f"divs_{n // 1000}k.html"] = ("<html><body>" + "<div>" * n + "正文" + "</div>" * n).encode()
    out["reopened_formatting.html"] = ("".join(f'<p><b class="c{i}">第{i}段</p>' for i in range(250))
                                       + "<p>正文。</p>" * 20_000).encode()
    out["meta_charset_undefined.html"] = ('<html><head><meta charset="undefined"></head>'
                                          '<body><p>正文内容第一段。</p></body></html>').encode()
    out["plain.txt"] = "正文内容第一段。\n".encode()
    out["page_1e9_points.pdf"] = _pdf(10**9, 10**9)
    out["page_2e7_wide.pdf"] = _pdf(20_000_000, 842)
    out["pages_6000.pdf"] = _pdf(595, 842, pages=6000)
    out["form_drawn_50000_times.pdf"] = _pdf(595, 842, forms=50_000)
    return out


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "hostile"
    os.makedirs(folder, exist_ok=True)
    for name, data in inputs().items():
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(data)
        print(f"{len(data):>12,}  {name}")
