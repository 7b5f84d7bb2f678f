"""`--json` is written in pieces (cli/jsonout.py) and must be byte for byte the compact JSON."""
import io
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from workreport.cli import jsonout

LEAF = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
TREE = st.recursive(LEAF, lambda kids: st.lists(kids, max_size=8) | st.dictionaries(st.text(max_size=5), kids,
                                                                                        max_size=6), max_leaves=60)


def _written(obj) -> bytes:
    out = io.BytesIO()
    jsonout.write(obj, out.write)
    return out.getvalue()


def _compact(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(TREE)
def test_same_bytes_as_the_one_shot_encoder(obj):
    assert _written(obj) == _compact(obj)


def test_long_lists_deep_down_are_sliced_and_still_identical():
    """A report's figures: lists longer than a slice, below the walked levels, in tuples too."""
    rnd = random.Random(0)
    figures = [{"value": f"{rnd.random():.3f}亿元", "line": n, "span": [n, n + 3]} for n in range(3 * jsonout.SLICE + 7)]
    obj = {"contract": 1, "reports": [{"indicators": figures, "paragraphs": tuple(f"第{n}段" for n in range(1500))}],
           "empty": [], "nested": {"a": {"b": {"c": figures[:5]}}}}
    assert _written(obj) == _compact(obj)
    assert any(len(p) > 100 for p in jsonout.chunks(obj))  # sliced, not item by item


def test_output_is_flushed_in_bounded_pieces(monkeypatch):
    monkeypatch.setattr(jsonout, "FLUSH", 1000)
    writes = []
    obj = {"reports": [{"indicators": [{"v": "x" * 50} for _ in range(2000)]}]}
    jsonout.write(obj, writes.append)
    assert b"".join(writes) == _compact(obj)
    assert len(writes) >= 4 and max(map(len, writes)) < 40_000  # a slice at a time
