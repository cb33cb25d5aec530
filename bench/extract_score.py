"""Scoring rules of the extraction benchmark (bench/extract.py): body F1, title and date match.

Body F1 follows the character-bigram variant of the scrapinghub article-extraction benchmark:
keep only letters and digits (``str.isalnum``; CJK characters are letters), take the
character bigrams of what is left as a multiset, and compare predicted with true bags.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

# Characters a site-name suffix is separated from the headline by, after NFKC (full-width
# forms become ASCII; 丨 and 》 have no ASCII form).
TITLE_SEPARATORS = frozenset("-_|/\\:,>~·•—–―»«丨》《【】[]()")
# Page leftovers the daniel-zh annotators kept in some headlines (see its README): a leading
# 正文 / 首頁新聞總覽 and a trailing time stamp 【16:15】.  Removed from the *truth* only.
TRUTH_TITLE_LEFTOVERS = re.compile(r"^(?:正文|首頁新聞總覽)|[【\[]\d{1,2}:\d{2}[】\]]$")


@dataclass(frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float


def bigrams(text: str) -> Counter[str]:
    """Character bigrams of `text` after dropping everything but letters and digits."""
    kept = "".join(ch for ch in text if ch.isalnum())
    return Counter(kept[i : i + 2] for i in range(len(kept) - 1))


def body_score(predicted: str | None, truth: Counter[str]) -> BodyScore:
    """Multiset precision, recall and F1 of a predicted body against the true bigram bag."""
    bag = bigrams(predicted or "")
    pred_total = sum(bag.values())
    true_total = sum(truth.values())
    if not pred_total or not true_total:
        return BodyScore(0.0, 0.0, 0.0)
    common = sum((bag & truth).values())
    precision = common / pred_total
    recall = common / true_total
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return BodyScore(precision, recall, f1)


def normalize_title(title: str | None) -> str:
    """NFKC, all whitespace removed."""
    if not title:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", title))


def _strip_edges(text: str) -> str:
    """Drop punctuation and symbols at both ends (leftovers such as a leading 》)."""
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start])[0] in "PS":
        start += 1
    while end > start and unicodedata.category(text[end - 1])[0] in "PS":
        end -= 1
    return text[start:end]


def title_exact(predicted: str | None, truth: str) -> bool:
    """Equal after NFKC and whitespace removal."""
    return bool(predicted) and normalize_title(predicted) == normalize_title(truth)


def title_ok(predicted: str | None, truth: str) -> bool:
    """The relaxed title rule, the same for every extractor.

    Both sides are NFKC-normalised, whitespace is removed and punctuation / symbols at either
    end are dropped; the truth also loses the daniel-zh leftovers `TRUTH_TITLE_LEFTOVERS`.
    The title is right when the two are then equal, or when the extracted
    title is the true one followed by a separator (``_ - | 丨 : 》 ...``) and anything after it
    (a site-name suffix such as ``_新浪新闻``).  A site-name *prefix*, a truncated title or a
    different headline count as wrong.
    """
    pred = _strip_edges(normalize_title(predicted))
    true = normalize_title(truth)
    for _ in range(2):  # leftovers may sit inside or outside stray punctuation
        true = _strip_edges(TRUTH_TITLE_LEFTOVERS.sub("", true))
    if not pred or not true:
        return False
    if pred == true:
        return True
    return pred.startswith(true) and pred[len(true)] in TITLE_SEPARATORS


def date_ok(predicted: datetime | date | str | None, truth: str) -> bool:
    """The extracted date agrees with the truth to the truth's precision (day at most)."""
    if predicted is None:
        return False
    text = predicted.isoformat() if isinstance(predicted, date) else str(predicted)
    want = truth[:10]
    return text[: len(want)] == want
