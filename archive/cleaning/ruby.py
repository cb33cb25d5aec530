"""Pinyin that is not text: `<rt>`/`<rp>` ruby readings and flattened `區(qū)` annotations."""

from __future__ import annotations

from archive.cleaning import patterns
from archive.cleaning.text import Element, drop_elements


def drop_ruby_annotations(root: Element) -> None:
    """Remove ruby readings in place, keeping the base text and each element's tail.

    `<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>域` reads `區域`.
    """
    drop_elements(root, patterns.RUBY_DROP)


def strip_inline_pinyin(text: str) -> str:
    """Remove tone-marked pinyin put in parentheses right after a CJK character.

    Some mirrors and converters flatten ruby into the text (`區(qū)域`, `業（yè）`).  Real
    parentheses survive: they hold no tone marks (`(江蘇)`, `(d7760.cn)`, `(2023)`) or do not
    follow a CJK character.
    """
    if "(" not in text and "（" not in text:
        return text
    return patterns.INLINE_PINYIN.sub("", text)
