"""Text in two scripts: one normalised key for search, sorting and duplicate detection.

Records keep the text as their author typed it. `normalise` folds full-width forms, converts
Traditional (Hong Kong standard) to Simplified and case-folds, so 橫琴 and 横琴 give one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

_SPACES = re.compile(r"\s+")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional (Hong Kong standard) to Simplified."""
    return str(_converter("hk2s").convert(text))


def to_traditional(text: str) -> str:
    """Simplified to Traditional, Hong Kong standard."""
    return str(_converter("s2hk").convert(text))


def normalise(text: str) -> str:
    """The comparison key of a name: NFKC, Simplified, case-folded, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text or "")
    return _SPACES.sub(" ", to_simplified(folded).casefold()).strip()
