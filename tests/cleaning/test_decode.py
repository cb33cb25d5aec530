"""Bytes to text: which declaration wins, the GB18030 mapping, fallbacks and their provenance."""

from __future__ import annotations

import codecs

import pytest

from archive.cleaning.decode import codec_for, declared_labels, decode_html, looks_binary

TEXT = "宿遷市宿城區召開激光產業園建設第九次會辦會,區長張輝出席會議並講話。"


def _page(charset_meta: str = "") -> str:
    head = f"<head>{charset_meta}<title>會辦會</title></head>"
    return f"<html>{head}<body><p>{TEXT}</p></body></html>"


def test_undeclared_utf8_is_read_as_utf8() -> None:
    decoded = decode_html(_page().encode())

    assert (decoded.encoding, decoded.declared, decoded.replacements) == ("utf-8", None, 0)
    assert TEXT in decoded.text


@pytest.mark.parametrize("label", ["gb2312", "GB2312", "gbk", "x-gbk", "cp936", "gb18030"])
def test_every_gb_declaration_reads_as_gb18030(label: str) -> None:
    body = _page(f'<meta http-equiv="Content-Type" content="text/html; charset={label}">')

    decoded = decode_html(body.encode("gbk"))

    assert decoded.declared == label.lower()  # as declared, lowercased
    assert decoded.encoding == "gb18030"
    assert TEXT in decoded.text
    assert decoded.replacements == 0


def test_undeclared_gbk_is_read_as_gb18030_without_detection() -> None:
    decoded = decode_html(_page().encode("gbk"))

    assert (decoded.encoding, decoded.declared) == ("gb18030", None)
    assert TEXT in decoded.text


def test_http_header_charset_is_the_declaration_over_meta() -> None:
    body = _page('<meta charset="utf-8">').encode("gbk")

    decoded = decode_html(body, "text/html; charset=GBK")

    assert decoded.declared == "gbk"
    assert decoded.encoding == "gb18030"
    assert declared_labels(body, "text/html; charset=GBK") == ["gbk", "utf-8"]


def test_bom_beats_every_declaration() -> None:
    body = codecs.BOM_UTF8 + _page('<meta charset="gb2312">').encode()

    decoded = decode_html(body, "text/html; charset=gbk")

    assert decoded.encoding == "utf-8"
    assert decoded.declared == "gbk"
    assert decoded.text.startswith("<html>")


def test_utf16_with_bom() -> None:
    decoded = decode_html(codecs.BOM_UTF16_LE + _page().encode("utf-16-le"))

    assert decoded.encoding == "utf-16-le"
    assert TEXT in decoded.text


def test_unknown_declaration_falls_through_to_the_bytes() -> None:
    decoded = decode_html(_page('<meta charset="x-no-such-charset">').encode("gbk"))

    assert decoded.declared == "x-no-such-charset"
    assert decoded.encoding == "gb18030"


def test_server_default_latin1_does_not_turn_gbk_into_mojibake() -> None:
    # Old Apache servers add `charset=ISO-8859-1` to everything; latin-1 decodes any bytes.
    decoded = decode_html(_page().encode("gbk"), "text/html; charset=ISO-8859-1")

    assert decoded.declared == "iso-8859-1"
    assert decoded.encoding == "gb18030"
    assert TEXT in decoded.text


def test_detection_only_when_utf8_and_gb18030_both_fail() -> None:
    text = "Café crème brûlée à la française, déjà vu. Les élèves étudient très sérieusement."
    body = f"<html><body><p>{text}</p></body></html>".encode("cp1252")

    decoded = decode_html(body)

    assert decoded.text == body.decode("cp1252")
    assert decoded.replacements == 0


def test_broken_gbk_is_decoded_lossily_and_the_damage_counted() -> None:
    good = _page('<meta charset="gb2312">').encode("gbk")
    cut = good.index("區長".encode("gbk"))
    broken = good[:cut] + b"\xff" + good[cut:]  # 0xFF is never valid in GBK or GB18030

    decoded = decode_html(broken)

    assert decoded.encoding == "gb18030"
    assert decoded.replacements == 1
    assert "區長張輝" in decoded.text


def test_late_meta_charset_is_still_found() -> None:
    # CMS templates put long comments and scripts before the meta tag.
    padding = "<!-- " + "x" * 3000 + " -->"
    body = (f"<html><head>{padding}<meta charset=gbk>" + _page()[12:]).encode("gbk")

    assert decode_html(body).declared == "gbk"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("GB2312", "gb18030"),
        ("big5", "big5hkscs"),
        ("utf8", "utf-8"),
        ("utf-16", "utf-8"),
        ("nonsense", None),
    ],
)
def test_codec_for(label: str, codec: str | None) -> None:
    assert codec_for(label) == codec


def test_looks_binary() -> None:
    assert looks_binary(bytes(range(256)) * 4)
    assert not looks_binary(_page().encode("gbk"))
    assert not looks_binary(codecs.BOM_UTF16_LE + _page().encode("utf-16-le"))


# Seed 003: a GBK page with a lost byte, read one byte off until an ASCII byte realigns it.
MISALIGNED = (
    "區委副書記、鹽城環(huán)?萍汲屈h工委書記張利華等區四套班子領導出席。"
    "在正視問題中探索工業高質量發展的有效路徑?偭坎淮、存量不優、增量不足、質量不高。"
)
ARTICLE = (
    "11月8日上午，宿迁市宿城区召开激光产业园建设第九次会办会。区委副书记、区长张辉出席会议并讲话。"
)


def _article_page(charset: str, text: str = ARTICLE * 10) -> str:
    head = f'<head><meta charset="{charset}"><title>會辦會</title></head>'
    return f"<html>{head}<body><p>{text}</p></body></html>"


def test_clean_pages_are_not_flagged() -> None:
    for page, codec in ((_article_page("utf-8"), "utf-8"), (_article_page("gbk"), "gb18030")):
        decoded = decode_html(page.encode(codec))

        assert (decoded.encoding, decoded.mojibake) == (codec, None)


def test_gbk_misaligned_run_is_flagged() -> None:
    decoded = decode_html(_article_page("gbk", ARTICLE + MISALIGNED).encode("gb18030"))

    assert decoded.encoding == "gb18030"
    assert decoded.mojibake == "gbk-misaligned"


def test_question_marks_outside_chinese_words_are_no_misalignment() -> None:
    extra = '<a href="/list.jsp?id=3&amp;p=2">更多</a> 您知道吗? Why? 为什么？'
    decoded = decode_html(_article_page("utf-8", ARTICLE + extra).encode())

    assert decoded.mojibake is None


def test_utf8_declared_latin1_with_one_bad_byte_reads_as_utf8() -> None:
    body = _article_page("iso-8859-1").encode("utf-8")
    body = body[:200] + b"\xff" + body[200:]

    decoded = decode_html(body)

    assert decoded.encoding == "utf-8"
    assert ARTICLE[20:] in decoded.text
    assert decoded.mojibake is None  # one damaged character is damage, not mojibake
    assert 0 < decoded.replacements <= 4


def test_utf8_text_stored_as_latin1_mojibake_is_flagged() -> None:
    mangled = ARTICLE.encode("utf-8").decode("cp1252", errors="ignore")  # `å®¿è¿å¸‚...`
    decoded = decode_html(_article_page("utf-8", mangled).encode("utf-8"))

    assert decoded.encoding == "utf-8"  # no other reading of the bytes does better
    assert decoded.mojibake == "utf8-as-latin1"


def test_big5_bytes_declared_gbk_are_read_as_big5() -> None:
    text = "11月8日上午，宿遷市宿城區召開激光產業園建設第九次會辦會。區長張輝出席會議並講話。"
    decoded = decode_html(_article_page("gbk", text * 5).encode("big5"))

    assert decoded.encoding == "big5hkscs"
    assert text in decoded.text
    assert decoded.mojibake is None


def test_runs_of_replacement_characters_are_flagged() -> None:
    good = _article_page("utf-8").encode("utf-8")
    body = good[:300] + b"\xff\xfe\xfd\xfc" * 3 + good[300:]

    decoded = decode_html(body)

    assert decoded.encoding == "utf-8"  # not the EBCDIC codec chardet guesses
    assert decoded.mojibake == "replacement"
    assert decoded.replacements >= 12


def test_mojibake_reaches_the_article() -> None:
    from archive.cleaning.pipeline import clean

    article = clean(_article_page("gbk", ARTICLE + MISALIGNED).encode("gb18030"), "https://x.cn/a")

    assert article.extras["mojibake"] == "gbk-misaligned"


def test_valid_utf8_and_clean_latin_pages_are_never_re_read_as_chinese() -> None:
    portuguese = ("<html><head><meta charset='utf-8'></head><body><p>Categoria: Saúde. "
                  "A equipe do Serviço de Atendimento registrou nesta manhã o caso.</p>"
                  "</body></html>")
    assert decode_html(portuguese.encode("utf-8")).text.count("Saúde") == 1
    latin = portuguese.replace("utf-8", "iso-8859-1").encode("latin-1")
    decoded = decode_html(latin)
    assert "Saúde" in decoded.text and "manhã" in decoded.text
