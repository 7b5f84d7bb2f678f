"""scripts/fit_split.py --real: rows from annotated real pages kept outside the repository.

The directory here is a tiny fictional one made in tmp_path (singles/NAME.txt + NAME.gold.json);
the script must read it, label the gold starts, fit and write only the weights."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from structure_helpers import script_module

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fit_split():
    return script_module("fit_split")


UNITS = ["青山区农业农村局", "某某街道办事处", "XX县教育局", "白水镇人民政府"]


def _page(unit: str, year: int) -> list[str]:
    return [
        "首页 > 工作动态",  # furniture
        f"{unit}{year}年工作总结",
        f"{year}年,{unit}在上级的正确领导下,围绕中心、服务大局,各项工作取得新进展。现将有关情况总结如下:",
        "一、主要工作成效",
        f"(一)扎实推进重点项目。全年实施项目{year - 2000}个,完成投资1.2亿元,同比增长8%。",
        "(二)持续改善民生。新增就业岗位300个,办结群众诉求560件。",
        "二、存在的问题",
        "一是资金保障不足;二是人才队伍薄弱。",
        f"三、{year + 1}年工作打算",
        "我们将继续加强党的建设,推动各项工作再上新台阶。",
        f"{unit}",
        f"{year}年12月20日",
    ]


def _write_dir(base: Path) -> Path:
    singles = base / "pages" / "singles"
    singles.mkdir(parents=True)
    for n, unit in enumerate(UNITS):
        lines = _page(unit, 2020 + n)
        (singles / f"s{n:02d}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        gold = {"range": [1, len(lines)], "chrome_lines": [1],
                "reports": [{"start": 2, "end": len(lines), "org": unit, "sections": [], "indicators": [],
                             "target_actual_pairs": []}]}
        (singles / f"s{n:02d}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    (singles / "notes.txt").write_text("a page without gold is left out\n", "utf-8")
    return base / "pages"


def test_real_compilations_put_gold_starts_on_the_titles(fit_split, tmp_path):
    pages = fit_split.load_singles(_write_dir(tmp_path))
    assert len(pages) == 4  # notes.txt has no gold file
    comps = fit_split.real_compilations(pages, seeds=(7,), n=5)
    assert len(comps) == 5
    for text, starts in comps:
        lines = text.split("\n")
        assert len(starts) == 4
        for s in starts:
            line = lines[s - 1]
            # the title, or the opening sentence where the title line was left out
            assert line.endswith("工作总结") or line.startswith("20"), line
        assert any(lines[s - 1].endswith("工作总结") for s in starts)


def test_fit_on_a_real_directory_writes_only_weights(fit_split, tmp_path, capsys):
    directory = _write_dir(tmp_path)
    yaml = tmp_path / "split.yaml"
    shutil.copy(ROOT / "src" / "workreport" / "data" / "split.yaml", yaml)
    before = yaml.read_text("utf-8")
    assert fit_split.main(["--seeds", "0", "--real", str(directory), "--yaml", str(yaml)]) == 0
    out = capsys.readouterr().out
    assert "pages: 80 compilations" in out
    after = yaml.read_text("utf-8")
    assert after != before
    assert "private sets kept outside the repository" in after and "--real DIR" in after
    assert after.split("\nevidence:")[0] == before.split("\nevidence:")[0]  # only the weights block changes
    block = after.split("\nevidence:")[1]
    assert not any(unit in block for unit in UNITS)  # nothing of the pages' text is written
    # the held weights stay held
    assert "    head_after_cut: 6.0\n" in after and "    head_after_body: 3.0\n" in after


def test_a_directory_without_annotated_pages_is_refused(fit_split, tmp_path):
    (tmp_path / "singles").mkdir()
    with pytest.raises(SystemExit):
        fit_split.load_singles(tmp_path)


def test_real_rows_get_their_share_of_the_weight(fit_split):
    assert fit_split._shares(1, 2, 0.5) == [0.5, 0.25, 0.25]
    assert fit_split._shares(1, 0, 0.5) == [1.0]  # synthetic only: the fit as before
    assert fit_split._shares(0, 4, 0.5) == [0.25] * 4  # real only: all of it



def test_fit_stays_finite_when_a_held_weight_saturates_the_rows(fit_split):
    # rows that a held weight already pushes far out (a cue held at its weight, on many rows
    # that start nothing) saturate: a full Newton step from there runs the bias to about -1e13
    # (round 20, with real rows); the halved steps keep every weight finite
    from collections import Counter

    held = next(iter(fit_split.FIXED))
    free = next(k for k in fit_split.evidence.FEATURES if k != "bias" and k not in fit_split.FIXED)
    groups = Counter({("bias", held, free): 100000, ("bias", held): 10, ("bias",): 1000000, ("bias", free): 10})
    groups = Counter({(act, y): n for (act, n), y in zip(groups.items(), (False, True, False, True))})
    w = fit_split.fit(groups)
    assert all(abs(v) < 50 for v in w.values()), w
    assert w[held] == fit_split.FIXED[held]
