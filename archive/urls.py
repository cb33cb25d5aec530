"""URL canonicalization: one article, one canonical URL, whatever tracking decorated it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "spm", "scm",
        "from", "isappinstalled", "share_token", "share_source", "wfr", "_hsenc", "_hsmi",
    }
)
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": 80, "https": 443}
INDEX_PAGES = re.compile(r"/(?:index|default)\.(?:html?|shtml|php|jsp|asp|aspx)$", re.IGNORECASE)
# Characters a path or query may keep unescaped; everything else is percent-encoded (UTF-8).
SAFE_PATH = "/:@!$&'()*+,;=-._~%"
SAFE_QUERY = SAFE_PATH + "?"


class BadURL(ValueError):
    pass


def canonicalize(url: str) -> str:
    """Lower-case scheme and host, drop default port, fragment, tracking parameters, trailing
    ``index.html``; sort the query; normalise percent-escapes.  Raises BadURL."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise BadURL(f"bad URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise BadURL(f"bad URL {url!r}: need an absolute http(s) URL")
    host = parts.hostname.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise BadURL(f"bad URL {url!r}: invalid host name") from None
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normalise_escapes(parts.path or "/", SAFE_PATH)
    path = INDEX_PAGES.sub("/", path)
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _is_tracking(k)
        ),
        quote_via=quote,
        safe=SAFE_QUERY.replace("&", "").replace("=", "").replace("%", ""),
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    return urlsplit(canonicalize(url)).netloc


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _normalise_escapes(text: str, safe: str) -> str:
    # Upper-case existing escapes, encode raw non-ASCII as UTF-8; leave valid escapes alone.
    text = re.sub(r"%[0-9a-fA-F]{2}", lambda m: m.group(0).upper(), text)
    return quote(text, safe=safe)
