"""The number grammar: parse_number and find_quantities."""
from __future__ import annotations

import pytest

from workreport.extract.numbers import Quantity, find_quantities, parse_number


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1.2万", 12000.0),
        ("5.6亿", 560000000.0),
        ("1,100万", 11000000.0),
        ("-17.01", -17.01),
        ("１９５５", 1955.0),
        ("二〇二二", 2022.0),
        ("两", 2.0),
        ("十", 10.0),
        ("三千五百", 3500.0),
        ("三千五百万", 35000000.0),
        ("一亿三千万", 130000000.0),
        ("三点五", 3.5),
        ("十几万", 100000.0),
        ("百分之三十", 30.0),
        ("5.4%", 5.4),
        ("增长5%左右", 5.0),
        ("5.67万亿元", 5.67e12),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


def test_parse_number_fraction():
    assert parse_number("三分之一") == pytest.approx(1 / 3)


@pytest.mark.parametrize("text", ["xx", "x.xx", "XX", "", "无", "APP"])
def test_parse_number_none(text):
    assert parse_number(text) is None


def _q(text) -> Quantity:
    (q,) = find_quantities(text)
    return q


def test_quantity_fields_money_with_multiplier():
    q = _q("总投资额1.37亿元")
    assert (q.value, q.number, q.unit, q.unit_word, q.multiplier) == ("1.37", 1.37, "亿元", "元", 1e8)
    assert (q.normalized_value, q.normalized_unit, q.is_placeholder) == (pytest.approx(1.37e8), "元", False)
    assert "总投资额1.37亿元"[q.start:q.end] == "1.37亿元"


@pytest.mark.parametrize(
    "text,value,unit,qualifier",
    [
        ("宣传资料xxxx余份", "xxxx", "份", "余"),
        ("约x.xx万份", "x.xx", "万份", "约"),
        ("近2万亩", "2", "万亩", "近"),
        ("超过50万元", "50", "万元", "超过"),
        ("管控率达到90%以上", "90", "%", "以上"),
        ("增长5%左右", "5", "%", "左右"),
        ("500多亿元", "500", "亿元", "多"),
        ("1万余元", "1", "万元", "余"),
        ("十几万人", "十几", "万人", "多"),
        ("慰问资金约3千元", "3", "千元", "约"),
    ],
)
def test_qualifiers_are_kept_not_turned_into_numbers(text, value, unit, qualifier):
    q = _q(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_placeholders_are_never_numbers():
    for text in ("xx万元", "x.xx万人次", "xx.xx%", "XX家", "××万元"):
        q = _q(text)
        assert q.is_placeholder and q.number is None and q.normalized_value is None


def test_ranges():
    q = _q("预计带来5-6亿元销售额")
    assert (q.value, q.low, q.high, q.unit) == ("5-6", 5.0, 6.0, "亿元")
    q = _q("3至5个")
    assert (q.low, q.high) == (3.0, 5.0)
    q = _q("增长3%-5%")
    assert (q.low, q.high, q.unit) == (3.0, 5.0, "%")


def test_percent_points_and_fractions():
    assert _q("提高2个百分点").unit == "个百分点"
    assert _q("提高2个百分点").dimension == "points"
    q = _q("百分之三十的")
    assert (q.unit, q.number) == ("%", 30.0)
    q = _q("减少三分之一")
    assert q.number == pytest.approx(1 / 3) and q.unit == ""
    q = _q("收入比2.9∶1")
    assert q.value == "2.9∶1" and q.number == pytest.approx(2.9)


@pytest.mark.parametrize(
    "text,unit",
    [("3884m", "m"), ("6500㎡", "㎡"), ("5千克", "千克"), ("195人次", "人次"), ("八部门", "部门"),
     ("86144剂", "剂"), ("２０２２户", "户"), ("５％", "％"), ("3个月", "个月")],
)
def test_units_longest_first(text, unit):
    assert _q(text).unit == unit


def test_full_width_offsets_stay_those_of_the_original():
    text = "完成１９５５户，占８０％"
    qs = find_quantities(text)
    assert [text[q.start:q.end] for q in qs] == ["１９５５户", "８０％"]
    assert qs[0].value == "１９５５" and qs[0].number == 1955.0


@pytest.mark.parametrize(
    "text",
    ["2022年", "5月26日", "1-10月份", "0-14岁", "第三次", "第3批", "一是", "一个", "千家万户", "十分重要",
     "二期工程", "三方工作", "G20峰会", "5min", "x月底", "20xx-2030年"],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_chinese_numerals_need_a_unit():
    assert [q.value for q in find_quantities("两家企业,三人,五小行业")] == ["两", "三"]


def test_unknown_single_character_unit_is_kept_and_marked():
    q = _q("共3瓮,")
    assert q.unit == "瓮" and q.rule == "numbers.unknown_unit" and q.dimension == "unknown"


def test_bare_numbers_only_on_request():
    assert find_quantities("指数为85.3。") == []
    (q,) = find_quantities("指数为85.3。", include_bare=True)
    assert q.unit == "" and q.number == 85.3


def test_multiplier_without_unit_is_a_quantity():
    q = _q("89万监测对象")
    assert (q.value, q.unit, q.normalized_value) == ("89", "万", 890000.0)


# ---------------------------------------------------------------------------------------
# Numbers no float holds, and ends of a "range" the wrong way round.

def test_hundreds_of_chinese_digits_are_no_number():
    assert parse_number("九" * 400) is None  # raised OverflowError (the whole report failed)
    assert find_quantities("共" + "九" * 400 + "个") == []


def test_hundreds_of_arabic_digits_are_no_number():
    assert parse_number("1" + "0" * 400) is None  # was inf
    assert find_quantities("1" + "0" * 400 + "个", include_bare=True) == []
    (q,) = find_quantities("1" + "0" * 300 + "亿亿元")
    assert q.normalized_value is None or q.normalized_value < float("inf")


def test_a_second_end_below_the_first_is_no_range():
    qs = find_quantities("1-0", include_bare=True)
    assert [(q.value, q.low, q.high) for q in qs] == [("1", 1.0, None), ("0", 0.0, None)]
    (q,) = find_quantities("5-6个")
    assert (q.low, q.high) == (5.0, 6.0)
    assert all(q.high is None for q in find_quantities("3至1个项目", include_bare=True))
