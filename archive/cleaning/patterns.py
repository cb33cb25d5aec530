"""The cleaner's one vocabulary: every regex, label list and selector the stages share."""

from __future__ import annotations

import re

from lxml import etree

# --- Encoding -------------------------------------------------------------------------------

# Matches `<meta charset=...>`, `<meta http-equiv=Content-Type content="...; charset=...">` and
# an XML declaration's encoding, on raw bytes (before we know how to decode them).
META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)"""
    rb"""|<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^"';,\s]+)""", re.IGNORECASE)
# Every spelling of GB2312/GBK/GB18030 (`x-gbk`, `csgb2312`, `cp936`, `euc-cn`...).  Sites that
# declare GB2312 send GBK bytes, so they are all read with the superset, GB18030.
GB_LABEL = re.compile(r"gb[-_ ]?(?:2312|k|18030)|cp936|euc-?cn|^chinese$", re.IGNORECASE)
# Every spelling of Big5; read with Python's HKSCS superset, as browsers do.
BIG5_LABEL = re.compile(r"big5", re.IGNORECASE)

# --- Text classes ---------------------------------------------------------------------------

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Everything that is not a letter or a CJK character: removing it leaves the "meaningful" text
# we count for density and length thresholds (digits and punctuation carry no signal there).
NOT_MEANINGFUL = re.compile(r"[\W\d_]+")
WHITESPACE = re.compile(r"\s+")
# A label (来源, 作者, 发布时间) must not follow another CJK character: `资金来源:` and
# `会议时间:` inside a sentence or a notice are no labels.  A date in Chinese numerals may run
# into the next label (`二〇二二年十二月三十一日作者：刘洋`, cells without spaces).
LABEL_START = rf"(?:(?<![{CJK}])|(?<=[\d〇零○一二三四五六七八九十]日))"
# NUL and the zero-width characters that CMS editors leave between characters.
INVISIBLE_CHARS = "\x00\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")

# --- Mojibake ------------------------------------------------------------------------------

# UTF-8 read as cp1252/Latin-1: a lead byte of a CJK or punctuation sequence (`ä`-`é`, `â` for
# `“”…`, `Ã`/`Â` for accented Latin) followed by a continuation byte (0x80-0xBF as cp1252).
_CP1252_CONTINUATION = (
    "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122"
)
UTF8_AS_LATIN1 = re.compile(f"[ÂÃâäåæçèé][{_CP1252_CONTINUATION}]")
# GBK decoded one byte off (a lost byte): an ASCII `?` where the lost character was, between
# CJK characters (the pattern opens with the literal so that the engine skims to each `?`),
# and characters of the private-use area that user-defined GBK rows map to.
GBK_LOST_BYTE = re.compile(rf"\?(?<=[{CJK}）)]\?)(?=[{CJK}])")
PRIVATE_USE_RUN = re.compile("[\ue000-\uf8ff]{2,}")
REPLACEMENT_RUN = re.compile("\ufffd{5,}")
# Cheap signals that some decoding may be wrong (with GBK_LOST_BYTE); only then is the costly
# comparison run.  One character class, scanned in C: U+FFFD, private use, the lead letters of
# UTF8_AS_LATIN1, and the kana, Greek, Cyrillic and box drawing that Big5 bytes read as GBK
# turn into.
MOJIBAKE_CHARS = re.compile(
    "[\ufffd\ue000-\uf8ffÂÃâäåæçèé\u3040-\u30ff\u0370-\u03ff\u0400-\u04ff\u2500-\u257f]"
)
ASCII_RUNS = re.compile(r"[\x00-\x7f]+")

# --- Flattened pinyin -----------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A syllable of lowercase pinyin carrying at least one tone mark (precomposed or combining):
# without the mark, `(cn)` or `(de)` would be ambiguous with real text, so we leave those.
_SYLLABLE = rf"[a-zü]{{0,5}}(?:[{_TONED}]|[aeiouü][\u0300\u0301\u0304\u030c])[a-zü]{{0,4}}"
# The parenthesis comes first and the CJK check is a lookbehind, so the engine only works at
# parentheses: the pattern runs over whole documents (~0.5 ms for 60 KB).
INLINE_PINYIN = re.compile(rf"[(（](?<=[{CJK}][(（])\s*{_SYLLABLE}\s*[)）]")

# --- Dates ----------------------------------------------------------------------------------

# `2023-06-24 19:04:19`, `2020年03月19日08:27`, `2018-3-6`, `2024/07/24`, `2024-07-24T10:33+08:00`.
_NUMERIC_DATE = (
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>1[0-2]|0?[1-9])\s*[-/.月]\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)(?:\s*日)?"
    r"(?:(?:\s*T\s*|\s*)(?P<H>2[0-3]|[01]?\d)\s*[:：时時]\s*(?P<M>[0-5]\d)"
    r"(?:\s*[:：分]\s*(?P<S>[0-5]\d))?(?:\.\d+)?"
    r"\s*(?P<tz>Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?)?"
)
# Digits of dates in Chinese numerals (落款 of government documents): `二〇二三年六月十九日`,
# with 〇, 零 or the circle ○ for zero; the month and day count in tens (十, 二十, 三十一).
CN_DIGITS = "〇零○一二三四五六七八九"
_CN_DATE = (
    rf"(?P<cy>[一二][{CN_DIGITS}]{{3}})\s*年\s*(?P<cm>十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<cd>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号號]"
)
DATE = re.compile(f"{_NUMERIC_DATE}|{_CN_DATE}")
# A printed date that also gives the time of day (`2024-07-24 10:33`, `10时33分`, ISO `T10:33`).
TIME_OF_DAY = re.compile(r"\d\s*[:：时時]\s*\d")
# One that gives the second as well (`19:04:19`, `10时33分05秒`, ISO `T10:33:00`).
TIME_WITH_SECONDS = re.compile(r"\d\s*[:：时時]\s*\d{1,2}\s*[:：分]\s*\d")
# A date announced as the publication time, e.g. `發布時間: 2024-07-24 10:33`.
DATE_LABEL = re.compile(
    LABEL_START
    + r"(?:发布|發布|發佈|发表|發表|公布|公開|公开|成文|更新|上传|上傳)?(?:时间|時間|日期)\s*[:：]"
)
LABELLED_DATE = re.compile(rf"{DATE_LABEL.pattern}\s*(?P<date>{DATE.pattern})")
# Date-bearing URL paths, most specific first: TRS `/202407/t20240724_`, `/2024-07/24/`,
# Hanweb `/art/2024/7/24/`, and a bare `/20240724/` segment.
URL_DATES = (
    re.compile(r"/t(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)_"),
    re.compile(r"/(?P<y>20\d{2})-(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/"),
    re.compile(r"/(?P<y>20\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/"),
    re.compile(r"/(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
)

# --- Labels: source, author, editor ---------------------------------------------------------

# Where a label's value ends: end of line, a run of spaces, a bar, a date glued on
# (`來源:宿遷經信網2016-11-14`), or the next `label:`.
_VALUE_END = (
    r"(?=$|\s{2,}|\s*[|｜]|\s*(?:19|20)\d{2}\s*[-/.年]|\s+\S{1,8}[:：]"
    r"|\s+(?:责任编辑|責任編輯|编辑|編輯|通讯员|通訊員)\s)"
)
# Unlike names, a source never holds a space, so its value also ends at the first one.
SOURCE = re.compile(
    LABEL_START
    + r"(?:信息来源|信息來源|文章来源|文章來源|新闻来源|新聞來源|稿件来源|稿件來源|稿源|来源|來源"
    r"|发布者|發布者|發佈者|发布单位|發布單位|发布机构|發布機構)\s*[:：]\s*"
    rf"(?P<value>[^\s|｜]+?)(?=$|\s|[|｜]|(?:19|20)\d{{2}}\s*[-/.年]|[{CJK}]{{2,4}}[:：])"
)
AUTHOR = re.compile(
    LABEL_START + r"(?:作者|記者|记者|通讯员|通訊員|撰稿|撰文)\s*[:：]\s*"
    r"(?P<value>[^|｜\n]+?)" + _VALUE_END
)
# An editor credit takes a colon, or a space and then one short name (`编辑 孙十`); never
# `编辑部` or `编辑出版`.
EDITOR = re.compile(
    LABEL_START + r"(?:责任编辑|責任編輯|编辑|編輯)"
    rf"(?:\s*[:：]\s*|\s+(?=[{CJK}]{{2,4}}(?:[\s)）】\]]|$)))(?P<value>[^|｜\n]+?)" + _VALUE_END
)
# A person-name list: letters, CJK and list punctuation only, so an interview line
# such as `记者：您怎么看？` is not taken for a byline.
_NAME_CHARS = rf"\w{CJK}·•. ,，、/"
NAME_LIST = re.compile(rf"[{_NAME_CHARS}]+")
# Separators between the names of a list (`王喆 李堃`, `张乃川,张晔`).
NAME_SEPARATORS = re.compile(r"[\s,，、/]+")
# A reporter credit that is a whole line, with or without a colon: `記者 王喆`, `本报记者王喆`,
# `（记者 王喆 通讯员 李堃）`.  The value stops before the 通讯员 or 编辑 part.  Only whole
# lines count: `记者从市工信局获悉，...` opens many a paragraph.
BYLINE = re.compile(
    r"^[\s■●◆★▲►▶※(（【\[]*(?:本报|本報|融媒体|融媒體|全媒体|全媒體|特约|特約)?(?:记者|記者)"
    rf"\s*[:：]?\s*(?P<value>[{_NAME_CHARS}]+?)[\s,，、]*"
    rf"(?:通\s*[讯訊]\s*[员員]\s*[:：]?[{_NAME_CHARS}]*)?"
    rf"(?:(?:责任|責任)?[编編]\s*[辑輯]\s*[:：]?[{_NAME_CHARS}]*)?[\s)）】\]]*$"
)

# --- Government information disclosure (信息公开) ---------------------------------------------

# The label/value cells that 信息公开 pages print above the document, by the extras key they
# fill.  Labels may be spaced out to align the cells (`索 引 号`).
DISCLOSURE_LABELS = {
    "index_no": ("索引号", "索引號"),
    "doc_no": ("文号", "文號", "发文字号", "發文字號", "文件编号", "文件編號", "发文编号"),
    "issuer": ("发布机构", "發布機構", "发文机关", "發文機關", "发文单位", "發文單位", "制发机关"),
    "written_date": ("成文日期", "成文时间", "成文時間", "生成日期"),
    "published_date": ("发布日期", "發布日期", "公开日期", "公開日期", "发文日期", "發文日期"),
    "topic": ("主题分类", "主題分類", "主题分類", "信息分类", "信息分類", "分类", "分類"),
    # Not a key of its own: the article's 来源 when the info bar has none.
    "source": ("信息来源", "信息來源", "来源", "來源"),
}
# Keys that only a disclosure table has: without one of them, 发布日期 and 分类 are an info bar.
DISCLOSURE_KEYS = ("index_no", "doc_no", "written_date")
# Any label of those keys, in a page's text: only then is the tree searched for the table.
DISCLOSURE_MARK = re.compile(
    "|".join(r"\s*".join(label) for key in DISCLOSURE_KEYS for label in DISCLOSURE_LABELS[key])
)
# Fields a disclosure table has that are not extras of their own.
DISCLOSURE_NOT_EXTRAS = ("source",)
_DISCLOSURE_ALTERNATIVES = sorted(
    ((key, label) for key, labels in DISCLOSURE_LABELS.items() for label in labels),
    key=lambda pair: len(pair[1]),
    reverse=True,
)
DISCLOSURE_LABEL_KEYS = {label: key for key, label in _DISCLOSURE_ALTERNATIVES}
# One cell: a label, an optional colon and the value, if the cell holds it too.
DISCLOSURE_CELL = re.compile(
    r"(?P<label>"
    + "|".join(r"\s*".join(label) for _, label in _DISCLOSURE_ALTERNATIVES)
    + r")\s*(?P<colon>[:：])?\s*(?P<value>.*)"
)
# Anywhere in a cell: how many labels it holds (a whole row is no single cell).
DISCLOSURE_ANY_LABEL = re.compile(
    LABEL_START + "(?:" + "|".join(label for _, label in _DISCLOSURE_ALTERNATIVES) + r")\s*[:：]?"
)
# Elements that hold one cell of such a table.
DISCLOSURE_CELL_TAGS = ("td", "th", "li", "dt", "dd", "span", "p", "div", "b", "strong", "label")

# --- Titles ---------------------------------------------------------------------------------

# Separators between an article title and the site name in `<title>`.
TITLE_SEPARATORS = re.compile(r"\s+[-—–]+\s+|\s*[_|｜]+\s*|\s+--\s+")
# Meta names, lowercased, in order of trust.
TITLE_META = ("articletitle", "og:title")
DATE_META = (
    "pubdate",
    "article:published_time",
    "publishdate",
    "datepublished",
    "firstpublishedtime",
)
SOURCE_META = ("contentsource",)
SITE_NAME_META = ("sitename", "og:site_name", "application-name")
AUTHOR_META = ("author",)

# --- Boilerplate lines ----------------------------------------------------------------------

# Words that make up page furniture; a line that is mostly these is boilerplate.
_NOISE_WORDS = (
    *("字号", "字號", "字体", "字體", "大中小", "打印", "列印", "打印本页", "打印本頁"),
    *("关闭", "關閉", "关闭窗口", "關閉窗口", "本页", "本頁", "分享", "分享到", "收藏"),
    *("转发", "轉發", "评论", "評論", "返回", "返回顶部", "返回頂部", "扫一扫", "掃一掃"),
    *("微信", "微博", "浏览次数", "瀏覽次數", "阅读次数", "閱讀次數", "点击数", "點擊數"),
    *("关注度", "關注度", "我要", "纠错", "糾錯", "订阅", "訂閱", "阅读", "閱讀", "下载"),
    *("下載", "登录", "登錄", "注册", "註冊", "首页", "首頁", "参与", "參與", "互动", "互動"),
    *("复制链接", "複製鏈接", "複製連結"),
)
# Longest first, so that `关闭窗口` is removed whole rather than leaving `窗口` behind.
NOISE_WORDS = re.compile("|".join(sorted(_NOISE_WORDS, key=len, reverse=True)))
# Openings of lines after which nothing is article text: prev/next links, related reading,
# disclaimers, keyword and comment widgets, page counters.
_TAIL_WORDS = (
    r"责任编辑|責任編輯|上一篇|下一篇|上一条|下一条|上一條|下一條|相关阅读|相關閱讀|相关新闻|相關新聞"
    r"|相关文章|相關文章|延伸阅读|延伸閱讀|免责声明|免責聲明|版权所有|版權所有|版权声明|版權聲明"
    r"|声明\s*[:：]|聲明\s*[:：]|转载请注明|轉載請注明|关键词|關鍵詞|关键字|關鍵字|暂无关键词|暫無關鍵詞"
    r"|网友点评|網友點評|网友评论|網友評論|相关评论|相關評論|参与评论|參與評論|发表评论|發表評論"
    r"|最新评论|最新評論|热门评论|熱門評論|我要评论|我要評論|评论区|評論區"
    r"|总共\s*[:：]|總共\s*[:：]|上一页|下一页|上一頁|下一頁|更多精彩"
)
_BULLETS = r"^[\s■●◆★▲►▶※【\[(（>＞·•・]*"
TAIL_MARKER = re.compile(_BULLETS + rf"(?:{_TAIL_WORDS})")
# Lines that are boilerplate by their opening words, whatever follows.
NOISE_PREFIX = re.compile(
    _BULLETS + rf"(?:{_TAIL_WORDS}|编辑\s*[:：]|編輯\s*[:：]|您的位置|你的位置|当前位置|當前位置"
    r"|所在位置|精彩导读|精彩導讀|共\d+页|共\d+頁|copyright|©)",
    re.IGNORECASE,
)
# Footer marks that may sit anywhere in a short line.
NOISE_ANYWHERE = re.compile(
    r"ICP备|ICP備|ICP证|公网安备|公網安備|公安备案|公安備案|版权所有|版權所有"
    r"|字号\s*[:：]|字號\s*[:：]"  # a font-size switch (`字号：T | T`) sits in a toolbar
)
# A breadcrumb: `首页 > 国内 >`, `首页 / 时政 / 正文`, `首頁 » 新聞`.
BREADCRUMB = re.compile(r"^[^。，,]{0,12}?(?:首页|首頁|主页|主頁)\s*(?:>|›|»|/|→|->)")
# A line that is only an image caption placeholder such as `(资料图片)`.
CAPTION_ONLY = re.compile(
    r"^[(（【\[]?\s*(?:资料图片|資料圖片|资料图|資料圖|图片|圖片)\s*[)）】\]]?$"
)
# A summary placed before the text and repeated in it.
LEAD_LABEL = re.compile(r"^(?:导读|導讀|摘要|内容摘要|內容摘要|核心提示|提要)\s*[:：]\s*")
# How a summary cut short ends (`摘要：11月8日上午,宿遷市宿城區召開...`).
TRUNCATION = re.compile(r"(?:\.{3,}|…+|。。。)\s*$")

# --- Tree cleaning and content selection ----------------------------------------------------

# Never text, on any page.
ALWAYS_DROP = ("script", "style", "noscript", "template", "svg", "canvas", "object", "embed")
# Page furniture, dropped before choosing the main text (after metadata has read the info bar).
LAYOUT_DROP = ("nav", "header", "footer", "aside", "iframe", "select", "button", "textarea")
# Ruby annotations (`<ruby>區<rt>qū</rt></ruby>`): the reading, not the text.
RUBY_DROP = ("rt", "rp", "rtc")
# Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "caption", "center", "dd"),
        *("details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"),
        *("pre", "section", "summary", "table", "tbody", "tfoot", "thead", "title", "tr", "ul"),
    )
)
CELL_TAGS = frozenset(("td", "th"))


# Hanweb's markers around the article text: `<meta name="ContentStart">` ... `<meta
# name="ContentEnd">` (lowercased names).
CONTENT_START = "contentstart"
CONTENT_END = "contentend"
# Containers that CMSs fill with exactly the article text: Hanweb `#zoom`, TRS WCM's editor
# output (`.TRS_Editor`, newer `.TRS_UEDITOR`).  Trusted whatever their length: a two-line
# notice is still the article.  Each is (attribute, value), "class" meaning one class token.
CMS_CONTAINERS = (
    ("id", "zoom"),
    ("class", "TRS_Editor"),
    ("class", "TRS_UEDITOR"),
)
# Where other pages put the article text, most specific first: HTML5 and schema.org markup,
# then common names.  These may be empty shells or whole-page wrappers, so they must hold real
# text.  "tag" means the element name.
CONTENT_HINTS = (
    ("tag", "article"),
    ("itemprop", "articleBody"),
    ("class", "article-content"),
    ("id", "content"),
    ("class", "content"),
)
# Everything any of those could match, found in one pass over the tree (seven passes cost ~2 ms).
CONTENT_HINT_CANDIDATES = etree.XPath(
    "//article | //*[@id='zoom' or @id='content' or @itemprop='articleBody'"
    " or contains(@class, 'TRS_') or contains(@class, 'content')]"
)

# --- Furniture by name and English tails (content extraction) -------------------------------

# Words in a class or id that name page furniture, not text: comment threads, share and
# follow bars, related and trending lists, newsletter sign-ups, ads, author bios, galleries.
# Matched against the words of the attribute (split at `-`, `_`, spaces and camelCase), so
# `post-comments` and `shareBar` match but `commentary-text` or `shared` do not.
_FURNITURE_WORDS = (
    *("comment", "comments", "disqus", "respond", "reply", "replies"),
    *("share", "sharing", "sharebar", "sociallinks", "follow"),
    *("related", "relatedposts", "recommended", "recommend", "trending", "popular"),
    *("mostpopular", "outbrain", "taboola", "newsletter", "subscribe", "subscription", "signup"),
    *("promo", "advert", "advertisement", "ad", "ads", "adsbygoogle", "sponsored", "sidebar"),
    *("breadcrumb", "breadcrumbs", "pagination", "pager", "bio", "gallery", "tags"),
    *("cookie", "cookies", "modal", "popup"),
)
FURNITURE_WORDS = frozenset(_FURNITURE_WORDS)
# Splits a class or id into its words: `relatedPosts` -> related, posts; `post_share` -> post,
# share.
ATTRIBUTE_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Only elements carrying a class or id are looked at (one XPath pass).
NAMED_ELEMENTS = etree.XPath(".//*[@class or @id]")
# Tags never dropped for their name: the page itself and the article markup.
FURNITURE_KEEP_TAGS = frozenset(("html", "body", "main", "article"))
# Any furniture word anywhere in a name: a cheap first look before splitting it into words.
FURNITURE_HINT = re.compile("|".join(sorted(FURNITURE_WORDS, key=len, reverse=True)), re.I)
# Whole short lines after which an (English, or Japanese) article has ended: related and
# trending lists, comment threads, tag lists, author boxes.
_EN_TAIL_WORDS = (
    r"related\s+(?:articles|stories|posts|content|coverage|links|reading|topics)"
    r"|(?:our\s+)?(?:latest|top|recent|popular)\s+(?:stories|news|articles|posts)"
    r"|most\s+(?:popular|read|viewed|shared)|trending(?:\s+now)?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|recommended(?:\s+for\s+you)?"
    r"|(?:leave|post|add|write)\s+a\s+(?:comment|reply)|\d*\s*comments?|responses?"
    r"|tags?|filed\s+under|about\s+the\s+authors?|関連記事"
)
EN_TAIL_MARKER = re.compile(rf"^[\s■●◆★▲►▶※【\[(]*(?:{_EN_TAIL_WORDS})[\s:：.!)\]】]*$", re.I)
# Whole short lines that are widgets inside the text: share and sign-up prompts, ad labels,
# `Related:` and `Read more` teasers.
EN_NOISE_LINE = re.compile(
    r"^[\s■●◆★▲►▶※【\[(]*(?:share\s+this\b|subscribe\b|sign\s+up\b|advertisement"
    r"|sponsored(?:\s+(?:links?|content|stories))?|related(?:\s+news)?|read\s+more\b"
    r"|more\s+(?:videos?|from|in|on)\b|スポンサードリンク)",
    re.I,
)
EN_TAIL_MAX_CHARS = 60  # a longer line is a sentence that happens to open with those words
# A line that is only a web address.
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
# A share prompt with its list of networks (`分享到：MSN开心网人人网...`, `Share on Facebook`).
SHARE_PROMPT = re.compile(r"^\s*(?:分享到|分享至|share\s+(?:on|to|via)\b)", re.I)
# Tail markers that also open a short list of links inside the text (`相关新闻：` and three
# headlines, then the article goes on): they end the text only past its middle.
RELATED_MARKER = re.compile(
    _BULLETS + r"(?:相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|延伸阅读|延伸閱讀)"
)
# Lines that close a text wherever they open: a reprint notice (`未經授權，不得轉載`) or the
# site asking to be followed (`快點到Facebook Like我們的專頁`).  Quotes may say either, so they
# end the text only past its middle.
END_NOTICE = re.compile(
    r"不得[转轉][载載]|(?:严禁|嚴禁|禁止)[转轉][载載]|我[們们]的?(?:專頁|专页)"
    r"|(?:like|follow|關注|关注|追蹤|追踪)\s*我[們们]",
    re.I,
)
# English info lines above the text: bylines (`By Bryan DeArdo`, `By HNN Staff | ...`) and
# datelines (`Updated 5:27 am CST, Wednesday, November 20, 2019`).  Only short lines that do
# not end a sentence are judged (`By Monday, the council had voted.` is text).
EN_INFO_MAX_CHARS = 120
_EN_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
EN_DATE = re.compile(
    rf"\b{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\b\d{{1,2}}\s+{_EN_MONTH}\s+\d{{4}}",
    re.I,
)
EN_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?)?", re.I)
EN_BYLINE = re.compile(
    r"^by\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:$|[|,•@]|(?:updated|published|posted|on)\b)", re.I
)
EN_STAMP = re.compile(r"^(?:updated|published|posted|first\s+published|last\s+updated)\b.*\d", re.I)
EN_SENTENCE_END = re.compile(r"(?<![ap]\.m)[.!?\"”]\s*$", re.I)
# Photo credits, alone or closing a caption: `Photo by Kirk Irwin/Getty Images`, `(Image: ©
# Shutterstock)`, `... in Hialeah, Fla. (AP Photo/Alan Diaz)`.  A sentence citing an agency
# ends in a full stop, so the credit has to close the line.
EN_CAPTION_MAX_CHARS = 250
EN_CREDIT = re.compile(
    r"^[(\[]?\s*(?:main\s+|file\s+)?(?:image|photo|photograph|picture)s?"
    r"(?:\s+(?:credit|copyright|source|illustration))?\s*(?::|©|\bby\b|\bvia\b|\bcopyright\b)"
    r"|(?:getty\s+images|shutterstock|istock(?:photo)?|\bap\s+photo\b[^)\]]*|\bafp|\breuters)"
    r"(?:\s*/[\w\s.,-]+)?\s*[)\]]?\s*$"
    r"|[(\[]\s*(?:photo|image|credit|picture)s?\s*:[^)\]]*[)\]]\s*$",
    re.I,
)
# A pager after the text, its page numbers first: `123456 下一页`, `1 2 3 下一頁`.
PAGER = re.compile(r"^[\s\d|\[\]]*\d[\s\d|\[\]]*(?:上一页|下一页|上一頁|下一頁)")
# A "more" link after the text: `更多>>房地产业`, `更多 今日總覽 新聞` (not `更多的人...`).
MORE_LINK = re.compile(r"^[\s>＞·•・]*更多(?:\s|>|》|»|关于|關於|$)")
# A Taiwanese-style reporter line: `記者陳鈞凱／台北報導`, `王嘉源／綜合報導`.
REPORTER_LINE = re.compile(
    r"^(?:[記记]者\s*)?[\u4e00-\u9fff·]{2,5}\s*[／/]\s*[\u4e00-\u9fff]{0,8}(?:報導|报道|報道)$"
)
