"""Replica article content: the TOML files in ``content/`` read into :class:`Article` records."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

# The sites' zone (archive.timeutil has it too, but importing archive costs ~1 s).
SHANGHAI = ZoneInfo("Asia/Shanghai")
CONTENT_DIR = Path(__file__).resolve().parent / "content"
ARTICLE_ID = re.compile(r"[a-z0-9]+-(\d{3})")
COPY_OF = re.compile(r"([a-z0-9_-]+)/([a-z0-9]+-\d{3})")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class ContentError(ValueError):
    """A content file is missing, unreadable or breaks the format of /tmp/spec/content.md."""


@dataclass(frozen=True)
class Article:
    """One replica article as written (simplified script); sites render and convert it."""

    site: str
    id: str
    number: int  # the id's three digits: sites derive their numeric URL ids from it
    title: str
    published: datetime  # aware, Asia/Shanghai
    has_seconds: bool  # the content gave seconds, so sites that print them can
    source: str
    author: str | None
    section: str
    paragraphs: tuple[str, ...]
    lead: str | None = None
    corrected: tuple[str, ...] | None = None
    views: int | None = None
    copy_of: tuple[str, str] | None = None  # (site, id) of the original
    parts: int = 1

    def paragraphs_at(self, epoch: int) -> tuple[str, ...]:
        """The body as served in ``epoch``: a corrected article changes from epoch 1 on."""
        if self.corrected is not None and epoch >= 1:
            return self.corrected
        return self.paragraphs


def load_content(
    directory: Path = CONTENT_DIR, sites: Iterable[str] | None = None
) -> dict[str, list[Article]]:
    """Every article of ``sites`` (all files present when None), copies resolved.

    Sites named by a ``copy_of`` are loaded too, so a copy's body can be filled in."""
    wanted = set(sites) if sites is not None else {p.stem for p in directory.glob("*.toml")}
    loaded: dict[str, list[Article]] = {}
    pending = sorted(wanted)
    while pending:
        site = pending.pop()
        if site in loaded:
            continue
        loaded[site] = read_site_content(directory / f"{site}.toml", site)
        for article in loaded[site]:
            if article.copy_of and article.copy_of[0] not in loaded:
                pending.append(article.copy_of[0])
    return {site: _resolve_copies(articles, loaded) for site, articles in loaded.items()}


def read_site_content(path: Path, site: str) -> list[Article]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ContentError(f"{path}: no content file for site {site!r}") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ContentError(f"{path}: {exc}") from None
    articles = [_article(site, entry, path) for entry in data.get("articles", [])]
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{path}: article ids are not unique")
    return articles


def _article(site: str, entry: dict[str, Any], path: Path) -> Article:
    where = f"{path}: {entry.get('id', '?')}"
    try:
        ident = str(entry["id"])
        match = ARTICLE_ID.fullmatch(ident)
        if not match:
            raise ContentError(f"{where}: id must be <prefix>-<3 digits>")
        published, has_seconds = _published(str(entry["published"]))
        copy_of = _copy_of(entry.get("copy_of"), where)
        paragraphs = () if copy_of else _paragraphs(str(entry["body"]))
        corrected = entry.get("corrected_body")
        return Article(
            site=site,
            id=ident,
            number=int(match.group(1)),
            title=str(entry["title"]).strip(),
            published=published,
            has_seconds=has_seconds,
            source=str(entry["source"]).strip(),
            author=str(entry.get("author") or "").strip() or None,
            section=str(entry.get("section") or "").strip(),
            paragraphs=paragraphs,
            lead=str(entry["lead"]).strip() if entry.get("lead") else None,
            corrected=_paragraphs(str(corrected)) if corrected else None,
            views=int(entry["views"]) if "views" in entry else None,
            copy_of=copy_of,
            parts=int(entry.get("parts", 1)),
        )
    except KeyError as exc:
        raise ContentError(f"{where}: missing {exc.args[0]!r}") from None
    except ValueError as exc:
        if isinstance(exc, ContentError):
            raise
        raise ContentError(f"{where}: {exc}") from None


def _published(text: str) -> tuple[datetime, bool]:
    text = text.strip()
    for fmt, seconds in (("%Y-%m-%d %H:%M:%S", True), ("%Y-%m-%d %H:%M", False)):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=SHANGHAI), seconds
        except ValueError:
            continue
    raise ValueError(f"published {text!r} is not 'YYYY-MM-DD HH:MM[:SS]'")


def _paragraphs(body: str) -> tuple[str, ...]:
    # A paragraph wrapped over several lines in the file is still one paragraph.
    paragraphs = tuple(
        "".join(line.strip() for line in chunk.splitlines())
        for chunk in PARAGRAPH_BREAK.split(body.strip())
    )
    paragraphs = tuple(p for p in paragraphs if p)
    if not paragraphs:
        raise ValueError("empty body")
    return paragraphs


def _copy_of(value: Any, where: str) -> tuple[str, str] | None:
    if value is None:
        return None
    match = COPY_OF.fullmatch(str(value))
    if not match:
        raise ContentError(f"{where}: copy_of must be 'site/id'")
    return match.group(1), match.group(2)


def _resolve_copies(articles: list[Article], loaded: dict[str, list[Article]]) -> list[Article]:
    """A syndicated copy carries the original's paragraphs (and correction, if any)."""
    resolved = []
    for article in articles:
        if article.copy_of:
            site, ident = article.copy_of
            original = next((a for a in loaded[site] if a.id == ident), None)
            if original is None:
                raise ContentError(f"{article.site}/{article.id}: copy_of {site}/{ident} not found")
            article = replace(article, paragraphs=original.paragraphs)
        resolved.append(article)
    return resolved
