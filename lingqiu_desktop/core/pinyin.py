"""Pinyin initials for search: "zxy" finds 张先云.

Every reading of a polyphonic character counts (单 is dan or shan), so the stored key is the space-separated
set of initials strings, capped so a name full of polyphones stays short.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

_MAX_VARIANTS = 8


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Space-separated initials variants of a Chinese name, lower case (ASCII letters and digits kept as they are)."""
    text = text.strip()
    if not text:
        return ""
    from pypinyin import Style, pinyin  # 0.35 s to import: only when a name is written, never at start-up

    readings = pinyin(text, style=Style.FIRST_LETTER, heteronym=True, errors=lambda s: [c for c in s])
    options = [sorted({r.lower()[:1] for r in rs if r}) or [""] for rs in readings]
    variants: list[str] = []
    for combo in itertools.product(*options):
        variants.append("".join(combo))
        if len(variants) >= _MAX_VARIANTS:
            break
    return " ".join(dict.fromkeys(variants))


def is_initials_query(text: str) -> bool:
    """True when a search text looks like pinyin initials (ASCII letters only)."""
    return bool(text) and text.isascii() and text.isalpha()
