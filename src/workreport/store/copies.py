"""One copy per document: the same report stored once, whatever file it came in.

A report is often collected twice: as the .docx a unit sent and as the .txt someone pasted, or
sent again with a few lines changed.  Two measures of a document's text, both made from its
lines after normalisation (full-width forms folded, all white space dropped, blank lines left
out), so the reader that produced the lines does not matter:

* ``text_sha256``: the SHA-256 of the normalised lines.  Equal -> the same text (one document,
  two sources).
* ``shingles``: the set of its substantial paragraphs (normalised lines of at least
  ``duplicates.paragraph_min_chars`` characters), each as a 64-bit hash.  Two documents are
  near-duplicates when the Jaccard similarity of their sets is at least
  ``duplicates.near_jaccard`` (data/library.yaml) and both have
  ``duplicates.min_paragraphs`` of them.

Finding the candidates among many stored documents: a MinHash signature of each set, cut into
bands; documents that share a band are compared exactly (two sets with Jaccard 0.8 share a band
with probability 1 - (1 - 0.8^r)^b; the numbers are in the data file).  Pure functions here;
the store keeps the values (``documents.text_sha256``, ``documents.shingles``,
``document_bands``) and asks ``near`` at write time.
"""
from __future__ import annotations

import hashlib
import re
import struct
from functools import lru_cache
from typing import Iterable

from .. import rules
from ..textnorm import norm

_TABLE = "library"
_SPACE = re.compile(r"\s+")
_MERSENNE = (1 << 61) - 1


@lru_cache(maxsize=None)
def setting(rid: str) -> float:
    return rules.limit(_TABLE, rid)


def keep_rank(fmt: str | None, path: str | None) -> tuple:
    """How a file ranks as the kept copy of a document (lower is kept): its format's place in
    ``duplicates.format_preference``, then its path."""
    order = rules.words(_TABLE, "duplicates.format_preference")
    return (order.index(fmt) if fmt in order else len(order), path or "")


def paragraph_keys(lines: Iterable[str]) -> list[str]:
    """Each non-blank line, normalised for comparison (full-width folded, no white space)."""
    out = []
    for line in lines:
        key = _SPACE.sub("", norm(line or ""))
        if key:
            out.append(key)
    return out


def text_sha256(lines: Iterable[str]) -> str | None:
    """The fingerprint of a document's text; None when it has no text (nothing to be a copy of)."""
    keys = paragraph_keys(lines)
    if not keys:
        return None
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()


def _hash64(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def shingles(lines: Iterable[str]) -> bytes:
    """The substantial paragraphs as sorted, distinct 64-bit hashes, packed (8 bytes each)."""
    least = int(setting("duplicates.paragraph_min_chars"))
    hashes = sorted({_hash64(k) for k in paragraph_keys(lines) if len(k) >= least})
    return struct.pack(f">{len(hashes)}Q", *hashes)


def unpack(blob: bytes | None) -> frozenset[int]:
    if not blob:
        return frozenset()
    blob = bytes(blob)
    return frozenset(struct.unpack(f">{len(blob) // 8}Q", blob))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=1)
def _permutations() -> tuple[tuple[int, int], ...]:
    """(a, b) of the hash functions (a*x + b) mod 2^61-1, fixed so stored bands stay comparable."""
    n = int(setting("duplicates.minhash_bands")) * int(setting("duplicates.minhash_rows"))
    out = []
    for i in range(n):
        d = hashlib.sha256(f"workreport.minhash.{i}".encode()).digest()
        out.append((int.from_bytes(d[:8], "big") % (_MERSENNE - 1) + 1, int.from_bytes(d[8:16], "big") % _MERSENNE))
    return tuple(out)


def bands(blob: bytes | None) -> list[str]:
    """The band keys of a document's shingles ("3:9f0c…"); none for too few paragraphs to judge."""
    items = unpack(blob)
    if len(items) < int(setting("duplicates.min_paragraphs")):
        return []
    xs = [x % _MERSENNE for x in items]
    sig = [min((a * x + b) % _MERSENNE for x in xs) for a, b in _permutations()]
    r = int(setting("duplicates.minhash_rows"))
    out = []
    for i in range(0, len(sig), r):
        h = hashlib.blake2b(struct.pack(f">{r}Q", *sig[i:i + r]), digest_size=8).hexdigest()
        out.append(f"{i // r}:{h}")
    return out


def is_near(similarity: float) -> bool:
    return similarity >= float(setting("duplicates.near_jaccard"))
