"""Script conversion for the traditional-script sites, and d7760's ruby pinyin annotations."""

from __future__ import annotations

from functools import cache

from opencc import OpenCC


@cache
def _converter() -> OpenCC:
    return OpenCC("s2t")


@cache
def traditional(text: str) -> str:
    """Simplified → traditional, as the d7760 and haiying pages print their text."""
    return str(_converter().convert(text))


# The common characters d7760's template annotates with pinyin (traditional forms).
READINGS = {
    "區": "qū",
    "業": "yè",
    "經": "jīng",
    "發": "fā",
    "開": "kāi",
    "產": "chǎn",
    "會": "huì",
    "時": "shí",
    "間": "jiān",
    "項": "xiàng",
    "設": "shè",
    "導": "dǎo",
    "讀": "dú",
    "報": "bào",
    "記": "jì",
    "書": "shū",
    "長": "zhǎng",
    "網": "wǎng",
    "務": "wù",
    "頁": "yè",
    "聞": "wén",
    "關": "guān",
    "轉": "zhuǎn",
    "評": "píng",
    "論": "lùn",
    "點": "diǎn",
    "進": "jìn",
    "來": "lái",
    "對": "duì",
    "實": "shí",
    "現": "xiàn",
    "動": "dòng",
    "還": "hái",
    "當": "dāng",
    "貢": "gòng",
    "獻": "xiàn",
    "傳": "chuán",
    "體": "tǐ",
    "質": "zhì",
    "興": "xīng",
    "創": "chuàng",
    "環": "huán",
    "億": "yì",
    "萬": "wàn",
    "園": "yuán",
    "縣": "xiàn",
    "鎮": "zhèn",
    "國": "guó",
    "華": "huá",
    "達": "dá",
    "強": "qiáng",
    "劃": "huà",
    "辦": "bàn",
    "領": "lǐng",
    "組": "zǔ",
    "織": "zhī",
    "議": "yì",
    "術": "shù",
    "資": "zī",
    "隊": "duì",
    "機": "jī",
    "與": "yǔ",
    "鏈": "liàn",
    "際": "jì",
    "貿": "mào",
    "電": "diàn",
}
_RUBY = {ch: f"<ruby>{ch}<rp>(</rp><rt>{py}</rt><rp>)</rp></ruby>" for ch, py in READINGS.items()}


def ruby(html_text: str) -> str:
    """Annotate the table's characters in escaped HTML *text* (never pass markup: attribute
    values would be annotated too)."""
    return "".join(_RUBY.get(ch, ch) for ch in html_text)
