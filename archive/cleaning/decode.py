"""Bytes to text: BOM, then HTTP and `<meta>` charsets, then detection, with provenance."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from functools import cache

import chardet

from archive.cleaning import patterns

# `<meta charset>` belongs in the first 1 KB by the HTML spec; Chinese CMS templates often put
# comments and scripts first, so look a little further.
META_SCAN_BYTES = 8 * 1024
# chardet runs at ~1 MB/s: as slow as extraction.  A prefix is enough to tell encodings apart.
DETECT_BYTES = 64 * 1024
REPLACEMENT = "\ufffd"
# Binary sniffing: C0 control bytes (not tab/newline/CR/FF) are rare in any text encoding except
# UTF-16/32, and common in images, PDFs and archives served by mistake as pages.
BINARY_SNIFF_BYTES = 4096
BINARY_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes((*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)))

# Up to this share of U+FFFD, a lossy decoding is a damaged page, not a wrong encoding.
MAX_DAMAGE_SHARE = 0.001
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)
# Declarations that servers add by default (Apache's old `AddDefaultCharset ISO-8859-1`) rather
# than authors: they decode any bytes without error, so they are tried after GB18030.
_WEAK = frozenset(("iso8859-1", "cp1252", "ascii"))
# Another decoding replaces the chosen one only when this much more of its non-ASCII text is
# common Chinese (characters and punctuation): a clear win, not noise.
CLEARLY_BETTER = 0.2
# The comparison reads this much of each decoding, and of that at most this many non-ASCII
# characters: the share settles long before.
SCORE_CHARS = 20_000
SCORE_NON_ASCII = 3_000
# Mojibake marks needed before a page is flagged, by kind: one `?` between CJK characters is
# already a lost byte, a lone `Ã©` may be a name in a French quote.
MIN_LATIN1_MARKS = 2
# A replacing decoding must itself read as Chinese, and may add only a few damaged characters
# (one bad byte inside a UTF-8 sequence makes up to four U+FFFD).
MIN_COMMON_SHARE = 0.8
MAX_ADDED_REPLACEMENTS = 4
MAX_ADDED_SHARE = 0.05
MIN_REPLACEMENT_RUN = 5


@dataclass(frozen=True)
class Decoded:
    """Decoded page text and how it was obtained."""

    text: str
    encoding: str  # the Python codec that produced `text`
    declared: str | None  # the page's own declaration (header, else meta), lowercased
    replacements: int  # U+FFFD characters in `text`
    # What kind of mojibake remains in `text`, if any: `utf8-as-latin1`, `gbk-misaligned`,
    # `replacement` (runs of U+FFFD).
    mojibake: str | None = None


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode an HTML page's bytes, then check the result for mojibake; never raises.

    The check costs a regex search; only when it finds a sign of mojibake are the other
    decodings of the bytes compared (see `recheck`).
    """
    labels = declared_labels(body, content_type)
    decoded = _decode(body, labels)
    if body.startswith(_BOM_PREFIXES) or not mojibake_signal(decoded.text):
        return decoded
    if decoded.encoding == "utf-8" and decoded.replacements == 0:
        # Strictly valid UTF-8 is what the bytes are; another decoding would only look "more
        # Chinese" (Saúde → Sa煤de).  What still looks garbled was garbled before it was
        # saved: flag it, do not re-decode.
        return replace(decoded, mojibake=mojibake_kind(decoded.text, decoded.replacements))
    codecs_tried = [*_candidates(labels), "big5hkscs"]
    if decoded.replacements == 0 and not _CJK.search(decoded.text[:SCORE_CHARS]):
        # A clean reading with no Chinese in it (a Portuguese page in Latin-1) may still be
        # UTF-8 declared wrongly, but it is not a misread GBK or Big5 page.
        codecs_tried = ["utf-8"]
    return recheck(body, decoded, codecs_tried)


def _decode(body: bytes, labels: list[str]) -> Decoded:
    """Decode an HTML page's bytes; never raises.

    Order: BOM; strict UTF-8; each declared charset strictly (GB* as GB18030); strict GB18030;
    if none fits, the lossy candidate when only a few bytes are damaged (a truncated or
    spliced page); only then chardet on a prefix; finally the lossy decoding with the fewest
    replacement characters.  UTF-8 comes before the declaration because real GBK text is
    essentially never valid UTF-8, while short UTF-8 text can decode "strictly" as GB18030
    mojibake under a lying `<meta>`.  Detection comes last because it is slow and, on a page
    with one bad byte, guesses worse than the declaration (cp855 for GBK, seen in tests).
    """
    declared = labels[0] if labels else None
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return _decoded(body[len(bom) :].decode(codec, errors="replace"), codec, declared)
    candidates = _candidates(labels)
    for codec in candidates:
        text = _strict(body, codec)
        if text is not None:
            return _decoded(text, codec, declared)
    lossy = _least_damaged(body, candidates, declared)
    if lossy.replacements <= max(1, len(lossy.text) * MAX_DAMAGE_SHARE):
        return lossy
    detected = _detect(body)
    if detected and detected not in candidates:
        text = _strict(body, detected)
        if text is not None:
            return _decoded(text, detected, declared)
        return _least_damaged(body, [*candidates, detected], declared)
    return lossy


def recheck(body: bytes, decoded: Decoded, codecs_tried: list[str]) -> Decoded:
    """`decoded`, or a clearly better decoding of the same bytes; flagged if mojibake remains.

    Better means more of the non-ASCII text is common Chinese: U+FFFD, cp1252 letters for
    UTF-8 bytes and kana for Big5 bytes all count against a decoding.  Candidates are compared
    on a prefix of the bytes; only the winner decodes the whole page.
    """
    sample = body[:DETECT_BYTES]
    best_codec = decoded.encoding
    current = decoded.text[:SCORE_CHARS]
    best_score, best_damage = common_share(current), current.count(REPLACEMENT)
    for codec in dict.fromkeys(codecs_tried):
        if codec == decoded.encoding:
            continue
        text = sample.decode(codec, errors="replace")[:SCORE_CHARS]
        score, damage = common_share(text), text.count(REPLACEMENT)
        allowed = max(MAX_ADDED_REPLACEMENTS, len(text) * MAX_ADDED_SHARE)
        if score >= max(best_score + CLEARLY_BETTER, MIN_COMMON_SHARE) and (
            damage - best_damage <= allowed
        ):
            best_codec, best_score, best_damage = codec, score, damage
    best = decoded
    if best_codec != decoded.encoding:
        best = _decoded(body.decode(best_codec, errors="replace"), best_codec, decoded.declared)
    return replace(best, mojibake=mojibake_kind(best.text, best.replacements))


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def mojibake_signal(text: str) -> bool:
    """A cheap test (~0.5 ms for 200 KB) for any sign of mojibake; false alarms are fine."""
    if "?" in text and patterns.GBK_LOST_BYTE.search(text):
        return True
    return patterns.MOJIBAKE_CHARS.search(text) is not None


def mojibake_kind(text: str, replacements: int = 0) -> str | None:
    """The kind of mojibake in decoded text, or None.

    U+FFFD counts as mojibake in runs, or spread beyond the damage a lossy decoding accepts.
    """
    if len(patterns.UTF8_AS_LATIN1.findall(text)) >= MIN_LATIN1_MARKS:
        return "utf8-as-latin1"
    if patterns.GBK_LOST_BYTE.search(text) or patterns.PRIVATE_USE_RUN.search(text):
        return "gbk-misaligned"
    if replacements > max(MAX_ADDED_REPLACEMENTS, len(text) * MAX_DAMAGE_SHARE) or (
        replacements >= MIN_REPLACEMENT_RUN and patterns.REPLACEMENT_RUN.search(text)
    ):
        return "replacement"
    return None


def common_share(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese characters or punctuation."""
    non_ascii = patterns.ASCII_RUNS.sub("", text[:SCORE_CHARS])[:SCORE_NON_ASCII]
    if not non_ascii:
        return 1.0
    common = _common_chars()
    return sum(char in common for char in non_ascii) / len(non_ascii)


@cache
def _common_chars() -> frozenset[str]:
    """GB2312 level 1 and Big5 level 1 (the ~3,700 and ~5,400 everyday characters), CJK and
    full-width punctuation."""
    pairs = [
        *(
            bytes((hi, lo)).decode("gb2312", "ignore")
            for hi in range(0xB0, 0xD8)
            for lo in range(0xA1, 0xFF)
        ),
        *(
            bytes((hi, lo)).decode("big5", "ignore")
            for hi in range(0xA4, 0xC7)
            for lo in (*range(0x40, 0x7F), *range(0xA1, 0xFF))
        ),
    ]
    punctuation = [chr(c) for c in (*range(0x3000, 0x3040), *range(0xFF01, 0xFF5F))]
    return frozenset((*pairs, *punctuation, *"“”‘’…—·–")) - {""}


def looks_binary(body: bytes) -> bool:
    """True for bytes that are no text document (images, PDFs, archives)."""
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = body[:BINARY_SNIFF_BYTES]
    controls = sum(sample.count(byte) for byte in _CONTROL_BYTES)
    return controls > BINARY_CONTROL_SHARE * len(sample)


def declared_labels(body: bytes, content_type: str | None) -> list[str]:
    """Charset labels the page declares, HTTP header first, lowercased and deduplicated."""
    found: list[str] = []
    if content_type and (header := patterns.HEADER_CHARSET.search(content_type)):
        found.append(header.group(1))
    for meta in patterns.META_CHARSET.finditer(body[:META_SCAN_BYTES]):
        found.append((meta.group(1) or meta.group(2)).decode("ascii", errors="replace"))
    return list(dict.fromkeys(label.strip().lower() for label in found if label.strip()))


def codec_for(label: str) -> str | None:
    """The Python codec to read a declared charset label with, or None if unknown."""
    if patterns.GB_LABEL.search(label):
        return "gb18030"
    if patterns.BIG5_LABEL.search(label):
        return "big5hkscs"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A UTF-16/32 declaration without a BOM is a template error; browsers read such pages
    # as UTF-8 too.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _candidates(labels: list[str]) -> list[str]:
    declared = [c for c in (codec_for(label) for label in labels) if c]
    strong = [c for c in declared if c not in _WEAK]
    weak = [c for c in declared if c in _WEAK]
    return list(dict.fromkeys(["utf-8", *strong, "gb18030", *weak]))


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(body: bytes) -> str | None:
    guess = chardet.detect(body[:DETECT_BYTES]).get("encoding")
    return codec_for(guess) if guess else None


def _least_damaged(body: bytes, codecs_tried: list[str], declared: str | None) -> Decoded:
    """The candidate decoding with the fewest U+FFFD; ties go to the earlier candidate."""
    best: Decoded | None = None
    for codec in codecs_tried:
        candidate = _decoded(body.decode(codec, errors="replace"), codec, declared)
        if best is None or candidate.replacements < best.replacements:
            best = candidate
    assert best is not None  # utf-8 is always a candidate
    return best


def _decoded(text: str, codec: str, declared: str | None) -> Decoded:
    return Decoded(text, codec, declared, text.count(REPLACEMENT))
