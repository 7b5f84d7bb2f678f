"""Plan items' own targets followed into the next year's report (issue 4, 'each target and plan
item'), with five-year totals kept out of the evidence."""
from workreport.ingest import document_from_bytes
from workreport.pipeline import parse
from workreport.contract import track_json
from workreport.track import track

OLD = """某某县2022年工作总结和2023年工作计划
一、2022年工作总结
全年各项工作有序推进，重点任务全面完成。
二、2023年工作计划
（一）加快交通建设。新建农村公路500公里，改造危桥30座。
（二）提升民生水平。新增城镇就业岗位2000个。
"""

NEW = """某某县2023年工作总结和2024年工作计划
一、2023年工作总结
全年新建农村公路520公里，改造危桥26座。
二、“十四五”以来工作回顾
五年来累计新增城镇就业岗位9000个。
三、2024年工作计划
继续抓好各项工作。
"""


def _report(text):
    parsed = parse(document_from_bytes(text.encode("utf-8"), "t.txt"))
    return parsed.reports[0], parsed.document


def test_plan_item_targets_are_followed():
    (old, od), (new, nd) = _report(OLD), _report(NEW)
    items = {i["measure"]: i for i in track_json(track(old, new))["items"] if i["rule"] == "track.plan_item"}
    road = next(i for m, i in items.items() if "农村公路" in m)
    assert road["status"] == "met" and road["actual"]["value"] == 520 and road["margin"] == 20
    assert road["plan_item"]["line"] == 5
    bridge = next(i for m, i in items.items() if "危桥" in m)
    assert bridge["status"] == "missed" and bridge["margin"] == -4
    jobs = next(i for m, i in items.items() if "就业岗位" in m)
    assert jobs["status"] == "no_evidence"  # the only figure is a five-year total
