"""Traditional or simplified script: detect it, and give traditional text a simplified form.

The body is kept in the script the page used; a simplified copy of a traditional body is stored
beside it so that a search in simplified Chinese finds traditional pages (the d7760 and haiying
editions, Taiwan and Hong Kong portals).  Detection counts characters that exist in only one
script (from OpenCC's character tables), so it costs one pass over the text; conversion (OpenCC
``t2s``, phrase-aware) runs only for traditional text.
"""

from __future__ import annotations

import functools
from pathlib import Path

import opencc

HANT, HANS = "zh-Hant", "zh-Hans"
# A page needs this many script-specific characters, and twice as many of one script as of
# the other, to be called either (a short mixed snippet stays undetermined).
MIN_MARKERS = 3
SAMPLE = 4000  # characters looked at; a page does not change script halfway


def _table(name: str) -> dict[str, str]:
    path = Path(opencc.__file__).parent / "dictionary" / name
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = values.split()[0]
    return table


@functools.cache
def _markers() -> tuple[frozenset[str], frozenset[str]]:
    """(characters only traditional text uses, characters only simplified text uses)."""
    t2s, s2t = _table("TSCharacters.txt"), _table("STCharacters.txt")
    traditional = {t for t, s in t2s.items() if t != s} - set(t2s.values())
    simplified = {s for s, t in s2t.items() if s != t} - set(s2t.values())
    return frozenset(traditional), frozenset(simplified)


def detect_script(text: str) -> str | None:
    """``zh-Hant``, ``zh-Hans``, or None (no Chinese, or too little to tell)."""
    traditional, simplified = _markers()
    sample = text[:SAMPLE]
    hant = sum(1 for ch in sample if ch in traditional)
    hans = sum(1 for ch in sample if ch in simplified)
    if hant >= MIN_MARKERS and hant >= 2 * hans:
        return HANT
    if hans >= MIN_MARKERS and hans >= 2 * hant:
        return HANS
    return None


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return str(_t2s().convert(text))
