"""Builders of synthetic compilations from the real corpus (labelled synthetic in the tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
requires_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")


def build_compilation(files: list[Path], *, blank_between_lines: bool = False,
                      cover: bool = True) -> tuple[str, list[int]]:
    """Join report files under a cover page and contents; return (text, 1-based title lines)."""
    out: list[str] = []
    if cover:
        out += ["省级政府工作报告汇编（合成测试材料）", "", "目录"]
        for k, f in enumerate(files, 1):
            out.append(f"{k}. {f.stem} ........ {k * 10}")
        out.append("")
    starts: list[int] = []
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()
        starts.append(len(out) + 1)
        for line in lines:
            out.append(line)
            if blank_between_lines:
                out.append("")
        out.append("")
    return "\n".join(out) + "\n", starts
